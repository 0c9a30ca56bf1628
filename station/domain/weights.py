"""Parcel weight check at the packing bench. All weights are whole grams.

The rule: a parcel passes when ``|measured - expected| <= allowed``, where

    allowed = max(expected × percent, grams)

i.e. a percentage of the expected weight, but never less than a fixed
number of grams (so light parcels are not failed by scale jitter). The
percentage is held as integer basis points (1 % = 100 bp) and the product
is rounded to the nearest gram, halves up, without floats.

>>> check_weight(1250, 1100, WeightTolerance(basis_points=500, grams=20)).message
'Parcel weighs 1.250 kg, expected 1.100 kg ± 0.055 kg: 0.150 kg too heavy'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from station.domain.errors import DomainError

__all__ = [
    "DEFAULT_TOLERANCE",
    "InvalidWeight",
    "WeightCheck",
    "WeightTolerance",
    "check_weight",
    "expected_weight_g",
    "format_kg",
]


class InvalidWeight(DomainError, ValueError):
    """A weight or tolerance that is missing, fractional or negative."""


def _grams(value: object, what: str) -> int:
    if value is None:
        raise InvalidWeight(f"{what} has no weight on record; weigh it and save its weight")
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidWeight(f"{what} must be a whole number of grams, got {value!r}")
    if value < 0:
        raise InvalidWeight(f"{what} cannot be negative, got {value} g")
    return value


def format_kg(grams: int) -> str:
    """Grams as kilograms with three decimals: ``1250 -> '1.250 kg'``."""
    sign = "-" if grams < 0 else ""
    kilos, rest = divmod(abs(grams), 1000)
    return f"{sign}{kilos}.{rest:03d} kg"


@dataclass(frozen=True)
class WeightTolerance:
    """How far a parcel may be from its expected weight.

    ``basis_points`` is the relative part (500 = 5 %), ``grams`` the floor.
    """

    basis_points: int
    grams: int

    def __post_init__(self) -> None:
        for name in ("basis_points", "grams"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InvalidWeight(f"Tolerance {name} must be a whole number ≥ 0, got {value!r}")

    @classmethod
    def from_percent(cls, percent: Decimal | int | str, grams: int) -> WeightTolerance:
        """Build from a percentage such as ``"5"`` or ``Decimal("2.5")`` (floats refused)."""
        if isinstance(percent, (bool, float)) or not isinstance(percent, (Decimal, int, str)):
            raise InvalidWeight(f"Give the percentage as text or Decimal, not {percent!r}")
        try:
            bp = Decimal(percent) * 100
        except InvalidOperation:
            raise InvalidWeight(f"Tolerance percentage {percent!r} is not a number") from None
        if not bp.is_finite() or bp != bp.to_integral_value():
            raise InvalidWeight(f"Tolerance percentage {percent!r} allows at most 2 decimals")
        return cls(basis_points=int(bp), grams=grams)

    def allowed_g(self, expected_g: int) -> int:
        """Grams a parcel of ``expected_g`` may be off by: max(percent, floor)."""
        expected = _grams(expected_g, "The expected weight")
        relative = (expected * self.basis_points + 5_000) // 10_000
        return max(relative, self.grams)


DEFAULT_TOLERANCE = WeightTolerance(basis_points=500, grams=20)
"""5 % of the expected weight, at least 20 g."""


@dataclass(frozen=True)
class WeightCheck:
    """The outcome of weighing a parcel; ``message`` is shown to the packer."""

    ok: bool
    measured_g: int
    expected_g: int
    difference_g: int  # measured - expected: positive means heavier
    allowed_g: int
    message: str

    @property
    def too_heavy(self) -> bool:
        return not self.ok and self.difference_g > 0

    @property
    def too_light(self) -> bool:
        return not self.ok and self.difference_g < 0


def expected_weight_g(item_weights_g: Iterable[int], tare_g: int) -> int:
    """Sum of the items' weights (one entry per unit) plus the box's tare.

    Raises :class:`InvalidWeight` naming the item (1-based) whose weight is
    missing, fractional or negative.
    """
    total = _grams(tare_g, "The box (tare)")
    for position, weight in enumerate(item_weights_g, start=1):
        total += _grams(weight, f"Item #{position}")
    return total


def check_weight(
    measured_g: int, expected_g: int, tolerance: WeightTolerance = DEFAULT_TOLERANCE
) -> WeightCheck:
    """Compare a scale reading with the expected weight under ``tolerance``.

    A negative reading is refused: the scale needs zeroing.
    """
    if isinstance(measured_g, int) and not isinstance(measured_g, bool) and measured_g < 0:
        raise InvalidWeight(
            f"The scale reads {format_kg(measured_g)}; empty it and set it to zero"
        )
    measured = _grams(measured_g, "The scale reading")
    expected = _grams(expected_g, "The expected weight")
    allowed = tolerance.allowed_g(expected)
    difference = measured - expected
    ok = abs(difference) <= allowed
    if ok:
        verdict = "OK"
    else:
        verdict = f"{format_kg(abs(difference))} too {'heavy' if difference > 0 else 'light'}"
    message = (
        f"Parcel weighs {format_kg(measured)}, expected {format_kg(expected)}"
        f" ± {format_kg(allowed)}: {verdict}"
    )
    return WeightCheck(ok, measured, expected, difference, allowed, message)
