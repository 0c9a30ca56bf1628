"""The Receiving tab in real widgets: a purchase order received by scanning, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from inventory_tabs import context, open_tab
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from receiving_world import MUG_EAN, NEW_EAN, SHIRT_EAN, ReceivingWorld, build_receiving_world, order_status, units_at

from station.config import Settings, StationPaths
from station.db import Database
from station.domain.gs1 import GS
from station.ui.controllers.receiving_controller import ReceivingController
from station.ui.tasks import TaskRunner
from station.ui.views.receiving_view import LINES, ORDERS, ReceivingView


@pytest.fixture
def place(database: Database) -> ReceivingWorld:
    return build_receiving_world(database)


@pytest.fixture
def tab(qtbot: QtBot, database: Database, runner: TaskRunner, place: ReceivingWorld) -> ReceivingController:
    station = context(database, place.lead, Settings(station_name="RECV-1"), runner)
    return open_tab(qtbot, ReceivingView(), ReceivingController, station, "sig_orders_loaded")


def scan(qtbot: QtBot, tab: ReceivingController, code: str, signal_name: str = "sig_scan_handled") -> None:
    """Type the code into the focused field and press Enter, as a keyboard-wedge scanner does."""
    field = tab.view.answer.first if tab.view.answer.isVisible() else tab.view.scan_field
    field.setText(code)
    with qtbot.waitSignal(getattr(tab, signal_name), timeout=10_000):
        QTest.keyClick(field, Qt.Key.Key_Return)


def cells(tab: ReceivingController) -> dict[str, list[str]]:
    model = tab.view.lines_table.model()
    return {
        model.index(row, 0).data(): [model.index(row, column).data() for column in range(2, model.columnCount())]
        for row in range(model.rowCount())
    }


def open_order(qtbot: QtBot, tab: ReceivingController, number: str = "OC-1001") -> None:
    scan(qtbot, tab, number, "sig_order_opened")
    assert tab.view.page == LINES


def receive(qtbot: QtBot, tab: ReceivingController) -> str:
    with qtbot.waitSignals([tab.sig_booked, tab.sig_orders_loaded], timeout=10_000):  # booked, list read again
        QTest.keyClick(tab.view.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.view.page == ORDERS and tab.view.message_kind == "success"
    return tab.view.message.text()


def test_the_open_orders_are_listed_and_enter_opens_the_chosen_one(qtbot: QtBot, tab: ReceivingController) -> None:
    orders = tab.orders_model.rows
    assert [(o.number, o.lines, o.units_open, o.status) for o in orders] == [("OC-1001", 2, 13, "ordered")]
    assert "DOCK-01" in tab.view.heading.text()
    with qtbot.waitSignal(tab.sig_order_opened, timeout=10_000):
        QTest.keyClick(tab.view.scan_field, Qt.Key.Key_Return)  # empty field: the selected order
    assert cells(tab) == {"POL-M-ROJ": ["3", "0", "3", ""], "TAZ-01": ["10", "0", "10", ""]}


def test_a_po_received_by_scanning_books_onto_the_dock(
    qtbot: QtBot, tab: ReceivingController, database: Database, place: ReceivingWorld
) -> None:
    open_order(qtbot, tab)
    for _ in range(3):
        scan(qtbot, tab, SHIRT_EAN)
    assert tab.view.message_kind == "success" and "POL-M-ROJ: +1 — 3 of 3 expected" in tab.view.message.text()
    scan(qtbot, tab, MUG_EAN)  # lot-tracked: the lot is asked for, nothing counted yet
    assert tab.view.answer.isVisible() and "TAZ-01" in tab.view.answer.question.text()
    assert cells(tab)["TAZ-01"] == ["10", "0", "10", ""]
    tab.view.answer.second.setText("2027-01-31")
    scan(qtbot, tab, "L-77A")
    assert not tab.view.answer.isVisible()
    gs1 = f"]C101{MUG_EAN.zfill(14)}1727013110L-77A{GS}304"  # GS1-128: 4 more of that lot
    scan(qtbot, tab, gs1)
    assert cells(tab) == {"POL-M-ROJ": ["3", "3", "0", "complete"], "TAZ-01": ["10", "5", "5", "short by 5"]}

    message = receive(qtbot, tab)
    assert "OC-1001 booked: 8 unit" in message and "onto DOCK-01" in message and "partially received" in message
    assert "TAZ-01 -5" in message and tab.view.putaway_button.isVisible()
    assert units_at(database, "POL-M-ROJ") == {"DOCK-01": 3}
    assert units_at(database, "TAZ-01") == {"DOCK-01": 5}
    assert order_status(database, place.order_id) == "partially_received"
    assert [(o.number, o.units_open, o.status) for o in tab.orders_model.rows] == [("OC-1001", 5, "partially_received")]

    open_order(qtbot, tab)  # the rest of the mugs: the order becomes received and leaves the list
    scan(qtbot, tab, "5")  # a typed count for the next scan
    scan(qtbot, tab, f"]C101{MUG_EAN.zfill(14)}10L-78B")
    assert cells(tab)["TAZ-01"] == ["10", "10", "0", "complete"]
    assert "received in full" in receive(qtbot, tab)
    assert order_status(database, place.order_id) == "received" and tab.orders_model.rowCount() == 0
    assert units_at(database, "TAZ-01") == {"DOCK-01": 10}


def test_an_unknown_barcode_is_mapped_to_a_sku_and_counted(
    qtbot: QtBot, tab: ReceivingController, database: Database
) -> None:
    open_order(qtbot, tab)
    scan(qtbot, tab, NEW_EAN)
    assert tab.view.answer.isVisible() and f"Unknown code {NEW_EAN}: which SKU" in tab.view.answer.question.text()
    assert tab.view.message_kind == "error" and f"{NEW_EAN} is on no SKU" in tab.view.message.text()
    assert cells(tab)["POL-M-ROJ"][1] == "0"
    scan(qtbot, tab, "POL-M-ROJ")  # the SKU typed (or scanned from a shelf label) into the answer field
    assert not tab.view.answer.isVisible() and cells(tab)["POL-M-ROJ"][1] == "1"
    assert tab.view.message.text() == f"{NEW_EAN} now means POL-M-ROJ.\nPOL-M-ROJ: +1 — 1 of 3 expected"
    scan(qtbot, tab, NEW_EAN)  # the code is known now
    assert cells(tab)["POL-M-ROJ"][1] == "2"
    receive(qtbot, tab)
    assert units_at(database, "POL-M-ROJ") == {"DOCK-01": 2}


def test_an_unknown_barcode_becomes_a_new_sku_received_as_an_extra_line(
    qtbot: QtBot, tab: ReceivingController, database: Database
) -> None:
    open_order(qtbot, tab)
    scan(qtbot, tab, NEW_EAN)
    QTest.keyClick(tab.view.answer.first, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "Create a new SKU" in tab.view.answer.question.text()
    tab.view.answer.second.setText("Gorro de lana")
    scan(qtbot, tab, "GOR-01")
    assert "GOR-01" in cells(tab), tab.view.message.text()
    assert cells(tab)["GOR-01"] == ["0", "1", "0", "not on the order (+1)"]
    assert tab.view.message_kind == "warning"
    receive(qtbot, tab)
    assert units_at(database, "GOR-01") == {"DOCK-01": 1}


def test_escape_skips_an_unknown_code_and_nothing_is_counted(qtbot: QtBot, tab: ReceivingController) -> None:
    open_order(qtbot, tab)
    scan(qtbot, tab, NEW_EAN)
    with qtbot.waitSignal(tab.sig_scan_handled):
        QTest.keyClick(tab.view.answer.first, Qt.Key.Key_Escape)
    assert not tab.view.answer.isVisible() and f"{NEW_EAN} skipped" in tab.view.message.text()
    assert all(row[1] == "0" for row in cells(tab).values())


def test_over_receipt_beyond_tolerance_is_refused_and_nothing_is_booked(
    qtbot: QtBot, tab: ReceivingController, database: Database, place: ReceivingWorld
) -> None:
    open_order(qtbot, tab)
    scan(qtbot, tab, f"]C101{SHIRT_EAN.zfill(14)}305", "sig_refused")  # 5 shirts of 3 ordered
    assert tab.view.message_kind == "error"
    assert "POL-M-ROJ: 5 would exceed the 3 ordered on OC-1001" in tab.view.message.text()
    assert cells(tab)["POL-M-ROJ"] == ["3", "0", "3", ""]
    with qtbot.waitSignal(tab.sig_refused):
        QTest.keyClick(tab.view.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Nothing scanned yet" in tab.view.message.text()
    # 10 mugs ordered: 11 is within the 10 % tolerance and flagged, 12 is refused.
    scan(qtbot, tab, "11")
    scan(qtbot, tab, f"]C101{MUG_EAN.zfill(14)}10L-1")
    assert tab.view.message_kind == "warning" and "Over-receipt on TAZ-01" in tab.view.message.text()
    assert cells(tab)["TAZ-01"] == ["10", "11", "0", "over by 1"]
    scan(qtbot, tab, f"]C101{MUG_EAN.zfill(14)}10L-1", "sig_refused")
    assert "at most 11" in tab.view.message.text() and cells(tab)["TAZ-01"][1] == "11"
    assert units_at(database, "TAZ-01") == {} and order_status(database, place.order_id) == "ordered"


def test_an_unknown_order_number_is_refused_naming_it(qtbot: QtBot, tab: ReceivingController) -> None:
    scan(qtbot, tab, "OC-9999", "sig_refused")
    assert tab.view.page == ORDERS and "No purchase order OC-9999" in tab.view.message.text()


def test_a_serial_tracked_sku_takes_its_serial_from_the_next_scan(
    qtbot: QtBot, tab: ReceivingController, database: Database, place: ReceivingWorld
) -> None:
    make_serial_tracked(database, "POL-M-ROJ")
    open_order(qtbot, tab)
    scan(qtbot, tab, SHIRT_EAN)
    assert "scan the unit's serial" in tab.view.message.text() and cells(tab)["POL-M-ROJ"][1] == "0"
    with qtbot.waitSignal(tab.sig_refused):
        QTest.keyClick(tab.view.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "POL-M-ROJ still waits for its serial number" in tab.view.message.text()
    scan(qtbot, tab, "SN-0001")
    assert "serial SN-0001" in tab.view.message.text() and cells(tab)["POL-M-ROJ"][1] == "1"
    scan(qtbot, tab, SHIRT_EAN)
    scan(qtbot, tab, "SN-0001", "sig_refused")
    assert "serial SN-0001 already scanned" in tab.view.message.text() and cells(tab)["POL-M-ROJ"][1] == "1"
    scan(qtbot, tab, SHIRT_EAN)
    scan(qtbot, tab, "SN-0002")
    receive(qtbot, tab)
    assert units_at(database, "POL-M-ROJ") == {"DOCK-01": 2}


def make_serial_tracked(database: Database, sku: str) -> None:
    from sqlalchemy import select  # noqa: PLC0415 - test set-up only

    from station.db.models import Product, Tracking, Variant  # noqa: PLC0415

    with database.unit_of_work() as uow:
        variant = uow.session.scalars(select(Variant).where(Variant.sku == sku)).one()
        uow.session.get(Product, variant.product_id).tracking = Tracking.SERIAL
        uow.commit()


def test_in_the_main_window_a_receipt_leads_to_its_putaway(
    qtbot: QtBot, database: Database, runner: TaskRunner, place: ReceivingWorld, station_home: StationPaths
) -> None:
    from station.ui.app import create_main_window  # noqa: PLC0415 - the whole window, for this test only

    window = create_main_window(
        database, place.lead, settings=Settings(station_name="RECV-1"), paths=station_home, runner=runner
    )
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.controller.show_page("inventory")
    inventory = window.controller.inventory
    receiving = inventory.tabs["receiving"].controller
    with qtbot.waitSignal(receiving.sig_orders_loaded, timeout=10_000):
        inventory.show_tab("receiving")
    assert receiving.view.scan_field.hasFocus()
    open_order(qtbot, receiving)
    for _ in range(2):
        scan(qtbot, receiving, SHIRT_EAN)
    receive(qtbot, receiving)
    putaway = inventory.tabs["putaway"].controller
    with qtbot.waitSignal(putaway.sig_loaded, timeout=10_000):
        QTest.keyClick(receiving.view.scan_field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert inventory.view.current_key == "putaway" and putaway.view.scan_field.hasFocus()
    assert [(item.sku, item.quantity, item.bin_code) for item in putaway.model.rows] == [("POL-M-ROJ", 2, "A-01-A")]


def test_a_scanner_answers_the_lot_question_with_a_lot_label_or_a_gs1_128(
    qtbot: QtBot, tab: ReceivingController
) -> None:
    open_order(qtbot, tab)
    scan(qtbot, tab, MUG_EAN)
    tab.scanner.sig_scanned.emit("L-2411")  # a burst from a keyboard-wedge scanner: the lot label
    assert tab.view.answer.first.text() == "L-2411" and tab.view.answer.second.hasFocus()
    with qtbot.waitSignal(tab.sig_scan_handled):
        QTest.keyClick(tab.view.answer.second, Qt.Key.Key_Return)  # no expiry: Enter counts it
    assert cells(tab)["TAZ-01"][:2] == ["10", "1"] and "lot L-2411" in tab.view.message.text()
    scan(qtbot, tab, MUG_EAN)
    with qtbot.waitSignal(tab.sig_scan_handled):
        tab.scanner.sig_scanned.emit(f"]C101{MUG_EAN.zfill(14)}1727063010L-2412{GS}302")
    assert not tab.view.answer.isVisible() and cells(tab)["TAZ-01"][1] == "3"
    assert "lot L-2412" in tab.view.message.text()
