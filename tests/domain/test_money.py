"""Money: currency facts, formatting, parsing, exact splitting."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.domain.money import (
    CURRENCIES,
    InvalidAmount,
    UnknownCurrency,
    UnsupportedLocale,
    allocate,
    decimal_to_minor,
    format_money,
    minor_to_decimal,
    minor_units,
    parse_money,
    split_evenly,
)

amounts = st.integers(min_value=-(10**15), max_value=10**15)
currencies = st.sampled_from(sorted(CURRENCIES))
locales = st.sampled_from(["es-CL", "en"])


@pytest.mark.parametrize(
    ("code", "units"),
    [
        ("CLP", 0),
        ("USD", 2),
        ("EUR", 2),
        ("ARS", 2),
        ("PEN", 2),
        ("COP", 2),
        ("MXN", 2),
        ("BRL", 2),
        ("UYU", 2),
        ("CLF", 4),
    ],
)
def test_iso_minor_units(code: str, units: int) -> None:
    assert minor_units(code) == units
    assert minor_units(code.lower()) == units


@pytest.mark.parametrize("code", ["XYZ", "", "peso", None])
def test_unknown_currency_names_the_code(code: object) -> None:
    with pytest.raises(UnknownCurrency) as excinfo:
        minor_units(code)  # type: ignore[arg-type]
    assert repr(code) in str(excinfo.value)
    assert "CLP" in str(excinfo.value)  # lists what is known


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "expected"),
    [
        (9990, "CLP", "es-CL", "$9.990"),
        (-1500, "CLP", "es-CL", "-$1.500"),
        (0, "CLP", "es-CL", "$0"),
        (1_000_000, "CLP", "es-CL", "$1.000.000"),
        (1234567, "USD", "es-CL", "US$12.345,67"),
        (5, "USD", "es-CL", "US$0,05"),
        (123450, "EUR", "es-CL", "EUR 1.234,50"),
        (-123450, "EUR", "es-CL", "-EUR 1.234,50"),
        (372_345_678, "CLF", "es-CL", "CLF 37.234,5678"),
        (9990, "CLP", "en", "$9,990"),
        (1234567, "USD", "en", "US$12,345.67"),
        (123450, "EUR", "en", "EUR 1,234.50"),
        (9990, "CLP", "es", "$9.990"),
        (9990, "CLP", "en_US", "$9,990"),
    ],
)
def test_format_money(amount: int, currency: str, locale: str, expected: str) -> None:
    assert format_money(amount, currency, locale) == expected


def test_format_refuses_floats_and_unknown_locales() -> None:
    with pytest.raises(InvalidAmount, match="9.99"):
        format_money(9.99, "USD")  # type: ignore[arg-type]
    with pytest.raises(UnsupportedLocale, match="'de-DE'"):
        format_money(100, "CLP", "de-DE")


@pytest.mark.parametrize(
    ("text", "currency", "locale", "expected"),
    [
        ("$9.990", "CLP", "es-CL", 9990),
        ("9990", "CLP", "es-CL", 9990),
        ("9.990", "CLP", "es-CL", 9990),
        (" $ 9.990 ", "CLP", "es-CL", 9990),
        ("9.990 CLP", "CLP", "es-CL", 9990),
        ("CLP 1.234.567", "CLP", "es-CL", 1_234_567),
        ("-$1.500", "CLP", "es-CL", -1500),
        ("$-1.500", "CLP", "es-CL", -1500),
        ("12.345,67", "USD", "es-CL", 1_234_567),
        ("US$12.345,67", "USD", "es-CL", 1_234_567),
        ("12,5", "USD", "es-CL", 1250),
        ("12", "USD", "es-CL", 1200),
        ("UF 1,5", "CLF", "es-CL", 15000),
        ("$9,990", "CLP", "en", 9990),
        ("US$12,345.67", "USD", "en", 1_234_567),
        ("€ 3,50", "EUR", "es-CL", 350),
    ],
)
def test_parse_money(text: str, currency: str, locale: str, expected: int) -> None:
    assert parse_money(text, currency, locale) == expected


@pytest.mark.parametrize(
    ("text", "currency", "fragment"),
    [
        ("9.990,5", "CLP", "CLP has no decimals"),
        ("9990,00", "CLP", "CLP has no decimals"),
        ("12,345", "USD", "USD allows at most 2 decimals"),
        ("1,23456", "CLF", "CLF allows at most 4 decimals"),
        ("12.50", "USD", "decimal separator here is ','"),
        ("EUR 5", "USD", "not an amount in USD"),
        ("US$5", "CLP", "not an amount in CLP"),
        ("", "CLP", "no number"),
        ("$", "CLP", "no number"),
        ("1.2345", "CLP", "not a valid amount"),
        ("12.34.567", "CLP", "not a valid amount"),
        ("--5", "CLP", "not a valid amount"),
        ("5,", "USD", "not a valid amount"),
        ("abc", "CLP", "not an amount in CLP"),
    ],
)
def test_parse_rejects_with_actionable_message(text: str, currency: str, fragment: str) -> None:
    with pytest.raises(InvalidAmount) as excinfo:
        parse_money(text, currency)
    assert fragment in str(excinfo.value)
    assert repr(text) in str(excinfo.value)


def test_parse_refuses_non_text() -> None:
    with pytest.raises(InvalidAmount):
        parse_money(9.99, "USD")  # type: ignore[arg-type]


@given(amounts, currencies, locales)
def test_format_then_parse_round_trips(amount: int, currency: str, locale: str) -> None:
    assert parse_money(format_money(amount, currency, locale), currency, locale) == amount


@given(amounts, currencies)
def test_decimal_conversion_round_trips(amount: int, currency: str) -> None:
    value = minor_to_decimal(amount, currency)
    assert value == Fraction(amount, 10 ** minor_units(currency))
    assert decimal_to_minor(value, currency) == amount


def test_decimal_to_minor_never_rounds_silently() -> None:
    assert decimal_to_minor(Decimal("12.30"), "USD") == 1230
    assert decimal_to_minor("9990", "CLP") == 9990
    assert decimal_to_minor(Decimal("9990.00"), "CLP") == 9990
    with pytest.raises(InvalidAmount, match="more decimals than CLP"):
        decimal_to_minor(Decimal("9990.5"), "CLP")
    with pytest.raises(InvalidAmount, match="not 0.1"):
        decimal_to_minor(0.1, "USD")  # type: ignore[arg-type]
    with pytest.raises(InvalidAmount):
        decimal_to_minor("NaN", "USD")
    with pytest.raises(InvalidAmount):
        decimal_to_minor("ten", "USD")


def test_split_evenly_examples() -> None:
    assert split_evenly(100, 3) == [34, 33, 33]
    assert split_evenly(-100, 3) == [-33, -33, -34]
    assert split_evenly(0, 2) == [0, 0]
    assert split_evenly(2, 5) == [1, 1, 0, 0, 0]
    with pytest.raises(InvalidAmount, match="0 parts"):
        split_evenly(100, 0)


@given(amounts, st.integers(min_value=1, max_value=200))
def test_split_evenly_sums_exactly_and_differs_by_at_most_one(amount: int, parts: int) -> None:
    shares = split_evenly(amount, parts)
    assert len(shares) == parts
    assert sum(shares) == amount
    assert max(shares) - min(shares) <= 1


def test_allocate_examples() -> None:
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(1000, [3, 1]) == [750, 250]
    # A $1.000 discount over lines of $9.990, $4.990 and $0 (a gift).
    assert allocate(-1000, [9990, 4990, 0]) == [-667, -333, 0]
    assert allocate(5, [0, 0, 7]) == [0, 0, 5]


@pytest.mark.parametrize(
    ("weights", "fragment"),
    [([], "empty"), ([0, 0], "all be zero"), ([3, -1], "negative"), ([1.5], "whole number")],
)
def test_allocate_rejects_bad_weights(weights: list[int], fragment: str) -> None:
    with pytest.raises(InvalidAmount, match=fragment):
        allocate(100, weights)


@given(
    amounts,
    st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=50).filter(any),
)
def test_allocate_sums_exactly_and_stays_within_one_unit(amount: int, weights: list[int]) -> None:
    shares = allocate(amount, weights)
    assert sum(shares) == amount
    total_weight = sum(weights)
    for share, weight in zip(shares, weights):
        exact = Fraction(amount * weight, total_weight)
        assert abs(share - exact) < 1
        if weight == 0:
            assert share == 0
