"""The plugin kit: ``station plugin new`` renders a ready-to-test plugin package from templates.

Templates live in ``templates/common`` (every kind) and ``templates/<kind>`` (the adapter, its
sandbox and its tests). They are rendered with :class:`string.Template` (``$$`` is a literal
dollar); in file paths ``@module@`` and ``@slug@`` are replaced and the ``.tmpl`` suffix dropped.
Standard library only: the kit must work wherever the station runs.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

from station.api import API_VERSION

#: Kinds `station plugin new --kind` offers → (adapter kind in station.api, error class, words).
KINDS: dict[str, tuple[str, str, str]] = {
    "carrier": ("carrier", "CarrierError", "carrier"),
    "payment": ("payment_gateway", "PaymentError", "payment gateway"),
    "marketplace": ("marketplace", "MarketplaceError", "marketplace"),
}

#: What a generated plugin's pyproject requires of the station (see docs/plugins.md, "Publishing").
STATION_REQUIREMENT = "just-logistics-station"

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class PluginKitError(ValueError):
    """A plugin cannot be generated (bad name, unknown kind, target not empty); the message says why."""


@dataclass(frozen=True, slots=True)
class PluginNames:
    """Every name a generated plugin uses, derived from its short name and kind."""

    name: str  # the adapter's name, e.g. "acme"
    kind: str  # carrier | payment | marketplace
    adapter_kind: str  # the station.api adapter kind, e.g. "payment_gateway"
    distribution: str  # station-carrier-acme
    module: str  # station_carrier_acme
    entry_point: str  # acme_carrier: the name `station plugins list` shows
    class_name: str  # AcmeCarrier
    title: str  # Acme
    kind_words: str  # "payment gateway"
    error_class: str  # CarrierError
    api_version: str
    station_requirement: str


def plugin_names(name: str, kind: str) -> PluginNames:
    """The names for plugin ``name`` of ``kind``; :class:`PluginKitError` explains a bad one."""
    if kind not in KINDS:
        raise PluginKitError(f"unknown plugin kind {kind!r}; choose one of {', '.join(KINDS)}")
    if not _NAME.match(name) or len(name) > 40:
        raise PluginKitError(
            f"plugin name {name!r} must be lowercase letters and digits, words joined by '-', "
            "starting with a letter, at most 40 characters (e.g. 'acme' or 'fast-courier')"
        )
    adapter_kind, error_class, words = KINDS[kind]
    snake = name.replace("-", "_")
    title = " ".join(part.capitalize() for part in name.split("-"))
    return PluginNames(
        name=name,
        kind=kind,
        adapter_kind=adapter_kind,
        distribution=f"station-{kind}-{name}",
        module=f"station_{kind}_{snake}",
        entry_point=f"{snake}_{kind}",
        class_name=title.replace(" ", "") + kind.capitalize(),
        title=title,
        kind_words=words,
        error_class=error_class,
        api_version=API_VERSION,
        station_requirement=STATION_REQUIREMENT,
    )


def render_plugin(name: str, kind: str, parent: Path) -> Path:
    """Write the package ``station-<kind>-<name>`` under ``parent`` and return its folder.

    Refuses (``PluginKitError``) to write into a folder that exists and is not empty, so a second
    run never overwrites someone's work.
    """
    names = plugin_names(name, kind)
    target = Path(parent) / names.distribution
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise PluginKitError(f"{target} already exists and is not empty; choose another --dir or remove it")
    values = asdict(names)
    templates = files("station.plugin_kit") / "templates"
    rendered: dict[Path, str] = {}
    for root in (templates / "common", templates / kind):
        for relative, source in _walk(root):
            path = Path(relative.replace("@module@", names.module).replace("@slug@", names.entry_point))
            path = path.with_name(path.name.removesuffix(".tmpl"))
            try:
                rendered[path] = Template(source.read_text(encoding="utf-8")).substitute(values)
            except (KeyError, ValueError) as exc:  # a template bug, not the user's: name the file
                raise RuntimeError(f"plugin kit template {kind}/{relative} is broken: {exc!r}") from exc
    for path, text in sorted(rendered.items()):
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return target


def _walk(root: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """(relative path, file) for every template under ``root``, skipping caches."""
    found: list[tuple[str, Traversable]] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        relative = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.extend(_walk(entry, relative + "/"))
        elif entry.name.endswith(".tmpl"):
            found.append((relative, entry))
    return found
