"""The packer's whole job on the packing view, keyboard only, with real device protocols:
scale simulator over a socket (MT-SICS), Zebra simulator over TCP, Demo Courier sandbox over HTTP."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from station_carrier_demo.sandbox import SandboxServer
from test_packing_support import EXPECTED_G, SHIRT_EAN, Bench, PackingWorld

from station.config import StationPaths
from station.db import Database
from station.db.models import Order, Shipment, ShipmentStatus
from station.domain.orders import OrderState
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.scale import ScaleSimulator
from station.ui.controllers.packing_packages import WeightState

pytest_plugins = ["test_packing_support"]  # its fixtures: bench, packing_world, scale, zebra, sandbox, beeps
WAIT = 10_000


def test_a_packer_packs_an_order_from_scan_to_shipped_with_the_keyboard_alone(
    qtbot: QtBot, bench: Bench, packing_world: PackingWorld, scale: ScaleSimulator, zebra: ZebraSimulator,
    sandbox: SandboxServer, database: Database, station_home: StationPaths, beeps: list[str],
):
    controller, view = bench.controller, bench.view
    assert bench.window.controller.current_page == "packing"  # a packer starts here
    assert bench.window.focusWidget() is view.scan_field

    with qtbot.waitSignal(controller.sig_order_opened, timeout=WAIT) as opened:
        bench.scan(qtbot, "jls-000001")
    assert opened.args == ["JLS-000001"]
    assert view.order_label.text() == "JLS-000001"
    assert [(line.sku, line.bin_code) for line in controller.lines_model.lines] == [("POL-M-ROJ", "A-01-A"), ("TAZ-01", "A-01-B")]
    assert view.weigh_panel.box.text().startswith("Caja M")  # the smallest box that holds it all

    bench.scan(qtbot, SHIRT_EAN)  # the shirt's EAN-13
    assert view.message.text() == "POL-M-ROJ: 1 of 2"
    bench.scan(qtbot, "pol-m-roj")  # or our SKU, any case
    with qtbot.waitSignal(controller.carrier.sig_rates_shown, timeout=WAIT):
        bench.scan(qtbot, "TAZ-01")
    assert controller.complete and beeps == []
    rates = controller.carrier.model.rates
    assert controller.carrier.shop.problems == {}
    assert {rate.service_code for rate in rates} == {"standard", "express"}
    assert controller.carrier.chosen.service_code == "standard"  # a standard order: the cheapest
    assert "cheapest" in view.rates_panel.reason.text()

    scale.set_weight(EXPECTED_G + 12)
    qtbot.waitUntil(lambda: controller.weighing.status().state == WeightState.OK, timeout=WAIT)
    assert view.weigh_panel.figure.text() == "1.062 kg"
    assert view.weigh_panel.state.text() == "Stable"

    with qtbot.waitSignal(controller.done.sig_order_shipped, timeout=WAIT) as shipped:
        bench.key(qtbot, Qt.Key.Key_Return)  # Enter on the empty scan field: confirm
    tracking = shipped.args[0]
    assert re.fullmatch(r"DC\d{10}", tracking)
    assert view.done_panel.tracking.text() == tracking
    assert sandbox.labels_created == 1

    assert zebra.wait_for_labels(1)
    label = zebra.labels[0].decode()
    assert re.search(r"\^BC[^\n]*\^FD" + tracking + r"\^FS", label), label  # the barcode carries the tracking number
    qtbot.waitUntil(lambda: view.done_panel.label_state.text() == "Label printed", timeout=WAIT)
    qtbot.waitUntil(lambda: view.done_panel.slip_state.text() == "Packing slip printed", timeout=WAIT)
    slips = list((station_home.data_dir / "slips").glob("*.pdf"))
    assert len(slips) == 1 and slips[0].read_bytes().startswith(b"%PDF")

    with database.unit_of_work() as uow:
        order = uow.session.get(Order, packing_world.order_id)
        assert order.state == OrderState.SHIPPED
        shipment = uow.session.scalars(select(Shipment).where(Shipment.order_id == order.id)).one()
        assert (shipment.status, shipment.tracking_number) == (ShipmentStatus.SHIPPED, tracking)
    assert beeps == []

    # Ready for the next order at once: scanning opens it.
    with qtbot.waitSignal(controller.sig_order_opened, timeout=WAIT):
        bench.scan(qtbot, "JLS-000002")
    assert view.page == 1
