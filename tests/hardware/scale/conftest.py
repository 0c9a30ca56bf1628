"""Fixtures for the scale tests: the registered protocols, simulators that always stop, and a
bounded wait on a condition (never a bare sleep)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from station.api import ScaleProtocol
from station.hardware.scale import ScaleSimulator
from station.pluginhost import PluginHost

WaitFor = Callable[..., None]


@pytest.fixture(scope="session")
def scale_protocols() -> dict[str, ScaleProtocol]:
    """The scale protocols exactly as the station loads them (built-ins, no external plugins)."""
    with PluginHost(load_entry_points=False, environ={}) as host:
        return host.scale_protocols()


@pytest.fixture
def make_simulator() -> Iterator[Callable[..., ScaleSimulator]]:
    """``make_simulator("sics", weight_g=1250)``: a simulator stopped after the test."""
    made: list[ScaleSimulator] = []

    def make(*args: object, **kwargs: object) -> ScaleSimulator:
        simulator = ScaleSimulator(*args, **kwargs)  # type: ignore[arg-type]
        made.append(simulator)
        return simulator

    yield make
    for simulator in made:
        simulator.stop()
        assert not simulator.running, "a simulator thread outlived stop()"


@pytest.fixture
def wait_for() -> WaitFor:
    """``wait_for(lambda: cond, "what")``: poll a condition for at most 10 s, then fail."""

    def wait(condition: Callable[[], object], what: str = "condition", timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}")
            time.sleep(0.01)

    return wait
