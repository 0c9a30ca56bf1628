"""Parcel weight check: expected weight, tolerance rule, packer message."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.domain.weights import (
    DEFAULT_TOLERANCE,
    InvalidWeight,
    WeightTolerance,
    check_weight,
    expected_weight_g,
    format_kg,
)

FIVE_PERCENT_20G = WeightTolerance(basis_points=500, grams=20)


def test_expected_weight_is_items_plus_tare() -> None:
    assert expected_weight_g([300, 300, 250], tare_g=250) == 1100
    assert expected_weight_g((w for w in [120]), tare_g=0) == 120
    assert expected_weight_g([], tare_g=180) == 180


@pytest.mark.parametrize(
    ("items", "tare", "fragment"),
    [
        ([300, None, 250], 250, "Item #2 has no weight on record"),
        ([300, 12.5], 250, "Item #2 must be a whole number of grams, got 12.5"),
        ([-1], 250, "Item #1 cannot be negative"),
        ([100], -5, "The box (tare) cannot be negative"),
        ([100], None, "The box (tare) has no weight"),
    ],
)
def test_expected_weight_names_the_bad_item(items: list[object], tare: object, fragment: str) -> None:
    with pytest.raises(InvalidWeight) as excinfo:
        expected_weight_g(items, tare)  # type: ignore[arg-type]
    assert fragment in str(excinfo.value)


def test_message_for_a_heavy_parcel() -> None:
    result = check_weight(1250, 1100, FIVE_PERCENT_20G)
    assert not result.ok
    assert result.too_heavy and not result.too_light
    assert (result.difference_g, result.allowed_g) == (150, 55)
    assert result.message == "Parcel weighs 1.250 kg, expected 1.100 kg ± 0.055 kg: 0.150 kg too heavy"


def test_message_for_a_light_parcel_and_a_good_one() -> None:
    light = check_weight(990, 1100, FIVE_PERCENT_20G)
    assert light.too_light and not light.ok
    assert light.message.endswith("0.110 kg too light")
    good = check_weight(1120, 1100, FIVE_PERCENT_20G)
    assert good.ok and not good.too_heavy and not good.too_light
    assert good.message == "Parcel weighs 1.120 kg, expected 1.100 kg ± 0.055 kg: OK"


def test_limits_are_inclusive() -> None:
    assert check_weight(1155, 1100, FIVE_PERCENT_20G).ok
    assert check_weight(1045, 1100, FIVE_PERCENT_20G).ok
    assert not check_weight(1156, 1100, FIVE_PERCENT_20G).ok
    assert not check_weight(1044, 1100, FIVE_PERCENT_20G).ok


def test_gram_floor_protects_light_parcels() -> None:
    # 5 % of 200 g is 10 g, but the floor of 20 g applies.
    assert FIVE_PERCENT_20G.allowed_g(200) == 20
    assert check_weight(219, 200, FIVE_PERCENT_20G).ok
    assert not check_weight(221, 200, FIVE_PERCENT_20G).ok


def test_percentage_rounds_half_up_to_whole_grams() -> None:
    tolerance = WeightTolerance(basis_points=250, grams=0)  # 2.5 %
    assert tolerance.allowed_g(1020) == 26  # 25.5 -> 26
    assert tolerance.allowed_g(1000) == 25
    assert tolerance.allowed_g(1019) == 25  # 25.475 -> 25


def test_from_percent() -> None:
    assert WeightTolerance.from_percent("5", 20) == FIVE_PERCENT_20G
    assert WeightTolerance.from_percent(Decimal("2.5"), 0).basis_points == 250
    assert WeightTolerance.from_percent(3, 10) == WeightTolerance(300, 10)
    with pytest.raises(InvalidWeight, match="not 0.05"):
        WeightTolerance.from_percent(0.05, 20)  # type: ignore[arg-type]
    with pytest.raises(InvalidWeight, match="at most 2 decimals"):
        WeightTolerance.from_percent("2.555", 20)
    with pytest.raises(InvalidWeight, match="not a number"):
        WeightTolerance.from_percent("five", 20)
    with pytest.raises(InvalidWeight, match="basis_points"):
        WeightTolerance.from_percent("-1", 20)


def test_tolerance_validates_fields() -> None:
    with pytest.raises(InvalidWeight, match="grams"):
        WeightTolerance(basis_points=500, grams=-1)
    with pytest.raises(InvalidWeight, match="basis_points"):
        WeightTolerance(basis_points=5.0, grams=20)  # type: ignore[arg-type]


def test_default_tolerance_is_documented_rule() -> None:
    assert DEFAULT_TOLERANCE == WeightTolerance(500, 20)
    assert check_weight(1100, 1100).ok


def test_negative_reading_asks_to_zero_the_scale() -> None:
    with pytest.raises(InvalidWeight, match="set it to zero") as excinfo:
        check_weight(-5, 1100)
    assert "-0.005 kg" in str(excinfo.value)
    with pytest.raises(InvalidWeight, match="whole number of grams"):
        check_weight(1100.0, 1100)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("grams", "text"),
    [(0, "0.000 kg"), (5, "0.005 kg"), (1250, "1.250 kg"), (12_000, "12.000 kg"), (-55, "-0.055 kg")],
)
def test_format_kg(grams: int, text: str) -> None:
    assert format_kg(grams) == text


@given(
    st.integers(0, 100_000),
    st.integers(0, 100_000),
    st.integers(0, 5_000),
    st.integers(0, 500),
)
def test_check_weight_follows_the_rule(measured: int, expected: int, bp: int, grams: int) -> None:
    tolerance = WeightTolerance(bp, grams)
    result = check_weight(measured, expected, tolerance)
    exact_relative = Decimal(expected) * bp / 10_000
    assert abs(result.allowed_g - max(exact_relative, grams)) <= Decimal("0.5")
    assert result.allowed_g >= grams
    assert result.difference_g == measured - expected
    assert result.ok == (abs(measured - expected) <= result.allowed_g)
    assert result.too_heavy == (not result.ok and measured > expected)
    assert result.too_light == (not result.ok and measured < expected)
    assert format_kg(measured) in result.message
