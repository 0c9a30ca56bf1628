"""Stock across warehouses and channels: available-to-sell per channel and which warehouse serves an order.

Available to sell for a channel = Σ over warehouses (on hand − reserved) − the channel's stock buffer,
never below zero. On hand counts only sellable units (quarantine and returns are not in the level).

A reservation made for one channel (`Reservation.channel_id`) is held stock: it is in `reserved` and so
counts against *every* channel, not only the one it was made for — except units *set aside* for a
channel (`station.services.set_asides`): that channel may sell them on top of its free units.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Channel, Listing, ListingStatus, StockLevel, Warehouse
from station.domain.regions import Region, distance_km, find_region, normalise_region
from station.domain.stock import available
from station.services.set_asides import channel_set_aside

__all__ = [
    "Allocation",
    "ListingAvailability",
    "available_to_sell",
    "channel_availability",
    "choose_warehouse",
    "normalise_region",
    "warehouse_availability",
]


def warehouse_availability(session: Session, variant_id: int) -> dict[int, int]:
    """Units free to sell of a SKU per warehouse id (on hand − reserved, never below zero)."""
    rows = session.execute(
        select(StockLevel.warehouse_id, StockLevel.on_hand, StockLevel.reserved).where(StockLevel.variant_id == variant_id)
    )
    return {warehouse_id: available(on_hand, reserved) for warehouse_id, on_hand, reserved in rows}


def _buffer(session: Session, channel_id: int) -> int:
    buffer = session.scalar(select(Channel.stock_buffer).where(Channel.id == channel_id))
    if buffer is None:
        raise LookupError(f"no channel #{channel_id}")
    return max(buffer, 0)


def available_to_sell(session: Session, variant_id: int, channel_id: int) -> int:
    """What a channel may offer of a SKU: free units in all warehouses minus the channel's buffer, ≥ 0,
    plus the units set aside for that channel."""
    free = sum(warehouse_availability(session, variant_id).values())
    kept = channel_set_aside(session, channel_id, {variant_id}).get(variant_id, 0)
    return max(free - _buffer(session, channel_id), 0) + kept


@dataclass(frozen=True)
class ListingAvailability:
    """One listing of a channel and the quantity to publish for it."""

    listing_id: int
    variant_id: int
    external_id: str
    quantity: int
    last_pushed_qty: int | None

    @property
    def changed(self) -> bool:
        return self.last_pushed_qty != self.quantity


def channel_availability(session: Session, channel_id: int, *, include_paused: bool = False) -> list[ListingAvailability]:
    """Available-to-sell for every (active) listing of a channel, in listing order: what the outbox pushes."""
    buffer = _buffer(session, channel_id)
    query = select(Listing).where(Listing.channel_id == channel_id).order_by(Listing.id)
    if not include_paused:
        query = query.where(Listing.status == ListingStatus.ACTIVE)
    listings = session.scalars(query).all()
    variant_ids = {listing.variant_id for listing in listings}
    free: dict[int, int] = dict.fromkeys(variant_ids, 0)
    if variant_ids:
        rows = session.execute(
            select(StockLevel.variant_id, StockLevel.on_hand, StockLevel.reserved).where(
                StockLevel.variant_id.in_(variant_ids)
            )
        )
        for variant_id, on_hand, reserved in rows:
            free[variant_id] += available(on_hand, reserved)
    kept = channel_set_aside(session, channel_id, variant_ids) if variant_ids else {}
    return [
        ListingAvailability(
            listing_id=listing.id,
            variant_id=listing.variant_id,
            external_id=listing.external_id,
            quantity=max(free[listing.variant_id] - buffer, 0) + kept.get(listing.variant_id, 0),
            last_pushed_qty=listing.last_pushed_qty,
        )
        for listing in listings
    ]


# -- allocation ---------------------------------------------------------------------------------


def _distance(warehouse_region: str, destination: Region | None) -> float | None:
    """Kilometres between the regional capitals, or None when either región is unknown."""
    region = find_region(warehouse_region)
    return None if region is None or destination is None else distance_km(region, destination)


@dataclass(frozen=True)
class Allocation:
    """The outcome of `choose_warehouse`. `warehouse_id` is None when no single warehouse can serve it."""

    warehouse_id: int | None
    warehouse_code: str | None
    reason: str  # "same_region", "nearest", "most_stock" or "none"
    shortages: dict[int, int]  # when none can: variant id -> units missing in the best-stocked warehouse

    @property
    def ok(self) -> bool:
        return self.warehouse_id is not None


def choose_warehouse(session: Session, variant_quantities: Mapping[int, int], destination_region: str) -> Allocation:
    """The warehouse that ships a whole order.

    Rule: among warehouses that have every line free (on hand − reserved ≥ quantity), the nearest to
    the customer's región (`reason="same_region"` when in it, else `"nearest"`, by the distance
    between regional capitals); when the regiones are unknown, or among equally near ones, the one with
    the most free units of the order's SKUs (`"most_stock"`); ties go to the lowest warehouse code.
    When none can serve the whole order, the result has no warehouse and names what the best-stocked
    one lacks.
    """
    wanted = {variant_id: quantity for variant_id, quantity in variant_quantities.items() if quantity > 0}
    warehouses = session.execute(select(Warehouse.id, Warehouse.code, Warehouse.region).order_by(Warehouse.code)).all()
    free: dict[int, dict[int, int]] = {warehouse_id: {} for warehouse_id, _, _ in warehouses}
    if wanted:
        rows = session.execute(
            select(StockLevel.warehouse_id, StockLevel.variant_id, StockLevel.on_hand, StockLevel.reserved).where(
                StockLevel.variant_id.in_(wanted)
            )
        )
        for warehouse_id, variant_id, on_hand, reserved in rows:
            free.setdefault(warehouse_id, {})[variant_id] = available(on_hand, reserved)

    def total(warehouse_id: int) -> int:
        return sum(free[warehouse_id].get(v, 0) for v in wanted)

    able = [
        (warehouse_id, code, region)
        for warehouse_id, code, region in warehouses
        if all(free[warehouse_id].get(v, 0) >= q for v, q in wanted.items())
    ]
    if able:
        destination = find_region(destination_region)
        distances = {row[0]: _distance(row[2], destination) for row in able}
        known = [row for row in able if distances[row[0]] is not None]
        if known:
            nearest = min(distances[row[0]] for row in known)  # type: ignore[type-var]
            pool = [row for row in known if distances[row[0]] == nearest]
            reason = "same_region" if nearest == 0 else "nearest"
        else:
            pool, reason = able, "most_stock"
        if len(pool) > 1 and reason == "nearest":
            reason = "most_stock"  # equally near: stock decides
        best = max(pool, key=lambda row: total(row[0]))  # max keeps the first (lowest code) on ties
        return Allocation(best[0], best[1], reason, {})
    if not warehouses:
        return Allocation(None, None, "none", dict(wanted))
    fullest = max(warehouses, key=lambda row: total(row[0]))
    shortages = {v: q - free[fullest[0]].get(v, 0) for v, q in wanted.items() if free[fullest[0]].get(v, 0) < q}
    return Allocation(None, None, "none", shortages)
