"""Toledo 8217 frames and status bytes become readings; the "last weight" rule is per connection."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.api import ScaleState, adapter_problem
from station.builtins.scale_toledo8217 import Toledo8217Protocol, describe_status
from station.hardware.scale.replies import toledo_status, toledo_weight


def fresh(unit: str = "kg") -> Toledo8217Protocol:
    return Toledo8217Protocol(unit).for_connection()  # type: ignore[arg-type]


def test_toledo_is_7e1_asks_with_a_bare_w_and_comes_in_kg_and_lb() -> None:
    kg, lb = Toledo8217Protocol("kg"), Toledo8217Protocol("lb")
    assert adapter_problem("scale_protocol", kg) is None and adapter_problem("scale_protocol", lb) is None
    assert (kg.name, lb.name) == ("toledo8217", "toledo8217-lb")
    assert (kg.serial.baudrate, kg.serial.bytesize, kg.serial.parity, kg.serial.stopbits) == (9600, 7, "E", 1)
    assert kg.request_weight() == b"W" and kg.reply_terminator == b"\r"
    assert kg.auto_detect and not lb.auto_detect  # the frame has no unit: lb must be chosen by hand


@pytest.mark.parametrize(
    ("frame", "grams", "message"),
    [
        (b"\x0201.250\r", 1250, ""),
        (b"\x02  1.250\r", 1250, ""),
        (b"\x0200.000\r", 0, ""),
        (b"\x0212.345N\r", 12345, "net"),
        (b"noise\x0201.250\r", 1250, ""),  # bytes before STX are an earlier frame's tail
    ],
)
def test_weight_frames_are_stable_grams(frame: bytes, grams: int, message: str) -> None:
    reading = fresh().parse_reply(frame)
    assert (reading.state, reading.weight_g, reading.message) == (ScaleState.STABLE, grams, message)


def test_a_weight_without_its_decimal_point_is_not_guessed() -> None:
    reading = fresh().parse_reply(b"\x0201250\r")
    assert reading.state is ScaleState.ERROR and "no decimal point" in reading.message


def test_pound_scales_convert_exactly() -> None:
    assert fresh("lb").parse_reply(b"\x0202.000\r").weight_g == 907
    assert fresh("lb").parse_reply(b"\x0200.001\r").weight_g == 0  # 0.45 g


@pytest.mark.parametrize(
    ("status", "state"),
    [
        (0x02, ScaleState.OVERLOAD),
        (0x42, ScaleState.OVERLOAD),  # bit 6 set (printable form): same meaning
        (0xC2, ScaleState.OVERLOAD),  # bit 7 is parity: ignored
        (0x04, ScaleState.UNDERLOAD),
        (0x44, ScaleState.UNDERLOAD),
        (0x07, ScaleState.OVERLOAD),  # over capacity wins over motion and under zero
        (0x0D, ScaleState.UNDERLOAD),  # raw 0x0D is CR: the frame reads as STX ? CR
    ],
)
def test_range_status_bits(status: int, state: ScaleState) -> None:
    frame = b"\x02?" + bytes([status]) + b"\r"
    frame = frame[: frame.index(b"\r") + 1]  # what a reader stopping at the first CR gets
    assert Toledo8217Protocol().identifies(frame)
    reading = fresh().parse_reply(frame)
    assert reading.state is state and reading.weight_g is None
    assert f"status 0x{status & 0x7F:02X}" in reading.message


def test_motion_keeps_the_last_weight_and_says_so() -> None:
    scale = fresh()
    assert scale.parse_reply(b"\x0201.250\r").weight_g == 1250
    moving = scale.parse_reply(b"\x02?A\r")
    assert (moving.state, moving.weight_g) == (ScaleState.UNSTABLE, 1250)
    assert "in motion" in moving.message


def test_motion_before_any_weight_is_unstable_zero_with_an_explanation() -> None:
    moving = fresh().parse_reply(b"\x02?\x01\r")
    assert (moving.state, moving.weight_g) == (ScaleState.UNSTABLE, 0)
    assert "no weight received yet" in moving.message


def test_all_clear_after_a_weight_means_unchanged_and_before_one_means_ask_again() -> None:
    scale = fresh()
    before = scale.parse_reply(b"\x02?@\r")
    assert before.state is ScaleState.ERROR and "ask again" in before.message
    scale.parse_reply(b"\x0200.980\r")
    for all_clear in (b"\x02?@\r", b"\x02?\x00\r", b"\x02?H\r", b"\x02?`\r"):  # bits 3 and 5 are information
        reading = scale.parse_reply(all_clear)
        assert (reading.state, reading.weight_g) == (ScaleState.STABLE, 980)
        assert "unchanged" in reading.message


def test_centre_of_zero_is_a_stable_zero() -> None:
    scale = fresh()
    scale.parse_reply(b"\x0201.250\r")
    reading = scale.parse_reply(b"\x02?P\r")
    assert (reading.state, reading.weight_g) == (ScaleState.STABLE, 0)


def test_overload_forgets_the_last_weight() -> None:
    scale = fresh()
    scale.parse_reply(b"\x0201.250\r")
    scale.parse_reply(b"\x02?B\r")
    assert scale.parse_reply(b"\x02?@\r").state is ScaleState.ERROR


def test_each_connection_remembers_its_own_weight() -> None:
    registered = Toledo8217Protocol("kg")
    first, second = registered.for_connection(), registered.for_connection()
    first.parse_reply(b"\x0201.250\r")
    assert second.parse_reply(b"\x02?@\r").state is ScaleState.ERROR
    assert first.parse_reply(b"\x02?@\r").weight_g == 1250


@pytest.mark.parametrize(
    "frame",
    [b"01.250\r", b"\x0201.250", b"\x02??AB\r", b"\x02?AB\r", b"\x02-1.250\r", b"\x021,250\r", b"\x02abc\r", b""],
)
def test_malformed_frames_are_errors(frame: bytes) -> None:
    reading = fresh().parse_reply(frame)
    assert reading.state is ScaleState.ERROR and "Toledo 8217" in reading.message


def test_identifies_only_stx_framed_replies() -> None:
    scale = Toledo8217Protocol()
    assert scale.identifies(b"\x0201.250\r") and scale.identifies(b"\x02?A\r") and scale.identifies(b"\x0201.250N\r")
    assert not scale.identifies(b"S S     129.07 g\r")
    assert not scale.identifies(b"ST,GS,+  1.500kg\r")
    assert not scale.identifies(b"W")


def test_zero_and_tare_are_single_letters() -> None:
    scale = Toledo8217Protocol()
    assert (scale.zero_command(), scale.tare_command()) == (b"Z", b"T")
    assert not hasattr(scale, "command_problem")  # no confirmation is documented


def test_status_words() -> None:
    assert describe_status(0x61) == "in motion, net weight (status 0x61)"
    assert describe_status(0x40) == "all clear (status 0x40)"


@given(weight_g=st.integers(min_value=0, max_value=999_999), unit=st.sampled_from(["kg", "lb"]), net=st.booleans())
def test_any_weight_the_simulator_writes_parses_back_exactly(weight_g: int, unit: str, net: bool) -> None:
    reading = fresh(unit).parse_reply(toledo_weight(weight_g, unit=unit, net=net))
    assert (reading.state, reading.weight_g) == (ScaleState.STABLE, weight_g)


@given(bits=st.integers(min_value=0, max_value=0x3F))
def test_any_status_the_simulator_writes_is_understood(bits: int) -> None:
    scale = fresh()
    scale.parse_reply(toledo_weight(500))
    reading = scale.parse_reply(toledo_status(bits))
    if bits & 0x02:
        assert reading.state is ScaleState.OVERLOAD
    elif bits & 0x04:
        assert reading.state is ScaleState.UNDERLOAD
    elif bits & 0x01:
        assert (reading.state, reading.weight_g) == (ScaleState.UNSTABLE, 500)
    else:
        assert reading.state is ScaleState.STABLE and reading.weight_g == (0 if bits & 0x10 else 500)


@given(st.binary(max_size=20))
def test_no_bytes_make_the_parser_raise(data: bytes) -> None:
    assert fresh().parse_reply(data).state in ScaleState
