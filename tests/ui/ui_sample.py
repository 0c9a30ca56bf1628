"""A small warehouse for the UI tests and the screenshots: users, SKUs with stock, orders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from station.db import Database
from station.db.models import Channel, Order, Product, Role, StockLevel, Tenant, Variant, Warehouse
from station.domain.orders import OrderState
from station.services.auth import LoggedInUser, create_user

ADMIN_PIN = "1234"
PACKER_PIN = "1111"
PACKER_BADGE = "JLS-BADGE-0042"


@dataclass(frozen=True)
class Sample:
    admin: LoggedInUser
    packer: LoggedInUser


def build_sample(database: Database) -> Sample:
    """Two users, two SKUs with stock, three orders (one from Mercado Libre, one direct)."""
    with database.unit_of_work() as uow:
        session = uow.session
        admin = create_user(session, "admin", "Ana Admin", Role.ADMIN, ADMIN_PIN)
        packer = create_user(session, "pedro", "Pedro Packer", Role.PACKER, PACKER_PIN, badge_code=PACKER_BADGE)
        tenant = Tenant(code="ACME", name="Acme SpA")
        warehouse = Warehouse(code="SCL1", name="Santiago 1")
        session.add_all([tenant, warehouse])
        session.flush()
        product = Product(tenant_id=tenant.id, code="P1", name="Polera")
        channel = Channel(tenant_id=tenant.id, code="MELI", name="Mercado Libre", plugin="mercadolibre")
        session.add_all([product, channel])
        session.flush()
        shirt = Variant(tenant_id=tenant.id, product_id=product.id, sku="POL-M-ROJ", name="Polera M roja")
        mug = Variant(tenant_id=tenant.id, product_id=product.id, sku="TAZ-01", name="Taza blanca")
        session.add_all([shirt, mug])
        session.flush()
        session.add_all(
            [
                StockLevel(
                    tenant_id=tenant.id, warehouse_id=warehouse.id, variant_id=shirt.id, on_hand=1250, reserved=250
                ),
                StockLevel(tenant_id=tenant.id, warehouse_id=warehouse.id, variant_id=mug.id, on_hand=3, reserved=5),
            ]
        )
        placed = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
        session.add_all(
            [
                Order(
                    tenant_id=tenant.id,
                    number="JLS-000101",
                    channel_id=channel.id,
                    external_id="2000001",
                    state=OrderState.PAID,
                    customer_name="Camila Rojas",
                    ship_comuna="Providencia",
                    total=9990,
                    placed_at=placed,
                ),
                Order(
                    tenant_id=tenant.id,
                    number="JLS-000102",
                    state=OrderState.PACKED,
                    customer_name="Jorge Muñoz",
                    ship_comuna="Ñuñoa",
                    total=1_234_500,
                    placed_at=placed,
                ),
                Order(
                    tenant_id=tenant.id,
                    number="JLS-000103",
                    channel_id=channel.id,
                    external_id="2000002",
                    state=OrderState.ON_HOLD,
                    customer_name="Valentina Soto",
                    ship_comuna="Viña del Mar",
                    total=45_000,
                    placed_at=placed,
                ),
            ]
        )
        result = Sample(
            LoggedInUser(admin.id, admin.login, admin.name, admin.role),
            LoggedInUser(packer.id, packer.login, packer.name, packer.role),
        )
        uow.commit()
    return result


def add_order(database: Database, number: str, total: int) -> None:
    """One more direct order for the first tenant."""
    with database.unit_of_work() as uow:
        tenant_id = uow.session.query(Tenant.id).order_by(Tenant.id).limit(1).scalar()
        uow.session.add(
            Order(
                tenant_id=tenant_id,
                number=number,
                state=OrderState.NEW,
                customer_name="Nuevo Cliente",
                ship_comuna="Maipú",
                total=total,
                placed_at=datetime.now(UTC),
            )
        )
        uow.commit()
