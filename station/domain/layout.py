"""A warehouse's walking network: aisles, cross-aisles and places, and walking distances on it.

Coordinates are centimetres on the floor plan (x to the right, y into the building, the dock side at
small y). Aisles are walkways that run along y; cross-aisles run along x at fixed y and cross every
aisle (the front and back cross-aisles are the aisles' two ends; any in between make more blocks).
A picker stands on an aisle's centre line, level with the bin; docks and pack stations are places
off the racks, joined to the nearest cross-aisle by a straight walk across open floor.

Distances follow the network — along an aisle to a cross-aisle, along it to another aisle — and never
cut through racks. Because every cross-aisle crosses every aisle, walking between two crossings is
their Manhattan distance; a point inside an aisle leaves by the crossing before or after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


class LayoutError(ValueError):
    """A layout that cannot be walked; the message says what is wrong."""


@dataclass(frozen=True)
class Aisle:
    code: str  # "A", "B" … as in the bins' codes
    x: int  # the walkway's centre line


@dataclass(frozen=True)
class Place:
    code: str  # "DOCK-01", "PACK-02" …
    kind: str  # "dock" or "packing" (where routes start and end)
    x: int
    y: int


@dataclass(frozen=True)
class Point:
    """Where someone stands: on an aisle's centre line (`aisle` set) or on open floor (a place)."""

    x: int
    y: int
    aisle: str | None = None


@dataclass(frozen=True)
class Layout:
    aisles: tuple[Aisle, ...]  # left to right
    cross_aisles: tuple[int, ...]  # y of each cross-aisle, front first (at least the front and back)
    places: tuple[Place, ...] = ()
    aisle_width: int = 300
    rack_depth: int = 108
    _aisle_by_code: dict[str, Aisle] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.aisles:
            raise LayoutError("a layout needs at least one aisle")
        if len(self.cross_aisles) < 2 or list(self.cross_aisles) != sorted(set(self.cross_aisles)):
            raise LayoutError(f"cross-aisles must be at least a front and a back, front first: {self.cross_aisles}")
        xs = [aisle.x for aisle in self.aisles]
        if xs != sorted(set(xs)):
            raise LayoutError("aisles must be listed left to right, each at its own x")
        codes = [aisle.code for aisle in self.aisles]
        if len(set(codes)) != len(codes):
            raise LayoutError(f"aisle codes repeat: {codes}")
        self._aisle_by_code.update((aisle.code, aisle) for aisle in self.aisles)

    @property
    def front(self) -> int:
        return self.cross_aisles[0]

    @property
    def back(self) -> int:
        return self.cross_aisles[-1]

    def aisle(self, code: str) -> Aisle:
        try:
            return self._aisle_by_code[code]
        except KeyError:
            raise LayoutError(f"no aisle {code!r} in the layout (aisles: {', '.join(self._aisle_by_code)})") from None

    def place(self, code: str) -> Place:
        for place in self.places:
            if place.code == code:
                return place
        raise LayoutError(f"no place {code!r} in the layout (places: {', '.join(p.code for p in self.places)})")

    def to_json(self) -> dict[str, Any]:
        return {
            "aisles": [{"code": a.code, "x": a.x} for a in self.aisles],
            "cross_aisles": list(self.cross_aisles),
            "places": [{"code": p.code, "kind": p.kind, "x": p.x, "y": p.y} for p in self.places],
            "aisle_width": self.aisle_width,
            "rack_depth": self.rack_depth,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Layout:
        if not data:
            raise LayoutError("this warehouse has no layout yet: generate or import one (station layout)")
        try:
            return cls(
                aisles=tuple(Aisle(str(a["code"]), int(a["x"])) for a in data["aisles"]),
                cross_aisles=tuple(int(y) for y in data["cross_aisles"]),
                places=tuple(
                    Place(str(p["code"]), str(p["kind"]), int(p["x"]), int(p["y"])) for p in data.get("places", ())
                ),
                aisle_width=int(data.get("aisle_width", 300)),
                rack_depth=int(data.get("rack_depth", 108)),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise LayoutError(f"the stored layout is malformed: {error}") from error

    # -- points ------------------------------------------------------------------------------------

    def pick_point(self, aisle_code: str, y: int) -> Point:
        """Where a picker stands for a bin of `aisle_code` level with `y` (kept inside the aisle)."""
        aisle = self.aisle(aisle_code)
        return Point(aisle.x, min(max(y, self.front), self.back), aisle.code)

    def place_point(self, code: str) -> Point:
        place = self.place(code)
        return Point(place.x, place.y)

    # -- walking -----------------------------------------------------------------------------------

    def _segment(self, y: int) -> tuple[int, int]:
        """The cross-aisles just in front of and behind `y` (the same one twice when `y` is on one)."""
        before = max(c for c in self.cross_aisles if c <= y)
        after = min(c for c in self.cross_aisles if c >= y)
        return before, after

    def _exits(self, point: Point) -> list[tuple[int, int, int]]:
        """(x, y of a crossing or a spot on a cross-aisle, cost to get there) for each way out of `point`."""
        if point.aisle is not None:
            before, after = self._segment(point.y)
            return [(point.x, before, point.y - before), (point.x, after, after - point.y)]
        nearest = min(self.cross_aisles, key=lambda c: (abs(c - point.y), c))
        return [(point.x, nearest, abs(point.y - nearest))]

    def _along_network(self, x1: int, y1: int, x2: int, y2: int) -> int:
        """Between two spots on cross-aisles: along the cross-aisle, or through the best aisle."""
        if y1 == y2:
            return abs(x1 - x2)
        low, high = min(x1, x2), max(x1, x2)
        if any(low <= a.x <= high for a in self.aisles):
            return high - low + abs(y1 - y2)
        detour = min(min(abs(a.x - low), abs(a.x - high)) for a in self.aisles)
        return high - low + 2 * detour + abs(y1 - y2)

    def distance(self, a: Point, b: Point) -> int:
        """Walking distance in centimetres between two points, along aisles and cross-aisles."""
        if a.aisle is not None and a.aisle == b.aisle and self._segment(a.y) == self._segment(b.y):
            return abs(a.y - b.y)  # same stretch of the same aisle
        return min(
            cost_a + self._along_network(xa, ya, xb, yb) + cost_b
            for xa, ya, cost_a in self._exits(a)
            for xb, yb, cost_b in self._exits(b)
        )

    def matrix(self, points: Sequence[Point]) -> list[list[int]]:
        """The square matrix of walking distances between `points`, in centimetres."""
        return [[0 if i == j else self.distance(p, q) for j, q in enumerate(points)] for i, p in enumerate(points)]

    def path(self, a: Point, b: Point) -> list[tuple[int, int]]:
        """The walk from `a` to `b` as a polyline (for drawing), as long as `distance(a, b)`."""
        if a.aisle is not None and a.aisle == b.aisle and self._segment(a.y) == self._segment(b.y):
            return [(a.x, a.y), (b.x, b.y)]
        best = min(
            (cost_a + self._along_network(xa, ya, xb, yb) + cost_b, (xa, ya), (xb, yb))
            for xa, ya, cost_a in self._exits(a)
            for xb, yb, cost_b in self._exits(b)
        )
        (xa, ya), (xb, yb) = best[1], best[2]
        points = [(a.x, a.y), (xa, ya)]
        if ya != yb:  # through an aisle: the nearest one between (or beside) the two spots
            low, high = min(xa, xb), max(xa, xb)
            inside = [aisle.x for aisle in self.aisles if low <= aisle.x <= high]
            via = (
                min(inside, key=lambda x: abs(x - xa))
                if inside
                else min((aisle.x for aisle in self.aisles), key=lambda x: min(abs(x - low), abs(x - high)))
            )
            points += [(via, ya), (via, yb)]
        points += [(xb, yb), (b.x, b.y)]
        return _without_repeats(points)

    def route_path(self, stops: Sequence[Point]) -> list[tuple[int, int]]:
        """The polyline of a whole route through `stops` in order."""
        line: list[tuple[int, int]] = []
        for a, b in zip(stops, stops[1:], strict=False):
            line += self.path(a, b)
        return _without_repeats(line)


def _without_repeats(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for point in points:
        if not kept or kept[-1] != point:
            kept.append(point)
    return kept


def path_length(points: Sequence[tuple[int, int]]) -> int:
    """Length of an axis-parallel polyline (what `Layout.path` draws), in centimetres."""
    return sum(abs(x2 - x1) + abs(y2 - y1) for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False))
