"""The Inventory page's "By location" tab, real widgets on SQLite and PostgreSQL: a scanned SKU shows
each location and lot with the warehouse totals, a bin shows what it holds, filters narrow both, and
an unknown code is named."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sample_world import World, build_world
from ui_sample import Sample
from ui_windows import show_and_activate

from station.config import Settings, StationPaths
from station.db import Database
from station.db.models import Barcode, Lot, Role
from station.db.models.catalog import Symbology
from station.domain.stock import AdjustmentReason
from station.services.auth import LoggedInUser
from station.services.stock import Actor, StockLedger
from station.ui.app import create_main_window
from station.ui.controllers.inventory_controller import InventoryContext
from station.ui.controllers.locations_controller import build_locations_tab
from station.ui.tasks import TaskRunner


@pytest.fixture
def world(database: Database) -> World:
    world = build_world(database)
    with database.unit_of_work() as uow:
        s = uow.session
        fresh = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-1", expires_on=date(2099, 1, 31))
        old = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-0", expires_on=date(2020, 6, 30))
        barcode = Barcode(
            tenant_id=world.tenant_id, variant_id=world.shirt, code="7801234567894", symbology=Symbology.EAN13
        )
        s.add_all([fresh, old, barcode])
        s.flush()
        ledger = StockLedger(s, Actor(station="dock-1"))
        ledger.receive(world.shirt, world.bin_a, 6, lot_id=fresh.id, reference="OC-1")
        ledger.receive(world.shirt, world.quarantine, 2, lot_id=old.id, reference="OC-1")
        ledger.receive(world.mug, world.bin_a, 3, reference="OC-1")
        ledger.move(world.shirt, world.bin_a, world.bin_b, 2, lot_id=fresh.id)
        ledger.adjust(world.mug, world.bin_a, -3, AdjustmentReason.LOST)  # empties the mug's quant in A-01-A
        uow.commit()
    return world


@pytest.fixture
def tab(
    qtbot: QtBot, database: Database, world: World, runner: TaskRunner, settings: Settings, station_home: StationPaths
):
    context = InventoryContext(database, LoggedInUser(1, "lead", "Lead", Role.LEAD), settings, station_home, runner)
    built = build_locations_tab(context, None)
    qtbot.addWidget(built.widget)
    built.widget.resize(1200, 700)
    built.widget.show()
    built.focus()
    return built


def cells(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def scan(qtbot: QtBot, tab, text: str) -> None:
    """Type the code into the focused scan field and press Enter, as a person would."""
    field = tab.widget.scan_field
    assert field.hasFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    with qtbot.waitSignals([tab.controller.sig_answered], timeout=10_000, raising=False) as blocker:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert blocker.signal_triggered or tab.widget.message.isVisible()


def test_a_scanned_sku_shows_each_location_and_lot_with_warehouse_totals(qtbot: QtBot, tab) -> None:
    scan(qtbot, tab, "7801234567894")  # its EAN-13
    view = tab.widget
    assert view.heading.text().startswith("POL-M-ROJ — Polera M roja")
    assert "3 location" in view.heading.text() and "8 unit" in view.heading.text()
    assert cells(view.table) == [
        ["SCL1", "A-01-A", "storage", "L-1", "2099-01-31", "4", "sellable"],
        ["SCL1", "A-01-B", "storage", "L-1", "2099-01-31", "2", "sellable"],
        ["SCL1", "QUA-01", "quarantine", "L-0", "2020-06-30", "2", "expired"],
    ]
    assert view.levels_table.isVisible()
    assert cells(view.levels_table) == [["SCL1", "6", "0", "6", "2"]]
    assert [view.levels_table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Warehouse",
        "On hand",
        "Reserved",
        "Available",
        "Held",
    ]

    view.only.setCurrentIndex(view.only.findData("held"))  # re-asks with the filter
    qtbot.waitUntil(lambda: len(cells(view.table)) == 1, timeout=10_000)
    assert cells(view.table)[0][1:4] == ["QUA-01", "quarantine", "L-0"]
    assert view.scan_field.hasFocus()


def test_a_scanned_bin_shows_what_it_holds_and_hide_empty_can_be_turned_off(qtbot: QtBot, tab) -> None:
    scan(qtbot, tab, "a-01-a")
    view = tab.widget
    assert view.heading.text().startswith("Bin A-01-A (storage, SCL1) · 1 SKU")
    assert "· 4 unit" in view.heading.text()
    assert cells(view.table) == [["POL-M-ROJ", "Polera M roja", "L-1", "2099-01-31", "4", "sellable"]]
    assert not view.levels_table.isVisible()
    with qtbot.waitSignal(tab.controller.sig_answered, timeout=10_000):
        view.hide_empty.setChecked(False)
    assert [row[0] for row in cells(view.table)] == ["POL-M-ROJ", "TAZ-01"]
    assert cells(view.table)[1][4] == "0"


def test_an_unknown_code_is_named_with_close_skus(qtbot: QtBot, tab) -> None:
    with qtbot.waitSignal(tab.controller.sig_not_found, timeout=10_000) as refused:
        tab.controller.scan("POL-M-RJ")
    view = tab.widget
    assert refused.args == ["No SKU, barcode or bin 'POL-M-RJ'; did you mean POL-M-ROJ?"]
    assert view.message.isVisible() and view.message.objectName() == "errorMessage"
    assert view.message.text() == refused.args[0]
    assert cells(view.table) == []


def test_the_inventory_page_has_the_three_tabs_and_each_opens_on_its_scan_field(
    qtbot: QtBot, database: Database, sample: Sample, runner: TaskRunner, settings: Settings, station_home: StationPaths
) -> None:
    window = create_main_window(database, sample.admin, settings=settings, paths=station_home, runner=runner)
    show_and_activate(qtbot, window)
    window.controller.show_page("inventory")
    inventory = window.controller.inventory
    keys = inventory.view.tab_keys()
    assert {"locations", "moves", "trace"} <= set(keys)
    titles = {key: inventory.view.tabs.tabText(keys.index(key)) for key in ("locations", "moves", "trace")}
    assert titles == {"locations": "By location", "moves": "Movements", "trace": "Trace"}
    for key, field in (
        ("locations", inventory.tabs["locations"].widget.scan_field),
        ("trace", inventory.tabs["trace"].widget.scan_field),
        ("moves", inventory.tabs["moves"].widget.sku),
    ):
        inventory.show_tab(key)
        qtbot.waitUntil(field.hasFocus, timeout=5_000)
    qtbot.waitUntil(lambda: inventory.tabs["moves"].controller.page is not None, timeout=10_000)
