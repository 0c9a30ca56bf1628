"""Lots close to or past their expiry: alerts ahead of a horizon, and expired units taken out of sale.

Expired units are *moved* to the warehouse's quarantine location (a ledger transfer), which takes them
out of the SKU's sellable level: no reservation can promise them, nothing is hidden and the move shows
in the lot's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Location, LocationKind, Lot, StockQuant, Variant
from station.services.stock import SELLABLE_KINDS, Actor, StockLedger

DEFAULT_HORIZON_DAYS = 30


class ExpiryError(ValueError):
    pass


@dataclass(frozen=True)
class ExpiringStock:
    sku: str
    lot: str
    expires_on: date
    location: str
    on_hand: int
    days_left: int  # negative once expired


def expiring(session: Session, *, today: date, within_days: int = DEFAULT_HORIZON_DAYS) -> list[ExpiringStock]:
    """Sellable units whose lot expires within `within_days` (or already has), soonest first."""
    horizon = today + timedelta(days=within_days)
    rows = session.execute(
        select(Variant.sku, Lot.code, Lot.expires_on, Location.code, StockQuant.on_hand)
        .join(Lot, Lot.id == StockQuant.lot_id)
        .join(Variant, Variant.id == StockQuant.variant_id)
        .join(Location, Location.id == StockQuant.location_id)
        .where(StockQuant.on_hand > 0, Lot.expires_on <= horizon, Location.kind.in_(SELLABLE_KINDS))
        .order_by(Lot.expires_on, Variant.sku, Location.code)
    ).all()
    return [
        ExpiringStock(sku, lot, expires_on, location, on_hand, (expires_on - today).days)
        for sku, lot, expires_on, location, on_hand in rows
    ]


def quarantine_expired(session: Session, actor: Actor, *, today: date) -> int:
    """Move every expired sellable unit to its warehouse's quarantine location; returns the units moved."""
    quants = session.execute(
        select(StockQuant, Location.warehouse_id, Lot.code)
        .join(Lot, Lot.id == StockQuant.lot_id)
        .join(Location, Location.id == StockQuant.location_id)
        .where(StockQuant.on_hand > 0, Lot.expires_on < today, Location.kind.in_(SELLABLE_KINDS))
    ).all()
    ledger = StockLedger(session, actor)
    moved = 0
    for quant, warehouse_id, lot_code in quants:
        quarantine = session.scalars(
            select(Location.id)
            .where(Location.warehouse_id == warehouse_id, Location.kind == LocationKind.QUARANTINE, Location.active)
            .order_by(Location.code)
        ).first()
        if quarantine is None:
            raise ExpiryError(f"Warehouse #{warehouse_id} has no quarantine location for expired lot {lot_code}")
        units = quant.on_hand
        ledger.move(quant.variant_id, quant.location_id, quarantine, units, lot_id=quant.lot_id, reference=f"expired lot {lot_code}")
        moved += units
    return moved
