"""The Inventory page's Import tab: a broken file is reported row by row and changes nothing; a good one goes in."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sample_world import World, build_world

from station.config import Settings, StationPaths
from station.db import Database
from station.services.auth import LoggedInUser, Role, create_user
from station.services.inventory import list_stock
from station.ui.controllers.import_controller import ImportController, build_import_tab
from station.ui.controllers.inventory_controller import InventoryContext, InventoryController
from station.ui.tasks import TaskRunner
from station.ui.views.inventory_view import InventoryView

BROKEN = """sku,location,quantity
POL-M-ROJ,A-01-A,5
NOPE-404,A-01-A,3
TAZ-01,A-01-B,-2
TAZ-01,A-01-B,tres
POL-M-ROJ,,4
"""
GOOD = """sku,location,quantity
POL-M-ROJ,A-01-A,5
TAZ-01,a-01-b,7
"""


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


@pytest.fixture
def page(
    qtbot: QtBot, database: Database, world: World, runner: TaskRunner, station_home: StationPaths
) -> InventoryController:
    with database.unit_of_work() as uow:
        lead = create_user(uow.session, "lea", "Lea Lead", Role.LEAD, "2468")
        user = LoggedInUser(lead.id, lead.login, lead.name, lead.role)
        uow.commit()
    context = InventoryContext(database, user, Settings(station_name="bench-7"), station_home, runner)
    view = InventoryView("Inventory")
    qtbot.addWidget(view)
    controller = InventoryController(
        view, context, lambda shown, total: f"{shown}/{total}", factories=(build_import_tab,)
    )
    view.resize(1400, 800)
    view.show()
    return controller


def open_import(qtbot: QtBot, page: InventoryController) -> ImportController:
    importer = page.tabs["import"].controller
    assert isinstance(importer, ImportController)
    page.show_tab("import")
    qtbot.waitUntil(lambda: importer.scopes is not None, timeout=10_000)
    return importer


def open_good_stock_file(qtbot: QtBot, page: InventoryController, tmp_path: Path) -> ImportController:
    """The import tab with the stock kind chosen and GOOD's path typed in, not checked yet."""
    importer = open_import(qtbot, page)
    importer.set_kind("stock")
    importer.view.path_field.setText(str(write(tmp_path, "good.csv", GOOD)))
    return importer


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def stock(database: Database) -> dict[str, int]:
    return {row.sku: row.on_hand for row in list_stock(database)}


def problems_shown(importer: ImportController) -> list[tuple[str, str, str]]:
    model = importer.view.problems.model()
    return [tuple(model.index(row, column).data() for column in range(3)) for row in range(model.rowCount())]


def test_a_broken_file_names_every_bad_row_and_changes_nothing(
    qtbot: QtBot, page: InventoryController, database: Database, tmp_path: Path
) -> None:
    importer = open_import(qtbot, page)
    before = stock(database)
    importer.set_kind("stock")
    assert importer.view.path_field.hasFocus()
    qtbot.keyClicks(importer.view.path_field, str(write(tmp_path, "stock.csv", BROKEN)))
    with qtbot.waitSignal(importer.sig_result, timeout=10_000) as checked:
        QTest.keyClick(importer.view.path_field, Qt.Key.Key_Return)  # Enter checks the file
    assert checked.args[0].dry_run and not checked.args[0].ok

    with qtbot.waitSignal(importer.sig_result, timeout=10_000):
        importer.view.import_button.click()
    assert importer.view.message.objectName() == "errorMessage"
    assert importer.view.message.text().startswith("stock.csv: 4 problem")
    assert importer.view.message.text().endswith("Nothing was imported.")
    shown = problems_shown(importer)
    assert [(row, column) for row, column, _ in shown] == [
        ("3", "sku"),
        ("4", "quantity"),
        ("5", "quantity"),
        ("6", "location"),
    ]
    assert "unknown SKU NOPE-404" in shown[0][2]
    assert "-2 is too small" in shown[1][2]
    assert "bad number 'tres'" in shown[2][2]
    assert shown[3][2] == "missing value"
    assert importer.view.problems.isVisible()
    assert stock(database) == before  # not even row 2, which was right


def test_a_good_file_is_checked_then_imported(
    qtbot: QtBot, page: InventoryController, database: Database, tmp_path: Path
) -> None:
    importer = open_good_stock_file(qtbot, page, tmp_path)
    with qtbot.waitSignal(importer.sig_result, timeout=10_000):
        importer.view.check_button.click()
    assert importer.view.message.objectName() == "infoMessage"
    assert "Nothing was written yet" in importer.view.message.text()
    assert "would receive 12 unit(s) in 2 receipt(s) into SCL1" in importer.view.changes.text()
    assert stock(database).get("POL-M-ROJ", 0) == 0
    assert importer.view.import_button.hasFocus()  # Enter now imports

    with qtbot.waitSignal(importer.sig_result, timeout=10_000) as imported:
        QTest.keyClick(importer.view.import_button, Qt.Key.Key_Return)
    assert imported.args[0].ok and not imported.args[0].dry_run
    assert importer.view.message.objectName() == "successMessage"
    assert importer.view.message.text().startswith("good.csv: imported 2 row")
    assert "done: receive 12 unit(s)" in importer.view.changes.text()
    assert not importer.view.problems.isVisible()
    assert stock(database) == {"POL-M-ROJ": 5, "TAZ-01": 7}


def test_no_file_or_a_missing_file_is_said_plainly(qtbot: QtBot, page: InventoryController, tmp_path: Path) -> None:
    importer = open_import(qtbot, page)
    assert importer.check() is None
    assert importer.view.message.text() == "Type, paste or choose (Browse…) the file to import first."
    importer.view.path_field.setText(str(tmp_path / "nowhere.csv"))
    assert importer.run_import() is None
    assert importer.view.message.text() == f"There is no file {tmp_path / 'nowhere.csv'}."
    bad = write(tmp_path, "notes.pdf", "%PDF-1.4")
    importer.view.path_field.setText(str(bad))
    with qtbot.waitSignal(importer.sig_failed, timeout=10_000):
        importer.check()
    assert importer.view.message.text().startswith("Nothing was imported: ")
    assert "notes.pdf: unknown file type .pdf" in importer.view.message.text()


def test_export_writes_the_stock_as_csv(
    qtbot: QtBot, page: InventoryController, database: Database, tmp_path: Path
) -> None:
    importer = open_good_stock_file(qtbot, page, tmp_path)
    with qtbot.waitSignal(importer.sig_result, timeout=10_000):
        importer.run_import()
    target = tmp_path / "out" / "stock.csv"
    target.parent.mkdir()
    with qtbot.waitSignal(importer.sig_exported, timeout=10_000) as exported:
        importer.export_to("stock", target)
    assert exported.args == [2]
    assert importer.view.message.text().startswith("Wrote 2 row")
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted((row["sku"], row["location"], row["quantity"]) for row in rows) == [
        ("POL-M-ROJ", "A-01-A", "5"),
        ("TAZ-01", "A-01-B", "7"),
    ]
