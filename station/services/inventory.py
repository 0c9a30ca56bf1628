"""The inventory list: every SKU with its units on hand, reserved and available (all warehouses), and
the units on their way between warehouses (in a transit location: not on hand, not for sale)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from station.db.engine import Database
from station.db.models import Location, LocationKind, StockLevel, StockQuant, Tenant, Variant
from station.domain.stock import available


@dataclass(frozen=True)
class StockRow:
    variant_id: int
    client: str  # the tenant's code (3PL: whose goods these are)
    sku: str
    name: str
    on_hand: int
    reserved: int
    in_transit: int = 0

    @property
    def available(self) -> int:
        return available(self.on_hand, self.reserved)


def list_stock(database: Database) -> list[StockRow]:
    """Active SKUs by SKU, with totals over all warehouses; SKUs never stocked show zeros."""
    on_hand = func.coalesce(func.sum(StockLevel.on_hand), 0)
    reserved = func.coalesce(func.sum(StockLevel.reserved), 0)
    query = (
        select(Variant.id, Tenant.code, Variant.sku, Variant.name, on_hand, reserved)
        .join(Tenant, Tenant.id == Variant.tenant_id)
        .outerjoin(StockLevel, StockLevel.variant_id == Variant.id)
        .where(Variant.active.is_(True))
        .group_by(Variant.id, Tenant.code, Variant.sku, Variant.name)
        .order_by(Variant.sku, Tenant.code)
    )
    travelling = (
        select(StockQuant.variant_id, func.sum(StockQuant.on_hand))
        .join(Location, Location.id == StockQuant.location_id)
        .where(Location.kind == LocationKind.TRANSIT, StockQuant.on_hand > 0)
        .group_by(StockQuant.variant_id)
    )
    with database.unit_of_work() as uow:
        in_transit = {variant_id: int(units) for variant_id, units in uow.session.execute(travelling)}
        return [
            StockRow(variant_id, client, sku, name, int(units), int(held), in_transit.get(variant_id, 0))
            for variant_id, client, sku, name, units, held in uow.session.execute(query)
        ]
