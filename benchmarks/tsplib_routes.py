"""The route solver on TSPLIB instances: gap to the proven optimum, next to plain OR-Tools at the same limit.

For each instance in /work/shared/benchmarks/tsplib (EUC_2D, distances rounded to the nearest
integer as TSPLIB defines them) one run of `solve_route` and one of OR-Tools' routing solver
(PATH_CHEAPEST_ARC first solution, then guided local search), each with the same time limit.
Prints a Markdown table (and writes it to --markdown if given).

Run:  /usr/bin/time -v .venv/bin/python benchmarks/tsplib_routes.py [--time-limit 1.0] [--markdown out.md]
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from station.domain.routing import route_length, solve_route

INSTANCES = ("eil51", "berlin52", "st70", "eil76", "pr76", "kroA100")
DEFAULT_DIRECTORY = Path("/work/shared/benchmarks/tsplib")


def load_euc_2d(path: Path) -> list[list[int]]:
    """The distance matrix of a TSPLIB EUC_2D file: nint of the Euclidean distance."""
    points: list[tuple[float, float]] = []
    in_coordinates = False
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("EDGE_WEIGHT_TYPE") and "EUC_2D" not in line:
            raise SystemExit(f"{path.name}: only EUC_2D instances are supported ({line})")
        if line.startswith("NODE_COORD_SECTION"):
            in_coordinates = True
        elif line == "EOF":
            break
        elif in_coordinates and line:
            _, x, y = line.split()
            points.append((float(x), float(y)))
    return [[int(math.hypot(ax - bx, ay - by) + 0.5) for bx, by in points] for ax, ay in points]


def ortools_gls(matrix: list[list[int]], time_limit_s: float, start: int = 0) -> list[int]:
    """Plain OR-Tools: PATH_CHEAPEST_ARC, then guided local search until the limit (a closed tour)."""
    manager = pywrapcp.RoutingIndexManager(len(matrix), 1, start)
    model = pywrapcp.RoutingModel(manager)
    callback = model.RegisterTransitCallback(lambda i, j: matrix[manager.IndexToNode(i)][manager.IndexToNode(j)])
    model.SetArcCostEvaluatorOfAllVehicles(callback)
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    parameters.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    parameters.time_limit.FromMilliseconds(int(time_limit_s * 1000))
    solution = model.SolveWithParameters(parameters)
    order, index = [], model.Start(0)
    while not model.IsEnd(index):
        order.append(manager.IndexToNode(index))
        index = solution.Value(model.NextVar(index))
    return order


def solve(matrix: list[list[int]], time_limit_s: float, seed: int) -> list[int]:
    return solve_route(matrix, 0, None, time_limit_s, seed=seed)


def timed(function, *args):  # noqa: ANN001, ANN201 - a stopwatch around either solver
    began = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=1.0, help="seconds per solve (default 1.0)")
    parser.add_argument("--directory", type=Path, default=DEFAULT_DIRECTORY)
    parser.add_argument("--seeds", type=int, default=1, help="run ours with seeds 0…N-1 and report the worst")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    arguments = parser.parse_args()
    optima = json.loads((arguments.directory / "optima.json").read_text())

    rows = [
        "| instance | nodes | optimum | ours | gap | time | OR-Tools GLS | gap | time |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    our_gaps, their_gaps = [], []
    for name in INSTANCES:
        matrix = load_euc_2d(arguments.directory / f"{name}.tsp")
        runs = [timed(solve, matrix, arguments.time_limit, seed) for seed in range(arguments.seeds)]
        ours, our_time = max(runs, key=lambda run: route_length(matrix, run[0]))  # the worst seed
        theirs, their_time = timed(ortools_gls, matrix, arguments.time_limit)
        assert sorted(ours) == sorted(theirs) == list(range(len(matrix)))
        optimum = optima[name]
        our_length, their_length = route_length(matrix, ours), route_length(matrix, theirs)
        our_gaps.append(100 * (our_length - optimum) / optimum)
        their_gaps.append(100 * (their_length - optimum) / optimum)
        rows.append(
            f"| {name} | {len(matrix)} | {optimum:,} | {our_length:,} | {our_gaps[-1]:.2f} % | {our_time:.2f} s"
            f" | {their_length:,} | {their_gaps[-1]:.2f} % | {their_time:.2f} s |"
        )
        print(rows[-1], flush=True)
    rows.append(
        f"| **worst / mean** | | | | **{max(our_gaps):.2f} % / {sum(our_gaps) / len(our_gaps):.2f} %** | |"
        f" | **{max(their_gaps):.2f} % / {sum(their_gaps) / len(their_gaps):.2f} %** | |"
    )
    table = "\n".join(rows)
    print(f"\ntime limit {arguments.time_limit} s per solve, ours: worst of {arguments.seeds} seed(s)\n\n{table}")
    if arguments.markdown:
        arguments.markdown.write_text(table + "\n")


if __name__ == "__main__":
    main()
