"""Shortest visiting order through a set of stops: a closed tour, or an open path to a fixed end.

`solve_route` takes a square matrix of integer distances (a pick route's walking distances in
centimetres, or any symmetric TSP) and returns the order to visit every node, beginning at `start`.

How it searches (symmetric matrices): up to 8 nodes every order is tried. Larger problems start from
a nearest-neighbour tour and run an iterated local search until the time limit: 2-opt and Or-opt
(moving a run of 1–3 stops elsewhere, either way round) over each node's nearest neighbours with
"don't-look" bits, then a double-bridge kick that local search cannot undo, keeping the kicked tour
when it is no longer than the one before. The random kicks use a fixed seed, so the same matrix and
the same number of iterations give the same route. An open path is solved as a tour in which the
edge end→start is forced (it gets a cost far below any other), then cut open at that edge.

Asymmetric matrices are handed to OR-Tools' guided local search instead (the moves above assume
that walking a stretch backwards costs the same).
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Sequence

EXACT_UP_TO = 8  # nodes; 7! = 5040 orders at most
NEIGHBOURS = 10  # candidate nodes per node for the local search moves
SEGMENT_MAX = 3  # Or-opt moves runs of up to this many stops
CLOCK_EVERY = 64  # local-search steps between looks at the clock


class RouteError(ValueError):
    """A distance matrix or start/end that cannot be routed; the message says what is wrong."""


def solve_route(
    matrix: Sequence[Sequence[int]],
    start: int = 0,
    end: int | None = None,
    time_limit_s: float = 1.0,
    *,
    seed: int = 0,
) -> list[int]:
    """The order to visit every node of `matrix`, beginning at `start`.

    `end=None` asks for a closed tour (the walk back to `start` is implied, `start` is not repeated);
    otherwise an open path that finishes at `end`. The search stops within `time_limit_s` seconds.
    """
    deadline = time.perf_counter() + time_limit_s
    n = _validate(matrix, start, end, time_limit_s)
    if n == 1:
        return [start]
    if n <= EXACT_UP_TO:
        return _exact(matrix, start, end)
    if not _symmetric(matrix):
        return _ortools_route(matrix, start, end, time_limit_s)
    distances = [list(row) for row in matrix]
    if end is not None:
        # Force the edge end–start into the tour: anything else costs more than the whole tour can.
        forced = -(sum(max(row) for row in distances) + 1)
        distances[start][end] = distances[end][start] = forced
    search = _IteratedLocalSearch(distances, random.Random(seed), deadline, None if end is None else (start, end))
    tour = search.run(_nearest_neighbour(distances, start))
    return _from_start(tour, start, end)


def route_length(matrix: Sequence[Sequence[int]], order: Sequence[int], closed: bool = True) -> int:
    """The length of visiting `order` (and walking back to its first node when `closed`)."""
    legs = sum(matrix[a][b] for a, b in zip(order, order[1:], strict=False))
    return legs + (matrix[order[-1]][order[0]] if closed and len(order) > 1 else 0)


# -- input ---------------------------------------------------------------------------------------


def _validate(matrix: Sequence[Sequence[int]], start: int, end: int | None, time_limit_s: float) -> int:
    n = len(matrix)
    if n == 0:
        raise RouteError("the distance matrix is empty: there is nothing to route")
    for i, row in enumerate(matrix):
        if len(row) != n:
            raise RouteError(f"the distance matrix must be square: row {i} has {len(row)} entries, not {n}")
        for j, value in enumerate(row):
            if not isinstance(value, int) or isinstance(value, bool):
                raise RouteError(f"distance [{i}][{j}] must be a whole number, not {value!r}")
            if value < 0:
                raise RouteError(f"distance [{i}][{j}] is negative ({value})")
    if not 0 <= start < n:
        raise RouteError(f"start {start} is not a node (nodes are 0 to {n - 1})")
    if end is not None:
        if not 0 <= end < n:
            raise RouteError(f"end {end} is not a node (nodes are 0 to {n - 1})")
        if end == start and n > 1:
            raise RouteError(f"end {end} is the start: leave end out (None) for a round trip")
    if not time_limit_s > 0:
        raise RouteError(f"the time limit must be positive, not {time_limit_s}")
    return n


def _symmetric(matrix: Sequence[Sequence[int]]) -> bool:
    n = len(matrix)
    return all(matrix[i][j] == matrix[j][i] for i in range(n) for j in range(i + 1, n))


# -- small and asymmetric problems ---------------------------------------------------------------


def _exact(matrix: Sequence[Sequence[int]], start: int, end: int | None) -> list[int]:
    middle = [node for node in range(len(matrix)) if node not in (start, end)]
    best: tuple[int, list[int]] | None = None
    for permutation in itertools.permutations(middle):
        order = [start, *permutation] if end is None else [start, *permutation, end]
        length = route_length(matrix, order, closed=end is None)
        if best is None or length < best[0]:
            best = (length, order)
    assert best is not None
    return best[1]


def _ortools_route(matrix: Sequence[Sequence[int]], start: int, end: int | None, time_limit_s: float) -> list[int]:
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    n = len(matrix)
    manager = pywrapcp.RoutingIndexManager(n, 1, [start], [start if end is None else end])
    model = pywrapcp.RoutingModel(manager)
    callback = model.RegisterTransitCallback(lambda i, j: matrix[manager.IndexToNode(i)][manager.IndexToNode(j)])
    model.SetArcCostEvaluatorOfAllVehicles(callback)
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    parameters.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    parameters.time_limit.FromMilliseconds(max(1, int(time_limit_s * 1000) - 30))
    solution = model.SolveWithParameters(parameters)
    if solution is None:
        raise RouteError("OR-Tools found no route through this matrix")
    order, index = [], model.Start(0)
    while not model.IsEnd(index):
        order.append(manager.IndexToNode(index))
        index = solution.Value(model.NextVar(index))
    return order if end is None else [*order, end]


# -- the iterated local search -------------------------------------------------------------------


def _nearest_neighbour(distances: list[list[int]], start: int) -> list[int]:
    unvisited = set(range(len(distances))) - {start}
    tour = [start]
    while unvisited:
        row = distances[tour[-1]]
        nearest = min(unvisited, key=lambda node: (row[node], node))
        unvisited.remove(nearest)
        tour.append(nearest)
    return tour


def _from_start(tour: list[int], start: int, end: int | None) -> list[int]:
    at = tour.index(start)
    order = tour[at:] + tour[:at]
    if end is not None and order[-1] != end:
        order = [start, *reversed(order[1:])]  # the forced edge is start–end: walk the tour the other way
    return order


class _IteratedLocalSearch:
    def __init__(
        self, distances: list[list[int]], rng: random.Random, deadline: float, forced: tuple[int, int] | None
    ) -> None:
        self.d = distances
        self.forced = forced  # an edge the kicks must not cut (an open path's end–start)
        self.n = len(distances)
        self.rng = rng
        self.deadline = deadline
        nodes = range(self.n)
        # sorted() is stable, so equal distances keep node order; the node itself is dropped after sorting
        self.neighbours = [
            [j for j in sorted(nodes, key=row.__getitem__)[: NEIGHBOURS + 1] if j != i][:NEIGHBOURS]
            for i, row in enumerate(distances)
        ]
        self.tour: list[int] = []
        self.pos: list[int] = []
        self.out_of_time = False

    def run(self, tour: list[int]) -> list[int]:
        self._set(tour)
        cost = self._length() + self._descend(list(range(self.n)))
        best, best_cost = list(self.tour), cost
        stall_limit = 50 * self.n
        stalled = 0
        while not self.out_of_time and stalled < stall_limit and time.perf_counter() < self.deadline:
            kept = list(self.tour)
            touched = self._double_bridge()
            cost_after = self._length() + self._descend(touched)
            if cost_after < cost:
                stalled = 0
            else:
                stalled += 1
            if cost_after <= cost:
                cost = cost_after
                if cost < best_cost:
                    best, best_cost = list(self.tour), cost
            else:
                self._set(kept)
        return best

    # tour bookkeeping

    def _set(self, tour: list[int]) -> None:
        self.tour = tour
        self.pos = [0] * self.n
        for index, node in enumerate(tour):
            self.pos[node] = index

    def _length(self) -> int:
        d, tour = self.d, self.tour
        return sum(d[tour[i - 1]][tour[i]] for i in range(self.n))

    def _succ(self, node: int) -> int:
        return self.tour[(self.pos[node] + 1) % self.n]

    def _pred(self, node: int) -> int:
        return self.tour[self.pos[node] - 1]

    def _reverse(self, first: int, last: int) -> None:
        """Reverse the stretch of the tour from node `first` forward to node `last` (or its complement)."""
        n, tour, pos = self.n, self.tour, self.pos
        i, j = pos[first], pos[last]
        length = (j - i) % n + 1
        if 2 * length > n:  # reversing the rest of the cycle is the same move, and shorter
            i, j = (j + 1) % n, (i - 1) % n
            length = n - length
        for _ in range(length // 2):
            a, b = tour[i], tour[j]
            tour[i], tour[j] = b, a
            pos[b], pos[a] = i, j
            i = (i + 1) % n
            j = (j - 1) % n

    # local search

    def _descend(self, active: list[int]) -> int:
        """Improve until no move from an active node helps; returns the change in tour length."""
        queue = list(dict.fromkeys(active))
        queued = set(queue)
        change = steps = 0
        while queue:
            steps += 1
            if steps % CLOCK_EVERY == 0 and time.perf_counter() >= self.deadline:
                self.out_of_time = True
                break
            node = queue.pop()
            queued.discard(node)
            move = self._two_opt(node) or self._or_opt(node)
            if move:
                gain, touched = move
                change -= gain
                for other in touched:
                    if other not in queued:
                        queued.add(other)
                        queue.append(other)
        return change

    def _two_opt(self, a: int) -> tuple[int, list[int]] | None:
        d, da = self.d, self.d[a]
        for forward in (True, False):
            b = self._succ(a) if forward else self._pred(a)
            ab = da[b]
            for c in self.neighbours[a]:
                ac = da[c]
                if ac >= ab:
                    break
                e = self._succ(c) if forward else self._pred(c)
                if c == b or e == a:
                    continue
                gain = ab + d[c][e] - ac - d[b][e]
                if gain > 0:
                    if forward:
                        self._reverse(b, c)  # a b … c e  →  a c … b e
                    else:
                        self._reverse(a, e)  # e c … b a  →  e b … c a (as a cycle)
                    return gain, [a, b, c, e]
        return None

    def _or_opt(self, a: int) -> tuple[int, list[int]] | None:
        """Move a run of 1–3 stops that begins or ends at `a` next to one of its neighbours."""
        d, n = self.d, self.n
        for length in range(1, min(SEGMENT_MAX, n - 3) + 1):
            for forward in (True, False):
                run = [a]
                for _ in range(length - 1):
                    run.append(self._succ(run[-1]) if forward else self._pred(run[-1]))
                if not forward:
                    run.reverse()
                first, last = run[0], run[-1]
                before, after = self._pred(first), self._succ(last)
                removed = d[before][first] + d[last][after] - d[before][after]
                inside = set(run)
                for end_node in (first, last):
                    row = d[end_node]
                    for c in self.neighbours[end_node]:
                        if row[c] >= removed:
                            break
                        if c in inside:
                            continue
                        for u, v in ((c, self._succ(c)), (self._pred(c), c)):
                            if u in inside or v in inside:
                                continue  # (before, after) only becomes an edge once the run is out
                            uv = d[u][v]
                            for reverse in (False, True):
                                head, tail = (last, first) if reverse else (first, last)
                                gain = removed - (d[u][head] + d[tail][v] - uv)
                                if gain > 0:
                                    self._move_run(run, u, reverse)
                                    return gain, [before, after, first, last, u, v]
        return None

    def _move_run(self, run: list[int], u: int, reverse: bool) -> None:
        """Take `run` out of the tour and put it back right after `u` (reversed if asked)."""
        n, tour, pos = self.n, self.tour, self.pos
        start = pos[run[-1]] + 1
        rest = [tour[(start + k) % n] for k in range(n - len(run))]
        at = rest.index(u) + 1
        self._set(rest[:at] + (run[::-1] if reverse else run) + rest[at:])

    def _double_bridge(self) -> list[int]:
        """Cut the tour into four stretches A B C D and join them as A C B D; returns the cut ends."""
        if self.forced is not None:  # rotate the forced edge to the wrap-around, where no cut falls
            first, second = self.forced
            if self._succ(first) == second:
                first, second = second, first
            at = self.pos[first]
            self._set(self.tour[at:] + self.tour[:at])
        n, tour = self.n, self.tour
        i, j, k = sorted(self.rng.sample(range(1, n), 3))
        new = tour[:i] + tour[j:k] + tour[i:j] + tour[k:]
        ends = {tour[i - 1], tour[i], tour[j - 1], tour[j], tour[k - 1], tour[k % n], tour[0], tour[-1]}
        self._set(new)
        return list(ends)
