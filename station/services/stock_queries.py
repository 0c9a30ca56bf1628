"""Read-only stock questions: where is a SKU, how much of it is reserved, which lots and bins hold it.

`stock_by_location` answers `station stock show SKU`: per warehouse the level's on hand, reserved and
available (sellable units only, as reservations see them), and per location and lot the quants with
the lot's code and expiry, each marked sellable or not (quarantine and returns hold units that wait
for inspection). Nothing here writes.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import Location, Lot, StockLevel, StockQuant, Tenant, Variant, Warehouse
from station.domain.stock import available
from station.services.stock import SELLABLE_KINDS


class StockQueryError(LookupError):
    """What was asked for does not exist (or is ambiguous); the message says what and why."""


@dataclass(frozen=True)
class QuantRow:
    """Units of a SKU at one location, of one lot (or none)."""

    warehouse: str
    location: str
    location_kind: str
    lot: str | None
    expires_on: date | None
    on_hand: int
    sellable: bool


@dataclass(frozen=True)
class WarehouseTotals:
    """A SKU's level in one warehouse: sellable on hand, reserved and available, plus held units."""

    warehouse: str
    on_hand: int
    reserved: int
    available: int
    not_sellable: int  # units in quarantine or returns, not part of on hand for sale


@dataclass(frozen=True)
class SkuStock:
    tenant: str
    sku: str
    name: str
    warehouses: list[WarehouseTotals] = field(default_factory=list)
    quants: list[QuantRow] = field(default_factory=list)

    @property
    def on_hand(self) -> int:
        return sum(w.on_hand for w in self.warehouses)

    @property
    def reserved(self) -> int:
        return sum(w.reserved for w in self.warehouses)

    @property
    def available(self) -> int:
        return sum(w.available for w in self.warehouses)

    @property
    def not_sellable(self) -> int:
        return sum(w.not_sellable for w in self.warehouses)


def find_variant(session: Session, sku: str, *, tenant: str | None = None) -> Variant:
    """The SKU (exact code first, then ignoring case), in `tenant` when given.

    Raises StockQueryError naming close SKUs when there is none, or the tenants when several have it.
    """
    query = select(Variant, Tenant.code).join(Tenant, Tenant.id == Variant.tenant_id)
    if tenant:
        query = query.where(func.upper(Tenant.code) == tenant.strip().upper())
    rows = session.execute(query.where(Variant.sku == sku.strip())).all()
    if not rows:
        rows = session.execute(query.where(func.upper(Variant.sku) == sku.strip().upper())).all()
    if len(rows) == 1:
        return rows[0][0]
    if rows:
        tenants = ", ".join(sorted(code for _, code in rows))
        raise StockQueryError(f"SKU '{sku}' belongs to several tenants ({tenants}); pass --tenant")
    raise StockQueryError(_no_sku_message(session, sku, tenant))


def _no_sku_message(session: Session, sku: str, tenant: str | None) -> str:
    where = f" for tenant '{tenant}'" if tenant else ""
    query = select(Variant.sku)
    if tenant:
        query = query.join(Tenant, Tenant.id == Variant.tenant_id).where(func.upper(Tenant.code) == tenant.strip().upper())
    known = {code.upper(): code for code in session.scalars(query)}
    close = difflib.get_close_matches(sku.strip().upper(), list(known), n=5, cutoff=0.6)
    hint = f"; did you mean {', '.join(known[c] for c in close)}?" if close else ""
    return f"No SKU '{sku}'{where}{hint}"


def stock_by_location(session: Session, sku: str, *, tenant: str | None = None) -> SkuStock:
    """A SKU's stock: totals per warehouse and the quants per location and lot (empty quants left out)."""
    variant = find_variant(session, sku, tenant=tenant)
    tenant_code = session.scalar(select(Tenant.code).where(Tenant.id == variant.tenant_id)) or ""
    quant_rows = session.execute(
        select(Warehouse.code, Location.code, Location.kind, Lot.code, Lot.expires_on, StockQuant.on_hand)
        .join(Location, Location.id == StockQuant.location_id)
        .join(Warehouse, Warehouse.id == Location.warehouse_id)
        .outerjoin(Lot, Lot.id == StockQuant.lot_id)
        .where(StockQuant.variant_id == variant.id, StockQuant.on_hand > 0)
        .order_by(Warehouse.code, Location.code, Lot.expires_on.is_(None), Lot.expires_on, Lot.code)
    ).all()
    quants = [
        QuantRow(
            warehouse=warehouse,
            location=location,
            location_kind=kind.value,
            lot=lot,
            expires_on=expires_on,
            on_hand=on_hand,
            sellable=kind in SELLABLE_KINDS,
        )
        for warehouse, location, kind, lot, expires_on, on_hand in quant_rows
    ]
    held: dict[str, int] = {}
    for quant in quants:
        if not quant.sellable:
            held[quant.warehouse] = held.get(quant.warehouse, 0) + quant.on_hand
    levels = session.execute(
        select(Warehouse.code, StockLevel.on_hand, StockLevel.reserved)
        .join(Warehouse, Warehouse.id == StockLevel.warehouse_id)
        .where(StockLevel.variant_id == variant.id)
        .order_by(Warehouse.code)
    ).all()
    warehouses = [
        WarehouseTotals(
            warehouse=code,
            on_hand=on_hand,
            reserved=reserved,
            available=available(on_hand, reserved),
            not_sellable=held.pop(code, 0),
        )
        for code, on_hand, reserved in levels
    ]
    # Units only in quarantine/returns of a warehouse without a level row yet.
    warehouses += [WarehouseTotals(code, 0, 0, 0, units) for code, units in sorted(held.items())]
    return SkuStock(tenant=tenant_code, sku=variant.sku, name=variant.name, warehouses=warehouses, quants=quants)
