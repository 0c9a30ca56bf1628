"""Chilean RUT: check digit, parsing, formatting."""

from __future__ import annotations

from itertools import cycle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.domain.rut import (
    MAX_RUT_BODY,
    InvalidRut,
    Rut,
    compute_check_digit,
    is_valid_rut,
    parse_rut,
)

bodies = st.integers(min_value=1, max_value=MAX_RUT_BODY)


def reference_check_digit(body: int) -> str:
    """Textbook mod-11, written independently from the module under test."""
    total = sum(int(d) * f for d, f in zip(reversed(str(body)), cycle(range(2, 8))))
    return {11: "0", 10: "K"}.get(11 - total % 11, str(11 - total % 11))


@pytest.mark.parametrize(
    ("body", "digit"),
    [
        (12_345_678, "5"),  # 8*2+7*3+6*4+5*5+4*6+3*7+2*2+1*3 = 138; 11 - 138 % 11 = 5
        (11_111_111, "1"),
        (1, "9"),
        (6, "K"),  # 6*2 = 12; 11 - 1 = 10 -> K
        (14, "0"),  # 4*2 + 1*3 = 11; 11 - 0 = 11 -> 0
        (99_999_999, "9"),
    ],
)
def test_known_check_digits(body: int, digit: str) -> None:
    assert compute_check_digit(body) == digit


@given(bodies)
def test_check_digit_matches_reference(body: int) -> None:
    assert compute_check_digit(body) == reference_check_digit(body)


@pytest.mark.parametrize("body", [0, -5, MAX_RUT_BODY + 1, True, 12.0, "12345678"])
def test_check_digit_rejects_impossible_bodies(body: object) -> None:
    with pytest.raises(InvalidRut):
        compute_check_digit(body)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "12.345.678-5",
        "12345678-5",
        "123456785",
        " 12.345.678-5 ",
        "12 345 678 - 5",
        "012345678-5",
    ],
)
def test_accepts_common_spellings(text: str) -> None:
    rut = parse_rut(text)
    assert rut == Rut(12_345_678, "5")
    assert rut.format() == "12.345.678-5"
    assert rut.compact() == "12345678-5"
    assert str(rut) == "12.345.678-5"


def test_lowercase_k_is_read_as_uppercase() -> None:
    rut = parse_rut("6-k")
    assert rut.check_digit == "K"
    assert rut.format() == "6-K"
    assert parse_rut(" 6K").compact() == "6-K"


def test_format_groups_thousands_with_dots() -> None:
    assert Rut.from_body(1).format() == "1-9"
    assert Rut.from_body(1_234).format() == f"1.234-{compute_check_digit(1234)}"
    assert Rut.from_body(7_654_321).format() == "7.654.321-6"


def test_wrong_check_digit_names_input_and_expected_digit() -> None:
    with pytest.raises(InvalidRut) as excinfo:
        parse_rut("12.345.678-4")
    message = str(excinfo.value)
    assert "'12.345.678-4'" in message
    assert "should be 5" in message
    assert excinfo.value.text == "12.345.678-4"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "12.345.678-X",
        "12.34.5678-5",  # dots in the wrong places
        "1.2345678-5",
        "12-345-678-5",
        "-5",
        "123.456.789-0",  # nine-digit body
        "0-0",
        "12345678--5",
    ],
)
def test_rejects_bad_format_with_a_message(text: str) -> None:
    with pytest.raises(InvalidRut) as excinfo:
        parse_rut(text)
    assert repr(text) in str(excinfo.value)
    assert not is_valid_rut(text)


def test_rejects_non_text() -> None:
    with pytest.raises(InvalidRut):
        parse_rut(12345678)  # type: ignore[arg-type]


def test_invalid_rut_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_rut("nope")


def test_direct_construction_validates() -> None:
    assert Rut(6, "k").check_digit == "K"
    with pytest.raises(InvalidRut, match="should be K"):
        Rut(6, "1")


def test_ruts_order_by_body() -> None:
    assert sorted([parse_rut("12.345.678-5"), Rut.from_body(1)]) == [
        Rut.from_body(1),
        Rut(12_345_678, "5"),
    ]


@given(bodies)
def test_every_body_formats_and_reparses_to_itself(body: int) -> None:
    rut = Rut.from_body(body)
    assert parse_rut(rut.format()) == rut
    assert parse_rut(rut.compact()) == rut
    assert parse_rut(rut.compact().replace("-", "")) == rut
    assert parse_rut(rut.format().lower()) == rut
    assert is_valid_rut(rut.format())


@given(bodies, st.sampled_from("0123456789K"))
def test_a_wrong_check_digit_is_always_rejected(body: int, digit: str) -> None:
    expected = compute_check_digit(body)
    text = f"{body}-{digit}"
    if digit == expected:
        assert parse_rut(text).body == body
    else:
        with pytest.raises(InvalidRut) as excinfo:
            parse_rut(text)
        assert f"should be {expected}" in str(excinfo.value)
