"""The driver against simulated scales over a real TCP socket and a real pseudo-terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from station.api import NotSupportedError, ScaleProtocol, ScaleReading, ScaleState, SerialSettings
from station.hardware.scale import (
    ScaleCommandError,
    ScaleDevice,
    ScalePortError,
    ScaleSimulator,
)
from station.hardware.scale.device import REOPEN_AFTER_TIMEOUTS

Make = Callable[..., ScaleSimulator]
PROTOCOLS = ("sics", "toledo8217", "cas")
TRANSPORTS = ["socket", pytest.param("pty", marks=pytest.mark.skipif(sys.platform == "win32", reason="POSIX pty"))]
FAST = {"timeout_s": 0.3}  # only for tests that wait for a timeout on purpose


def serve(simulator: ScaleSimulator, transport: str) -> str:
    return simulator.start_socket() if transport == "socket" else simulator.start_pty()


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_reads_every_state_the_packer_sees(
    protocol: str, transport: str, make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator(protocol, weight_g=1250)
    with ScaleDevice.open(serve(simulator, transport), protocol, protocols=scale_protocols) as scale:
        stable = scale.read()
        assert (stable.state, stable.weight_g, stable.stable) == (ScaleState.STABLE, 1250, True)

        simulator.set_weight(2480, stable=False)
        unstable = scale.read()
        assert unstable.state is ScaleState.UNSTABLE and not unstable.stable
        if protocol != "toledo8217":  # the 8217 sends no weight while moving (see its tests)
            assert unstable.weight_g == 2480

        simulator.set_weight(2480)
        assert scale.read().weight_g == 2480

        simulator.set_overload()
        assert scale.read().state is ScaleState.OVERLOAD
        simulator.set_underload()
        assert scale.read().state is ScaleState.UNDERLOAD


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_silent_scale_times_out_then_reading_resumes(
    transport: str, make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator("sics", weight_g=500)
    url = serve(simulator, transport)
    with ScaleDevice.open(url, "sics", protocols=scale_protocols, serial_overrides=FAST) as scale:
        simulator.set_silent(True)
        silent = scale.read()
        assert silent.state is ScaleState.TIMEOUT
        assert silent.message == f"No answer from the scale on {url} (Mettler Toledo MT-SICS) within 0.3 s"

        simulator.set_silent(False)
        simulator.set_weight(750)
        assert scale.read().weight_g == 750  # the late reply to the silent request is not mistaken for it


def test_many_timeouts_reopen_the_port_and_reading_resumes(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator("sics", weight_g=500)
    with ScaleDevice.open(simulator.start_socket(), "sics", protocols=scale_protocols, serial_overrides=FAST) as scale:
        simulator.set_silent(True)
        states = {scale.read().state for _ in range(REOPEN_AFTER_TIMEOUTS)}
        assert states == {ScaleState.TIMEOUT} and not scale.connected
        simulator.set_silent(False)
        assert scale.read().weight_g == 500 and scale.connected


def test_unplugged_scale_reads_disconnected_and_reconnects_when_back(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator("sics", weight_g=1000)
    url = simulator.start_socket()
    port = int(url.rsplit(":", 1)[1])
    with ScaleDevice.open(url, "sics", protocols=scale_protocols) as scale:
        assert scale.read().weight_g == 1000
        simulator.stop()
        gone = scale.read()
        assert gone.state is ScaleState.DISCONNECTED and url in gone.message and "MT-SICS" in gone.message
        still_gone = scale.read()  # the next read tries to reopen: refused while nothing listens
        assert still_gone.state is ScaleState.DISCONNECTED and "Cannot open the scale port" in still_gone.message

        simulator.set_weight(1500)
        simulator.start_socket(port=port)  # plugged back in, same address
        assert scale.read().weight_g == 1500


def test_pty_vanishing_reads_disconnected(make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]) -> None:
    simulator = make_simulator("toledo8217", weight_g=300)
    path = simulator.start_pty()
    with ScaleDevice.open(path, "toledo8217", protocols=scale_protocols) as scale:
        assert scale.read().weight_g == 300
        simulator.stop()
        assert scale.read().state is ScaleState.DISCONNECTED
        again = scale.read()
        assert again.state is ScaleState.DISCONNECTED and path in again.message


def test_a_station_started_before_the_scale_shows_no_scale_then_the_weight(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator("cas", weight_g=820)
    url = simulator.start_socket()
    simulator.stop()
    scale = ScaleDevice(url, scale_protocols["cas"])  # the constructor touches nothing
    try:
        assert scale.read().state is ScaleState.DISCONNECTED
        simulator.start_socket(port=int(url.rsplit(":", 1)[1]))
        assert scale.read().weight_g == 820
    finally:
        scale.close()


def test_open_reports_a_missing_port_and_an_unknown_protocol(scale_protocols: dict[str, ScaleProtocol]) -> None:
    with pytest.raises(ScalePortError, match=r"Cannot open the scale port /dev/ttyNOSUCH0 \(Mettler Toledo MT-SICS\)"):
        ScaleDevice.open("/dev/ttyNOSUCH0", "sics", protocols=scale_protocols)
    with pytest.raises(LookupError, match="available: auto, cas, sics, toledo8217, toledo8217-lb"):
        ScaleDevice.open("loop://", "dibal", protocols=scale_protocols)
    with pytest.raises(ValueError, match="unknown serial setting"):
        ScaleDevice.open("loop://", "sics", protocols=scale_protocols, serial_overrides={"speed": 1})


def test_zero_and_tare_on_mt_sics(make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]) -> None:
    simulator = make_simulator("sics", weight_g=15)
    with ScaleDevice.open(simulator.start_socket(), "sics", protocols=scale_protocols) as scale:
        scale.zero()
        assert scale.read().weight_g == 0
        simulator.set_weight(240)  # the empty box
        scale.tare()
        assert scale.read().weight_g == 0

        simulator.set_weight(240, stable=False)
        with pytest.raises(ScaleCommandError, match="could not tare: it is busy or the weight did not settle"):
            scale.tare()
        simulator.set_overload()
        with pytest.raises(ScaleCommandError, match="could not zero: the load is above its range"):
            scale.zero()


def test_zero_without_an_answer_is_an_error_naming_the_scale(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator("sics")
    url = simulator.start_socket()
    with ScaleDevice.open(url, "sics", protocols=scale_protocols, serial_overrides=FAST) as scale:
        scale.command_timeout_s = 0.3
        simulator.set_silent(True)
        with pytest.raises(ScaleCommandError, match=f"No answer from the scale on {url}.* to zero within 0.3 s"):
            scale.zero()


def test_toledo_zero_is_sent_and_shows_in_the_next_reading(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator("toledo8217", weight_g=12)
    with ScaleDevice.open(simulator.start_socket(), "toledo8217", protocols=scale_protocols) as scale:
        scale.zero()
        assert scale.read().weight_g == 0


def test_cas_has_no_zero_command(make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]) -> None:
    simulator = make_simulator("cas")
    with ScaleDevice.open(simulator.start_socket(), "cas", protocols=scale_protocols) as scale:
        with pytest.raises(NotSupportedError, match="has no zero command; use the scale's own key"):
            scale.zero()


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_streaming_cas_scale_is_read_frame_by_frame(
    transport: str, make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator("cas", weight_g=1500, continuous=True)
    with ScaleDevice.open(serve(simulator, transport), "cas", protocols=scale_protocols) as scale:
        for _ in range(5):  # the flush often cuts a frame: the reading must never show it
            assert scale.read().weight_g == 1500
        simulator.set_weight(300, stable=False)
        assert scale.read().state is ScaleState.UNSTABLE


def test_toledo_that_sends_the_weight_once_keeps_showing_it(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator("toledo8217", weight_g=640, status_after_weight=True)
    with ScaleDevice.open(simulator.start_socket(), "toledo8217", protocols=scale_protocols) as scale:
        first, second = scale.read(), scale.read()
        assert first.weight_g == second.weight_g == 640 and second.stable
        assert "unchanged" in second.message


def test_sim_url_runs_a_simulator_inside_the_device(scale_protocols: dict[str, ScaleProtocol]) -> None:
    with ScaleDevice.open("sim://toledo8217?weight_g=980", protocols=scale_protocols) as scale:
        assert scale.protocol.name == "toledo8217" and scale.read().weight_g == 980
        simulator = scale.simulator
        assert isinstance(simulator, ScaleSimulator) and simulator.running
    assert not simulator.running
    with pytest.raises(ScalePortError, match="not 'dibal'"):
        ScaleDevice.open("sim://dibal", protocols=scale_protocols)


def test_a_parser_bug_in_a_plugin_is_an_error_reading_not_a_crash(make_simulator: Make) -> None:
    class Broken:
        name, title, reply_terminator, serial = "broken", "Broken", b"\r\n", SerialSettings()

        def request_weight(self) -> bytes:
            return b"SI\r\n"

        def parse_reply(self, data: bytes) -> ScaleReading:
            raise ZeroDivisionError("oops")

    simulator = make_simulator("sics")
    with ScaleDevice.open(simulator.start_socket(), Broken(), protocols={}) as scale:  # type: ignore[arg-type]
        reading = scale.read()
    assert reading.state is ScaleState.ERROR and "protocol broken failed: oops" in reading.message
