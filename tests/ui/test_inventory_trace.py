"""The Inventory page's "Trace" tab, real widgets on SQLite and PostgreSQL, over real stock operations
and a real shipment: a lot scanned from its GS1-128 label is followed from its purchase order to the
customer's order; a serial shows what was inferred; an order lists what left in it; unknown scans are named."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from sample_world import World, build_world
from shipping_sample import FixedCarrier, carrier_gateway, ship

from station.config import Settings, StationPaths
from station.db import Database
from station.db.models import Barcode, Lot, PurchaseOrder, SerialNumber
from station.db.models.catalog import Symbology
from station.services.stock import Actor, StockLedger
from station.ui.controllers.trace_controller import TraceController
from station.ui.tasks import TaskRunner
from station.ui.views.trace_view import TraceView

CARRIER = FixedCarrier("tracer", "Tracer Express", "TR-77")


@pytest.fixture
def shipped(database: Database) -> World:
    """PO OC-9 from Textiles Austral brings lot L-9 of the shirt (5) and serial SN-9 of the mug; order JLS-000001
    takes 2 shirts and the mug and ships with tracking number TR-77."""
    world = build_world(database)
    with database.unit_of_work() as uow:
        s = uow.session
        lot = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-9", expires_on=date(2099, 3, 31))
        unit = SerialNumber(tenant_id=world.tenant_id, variant_id=world.mug, serial="SN-9", location_id=world.bin_b)
        po = PurchaseOrder(
            tenant_id=world.tenant_id, warehouse_id=world.warehouse_id, number="OC-9", supplier="Textiles Austral"
        )
        barcode = Barcode(
            tenant_id=world.tenant_id, variant_id=world.shirt, code="7801234567894", symbology=Symbology.EAN13
        )
        s.add_all([lot, unit, po, barcode])
        s.flush()
        ledger = StockLedger(s, Actor(station="dock-1"))
        ledger.receive(world.shirt, world.bin_a, 5, lot_id=lot.id, reference="OC-9")
        ledger.receive(world.mug, world.bin_b, 1, reference="OC-9")
        uow.commit()

    with carrier_gateway(CARRIER) as gateway:
        ship(database, world, gateway, CARRIER.rate, [(world.shirt, 2), (world.mug, 1)], serials={world.mug: ["SN-9"]})
    return world


@pytest.fixture
def tab(
    qtbot: QtBot, database: Database, shipped: World, runner: TaskRunner, settings: Settings, station_home: StationPaths
):
    view = TraceView()
    controller = TraceController(view, database, runner, settings)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    controller.focus()
    return view, controller


def cells(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def scan(qtbot: QtBot, view: TraceView, controller: TraceController, text: str) -> None:
    assert view.scan_field.hasFocus()
    view.scan_field.selectAll()
    qtbot.keyClicks(view.scan_field, text)
    with qtbot.waitSignal(controller.sig_traced, timeout=10_000):
        qtbot.keyClick(view.scan_field, Qt.Key.Key_Return)


def test_a_lot_label_is_followed_from_its_purchase_order_to_the_shipped_order(qtbot: QtBot, tab) -> None:
    view, controller = tab
    scan(qtbot, view, controller, "(01)07801234567894(10)L-9")  # the GS1-128 on the carton, as printed
    assert view.heading.text() == "Lot L-9 of POL-M-ROJ · expires 2099-03-31"
    assert view.facts.text().startswith(
        "Received 5 · shipped 2 · on hand 3 · received on PO OC-9 from Textiles Austral"
    )
    assert view.summary_title.text() == "Shipped in"
    ((order, customer, _when, units, carrier, tracking),) = cells(view.summary_table)
    assert (order, customer, units, carrier, tracking) == ("JLS-000001", "María José Pérez", "2", "tracer", "TR-77")
    timeline = cells(view.timeline)
    assert [row[1] for row in timeline] == ["Receipt", "Pick", "Ship"]
    assert timeline[0][2:6] == ["5", "—", "A-01-A", "L-9"] and timeline[0][8] == "PO OC-9 · Textiles Austral"
    assert timeline[-1][8] == "Order JLS-000001 · María José Pérez"
    assert all(row[7] == "" for row in timeline)  # every move carries the lot: nothing inferred
    assert not view.message.isVisible()


def test_a_serial_shows_its_inferred_moves_and_an_order_what_left_in_it(qtbot: QtBot, tab) -> None:
    view, controller = tab
    scan(qtbot, view, controller, "sn-9")
    assert view.heading.text() == "Serial number SN-9 of TAZ-01"
    assert view.facts.text().startswith("left in order JLS-000001 to María José Pérez")
    timeline = cells(view.timeline)
    assert [row[1] for row in timeline] == ["Receipt", "Pick", "Ship"]
    assert timeline[0][7] == "inferred"  # received without the serial on the move: matched by SKU and time
    assert view.message.isVisible() and "inferred" in view.message.text()

    scan(qtbot, view, controller, "JLS-000001")
    assert view.heading.text() == "Order JLS-000001 (Shipped) for María José Pérez"
    assert "tracer TR-77 (shipped" in view.facts.text()
    assert view.summary_title.text() == "Left in this order"
    assert sorted(row[:2] + row[3:] for row in cells(view.summary_table)) == [
        ["POL-M-ROJ", "L-9", "2", ""],
        ["TAZ-01", "—", "1", "SN-9"],
    ]


def test_an_unknown_scan_is_named(qtbot: QtBot, tab) -> None:
    view, controller = tab
    with qtbot.waitSignal(controller.sig_not_found, timeout=10_000) as refused:
        controller.trace("L-404")
    assert refused.args == ["No lot, serial number or order 'L-404'"]
    assert view.message.isVisible() and view.message.objectName() == "errorMessage"
    assert not view.timeline.isVisible()
    with qtbot.waitSignal(controller.sig_not_found, timeout=10_000) as refused:
        controller.trace("L-404", "POL-M-ROJ")
    assert refused.args == ["No lot 'L-404' of SKU 'POL-M-ROJ'; its lots: L-9"]


def test_a_scanner_burst_with_a_gs_separator_is_traced(qtbot: QtBot, tab) -> None:
    """A wedge scanner types the raw GS1-128 (AIM prefix, lot, FNC1 as Ctrl+], expiry) a key every 4 ms."""
    view, controller = tab
    stamp = 10_000

    def key(code: int, text: str, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal stamp
        stamp += 4
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, modifiers, text)
            event.setTimestamp(stamp)
            QApplication.sendEvent(view.scan_field, event)

    with qtbot.waitSignal(controller.sig_traced, timeout=10_000) as traced:
        for char in "]C10107801234567894" + "10L-9":
            key(ord(char.upper()), char)
        key(Qt.Key.Key_BracketRight, "\x1d", Qt.KeyboardModifier.ControlModifier)
        for char in "17990331":
            key(ord(char), char)
        key(Qt.Key.Key_Return, "\r")
    assert traced.args[0].lot.lot == "L-9"
    assert view.heading.text() == "Lot L-9 of POL-M-ROJ · expires 2099-03-31"
