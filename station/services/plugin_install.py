"""Installing plugin wheels into a station that has no pip (a frozen AppImage or MSI install).

``install_wheel()`` verifies the wheel (pure Python, RECORD hashes), checks the plugin's
``STATION_API_VERSION`` against ``station.api.API_VERSION`` without importing it, collects its
pure-Python dependencies from wheels next to it (or in ``find_links``) unless the station
already has a satisfying version, and unpacks everything into the user plugins directory
(``station.plugin_store``). The change is prepared in a copy of that directory which then
replaces it, so a failed install or removal leaves the previous state. A restart loads it.
"""

from __future__ import annotations

import ast
import importlib.metadata
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path, PurePosixPath

from station.api.markers import PROJECT_NAME
from station.api.version import API_VERSION, api_incompatibility
from station.plugin_store import user_plugins_dir
from station.services.requirements import Requirement, parse_requirement
from station.services.wheel_files import PluginInstallError, Wheel, file_hash, normalise_name, read_wheel

__all__ = [
    "InstalledPlugin",
    "PluginInstallError",
    "install_wheel",
    "installed",
    "remove",
]

INSTALLER = "just-logistics-station"
#: Distributions that are the station itself: a plugin's requirement on them is the API check.
STATION_DISTRIBUTIONS = frozenset({"just-logistics-station", "station"})


@dataclass(frozen=True)
class InstalledPlugin:
    """One distribution in the user plugins directory."""

    name: str
    version: str
    plugins: tuple[str, ...]  # its entry points in the ``station`` group
    requested: bool  # installed by name; False: a dependency of another


def installed(site: Path | None = None) -> list[InstalledPlugin]:
    """The distributions in the user plugins directory, plugins first, by name."""
    found = []
    for dist in importlib.metadata.distributions(path=[str(site or user_plugins_dir())]):
        found.append(
            InstalledPlugin(
                name=dist.metadata["Name"],
                version=dist.version,
                plugins=tuple(sorted(ep.name for ep in dist.entry_points if ep.group == PROJECT_NAME)),
                requested=dist.read_text("REQUESTED") is not None,
            )
        )
    return sorted(found, key=lambda item: (not item.plugins, normalise_name(item.name)))


def install_wheel(
    path: Path | str, *, find_links: Iterable[Path | str] | None = None, site: Path | None = None
) -> list[InstalledPlugin]:
    """Install the plugin wheel at ``path`` and the dependencies it needs; returns what was added."""
    site = site or user_plugins_dir()
    wheel = read_wheel(Path(path))
    _check_api(wheel)
    already = {normalise_name(item.name): item for item in installed(site) if site.exists()}
    plan = [wheel]
    _collect_dependencies(wheel, _wheel_dirs(Path(path), find_links), already, plan)

    def change(staging: Path) -> None:
        for item in plan:
            old = already.get(item.key)
            if old is not None:
                _remove_distribution(staging, old.name)
            _unpack(item, staging, requested=item is wheel)

    _replace_site(site, change)
    return [InstalledPlugin(w.name, w.version, tuple(sorted(w.entry_points(PROJECT_NAME))), w is wheel) for w in plan]


def remove(name: str, site: Path | None = None) -> list[str]:
    """Remove an installed plugin (by distribution or plugin name) and the dependencies only it
    needed; returns the distribution names removed."""
    site = site or user_plugins_dir()
    everything = installed(site) if site.exists() else []
    key = normalise_name(name)
    target = next(
        (item for item in everything if key == normalise_name(item.name) or key in map(normalise_name, item.plugins)),
        None,
    )
    if target is None:
        shown = ", ".join(item.name for item in everything if item.requested) or "none"
        raise PluginInstallError(f"No plugin named {name!r} is installed in {site} (installed: {shown})")
    removed = [target.name]

    def change(staging: Path) -> None:
        _remove_distribution(staging, target.name)
        # Then every dependency nothing left requires, until none is orphaned.
        while orphan := _orphan(staging):
            _remove_distribution(staging, orphan)
            removed.append(orphan)

    _replace_site(site, change)
    return removed


# -- checks -----------------------------------------------------------------------------------------


def _check_api(wheel: Wheel) -> None:
    """Every entry point of the plugin declares ``STATION_API_VERSION`` compatible with ours."""
    entry_points = wheel.entry_points(PROJECT_NAME)
    if not entry_points:
        raise PluginInstallError(
            f"{wheel.path.name}: not a station plugin (no entry point in the group {PROJECT_NAME!r})"
        )
    for ep_name, value in entry_points.items():
        module = value.split(":", 1)[0].strip()
        declared = _declared_api_version(wheel, module)
        if declared is None:
            raise PluginInstallError(
                f"{wheel.name} {wheel.version}: plugin {ep_name!r} does not declare the station plugin API it "
                f'needs; add STATION_API_VERSION = "{API_VERSION}" to {module}'
            )
        reason = api_incompatibility(declared)
        if reason:
            raise PluginInstallError(
                f"{wheel.name} {wheel.version} is not compatible with this station: plugin {ep_name!r} "
                f"{reason} (it declares STATION_API_VERSION = {declared!r})"
            )


def _declared_api_version(wheel: Wheel, module: str) -> str | None:
    """The string assigned to ``STATION_API_VERSION`` at the top of ``module``, read, not imported."""
    parts = module.split(".")
    for candidate in ("/".join(parts) + ".py", "/".join(parts) + "/__init__.py"):
        source = wheel.files.get(candidate)
        if source is not None:
            break
    else:
        raise PluginInstallError(f"{wheel.path.name}: the entry-point module {module} is not in the wheel")
    try:
        tree = ast.parse(source, filename=candidate)
    except SyntaxError as exc:
        raise PluginInstallError(f"{wheel.path.name}: {candidate} is not valid Python: {exc}") from exc
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        if any(isinstance(t, ast.Name) and t.id == "STATION_API_VERSION" for t in targets):
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
            return repr(ast.unparse(value)) if value is not None else None
    return None


# -- dependencies -------------------------------------------------------------------------------------


def _wheel_dirs(path: Path, find_links: Iterable[Path | str] | None) -> list[Path]:
    dirs = [path.resolve().parent, *(Path(item) for item in find_links or ())]
    for folder in dirs:
        if not folder.is_dir():
            raise PluginInstallError(f"--find-links {folder}: not a folder")
    return dirs


def _collect_dependencies(
    wheel: Wheel, dirs: list[Path], already: dict[str, InstalledPlugin], plan: list[Wheel]
) -> None:
    for text in wheel.requires:
        requirement = parse_requirement(text)
        if requirement is None or requirement.key in STATION_DISTRIBUTIONS:
            continue  # not for this platform, or the station itself (the API check covers it)
        if any(item.key == requirement.key for item in plan):
            continue
        if _station_has(requirement) or (
            requirement.key in already and requirement.allows(already[requirement.key].version)
        ):
            continue
        dependency = _find_wheel(requirement, dirs, needed_by=f"{wheel.name} {wheel.version}")
        plan.append(dependency)
        _collect_dependencies(dependency, dirs, already, plan)


def _station_has(requirement: Requirement) -> bool:
    try:
        version = importlib.metadata.version(requirement.name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return requirement.allows(version)


def _find_wheel(requirement: Requirement, dirs: list[Path], *, needed_by: str) -> Wheel:
    candidates: list[tuple[tuple, Path]] = []
    for folder in dirs:
        for path in folder.glob("*.whl"):
            name, _, rest = path.name.partition("-")
            version = rest.split("-", 1)[0]
            if normalise_name(name) == requirement.key and requirement.allows(version):
                candidates.append((requirement.sort_key(version), path))
    if not candidates:
        where = ", ".join(str(folder) for folder in dirs)
        raise PluginInstallError(
            f"{needed_by} needs {requirement.text}: the station does not have it and there is no "
            f"matching wheel in {where} (put its wheel there or pass --find-links)"
        )
    return read_wheel(max(candidates)[1])


# -- the plugins directory ------------------------------------------------------------------------------


def _replace_site(site: Path, change) -> None:
    """Apply ``change`` to a copy of ``site``, then swap the copy in: all or nothing."""
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".staging-", dir=site.parent))
    staging = work / "site"
    try:
        if site.exists():
            shutil.copytree(site, staging, symlinks=True)
        else:
            staging.mkdir()
        change(staging)
        if site.exists():
            site.rename(work / "previous")
        staging.rename(site)
    except BaseException:
        if not site.exists() and (work / "previous").exists():
            (work / "previous").rename(site)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _unpack(wheel: Wheel, staging: Path, *, requested: bool) -> None:
    files = dict(wheel.files)
    files[f"{wheel.dist_info}/INSTALLER"] = (INSTALLER + "\n").encode()
    if requested:
        files[f"{wheel.dist_info}/REQUESTED"] = b""
    for name, data in files.items():
        target = staging.joinpath(*PurePosixPath(name).parts)
        if target.exists() and not name.startswith(wheel.dist_info + "/"):
            owner = _owner_of(staging, name)
            if owner is not None:
                raise PluginInstallError(
                    f"{wheel.name} would overwrite {name}, which belongs to the installed {owner}; remove {owner} first"
                )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    record = [f"{name},{file_hash(data)},{len(data)}" for name, data in files.items()]
    record.append(f"{wheel.dist_info}/RECORD,,")
    (staging / wheel.dist_info / "RECORD").write_text("\n".join(record) + "\n", encoding="utf-8")


def _dist_infos(staging: Path) -> dict[str, Path]:
    found = {}
    for folder in staging.glob("*.dist-info"):
        metadata = folder / "METADATA"
        if metadata.exists():
            name = HeaderParser().parsestr(metadata.read_text(encoding="utf-8", errors="replace")).get("Name", "")
            found[normalise_name(str(name))] = folder
    return found


def _owner_of(staging: Path, file_name: str) -> str | None:
    for folder in _dist_infos(staging).values():
        record = folder / "RECORD"
        if record.exists() and any(line.split(",", 1)[0] == file_name for line in record.read_text().splitlines()):
            return folder.name.removesuffix(".dist-info")
    return None


def _remove_distribution(staging: Path, name: str) -> None:
    folder = _dist_infos(staging).get(normalise_name(name))
    if folder is None:
        return
    record = folder / "RECORD"
    lines = record.read_text(encoding="utf-8").splitlines() if record.exists() else []
    for line in lines:
        relative = line.split(",", 1)[0]
        if relative and ".." not in PurePosixPath(relative).parts:
            staging.joinpath(*PurePosixPath(relative).parts).unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    _prune_empty_dirs(staging)


def _prune_empty_dirs(staging: Path) -> None:
    for folder in sorted((p for p in staging.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        leftovers = [child for child in folder.iterdir() if child.name != "__pycache__"]
        if not leftovers:
            shutil.rmtree(folder, ignore_errors=True)


def _orphan(staging: Path) -> str | None:
    """A dependency (installed without REQUESTED) that no remaining distribution requires."""
    folders = _dist_infos(staging)
    needed: set[str] = set()
    for folder in folders.values():
        metadata = HeaderParser().parsestr((folder / "METADATA").read_text(encoding="utf-8", errors="replace"))
        for text in metadata.get_all("Requires-Dist") or []:
            requirement = parse_requirement(text)
            if requirement is not None:
                needed.add(requirement.key)
    for key, folder in folders.items():
        if not (folder / "REQUESTED").exists() and key not in needed:
            return key
    return None
