"""The live weight: a monitor thread reports each change of the scale, and never blocks its owner."""

from __future__ import annotations

import threading
from collections.abc import Callable

from station.api import ScaleProtocol, ScaleReading, ScaleState
from station.hardware.scale import ScaleDevice, ScaleMonitor, ScaleSimulator

Make = Callable[..., ScaleSimulator]
WaitFor = Callable[..., None]


class Recorder:
    def __init__(self) -> None:
        self.readings: list[ScaleReading] = []
        self.lock = threading.Lock()

    def __call__(self, reading: ScaleReading) -> None:
        with self.lock:
            self.readings.append(reading)

    def states(self) -> list[tuple[ScaleState, int | None]]:
        with self.lock:
            return [(r.state, r.weight_g) for r in self.readings]


def test_monitor_delivers_each_change_once_as_the_packer_loads_the_scale(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol], wait_for: WaitFor
) -> None:
    simulator = make_simulator("sics", weight_g=0)
    seen = Recorder()
    with ScaleDevice.open(simulator.start_socket(), "sics", protocols=scale_protocols) as scale:
        monitor = ScaleMonitor(scale, seen, interval_s=0.01).start()
        try:
            wait_for(lambda: seen.states() == [(ScaleState.STABLE, 0)], "the empty scale")
            polls = simulator.commands_received
            wait_for(lambda: simulator.commands_received >= polls + 3, "more polls")
            assert seen.states() == [(ScaleState.STABLE, 0)]  # nothing changed: nothing delivered

            simulator.set_weight(1180, stable=False)
            wait_for(lambda: (ScaleState.UNSTABLE, 1180) in seen.states(), "the moving weight")
            simulator.set_weight(1250)
            wait_for(lambda: seen.states()[-1] == (ScaleState.STABLE, 1250), "the settled weight")
            simulator.set_overload()
            wait_for(lambda: seen.states()[-1] == (ScaleState.OVERLOAD, None), "overload")
            assert monitor.latest is not None and monitor.latest.state is ScaleState.OVERLOAD
        finally:
            monitor.stop()
            assert monitor.join(10)
    assert seen.states()[:3] == [(ScaleState.STABLE, 0), (ScaleState.UNSTABLE, 1180), (ScaleState.STABLE, 1250)]


def test_monitor_reports_the_scale_going_away_and_coming_back(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol], wait_for: WaitFor
) -> None:
    simulator = make_simulator("toledo8217", weight_g=700)
    url = simulator.start_socket()
    seen = Recorder()
    with ScaleDevice.open(url, "toledo8217", protocols=scale_protocols) as scale:
        with ScaleMonitor(scale, seen, interval_s=0.01, reconnect_interval_s=0.05):
            wait_for(lambda: (ScaleState.STABLE, 700) in seen.states(), "the first weight")
            simulator.stop()
            wait_for(lambda: seen.states()[-1][0] is ScaleState.DISCONNECTED, "no scale")
            simulator.start_socket(port=int(url.rsplit(":", 1)[1]))
            wait_for(lambda: seen.states()[-1] == (ScaleState.STABLE, 700), "the weight again")


def test_stop_returns_at_once_even_while_a_read_is_in_progress(wait_for: WaitFor) -> None:
    started, release = threading.Event(), threading.Event()

    class SlowScale:
        def read(self) -> ScaleReading:
            started.set()
            release.wait(10)
            return ScaleReading(state=ScaleState.STABLE, weight_g=1)

    seen = Recorder()
    monitor = ScaleMonitor(SlowScale(), seen).start()
    assert started.wait(10)
    monitor.stop()  # returns while read() is still blocked
    assert monitor.running
    release.set()
    assert monitor.join(10)
    assert seen.states() == []  # a reading that finished after stop() is not delivered


def test_a_failing_callback_or_reader_does_not_stop_the_live_weight(wait_for: WaitFor) -> None:
    script: list[ScaleReading | Exception] = [RuntimeError("driver bug")]

    class FlakyScale:
        def read(self) -> ScaleReading:
            item = script.pop(0) if script else ScaleReading(state=ScaleState.STABLE, weight_g=5)
            if isinstance(item, Exception):
                raise item
            return item

    calls: list[ScaleReading] = []

    def callback(reading: ScaleReading) -> None:
        calls.append(reading)
        if len(calls) == 1:
            raise ValueError("UI bug")

    with ScaleMonitor(FlakyScale(), callback, interval_s=0.01):
        wait_for(lambda: len(calls) >= 2, "a reading after the failures")
    assert calls[0].state is ScaleState.ERROR and "driver bug" in calls[0].message
    assert calls[1].weight_g == 5
