"""A warehouse to receive into, for the receiving and putaway tab tests: a dock, two bins, barcodes,
a lot-tracked mug and an ordered purchase order OC-1001 (3 shirts, 10 mugs)."""

from __future__ import annotations

from dataclasses import dataclass

from sample_world import World, build_world

from station.db import Database
from station.db.models import (
    Barcode,
    Location,
    LocationKind,
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    Role,
    Symbology,
    Tracking,
    Variant,
)
from station.domain.gs1 import gs1_check_digit
from station.services.auth import LoggedInUser, create_user
from station.services.stock_queries import stock_by_location


def ean13(stem: str) -> str:
    return stem + str(gs1_check_digit(stem))


SHIRT_EAN = ean13("780000000001")
MUG_EAN = ean13("780000000002")
NEW_EAN = ean13("780000000099")


@dataclass(frozen=True)
class ReceivingWorld:
    world: World
    dock: int
    order_id: int
    lead: LoggedInUser  # signed in at the receiving station


def build_receiving_world(database: Database) -> ReceivingWorld:
    world = build_world(database)
    with database.unit_of_work() as uow:
        s = uow.session
        dock = Location(warehouse_id=world.warehouse_id, code="DOCK-01", kind=LocationKind.DOCK, x=0, y=0)
        cups = Product(tenant_id=world.tenant_id, code="P2", name="Tazas", tracking=Tracking.LOT)
        lead = create_user(s, "lead", "Lina Lead", Role.LEAD, "2222")
        s.add_all([dock, cups])
        s.flush()
        s.get(Location, world.bin_a).x = 100  # A-01-A nearest the dock: the suggestion for a new SKU
        s.get(Location, world.bin_b).x = 900
        s.get(Variant, world.mug).product_id = cups.id
        s.add_all(
            [
                Barcode(tenant_id=world.tenant_id, variant_id=world.shirt, code=SHIRT_EAN, symbology=Symbology.EAN13),
                Barcode(tenant_id=world.tenant_id, variant_id=world.mug, code=MUG_EAN, symbology=Symbology.EAN13),
            ]
        )
        order = PurchaseOrder(
            tenant_id=world.tenant_id,
            warehouse_id=world.warehouse_id,
            number="OC-1001",
            supplier="Textiles Maipú",
            status=PurchaseOrderStatus.ORDERED,
        )
        s.add(order)
        s.flush()
        s.add_all(
            [
                PurchaseOrderLine(purchase_order_id=order.id, variant_id=world.shirt, quantity_ordered=3),
                PurchaseOrderLine(purchase_order_id=order.id, variant_id=world.mug, quantity_ordered=10),
            ]
        )
        uow.commit()
        return ReceivingWorld(world, dock.id, order.id, LoggedInUser(lead.id, lead.login, lead.name, lead.role))


def units_at(database: Database, sku: str) -> dict[str, int]:
    """Where a SKU's units are, as the stock screens tell it: location code → units (lots summed)."""
    with database.unit_of_work() as uow:
        stock = stock_by_location(uow.session, sku)
    places: dict[str, int] = {}
    for quant in stock.quants:
        places[quant.location] = places.get(quant.location, 0) + quant.on_hand
    return places


def order_status(database: Database, order_id: int) -> str:
    with database.unit_of_work() as uow:
        return uow.session.get(PurchaseOrder, order_id).status.value
