"""Stock arithmetic: availability, quantities, shortages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.domain.stock import (
    AdjustmentReason,
    InsufficientStock,
    InvalidQuantity,
    MoveKind,
    NegativeStock,
    apply_delta,
    available,
    check_quantity,
    ensure_available,
)

units = st.integers(min_value=0, max_value=10**9)


def test_move_kinds_and_reasons_are_the_stored_values() -> None:
    assert [k.value for k in MoveKind] == [
        "receipt", "putaway", "transfer", "pick", "pack", "ship", "adjustment", "count", "return",
    ]  # fmt: skip
    assert [r.value for r in AdjustmentReason] == [
        "damaged", "lost", "found", "expired", "count_correction", "other",
    ]  # fmt: skip
    assert MoveKind("return") is MoveKind.RETURN
    assert f"{AdjustmentReason.DAMAGED}" == "damaged"


@pytest.mark.parametrize(
    ("on_hand", "reserved", "expected"),
    [(10, 3, 7), (3, 3, 0), (2, 5, 0), (0, 0, 0), (5, 0, 5)],
)
def test_available_is_never_negative(on_hand: int, reserved: int, expected: int) -> None:
    assert available(on_hand, reserved) == expected


@given(units, units)
def test_available_property(on_hand: int, reserved: int) -> None:
    free = available(on_hand, reserved)
    assert free >= 0
    assert free <= on_hand
    assert free == on_hand - reserved or (free == 0 and reserved >= on_hand)


def test_available_refuses_fractions() -> None:
    with pytest.raises(InvalidQuantity, match="on hand must be a whole number"):
        available(2.5, 0)  # type: ignore[arg-type]


@pytest.mark.parametrize("qty", [1, 5, 10**6])
def test_check_quantity_accepts_positive_whole_numbers(qty: int) -> None:
    assert check_quantity(qty) == qty


@pytest.mark.parametrize(
    ("qty", "fragment"),
    [
        (0, "at least 1"),
        (-3, "cannot be negative"),
        (1.5, "whole number"),
        ("2", "whole number"),
        (True, "whole number"),
        (None, "whole number"),
    ],
)
def test_check_quantity_names_the_bad_value(qty: object, fragment: str) -> None:
    with pytest.raises(InvalidQuantity) as excinfo:
        check_quantity(qty)  # type: ignore[arg-type]
    message = str(excinfo.value)
    assert fragment in message
    assert repr(qty) in message
    assert excinfo.value.quantity == qty


def test_zero_is_allowed_for_counts() -> None:
    assert check_quantity(0, allow_zero=True) == 0
    with pytest.raises(InvalidQuantity):
        check_quantity(-1, allow_zero=True)


def test_insufficient_stock_message_and_fields() -> None:
    error = InsufficientStock(sku="TSHIRT-M-RED", location="A-01-B", requested=5, available=3)
    assert str(error) == "Only 3 of SKU TSHIRT-M-RED available at A-01-B; 5 requested"
    assert (error.sku, error.location, error.requested, error.available) == (
        "TSHIRT-M-RED",
        "A-01-B",
        5,
        3,
    )
    warehouse_wide = InsufficientStock("MUG-01", None, 2, 0)
    assert str(warehouse_wide) == "Only 0 of SKU MUG-01 available; 2 requested"


def test_ensure_available() -> None:
    assert ensure_available("MUG-01", "A-01-B", 3, on_hand=5, reserved=2) == 3
    with pytest.raises(InsufficientStock) as excinfo:
        ensure_available("MUG-01", "A-01-B", 4, on_hand=5, reserved=2)
    assert excinfo.value.available == 3
    assert excinfo.value.requested == 4
    with pytest.raises(InvalidQuantity):
        ensure_available("MUG-01", None, 0, on_hand=5)


@given(units, units, st.integers(min_value=1, max_value=10**9))
def test_ensure_available_agrees_with_available(on_hand: int, reserved: int, requested: int) -> None:
    free = available(on_hand, reserved)
    if requested <= free:
        assert ensure_available("SKU", None, requested, on_hand, reserved) == free
    else:
        with pytest.raises(InsufficientStock):
            ensure_available("SKU", None, requested, on_hand, reserved)


def test_apply_delta() -> None:
    assert apply_delta(5, -5) == 0
    assert apply_delta(5, 3) == 8
    with pytest.raises(NegativeStock) as excinfo:
        apply_delta(3, -5)
    assert str(excinfo.value) == "Cannot take 5 units: only 3 on hand (stock would be -2)"
    with pytest.raises(InvalidQuantity, match="cannot be negative"):
        apply_delta(-1, 2)


@given(units, st.integers(min_value=-(10**9), max_value=10**9))
def test_apply_delta_never_goes_below_zero(on_hand: int, delta: int) -> None:
    try:
        result = apply_delta(on_hand, delta)
    except NegativeStock:
        assert on_hand + delta < 0
    else:
        assert result == on_hand + delta >= 0
