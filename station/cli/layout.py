"""`station layout …`: a warehouse's walking network (aisles, cross-aisles, docks and benches).

station layout generate SCL-2 --aisles 4 --racks 20 --levels 5 [--aisle-width 300] [--rack-depth 108]
                              [--cross-aisles 1] [--docks 1] [--pack-stations 4] [--pick-face-racks 4] [--replace]
station layout derive SCL-1          (bins already there, imported or from an older database: read the layout off them)
station layout show SCL-1 [--json]   (aisles, cross-aisles, places, bins, and a sketch of the floor)

Importing bins with their rectangles: `station import layout FILE --warehouse CODE` (columns code, kind,
x, y, width, height, capacity, aisle, level); the layout is derived in the same transaction.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.domain.layout import Layout, LayoutError
from station.services.layout import (
    GeneratedLayout,
    LayoutSummary,
    derive_layout,
    describe_layout,
    generate_layout,
    warehouse_by_code,
)

SKETCH_COLUMNS = 72
SKETCH_ROWS = 18


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("layout", help="a warehouse's aisles and cross-aisles: generate, derive, show")
    actions = parser.add_subparsers(dest="layout_action", metavar="ACTION", required=True)

    generate = actions.add_parser("generate", help="create bins, docks and benches and the layout that walks them")
    generate.add_argument("warehouse", help="warehouse code, e.g. SCL-2")
    generate.add_argument("--aisles", type=int, required=True, help="walkways, each with racks on both sides")
    generate.add_argument(
        "--racks", type=int, required=True, help="racks per aisle (odd on the left, even on the right)"
    )
    generate.add_argument("--levels", type=int, required=True, help="levels per rack (A at the floor)")
    generate.add_argument("--aisle-width", type=int, default=300, metavar="CM", help="walkway width (default 300)")
    generate.add_argument("--rack-depth", type=int, default=108, metavar="CM", help="rack depth (default 108)")
    generate.add_argument("--bay-length", type=int, default=120, metavar="CM", help="rack length along the aisle")
    generate.add_argument("--cross-aisles", type=int, default=0, metavar="K", help="cross-aisles between the racks")
    generate.add_argument("--docks", type=int, default=1)
    generate.add_argument("--pack-stations", type=int, default=4)
    generate.add_argument("--pick-face-racks", type=int, default=0, metavar="N", help="racks 1…N, two lowest levels")
    generate.add_argument(
        "--pattern", default=None, help="code pattern of the bins, e.g. '{aisle:AA}-{rack:00}-{level:A}-{bin:00?}'"
    )
    generate.add_argument("--replace", action="store_true", help="throw away the current bins (none may hold stock)")
    generate.set_defaults(handler=_generate)

    derive = actions.add_parser("derive", help="read the layout off the bins that exist (fills their aisle and level)")
    derive.add_argument("warehouse")
    derive.set_defaults(handler=_derive)

    show = actions.add_parser("show", help="aisles, cross-aisles, places and bins, with a sketch of the floor")
    show.add_argument("warehouse")
    show.set_defaults(handler=_show)

    for action in (generate, derive, show):
        action.add_argument("--json", action="store_true", help="print JSON instead of text")


def _run(args: argparse.Namespace, work: Callable[[Session], Any], *, writes: bool = True) -> int:
    database = Database(resolve_database_url(args.database_url, load_settings()))
    try:
        with database.unit_of_work() as uow:
            output = work(uow.session)
            if writes:
                uow.commit()
    except LayoutError as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(json.dumps(_plain(output), indent=2) if args.json else _text(output))
    return 0


def _generate(args: argparse.Namespace) -> int:
    def work(session: Session) -> GeneratedLayout:
        return generate_layout(
            session,
            warehouse_by_code(session, args.warehouse),
            aisles=args.aisles,
            racks=args.racks,
            levels=args.levels,
            aisle_width_cm=args.aisle_width,
            rack_depth_cm=args.rack_depth,
            bay_length_cm=args.bay_length,
            middle_cross_aisles=args.cross_aisles,
            docks=args.docks,
            pack_stations=args.pack_stations,
            pick_face_racks=args.pick_face_racks,
            pattern=args.pattern,
            replace=args.replace,
        )

    return _run(args, work)


def _derive(args: argparse.Namespace) -> int:
    def work(session: Session) -> LayoutSummary:
        warehouse = warehouse_by_code(session, args.warehouse)
        derive_layout(session, warehouse)
        return describe_layout(session, warehouse)

    return _run(args, work)


def _show(args: argparse.Namespace) -> int:
    return _run(
        args, lambda session: describe_layout(session, warehouse_by_code(session, args.warehouse)), writes=False
    )


def _plain(output: GeneratedLayout | LayoutSummary) -> dict[str, Any]:
    if isinstance(output, GeneratedLayout):
        return {
            "warehouse": output.warehouse,
            "bins": output.bins,
            "pick_faces": output.pick_faces,
            "places": list(output.places),
            "removed": output.removed,
            "layout": output.layout.to_json(),
        }
    return {
        "warehouse": output.warehouse,
        "bins": output.bins,
        "bins_per_aisle": output.bins_per_aisle,
        "levels": list(output.levels),
        "layout": output.layout.to_json(),
    }


def _text(output: GeneratedLayout | LayoutSummary) -> str:
    if isinstance(output, GeneratedLayout):
        removed = f", {output.removed} old bin(s) removed" if output.removed else ""
        return "\n".join(
            [
                f"{output.warehouse}: {output.bins} bin(s) created ({output.pick_faces} pick face(s)){removed}",
                _network(output.layout),
                f"Places: {', '.join(output.places) or 'none'}",
            ]
        )
    layout = output.layout
    per_aisle = "  ".join(f"{code} {count}" for code, count in output.bins_per_aisle.items())
    places = ", ".join(f"{p.code} ({p.kind}) at {p.x},{p.y}" for p in layout.places) or "none"
    return "\n".join(
        [
            f"{output.warehouse}: {output.bins} bin(s) on {len(output.levels)} level(s) ({' '.join(output.levels)})",
            _network(layout),
            f"Bins per aisle: {per_aisle}",
            f"Places: {places}",
            "",
            sketch(layout),
        ]
    )


def _network(layout: Layout) -> str:
    aisles = ", ".join(f"{a.code} x={a.x}" for a in layout.aisles)
    cross = ", ".join(f"y={y}" for y in layout.cross_aisles)
    return (
        f"Aisles ({len(layout.aisles)}, {layout.aisle_width} cm wide, racks {layout.rack_depth} cm deep): {aisles}\n"
        f"Cross-aisles ({len(layout.cross_aisles)}): {cross}"
    )


def sketch(layout: Layout) -> str:
    """A top view in characters, the dock side at the bottom: `#` racks, `|` aisles, `=` cross-aisles,
    `+` where they cross, `D` docks and `P` benches."""
    half, depth = layout.aisle_width // 2, layout.rack_depth
    left = max(0, layout.aisles[0].x - half - depth)
    right = max([layout.aisles[-1].x + half + depth, *(p.x + 1 for p in layout.places)])
    deep = layout.back + half
    scale_x, scale_y = max(1, -(-(right - left) // SKETCH_COLUMNS)), max(1, -(-deep // SKETCH_ROWS))
    columns, rows = (right - left) // scale_x + 1, deep // scale_y + 1
    grid = [[" "] * columns for _ in range(rows)]

    def put(x: int, row: int, mark: str) -> None:
        if left <= x <= right and 0 <= row < rows:
            grid[row][(x - left) // scale_x] = mark

    cross_rows = {y // scale_y for y in layout.cross_aisles}
    for row in range(rows):
        y = row * scale_y + scale_y // 2
        if not layout.front < y < layout.back:
            continue
        for aisle in layout.aisles:
            if row not in cross_rows:
                for x in range(aisle.x - half - depth, aisle.x + half + depth, max(1, scale_x // 2)):
                    if abs(x - aisle.x) >= half:
                        put(x, row, "#")
            put(aisle.x, row, "|")
    for row in cross_rows:
        for x in range(layout.aisles[0].x, layout.aisles[-1].x + 1, max(1, scale_x // 2)):
            put(x, row, "=")
        for aisle in layout.aisles:
            put(aisle.x, row, "+")
    for place in layout.places:
        put(place.x, place.y // scale_y, "D" if place.kind == "dock" else "P")
    labels = [" "] * columns
    for aisle in layout.aisles:
        for offset, char in enumerate(aisle.code):
            labels[min(columns - 1, (aisle.x - left) // scale_x + offset)] = char
    lines = ["".join(row).rstrip() for row in reversed(grid)]
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join([*lines, "".join(labels).rstrip()])
