"""Every stock alert at once — low stock, reorder, lots expiring, lots expired or blocked — for the
Inventory page's Alerts tab and the daily alert mail; and setting a SKU's threshold by its code.

A lot is *expired* when its units are still on a sellable location past their expiry date (the worker's
quarantine job has not moved them yet) and *blocked* when its units sit in a quarantine location.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db import Database
from station.db.models import Location, LocationKind, Lot, StockQuant, Variant, Warehouse
from station.services.expiry import DEFAULT_HORIZON_DAYS, ExpiringStock, expiring
from station.services.replenishment import (
    LowStock,
    ReorderSuggestion,
    ReplenishmentError,
    low_stock,
    reorder_suggestions,
    set_threshold,
)
from station.services.stock_queries import find_variant

__all__ = [
    "DEFAULT_COVER_DAYS",
    "DEFAULT_HORIZON_DAYS",
    "DEFAULT_LEAD_TIME_DAYS",
    "BlockedLot",
    "StockAlerts",
    "ThresholdSet",
    "collect_alerts",
    "load_alerts",
    "set_sku_threshold",
]

DEFAULT_LEAD_TIME_DAYS = 7  # as `station alerts reorder`
DEFAULT_COVER_DAYS = 30


@dataclass(frozen=True)
class BlockedLot:
    sku: str
    lot: str
    expires_on: date | None
    warehouse: str
    location: str
    on_hand: int
    quarantined: bool  # False: expired but still on a sellable location


@dataclass(frozen=True)
class StockAlerts:
    today: date
    horizon_days: int
    low_stock: list[LowStock]
    reorder: list[ReorderSuggestion]
    expiring: list[ExpiringStock]  # sellable, expiring today or within the horizon
    blocked: list[BlockedLot]  # expired on a shelf, or held in quarantine
    warehouses: list[str]  # every warehouse code, for choosing where a threshold applies

    @property
    def count(self) -> int:
        return len(self.low_stock) + len(self.reorder) + len(self.expiring) + len(self.blocked)


def collect_alerts(
    session: Session,
    *,
    today: date,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    lead_time_days: int = DEFAULT_LEAD_TIME_DAYS,
    cover_days: int = DEFAULT_COVER_DAYS,
    now: datetime | None = None,
) -> StockAlerts:
    """Every alert as of `today` (expiry) and `now` (the sales window of the reorder suggestions)."""
    lots = expiring(session, today=today, within_days=horizon_days)
    return StockAlerts(
        today=today,
        horizon_days=horizon_days,
        low_stock=low_stock(session),
        reorder=reorder_suggestions(session, lead_time_days, cover_days, now=now),
        expiring=[lot for lot in lots if lot.days_left >= 0],
        blocked=_blocked(session, today),
        warehouses=list(session.scalars(select(Warehouse.code).order_by(Warehouse.code))),
    )


def load_alerts(
    database: Database, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS, now: datetime | None = None
) -> StockAlerts:
    """`collect_alerts` in its own read-only unit of work (for the UI's database lane)."""
    with database.unit_of_work() as uow:
        return collect_alerts(uow.session, today=today, horizon_days=horizon_days, now=now)


def _blocked(session: Session, today: date) -> list[BlockedLot]:
    rows = session.execute(
        select(Variant.sku, Lot.code, Lot.expires_on, Warehouse.code, Location.code, Location.kind, StockQuant.on_hand)
        .select_from(StockQuant)
        .join(Lot, Lot.id == StockQuant.lot_id)
        .join(Variant, Variant.id == StockQuant.variant_id)
        .join(Location, Location.id == StockQuant.location_id)
        .join(Warehouse, Warehouse.id == Location.warehouse_id)
        .where(StockQuant.on_hand > 0)
        .where((Location.kind == LocationKind.QUARANTINE) | (Lot.expires_on < today))
        .where(Location.kind != LocationKind.TRANSIT)
        .order_by(Lot.expires_on, Variant.sku, Lot.code, Location.code)
    ).all()
    return [
        BlockedLot(sku, lot, expires_on, warehouse, location, on_hand, kind == LocationKind.QUARANTINE)
        for sku, lot, expires_on, warehouse, location, kind, on_hand in rows
    ]


@dataclass(frozen=True)
class ThresholdSet:
    sku: str
    warehouse: str
    threshold: int


def set_sku_threshold(database: Database, sku: str, threshold: int, warehouse: str | None = None) -> ThresholdSet:
    """Set a SKU's low-stock threshold in a warehouse (by codes), in one transaction.

    Raises `StockQueryError` for an unknown SKU and `ReplenishmentError` for a bad threshold or warehouse.
    """
    with database.unit_of_work() as uow:
        variant = find_variant(uow.session, sku)
        if not warehouse:
            codes = list(uow.session.scalars(select(Warehouse.code).order_by(Warehouse.code)))
            if len(codes) > 1:
                raise ReplenishmentError(f"several warehouses ({', '.join(codes)}): say in which one")
        row = set_threshold(uow.session, variant, threshold, warehouse=warehouse or None)
        code = uow.session.scalar(select(Warehouse.code).where(Warehouse.id == row.warehouse_id)) or "?"
        result = ThresholdSet(variant.sku, code, row.threshold)
        uow.commit()
    return result
