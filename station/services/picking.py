"""Batch picking: which allocated orders wait, one picker's walk through their bins, and waves.

`build_picklist` puts several allocated orders on one pick list (one tote per order, T1, T2 …), takes
each order line's units from the bins and lots `pick_plan` names (in the SKU's removal order, never
units another open pick list has claimed already) and orders the stops by the shortest walk from the
dock (or the picker) to a pack station (`station.domain.walks.optimal_walk`). The S-shape and
largest-gap walks over the same stops are stored beside it, so a lead sees what the route saves.

Confirming picks by scanning, short picks and the leaderboard are in `picking_scans` and
`picking_stats`; the read side (what the page and the printed list show) in `picking_queries`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import (
    AuditEntry,
    Location,
    LocationKind,
    Order,
    OrderLine,
    Picklist,
    PicklistLine,
    PicklistStatus,
    Reservation,
    ReservationStatus,
    Wave,
)
from station.domain.layout import Layout, LayoutError, Point
from station.domain.orders import OrderState, transition
from station.domain.walks import largest_gap, optimal_walk, s_shape
from station.services.layout import bin_point, load_layout
from station.services.removal import pick_plan
from station.services.stock import Actor

OPEN_PICKLIST = (PicklistStatus.OPEN, PicklistStatus.IN_PROGRESS)
ALL_UNITS = 10**9  # ask pick_plan for everything a SKU has, in removal order


class PickingError(ValueError):
    """A pick list that cannot be built or worked as asked; the message names the order, bin or SKU."""


@dataclass(frozen=True)
class AllocatedOrder:
    """An order waiting to be picked, for the list the picker or lead chooses from."""

    order_id: int
    number: str
    customer: str
    placed_at: datetime
    service_level: str
    lines: int
    units: int
    aisles: str  # the aisles its units are in now, e.g. "A, C"


# -- allocated orders --------------------------------------------------------------------------------


def allocated_orders(
    session: Session,
    warehouse_id: int,
    *,
    aisles: str = "",
    carrier: str = "",
    cutoff: datetime | None = None,
    today: date | None = None,
    limit: int = 500,
) -> list[AllocatedOrder]:
    """Allocated orders with units reserved in this warehouse, oldest first.

    `aisles` keeps the orders with units in those aisles ("A-C" or "A,B,F"); `carrier` those whose
    service level or carrier says so (e.g. "express"); `cutoff` those placed by then.
    """
    reserved_here = (
        select(OrderLine.order_id)
        .join(Reservation, Reservation.order_line_id == OrderLine.id)
        .where(Reservation.warehouse_id == warehouse_id, Reservation.status == ReservationStatus.ACTIVE)
    )
    query = (
        select(Order)
        .where(Order.state == OrderState.ALLOCATED, Order.id.in_(reserved_here))
        .order_by(Order.placed_at, Order.id)
    )
    if cutoff is not None:
        query = query.where(Order.placed_at <= cutoff)
    if carrier.strip():
        query = query.where(func.lower(Order.service_level).contains(carrier.strip().lower(), autoescape=True))
    wanted = parse_zone(aisles)
    today = today or date.today()
    rows = []
    for order in session.scalars(query.limit(limit * 4 if wanted else limit)):
        order_aisles = _order_aisles(session, order, warehouse_id, today)
        if wanted and not (order_aisles & wanted):
            continue
        rows.append(
            AllocatedOrder(
                order.id,
                order.number,
                order.customer_name,
                order.placed_at,
                order.service_level,
                len(order.lines),
                sum(line.quantity for line in order.lines),
                ", ".join(sorted(order_aisles)),
            )
        )
        if len(rows) >= limit:
            break
    return rows


def parse_zone(text: str) -> set[str]:
    """'A-C' → {A, B, C}; 'A,B,F' → {A, B, F}; '' → set() (all aisles)."""
    aisles: set[str] = set()
    for part in text.replace(" ", "").upper().split(","):
        if not part:
            continue
        if "-" in part:
            first, _, last = part.partition("-")
            if len(first) != 1 or len(last) != 1 or first > last:
                raise PickingError(f"Zone {part!r}: write a range of aisle letters like A-C")
            aisles.update(chr(c) for c in range(ord(first), ord(last) + 1))
        else:
            aisles.add(part)
    return aisles


def _order_aisles(session: Session, order: Order, warehouse_id: int, today: date) -> set[str]:
    aisles = set()
    for line in order.lines:
        for step in pick_plan(session, line.variant_id, warehouse_id, line.quantity, today=today):
            location = session.get(Location, step.location_id)
            aisles.add(location.aisle or location.code.split("-")[0])
    return aisles


# -- building a pick list ----------------------------------------------------------------------------


@dataclass
class _PlannedLine:
    order_line: OrderLine
    tote: str
    location: Location
    lot_id: int | None
    quantity: int


def build_picklist(
    session: Session,
    warehouse_id: int,
    order_ids: Sequence[int],
    actor: Actor,
    *,
    start: Point | None = None,
    end: Point | None = None,
    time_limit_s: float = 1.0,
    today: date | None = None,
    wave_id: int | None = None,
) -> int:
    """One batch pick list for these allocated orders (one tote each); the orders go to "picking".

    Returns the pick list's id. Flushes; the caller commits (one transaction for the whole batch).
    """
    if not order_ids:
        raise PickingError("Choose at least one allocated order to pick")
    layout = load_layout(session, warehouse_id)
    today = today or date.today()
    orders = [_pickable_order(session, order_id) for order_id in dict.fromkeys(order_ids)]
    claimed = claimed_units(session, warehouse_id)
    planned: list[_PlannedLine] = []
    for index, order in enumerate(orders, start=1):
        tote = f"T{index}"
        for line in order.lines:
            wanted = line.quantity - line.picked_qty
            steps = plan_units(session, line.variant_id, warehouse_id, wanted, claimed, today=today)
            got = sum(units for _, _, units in steps)
            if got < wanted:
                raise PickingError(
                    f"Order {order.number}: {line.sku} needs {wanted} unit(s) and only {got} are on shelves "
                    "no other pick list has claimed"
                )
            for location, lot_id, units in steps:
                planned.append(_PlannedLine(line, tote, location, lot_id, units))
    picklist = Picklist(
        warehouse_id=warehouse_id,
        wave_id=wave_id,
        code=next_code(session, Picklist, "PL"),
        status=PicklistStatus.OPEN,
        assigned_user_id=actor.user_id,
    )
    session.add(picklist)
    session.flush()
    lines = [
        PicklistLine(
            picklist_id=picklist.id,
            order_line_id=p.order_line.id,
            variant_id=p.order_line.variant_id,
            location_id=p.location.id,
            lot_id=p.lot_id,
            quantity=p.quantity,
            tote=p.tote,
        )
        for p in planned
    ]
    session.add_all(lines)
    session.flush()
    route_lines(session, layout, picklist, lines, start=start, end=end, time_limit_s=time_limit_s)
    for order in orders:
        order.state = transition(order.state, OrderState.PICKING)
    session.add(
        AuditEntry(
            user_id=actor.user_id,
            station=actor.station,
            action="build_picklist",
            entity="picklist",
            entity_id=picklist.code,
            detail={"orders": [o.number for o in orders], "route_cm": picklist.route_cm},
        )
    )
    session.flush()
    return picklist.id


def _pickable_order(session: Session, order_id: int) -> Order:
    # Locked until commit: two stations batching the same order cannot both take it (PostgreSQL).
    order = session.scalars(select(Order).where(Order.id == order_id).with_for_update()).one_or_none()
    if order is None:
        raise PickingError(f"No order with id {order_id}")
    if order.state != OrderState.ALLOCATED:
        raise PickingError(f"Order {order.number} is {order.state.value}, not allocated: it cannot be picked now")
    return order


def claimed_units(session: Session, warehouse_id: int) -> dict[tuple[int, int, int | None], int]:
    """(variant, bin, lot) → units open pick lists still have to take from there."""
    rows = session.execute(
        select(
            PicklistLine.variant_id,
            PicklistLine.location_id,
            PicklistLine.lot_id,
            func.sum(PicklistLine.quantity - PicklistLine.picked_qty - PicklistLine.short_qty),
        )
        .join(Picklist, Picklist.id == PicklistLine.picklist_id)
        .where(Picklist.warehouse_id == warehouse_id, Picklist.status.in_(OPEN_PICKLIST))
        .group_by(PicklistLine.variant_id, PicklistLine.location_id, PicklistLine.lot_id)
    ).all()
    claimed: dict[tuple[int, int, int | None], int] = defaultdict(int)
    for variant_id, location_id, lot_id, units in rows:
        claimed[(variant_id, location_id, lot_id)] += max(int(units or 0), 0)
    return claimed


def plan_units(
    session: Session,
    variant_id: int,
    warehouse_id: int,
    quantity: int,
    claimed: dict[tuple[int, int, int | None], int],
    *,
    today: date,
    exclude: frozenset[int] = frozenset(),
) -> list[tuple[Location, int | None, int]]:
    """(bin, lot, units) to take `quantity` from, in removal order, skipping claimed units and `exclude`
    bins; records what it takes in `claimed` so the next line of the batch does not count it twice."""
    plan = []
    for step in pick_plan(session, variant_id, warehouse_id, ALL_UNITS, today=today):
        if quantity <= 0:
            break
        if step.location_id in exclude:
            continue
        key = (variant_id, step.location_id, step.lot_id)
        free = step.units - claimed.get(key, 0)
        take = min(free, quantity)
        if take <= 0:
            continue
        claimed[key] = claimed.get(key, 0) + take
        plan.append((session.get(Location, step.location_id), step.lot_id, take))
        quantity -= take
    return plan


def route_lines(
    session: Session,
    layout: Layout,
    picklist: Picklist,
    lines: Sequence[PicklistLine],
    *,
    start: Point | None = None,
    end: Point | None = None,
    time_limit_s: float = 1.0,
) -> None:
    """Number the lines in walking order (one stop per bin) and store the route and its comparisons."""
    start = start or dock_point(layout)
    end = end or pack_point(layout)
    stops: list[int] = list(dict.fromkeys(line.location_id for line in lines))
    points = [bin_point(layout, session.get(Location, location_id)) for location_id in stops]
    walk = optimal_walk(layout, points, start, end, time_limit_s=time_limit_s)
    picklist.route_cm = walk.length_cm
    picklist.route = [list(point) for point in walk.path]
    picklist.s_shape_cm = s_shape(layout, points, start, end).length_cm
    picklist.largest_gap_cm = largest_gap(layout, points, start, end).length_cm
    position = {stops[index]: rank for rank, index in enumerate(walk.order)}
    ordered = sorted(lines, key=lambda line: (position[line.location_id], line.tote, line.id or 0))
    for sequence, line in enumerate(ordered, start=1):
        line.sequence = sequence


def dock_point(layout: Layout) -> Point:
    """Where a pick walk starts by default: the first dock, else the first pack station."""
    for kind in ("dock", "packing"):
        for place in layout.places:
            if place.kind == kind:
                return Point(place.x, place.y)
    raise LayoutError("the layout has no dock or pack station to start a pick walk from")


def pack_point(layout: Layout) -> Point:
    """Where a pick walk ends: the first pack station, else back at the dock."""
    for kind in ("packing", "dock"):
        for place in layout.places:
            if place.kind == kind:
                return Point(place.x, place.y)
    raise LayoutError("the layout has no pack station or dock to end a pick walk at")


def pack_station(session: Session, picklist: Picklist) -> Location:
    """The packing bench the walk ends at (its place in the layout shares the bench's code)."""
    benches = list(
        session.scalars(
            select(Location)
            .where(Location.warehouse_id == picklist.warehouse_id, Location.kind == LocationKind.PACKING)
            .order_by(Location.code)
        )
    )
    if not benches:
        raise PickingError("This warehouse has no packing bench to take picked units to")
    if picklist.route:
        end = tuple(picklist.route[-1])
        try:
            layout = load_layout(session, picklist.warehouse_id)
        except LayoutError:
            return benches[0]
        codes = {place.code for place in layout.places if (place.x, place.y) == end}
        for bench in benches:
            if bench.code in codes:
                return bench
    return benches[0]


def next_code(session: Session, model: type[Picklist] | type[Wave], prefix: str) -> str:
    """PL-000001, W-000001 …: one more than the highest code so far."""
    codes = session.scalars(select(model.code).where(model.code.like(f"{prefix}-%"))).all()
    numbers = [int(code.split("-", 1)[1]) for code in codes if code.split("-", 1)[1].isdigit()]
    return f"{prefix}-{max(numbers, default=0) + 1:06d}"


__all__ = [
    "AllocatedOrder",
    "PickingError",
    "allocated_orders",
    "build_picklist",
    "claimed_units",
    "next_code",
    "pack_station",
    "parse_zone",
    "plan_units",
    "route_lines",
]
