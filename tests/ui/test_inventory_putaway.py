"""The Putaway tab in real widgets: units on the dock go to the scanned bin, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from inventory_tabs import context, open_tab
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from receiving_world import MUG_EAN, SHIRT_EAN, ReceivingWorld, build_receiving_world, units_at

from station.config import Settings
from station.db import Database
from station.services.receiving import load_receipt
from station.services.receiving_queries import book_receipt
from station.services.stock import Actor
from station.ui.controllers.putaway_controller import PutawayController
from station.ui.tasks import TaskRunner
from station.ui.views.putaway_view import PutawayView


@pytest.fixture
def place(database: Database) -> ReceivingWorld:
    """OC-1001 received: 3 shirts and 10 mugs of lot L-1 wait on DOCK-01."""
    place = build_receiving_world(database)
    with database.unit_of_work() as uow:
        receiving = load_receipt(uow.session, "OC-1001")
    for _ in range(3):
        receiving.scan(SHIRT_EAN)
    receiving.scan(MUG_EAN, quantity=10, lot="L-1")
    book_receipt(database, receiving, place.dock, Actor(station="RECV-1"))
    return place


@pytest.fixture
def tab(qtbot: QtBot, database: Database, runner: TaskRunner, place: ReceivingWorld) -> PutawayController:
    station = context(database, place.lead, Settings(station_name="RECV-1"), runner)
    return open_tab(qtbot, PutawayView(), PutawayController, station, "sig_loaded", size=(1200, 700))


def scan(qtbot: QtBot, tab: PutawayController, code: str, signal_name: str) -> None:
    tab.view.scan_field.setText(code)
    with qtbot.waitSignal(getattr(tab, signal_name), timeout=10_000):
        QTest.keyClick(tab.view.scan_field, Qt.Key.Key_Return)


def rows(tab: PutawayController) -> list[list[str]]:
    model = tab.view.table.model()
    return [[model.index(r, c).data() for c in (0, 2, 3, 4, 5)] for r in range(model.rowCount())]


def test_the_dock_lists_each_item_with_its_suggested_bin_and_why(tab: PutawayController) -> None:
    assert rows(tab) == [
        ["POL-M-ROJ", "", "3", "A-01-A", "nearest bin with room"],
        ["TAZ-01", "L-1", "10", "A-01-A", "nearest bin with room"],
    ]
    assert "2 lines waiting on DOCK-01" in tab.view.heading.text() or "DOCK-01" in tab.view.heading.text()


def test_scanning_the_item_then_the_suggested_bin_moves_the_stock(
    qtbot: QtBot, tab: PutawayController, database: Database
) -> None:
    scan(qtbot, tab, MUG_EAN, "sig_selected")
    assert tab.selected is not None and tab.selected.sku == "TAZ-01"
    assert "TAZ-01 lot L-1 × 10 → scan bin A-01-A" in tab.view.current.text()
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):  # moved, then the list is read again
        scan(qtbot, tab, "a-01-a", "sig_put_away")
    assert tab.view.message.text() == "10 × TAZ-01 put away in A-01-A."
    assert units_at(database, "TAZ-01") == {"A-01-A": 10}
    assert [row[0] for row in rows(tab)] == ["POL-M-ROJ"]
    # the shirt now consolidates with nothing: another valid bin than the suggested one is fine too
    assert tab.selected is not None and tab.selected.sku == "POL-M-ROJ"
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        scan(qtbot, tab, "A-01-B", "sig_put_away")
    assert "put away in A-01-B" in tab.view.message.text() and "Suggested was A-01-A" in tab.view.message.text()
    assert units_at(database, "POL-M-ROJ") == {"A-01-B": 3}
    assert rows(tab) == [] and "Nothing waits" not in tab.view.message.text()


def test_a_wrong_bin_is_refused_naming_the_code_and_nothing_moves(
    qtbot: QtBot, tab: PutawayController, database: Database
) -> None:
    scan(qtbot, tab, "POL-M-ROJ", "sig_selected")
    scan(qtbot, tab, "Z-99-Z", "sig_refused")
    assert tab.view.message.objectName() == "errorMessage"
    assert tab.view.message.text() == "Z-99-Z is not a bin of this warehouse"
    scan(qtbot, tab, "PACK-01", "sig_refused")
    assert "PACK-01 is a packing location, not a storage bin" in tab.view.message.text()
    assert units_at(database, "POL-M-ROJ") == {"DOCK-01": 3}
    assert len(rows(tab)) == 2
