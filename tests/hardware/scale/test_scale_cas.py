"""CAS "ST,GS,+  1.500kg" frames: the variants seen second-hand all read the same way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.api import ScaleState, adapter_problem
from station.builtins.scale_cas import CasProtocol
from station.hardware.scale.replies import cas_frame

CAS = CasProtocol()


def test_cas_defaults() -> None:
    assert adapter_problem("scale_protocol", CAS) is None
    assert (CAS.serial.baudrate, CAS.serial.bytesize, CAS.serial.parity) == (9600, 8, "N")
    assert CAS.request_weight() == b"W" and CAS.reply_terminator == b"\r"
    assert CAS.streams  # continuous-mode scales send frames unasked


@pytest.mark.parametrize(
    ("frame", "state", "grams", "message"),
    [
        (b"ST,GS,+  1.500kg\r", ScaleState.STABLE, 1500, ""),
        (b"US,GS,+  1.500kg\r", ScaleState.UNSTABLE, 1500, ""),
        (b"\nST,GS,+  1.500kg\r", ScaleState.STABLE, 1500, ""),  # the LF of the previous CR LF
        (b"\x02ST,GS,+  1.500 kg\r", ScaleState.STABLE, 1500, ""),  # STX first, space before the unit
        (b"ST,NT,-  0.120kg\r", ScaleState.STABLE, -120, "net"),  # negative net: a real weight after tare
        (b"ST,GS,+   245.6 g\r", ScaleState.STABLE, 246, ""),
        (b"ST,GS,+  2.000lb\r", ScaleState.STABLE, 907, ""),
        (b"ST,GS,+  8.000oz\r", ScaleState.STABLE, 227, ""),
        (b"ST,GS,+  1.500KG\r", ScaleState.STABLE, 1500, ""),
    ],
)
def test_weight_frames(frame: bytes, state: ScaleState, grams: int, message: str) -> None:
    reading = CAS.parse_reply(frame)
    assert (reading.state, reading.weight_g, reading.message) == (state, grams, message)


@pytest.mark.parametrize(
    ("frame", "state", "says"),
    [
        (b"OL,GS,+  OL   kg\r", ScaleState.OVERLOAD, "over capacity"),
        (b"ST,GS,+  OL   kg\r", ScaleState.OVERLOAD, "over capacity"),
        (b"ST,GS,-  0.010kg\r", ScaleState.UNDERLOAD, "below zero"),  # negative gross: needs zeroing
        (b"ST,TR,+  0.250kg\r", ScaleState.ERROR, "tare value"),
        (b"ST,GS,+  1.500t\r", ScaleState.ERROR, "unit 't'"),
        (b"GS,+  1.500kg\r", ScaleState.ERROR, "unexpected CAS frame"),  # cut by flushing
        (b"S S     129.07 g\r", ScaleState.ERROR, "unexpected CAS frame"),
        (b"ST,GS,+  1.5\xffkg\r", ScaleState.ERROR, "unexpected CAS frame"),
        (b"ST,GS,+  1..5kg\r", ScaleState.ERROR, "not a number"),
    ],
)
def test_other_frames(frame: bytes, state: ScaleState, says: str) -> None:
    reading = CAS.parse_reply(frame)
    assert reading.state is state and reading.weight_g is None
    assert says in reading.message


def test_identifies_only_whole_frames() -> None:
    assert CAS.identifies(b"ST,GS,+  1.500kg\r") and CAS.identifies(b"\nUS,NT,-  0.100kg\r")
    assert not CAS.identifies(b",+  1.500kg\r")
    assert not CAS.identifies(b"\x0201.250\r")
    assert not hasattr(CAS, "zero_command")  # no documented command set: use the scale's keys


@given(
    weight_g=st.integers(min_value=0, max_value=9_999_999),
    stable=st.booleans(),
    net=st.booleans(),
    unit=st.sampled_from(["g", "kg", "lb", "oz"]),
)
def test_any_weight_the_simulator_writes_parses_back_exactly(weight_g: int, stable: bool, net: bool, unit: str) -> None:
    reading = CAS.parse_reply(cas_frame(weight_g, stable=stable, unit=unit, net=net))
    assert reading.weight_g == weight_g and reading.stable is stable


@given(weight_g=st.integers(min_value=-999_999, max_value=-1))
def test_negative_net_weights_parse_back_and_negative_gross_is_underload(weight_g: int) -> None:
    assert CAS.parse_reply(cas_frame(weight_g, net=True)).weight_g == weight_g
    assert CAS.parse_reply(cas_frame(weight_g)).state is ScaleState.UNDERLOAD


@given(st.binary(max_size=30))
def test_no_bytes_make_the_parser_raise(data: bytes) -> None:
    assert CAS.parse_reply(data).state in ScaleState
