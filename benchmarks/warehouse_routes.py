"""Pick walks in a 10-aisle warehouse: the route solver against S-shape and largest gap (and plain OR-Tools).

A single-block layout: 10 aisles 30 m long, 3 m apart centre to centre, front and back cross-aisles,
the depot on the front cross-aisle in front of the first aisle. Picks are uniform at random over the
aisles and along them (random storage). For 10, 30, 50 and 100 picks, 20 random instances each
(fixed seeds): the metres walked by `optimal_walk` (1 s), `s_shape`, `largest_gap`, and plain
OR-Tools guided local search at the same limit on the same distance matrix, and the mean saving of
ours over each heuristic (per instance, then averaged).

Run:  /usr/bin/time -v .venv/bin/python benchmarks/warehouse_routes.py [--time-limit 1.0] [--instances 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from tsplib_routes import ortools_gls

from station.domain.layout import Aisle, Layout, Place, Point
from station.domain.routing import route_length
from station.domain.walks import largest_gap, optimal_walk, s_shape

AISLE_COUNT = 10
AISLE_LENGTH_CM = 3000
AISLE_PITCH_CM = 300
FRONT_CM = 500
PICK_COUNTS = (10, 30, 50, 100)

LAYOUT = Layout(
    aisles=tuple(Aisle(chr(ord("A") + k), 200 + AISLE_PITCH_CM * k) for k in range(AISLE_COUNT)),
    cross_aisles=(FRONT_CM, FRONT_CM + AISLE_LENGTH_CM),
    places=(Place("DEPOT", "dock", 200, FRONT_CM),),
)
DEPOT = LAYOUT.place_point("DEPOT")


def random_picks(count: int, rng: random.Random) -> list[Point]:
    return [
        LAYOUT.pick_point(rng.choice(LAYOUT.aisles).code, rng.randint(LAYOUT.front, LAYOUT.back)) for _ in range(count)
    ]


def metres(lengths_cm: list[int]) -> str:
    return f"{statistics.mean(lengths_cm) / 100:,.1f}"


def mean_saving(ours: list[int], theirs: list[int]) -> str:
    """How much shorter ours is, per instance, averaged."""
    return f"{statistics.mean(100 * (t - o) / t for o, t in zip(ours, theirs, strict=True)):.1f} %"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=1.0, help="seconds per solve (default 1.0)")
    parser.add_argument("--instances", type=int, default=20, help="random instances per pick count (default 20)")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    arguments = parser.parse_args()

    rows = [
        "| picks | ours (m) | S-shape (m) | largest gap (m) | OR-Tools GLS (m) | saving vs S-shape"
        " | saving vs largest gap | ours vs OR-Tools | ours: mean time |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for count in PICK_COUNTS:
        rng = random.Random(count)
        lengths: dict[str, list[int]] = {"ours": [], "s": [], "gap": [], "ortools": []}
        times = []
        for _ in range(arguments.instances):
            picks = random_picks(count, rng)
            began = time.perf_counter()
            ours = optimal_walk(LAYOUT, picks, DEPOT, time_limit_s=arguments.time_limit)
            times.append(time.perf_counter() - began)
            matrix = LAYOUT.matrix([DEPOT, *picks])
            lengths["ours"].append(ours.length_cm)
            lengths["s"].append(s_shape(LAYOUT, picks, DEPOT).length_cm)
            lengths["gap"].append(largest_gap(LAYOUT, picks, DEPOT).length_cm)
            lengths["ortools"].append(route_length(matrix, ortools_gls(matrix, arguments.time_limit)))
        rows.append(
            f"| {count} | {metres(lengths['ours'])} | {metres(lengths['s'])} | {metres(lengths['gap'])}"
            f" | {metres(lengths['ortools'])} | {mean_saving(lengths['ours'], lengths['s'])}"
            f" | {mean_saving(lengths['ours'], lengths['gap'])} | {mean_saving(lengths['ours'], lengths['ortools'])} shorter"
            f" | {statistics.mean(times):.2f} s |"
        )
        print(rows[-1], flush=True)
    table = "\n".join(rows)
    print(f"\n{arguments.instances} instances per row, time limit {arguments.time_limit} s\n\n{table}")
    if arguments.markdown:
        arguments.markdown.write_text(table + "\n")


if __name__ == "__main__":
    main()
