"""Waves: every allocated order released to the floor at once, grouped by zone or by carrier cut-off,
each wave in pick lists of up to ten orders (`station.services.picking.build_picklist`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from station.db.models import PicklistStatus, Wave
from station.domain.layout import Layout
from station.services.layout import load_layout
from station.services.picking import PickingError, allocated_orders, build_picklist, next_code, parse_zone
from station.services.stock import Actor

# -- waves -------------------------------------------------------------------------------------------


def build_waves(
    session: Session,
    warehouse_id: int,
    actor: Actor,
    *,
    by: str = "zone",
    zones: Sequence[str] = (),
    cutoffs: Sequence[time] = (time(12, 0), time(17, 0)),
    orders_per_picklist: int = 10,
    today: date | None = None,
    time_limit_s: float = 1.0,
) -> list[int]:
    """Release every allocated order in waves: by zone (the aisles most of an order's units are in)
    or by the carrier cut-off each order must make. Each wave gets pick lists of up to
    `orders_per_picklist` orders. Returns the waves' ids. Flushes; the caller commits."""
    if by not in ("zone", "cutoff"):
        raise PickingError(f"Waves go by 'zone' or 'cutoff', not {by!r}")
    today = today or date.today()
    orders = allocated_orders(session, warehouse_id, today=today, limit=10_000)
    if not orders:
        raise PickingError("No allocated orders are waiting to be picked")
    groups: dict[tuple[str, datetime | None], list[int]] = defaultdict(list)
    if by == "zone":
        layout = load_layout(session, warehouse_id)
        zone_sets = [(zone, parse_zone(zone)) for zone in (zones or default_zones(layout))]
        for order in orders:
            aisles = set(order.aisles.split(", ")) if order.aisles else set()
            zone = max(zone_sets, key=lambda z: len(aisles & z[1]))[0]
            groups[(zone, None)].append(order.order_id)
    else:
        for order in orders:
            groups[("", cutoff_for(order.placed_at, cutoffs))].append(order.order_id)
    wave_ids = []
    for (zone, cutoff), order_ids in sorted(groups.items(), key=lambda g: (g[0][1] or datetime.min, g[0][0])):
        wave = Wave(
            warehouse_id=warehouse_id,
            code=next_code(session, Wave, "W"),
            status=PicklistStatus.OPEN,
            zone=zone,
            cutoff_at=cutoff,
        )
        session.add(wave)
        session.flush()
        for first in range(0, len(order_ids), orders_per_picklist):
            build_picklist(
                session,
                warehouse_id,
                order_ids[first : first + orders_per_picklist],
                actor,
                today=today,
                wave_id=wave.id,
                time_limit_s=time_limit_s,
            )
        wave_ids.append(wave.id)
    return wave_ids


def default_zones(layout: Layout) -> list[str]:
    """The aisles in groups of four, e.g. A-D, E-H, I-L."""
    codes = [aisle.code for aisle in layout.aisles]
    return [f"{group[0]}-{group[-1]}" for group in (codes[i : i + 4] for i in range(0, len(codes), 4))]


def cutoff_for(placed_at: datetime, cutoffs: Sequence[time]) -> datetime:
    """The first carrier pick-up after the order was placed (the next day's first if it missed them all)."""
    day = placed_at.date()
    for cut in sorted(cutoffs):
        moment = datetime.combine(day, cut, tzinfo=placed_at.tzinfo)
        if moment >= placed_at:
            return moment
    return datetime.combine(day + timedelta(days=1), min(cutoffs), tzinfo=placed_at.tzinfo)
