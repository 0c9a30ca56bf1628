"""Weighing at the packing bench: live weight from the scale simulator, tolerance, box, packages."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from station_carrier_demo.sandbox import SandboxServer
from test_packing_support import EXPECTED_G, Bench, PackingWorld, bench_settings, open_bench, without_scale

from station.config import StationPaths
from station.db import Database
from station.db.models import Package
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.scale import ScaleSimulator
from station.ui.controllers.packing_packages import WeightState
from station.ui.tasks import TaskRunner

pytest_plugins = ["test_packing_support"]
WAIT = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier


def scan_all(qtbot: QtBot, bench: Bench) -> None:
    with qtbot.waitSignal(bench.controller.sig_order_opened, timeout=WAIT):
        bench.scan(qtbot, "JLS-000001")
    bench.scan(qtbot, "2")
    bench.scan(qtbot, "POL-M-ROJ")
    with qtbot.waitSignal(bench.controller.carrier.sig_rates_shown, timeout=WAIT):
        bench.scan(qtbot, "TAZ-01")


def weight_state(bench: Bench) -> WeightState:
    return bench.controller.weighing.status().state


def test_a_weight_out_of_tolerance_must_be_acknowledged_or_fixed(
    qtbot: QtBot, bench: Bench, scale: ScaleSimulator, beeps: list[str]
):
    scan_all(qtbot, bench)
    assert beeps == []  # nothing on the scale yet is not a wrong weight
    with qtbot.waitSignal(bench.controller.weighing.sig_out_of_tolerance, timeout=WAIT):
        scale.set_weight(1400)  # expected 1.050 kg ± 0.053 kg
    message = bench.view.message.text()
    assert message.startswith("Weight out of tolerance: the parcel weighs 1.400 kg, expected 1.050 kg ± 0.053 kg")
    assert "0.350 kg too heavy" in message and bench.view.message_kind == "warning"
    assert beeps == ["beep"]

    bench.key(qtbot, Qt.Key.Key_Return)  # Enter does not go past the warning
    assert bench.view.message_kind == "warning" and beeps == ["beep", "beep"]
    assert bench.controller.busy is False and bench.view.page == 1

    with qtbot.waitSignal(bench.controller.weighing.sig_back_in_tolerance, timeout=WAIT):
        scale.set_weight(EXPECTED_G)  # the packer took the extra item out
    assert bench.view.message.text() == "Weight OK. Enter buys the label and ships the order."
    assert bench.view.weigh_panel.verdict.text() == "Weight OK"

    with qtbot.waitSignal(bench.controller.weighing.sig_out_of_tolerance, timeout=WAIT):
        scale.set_weight(900)
    bench.key(qtbot, Qt.Key.Key_W, CTRL)  # accept it as it is
    assert bench.view.message.text() == "Weight accepted as it is."
    assert bench.view.weigh_panel.verdict.text() == "Weight accepted as it is."
    assert bench.controller.weighing.status().confirmable
    with qtbot.waitSignal(bench.controller.done.sig_order_shipped, timeout=WAIT):
        bench.key(qtbot, Qt.Key.Key_Return)


def test_a_scale_that_goes_silent_is_shown_and_blocks_the_confirm_until_it_answers_again(
    qtbot: QtBot, bench: Bench, scale: ScaleSimulator, beeps: list[str]
):
    scan_all(qtbot, bench)
    scale.set_weight(EXPECTED_G)
    qtbot.waitUntil(lambda: weight_state(bench) == WeightState.OK, timeout=WAIT)

    scale.set_silent(True)
    qtbot.waitUntil(lambda: bench.view.weigh_panel.state.text() == "Not answering", timeout=WAIT)
    assert bench.view.weigh_panel.state.property("kind") == "bad"
    bench.key(qtbot, Qt.Key.Key_Return)
    assert bench.view.message.text().startswith("No weight from the scale (No answer from the scale on socket://")
    assert beeps == ["beep"] and bench.view.page == 1

    scale.set_silent(False)
    qtbot.waitUntil(lambda: weight_state(bench) == WeightState.OK, timeout=WAIT)
    assert bench.view.weigh_panel.state.text() == "Stable"
    with qtbot.waitSignal(bench.controller.done.sig_order_shipped, timeout=WAIT):
        bench.key(qtbot, Qt.Key.Key_Return)


def test_the_box_changes_by_key_and_a_second_package_is_weighed_on_its_own(
    qtbot: QtBot, bench: Bench, scale: ScaleSimulator, database: Database, packing_world: PackingWorld
):
    scan_all(qtbot, bench)
    panel = bench.view.weigh_panel
    assert (panel.box.text(), panel.package.text()) == ("Caja M · 40×30×20 cm", "Package 1 of 1")
    bench.key(qtbot, Qt.Key.Key_B, CTRL)  # the next box round the list (the largest wraps to the smallest)
    assert panel.box.text().startswith("Sobre M")
    assert panel.box_reason.text() == "Chosen by you; the smallest box that fits is Caja M."
    bench.key(qtbot, Qt.Key.Key_B, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert panel.box.text().startswith("Caja M")

    bench.key(qtbot, Qt.Key.Key_P, CTRL)  # nothing on the scale: weigh package 1 first
    assert bench.view.message.text().startswith("Weigh this package first")
    scale.set_weight(700)
    qtbot.waitUntil(lambda: bench.controller.weighing.reading.weight_g == 700, timeout=WAIT)
    bench.key(qtbot, Qt.Key.Key_P, CTRL)
    assert bench.view.message.text() == "Package 2: pack it and put it on the scale."
    assert (panel.box.text(), panel.package.text()) == ("Caja M · 40×30×20 cm", "Package 2 of 2")
    assert bench.controller.weighing.status().expected_g == EXPECTED_G + 300  # a second box's tare

    bench.key(qtbot, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)  # one too many: take it back
    assert bench.view.message.text() == "Back to 1 package."
    assert panel.package.text() == "Package 1 of 1"
    bench.key(qtbot, Qt.Key.Key_P, CTRL)
    assert panel.package.text() == "Package 2 of 2"

    scale.set_weight(EXPECTED_G + 300 - 700)
    qtbot.waitUntil(lambda: weight_state(bench) == WeightState.OK, timeout=WAIT)
    qtbot.waitUntil(lambda: not bench.controller.carrier.shopping, timeout=WAIT)  # quoted for two parcels
    with qtbot.waitSignal(bench.controller.done.sig_order_shipped, timeout=WAIT):
        bench.key(qtbot, Qt.Key.Key_Return)
    assert bench.view.done_panel.carrier.text().endswith("2 packages")
    with database.unit_of_work() as uow:
        weights = uow.session.scalars(select(Package.measured_weight_g).order_by(Package.sequence)).all()
    assert weights == [700, 650]


@pytest.fixture
def bench_without_scale(
    qtbot: QtBot, database: Database, packing_world: PackingWorld, runner: TaskRunner, station_home: StationPaths,
    zebra: ZebraSimulator, sandbox: SandboxServer, beeps: list[str],
) -> Iterator[Bench]:
    settings = without_scale(bench_settings(None, zebra, sandbox))
    opened = open_bench(qtbot, database, packing_world, runner, station_home, settings)
    yield opened
    opened.window.controller.shutdown()
    opened.host.close()


def test_without_a_scale_the_packer_accepts_the_expected_weight(qtbot: QtBot, bench_without_scale: Bench, beeps: list[str]):
    bench = bench_without_scale
    scan_all(qtbot, bench)
    assert bench.view.weigh_panel.state.text() == "No scale"
    bench.key(qtbot, Qt.Key.Key_Return)
    assert bench.view.message.text() == "No scale at this bench: press Ctrl+W to use the expected weight (1.050 kg)."
    bench.key(qtbot, Qt.Key.Key_W, CTRL)
    with qtbot.waitSignal(bench.controller.done.sig_order_shipped, timeout=WAIT):
        bench.key(qtbot, Qt.Key.Key_Return)


def test_a_scale_switched_on_after_the_station_started_shows_up_by_itself(
    qtbot: QtBot, database: Database, packing_world: PackingWorld, runner: TaskRunner, station_home: StationPaths,
    zebra: ZebraSimulator, sandbox: SandboxServer, beeps: list[str],
):
    with socket.socket() as probe:  # a free port nobody listens on yet
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = bench_settings(None, zebra, sandbox)
    settings.devices.scale_url, settings.devices.scale_protocol = f"socket://127.0.0.1:{port}", "sics"
    bench = open_bench(qtbot, database, packing_world, runner, station_home, settings)
    scale = ScaleSimulator("sics", weight_g=480)
    try:
        qtbot.waitUntil(lambda: bench.view.weigh_panel.state.text() == "No scale", timeout=WAIT)
        assert bench.view.weigh_panel.state.property("kind") == "bad"
        scale.start_socket(port)  # switched on
        qtbot.waitUntil(lambda: bench.view.weigh_panel.figure.text() == "0.480 kg", timeout=WAIT)
        assert bench.view.weigh_panel.state.text() == "Stable"
    finally:
        bench.window.controller.shutdown()
        bench.host.close()
        scale.stop()
