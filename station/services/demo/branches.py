"""A second, small warehouse for the demo — Bodega Concepción (CCP) in the Biobío region — and stock
sent to it from SCL-1 through the real transfer service: one transfer already received and put away,
one still on the road (its units in CCP's transit location, not for sale).

It draws from its own random source (seed + 2000), after everything else is seeded, so the rest of
the demo data is the same with or without it. Only SKUs that no order holds, and that are not
serial-tracked, are sent, so every reservation stays where its order is.
"""

from __future__ import annotations

import random

from sqlalchemy import select

from station.db.models import (
    Location,
    LocationKind,
    Product,
    StockLevel,
    StockQuant,
    Tenant,
    Tracking,
    User,
    Variant,
    Warehouse,
)
from station.domain.locations import format_location
from station.services.bin_moves import move_stock
from station.services.demo.context import DEMO_ACTOR, DemoContext
from station.services.demo.tenancy import FOOD
from station.services.demo.warehouse import WAREHOUSE_CODE
from station.services.layout import layout_from_locations
from station.services.stock import Actor
from station.services.transfers import create_transfer, dispatch, receive

BRANCH_CODE = "CCP"
BRANCH_AISLES = "AB"
BRANCH_RACKS = 5
BRANCH_LEVELS = "ABCD"  # 2 aisles × 5 racks × 4 levels = 40 bins
BAY, DEPTH, WALKWAY, FRONT = 120, 108, 300, 600
TRANSFER_SEED_OFFSET = 2000
LINES_PER_TRANSFER = 4


def seed_branches(ctx: DemoContext, seed: int) -> None:
    """Warehouse CCP with its bins, one received and one in-transit transfer from SCL-1 (the food client's goods)."""
    rng = random.Random(seed + TRANSFER_SEED_OFFSET)
    session = ctx.session
    branch = Warehouse(
        code=BRANCH_CODE,
        name="Bodega Concepción",
        street="Avenida Los Carrera 1850",
        comuna="Concepción",
        region="Biobío",
        created_at=ctx.ago(days=120),
    )
    session.add(branch)
    session.flush()
    bins = [
        _bin(branch.id, a, rack, level)
        for a in range(len(BRANCH_AISLES))
        for rack in range(1, BRANCH_RACKS + 1)
        for level in range(len(BRANCH_LEVELS))
    ]
    dock = Location(warehouse_id=branch.id, code="DOCK-01", kind=LocationKind.DOCK, x=100, y=0, width=600, height=400)
    session.add_all([*bins, dock])
    walked, _ = layout_from_locations([*bins, dock], aisle_width=WALKWAY, rack_depth=DEPTH)
    branch.layout = walked.to_json()
    session.flush()

    lead_id = session.scalar(select(User.id).where(User.login == "lead"))
    actor = Actor(station=DEMO_ACTOR.station, user_id=lead_id)
    # Both carry the food client's goods (a transfer carries one client's), numbered TR-000001 and 2.
    picked = _pick(rng, _candidates(ctx, FOOD))
    arrived, on_the_road = picked[:LINES_PER_TRANSFER], picked[LINES_PER_TRANSFER:]

    def lines(chosen: list[tuple[str, str, int]]) -> list[tuple[str, int, str]]:
        return [(sku, max(1, min(held // 3, rng.randint(2, 12))), bin_code) for sku, bin_code, held in chosen]

    first = create_transfer(
        session, WAREHOUSE_CODE, BRANCH_CODE, lines(arrived), actor, note="Reposición Biobío", now=ctx.ago(days=9)
    )
    dispatch(session, first.number, actor, now=ctx.ago(days=8, hours=20))
    received = receive(session, first.number, actor, now=ctx.ago(days=7, hours=2))
    shelves = iter(bins)
    for line in received.lines:  # put away from the dock, each SKU on a shelf of its own
        move_stock(
            session, line.sku, "DOCK-01", next(shelves).code, line.quantity, actor, lot=line.lot, warehouse=BRANCH_CODE
        )
    second = create_transfer(
        session,
        WAREHOUSE_CODE,
        BRANCH_CODE,
        lines(on_the_road),
        actor,
        note="Temporada otoño",
        now=ctx.ago(days=1, hours=6),
    )
    dispatch(session, second.number, actor, now=ctx.ago(hours=20))
    ctx.progress(
        f"Warehouse {BRANCH_CODE}: {len(bins)} bins; transfers {first.number} received, {second.number} in transit"
    )


def _bin(warehouse_id: int, aisle_index: int, rack: int, level_index: int) -> Location:
    """Racks on both sides of each aisle's walkway, like SCL-1's, levels drawn as strips."""
    strip = DEPTH // len(BRANCH_LEVELS)
    left = 100 + aisle_index * (2 * DEPTH + WALKWAY + 20)
    x = left + DEPTH - (level_index + 1) * strip if rack % 2 else left + DEPTH + WALKWAY + level_index * strip
    return Location(
        warehouse_id=warehouse_id,
        code=format_location({"aisle": BRANCH_AISLES[aisle_index], "rack": rack, "level": BRANCH_LEVELS[level_index]}),
        kind=LocationKind.STORAGE,
        x=x,
        y=FRONT + ((rack - 1) // 2) * BAY,
        width=strip,
        height=BAY,
        capacity=120,
        aisle=BRANCH_AISLES[aisle_index],
        level=BRANCH_LEVELS[level_index],
    )


def _pick(rng: random.Random, candidates: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    return rng.sample(candidates, min(2 * LINES_PER_TRANSFER, len(candidates)))


def _candidates(ctx: DemoContext, tenant: str) -> list[tuple[str, str, int]]:
    """(SKU, bin, units) of a client in SCL-1's shelves with 6 units or more of a SKU no order holds, not serial-tracked."""
    rows = ctx.session.execute(
        select(Variant.sku, Location.code, StockQuant.on_hand)
        .join(Variant, Variant.id == StockQuant.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .join(Tenant, Tenant.id == Variant.tenant_id)
        .join(Location, Location.id == StockQuant.location_id)
        .join(Warehouse, Warehouse.id == Location.warehouse_id)
        .join(StockLevel, (StockLevel.variant_id == Variant.id) & (StockLevel.warehouse_id == Warehouse.id))
        .where(
            Tenant.code == tenant,
            Warehouse.code == WAREHOUSE_CODE,
            Location.kind == LocationKind.STORAGE,
            StockQuant.on_hand >= 6,
            StockLevel.reserved == 0,
            Product.tracking != Tracking.SERIAL,
        )
        .order_by(Variant.sku, Location.code, StockQuant.id)
    ).all()
    seen: set[str] = set()
    unique = []
    for sku, code, held in rows:  # one bin per SKU, so a transfer line never competes with another
        if sku not in seen:
            seen.add(sku)
            unique.append((sku, code, held))
    return unique
