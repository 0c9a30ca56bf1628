"""The demo dataset as a user of the demo would notice it: its size, valid Chilean data, stock that
adds up in the ledger, orders whose totals and reservations make sense, the same data for the same
seed on both databases, and an existing database never touched.

Seeding takes seconds, so each dialect is seeded once per module (and SQLite twice more, for the
determinism checks); the tests only read.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from station.db import Database

# fmt: off
from station.db.models import (
    Barcode,
    Channel,
    Listing,
    Location,
    LocationKind,
    Lot,
    Order,
    OrderLine,
    Payment,
    Product,
    PurchaseOrderLine,
    Reservation,
    ReservationStatus,
    Role,
    SerialNumber,
    Shipment,
    StockLevel,
    StockMove,
    StockQuant,
    Symbology,
    Tenant,
    Tracking,
    TrackingEvent,
    User,
    Variant,
    Warehouse,
)

# fmt: on
from station.domain.locations import parse_location
from station.domain.orders import OrderState
from station.domain.rut import is_valid_rut
from station.domain.stock import MoveKind
from station.services.auth import login_with_badge, login_with_pin
from station.services.demo import DEMO_USERS, DatabaseNotEmpty, DemoSummary, database_contents, seed_demo
from station.services.demo.people import REGIONES

S = OrderState
HOLDING_STATES = {S.ALLOCATED, S.PICKING, S.PICKED, S.PACKED}  # stock is reserved for these orders


def _seed_sqlite(
    tmp_path_factory: pytest.TempPathFactory, template: Path, seed: int, now: datetime | None = None
) -> tuple[Database, DemoSummary]:
    path = tmp_path_factory.mktemp(f"demo-seed-{seed}") / "station.db"
    shutil.copyfile(template, path)
    database = Database(f"sqlite:///{path}")
    return database, seed_demo(database, seed=seed, now=now)


@pytest.fixture(scope="module")
def sqlite_seed_1(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Iterator[tuple[Database, DemoSummary]]:
    database, summary = _seed_sqlite(tmp_path_factory, sqlite_template, 1)
    yield database, summary
    database.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeded(request: pytest.FixtureRequest) -> Iterator[tuple[Database, DemoSummary]]:
    """The demo with seed 1, on each dialect."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_seed_1")
        return
    database = Database(request.getfixturevalue("postgres_databases").create())
    messages: list[str] = []
    summary = seed_demo(database, seed=1, progress=messages.append)
    assert any("Stock:" in m for m in messages) and any("Orders:" in m for m in messages)
    yield database, summary
    database.dispose()


@pytest.fixture
def session(seeded: tuple[Database, DemoSummary]) -> Iterator[Session]:
    with seeded[0].unit_of_work() as uow:
        yield uow.session


def count(session: Session, model: type, *where: Any) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


# -- size and shape --------------------------------------------------------------------------------


def test_the_demo_has_the_promised_size_and_the_summary_tells_it(seeded, session: Session) -> None:
    summary = seeded[1]
    assert [t.name for t in session.scalars(select(Tenant).order_by(Tenant.id))] == list(summary.tenants)
    assert len(summary.tenants) == 2
    assert 1900 <= summary.bins == count(session, Location, Location.kind.in_(["storage", "pick_face"])) <= 2100
    assert 280 <= summary.products == count(session, Product) <= 320
    assert 1400 <= summary.skus == count(session, Variant) <= 1600
    assert 180 <= summary.orders == count(session, Order) <= 220
    assert summary.units_on_hand == session.scalar(select(func.sum(StockLevel.on_hand)))
    not_bins = select(Location.code, Location.kind).where(Location.kind.not_in(["storage", "pick_face"]))
    areas = {"DOCK-01": LocationKind.DOCK, "RET-01": LocationKind.RETURNS, "QUA-01": LocationKind.QUARANTINE}
    areas |= {"TRANSIT": LocationKind.TRANSIT}  # the branch CCP's, where its transfer in transit waits
    assert dict(session.execute(not_bins).all()) == areas | {f"PACK-0{n}": LocationKind.PACKING for n in range(1, 5)}
    states = set(session.scalars(select(Order.state).distinct()))
    assert states >= {S.NEW, S.PAID, S.ALLOCATED, S.PICKING, S.PACKED, S.SHIPPED, S.DELIVERED, S.ON_HOLD, S.CANCELLED}
    assert sum(summary.orders_by_state.values()) == summary.orders
    plugins = set(session.scalars(select(Channel.plugin)))
    assert plugins == {"mercadolibre", "falabella", "paris", "shopify"}
    listed = session.scalar(select(func.count(Listing.variant_id.distinct())))
    assert listed >= 0.6 * summary.skus
    assert set(session.scalars(select(Payment.gateway))) == {"manual", "webpay", "mercadopago"}


def test_demo_users_sign_in_with_the_documented_pins_and_badges(seeded, session: Session) -> None:
    assert {u.login: u.role for u in session.scalars(select(User))} == {u.login: u.role for u in seeded[1].logins}
    assert {u.role for u in DEMO_USERS} == {Role.ADMIN, Role.LEAD, Role.PACKER}
    for user in DEMO_USERS:
        assert login_with_pin(session, user.login, user.pin, station="bench-1").role is user.role
        assert login_with_badge(session, user.badge_code, station="bench-1").login == user.login


def test_bins_are_laid_out_as_aisles_on_the_map(session: Session) -> None:
    main = select(Warehouse.id).where(Warehouse.code == "SCL-1").scalar_subquery()  # each warehouse has its own map
    bins = session.scalars(
        select(Location).where(Location.kind.in_(["storage", "pick_face"]), Location.warehouse_id == main)
    ).all()
    codes = [parse_location(b.code) for b in bins]
    assert [c.code for c in codes] == [b.code for b in bins]  # all canonical A-01-B codes
    # No two bins overlap on the map (sweep along x).
    rects = sorted((b.x, b.y, b.width, b.height, b.code) for b in bins)
    for index, (x, y, w, h, code) in enumerate(rects):
        assert w > 0 and h > 0
        for x2, y2, _w2, h2, code2 in rects[index + 1 :]:
            if x2 >= x + w:
                break
            assert y2 >= y + h or y >= y2 + h2, f"{code} overlaps {code2}"
    by_code = {b.code: b for b in bins}
    # Racks stand side by side along an aisle; facing racks are across a walkway; aisles are apart.
    assert (
        by_code["A-03-A"].x == by_code["A-01-A"].x
        and by_code["A-03-A"].y == by_code["A-01-A"].y + by_code["A-01-A"].height
    )
    assert by_code["A-02-A"].x - (by_code["A-01-A"].x + by_code["A-01-A"].width) >= 200
    assert by_code["B-01-A"].x > by_code["A-02-F"].x
    # Pick faces are the low levels of the racks nearest the packing benches.
    faces = [b for b in bins if b.kind is LocationKind.PICK_FACE]
    assert faces and all(parse_location(b.code).level in "AB" for b in faces)
    assert max(b.y for b in faces) < min(b.y for b in bins if int(parse_location(b.code).rack) > 4)
    benches = session.scalars(
        select(Location).where(Location.kind == LocationKind.PACKING, Location.warehouse_id == main)
    ).all()
    assert max(b.y + b.height for b in benches) <= min(b.y for b in bins)


# -- valid Chilean data ------------------------------------------------------------------------------


def test_ruts_phones_emails_and_addresses_are_valid(session: Session) -> None:
    assert all(is_valid_rut(rut) for rut in session.scalars(select(Tenant.rut)))
    comunas = {region: set(names) for region, _, names in REGIONES}
    assert len(comunas) == 16
    orders = session.scalars(select(Order)).all()
    for order in orders:
        assert is_valid_rut(order.customer_rut or ""), order.customer_rut
        assert re.fullmatch(r"\+56 9 \d{4} \d{4}", order.phone), order.phone
        assert re.fullmatch(r"[a-z0-9.]+@[a-z.]+\.[a-z]+", order.email), order.email
        assert order.ship_comuna in comunas[order.ship_region], (order.ship_comuna, order.ship_region)
        assert order.ship_street and order.ship_number.isdigit()
        assert len(order.customer_name.split()) >= 3  # given name and both surnames
    assert len({o.ship_region for o in orders}) >= 8


def ean13_ok(code: str) -> bool:
    """GS1's rule, written out independently of the seeder: digits weighted 1,3,1,3… sum to a multiple of 10."""
    return (
        len(code) == 13 and code.isdigit() and sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(code)) % 10 == 0
    )


def test_every_sku_has_a_valid_chilean_ean13_and_some_a_code128_label(session: Session) -> None:
    rows = session.execute(
        select(Barcode.code, Barcode.symbology, Variant.sku).join(Variant, Variant.id == Barcode.variant_id)
    ).all()
    eans = [code for code, symbology, _ in rows if symbology is Symbology.EAN13]
    assert all(ean13_ok(code) and code.startswith("780") for code in eans)
    assert len(set(eans)) == len(eans) == count(session, Variant)
    internal = [(code, sku) for code, symbology, sku in rows if symbology is Symbology.CODE128]
    assert internal and all(code == sku for code, sku in internal)


def test_products_have_full_attribute_matrices_prices_weights_and_tracking(session: Session) -> None:
    products = session.scalars(select(Product)).all()
    variants = defaultdict(list)
    for variant in session.scalars(select(Variant)):
        variants[variant.product_id].append(variant)
    apparel = [p for p in products if p.category.startswith(("Vestuario", "Calzado"))]
    assert len(apparel) >= 80
    for product in products:
        axes = product.attribute_axes
        expected = {tuple(sorted(zip(axes, combo, strict=True))) for combo in itertools.product(*axes.values())}
        actual = {tuple(sorted(v.attributes.items())) for v in variants[product.id]}
        assert actual == expected and len(variants[product.id]) == len(expected), product.code
        for variant in variants[product.id]:
            assert variant.price > 0 and variant.price % 10 == 0 and variant.currency == "CLP"
            assert variant.weight_g > 0 and min(variant.length_mm, variant.width_mm, variant.height_mm) > 0
    assert all(set(p.attribute_axes) == {"size", "colour"} for p in apparel)
    tracking = Counter(p.tracking for p in products)
    assert tracking[Tracking.SERIAL] >= 40 and tracking[Tracking.LOT] >= 100
    assert all(p.shelf_life_days for p in products if p.tracking is Tracking.LOT)
    assert count(session, Lot, Lot.expires_on.is_(None)) == 0


# -- stock -------------------------------------------------------------------------------------------


def test_stock_levels_quants_and_the_ledger_agree_for_every_sku(session: Session) -> None:
    levels = {
        (warehouse_id, variant_id): on_hand
        for warehouse_id, variant_id, on_hand in session.execute(
            select(StockLevel.warehouse_id, StockLevel.variant_id, StockLevel.on_hand)
        )
    }
    sellable = {
        (warehouse_id, variant_id): units
        for warehouse_id, variant_id, units in session.execute(
            select(Location.warehouse_id, StockQuant.variant_id, func.sum(StockQuant.on_hand))
            .join(Location, Location.id == StockQuant.location_id)
            .where(Location.kind.not_in(["returns", "quarantine", "transit"]))
            .group_by(Location.warehouse_id, StockQuant.variant_id)
        )
    }
    quants = dict(
        session.execute(
            select(StockQuant.variant_id, func.sum(StockQuant.on_hand)).group_by(StockQuant.variant_id)
        ).all()
    )
    moved_in = _sum_moves(session, StockMove.from_location_id.is_(None))
    moved_out = _sum_moves(session, StockMove.to_location_id.is_(None))
    receipts = _sum_moves(session, StockMove.kind == MoveKind.RECEIPT)
    received = dict(
        session.execute(
            select(PurchaseOrderLine.variant_id, func.sum(PurchaseOrderLine.quantity_received)).group_by(
                PurchaseOrderLine.variant_id
            )
        ).all()
    )
    assert len({variant_id for _, variant_id in levels}) >= 0.9 * count(session, Variant)
    for key, on_hand in levels.items():  # a level counts the sellable units of its warehouse
        assert on_hand == sellable.get(key, 0), key
    for variant_id, units in quants.items():  # every unit anywhere (in transit too) came in and has not left
        assert units == moved_in[variant_id] - moved_out.get(variant_id, 0), variant_id
    assert receipts == moved_in == received  # every unit came in through a received purchase order
    kinds = {MoveKind.RECEIPT, MoveKind.PICK, MoveKind.SHIP, MoveKind.TRANSFER}  # transfer: to the branch CCP
    assert set(session.scalars(select(StockMove.kind).distinct())) == kinds


def _sum_moves(session: Session, *where: Any) -> dict[int, int]:
    return dict(
        session.execute(
            select(StockMove.variant_id, func.sum(StockMove.quantity)).where(*where).group_by(StockMove.variant_id)
        ).all()
    )


def test_lots_and_serial_numbers_account_for_the_units_they_track(session: Session) -> None:
    quants = session.execute(
        select(StockQuant.variant_id, StockQuant.location_id, StockQuant.lot_id, StockQuant.on_hand, Product.tracking)
        .join(Variant, Variant.id == StockQuant.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .where(StockQuant.on_hand > 0)
    ).all()
    serials = Counter(
        session.execute(
            select(SerialNumber.variant_id, SerialNumber.location_id).where(SerialNumber.location_id.is_not(None))
        ).all()
    )
    serial_quants = {(v, loc): qty for v, loc, _, qty, tracking in quants if tracking is Tracking.SERIAL}
    assert serial_quants and serials == Counter(serial_quants)  # one serial per unit, where the unit is
    assert all((lot is not None) == (tracking is Tracking.LOT) for _, _, lot, _, tracking in quants)
    shipped_serials = count(session, SerialNumber, SerialNumber.location_id.is_(None))
    shipped_units = session.scalar(
        select(func.coalesce(func.sum(StockMove.quantity), 0))
        .join(Variant, Variant.id == StockMove.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .where(StockMove.kind == MoveKind.SHIP, Product.tracking == Tracking.SERIAL)
    )
    assert shipped_serials == shipped_units


def test_reservations_belong_only_to_allocated_orders_and_never_oversell(session: Session) -> None:
    rows = session.execute(
        select(
            Order.state,
            Order.held_from,
            OrderLine.quantity,
            Reservation.quantity,
            Reservation.status,
            Reservation.expires_at,
        )
        .join(OrderLine, OrderLine.order_id == Order.id)
        .outerjoin(Reservation, Reservation.order_line_id == OrderLine.id)
    ).all()
    for state, held_from, line_qty, reserved_qty, status, expires_at in rows:
        holding = state in HOLDING_STATES or (state is S.ON_HOLD and held_from in HOLDING_STATES)
        if holding:  # every line holds exactly its quantity, with no expiry
            assert (status, reserved_qty, expires_at) == (ReservationStatus.ACTIVE, line_qty, None)
        elif state in (S.SHIPPED, S.DELIVERED):
            assert status is ReservationStatus.CONSUMED
        else:
            assert status in (None, ReservationStatus.RELEASED), (state, status)
    assert any(status is ReservationStatus.RELEASED for *_, status, _ in rows)  # cancelled after allocation
    active = dict(
        session.execute(
            select(Reservation.variant_id, func.sum(Reservation.quantity))
            .where(Reservation.status == ReservationStatus.ACTIVE)
            .group_by(Reservation.variant_id)
        ).all()
    )
    for variant_id, on_hand, reserved in session.execute(
        select(StockLevel.variant_id, StockLevel.on_hand, StockLevel.reserved)
    ):
        assert reserved == active.get(variant_id, 0) <= on_hand


# -- orders ------------------------------------------------------------------------------------------


def test_order_totals_add_up_and_numbers_are_unique(session: Session) -> None:
    orders = session.scalars(select(Order)).all()
    lines = defaultdict(list)
    for line in session.scalars(select(OrderLine)):
        lines[line.order_id].append(line)
    for order in orders:
        assert lines[order.id], order.number
        assert order.subtotal == sum(line.quantity * line.unit_price for line in lines[order.id])
        assert order.total == order.subtotal + order.shipping - order.discount > 0
        assert all(isinstance(v, int) for v in (order.subtotal, order.shipping, order.discount, order.total))
        assert order.service_level in ("standard", "express")
        assert (order.state is S.ON_HOLD) == bool(order.hold_reason) == (order.held_from is not None)
    assert all(re.fullmatch(r"JLS-\d{6}", o.number) for o in orders)
    assert len({o.number for o in orders}) == len(orders)
    assert len({(o.channel_id, o.external_id) for o in orders if o.external_id}) == len(orders)
    assert any(o.discount for o in orders) and any(o.shipping == 0 for o in orders)


def test_payments_shipments_and_packing_match_each_order_state(session: Session) -> None:
    payments = {p.order_id: p for p in session.scalars(select(Payment))}
    shipments = {s.order_id: s for s in session.scalars(select(Shipment))}
    events = defaultdict(list)
    for event in session.scalars(select(TrackingEvent).order_by(TrackingEvent.at)):
        events[event.shipment_id].append(event.status)
    lines = defaultdict(list)
    for line in session.scalars(select(OrderLine)):
        lines[line.order_id].append(line)
    for order in session.scalars(select(Order)):
        reached = order.held_from or order.state
        if reached is S.NEW:
            assert order.id not in payments
        elif reached is not S.CANCELLED:
            assert payments[order.id].amount == order.total and payments[order.id].status.value == "paid"
        packed = reached in (S.PACKED, S.SHIPPED, S.DELIVERED)
        assert all((line.packed_qty == line.quantity) == packed for line in lines[order.id]), order.number
        if order.state in (S.SHIPPED, S.DELIVERED):
            shipment = shipments[order.id]
            assert shipment.tracking_number and shipment.status.value == order.state.value
            assert (events[shipment.id][-1] == "delivered") == (order.state is S.DELIVERED)
        else:
            assert order.id not in shipments


# -- determinism and refusals ------------------------------------------------------------------------


def digest(database: Database) -> str:
    """A fingerprint of what a user sees, by natural keys (never ids), sorted in Python (collations differ)."""
    moved = aliased(Location)
    # fmt: off
    queries = [
        select(Tenant.code, Tenant.name, Tenant.rut, Tenant.created_at),
        select(User.login, User.name, User.role, User.badge_code),
        select(Location.code, Location.kind, Location.x, Location.y, Location.width, Location.height,
               Location.capacity),
        select(Product.code, Product.name, Product.brand, Product.tracking, Product.attribute_axes),
        select(Variant.sku, Variant.name, Variant.attributes, Variant.weight_g, Variant.length_mm, Variant.price),
        select(Barcode.code, Barcode.symbology, Variant.sku).join(Variant, Variant.id == Barcode.variant_id),
        select(Variant.sku, Lot.code, Lot.expires_on).join(Variant, Variant.id == Lot.variant_id),
        select(Variant.sku, SerialNumber.serial, moved.code)
        .join(Variant, Variant.id == SerialNumber.variant_id).outerjoin(moved, moved.id == SerialNumber.location_id),
        select(Variant.sku, Location.code, Lot.code, StockQuant.on_hand)
        .join(Variant, Variant.id == StockQuant.variant_id).join(Location, Location.id == StockQuant.location_id)
        .outerjoin(Lot, Lot.id == StockQuant.lot_id),
        select(Variant.sku, StockLevel.on_hand, StockLevel.reserved).join(Variant, Variant.id == StockLevel.variant_id),
        select(Order.number, Order.external_id, Order.state, Order.held_from, Order.hold_reason, Order.customer_name,
               Order.customer_rut, Order.email, Order.phone, Order.ship_street, Order.ship_number, Order.ship_comuna,
               Order.ship_region, Order.service_level, Order.total, Order.placed_at, Order.updated_at),
        select(Order.number, OrderLine.sku, OrderLine.quantity, OrderLine.unit_price, OrderLine.picked_qty)
        .select_from(OrderLine).join(Order, Order.id == OrderLine.order_id),
        select(OrderLine.sku, Reservation.quantity, Reservation.status)
        .join(OrderLine, OrderLine.id == Reservation.order_line_id),
        select(Payment.gateway, Payment.external_id, Payment.amount, Payment.status, Payment.idempotency_key),
        select(Shipment.carrier, Shipment.tracking_number, Shipment.status, Shipment.shipped_at),
        select(Channel.code, Channel.settings, Variant.sku, Listing.external_id, Listing.external_variant_id,
               Listing.status, Listing.last_pushed_qty)
        .select_from(Listing).join(Channel, Channel.id == Listing.channel_id)
        .join(Variant, Variant.id == Listing.variant_id),
    ]
    # fmt: on
    hasher = hashlib.sha256()
    with database.unit_of_work() as uow:
        for query in queries:
            rows = sorted(json.dumps(list(row), default=str, sort_keys=True) for row in uow.session.execute(query))
            hasher.update("\n".join(rows).encode())
    return hasher.hexdigest()


@pytest.fixture(scope="module")
def reference_digest(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> str:
    """Seed 1 once more, into another SQLite database."""
    database, _ = _seed_sqlite(tmp_path_factory, sqlite_template, 1)
    try:
        return digest(database)
    finally:
        database.dispose()


def test_the_same_seed_gives_the_same_data_on_either_database(seeded, reference_digest: str) -> None:
    assert digest(seeded[0]) == reference_digest


def test_another_seed_gives_other_data_of_the_same_size_and_now_anchors_it_in_time(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path, sqlite_seed_1, reference_digest: str
) -> None:
    now = datetime(2031, 1, 15, 18, 30, tzinfo=UTC)
    database, summary = _seed_sqlite(tmp_path_factory, sqlite_template, 2, now)
    try:
        assert digest(database) != reference_digest
        first_20 = select(Order.customer_name).order_by(Order.number).limit(20)
        with database.unit_of_work() as uow, sqlite_seed_1[0].unit_of_work() as reference:
            assert set(uow.session.scalars(first_20)) != set(reference.session.scalars(first_20))
            placed = uow.session.scalars(select(Order.placed_at)).all()
            expiries = uow.session.scalars(select(Lot.expires_on)).all()
        assert (summary.bins, summary.orders) == (sqlite_seed_1[1].bins, sqlite_seed_1[1].orders)
        assert 1400 <= summary.skus <= 1600
        # Everything happened in the month before `now`; some food expires in the next two weeks.
        assert summary.now == now and now - timedelta(days=31) < min(placed) <= max(placed) <= now
        assert any(now.date() < expiry <= now.date() + timedelta(days=14) for expiry in expiries)
    finally:
        database.dispose()


def test_seeding_an_already_seeded_database_is_refused_and_changes_nothing(seeded) -> None:
    database, summary = seeded
    assert database_contents(database) == "demo"
    before = digest(database)
    with pytest.raises(
        DatabaseNotEmpty,
        match=r"already holds 2 client\(s\) \(MODA-ANDINA, SABORES-SUR\).*only seeds an empty database",
    ):
        seed_demo(database, seed=5)
    assert digest(database) == before


def test_a_database_with_other_clients_is_never_seeded(database: Database) -> None:
    assert database_contents(database) == "empty"
    with database.unit_of_work() as uow:
        uow.session.add(Tenant(code="ACME", name="Acme SpA"))
        uow.commit()
    assert database_contents(database) == "other"
    with pytest.raises(DatabaseNotEmpty, match="ACME"):
        seed_demo(database)
    with database.unit_of_work() as uow:
        assert count(uow.session, Tenant) == 1 and count(uow.session, Location) == 0 and count(uow.session, User) == 0
