"""Reading a warehouse's floor plan off its locations: which bins make which aisle, where each aisle's
walkway runs, where the cross-aisles are, which locations are places (docks, benches). Pure work on
`Location` rows, no session: `station.services.layout` stores what this finds.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence

from station.db.models import Location, LocationKind, Warehouse
from station.domain.layout import Aisle, Layout, LayoutError, Place
from station.domain.locations import DEFAULT_PATTERN, InvalidLocationCode, LocationPattern

BIN_KINDS = (LocationKind.STORAGE, LocationKind.PICK_FACE)
PLACE_KINDS = {LocationKind.DOCK: "dock", LocationKind.PACKING: "packing"}
DEFAULT_AISLE_WIDTH = 300
DEFAULT_RACK_DEPTH = 108


def warehouse_pattern(warehouse: Warehouse) -> LocationPattern:
    return LocationPattern(warehouse.location_pattern) if warehouse.location_pattern else DEFAULT_PATTERN


def location_aisle_level(location: Location, pattern: LocationPattern) -> tuple[str, str]:
    """A bin's aisle and level: the stored ones, else read from its code (the pattern's segments, or
    the first and third parts of a code like A-01-B when it does not fit the pattern)."""
    if location.aisle:
        return location.aisle, location.level
    try:
        segments = pattern.parse(location.code).segments
        aisle, level = segments.get("aisle"), segments.get("level")
    except InvalidLocationCode:
        aisle = level = None
    parts = _parts(location.code)
    return aisle or (parts[0] if parts else location.code), level or (parts[2] if len(parts) > 2 else "")


def _parts(code: str) -> list[str]:
    return [part for part in re.split(r"[^0-9A-Za-z]+", code.upper()) if part]


def first_segment(code: str) -> str:
    parts = _parts(code)
    return parts[0] if parts else code


def _merged(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def layout_from_locations(
    locations: Sequence[Location],
    pattern: LocationPattern = DEFAULT_PATTERN,
    *,
    aisle_width: int | None = None,
    rack_depth: int | None = None,
) -> tuple[Layout, dict[int, tuple[str, str]]]:
    """The walking network the bins among `locations` imply, and each bin's (aisle, level) by index.

    An aisle's centre line runs midway between its two rack faces (the widest gap across its bins);
    an aisle with racks on one side only gets its walkway an aisle width to their right. Cross-aisles
    run half an aisle width in front of and behind the racks, and through every gap along y at least
    an aisle width wide that no bin of any aisle fills. Docks and packing benches become places.
    """
    by_aisle: dict[str, list[Location]] = defaultdict(list)
    assigned: dict[int, tuple[str, str]] = {}
    for index, location in enumerate(locations):
        if location.kind in BIN_KINDS:
            aisle, level = location_aisle_level(location, pattern)
            assigned[index] = (aisle, level)
            by_aisle[aisle].append(location)
    if not by_aisle:
        raise LayoutError("there are no bins (storage or pick-face locations) to derive a layout from")
    faces: dict[str, list[tuple[int, int]]] = {
        aisle: _merged((b.x, b.x + b.width) for b in bins) for aisle, bins in by_aisle.items()
    }
    walkways = {aisle: _widest_gap(spans) for aisle, spans in faces.items()}
    gaps = [gap[1] - gap[0] for gap in walkways.values() if gap is not None]
    width = aisle_width or (round(statistics.median(gaps)) if gaps else DEFAULT_AISLE_WIDTH)
    depths = [end - start for spans in faces.values() for start, end in spans]
    depth = rack_depth or (round(statistics.median(depths)) if depths else DEFAULT_RACK_DEPTH)
    centres: list[Aisle] = []
    for aisle, spans in faces.items():
        gap = walkways[aisle]
        x = (gap[0] + gap[1]) // 2 if gap is not None else spans[-1][1] + width // 2
        centres.append(Aisle(aisle, x))
    centres.sort(key=lambda a: (a.x, a.code))
    for left, right in zip(centres, centres[1:], strict=False):
        if left.x == right.x:
            raise LayoutError(f"aisles {left.code} and {right.code} would share one walkway at x={left.x}")
    spans_y = _merged((b.y, b.y + b.height) for bins in by_aisle.values() for b in bins)
    cross = [spans_y[0][0] - width // 2]
    cross += [
        (end + start) // 2 for (_, end), (start, _) in zip(spans_y, spans_y[1:], strict=False) if start - end >= width
    ]
    cross.append(spans_y[-1][1] + width // 2)
    places = tuple(
        Place(p.code, PLACE_KINDS[p.kind], p.x + p.width // 2, p.y + p.height // 2)
        for p in sorted(
            (p for p in locations if p.kind in PLACE_KINDS), key=lambda p: (p.kind != LocationKind.DOCK, p.code)
        )
    )
    layout = Layout(tuple(centres), tuple(cross), places, aisle_width=width, rack_depth=depth)
    return layout, assigned


def _widest_gap(spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    gaps = [(start - end, end, start) for (_, end), (start, _) in zip(spans, spans[1:], strict=False)]
    if not gaps:
        return None
    _, end, start = max(gaps)
    return end, start
