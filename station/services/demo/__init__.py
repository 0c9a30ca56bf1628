"""The demo dataset: a realistic, deterministic Chilean 3PL warehouse in one call.

    summary = seed_demo(database, seed=1, progress=print)

fills an empty, migrated database with two clients, the SCL-1 warehouse (~2,000 bins) and a
Concepción branch (CCP, 40 bins, with transfers from SCL-1, one in transit), open purchase orders, ~300
products / ~1,500 SKUs with stock received through the stock ledger, staff with demo PINs, four
sales channels with listings and ~200 orders in every state. The same seed always gives the same
data (every timestamp, the stock ledger's included, is relative to a base date drawn from the seed,
not to the wall clock).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db import Database
from station.db.models import (
    Barcode,
    Channel,
    Listing,
    Location,
    LocationKind,
    Lot,
    Order,
    Payment,
    Product,
    Reservation,
    ReservationStatus,
    Role,
    SerialNumber,
    Shipment,
    StockLevel,
    Tenant,
    User,
    Variant,
    Warehouse,
)
from station.services.demo.branches import seed_branches
from station.services.demo.catalog import Sku, build_catalog
from station.services.demo.channels import ChannelPlan, create_listings, plan_channels
from station.services.demo.context import DemoContext, base_time_for
from station.services.demo.fulfilment import Fulfiller
from station.services.demo.inventory import StockBook, stock_warehouse
from station.services.demo.orders import FIRST_NUMBER, build_order, external_order_id, plan_orders
from station.services.demo.paperwork import Paperwork
from station.services.demo.purchasing import create_open_purchase_orders
from station.services.demo.tenancy import (
    DEMO_LOGINS,
    DEMO_TENANT_CODES,
    DEMO_USERS,
    DemoLogin,
    create_staff,
    create_tenants,
)
from station.services.demo.warehouse import WAREHOUSE_CODE, WarehouseLayout, build_warehouse

__all__ = [
    "DEMO_LOGINS",
    "DEMO_TENANT_CODES",
    "DEMO_USERS",
    "DatabaseNotEmpty",
    "DemoLogin",
    "DemoSummary",
    "database_contents",
    "seed_demo",
]


class DatabaseNotEmpty(RuntimeError):
    """The demo only seeds an empty database; the message says what is already there."""


@dataclass(frozen=True)
class DemoSummary:
    """What `seed_demo` created, and the demo logins (PINs in clear, for the login screen's hint)."""

    seed: int
    now: datetime  # the demo's "now": every order, lot and shipment date is relative to it
    warehouse_code: str
    tenants: tuple[str, ...]  # names
    locations: int  # every location: bins plus dock, benches, returns, quarantine
    bins: int  # storage and pick-face bins
    warehouse_bins: tuple[tuple[str, int], ...]  # (warehouse code, its bins), main warehouse first
    products: int
    skus: int
    barcodes: int
    lots: int
    serial_numbers: int  # serial-tracked units still in the warehouse
    units_on_hand: int
    channels: int
    listings: int
    orders: int
    orders_by_state: Mapping[str, int]
    active_reservations: int
    payments: int
    shipments: int
    logins: tuple[DemoLogin, ...]  # every demo user, PIN and badge included

    def lines(self) -> list[str]:
        """A short human summary, as `station demo` prints it."""
        states = ", ".join(f"{state} {count}" for state, count in self.orders_by_state.items())
        return [
            f"Clients: {', '.join(self.tenants)}",
            "Warehouses: "
            + ", ".join(f"{code} {bins:,} bins" for code, bins in self.warehouse_bins)
            + f" ({self.locations:,} locations)",
            f"Catalogue: {self.products} products, {self.skus:,} SKUs, {self.barcodes:,} barcodes, "
            f"{self.lots} lots, {self.serial_numbers:,} serial numbers",
            f"Stock: {self.units_on_hand:,} units on hand, {self.active_reservations} active reservations",
            f"Channels: {self.channels} with {self.listings:,} listings",
            f"Orders: {self.orders} ({states}); {self.payments} payments, {self.shipments} shipments",
            "Logins (user / PIN / badge): "
            + "; ".join(f"{login.login} / {login.pin} / {login.badge_code}" for login in self.logins),
        ]


def database_contents(database: Database) -> Literal["empty", "demo", "other"]:
    """Whether the database holds no clients, the demo's clients, or someone else's data."""
    with database.unit_of_work() as uow:
        codes = set(uow.session.scalars(select(Tenant.code)))
    if not codes:
        return "empty"
    return "demo" if codes <= set(DEMO_TENANT_CODES) else "other"


def seed_demo(
    database: Database,
    *,
    seed: int = 1,
    progress: Callable[[str], None] | None = None,
    now: datetime | None = None,
) -> DemoSummary:
    """Fill an empty, migrated database with the demo data, in one transaction.

    Every timestamp is relative to the demo's "now": by default a moment in 2025 drawn from the seed,
    so the data never depends on the clock. Pass `now` (timezone-aware) to have the same data
    happen just before that moment instead, e.g. today, so no lot looks long expired.
    Raises DatabaseNotEmpty (changing nothing) if the database already has tenants.
    """
    if now is not None and now.tzinfo is None:
        raise ValueError(f"now={now!r} has no time zone; pass an aware datetime such as datetime.now(UTC)")
    report = progress or (lambda _message: None)
    with database.unit_of_work() as uow:
        session = uow.session
        existing = list(session.scalars(select(Tenant.code).order_by(Tenant.code)))
        if existing:
            raise DatabaseNotEmpty(
                f"{database.info.label} already holds {len(existing)} client(s) ({', '.join(existing)}); "
                "the demo only seeds an empty database"
            )
        rng = random.Random(seed)
        base = base_time_for(rng)  # drawn even when `now` is given, so the rest of the data is the same
        demo_now = base if now is None else now.astimezone(UTC).replace(microsecond=0)
        ctx = DemoContext(session, rng, demo_now, report)
        tenants = create_tenants(ctx)
        users = create_staff(ctx)
        layout = build_warehouse(ctx)
        skus = build_catalog(ctx, tenants)
        book = stock_warehouse(ctx, layout, skus)
        channels = plan_channels(ctx, tenants, skus)
        _create_orders(ctx, channels, book, layout, [u for u in users.values() if u.role is Role.PACKER], skus)
        create_listings(ctx, channels, book)
        seed_branches(ctx, seed)  # warehouse CCP and transfers to it, from its own random source
        create_open_purchase_orders(ctx, layout, skus, seed)
        summary = _summarise(session, seed, demo_now)
        report("Saving")
        uow.commit()
    report("Demo data ready")
    return summary


def _create_orders(
    ctx: DemoContext,
    channels: list[ChannelPlan],
    book: StockBook,
    layout: WarehouseLayout,
    packers: list[User],
    skus: list[Sku],
) -> None:
    plans = plan_orders(ctx, channels)
    fulfiller = Fulfiller(ctx, book, layout, packers)
    sizes = {
        s.variant.id: (s.variant.weight_g, s.variant.length_mm * s.variant.width_mm * s.variant.height_mm) for s in skus
    }
    paperwork = Paperwork(ctx, sizes)
    external_ids: set[tuple[int, str]] = set()
    for index, plan in enumerate(plans):
        external_id = external_order_id(plan.channel.spec.plugin, ctx.rng)
        while (id(plan.channel), external_id) in external_ids:
            external_id = external_order_id(plan.channel.spec.plugin, ctx.rng)
        external_ids.add((id(plan.channel), external_id))
        order = build_order(ctx, plan, FIRST_NUMBER + index, external_id, book)
        ctx.session.add(order)
        ctx.session.flush()
        fulfiller.apply(order, plan)
        paperwork.record_payment(order, plan)
        paperwork.plan_shipment(order, plan)
        if (index + 1) % 50 == 0:
            ctx.progress(f"Orders: {index + 1} of {len(plans)}")
    paperwork.write_shipments()
    ctx.progress(f"Orders: {len(plans)}, {paperwork.payments} payments, {len(paperwork.shipments)} shipments")


def _count(session: Session, model: type, *where: object) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


def _summarise(session: Session, seed: int, demo_now: datetime) -> DemoSummary:
    session.flush()
    by_state = dict(session.execute(select(Order.state, func.count()).group_by(Order.state)).all())
    order_states = {state.value: count for state, count in sorted(by_state.items(), key=lambda item: item[0].value)}
    return DemoSummary(
        seed=seed,
        now=demo_now,
        warehouse_code=WAREHOUSE_CODE,
        tenants=tuple(session.scalars(select(Tenant.name).order_by(Tenant.id))),
        locations=_count(session, Location),
        bins=_count(session, Location, Location.kind.in_((LocationKind.STORAGE, LocationKind.PICK_FACE))),
        warehouse_bins=tuple(
            (code, int(bins))
            for code, bins in session.execute(
                select(Warehouse.code, func.count(Location.id))
                .join(Location, Location.warehouse_id == Warehouse.id)
                .where(Location.kind.in_((LocationKind.STORAGE, LocationKind.PICK_FACE)))
                .group_by(Warehouse.id, Warehouse.code)
                .order_by(Warehouse.id)
            )
        ),
        products=_count(session, Product),
        skus=_count(session, Variant),
        barcodes=_count(session, Barcode),
        lots=_count(session, Lot),
        serial_numbers=_count(session, SerialNumber, SerialNumber.location_id.is_not(None)),
        units_on_hand=int(session.scalar(select(func.coalesce(func.sum(StockLevel.on_hand), 0))) or 0),
        channels=_count(session, Channel),
        listings=_count(session, Listing),
        orders=sum(order_states.values()),
        orders_by_state=order_states,
        active_reservations=_count(session, Reservation, Reservation.status == ReservationStatus.ACTIVE),
        payments=_count(session, Payment),
        shipments=_count(session, Shipment),
        logins=DEMO_USERS,
    )
