"""MT-SICS replies become the readings a packer sees: documented vectors, units, every error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.api import ScaleState, adapter_problem
from station.builtins.scale_sics import MtSicsProtocol, to_grams, tokenize
from station.hardware.scale.replies import sics_weight

SICS = MtSicsProtocol()


def test_sics_registers_as_a_valid_scale_protocol_with_8n1_defaults() -> None:
    assert adapter_problem("scale_protocol", SICS) is None
    assert (SICS.serial.baudrate, SICS.serial.bytesize, SICS.serial.parity, SICS.serial.stopbits) == (9600, 8, "N", 1)
    assert SICS.reply_terminator == b"\r\n"
    assert SICS.request_weight() == b"SI\r\n"


@pytest.mark.parametrize(
    ("reply", "state", "grams"),
    [
        (b"S S     129.07 g\r\n", ScaleState.STABLE, 129),
        (b"S D     129.07 g\r\n", ScaleState.UNSTABLE, 129),  # Atlantis-Software/mt-sics test vector
        (b"S S     100.00 g\r\n", ScaleState.STABLE, 100),
        (b"S S      1.250 kg\r\n", ScaleState.STABLE, 1250),
        (b"S S     -0.125 kg\r\n", ScaleState.STABLE, -125),  # negative after a tare: still a weight
        (b"S S       2.00 lb\r\n", ScaleState.STABLE, 907),  # 907.18474 g
        (b"S S      16.00 oz\r\n", ScaleState.STABLE, 454),  # one pound: 453.59237 g
        (b"S S    1250000 mg\r\n", ScaleState.STABLE, 1250),
        (b"SI S    1.5 kg\r\n", ScaleState.STABLE, 1500),  # some firmwares echo the full command
        (b"S S 129.5 g\r\n", ScaleState.STABLE, 130),  # half a gram rounds away from zero
        (b"S S -129.5 g\r\n", ScaleState.STABLE, -130),
    ],
)
def test_weight_replies_give_whole_grams_and_stability(reply: bytes, state: ScaleState, grams: int) -> None:
    reading = SICS.parse_reply(reply)
    assert (reading.state, reading.weight_g) == (state, grams)
    assert isinstance(reading.weight_g, int)


def test_only_s_s_is_stable() -> None:
    assert SICS.parse_reply(b"S S      1.250 kg\r\n").stable
    assert not SICS.parse_reply(b"S D      1.250 kg\r\n").stable


@pytest.mark.parametrize(
    ("reply", "state", "says"),
    [
        (b"S +\r\n", ScaleState.OVERLOAD, "over capacity"),
        (b"S -\r\n", ScaleState.UNDERLOAD, "below zero"),
        (b"S I\r\n", ScaleState.ERROR, "busy"),
        (b"ES\r\n", ScaleState.ERROR, "did not understand"),
        (b"ET\r\n", ScaleState.ERROR, "baud rate"),
        (b"EL\r\n", ScaleState.ERROR, "cannot carry out"),
        (b"S S     12.5 ct\r\n", ScaleState.ERROR, "set the scale to g, kg, lb or oz"),
        (b"S S     twelve g\r\n", ScaleState.ERROR, "not a number"),
        (b"S S\r\n", ScaleState.ERROR, "unexpected"),
        (b'I4 A "123"\r\n', ScaleState.ERROR, "unexpected"),
        (b"\r\n", ScaleState.ERROR, "empty"),
        (b"S S \xff\xfe g\r\n", ScaleState.ERROR, "not ASCII"),
        (b"S S \x07 1 g\r\n", ScaleState.ERROR, "control characters"),
        (b'S S "1.0 g\r\n', ScaleState.ERROR, "unterminated"),
    ],
)
def test_every_error_reply_is_a_state_with_a_message(reply: bytes, state: ScaleState, says: str) -> None:
    reading = SICS.parse_reply(reply)
    assert reading.state is state and reading.weight_g is None
    assert says in reading.message


def test_tokenizer_keeps_quoted_strings_together() -> None:
    assert tokenize('I2 A "ICS469 OU 60.18 kg"') == ["I2", "A", "ICS469 OU 60.18 kg"]
    assert tokenize("S S     129.07 g") == ["S", "S", "129.07", "g"]
    assert tokenize('I4 A ""') == ["I4", "A", ""]
    with pytest.raises(ValueError, match="unterminated"):
        tokenize('I4 A "123')


def test_units_convert_exactly_without_floats() -> None:
    assert to_grams("0.0005", "kg") == 1 and to_grams("-0.0005", "kg") == -1  # half away from zero
    assert to_grams("0.0004999", "kg") == 0
    assert to_grams("1", "lb") == 454 and to_grams("100", "lb") == 45359
    assert to_grams("1", "oz") == 28
    with pytest.raises(ValueError, match="unit 't'"):
        to_grams("1", "t")


def test_identifies_only_real_sics_answers() -> None:
    assert SICS.identifies(b"S S     129.07 g\r\n")
    assert SICS.identifies(b"S +\r\n") and SICS.identifies(b"S I\r\n")
    assert not SICS.identifies(b"SI\r\n")  # an echo (loop:// or a modem) is not a scale
    assert not SICS.identifies(b"ST,GS,+  1.500kg\r\n")  # CAS
    assert not SICS.identifies(b"\x02?A\r")  # Toledo 8217
    assert not SICS.identifies(b"ES\r\n")


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (b"Z A\r\n", None),
        (b"T S      0.250 kg\r\n", None),
        (b"Z I\r\n", "could not zero: it is busy or the weight did not settle"),
        (b"Z +\r\n", "could not zero: the load is above its range"),
        (b"T -\r\n", "could not tare: the load is below its range"),
        (b"ES\r\n", "did not understand"),
        (b"S S 1 g\r\n", "unexpected"),
    ],
)
def test_zero_and_tare_confirmations(reply: bytes, problem: str | None) -> None:
    assert SICS.zero_command() == b"Z\r\n" and SICS.tare_command() == b"T\r\n"
    found = SICS.command_problem(reply)
    assert found == problem if problem is None else (found is not None and problem in found)


@given(
    weight_g=st.integers(min_value=-99_999_999, max_value=999_999_999),
    stable=st.booleans(),
    unit=st.sampled_from(["g", "kg", "lb", "oz"]),
)
def test_any_weight_the_simulator_writes_parses_back_exactly(weight_g: int, stable: bool, unit: str) -> None:
    reading = SICS.parse_reply(sics_weight(weight_g, stable=stable, unit=unit))
    assert reading.weight_g == weight_g
    assert reading.stable is stable


@given(st.binary(max_size=40))
def test_no_bytes_make_the_parser_raise(data: bytes) -> None:
    reading = SICS.parse_reply(data)
    assert reading.state in ScaleState
