"""The route solver: the shortest order through every stop, as a round trip or an open path to an end."""

from __future__ import annotations

import itertools
import math
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station.domain.routing import RouteError, route_length, solve_route


def euclidean(points: list[tuple[int, int]]) -> list[list[int]]:
    return [[round(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5) for bx, by in points] for ax, ay in points]


def brute_force(matrix: list[list[int]], start: int, end: int | None) -> int:
    middle = [node for node in range(len(matrix)) if node not in (start, end)]
    tail = [] if end is None else [end]
    return min(
        route_length(matrix, [start, *order, *tail], closed=end is None) for order in itertools.permutations(middle)
    )


def random_points(count: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randrange(1000), rng.randrange(1000)) for _ in range(count)]


def test_a_round_trip_visits_every_stop_once_starting_at_the_start():
    matrix = euclidean(random_points(30, seed=1))
    order = solve_route(matrix, start=7, time_limit_s=0.2)
    assert order[0] == 7
    assert sorted(order) == list(range(30))


def test_an_open_path_starts_at_the_start_and_finishes_at_the_end():
    matrix = euclidean(random_points(30, seed=2))
    order = solve_route(matrix, start=3, end=12, time_limit_s=0.2)
    assert order[0] == 3 and order[-1] == 12
    assert sorted(order) == list(range(30))


def test_stops_on_a_line_are_walked_out_and_back():
    points = [(x, 0) for x in (0, 50, 10, 40, 20, 30, 90, 60, 80, 70, 100)]
    matrix = euclidean(points)
    assert route_length(matrix, solve_route(matrix, 0, time_limit_s=0.2)) == 200
    # open from the left end to the right end: straight along the line
    order = solve_route(matrix, 0, end=10, time_limit_s=0.2)
    assert [points[node][0] for node in order] == sorted(x for x, _ in points)


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    count=st.integers(1, 9),
    open_path=st.booleans(),
)
def test_small_problems_are_solved_exactly(seed: int, count: int, open_path: bool):
    matrix = euclidean(random_points(count, seed))
    end = count - 1 if open_path and count > 1 else None
    order = solve_route(matrix, 0, end, time_limit_s=0.5)
    assert sorted(order) == list(range(count))
    assert route_length(matrix, order, closed=end is None) == brute_force(matrix, 0, end)


def test_forty_stops_on_a_circle_are_walked_round_the_circle():
    # 40 stops on a circle: the optimal tour is the circle itself.
    points = [
        (round(1000 + 800 * math.cos(2 * math.pi * k / 40)), round(1000 + 800 * math.sin(2 * math.pi * k / 40)))
        for k in range(40)
    ]
    shuffled = points[:]
    random.Random(5).shuffle(shuffled)
    matrix = euclidean(shuffled)
    circle = [shuffled.index(point) for point in points]
    assert route_length(matrix, solve_route(matrix, 0, time_limit_s=0.5)) == route_length(matrix, circle)


def test_the_time_limit_is_kept():
    matrix = euclidean(random_points(150, seed=3))
    began = time.perf_counter()
    order = solve_route(matrix, 0, time_limit_s=0.3)
    assert time.perf_counter() - began < 0.3 + 0.25  # generous: the test machine is shared
    assert sorted(order) == list(range(150))


def test_the_same_problem_gives_the_same_route_when_the_search_ends_by_itself():
    matrix = euclidean(random_points(12, seed=4))
    assert solve_route(matrix, 0, time_limit_s=5) == solve_route(matrix, 0, time_limit_s=5)


def test_an_asymmetric_matrix_still_gets_a_valid_route():
    rng = random.Random(6)
    matrix = [[0 if i == j else rng.randrange(1, 100) for j in range(12)] for i in range(12)]
    order = solve_route(matrix, 2, end=5, time_limit_s=0.2)
    assert order[0] == 2 and order[-1] == 5 and sorted(order) == list(range(12))


def test_one_and_two_stops():
    assert solve_route([[0]], 0) == [0]
    assert solve_route([[0, 4], [4, 0]], 1) == [1, 0]
    assert solve_route([[0, 4], [4, 0]], 0, end=1) == [0, 1]


@pytest.mark.parametrize(
    ("matrix", "start", "end", "message"),
    [
        ([], 0, None, "empty"),
        ([[0, 1], [1]], 0, None, "row 1 has 1 entries, not 2"),
        ([[0, -1], [1, 0]], 0, None, r"distance \[0\]\[1\] is negative"),
        ([[0, 1.5], [1, 0]], 0, None, "whole number"),
        ([[0, 1], [1, 0]], 2, None, "start 2 is not a node"),
        ([[0, 1], [1, 0]], 0, 5, "end 5 is not a node"),
        ([[0, 1], [1, 0]], 1, 1, "end 1 is the start"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(matrix, start, end, message):
    with pytest.raises(RouteError, match=message):
        solve_route(matrix, start, end)


def test_the_time_limit_must_be_positive():
    with pytest.raises(RouteError, match="time limit must be positive"):
        solve_route([[0, 1], [1, 0]], 0, time_limit_s=0)
