"""A small warehouse for tests: two bins, a packing bench, quarantine, two SKUs, one listed on a channel."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from station.db import Database
from station.db.models import (
    Channel,
    Listing,
    ListingStatus,
    Location,
    LocationKind,
    Product,
    Tenant,
    Variant,
    Warehouse,
)


@dataclass(frozen=True)
class World:
    """Ids of a small warehouse: two bins, a packing bench, two SKUs, one listed on a channel."""

    tenant_id: int
    warehouse_id: int
    bin_a: int
    bin_b: int
    bench: int
    quarantine: int
    shirt: int  # listed on the channel
    mug: int
    channel_id: int
    listing_id: int


def build_world(database: Database) -> World:
    with database.unit_of_work() as uow:
        session = uow.session
        tenant = Tenant(code="ACME", name="Acme SpA")
        warehouse = Warehouse(code="SCL1", name="Santiago 1")
        session.add_all([tenant, warehouse])
        session.flush()
        bins = [
            Location(warehouse_id=warehouse.id, code=code, kind=kind)
            for code, kind in (
                ("A-01-A", LocationKind.STORAGE),
                ("A-01-B", LocationKind.STORAGE),
                ("PACK-01", LocationKind.PACKING),
                ("QUA-01", LocationKind.QUARANTINE),
            )
        ]
        product = Product(tenant_id=tenant.id, code="P1", name="Polera")
        session.add_all([*bins, product])
        session.flush()
        shirt = Variant(tenant_id=tenant.id, product_id=product.id, sku="POL-M-ROJ", name="Polera M roja", weight_g=200)
        mug = Variant(tenant_id=tenant.id, product_id=product.id, sku="TAZ-01", name="Taza", weight_g=350)
        channel = Channel(tenant_id=tenant.id, code="MELI", name="Mercado Libre", plugin="mercadolibre")
        session.add_all([shirt, mug, channel])
        session.flush()
        listing = Listing(
            tenant_id=tenant.id, channel_id=channel.id, variant_id=shirt.id, external_id="MLC1", status=ListingStatus.ACTIVE
        )
        session.add(listing)
        session.flush()
        result = World(
            tenant.id, warehouse.id, bins[0].id, bins[1].id, bins[2].id, bins[3].id, shirt.id, mug.id, channel.id, listing.id
        )
        uow.commit()
    return result


def add_order(database: Database, world: World, lines: list[tuple[int, int]], *, state: str = "paid", number: str = "JLS-000001") -> int:
    """An order of `lines` ((variant id, quantity), …) shipping to Providencia; returns its id."""
    from station.db.models import Order, OrderLine  # noqa: PLC0415

    with database.unit_of_work() as uow:
        session = uow.session
        order = Order(
            tenant_id=world.tenant_id,
            number=number,
            channel_id=world.channel_id,
            external_id=f"MLC-{number}",
            state=state,
            customer_name="María José Pérez",
            customer_rut="12.345.678-5",
            email="mj@example.cl",
            phone="+56 9 1234 5678",
            ship_street="Av. Providencia",
            ship_number="1234",
            ship_comuna="Providencia",
            ship_region="Región Metropolitana",
            total=0,
        )
        session.add(order)
        session.flush()
        for variant_id, quantity in lines:
            variant = session.get(Variant, variant_id)
            session.add(
                OrderLine(
                    tenant_id=world.tenant_id,
                    order_id=order.id,
                    variant_id=variant_id,
                    sku=variant.sku,
                    title=variant.name,
                    quantity=quantity,
                    unit_price=9990,
                )
            )
            order.total += 9990 * quantity
        uow.commit()
        return order.id


def add_branch(session: Session) -> int:
    """A second warehouse, CCP "Bodega Concepción", with its dock DOCK-01 and one bin B-01-A; its id."""
    branch = Warehouse(code="CCP", name="Bodega Concepción")
    session.add(branch)
    session.flush()
    session.add_all(
        [
            Location(warehouse_id=branch.id, code="DOCK-01", kind=LocationKind.DOCK),
            Location(warehouse_id=branch.id, code="B-01-A", kind=LocationKind.STORAGE),
        ]
    )
    return branch.id
