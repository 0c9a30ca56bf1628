"""Auto-detection binds each simulated scale to its own protocol, never a neighbour's."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from station.api import ScaleProtocol, ScaleReading, ScaleState, SerialSettings, SettingsSchema
from station.hardware.scale import (
    DETECTION_ORDER,
    ScaleDevice,
    ScaleNotDetected,
    ScaleSimulator,
    detection_candidates,
)

Make = Callable[..., ScaleSimulator]
QUICK = {"timeout_s": 0.5}  # a wrong guess costs one timeout; keep the suite quick


@pytest.mark.parametrize(
    "transport",
    ["socket", pytest.param("pty", marks=pytest.mark.skipif(sys.platform == "win32", reason="POSIX pty"))],
)
@pytest.mark.parametrize(
    ("protocol", "options"),
    [("sics", {}), ("toledo8217", {}), ("cas", {}), ("cas", {"continuous": True}), ("sics", {"unit": "kg"})],
)
def test_auto_detection_picks_the_scales_own_protocol(
    protocol: str,
    options: dict[str, object],
    transport: str,
    make_simulator: Make,
    scale_protocols: dict[str, ScaleProtocol],
) -> None:
    simulator = make_simulator(protocol, weight_g=1234, **options)
    url = simulator.start_socket() if transport == "socket" else simulator.start_pty()
    with ScaleDevice.open(url, "auto", protocols=scale_protocols, serial_overrides=QUICK) as scale:
        assert scale.protocol.name == protocol
        assert scale.last_reading == ScaleReading(state=ScaleState.STABLE, weight_g=1234)  # the probe's answer
        assert scale.read().weight_g == 1234


def test_detection_order_is_strictest_first_and_skips_what_cannot_be_told_apart(
    scale_protocols: dict[str, ScaleProtocol],
) -> None:
    assert DETECTION_ORDER == ("sics", "toledo8217", "cas")
    assert [p.name for p in detection_candidates(scale_protocols)] == ["sics", "toledo8217", "cas"]  # not -lb


class PluginScale:
    """A third-party protocol: tried after the built-ins, only because it can identify itself."""

    name = "grams"
    title = "Grams-only test scale"
    settings_schema = SettingsSchema(name="grams", title="Grams-only test scale")
    serial = SerialSettings()
    reply_terminator = b"\r"

    def request_weight(self) -> bytes:
        return b"W"

    def parse_reply(self, data: bytes) -> ScaleReading:
        return ScaleReading(state=ScaleState.STABLE, weight_g=int(data.strip().split(b",")[-1][:-2]))

    def identifies(self, data: bytes) -> bool:
        return data.startswith(b"ST,")


def test_plugin_protocols_come_after_the_built_ins(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    protocols = {**scale_protocols, "grams": PluginScale()}
    assert [p.name for p in detection_candidates(protocols)][-1] == "grams"
    simulator = make_simulator("cas", weight_g=10)
    with ScaleDevice.open(simulator.start_socket(), protocols=protocols, serial_overrides=QUICK) as scale:
        assert scale.protocol.name == "cas"  # CAS's own probe wins; the plugin is never asked

    class Loose(PluginScale):
        identifies = None  # type: ignore[assignment]  # cannot say "that is me": never auto-detected

    assert "grams" not in [p.name for p in detection_candidates({"grams": Loose()})]  # type: ignore[dict-item]


def test_a_silent_port_is_not_detected_and_the_message_lists_what_was_tried(
    make_simulator: Make, scale_protocols: dict[str, ScaleProtocol]
) -> None:
    simulator = make_simulator("sics")
    simulator.set_silent(True)
    url = simulator.start_socket()
    with pytest.raises(ScaleNotDetected) as caught:
        ScaleDevice.open(url, protocols=scale_protocols, serial_overrides=QUICK)
    assert caught.value.message.startswith(f"No scale answered on {url} (tried Mettler Toledo MT-SICS, ")
    assert "CAS" in caught.value.message


def test_an_echoing_port_is_not_taken_for_a_scale(scale_protocols: dict[str, ScaleProtocol]) -> None:
    # loop:// sends every request straight back: "SI\r\n" looks like MT-SICS to a loose regex.
    with pytest.raises(ScaleNotDetected):
        ScaleDevice.open("loop://", protocols=scale_protocols, serial_overrides=QUICK)
