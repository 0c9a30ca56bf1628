"""Low-stock alerts, sales velocity, days of cover and reorder suggestions.

- A threshold is set per SKU and warehouse (`StockThreshold`). A SKU is *low* in a warehouse when its
  units free to sell there (on hand − reserved, sellable locations only) are at or under the threshold.
- Sales velocity = units shipped (ledger moves of kind `ship`) in the last `days` days ÷ `days`.
- Days of cover = units free to sell in all warehouses ÷ velocity; the stockout date is today plus the
  whole days of cover. With no sales there is no stockout date (cover is unbounded: None).
- Reorder suggestion per SKU: order enough to last the lead time plus the wanted cover,
  ⌈velocity × (lead time + cover days)⌉ − free units − units still due on open purchase orders.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.base import utcnow
from station.db.models import (
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    StockLevel,
    StockMove,
    StockThreshold,
    Tenant,
    Variant,
    Warehouse,
)
from station.domain.stock import MoveKind, available

__all__ = [
    "DEFAULT_HISTORY_DAYS",
    "LowStock",
    "ReorderSuggestion",
    "ReplenishmentError",
    "days_of_cover",
    "low_stock",
    "reorder_suggestions",
    "sales_velocity",
    "set_threshold",
    "stockout_date",
]

DEFAULT_HISTORY_DAYS = 30  # the sales history velocity is computed from, unless told otherwise
OPEN_PO_STATUSES = (PurchaseOrderStatus.ORDERED, PurchaseOrderStatus.PARTIALLY_RECEIVED)


class ReplenishmentError(ValueError):
    """A threshold or a request that cannot be honoured; the message says what was wrong."""


def set_threshold(session: Session, variant: Variant, threshold: int, *, warehouse: str | None = None) -> StockThreshold:
    """Set (or change) a SKU's low-stock threshold in a warehouse, given by code; optional when only one exists."""
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 0:
        raise ReplenishmentError(f"threshold must be a whole number ≥ 0, not {threshold!r}")
    warehouse_row = find_warehouse(session, warehouse)
    row = session.scalar(
        select(StockThreshold).where(StockThreshold.warehouse_id == warehouse_row.id, StockThreshold.variant_id == variant.id)
    )
    if row is None:
        row = StockThreshold(tenant_id=variant.tenant_id, warehouse_id=warehouse_row.id, variant_id=variant.id, threshold=threshold)
        session.add(row)
    else:
        row.threshold = threshold
    session.flush()
    return row


def find_warehouse(session: Session, code: str | None) -> Warehouse:
    """The warehouse with `code` (any case), or the only one when `code` is None; the error names the known ones."""
    if code is None:
        warehouses = session.scalars(select(Warehouse).order_by(Warehouse.code)).all()
        if len(warehouses) == 1:
            return warehouses[0]
        known = ", ".join(w.code for w in warehouses) or "none"
        raise ReplenishmentError(f"several warehouses ({known}); say which with --warehouse CODE")
    found = session.scalar(select(Warehouse).where(func.upper(Warehouse.code) == code.strip().upper()))
    if found is None:
        known = ", ".join(session.scalars(select(Warehouse.code).order_by(Warehouse.code))) or "none"
        raise ReplenishmentError(f"no warehouse '{code}' (known: {known})")
    return found


@dataclass(frozen=True)
class LowStock:
    tenant: str
    sku: str
    name: str
    warehouse: str
    on_hand: int
    reserved: int
    available: int
    threshold: int


def low_stock(session: Session) -> list[LowStock]:
    """SKUs whose free units in a warehouse are at or under their threshold there, emptiest first."""
    rows = session.execute(
        select(Tenant.code, Variant.sku, Variant.name, Warehouse.code, StockLevel.on_hand, StockLevel.reserved, StockThreshold.threshold)
        .select_from(StockThreshold)
        .join(Variant, Variant.id == StockThreshold.variant_id)
        .join(Tenant, Tenant.id == StockThreshold.tenant_id)
        .join(Warehouse, Warehouse.id == StockThreshold.warehouse_id)
        .outerjoin(
            StockLevel,
            (StockLevel.variant_id == StockThreshold.variant_id) & (StockLevel.warehouse_id == StockThreshold.warehouse_id),
        )
    ).all()
    result = []
    for tenant, sku, name, warehouse, on_hand, reserved, threshold in rows:
        on_hand, reserved = on_hand or 0, reserved or 0
        free = available(on_hand, reserved)
        if free <= threshold:
            result.append(LowStock(tenant, sku, name, warehouse, on_hand, reserved, free, threshold))
    return sorted(result, key=lambda r: (r.available - r.threshold, r.available, r.tenant, r.sku, r.warehouse))


# -- velocity and cover ---------------------------------------------------------------------------


def _check_days(days: int, what: str) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ReplenishmentError(f"{what} must be a whole number of days ≥ 1, not {days!r}")


def _shipped(session: Session, days: int, now: datetime | None, variant_id: int | None = None) -> dict[int, int]:
    """Units shipped per variant id in the `days` days up to `now`."""
    now = now or utcnow()
    query = (
        select(StockMove.variant_id, func.sum(StockMove.quantity))
        .where(StockMove.kind == MoveKind.SHIP, StockMove.at > now - timedelta(days=days), StockMove.at <= now)
        .group_by(StockMove.variant_id)
    )
    if variant_id is not None:
        query = query.where(StockMove.variant_id == variant_id)
    return {vid: int(units) for vid, units in session.execute(query)}


def _free_units(session: Session, variant_id: int | None = None) -> dict[int, int]:
    query = select(StockLevel.variant_id, StockLevel.on_hand, StockLevel.reserved)
    if variant_id is not None:
        query = query.where(StockLevel.variant_id == variant_id)
    free: dict[int, int] = defaultdict(int)
    for vid, on_hand, reserved in session.execute(query):
        free[vid] += available(on_hand, reserved)
    return free


def sales_velocity(session: Session, variant_id: int, days: int = DEFAULT_HISTORY_DAYS, *, now: datetime | None = None) -> float:
    """Units shipped per day over the last `days` days (ship moves in the ledger)."""
    _check_days(days, "history")
    return _shipped(session, days, now, variant_id).get(variant_id, 0) / days


def days_of_cover(
    session: Session, variant_id: int, days: int = DEFAULT_HISTORY_DAYS, *, now: datetime | None = None
) -> float | None:
    """How many days the free units in all warehouses last at the current velocity; None with no sales."""
    velocity = sales_velocity(session, variant_id, days, now=now)
    return _cover(_free_units(session, variant_id)[variant_id], velocity)


def _cover(free: int, velocity: float) -> float | None:
    return free / velocity if velocity > 0 else None


def _stockout(cover: float | None, now: datetime) -> date | None:
    return None if cover is None else (now + timedelta(days=math.floor(cover))).date()


def stockout_date(
    session: Session, variant_id: int, days: int = DEFAULT_HISTORY_DAYS, *, now: datetime | None = None
) -> date | None:
    """The day the SKU runs out at the current velocity (today when nothing is free); None with no sales."""
    now = now or utcnow()
    return _stockout(days_of_cover(session, variant_id, days, now=now), now)


# -- reorder ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReorderSuggestion:
    tenant: str
    sku: str
    name: str
    velocity: float  # units per day
    available: int
    incoming: int  # still due on open purchase orders
    days_of_cover: float | None
    stockout_date: date | None
    quantity: int  # suggested units to order
    urgent: bool  # runs out before an order placed today arrives


def _incoming(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(PurchaseOrderLine.variant_id, PurchaseOrderLine.quantity_ordered, PurchaseOrderLine.quantity_received)
        .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.purchase_order_id)
        .where(PurchaseOrder.status.in_(OPEN_PO_STATUSES))
    )
    due: dict[int, int] = defaultdict(int)
    for vid, ordered, received in rows:
        due[vid] += max(ordered - received, 0)
    return due


def reorder_suggestions(
    session: Session,
    lead_time_days: int,
    cover_days: int,
    *,
    history_days: int = DEFAULT_HISTORY_DAYS,
    now: datetime | None = None,
) -> list[ReorderSuggestion]:
    """What to order now, per SKU that sold in the history window: most urgent (earliest stockout) first."""
    if isinstance(lead_time_days, bool) or not isinstance(lead_time_days, int) or lead_time_days < 0:
        raise ReplenishmentError(f"lead time must be a whole number of days ≥ 0, not {lead_time_days!r}")
    _check_days(cover_days, "cover")
    _check_days(history_days, "history")
    now = now or utcnow()
    shipped = _shipped(session, history_days, now)
    if not shipped:
        return []
    free, incoming = _free_units(session), _incoming(session)
    names = {
        vid: (tenant, sku, name)
        for vid, tenant, sku, name in session.execute(
            select(Variant.id, Tenant.code, Variant.sku, Variant.name)
            .join(Tenant, Tenant.id == Variant.tenant_id)
            .where(Variant.id.in_(shipped))
        )
    }
    result = []
    for vid, units in shipped.items():
        velocity = units / history_days
        need = math.ceil(velocity * (lead_time_days + cover_days) - 1e-9)
        quantity = need - free[vid] - incoming[vid]
        if quantity <= 0:
            continue
        cover = _cover(free[vid], velocity)
        tenant, sku, name = names[vid]
        result.append(
            ReorderSuggestion(
                tenant=tenant,
                sku=sku,
                name=name,
                velocity=velocity,
                available=free[vid],
                incoming=incoming[vid],
                days_of_cover=cover,
                stockout_date=_stockout(cover, now),
                quantity=quantity,
                urgent=cover is not None and cover < lead_time_days,
            )
        )
    return sorted(result, key=lambda s: (s.days_of_cover or 0.0, s.tenant, s.sku))
