"""The Transfers tab in the real widgets, driven by scans: a bin move, a transfer made, dispatched and
received at the other warehouse's station, and the refusals a warehouse worker would see."""

from __future__ import annotations

import inventory_tabs as tabs
import pytest
from inventory_tabs import context
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sample_world import World, add_branch, build_world
from sqlalchemy import select

from station.config import Settings
from station.db import Database
from station.db.models import Location, Role, StockMove, StockQuant, Warehouse
from station.services.auth import LoggedInUser, create_user
from station.services.stock import Actor, StockLedger
from station.ui.controllers.transfers_controller import TransfersController
from station.ui.tasks import TaskRunner
from station.ui.views.transfers_view import TransfersView


@pytest.fixture
def place(database: Database) -> tuple[World, LoggedInUser]:
    world = build_world(database)
    with database.unit_of_work() as uow:
        session = uow.session
        add_branch(session)
        lead = create_user(session, "lead", "Jorge Sepúlveda", Role.LEAD, "2222")
        StockLedger(session, Actor("setup")).receive(world.shirt, world.bin_a, 8)
        StockLedger(session, Actor("setup")).receive(world.mug, world.bin_b, 4)
        uow.commit()
        return world, LoggedInUser(lead.id, lead.login, lead.name, lead.role)


def open_tab(
    qtbot: QtBot, database: Database, user: LoggedInUser, runner: TaskRunner, warehouse: str
) -> TransfersController:
    station = context(database, user, Settings(station_name="bench-7", warehouse_code=warehouse), runner)
    return tabs.open_tab(qtbot, TransfersView(), TransfersController, station, "sig_loaded", size=(1200, 800))


def scan(qtbot: QtBot, field: QLineEdit, code: str, signal) -> None:
    """A scanner's burst: the code, then Enter, into the scan field."""
    field.setFocus()
    field.setText(code)
    with qtbot.waitSignal(signal, timeout=10_000):
        QTest.keyClick(field, Qt.Key.Key_Return)


def units(database: Database, variant_id: int) -> dict[str, int]:
    with database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(Location.code, Warehouse.code, StockQuant.on_hand)
            .join(Location, Location.id == StockQuant.location_id)
            .join(Warehouse, Warehouse.id == Location.warehouse_id)
            .where(StockQuant.variant_id == variant_id, StockQuant.on_hand > 0)
        ).all()
        return {f"{warehouse}/{code}": on_hand for code, warehouse, on_hand in rows}


def test_a_bin_move_by_scanning_the_bins_and_the_items(
    qtbot: QtBot, database: Database, place, runner: TaskRunner
) -> None:
    world, lead = place
    tab = open_tab(qtbot, database, lead, runner, "SCL1")
    moves, field = tab.moves, tab.view.move_field
    assert field.hasFocus() or tab.view.move_state.text() == "Next: scan the bin to take from."
    scan(qtbot, field, "POL-M-ROJ", moves.sig_refused)
    assert tab.view.move_message.text() == "Scan the bin to take from first (POL-M-ROJ is an item)."
    assert tab.view.move_message.objectName() == "errorMessage"
    scan(qtbot, field, "a-01-a", moves.sig_scanned)
    scan(qtbot, field, "POL-M-ROJ", moves.sig_scanned)
    scan(qtbot, field, "2", moves.sig_scanned)  # a count for the next item
    scan(qtbot, field, "POL-M-ROJ", moves.sig_scanned)
    assert tab.view.move_message.text() == "3 × POL-M-ROJ from A-01-A: scan more items, or the bin they go to."
    scan(qtbot, field, "9", moves.sig_scanned)
    scan(qtbot, field, "POL-M-ROJ", moves.sig_refused)  # 12 > 8 in the bin
    assert tab.view.move_message.text() == "A-01-A holds only 8 of POL-M-ROJ; 12 scanned."
    scan(qtbot, field, "NOPE-404", moves.sig_refused)
    assert "NOPE-404 is neither a bin of SCL1 nor a known item" in tab.view.move_message.text()
    scan(qtbot, field, "A-01-A", moves.sig_refused)
    assert tab.view.move_message.text() == "A-01-A is where the items come from: scan the bin they go to."
    scan(qtbot, field, "A-01-B", moves.sig_moved)
    assert tab.view.move_message.text() == "Moved 3 × POL-M-ROJ from A-01-A to A-01-B."
    assert tab.view.move_message.objectName() == "successMessage"
    assert tab.view.move_state.text() == "Next: scan the bin to take from."
    assert units(database, world.shirt) == {"SCL1/A-01-A": 5, "SCL1/A-01-B": 3}
    with database.unit_of_work() as uow:
        move = uow.session.scalars(select(StockMove).order_by(StockMove.id.desc())).first()
        assert (move.user_id, move.station, move.quantity) == (lead.id, "bench-7", 3)


def test_a_transfer_scanned_dispatched_and_received_at_the_other_station(
    qtbot: QtBot, database: Database, place, runner: TaskRunner
) -> None:
    world, lead = place
    tab = open_tab(qtbot, database, lead, runner, "SCL1")
    view, field = tab.view, tab.view.transfer_field
    assert view.warehouse_label.text() == "This station: SCL1 — Santiago 1"
    assert view.destination.currentData() == "CCP"
    scan(qtbot, field, "A-01-A", tab.sig_refused)  # no transfer started yet
    assert view.transfer_message.text().startswith("Press Ctrl+N to start a new transfer")
    field.setFocus()
    with qtbot.waitSignal(tab.sig_scanned):
        QTest.keyClick(field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    scan(qtbot, field, "A-01-A", tab.sig_scanned)
    scan(qtbot, field, "5", tab.sig_scanned)
    scan(qtbot, field, "POL-M-ROJ", tab.sig_scanned)
    scan(qtbot, field, "A-01-B", tab.sig_scanned)
    scan(qtbot, field, "TAZ-01", tab.sig_scanned)
    assert view.transfer_state.text() == (
        "New transfer · A-01-A: 5 × POL-M-ROJ; A-01-B: 1 × TAZ-01 · Ctrl+Enter creates it, Esc drops it."
    )
    assert view.new_button.text() == "Create (Ctrl+Enter)"
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.transfer_message.text() == "TR-000001 created: 6 units to CCP. Ctrl+D dispatches it."
    assert tab.selected.number == "TR-000001" and tab.selected.status == "draft"
    assert view.table.model().index(0, 4).data() == "Draft"
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        QTest.keyClick(field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert view.transfer_message.text() == "TR-000001 is on its way to CCP: 6 units in transit."
    assert units(database, world.shirt) == {"SCL1/A-01-A": 3, "CCP/TRANSIT": 5}
    with qtbot.waitSignal(tab.sig_refused):
        QTest.keyClick(
            field, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier
        )  # cancelling in transit is refused
    assert view.transfer_message.text() == (
        "Only a draft can be cancelled; a transfer in transit is received where it arrives."
    )

    # At Concepción's station: scan the number, two shirts, the bin; then Ctrl+Enter for the rest.
    there = open_tab(qtbot, database, lead, runner, "CCP")
    view, field = there.view, there.view.transfer_field
    scan(qtbot, field, "tr-000001", there.sig_scanned)
    assert view.transfer_message.text() == (
        "TR-000001 is on its way here: scan its items, then the bin they go onto (Ctrl+Enter: all onto the dock)."
    )
    scan(qtbot, field, "2", there.sig_scanned)
    scan(qtbot, field, "POL-M-ROJ", there.sig_scanned)
    scan(qtbot, field, "9", there.sig_scanned)
    scan(qtbot, field, "TAZ-01", there.sig_refused)
    assert view.transfer_message.text() == "Only 1 of TAZ-01 still on its way in TR-000001."
    with qtbot.waitSignal(there.sig_loaded, timeout=10_000):
        scan(qtbot, field, "B-01-A", there.sig_done)
    assert view.transfer_message.text() == "2 units of TR-000001 received onto B-01-A; 4 still on the way."
    with qtbot.waitSignal(there.sig_loaded, timeout=10_000):
        QTest.keyClick(field, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert view.transfer_message.text() == "TR-000001 received in full: 6 units arrived; the last onto the dock."
    assert units(database, world.shirt) == {"SCL1/A-01-A": 3, "CCP/B-01-A": 2, "CCP/DOCK-01": 3}
    assert units(database, world.mug) == {"SCL1/A-01-B": 3, "CCP/DOCK-01": 1}
    assert view.table.model().index(0, 4).data() == "Received"


def test_a_draft_is_cancelled_and_a_scan_beyond_the_bin_is_refused(
    qtbot: QtBot, database: Database, place, runner: TaskRunner
) -> None:
    world, lead = place
    tab = open_tab(qtbot, database, lead, runner, "SCL1")
    field = tab.view.transfer_field
    field.setFocus()
    with qtbot.waitSignal(tab.sig_scanned):
        QTest.keyClick(field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    scan(qtbot, field, "A-01-B", tab.sig_scanned)
    scan(qtbot, field, "5", tab.sig_scanned)
    scan(qtbot, field, "TAZ-01", tab.sig_refused)
    assert tab.view.transfer_message.text() == "A-01-B holds only 4 of TAZ-01; 5 scanned."
    scan(qtbot, field, "TAZ-01", tab.sig_scanned)
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(tab.sig_loaded, timeout=10_000):
        QTest.keyClick(field, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert tab.view.transfer_message.text() == "TR-000001 cancelled; nothing had moved."
    assert tab.view.table.model().index(0, 4).data() == "Cancelled"
    assert units(database, world.mug) == {"SCL1/A-01-B": 4}
    scan(qtbot, field, "TR-000404", tab.sig_refused)
    assert tab.view.transfer_message.text() == "No transfer TR-000404 from or to SCL1."


def test_the_tab_keys_work_in_the_real_window(
    qtbot: QtBot, database: Database, place, runner: TaskRunner, station_home
) -> None:
    """F1…F11 belong to the window's pages; the tab's Ctrl keys reach it there."""
    from station.ui.app import create_main_window  # noqa: PLC0415 - the whole window, only here

    _, lead = place
    window = create_main_window(
        database, lead, settings=Settings(station_name="bench-7"), paths=station_home, runner=runner
    )
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.controller.show_page("inventory")
    inventory = window.controller.inventory
    inventory.show_tab("transfers")
    tab = inventory.tabs["transfers"].controller
    qtbot.waitUntil(lambda: tab.loaded_once, timeout=10_000)
    field = tab.view.transfer_field
    field.setFocus()
    with qtbot.waitSignal(tab.sig_refused):
        QTest.keyClick(field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert tab.view.transfer_message.text() == "Choose a draft transfer to dispatch (scan its number or use ↑/↓)."
    with qtbot.waitSignal(tab.sig_scanned):
        QTest.keyClick(field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.view.transfer_message.text().startswith("New transfer to CCP: scan the bin to take from")
    with qtbot.waitSignal(tab.sig_refused):
        QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.view.transfer_message.text() == "Scan a bin and its items first."
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert tab.view.move_field.hasFocus()
