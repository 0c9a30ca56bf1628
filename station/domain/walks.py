"""Pick walks through a warehouse: the shortest one found by the route solver, and two classic heuristics.

All three take the picks as points on aisles (`Layout.pick_point`), a start (a dock, a pack station)
and optionally a different end; without an end the walk returns to the start. Each returns a `Walk`:
the visiting order (indices into `picks`), the polyline walked and its length, which is always the
length of that polyline (`path_length`), so the three can be compared metre for metre.

The heuristics follow Hall (1993) for a single-block warehouse: they use only the front and back
cross-aisles and walk each aisle end to end, ignoring any middle cross-aisle (the optimal walk does
use those, so it can only be shorter). "Front" is the cross-aisle nearer the start. Both heuristics
sweep the aisles that have picks from one side to the other; we try both sweep directions and keep
the shorter, which flatters the heuristics slightly and keeps the comparison with the optimum fair.

- S-shape (traversal): every aisle with picks is walked end to end, alternating direction; when the
  number of such aisles is odd, the last one is entered from the front, walked up to its farthest pick
  and left by the front again.
- Largest gap: the first and last aisles with picks are walked end to end (up the first, down the
  last); every aisle between is entered from the back along the back cross-aisle and from the front on
  the way home, each time only up to the largest gap between two neighbouring picks (or a pick and an
  aisle end), so the longest empty stretch of each aisle is never walked.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from station.domain.layout import Layout, LayoutError, Point, path_length
from station.domain.routing import solve_route

PATH_ALLOWANCE_S = 0.01  # kept back from the search for drawing the walk's polyline
MIN_SEARCH_S = 0.01  # the search always gets at least this, even when the matrix took the whole limit


@dataclass(frozen=True)
class Walk:
    order: list[int]  # indices into the picks, in visiting order
    length_cm: int  # the walking distance along `path`
    path: list[tuple[int, int]]  # polyline from the start through the picks to the end (or back)


def optimal_walk(
    layout: Layout, picks: Sequence[Point], start: Point, end: Point | None = None, time_limit_s: float = 1.0
) -> Walk:
    """The shortest walk the route solver finds within `time_limit_s` (the network's real distances)."""
    deadline = time.perf_counter() + time_limit_s
    stops = [start, *picks] if end is None else [start, *picks, end]
    if not picks:
        return _walk(layout, [], [], start, end)
    matrix = layout.matrix(stops)  # ~40 ms for 100 picks: counted in the limit, like drawing the path
    remaining = max(deadline - time.perf_counter() - PATH_ALLOWANCE_S, MIN_SEARCH_S)
    route = solve_route(matrix, 0, None if end is None else len(stops) - 1, remaining)
    order = [node - 1 for node in route if 1 <= node <= len(picks)]
    return _walk(layout, order, [picks[i] for i in order], start, end)


def s_shape(layout: Layout, picks: Sequence[Point], start: Point, end: Point | None = None) -> Walk:
    """The S-shape (traversal) walk: every aisle with picks end to end, the last one a return if odd."""
    return _best_sweep(layout, picks, start, end, _s_shape_stops)


def largest_gap(layout: Layout, picks: Sequence[Point], start: Point, end: Point | None = None) -> Walk:
    """Hall's largest-gap walk: first and last pick aisles traversed, the rest entered up to their largest gap."""
    return _best_sweep(layout, picks, start, end, _largest_gap_stops)


# -- shared ----------------------------------------------------------------------------------------

# A stop on a heuristic walk: a pick (its index) or a turning point at an aisle's end (None).
_Stop = tuple[Point, int | None]


def _walk(layout: Layout, order: list[int], points: Sequence[Point], start: Point, end: Point | None) -> Walk:
    stops = [start, *points, start if end is None else end]
    distinct = [stop for k, stop in enumerate(stops) if k == 0 or stop != stops[k - 1]]
    path = layout.route_path(distinct) if len(distinct) > 1 else [(start.x, start.y)]
    return Walk(order=order, length_cm=path_length(path), path=path)


class _Sides:
    """The aisles' two ends seen from the start: `near` is the cross-aisle nearer the start."""

    def __init__(self, layout: Layout, start: Point) -> None:
        front_first = abs(start.y - layout.front) <= abs(start.y - layout.back)
        self.near, self.far = (layout.front, layout.back) if front_first else (layout.back, layout.front)

    def depth(self, point: Point) -> int:
        """How far into its aisle a point is, from the near end."""
        return abs(point.y - self.near)

    def end(self, x: int, aisle: str, far: bool) -> Point:
        return Point(x, self.far if far else self.near, aisle)


def _by_aisle(layout: Layout, picks: Sequence[Point]) -> list[tuple[int, str, list[int]]]:
    """(x, aisle code, indices of its picks) for each aisle with picks, left to right."""
    groups: dict[str, list[int]] = {}
    for index, pick in enumerate(picks):
        if pick.aisle is None:
            raise LayoutError(f"pick {index + 1} at ({pick.x}, {pick.y}) is not in an aisle")
        layout.aisle(pick.aisle)  # names an unknown aisle
        groups.setdefault(pick.aisle, []).append(index)
    return sorted((layout.aisle(code).x, code, indices) for code, indices in groups.items())


_Sweep = list[tuple[int, str, list[int]]]
_Plan = Callable[[_Sweep, Sequence[Point], "_Sides"], list[_Stop]]


def _best_sweep(layout: Layout, picks: Sequence[Point], start: Point, end: Point | None, plan: _Plan) -> Walk:
    if not picks:
        return _walk(layout, [], [], start, end)
    sides = _Sides(layout, start)
    aisles = _by_aisle(layout, picks)
    walks = []
    for sweep in (aisles, aisles[::-1]):
        stops = plan(sweep, picks, sides)
        order = [index for _, index in stops if index is not None]
        walk = _walk(layout, order, [point for point, _ in stops], start, end)
        walks.append(walk)
    return min(walks, key=lambda walk: walk.length_cm)


def _deepest_first(indices: list[int], picks: Sequence[Point], sides: _Sides, deepest_first: bool) -> list[int]:
    return sorted(indices, key=lambda i: (sides.depth(picks[i]), i), reverse=deepest_first)


# -- S-shape -----------------------------------------------------------------------------------------


def _s_shape_stops(sweep: _Sweep, picks: Sequence[Point], sides: _Sides) -> list[_Stop]:
    stops: list[_Stop] = []
    at_far = False
    for number, (x, code, indices) in enumerate(sweep):
        stops.append((sides.end(x, code, at_far), None))
        stops += [(picks[i], i) for i in _deepest_first(indices, picks, sides, deepest_first=at_far)]
        last = number == len(sweep) - 1
        if last and not at_far:
            stops.append((sides.end(x, code, far=False), None))  # an odd count: the last aisle is a return
        else:
            at_far = not at_far
            stops.append((sides.end(x, code, at_far), None))
    return stops


# -- largest gap -------------------------------------------------------------------------------------


def _largest_gap_stops(sweep: _Sweep, picks: Sequence[Point], sides: _Sides) -> list[_Stop]:
    if len(sweep) == 1:
        return _s_shape_stops(sweep, picks, sides)  # a single aisle: in from the front and back out
    (first_x, first_code, first_picks), *middle, (last_x, last_code, last_picks) = sweep
    stops: list[_Stop] = [(sides.end(first_x, first_code, far=False), None)]
    stops += [(picks[i], i) for i in _deepest_first(first_picks, picks, sides, deepest_first=False)]
    stops.append((sides.end(first_x, first_code, far=True), None))
    near_parts = []
    for x, code, indices in middle:
        near_part, far_part = _split_at_largest_gap(indices, picks, sides)
        near_parts.append((x, code, near_part))
        if far_part:
            stops.append((sides.end(x, code, far=True), None))
            stops += [(picks[i], i) for i in far_part]
            stops.append((sides.end(x, code, far=True), None))
    stops.append((sides.end(last_x, last_code, far=True), None))
    stops += [(picks[i], i) for i in _deepest_first(last_picks, picks, sides, deepest_first=True)]
    stops.append((sides.end(last_x, last_code, far=False), None))
    for x, code, near_part in reversed(near_parts):
        if near_part:
            stops.append((sides.end(x, code, far=False), None))
            stops += [(picks[i], i) for i in near_part]
            stops.append((sides.end(x, code, far=False), None))
    return stops


def _split_at_largest_gap(indices: list[int], picks: Sequence[Point], sides: _Sides) -> tuple[list[int], list[int]]:
    """The picks reached from the near end (nearest first) and from the far end (farthest first)."""
    ordered = _deepest_first(indices, picks, sides, deepest_first=False)
    depths = [0, *(sides.depth(picks[i]) for i in ordered), abs(sides.far - sides.near)]
    gaps = [depths[k + 1] - depths[k] for k in range(len(depths) - 1)]
    widest = max(range(len(gaps)), key=lambda k: (gaps[k], -k))  # gap k lies before ordered[k]
    return ordered[:widest], ordered[widest:][::-1]
