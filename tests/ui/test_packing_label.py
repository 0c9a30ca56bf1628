"""Confirming at the packing bench: the carrier choice, carrier failures, the printer running out of
labels, reprint, void and hold — over the Demo Courier sandbox and the Zebra simulator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from station_carrier_demo.sandbox import SandboxServer
from test_packing_support import EXPECTED_G, Bench, PackingWorld

from station.db import Database
from station.db.models import AuditEntry, Order, Shipment, ShipmentStatus
from station.domain.orders import OrderState
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.scale import ScaleSimulator
from station.ui.controllers.packing_packages import WeightState

pytest_plugins = ["test_packing_support"]
WAIT = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def ready_to_confirm(qtbot: QtBot, bench: Bench, scale: ScaleSimulator) -> None:
    with qtbot.waitSignal(bench.controller.sig_order_opened, timeout=WAIT):
        bench.scan(qtbot, "JLS-000001")
    bench.scan(qtbot, "2")
    bench.scan(qtbot, "POL-M-ROJ")
    with qtbot.waitSignal(bench.controller.carrier.sig_rates_shown, timeout=WAIT):
        bench.scan(qtbot, "TAZ-01")
    scale.set_weight(EXPECTED_G)
    qtbot.waitUntil(lambda: bench.controller.weighing.status().state == WeightState.OK, timeout=WAIT)


def confirm(qtbot: QtBot, bench: Bench) -> str:
    with qtbot.waitSignal(bench.controller.done.sig_order_shipped, timeout=WAIT) as shipped:
        bench.key(qtbot, Qt.Key.Key_Return)
    return shipped.args[0]


def test_arrow_keys_choose_another_carrier_service(qtbot: QtBot, bench: Bench, scale: ScaleSimulator, database: Database):
    ready_to_confirm(qtbot, bench, scale)
    carrier = bench.controller.carrier
    assert [rate.service_code for rate in carrier.model.rates] == ["standard", "express"]  # by price
    assert carrier.model.is_cheapest(carrier.model.rates[0]) and carrier.model.is_fastest(carrier.model.rates[1])
    with qtbot.waitSignal(carrier.sig_rates_shown, timeout=WAIT):
        bench.key(qtbot, Qt.Key.Key_R, CTRL)  # ask the carriers again
    assert len(carrier.model.rates) == 2
    bench.key(qtbot, Qt.Key.Key_Down)
    assert carrier.chosen.service_code == "express"
    assert bench.view.rates_panel.reason.text() == "Chosen by you: Demo Courier (sandbox) · Express."
    confirm(qtbot, bench)
    with database.unit_of_work() as uow:
        assert uow.session.scalars(select(Shipment.service_code)).one() == "express"


def test_printer_out_of_labels_holds_the_label_and_prints_it_once_when_fixed(
    qtbot: QtBot, bench: Bench, scale: ScaleSimulator, zebra: ZebraSimulator, beeps: list[str]
):
    ready_to_confirm(qtbot, bench, scale)
    zebra.paper_out = True
    tracking = confirm(qtbot, bench)  # the label is bought and the order ships; the label waits
    state = bench.view.done_panel.label_state
    qtbot.waitUntil(lambda: state.text().startswith("Label waiting"), timeout=WAIT)
    assert state.text() == "Label waiting: Out of labels. It prints as soon as the printer is ready."
    assert state.property("kind") == "bad" and "beep" in beeps
    assert bench.view.message.text() == state.text()

    zebra.paper_out = False  # the packer loads a new roll
    qtbot.waitUntil(lambda: state.text() == "Label printed", timeout=WAIT)
    assert zebra.wait_for_labels(1)
    assert len(zebra.labels) == 1 and tracking in zebra.labels[0].decode()
    assert bench.view.message.text() == "Label printed" and bench.view.message_kind == "success"


def test_a_carrier_that_fails_is_retried_with_enter_and_one_label_is_bought(
    qtbot: QtBot, bench: Bench, scale: ScaleSimulator, sandbox: SandboxServer, database: Database,
    packing_world: PackingWorld, beeps: list[str],
):
    ready_to_confirm(qtbot, bench, scale)
    # The courier buys the label but every answer is lost (HTTP 500) until the station gives up.
    sandbox.fail_next(4, 500, after=True)
    with qtbot.waitSignal(bench.controller.done.sig_confirm_failed, timeout=WAIT) as failed:
        bench.key(qtbot, Qt.Key.Key_Return)
    assert failed.args[0].startswith("The label was not bought: demo did not answer the label request")
    assert failed.args[0].endswith("Press Enter to try again.")
    assert bench.view.message_kind == "error" and beeps == ["beep"] and bench.view.page == 1

    tracking = confirm(qtbot, bench)  # Enter again: the same shipment key, so the same label
    assert sandbox.labels_created == 1
    with database.unit_of_work() as uow:
        shipments = uow.session.scalars(select(Shipment).where(Shipment.order_id == packing_world.order_id)).all()
        assert [(s.status, s.tracking_number) for s in shipments] == [(ShipmentStatus.SHIPPED, tracking)]


def test_ctrl_l_reprints_the_last_label_and_ctrl_shift_l_voids_it_after_a_confirm(
    qtbot: QtBot, bench: Bench, scale: ScaleSimulator, zebra: ZebraSimulator, database: Database,
    packing_world: PackingWorld,
):
    ready_to_confirm(qtbot, bench, scale)
    tracking = confirm(qtbot, bench)
    assert zebra.wait_for_labels(1)

    with qtbot.waitSignal(bench.controller.done.sig_reprinting, timeout=WAIT):
        bench.key(qtbot, Qt.Key.Key_L, CTRL)
    assert zebra.wait_for_labels(2)
    assert zebra.labels[1] == zebra.labels[0]

    bench.key(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bench.view.prompt.isVisible(), timeout=WAIT)
    assert bench.view.prompt.question.text() == (
        f"Void label {tracking} of order JLS-000001? The carrier cancels it; the order comes back to the bench."
    )
    with qtbot.waitSignal(bench.controller.done.sig_label_voided, timeout=WAIT):
        bench.key(qtbot, Qt.Key.Key_Return)
    assert bench.view.message.text() == (
        f"Label {tracking} voided. Order JLS-000001 is back at the bench: scan it to pack it again."
    )
    with database.unit_of_work() as uow:
        assert uow.session.get(Order, packing_world.order_id).state == OrderState.PACKED
        assert uow.session.scalars(select(Shipment.status)).one() == ShipmentStatus.VOIDED
    with qtbot.waitSignal(bench.controller.sig_order_opened, timeout=WAIT):
        bench.scan(qtbot, "JLS-000001")  # packed again from the start


def test_ctrl_h_puts_the_order_on_hold_with_a_reason(
    qtbot: QtBot, bench: Bench, database: Database, packing_world: PackingWorld, beeps: list[str]
):
    with qtbot.waitSignal(bench.controller.sig_order_opened, timeout=WAIT):
        bench.scan(qtbot, "JLS-000001")
    bench.key(qtbot, Qt.Key.Key_H, CTRL)
    assert bench.view.prompt.question.text() == "Why is order JLS-000001 put on hold?"
    assert bench.window.focusWidget() is bench.view.prompt.answer
    bench.key(qtbot, Qt.Key.Key_Return)
    assert bench.view.message.text() == "Type why the order is put on hold." and beeps == ["beep"]

    bench.type("Taza trizada, esperar reposición")
    with qtbot.waitSignal(bench.controller.sig_order_held, timeout=WAIT):
        bench.key(qtbot, Qt.Key.Key_Return)
    assert bench.view.message.text() == "Order JLS-000001 is on hold: Taza trizada, esperar reposición"
    assert bench.view.page == 0 and bench.controller.session is None
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, packing_world.order_id)
        assert (order.state, order.hold_reason) == (OrderState.ON_HOLD, "Taza trizada, esperar reposición")
        audit = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "hold")).one()
        assert (audit.station, audit.user_id) == ("bench-7", packing_world.packer.id)
