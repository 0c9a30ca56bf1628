"""Translations: complete es-CL, nothing in station/ui left out, compiled files up to date, applied."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_sample import Sample

from station.config import Settings, StationPaths
from station.db import Database
from station.ui.app import create_main_window
from station.ui.i18n import choose_locale, install_translator, qm_path, remove_translator
from station.ui.navigation import page_title
from station.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
UI_SOURCES = sorted((ROOT / "station" / "ui").rglob("*.py"))
I18N = ROOT / "station" / "resources" / "i18n"
SPANISH_TS = I18N / "station_es_CL.ts"
ENGLISH_TS = I18N / "station_en.ts"

Key = tuple[str, str]  # (context, source text)


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found; it comes with PySide6")
    return found


def _messages(ts_file: Path) -> dict[Key, ET.Element]:
    root = ET.parse(ts_file).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return bool(forms) and all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


@pytest.mark.parametrize("ts_file", [SPANISH_TS, ENGLISH_TS], ids=lambda p: p.name)
def test_every_entry_is_translated(ts_file: Path):
    assert 'type="unfinished"' not in ts_file.read_text(encoding="utf-8")
    empty = [key for key, message in _messages(ts_file).items() if not _translated(message)]
    assert empty == [], f"translate these in {ts_file.name} (scripts/update-translations)"


def test_lupdate_finds_nothing_missing_from_the_committed_translation(tmp_path: Path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, UI_SOURCES), "-ts", str(fresh), "-locations", "none"],
        check=True,
        capture_output=True,
    )
    committed = _messages(SPANISH_TS)
    found = _messages(fresh)
    assert found, "lupdate found no strings at all"
    missing = sorted(set(found) - set(committed))
    assert missing == [], "new strings: run scripts/update-translations and translate them"
    plural = {key for key, message in found.items() if message.get("numerus") == "yes"}
    assert plural <= set(_messages(ENGLISH_TS)), "English plural forms missing: run scripts/update-translations"


def _calls_in(path: Path) -> set[Key]:
    """(context, text) of every tr()/translate() call with literal text, read with Python's own parser.

    A second opinion on lupdate, whose Python parser silently skips some calls.
    """
    found: set[Key] = set()

    def visit(node: ast.AST, class_name: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                name = child.func.attr if isinstance(child.func, ast.Attribute) else getattr(child.func, "id", "")
                literal = [arg.value if isinstance(arg, ast.Constant) else None for arg in child.args]
                if name == "tr" and literal and isinstance(literal[0], str):
                    found.add((class_name, literal[0]))
                elif name == "translate" and len(literal) >= 2 and all(isinstance(v, str) for v in literal[:2]):
                    found.add((literal[0], literal[1]))  # type: ignore[arg-type]
            visit(child, class_name)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def test_every_wrapped_string_in_the_code_is_in_the_translation():
    in_code = set().union(*(_calls_in(path) for path in UI_SOURCES))
    assert len(in_code) > 50
    missing = sorted(in_code - set(_messages(SPANISH_TS)))
    assert missing == [], "strings lupdate did not pick up: call self.tr / QCoreApplication.translate directly"


@pytest.mark.parametrize("ts_file", [SPANISH_TS, ENGLISH_TS], ids=lambda p: p.name)
def test_the_committed_qm_is_compiled_from_the_committed_ts(ts_file: Path, tmp_path: Path):
    compiled = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts_file), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == ts_file.with_suffix(".qm").read_bytes(), "run scripts/update-translations"


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", QLocale(QLocale.Language.Spanish, QLocale.Country.Chile), "es_CL"),
        ("system", QLocale(QLocale.Language.Spanish, QLocale.Country.Argentina), "es_CL"),
        ("system", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "en"),
        ("es", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "es_CL"),
        ("en", QLocale(QLocale.Language.Spanish, QLocale.Country.Chile), "en"),
    ],
)
def test_the_language_follows_the_system_unless_settings_say_otherwise(setting: str, system: QLocale, expected: str):
    assert choose_locale(setting, system) == expected


def test_the_compiled_translations_ship_in_the_package():
    assert qm_path("es_CL").is_file()
    assert qm_path("en").is_file()


def test_in_spanish_the_window_speaks_chilean_spanish(
    qtbot: QtBot, qapp: QApplication, database: Database, sample: Sample, runner: TaskRunner, station_home: StationPaths
):
    translator = install_translator(qapp, "es")
    try:
        assert page_title("orders") == "Pedidos"
        settings = Settings(station_name="bodega-1")
        window = create_main_window(database, sample.admin, settings=settings, paths=station_home, runner=runner)
        qtbot.addWidget(window)
        navigation = [window.navigation.item(row).text() for row in range(window.navigation.count())]
        assert navigation[:4] == ["Empaque", "Pedidos", "Picking", "Inventario"]
        assert "Mapa de bodega" in navigation and "Configuración" in navigation
        orders = window.controller.tables["orders"]
        qtbot.waitUntil(lambda: orders.loaded_once, timeout=10_000)
        proxy = orders.proxy
        headers = [proxy.headerData(column, Qt.Orientation.Horizontal) for column in range(proxy.columnCount())]
        assert headers == ["Pedido", "Canal", "Cliente", "Comuna", "Estado", "Total", "Fecha"]
        rows = {
            proxy.index(row, 0).data(): [proxy.index(row, column).data() for column in range(proxy.columnCount())]
            for row in range(proxy.rowCount())
        }
        assert rows["JLS-000101"][4:6] == ["Pagado", "$9.990"]
        assert orders.view.summary.text() == "3 pedidos"
        assert window.station_label.text() == "Estación: bodega-1"
        assert window.devices_label.text() == "Balanza: sin configurar · Impresora: sin configurar"
    finally:
        remove_translator(qapp, translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
