"""The frozen station's manifest covers what the station reads from disk at run time.

The full freeze (`installer/freeze`) takes minutes and is not part of the suite; these checks read
installer/pyinstaller-hooks/station_manifest.py, which installer/station.spec builds from.
"""

from __future__ import annotations

import importlib.metadata
import runpy
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MANIFEST = runpy.run_path(str(REPO / "installer" / "pyinstaller-hooks" / "station_manifest.py"))


def bundled_files() -> set[str]:
    """Paths of the data files as they will sit in the bundle (relative to its _internal folder)."""
    return {str(Path(destination) / Path(source).name) for source, destination in MANIFEST["data_files"]()}


def test_every_migration_and_alembic_environment_is_bundled_as_a_file() -> None:
    migrations = REPO / "station" / "db" / "migrations"
    expected = {str(path.relative_to(REPO)) for path in migrations.rglob("*.py") if "__pycache__" not in path.parts}

    assert "station/db/migrations/env.py" in expected
    assert expected <= bundled_files()


def test_every_translation_and_image_of_the_station_is_bundled() -> None:
    resources = REPO / "station" / "resources"
    expected = {
        str(path.relative_to(REPO)) for path in resources.rglob("*") if path.suffix in {".qm", ".svg", ".png", ".ico"}
    }

    assert "station/resources/i18n/station_es_CL.qm" in expected
    assert expected <= bundled_files()
    assert not any(name.endswith(".ts") for name in bundled_files())  # translation sources stay out


def test_the_plugin_kit_templates_are_bundled_for_station_plugin_new() -> None:
    templates = REPO / "station" / "plugin_kit" / "templates"
    expected = {str(path.relative_to(REPO)) for path in templates.rglob("*.tmpl")}

    assert len(expected) >= 10
    assert expected <= bundled_files()


def test_the_station_and_every_first_party_plugin_carry_their_entry_point_metadata() -> None:
    distributions = MANIFEST["metadata_distributions"]()
    plugin_folders = sorted(path.parent.name for path in REPO.glob("plugins/*/pyproject.toml"))

    assert distributions[0] == "just-logistics-station"
    assert plugin_folders and set(plugin_folders) <= set(distributions)
    for name in distributions:  # each one is installed here, so copy_metadata will find it
        assert importlib.metadata.distribution(name).metadata["Name"]
    # A plugin's requirements are checked against the bundled versions (`station plugins install`).
    assert {"httpx", "pluggy", "keyring", "psycopg-binary"} <= {name.lower() for name in distributions}


def test_plugins_are_frozen_with_their_modules() -> None:
    plugins = dict(MANIFEST["first_party_plugins"]())

    assert plugins["station-carrier-demo"] == ["station_carrier_demo"]


def test_only_the_needed_qt_platforms_and_translations_are_kept() -> None:
    keep = MANIFEST["keep_qt_file"]
    platforms = "PySide6/Qt/plugins/platforms"

    assert keep(f"{platforms}/libqoffscreen.so") and keep(f"{platforms}/libqxcb.so")
    assert not keep(f"{platforms}/libqvnc.so")
    assert keep("PySide6/Qt/plugins/imageformats/libqsvg.so")
    assert not keep("PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so")
    assert keep("PySide6/Qt/translations/qtbase_es.qm") and not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("station/resources/i18n/station_es_CL.qm")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")


def test_a_windows_freeze_keeps_its_platform_plugin() -> None:
    keep = MANIFEST["keep_qt_file"]

    assert keep("PySide6\\plugins\\platforms\\qwindows.dll")
    assert keep("PySide6/plugins/platforms/qoffscreen.dll")
    assert not keep("PySide6/plugins/platforms/qdirect2d.dll")
    assert not keep("PySide6/translations/qtbase_fr.qm")
