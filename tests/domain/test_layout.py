"""Walking distances on a warehouse's aisle network: along aisles and cross-aisles, never through racks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.domain.layout import Aisle, Layout, LayoutError, Place, Point, path_length

# Three aisles 4 m apart, 30 m long (front cross-aisle at y=1000, back at 4000), a middle cross-aisle
# at 2500, a dock in front of the first aisle and a pack station far right.
LAYOUT = Layout(
    aisles=(Aisle("A", 400), Aisle("B", 800), Aisle("C", 1200)),
    cross_aisles=(1000, 2500, 4000),
    places=(Place("DOCK-01", "dock", 300, 400), Place("PACK-01", "packing", 2000, 900)),
)


def test_two_bins_in_the_same_aisle_stretch_are_a_straight_walk_apart():
    assert LAYOUT.distance(LAYOUT.pick_point("A", 1200), LAYOUT.pick_point("A", 2000)) == 800


def test_neighbouring_aisles_are_walked_round_the_nearer_end_not_through_the_rack():
    a, b = LAYOUT.pick_point("A", 1100), LAYOUT.pick_point("B", 1200)
    # out of A to the front cross-aisle (100), across (400), into B (200); the straight line would be ~412
    assert LAYOUT.distance(a, b) == 700
    far_a, far_b = LAYOUT.pick_point("A", 2400), LAYOUT.pick_point("B", 2400)
    assert LAYOUT.distance(far_a, far_b) == 100 + 400 + 100  # by the middle cross-aisle


def test_a_place_joins_the_nearest_cross_aisle_across_open_floor():
    dock = LAYOUT.place_point("DOCK-01")
    assert LAYOUT.distance(dock, LAYOUT.pick_point("A", 1000)) == 600 + 100  # to the front cross-aisle, along it
    assert LAYOUT.distance(dock, LAYOUT.place_point("PACK-01")) == 600 + 1700 + 100


def test_unknown_aisles_and_places_are_named():
    with pytest.raises(LayoutError, match="no aisle 'Z'"):
        LAYOUT.pick_point("Z", 1000)
    with pytest.raises(LayoutError, match="no place 'PACK-09'"):
        LAYOUT.place_point("PACK-09")
    with pytest.raises(LayoutError, match="no layout yet"):
        Layout.from_json({})


def test_the_layout_round_trips_through_json():
    assert Layout.from_json(LAYOUT.to_json()) == LAYOUT


points = st.one_of(
    st.builds(lambda a, y: LAYOUT.pick_point(a, y), st.sampled_from("ABC"), st.integers(900, 4100)),
    st.sampled_from([LAYOUT.place_point("DOCK-01"), LAYOUT.place_point("PACK-01")]),
)


@given(points, points, points)
def test_distances_are_a_metric_and_the_drawn_path_is_as_long_as_the_distance(a: Point, b: Point, c: Point):
    assert LAYOUT.distance(a, b) == LAYOUT.distance(b, a) >= 0
    assert LAYOUT.distance(a, c) <= LAYOUT.distance(a, b) + LAYOUT.distance(b, c)
    assert path_length(LAYOUT.path(a, b)) == LAYOUT.distance(a, b)
    assert LAYOUT.distance(a, b) >= abs(a.x - b.x) + abs(a.y - b.y)  # never shorter than the straight line


@given(st.lists(points, min_size=2, max_size=6))
def test_a_route_path_is_the_sum_of_its_legs(stops: list[Point]):
    legs = sum(LAYOUT.distance(a, b) for a, b in zip(stops, stops[1:], strict=False))
    assert path_length(LAYOUT.route_path(stops)) == legs
