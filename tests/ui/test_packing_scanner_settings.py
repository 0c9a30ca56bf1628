"""The [scanner] settings tune the wedge detector; a typo there is shown, and the bench still works."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from station_carrier_demo.sandbox import SandboxServer
from test_packing_support import PackingWorld, bench_settings, open_bench

from station.config import StationPaths
from station.db import Database
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.scale import ScaleSimulator
from station.ui.tasks import TaskRunner

pytest_plugins = ["test_packing_support"]


def test_scanner_settings_reach_the_detector_and_a_typo_is_shown(
    qtbot: QtBot, database: Database, packing_world: PackingWorld, runner: TaskRunner, station_home: StationPaths,
    scale: ScaleSimulator, zebra: ZebraSimulator, sandbox: SandboxServer,
) -> None:
    settings = bench_settings(scale, zebra, sandbox)
    settings.scanner = {"threshold_ms": 40, "min_length": 6}
    tuned = open_bench(qtbot, database, packing_world, runner, station_home, settings)
    assert (tuned.controller.scanner.settings.threshold_ms, tuned.controller.scanner.settings.min_length) == (40, 6)
    tuned.window.controller.shutdown()
    tuned.host.close()

    settings.scanner = {"treshold_ms": 40}
    typo = open_bench(qtbot, database, packing_world, runner, station_home, settings)
    assert "treshold_ms" in typo.view.message.text() and typo.view.message.isVisible()
    assert typo.controller.scanner.settings.threshold_ms == 25  # the default
    typo.window.controller.shutdown()
    typo.host.close()
