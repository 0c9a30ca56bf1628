"""Choosing a box: the smallest package type that takes every item, by size and by weight.

Pure rules: items and boxes are plain dimensions in millimetres and weights in grams.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Items never fill a box completely: air, padding, odd shapes. 85 % is the usual rule of thumb.
DEFAULT_FILL_FACTOR_PERCENT = 85


@dataclass(frozen=True)
class ItemSize:
    length_mm: int
    width_mm: int
    height_mm: int
    weight_g: int
    quantity: int = 1

    @property
    def volume_mm3(self) -> int:
        return self.length_mm * self.width_mm * self.height_mm * self.quantity


@dataclass(frozen=True)
class BoxSize:
    code: str
    name: str
    length_mm: int
    width_mm: int
    height_mm: int
    tare_g: int
    max_weight_g: int

    @property
    def volume_mm3(self) -> int:
        return self.length_mm * self.width_mm * self.height_mm


@dataclass(frozen=True)
class BoxSuggestion:
    box: BoxSize | None
    reason: str  # one line for the packer: why this box, or why none


def _edges(length: int, width: int, height: int) -> tuple[int, int, int]:
    a, b, c = sorted((length, width, height), reverse=True)
    return a, b, c


def item_fits(item: ItemSize, box: BoxSize) -> bool:
    """Whether one unit fits in the box in some orientation (edges compared longest to longest)."""
    return all(i <= b for i, b in zip(_edges(item.length_mm, item.width_mm, item.height_mm), _edges(box.length_mm, box.width_mm, box.height_mm), strict=True))


def suggest_box(
    items: Iterable[ItemSize], boxes: Sequence[BoxSize], *, fill_factor_percent: int = DEFAULT_FILL_FACTOR_PERCENT
) -> BoxSuggestion:
    """The smallest box (by volume) that holds every item and their weight plus its own tare."""
    items = list(items)
    volume = sum(item.volume_mm3 for item in items)
    weight = sum(item.weight_g * item.quantity for item in items)
    unknown = [item for item in items if item.volume_mm3 == 0]
    candidates = sorted(boxes, key=lambda box: (box.volume_mm3, box.tare_g))
    for box in candidates:
        if any(not item_fits(item, box) for item in items if item.volume_mm3):
            continue
        if volume * 100 > box.volume_mm3 * fill_factor_percent:
            continue
        if weight + box.tare_g > box.max_weight_g:
            continue
        note = " (some items have no dimensions: check it fits)" if unknown else ""
        return BoxSuggestion(box, f"{box.name}: smallest box that holds {_litres(volume)} and {_kg(weight)}{note}")
    if not candidates:
        return BoxSuggestion(None, "No package types are set up")
    return BoxSuggestion(None, f"No single box holds {_litres(volume)} and {_kg(weight)}: split into several packages")


def _litres(volume_mm3: int) -> str:
    return f"{volume_mm3 / 1_000_000:.1f} L".replace(".", ",")


def _kg(grams: int) -> str:
    return f"{grams / 1000:.2f} kg".replace(".", ",")
