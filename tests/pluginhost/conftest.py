"""Installs throw-away plugin distributions the way pip would, so importlib.metadata finds them."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
import pytest


@dataclass(frozen=True)
class FakeSite:
    """A folder that looks like site-packages: ``*.dist-info`` folders plus plugin modules."""

    path: Path

    def install(self, dist: str, version: str, entry_points: dict[str, str], modules: dict[str, str]) -> None:
        """Write ``<dist>-<version>.dist-info`` with ``[station]`` entry points and the modules."""
        info = self.path / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
        lines = ["[station]", *(f"{name} = {target}" for name, target in entry_points.items())]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
        for module, source in modules.items():
            (self.path / f"{module}.py").write_text(textwrap.dedent(source))


@pytest.fixture
def fake_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSite]:
    """A fake site-packages on ``sys.path`` for in-process entry-point discovery."""
    site = FakeSite(tmp_path / "site")
    site.path.mkdir()
    monkeypatch.syspath_prepend(str(site.path))
    before = set(sys.modules)
    yield site
    for name in set(sys.modules) - before:  # forget the fake plugin modules
        if getattr(sys.modules[name], "__file__", "") and str(site.path) in str(sys.modules[name].__file__):
            del sys.modules[name]


BROKEN_MODULE = """
raise RuntimeError("cannot reach the licence server at licence.example")
"""

GOOD_CARRIER_MODULE = """
from station.api import Money, Rate, SettingsSchema, hookimpl

STATION_API_VERSION = "1.0"


class Drone:
    name = "drone"
    title = "Drone delivery"
    settings_schema = SettingsSchema(name="drone", title="Drone delivery")

    def rates(self, ctx, request):
        return (Rate(carrier="drone", service_code="air", service_name="Air", price=Money(4990, "CLP")),)

    def buy_label(self, ctx, request): raise NotImplementedError
    def void_label(self, ctx, tracking_number): return None
    def track(self, ctx, tracking_number): return ()


@hookimpl
def station_register_carriers(register):
    register(Drone())
"""


@pytest.fixture
def plugin_sources() -> dict[str, str]:
    """Module sources of example plugins: ``broken`` raises on import, ``drone`` is a good carrier."""
    return {"broken": BROKEN_MODULE, "drone": GOOD_CARRIER_MODULE}
