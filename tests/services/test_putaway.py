"""Putaway suggestions follow their rules in order; a wrong bin scan is refused and changes nothing."""

from __future__ import annotations

import pytest
from sample_world import World
from sqlalchemy import func, select

from station.db import Database
from station.db.models import Location, LocationKind, Product, StockMove, StockQuant, Variant
from station.services.putaway import PutawayError, confirm_putaway, pending_putaway, suggest_bin
from station.services.stock import Actor, MoveKind, StockLedger

ACTOR = Actor(station="PUT-1")


@pytest.fixture
def site(database: Database, world: World) -> dict[str, int]:
    """A dock at (0, 0), a pick face, near and far bins, a food aisle; the mug is food (its own product)."""
    with database.unit_of_work() as uow:
        s = uow.session
        for location in s.scalars(select(Location).where(Location.code.in_(["A-01-A", "A-01-B"]))):
            location.x = 300 if location.code == "A-01-A" else 400
        extra = [
            Location(warehouse_id=world.warehouse_id, code=code, kind=kind, x=x, capacity=capacity)
            for code, kind, x, capacity in (
                ("DOCK-01", LocationKind.DOCK, 0, None),
                ("PF-01", LocationKind.PICK_FACE, 50, 3),
                ("B-01-A", LocationKind.STORAGE, 10, 5),
                ("B-02-A", LocationKind.STORAGE, 100, None),
                ("F-01-A", LocationKind.STORAGE, 900, None),
            )
        ]
        food = Product(tenant_id=world.tenant_id, code="P-FOOD", name="Tazas", category="alimentos")
        s.add_all([*extra, food])
        s.flush()
        s.get(Variant, world.mug).product_id = food.id
        uow.commit()
        return {location.code: location.id for location in extra}


def put(database: Database, variant_id: int, location_id: int, quantity: int) -> None:
    with database.unit_of_work() as uow:
        StockLedger(uow.session, ACTOR).receive(variant_id, location_id, quantity)
        uow.commit()


def suggest(database: Database, world: World, variant_id: int, quantity: int) -> tuple[str, str]:
    with database.unit_of_work() as uow:
        found = suggest_bin(uow.session, variant_id, quantity, world.warehouse_id)
        return found.location_code, found.reason


def test_suggestions_follow_the_rules_in_order(database: Database, world: World, site: dict[str, int]) -> None:
    # 3. nearest bin with room: B-01-A (capacity 5) for 3, B-02-A (unlimited) for 6
    assert suggest(database, world, world.shirt, 3) == ("B-01-A", "nearest bin with room")
    assert suggest(database, world, world.shirt, 6)[0] == "B-02-A"
    # capacity counts every SKU in the bin
    put(database, world.mug, site["B-01-A"], 4)
    assert suggest(database, world, world.shirt, 3)[0] == "B-02-A"
    # 2. consolidate with a bin already holding the SKU, even a far one
    put(database, world.shirt, world.bin_b, 2)
    assert suggest(database, world, world.shirt, 3) == ("A-01-B", "consolidate: already holds POL-M-ROJ")
    # 1. the fixed pick face holding the SKU wins while it has room (capacity 3)
    put(database, world.shirt, site["PF-01"], 1)
    assert suggest(database, world, world.shirt, 2) == ("PF-01", "pick face of POL-M-ROJ")
    assert suggest(database, world, world.shirt, 5)[0] == "A-01-B"


def test_category_aisle_rule(database: Database, world: World, site: dict[str, int]) -> None:
    code, reason = suggest(database, world, world.mug, 10)
    assert (code, reason) == ("F-01-A", "nearest bin with room in F- (category alimentos)")
    with database.unit_of_work() as uow:  # a table of one's own overrides the default
        found = suggest_bin(uow.session, world.mug, 10, world.warehouse_id, category_aisles={})
        assert found.location_code == "B-02-A"


def test_no_room_anywhere(database: Database, world: World, site: dict[str, int]) -> None:
    with database.unit_of_work() as uow:
        for location in uow.session.scalars(select(Location)):
            location.capacity = 1
        uow.session.flush()
        with pytest.raises(PutawayError, match="No bin with room for 2 × POL-M-ROJ"):
            suggest_bin(uow.session, world.shirt, 2, world.warehouse_id)


def test_wrong_bin_is_refused_and_changes_nothing(database: Database, world: World, site: dict[str, int]) -> None:
    dock = site["DOCK-01"]
    put(database, world.shirt, dock, 4)
    with database.unit_of_work() as uow:
        before = uow.session.scalar(select(func.count()).select_from(StockMove))
        with pytest.raises(PutawayError, match="Wrong bin: scanned A-01-A, expected B-01-A"):
            confirm_putaway(uow.session, world.shirt, None, dock, "A-01-A", 4, ACTOR)
        uow.commit()
    with database.unit_of_work() as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(StockMove)) == before
        assert s.scalars(select(StockQuant.on_hand).where(StockQuant.location_id == dock)).one() == 4
        move = confirm_putaway(s, world.shirt, None, dock, " b-01-a ", 4, ACTOR)  # the right bin, as scanned
        assert (move.kind, move.to_location_id, move.station) == (MoveKind.PUTAWAY, site["B-01-A"], "PUT-1")
        uow.commit()
    with database.unit_of_work() as uow:
        quants = dict(uow.session.execute(select(StockQuant.location_id, StockQuant.on_hand)).all())
        assert quants[dock] == 0 and quants[site["B-01-A"]] == 4
        with pytest.raises(PutawayError, match="Wrong bin: scanned B-02-A, expected A-01-B"):
            confirm_putaway(uow.session, world.shirt, None, site["B-01-A"], "B-02-A", 1, ACTOR, expected_bin="A-01-B")


def test_pending_putaway_lists_the_dock_with_suggestions(database: Database, world: World, site: dict[str, int]) -> None:
    dock = site["DOCK-01"]
    put(database, world.shirt, dock, 4)
    put(database, world.mug, dock, 2)
    put(database, world.shirt, world.bin_a, 1)  # not on the dock: not a task
    with database.unit_of_work() as uow:
        tasks = pending_putaway(uow.session, dock)
    assert [(t.sku, t.quantity, t.suggestion.location_code if t.suggestion else None) for t in tasks] == [
        ("POL-M-ROJ", 4, "A-01-A"),
        ("TAZ-01", 2, "F-01-A"),
    ]
