"""Slotting: ABC of SKUs by picks, suggestions that bring a fast mover closer to the pack station,
accepted suggestions as move tasks done by scanning, rejections, no duplicates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from station.db import Database
from station.db.models import (
    Location,
    LocationKind,
    MoveTask,
    Product,
    SlottingSuggestion,
    StockQuant,
    SuggestionStatus,
    TaskStatus,
    Tenant,
    Variant,
    Warehouse,
)
from station.domain.layout import Aisle, Layout, Place, Point
from station.domain.stock import MoveKind
from station.services import slotting
from station.services.stock import Actor, StockLedger

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
LAYOUT = Layout(
    aisles=(Aisle("A", 500), Aisle("B", 1000)),
    cross_aisles=(1000, 3000),
    places=(Place("PACK-01", "packing", 500, 500),),
)
ACTOR = Actor("test-station")


@dataclass(frozen=True)
class Floor:
    warehouse_id: int
    bins: dict[str, int]
    skus: dict[str, int]


# code, kind, y, capacity
BINS = (
    ("A-01-A", LocationKind.STORAGE, 1000, 100),  # nearest, empty: where the fast mover should go
    ("A-02-A", LocationKind.STORAGE, 1100, 5),  # near but too small for 20 units
    ("A-06-A", LocationKind.STORAGE, 1500, 100),  # the slow mover lives here
    ("A-20-A", LocationKind.STORAGE, 2800, 100),  # far: the fast mover lives here
    ("B-10-A", LocationKind.STORAGE, 2000, 100),  # the medium mover
)


def build_floor(database: Database) -> Floor:
    """A warehouse with a two-aisle layout and 30 days of picks: POL-FAST once a day from the far bin
    (A), TAZ-MED 5 times (B), GOR-SLOW once (C)."""
    with database.unit_of_work() as uow:
        session = uow.session
        tenant, warehouse = (
            Tenant(code="ACME", name="Acme"),
            Warehouse(code="SCL1", name="Santiago", layout=LAYOUT.to_json()),
        )
        session.add_all([tenant, warehouse])
        session.flush()
        locations = {
            code: Location(warehouse_id=warehouse.id, code=code, kind=kind, x=400, y=y, width=18, height=100,
                           capacity=capacity, aisle=code[0], level="A")
            for code, kind, y, capacity in BINS
        }  # fmt: skip
        locations["PACK-01"] = Location(
            warehouse_id=warehouse.id, code="PACK-01", kind=LocationKind.PACKING, x=450, y=450
        )
        product = Product(tenant_id=tenant.id, code="P1", name="Varios")
        session.add_all([*locations.values(), product])
        session.flush()
        variants = {
            sku: Variant(tenant_id=tenant.id, product_id=product.id, sku=sku, name=sku.title())
            for sku in ("POL-FAST", "TAZ-MED", "GOR-SLOW")
        }
        session.add_all(variants.values())
        session.flush()
        ids = {code: location.id for code, location in locations.items()}
        skus = {sku: variant.id for sku, variant in variants.items()}
        stock = {"POL-FAST": ("A-20-A", 50), "TAZ-MED": ("B-10-A", 30), "GOR-SLOW": ("A-06-A", 10)}
        StockLedger(session, ACTOR, clock=lambda: NOW - timedelta(days=40)).receive(skus["POL-FAST"], ids["A-20-A"], 50)
        for sku, (code, units) in stock.items():
            if sku != "POL-FAST":
                StockLedger(session, ACTOR, clock=lambda: NOW - timedelta(days=40)).receive(skus[sku], ids[code], units)
        picks = {"POL-FAST": 30, "TAZ-MED": 5, "GOR-SLOW": 1}
        for sku, count in picks.items():
            for day in range(count):
                at = NOW - timedelta(days=day, hours=1)
                StockLedger(session, ACTOR, clock=lambda at=at: at).move(
                    skus[sku], ids[stock[sku][0]], ids["PACK-01"], 1, kind=MoveKind.PICK, reference=f"JLS-{sku}-{day}"
                )
        # Two rows of one order from one bin are one visit; a pick older than the window does not count.
        StockLedger(session, ACTOR, clock=lambda: NOW - timedelta(hours=2)).move(
            skus["TAZ-MED"], ids["B-10-A"], ids["PACK-01"], 1, kind=MoveKind.PICK, reference="JLS-TAZ-MED-0"
        )
        StockLedger(session, ACTOR, clock=lambda: NOW - timedelta(days=35)).move(
            skus["GOR-SLOW"], ids["A-06-A"], ids["PACK-01"], 1, kind=MoveKind.PICK, reference="OLD"
        )
        uow.commit()
    return Floor(warehouse.id, ids, skus)


def round_trip(code: str, y: int) -> int:
    return 2 * LAYOUT.distance(Point(500, 500), Point(500 if code[0] == "A" else 1000, y + 50, code[0]))


def test_abc_of_skus_from_the_pick_history(database: Database) -> None:
    floor = build_floor(database)
    with database.unit_of_work() as uow:
        rows = slotting.classify_skus(uow.session, floor.warehouse_id, days=30, now=NOW)
    assert [(r.sku, r.picks, r.units, r.abc_class) for r in rows] == [
        ("POL-FAST", 30, 30, "A"),
        ("TAZ-MED", 5, 6, "B"),  # 30/36 of the picks before it: past 80 %
        ("GOR-SLOW", 1, 1, "C"),  # 35/36 before it: past 95 %
    ]
    assert rows[0].picks_per_day == pytest.approx(1.0)


def test_a_fast_mover_far_away_gets_a_nearer_empty_bin_with_the_metres_saved(database: Database) -> None:
    floor = build_floor(database)
    with database.unit_of_work() as uow:
        made = slotting.suggest(uow.session, floor.warehouse_id, days=30, now=NOW)
        uow.commit()
    assert len(made) == 1
    row = made[0]
    # A-02-A is nearer but holds only 5; A-01-A is empty and holds 100.
    expected = round(1.0 * (round_trip("A-20-A", 2800) - round_trip("A-01-A", 1000)))
    assert expected == 2 * (2350 - 550)  # by hand: 500 to the front cross-aisle, then along aisle A
    assert (row.sku, row.abc_class, row.from_bin, row.to_bin, row.saved_cm_per_day) == (
        "POL-FAST", "A", "A-20-A", "A-01-A", expected,
    )  # fmt: skip
    assert row.from_xy == (409, 2850) and row.to_xy == (409, 1050)
    with database.unit_of_work() as uow:
        again = slotting.suggest(uow.session, floor.warehouse_id, days=30, now=NOW)
        uow.commit()
        stored = uow.session.scalars(select(SlottingSuggestion)).all()
    assert again == [] and len(stored) == 1  # the open one is not duplicated


def test_accept_makes_a_move_task_done_by_scanning_the_two_bins(database: Database) -> None:
    floor = build_floor(database)
    with database.unit_of_work() as uow:
        (row,) = slotting.suggest(uow.session, floor.warehouse_id, days=30, now=NOW)
        uow.commit()
    with database.unit_of_work() as uow:
        (task,) = slotting.accept(uow.session, row.id, ACTOR)
        uow.commit()
    assert (task.sku, task.quantity, task.from_bin, task.to_bin, task.reason) == (
        "POL-FAST",
        20,
        "A-20-A",
        "A-01-A",
        "slotting",
    )
    with database.unit_of_work() as uow:
        assert uow.session.get(SlottingSuggestion, row.id).status is SuggestionStatus.ACCEPTED
        assert [t.id for t in slotting.open_tasks(uow.session, floor.warehouse_id)] == [task.id]
        with pytest.raises(slotting.SlottingError, match=f"Slotting suggestion #{row.id} was already accepted"):
            slotting.accept(uow.session, row.id, ACTOR)
        with pytest.raises(slotting.SlottingError, match=f"Scanned A-02-A, but move task #{task.id} moves to A-01-A"):
            slotting.do_task(uow.session, task.id, "a-20-a", "A-02-A", ACTOR)
    with database.unit_of_work() as uow:
        done = slotting.do_task(uow.session, task.id, "a-20-a", "A-01-A", ACTOR)
        uow.commit()
    assert done.status == "done"
    with database.unit_of_work() as uow:
        held = dict(uow.session.execute(select(StockQuant.location_id, StockQuant.on_hand).where(
            StockQuant.variant_id == floor.skus["POL-FAST"])).all())  # fmt: skip
        assert held[floor.bins["A-01-A"]] == 20 and held[floor.bins["A-20-A"]] == 0
        assert uow.session.get(MoveTask, task.id).status is TaskStatus.DONE
        assert slotting.open_tasks(uow.session, floor.warehouse_id) == []
        with pytest.raises(slotting.SlottingError, match=f"Move task #{task.id} is already done"):
            slotting.do_task(uow.session, task.id, "A-20-A", "A-01-A", ACTOR)
        with pytest.raises(slotting.SlottingError, match="No move task #999"):
            slotting.do_task(uow.session, 999, "A-20-A", "A-01-A", ACTOR)


def test_reject_and_a_swap_with_a_slow_mover_when_no_bin_nearer_is_free(database: Database) -> None:
    floor = build_floor(database)
    with database.unit_of_work() as uow:
        (row,) = slotting.suggest(uow.session, floor.warehouse_id, days=30, now=NOW)
        rejected = slotting.reject(uow.session, row.id, ACTOR)
        uow.commit()
    assert rejected.status == "rejected"
    with database.unit_of_work() as uow:
        with pytest.raises(slotting.SlottingError, match="No slotting suggestion #999"):
            slotting.reject(uow.session, 999, ACTOR)
        uow.session.get(Location, floor.bins["A-01-A"]).active = False  # the empty bin is gone
        uow.commit()
    with database.unit_of_work() as uow:
        (swap,) = slotting.suggest(uow.session, floor.warehouse_id, days=30, now=NOW)
        uow.commit()
    gain = 1.0 * (round_trip("A-20-A", 2800) - round_trip("A-06-A", 1500))
    cost = (1 / 30) * (round_trip("A-20-A", 2800) - round_trip("A-06-A", 1500))
    assert (swap.to_bin, swap.swap_sku, swap.saved_cm_per_day) == ("A-06-A", "GOR-SLOW", round(gain - cost))
    with database.unit_of_work() as uow:
        tasks = slotting.accept(uow.session, swap.id, ACTOR, now=NOW)
        uow.commit()
    assert [(t.sku, t.from_bin, t.to_bin, t.quantity) for t in tasks] == [
        ("POL-FAST", "A-20-A", "A-06-A", 20),
        ("GOR-SLOW", "A-06-A", "A-20-A", 8),
    ]


def test_a_warehouse_without_a_layout_is_named(database: Database) -> None:
    floor = build_floor(database)
    with database.unit_of_work() as uow:
        uow.session.get(Warehouse, floor.warehouse_id).layout = {}
        uow.commit()
    with database.unit_of_work() as uow, pytest.raises(ValueError, match="warehouse SCL1 has no layout"):
        slotting.suggest(uow.session, floor.warehouse_id, days=30, now=NOW)


def test_accept_refuses_when_the_free_bin_filled_with_a_busy_sku_meanwhile(database: Database) -> None:
    floor = build_floor(database)
    with database.unit_of_work() as uow:
        (row,) = slotting.suggest(uow.session, floor.warehouse_id, days=30, now=NOW)
        # Someone put TAZ-MED (class B) into A-01-A by hand after the suggestion was made.
        StockLedger(uow.session, ACTOR).move(floor.skus["TAZ-MED"], floor.bins["B-10-A"], floor.bins["A-01-A"], 2)
        uow.commit()
    with database.unit_of_work() as uow:
        with pytest.raises(
            slotting.SlottingError, match=f"A-01-A now holds TAZ-MED, no slow mover; reject suggestion #{row.id}"
        ):
            slotting.accept(uow.session, row.id, ACTOR, now=NOW)
        assert uow.session.scalars(select(MoveTask)).all() == []
