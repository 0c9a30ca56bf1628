"""Import rule for a warehouse's layout: rows of bins (and docks, benches) with their map rectangles,
from which the walking network is derived (`station.services.layout.derive_layout`) in the same
transaction. A row that breaks the layout — a bin on top of another, aisles that would share a
walkway — is reported like any other bad cell, and nothing is written.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Location
from station.domain.layout import LayoutError
from station.services.imports.checks import Problem
from station.services.imports.plan import Plan, Scope
from station.services.imports.stock import LOCATION_COLUMNS, read_location_rows
from station.services.imports.table import Table
from station.services.layout import BIN_KINDS, derive_layout, layout_from_locations, warehouse_pattern

LAYOUT_COLUMNS = (*LOCATION_COLUMNS, "aisle", "level")
LAYOUT_REQUIRED = ("code", "kind", "x", "y", "width", "height")


def plan_layout(session: Session, table: Table, scope: Scope, problems: list[Problem]) -> Plan:
    warehouse, rows = read_location_rows(session, table, scope, problems, with_aisle_level=True)
    existing = list(session.scalars(select(Location).where(Location.warehouse_id == warehouse.id)))
    bins = [(number, location) for number, location in rows if location.kind in BIN_KINDS]
    _check_overlaps(bins, [location for location in existing if location.kind in BIN_KINDS], problems)
    layout = None
    if not problems:
        try:
            layout, _ = layout_from_locations(
                [*existing, *(location for _, location in rows)], warehouse_pattern(warehouse)
            )
        except LayoutError as error:
            first = rows[0][0] if rows else 1
            problems.append(Problem(first, "aisle", f"these bins do not make a layout that can be walked: {error}"))
    new = [location for _, location in rows]

    def apply(session: Session) -> None:
        session.add_all(new)
        session.flush()
        derive_layout(session, warehouse)

    summary = [f"create {len(new)} location(s) in {warehouse.code}"]
    if layout is not None:
        summary.append(
            f"lay out {warehouse.code}: {len(layout.aisles)} aisle(s), {len(layout.cross_aisles)} cross-aisle(s), "
            f"{len(layout.places)} place(s)"
        )
    return Plan(summary, apply)


def _check_overlaps(new: list[tuple[int, Location]], existing: list[Location], problems: list[Problem]) -> None:
    """A new bin whose rectangle overlaps another bin's (in the file or already stored) is a problem on its row."""
    boxes = [(b.x, b.x + b.width, b.y, b.y + b.height, b.code, None) for b in existing]
    boxes += [(b.x, b.x + b.width, b.y, b.y + b.height, b.code, number) for number, b in new]
    boxes.sort()
    reported: set[int] = set()
    for index, (_x1, x2, y1, y2, code, number) in enumerate(boxes):
        for ox1, _ox2, oy1, oy2, other, other_number in boxes[index + 1 :]:
            if ox1 >= x2:
                break  # sorted by left edge: nothing further right can overlap
            if oy1 < y2 and y1 < oy2:
                # blame the new bin; of two new ones, the later row (it lands on one already drawn)
                if other_number is not None and (number is None or other_number > number):
                    row, bin_code, over = other_number, other, code
                else:
                    row, bin_code, over = number, code, other
                if row is not None and row not in reported:
                    reported.add(row)
                    problems.append(Problem(row, "x", f"bin {bin_code} overlaps bin {over} on the map"))
