"""The parcels of the order on the bench: box per package, weights, and whether the weight passes.

Plain Python (no Qt), driven by the packing controller. Package 1 of 1 is the usual case; the
packer may add packages (each is weighed before the next one is started). The live scale reading
belongs to the last package; the earlier ones keep the weight they had when the next was added.
The check compares the sum of the packages with the items plus every box's tare.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from station.api import Parcel, ScaleReading, ScaleState
from station.domain.packing import BoxSize, BoxSuggestion, ItemSize, suggest_box
from station.domain.weights import InvalidWeight, WeightCheck, WeightTolerance, check_weight
from station.services.dispatch import ParcelPlan

EMPTY_SCALE_G = 5  # a stable reading this close to zero means nothing is on the scale


class WeightState(StrEnum):
    """What the weight panel shows, and what the confirm key may do."""

    NO_SCALE = "no_scale"  # none configured: the expected weight is used once acknowledged
    WAITING = "waiting"  # configured, no reading yet
    EMPTY = "empty"  # stable at zero: the parcel is not on the scale yet
    UNSTABLE = "unstable"  # still moving: wait
    OK = "ok"  # stable and within tolerance
    OUT_OF_TOLERANCE = "out_of_tolerance"  # stable, too heavy or too light: fix or acknowledge
    PROBLEM = "problem"  # timeout, disconnected, overload, underload, error, negative


@dataclass
class Package:
    box: BoxSize | None
    weight_g: int | None = None  # set when the next package is started (None: expected weight used)


@dataclass(frozen=True)
class WeightStatus:
    state: WeightState
    live_g: int | None  # the scale's figure now (may be unstable)
    measured_g: int | None  # all packages: kept weights plus the live stable one
    expected_g: int
    check: WeightCheck | None
    acknowledged: bool
    scale_state: ScaleState | None  # None: no reading (yet, or no scale)
    scale_message: str = ""

    @property
    def confirmable(self) -> bool:
        if self.state == WeightState.OK:
            return True
        return self.acknowledged and self.state in (
            WeightState.NO_SCALE, WeightState.OUT_OF_TOLERANCE, WeightState.PROBLEM, WeightState.WAITING, WeightState.EMPTY
        )

    @property
    def needs_acknowledgement(self) -> bool:
        return not self.confirmable and self.state != WeightState.UNSTABLE


@dataclass
class PackagePlanner:
    items_weight_g: int
    items: list[ItemSize]
    boxes: tuple[BoxSize, ...]
    tolerance: WeightTolerance
    scale_configured: bool
    packages: list[Package] = field(default_factory=list)
    reading: ScaleReading | None = None
    acknowledged: bool = False
    suggestion: BoxSuggestion | None = None

    def __post_init__(self) -> None:
        self.suggestion = suggest_box(self.items, self.boxes)
        box = self.suggestion.box or (self.boxes[-1] if self.boxes else None)  # nothing fits: the largest
        self.packages = [Package(box)]

    # -- boxes and packages ----------------------------------------------------------------------

    @property
    def current(self) -> Package:
        return self.packages[-1]

    @property
    def count(self) -> int:
        return len(self.packages)

    def change_box(self, step: int) -> BoxSize | None:
        """The next (+1) or previous (-1) box for the current package, round the list."""
        if not self.boxes:
            return None
        box = self.current.box
        index = self.boxes.index(box) if box in self.boxes else -1
        self.current.box = self.boxes[(index + step) % len(self.boxes)]
        self.acknowledged = False
        return self.current.box

    def add_package(self) -> str | None:
        """Keep the current package's weight and start the next; None, or why not (for the packer)."""
        weight: int | None = None
        if self.scale_configured:
            reading = self.reading
            if reading is None or reading.state != ScaleState.STABLE or not reading.weight_g or reading.weight_g <= 0:
                return "weigh_first"
            weight = reading.weight_g
        self.current.weight_g = weight
        self.packages.append(Package(self.current.box))
        self.acknowledged = False
        return None

    def remove_package(self) -> bool:
        if len(self.packages) < 2:
            return False
        self.packages.pop()
        self.current.weight_g = None  # back on the scale: live again
        self.acknowledged = False
        return True

    # -- weighing --------------------------------------------------------------------------------

    def expected_g(self) -> int:
        return self.items_weight_g + sum(package.box.tare_g for package in self.packages if package.box)

    def status(self) -> WeightStatus:
        reading = self.reading
        live = reading.weight_g if reading is not None else None
        scale_state = reading.state if reading is not None else None
        message = reading.message if reading is not None else ""
        kept = sum(package.weight_g or 0 for package in self.packages[:-1])
        expected = self.expected_g()

        def status(state: WeightState, measured: int | None = None, check: WeightCheck | None = None) -> WeightStatus:
            return WeightStatus(state, live, measured, expected, check, self.acknowledged, scale_state, message)

        if not self.scale_configured:
            return status(WeightState.NO_SCALE)
        if reading is None:
            return status(WeightState.WAITING)
        if reading.state == ScaleState.UNSTABLE:
            return status(WeightState.UNSTABLE)
        if reading.state != ScaleState.STABLE or live is None:
            return status(WeightState.PROBLEM)
        if abs(live) <= EMPTY_SCALE_G:
            return status(WeightState.EMPTY)
        try:
            check = check_weight(kept + live, expected, self.tolerance)
        except InvalidWeight:  # a negative reading: the scale needs zeroing
            return status(WeightState.PROBLEM)
        return status(WeightState.OK if check.ok else WeightState.OUT_OF_TOLERANCE, kept + live, check)

    def acknowledge(self) -> bool:
        """The packer accepts the weight as it is (or the expected weight, without a reading)."""
        state = self.status()
        if state.state in (WeightState.OK, WeightState.UNSTABLE):
            return False
        self.acknowledged = True
        return True

    # -- for the carrier -------------------------------------------------------------------------

    def _expected_each(self) -> list[int]:
        share, extra = divmod(self.items_weight_g, len(self.packages))
        return [
            share + (extra if number == 0 else 0) + (package.box.tare_g if package.box else 0)
            for number, package in enumerate(self.packages)
        ]

    def _weights(self) -> list[int]:
        """Each package's weight: kept, live stable, else expected."""
        weights = []
        reading = self.reading
        for number, (package, expected) in enumerate(zip(self.packages, self._expected_each())):
            weight = package.weight_g
            last = number == len(self.packages) - 1
            if last and reading is not None and reading.state == ScaleState.STABLE and (reading.weight_g or 0) > 0:
                weight = reading.weight_g
            weights.append(weight if weight else expected)
        return weights

    def plans(self) -> list[ParcelPlan]:
        plans = []
        for package, weight, expected in zip(self.packages, self._weights(), self._expected_each()):
            box = package.box
            plans.append(
                ParcelPlan(
                    box_code=box.code if box else "",
                    length_mm=box.length_mm if box else 0,
                    width_mm=box.width_mm if box else 0,
                    height_mm=box.height_mm if box else 0,
                    weight_g=weight,
                    expected_weight_g=expected,
                )
            )
        return plans

    def parcels_for_quote(self) -> tuple[Parcel, ...]:
        """What the carriers are asked to quote: the boxes with their expected weights (weights
        wobble on the scale; the quote should not change with every gram)."""
        return tuple(
            Parcel(weight_g=max(1, expected), length_mm=package.box.length_mm if package.box else 0,
                   width_mm=package.box.width_mm if package.box else 0, height_mm=package.box.height_mm if package.box else 0)
            for package, expected in zip(self.packages, self._expected_each())
        )
