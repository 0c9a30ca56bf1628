"""What the frozen station carries besides the code PyInstaller finds by itself.

`installer/station.spec` builds from these lists; `tests/installer/test_freeze_spec.py` checks them
against the files the station reads at run time, without freezing. Pure Python, no PyInstaller.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Read as files at run time, so they must sit in the bundle beside the modules:
# Alembic runs env.py and the versions/*.py scripts from `station.db:migrations` by path;
# the translator and the style load .qm / .svg through importlib.resources; `station plugin new`
# renders the plugin kit's .tmpl files.
DATA_DIRECTORIES: tuple[tuple[str, str], ...] = (
    ("station/db/migrations", "station/db/migrations"),
    ("station/resources", "station/resources"),
    ("station/plugin_kit/templates", "station/plugin_kit/templates"),
)
DATA_SUFFIXES = (".py", ".mako", ".qm", ".svg", ".png", ".ico", ".tmpl")

# Imported by name at run time (importlib / entry points / plugin discovery), so PyInstaller's
# import scan cannot see them: every station module, and whole packages of the libraries that pick
# their parts by name.
SUBMODULE_PACKAGES = (
    "station",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.postgresql",
    "psycopg",
    "alembic",
    "keyring.backends",
    "keyrings.alt",
    "keyrings.cryptfile",
    "barcode",
    "reportlab.graphics.barcode",
    "reportlab.pdfbase",
    "pluggy",
    "serial.urlhandler",  # serial_for_url imports protocol_socket, protocol_rfc2217 ... by name
)
HIDDEN_IMPORTS = (
    "psycopg_binary",  # psycopg picks its C implementation at import time
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    "ortools.constraint_solver.pywrapcp",
    "ortools.constraint_solver.routing_enums_pb2",
    "logging.config",
    "sqlite3",
)

# Libraries whose data files (fonts, templates, ...) are read at run time.
DATA_PACKAGES = ("reportlab", "barcode", "openpyxl", "alembic")

# Not used by the station; left out to keep the bundle small.
EXCLUDES = (
    "tkinter",
    "pandas",
    "numpy",
    "matplotlib",
    "scipy",
    "IPython",
    "pytest",
    "pytestqt",
    "hypothesis",
    "importlinter",
    "ruff",
    "aiosmtpd",
    "PyInstaller",
    "mypy",
    "ast_serialize",
    "alembic.testing",
    "sqlalchemy.testing",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtXml",
)

# Qt plugin folders kept (others the PySide6 hook collects are dropped), and inside `platforms`,
# the platform plugins kept: offscreen for checks, xcb for X11 (and XWayland) desktops, windows and
# cocoa where the station is frozen on those systems.
QT_PLUGIN_FOLDERS = (
    "platforms",
    "imageformats",
    "iconengines",
    "platforminputcontexts",
    "platformthemes",
    "xcbglintegrations",
    "generic",
    "styles",
)
QT_PLATFORMS = ("qoffscreen", "qminimal", "qxcb", "qwindows", "qcocoa")
# The GTK 3 theme needs GTK 3, which a station PC may lack; Qt then falls back to its own theme.
QT_LEFT_OUT = ("qgtk3",)
QT_TRANSLATION_LANGUAGES = ("en", "es")


def _plugin_name(file_name: str) -> str:
    """The plugin's name without prefix and suffix: libqxcb.so → qxcb, qwindows.dll → qwindows."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def project_distribution() -> str:
    """The station's own distribution name (its entry points and version live in its metadata)."""
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]


def first_party_plugins() -> list[tuple[str, list[str]]]:
    """(distribution name, top-level packages) of every plugin under plugins/."""
    found = []
    for pyproject in sorted(REPO.glob("plugins/*/pyproject.toml")):
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
        modules = sorted(
            {value.split(":")[0].split(".")[0] for value in project.get("entry-points", {}).get("station", {}).values()}
        )
        found.append((project["name"], modules))
    return found


def runtime_distributions(root: str | None = None) -> list[str]:
    """The station's installed dependencies, all the way down (extras left out).

    Their metadata goes into the bundle: entry points (keyring backends …) are found through it, and
    `station plugins install` checks a plugin's requirements (httpx>=0.27 …) against these versions.
    """
    import importlib.metadata as metadata  # noqa: PLC0415 - the build host's, at freeze time

    seen: dict[str, str] = {}
    waiting = [root or project_distribution()]
    while waiting:
        try:
            found = metadata.distribution(waiting.pop())
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform
        name = found.metadata["Name"]
        if name.lower() in seen:
            continue
        seen[name.lower()] = name
        for requirement in found.requires or ():
            if "extra ==" in requirement:
                continue
            waiting.append(re.match(r"[A-Za-z0-9._-]+", requirement).group(0))  # type: ignore[union-attr]
    return sorted(seen.values(), key=str.lower)


def metadata_distributions() -> list[str]:
    """Distributions whose metadata is copied: the station first, its plugins, every dependency."""
    project = project_distribution()
    plugins = [name for name, _modules in first_party_plugins()]
    rest = [name for name in runtime_distributions(project) if name.lower() != project.lower()]
    rest += runtime_distributions("psycopg-binary")  # asked for as an extra: psycopg[binary]
    return [project, *plugins, *rest]


def data_files() -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for the files the station reads from disk."""
    pairs = []
    for source, destination in DATA_DIRECTORIES:
        for path in sorted((REPO / source).rglob("*")):
            if path.is_file() and path.suffix in DATA_SUFFIXES and "__pycache__" not in path.parts:
                relative_folder = path.parent.relative_to(REPO / source)
                pairs.append((str(path), str(Path(destination) / relative_folder)))
    return pairs


def keep_qt_file(destination: str) -> bool:
    """False for the Qt plugins and translations the station does not need.

    PySide6 keeps them in PySide6/Qt/plugins on Linux and macOS, PySide6/plugins on Windows.
    """
    parts = Path(destination.replace("\\", "/")).parts
    if "PySide6" not in parts:
        return True
    inside = parts[parts.index("PySide6") + 1 :]
    if inside[:1] == ("Qt",):
        inside = inside[1:]
    if len(inside) >= 2 and inside[0] == "plugins":
        name = _plugin_name(inside[-1])
        if inside[1] not in QT_PLUGIN_FOLDERS or name in QT_LEFT_OUT:
            return False
        return inside[1] != "platforms" or name in QT_PLATFORMS
    if len(inside) >= 2 and inside[0] == "translations":
        return any(inside[-1].endswith(f"_{language}.qm") for language in QT_TRANSLATION_LANGUAGES)
    return True
