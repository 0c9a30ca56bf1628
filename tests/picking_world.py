"""A small generated warehouse for the picking tests: 4 aisles × 8 racks × 2 levels, a dock, a pack
station, three SKUs with barcodes spread over the aisles, and allocated orders with reservations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from station.db import Database
from station.db.models import Barcode, Location, Order, OrderLine, Product, Symbology, Tenant, User, Variant, Warehouse
from station.domain.orders import OrderState
from station.services.layout import generate_layout
from station.services.stock import Actor, StockLedger

ACTOR = Actor(station="picker-1")


@dataclass(frozen=True)
class PickWorld:
    warehouse_id: int
    tenant_id: int
    picker_id: int
    bins: dict[str, int]  # code → id
    bench: int
    skus: dict[str, int]  # SKU → variant id
    barcodes: dict[str, str]  # SKU → its EAN


# SKU, barcode, (bin, units) … : the pen sits in two bins so a short pick can be taken from the other.
STOCK = {
    "LAP-AZ": ("7800000000017", [("A-03-A", 20)]),
    "CUA-A5": ("7800000000024", [("C-06-B", 20)]),
    "TIJ-01": ("7800000000031", [("B-01-A", 3), ("D-08-A", 10)]),
}


def build_pick_world(database: Database) -> PickWorld:
    with database.unit_of_work() as uow:
        session = uow.session
        tenant = Tenant(code="ACME", name="Acme SpA")
        warehouse = Warehouse(code="SCL9", name="Santiago 9")
        picker = User(login="pia", name="Pía Rojas", role="packer", pin_hash="x")
        session.add_all([tenant, warehouse, picker])
        session.flush()
        generate_layout(session, warehouse, aisles=4, racks=8, levels=2, docks=1, pack_stations=1)
        bins = {
            loc.code: loc.id for loc in session.scalars(select(Location).where(Location.warehouse_id == warehouse.id))
        }
        product = Product(tenant_id=tenant.id, code="OFI", name="Oficina")
        session.add(product)
        session.flush()
        ledger = StockLedger(session, ACTOR)
        skus, barcodes = {}, {}
        for sku, (ean, places) in STOCK.items():
            variant = Variant(tenant_id=tenant.id, product_id=product.id, sku=sku, name=f"Artículo {sku}")
            session.add(variant)
            session.flush()
            session.add(Barcode(tenant_id=tenant.id, variant_id=variant.id, code=ean, symbology=Symbology.EAN13))
            for code, units in places:
                ledger.receive(variant.id, bins[code], units, reference="PO-1")
            skus[sku], barcodes[sku] = variant.id, ean
        world = PickWorld(warehouse.id, tenant.id, picker.id, bins, bins["PACK-01"], skus, barcodes)
        uow.commit()
    return world


def add_allocated_order(database: Database, world: PickWorld, number: str, lines: list[tuple[str, int]]) -> int:
    """An allocated order with its units reserved (no expiry), like the channel sync leaves them."""
    with database.unit_of_work() as uow:
        session = uow.session
        order = Order(
            tenant_id=world.tenant_id,
            number=number,
            state=OrderState.ALLOCATED,
            customer_name=f"Cliente {number}",
            total=0,
        )
        session.add(order)
        session.flush()
        ledger = StockLedger(session, ACTOR)
        for sku, quantity in lines:
            line = OrderLine(
                tenant_id=world.tenant_id,
                order_id=order.id,
                variant_id=world.skus[sku],
                sku=sku,
                title=sku,
                quantity=quantity,
                unit_price=1000,
            )
            session.add(line)
            session.flush()
            ledger.reserve(world.skus[sku], world.warehouse_id, quantity, order_line_id=line.id, ttl=None)
        uow.commit()
        return order.id
