"""Pick walks: the solver's walk against the S-shape and largest-gap heuristics, on the real aisle network."""

from __future__ import annotations

import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from station.domain.layout import Aisle, Layout, Place, Point, path_length
from station.domain.walks import Walk, largest_gap, optimal_walk, s_shape

# Six aisles 3 m apart, 20 m long (front cross-aisle at y=1000, back at 3000); a dock in front of the
# first aisle and a pack station in front of the last.
LAYOUT = Layout(
    aisles=tuple(Aisle(code, 500 + 300 * k) for k, code in enumerate("ABCDEF")),
    cross_aisles=(1000, 3000),
    places=(Place("DOCK-01", "dock", 400, 500), Place("PACK-01", "packing", 2200, 600)),
)
# The same floor with a middle cross-aisle: the heuristics ignore it, the optimal walk may use it.
TWO_BLOCKS = Layout(aisles=LAYOUT.aisles, cross_aisles=(1000, 2000, 3000), places=LAYOUT.places)
DOCK = LAYOUT.place_point("DOCK-01")
PACK = LAYOUT.place_point("PACK-01")


def pick(aisle: str, y: int) -> Point:
    return LAYOUT.pick_point(aisle, y)


def assert_consistent(walk: Walk, count: int) -> None:
    assert sorted(walk.order) == list(range(count))  # every pick once
    assert walk.length_cm == path_length(walk.path)
    for (x1, y1), (x2, y2) in zip(walk.path, walk.path[1:], strict=False):
        assert x1 == x2 or y1 == y2  # along aisles and cross-aisles only


def test_s_shape_walks_each_pick_aisle_end_to_end_and_returns_in_an_odd_last_aisle():
    picks = [pick("B", 2800), pick("A", 1500), pick("D", 1200)]
    walk = s_shape(LAYOUT, picks, DOCK)
    assert_consistent(walk, 3)
    # dock→front (500) + to A (100) + up A (2000) + across to B (300) + down B (2000) + across to D (600)
    # + up D to 1200 and back (400) + back along the front to x=400 (1000) + out to the dock (500)
    assert walk.length_cm == 500 + 100 + 2000 + 300 + 2000 + 600 + 400 + 1000 + 500
    assert walk.order == [1, 0, 2]


def test_largest_gap_skips_the_longest_empty_stretch_of_the_middle_aisles():
    picks = [pick("A", 2000), pick("C", 1200), pick("C", 2900), pick("E", 1500)]
    walk = largest_gap(LAYOUT, picks, DOCK)
    assert_consistent(walk, 4)
    # dock to A (600), up A (2000), along the back to C (600), down to 2900 and back (200), along to E
    # (600), down E (2000), along the front to C (600), up to 1200 and back (400), on to x=400 (700), dock
    assert walk.length_cm == 600 + 2000 + 600 + 200 + 600 + 2000 + 600 + 400 + 700 + 500
    assert walk.order == [0, 2, 3, 1]


def test_the_optimal_walk_beats_both_heuristics_where_they_are_known_to_be_poor():
    picks = [pick("A", 1100), pick("C", 1100), pick("E", 1100), pick("F", 2900)]
    optimal = optimal_walk(LAYOUT, picks, DOCK, time_limit_s=0.2)
    assert_consistent(optimal, 4)
    assert optimal.length_cm < s_shape(LAYOUT, picks, DOCK).length_cm
    assert optimal.length_cm <= largest_gap(LAYOUT, picks, DOCK).length_cm


def test_a_walk_can_end_somewhere_else():
    picks = [pick("B", 1500), pick("E", 2500)]
    for walk in (
        optimal_walk(LAYOUT, picks, DOCK, PACK, time_limit_s=0.2),
        s_shape(LAYOUT, picks, DOCK, PACK),
        largest_gap(LAYOUT, picks, DOCK, PACK),
    ):
        assert_consistent(walk, 2)
        assert walk.path[0] == (DOCK.x, DOCK.y) and walk.path[-1] == (PACK.x, PACK.y)


def test_no_picks_is_a_walk_to_the_end_or_nowhere():
    assert optimal_walk(LAYOUT, [], DOCK).length_cm == 0
    assert s_shape(LAYOUT, [], DOCK).path == [(DOCK.x, DOCK.y)]
    assert largest_gap(LAYOUT, [], DOCK, PACK).length_cm == LAYOUT.distance(DOCK, PACK)


picks_strategy = st.lists(
    st.tuples(st.sampled_from("ABCDEF"), st.integers(1000, 3000)).map(lambda p: pick(*p)), min_size=1, max_size=12
)


@settings(max_examples=30, deadline=None)
@given(
    picks=picks_strategy,
    start=st.one_of(st.just(DOCK), picks_strategy.map(lambda picks: picks[0])),  # the dock, or where a picker is
    to_pack=st.booleans(),
    two_blocks=st.booleans(),
)
def test_the_optimal_walk_is_never_longer_than_either_heuristic(
    picks: list[Point], start: Point, to_pack: bool, two_blocks: bool
):
    layout = TWO_BLOCKS if two_blocks else LAYOUT
    end = PACK if to_pack else None
    optimal = optimal_walk(layout, picks, start, end, time_limit_s=0.5)
    heuristics = [s_shape(layout, picks, start, end), largest_gap(layout, picks, start, end)]
    for walk in (optimal, *heuristics):
        assert_consistent(walk, len(picks))
        assert walk.path[0] == (start.x, start.y)
        assert walk.path[-1] == ((PACK.x, PACK.y) if to_pack else (start.x, start.y))
    assert all(optimal.length_cm <= walk.length_cm for walk in heuristics)
    # the optimal walk's length is what the distance matrix says its order costs
    stops = [start, *(picks[i] for i in optimal.order), end or start]
    assert optimal.length_cm == sum(layout.distance(a, b) for a, b in zip(stops, stops[1:], strict=False))


def test_the_optimal_walk_keeps_its_time_limit_including_the_distance_matrix():
    rng = random.Random(7)
    picks = [pick(rng.choice("ABCDEF"), rng.randint(1000, 3000)) for _ in range(120)]
    began = time.perf_counter()
    walk = optimal_walk(TWO_BLOCKS, picks, DOCK, PACK, time_limit_s=0.3)
    assert time.perf_counter() - began < 0.3 + 0.25  # generous: the test machine is shared
    assert_consistent(walk, 120)
