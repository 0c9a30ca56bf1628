"""Warehouse layouts as a user of them notices: generated bins that fit the floor without overlapping,
pick points on each bin's own aisle, walks that go round the racks, a replace that never loses stock,
a layout derived from bare bins equal to the generated one, and the demo's warehouses laid out."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_world import World
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db import Database
from station.db.models import Location, LocationKind, StockQuant, Warehouse
from station.domain.layout import Layout, LayoutError
from station.services.layout import (
    BIN_KINDS,
    bin_point,
    derive_layout,
    generate_layout,
    load_layout,
    warehouse_by_code,
)
from station.services.stock import Actor, StockLedger


def new_warehouse(session: Session, code: str = "SCL-2") -> Warehouse:
    warehouse = Warehouse(code=code, name=f"Bodega {code}")
    session.add(warehouse)
    session.flush()
    return warehouse


def bins_of(session: Session, warehouse_id: int) -> list[Location]:
    return list(
        session.scalars(
            select(Location)
            .where(Location.warehouse_id == warehouse_id, Location.kind.in_(BIN_KINDS))
            .order_by(Location.code)
        )
    )


def overlapping(bins: list[Location]) -> list[tuple[str, str]]:
    return [
        (a.code, b.code)
        for a, b in itertools.combinations(bins, 2)
        if a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.y + a.height
    ]


def test_generated_bins_fill_the_floor_without_overlapping_and_each_is_picked_from_its_aisle(
    database: Database,
) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        warehouse = new_warehouse(session)
        made = generate_layout(
            session, warehouse, aisles=3, racks=8, levels=4, middle_cross_aisles=1, pick_face_racks=2, docks=2
        )
        uow.commit()
    assert made.bins == 3 * 8 * 4 and made.pick_faces == 3 * 2 * 2
    assert made.places == ("DOCK-01", "DOCK-02", "PACK-01", "PACK-02", "PACK-03", "PACK-04")
    with database.unit_of_work() as uow:
        session = uow.session
        warehouse_id = warehouse_by_code(session, "scl-2").id  # codes are found whatever their case
        layout = load_layout(session, warehouse_id)
        bins = bins_of(session, warehouse_id)
        codes = {b.code for b in bins}
        assert len(bins) == 96 and {"A-01-A", "A-08-D", "C-08-D", "B-05-C"} <= codes
        assert all(len(code) == 6 for code in codes)  # A-01-A: the default pattern
        assert overlapping(bins) == []
        assert [a.code for a in layout.aisles] == ["A", "B", "C"]
        assert len(layout.cross_aisles) == 3  # front, one between the blocks, back
        for location in bins:
            point = bin_point(layout, location)
            assert location.aisle == location.code[0] and location.level == location.code[-1]
            assert point.aisle == location.aisle and point.x == layout.aisle(location.aisle).x
            # the bin stands against the walkway it is picked from, on the left (odd racks) or right (even)
            rack = int(location.code[2:4])
            face = location.x + location.width if rack % 2 else location.x
            assert abs(face - point.x) <= layout.aisle_width // 2 + layout.rack_depth
            assert (face <= point.x) == bool(rack % 2)
            assert location.y <= point.y <= location.y + location.height
        assert made.layout == layout


def test_walking_between_neighbouring_aisles_goes_round_the_racks(database: Database) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        warehouse = new_warehouse(session)
        layout = generate_layout(session, warehouse, aisles=2, racks=20, levels=2).layout
        by_code = {b.code: b for b in bins_of(session, warehouse.id)}
        a, b = bin_point(layout, by_code["A-09-A"]), bin_point(layout, by_code["B-10-A"])  # middle of the racks
        across = abs(a.x - b.x)
        round_front = (a.y - layout.front) + across + (b.y - layout.front)
        round_back = (layout.back - a.y) + across + (layout.back - b.y)
        assert layout.distance(a, b) == min(round_front, round_back) > across
        # the same rack pair on one aisle: straight along it
        a1, a2 = bin_point(layout, by_code["A-01-A"]), bin_point(layout, by_code["A-02-B"])
        assert layout.distance(a1, a2) == 0 and layout.distance(a1, bin_point(layout, by_code["A-03-A"])) == 120


def test_middle_cross_aisles_shorten_the_walk_between_aisles(database: Database) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        plain, split = new_warehouse(session, "W1"), new_warehouse(session, "W2")
        walks = []
        for warehouse, middle in ((plain, 0), (split, 1)):
            layout = generate_layout(
                session, warehouse, aisles=2, racks=20, levels=2, middle_cross_aisles=middle
            ).layout
            by_code = {b.code: b for b in bins_of(session, warehouse.id)}
            walks.append(layout.distance(bin_point(layout, by_code["A-09-A"]), bin_point(layout, by_code["B-13-A"])))
        assert walks[1] < walks[0]


def test_a_warehouse_with_bins_is_not_overwritten_and_a_replace_never_loses_stock(
    database: Database, world: World
) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        warehouse = session.get(Warehouse, world.warehouse_id)
        with pytest.raises(LayoutError, match=r"SCL1 already has 2 bin\(s\).*--replace"):
            generate_layout(session, warehouse, aisles=1, racks=2, levels=2)
        StockLedger(session, Actor("test")).receive(world.shirt, world.bin_a, 3)
        session.flush()
        with pytest.raises(LayoutError, match=r"1 of them hold stock \(A-01-A \(3\)\); move it out first"):
            generate_layout(session, warehouse, aisles=1, racks=2, levels=2, replace=True)
        uow.rollback()
    with database.unit_of_work() as uow:
        session = uow.session
        assert [b.code for b in bins_of(session, world.warehouse_id)] == ["A-01-A", "A-01-B"]
        assert session.get(Warehouse, world.warehouse_id).layout == {}
        warehouse = session.get(Warehouse, world.warehouse_id)
        made = generate_layout(session, warehouse, aisles=2, racks=2, levels=2, pack_stations=1, replace=True)
        uow.commit()
    assert made.removed == 2 and made.bins == 8
    with database.unit_of_work() as uow:
        session = uow.session
        codes = {
            location.code
            for location in session.scalars(select(Location).where(Location.warehouse_id == world.warehouse_id))
        }
        # the bench and quarantine of before are kept; the dock is new
        assert codes == {
            "A-01-A",
            "A-01-B",
            "A-02-A",
            "A-02-B",
            "B-01-A",
            "B-01-B",
            "B-02-A",
            "B-02-B",
            "PACK-01",
            "QUA-01",
            "DOCK-01",
        }
        assert session.scalar(select(func.count()).select_from(StockQuant)) == 0


def test_sizes_that_make_no_sense_are_refused_by_name(database: Database) -> None:
    with database.unit_of_work() as uow:
        warehouse = new_warehouse(uow.session)
        with pytest.raises(LayoutError, match="aisles must be at least 1, not 0"):
            generate_layout(uow.session, warehouse, aisles=0, racks=2, levels=2)
        with pytest.raises(LayoutError, match="2 middle cross-aisle.* more than 2 bay"):
            generate_layout(uow.session, warehouse, aisles=1, racks=4, levels=2, middle_cross_aisles=2)
        with pytest.raises(LayoutError, match="cannot code the bins of SCL-2"):
            generate_layout(uow.session, warehouse, aisles=1, racks=120, levels=2)


def test_a_layout_derived_from_bare_bins_is_the_generated_one(database: Database) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        source, bare = new_warehouse(session, "GEN"), new_warehouse(session, "OLD")
        generated = generate_layout(session, source, aisles=4, racks=12, levels=3, middle_cross_aisles=1).layout
        copies = [
            Location(warehouse_id=bare.id, code=o.code, kind=o.kind, x=o.x, y=o.y, width=o.width, height=o.height)
            for o in session.scalars(select(Location).where(Location.warehouse_id == source.id))
        ]
        session.add_all(copies)
        session.flush()
        assert all(copy.aisle == "" for copy in copies)
        with pytest.raises(LayoutError, match="warehouse OLD has no layout yet"):
            load_layout(session, bare.id)
        derived = derive_layout(session, bare)
        uow.commit()
    assert derived.to_json() == generated.to_json()
    with database.unit_of_work() as uow:
        session = uow.session
        bare = warehouse_by_code(session, "OLD")
        assert load_layout(session, bare.id) == derived
        assert all((b.aisle, b.level) == (b.code[0], b.code[-1]) for b in bins_of(session, bare.id))
        assert derive_layout(session, bare) == derived  # again: the same


def test_places_are_points_of_the_layout_and_other_rooms_their_centre(database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        warehouse = session.get(Warehouse, world.warehouse_id)
        for location in bins_of(session, warehouse.id):
            location.x, location.width = (100, 50) if location.code == "A-01-A" else (450, 50)
        layout = derive_layout(session, warehouse)
        bench, quarantine = session.get(Location, world.bench), session.get(Location, world.quarantine)
        assert layout.aisles[0].x == (150 + 450) // 2
        assert bin_point(layout, bench) == layout.place_point("PACK-01")
        assert bin_point(layout, quarantine).aisle is None
        assert (bin_point(layout, quarantine).x, bin_point(layout, quarantine).y) == (50, 50)


def test_warehouse_without_bins_or_unknown_is_named(database: Database) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        empty = new_warehouse(session, "EMPTY")
        with pytest.raises(LayoutError, match="warehouse EMPTY: there are no bins"):
            derive_layout(session, empty)
        with pytest.raises(LayoutError, match=r"unknown warehouse 'NOPE' \(known: EMPTY\)"):
            warehouse_by_code(session, "NOPE")


# -- the demo --------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    from station.services.demo import seed_demo

    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("layout-demo") / "station.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{Path(path)}"
    else:
        url = request.getfixturevalue("postgres_databases").create()
    database = Database(url)
    seed_demo(database, seed=1)
    yield database
    database.dispose()


def test_the_demo_warehouses_come_laid_out(demo: Database) -> None:
    with demo.unit_of_work() as uow:
        session = uow.session
        scl = warehouse_by_code(session, "SCL-1")
        layout = load_layout(session, scl.id)
        assert [a.code for a in layout.aisles] == list("ABCDEFGHIJKL")
        bins = bins_of(session, scl.id)
        assert layout.front < min(b.y for b in bins) and layout.back > max(b.y + b.height for b in bins)
        assert layout.cross_aisles == (850, 2830)
        assert [p.code for p in layout.places] == ["DOCK-01", "PACK-01", "PACK-02", "PACK-03", "PACK-04"]
        assert len(bins) == 2016 and all(b.aisle and b.level for b in bins)
        for location in bins:
            point = bin_point(layout, location)
            assert point.aisle == location.code[0] == location.aisle and location.level == location.code[-1]
        dock, bench = (
            session.scalars(select(Location).where(Location.warehouse_id == scl.id, Location.code == c)).one()
            for c in ("DOCK-01", "PACK-02")
        )
        assert dock.kind == LocationKind.DOCK and (dock.aisle, bench.aisle) == ("", "")
        assert layout.distance(bin_point(layout, dock), bin_point(layout, bench)) > 0
        # the layout is exactly what deriving it from the bins gives
        assert derive_layout(session, scl) == layout
        uow.rollback()
        ccp = warehouse_by_code(session, "CCP")
        branch = load_layout(session, ccp.id)
        assert [a.code for a in branch.aisles] == ["A", "B"] and [p.code for p in branch.places] == ["DOCK-01"]
        assert all(b.aisle and b.level for b in bins_of(session, ccp.id))
        assert isinstance(branch, Layout)


def test_bins_with_history_are_not_replaced(database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        ledger = StockLedger(session, Actor("test"))
        ledger.receive(world.shirt, world.bin_a, 3)
        ledger.move(world.shirt, world.bin_a, world.bench, 3)  # the bin is empty, its moves remain
        uow.commit()
    with database.unit_of_work() as uow:
        session = uow.session
        warehouse = session.get(Warehouse, world.warehouse_id)
        with pytest.raises(LayoutError, match="SCL1: their history .* still refers to them"):
            generate_layout(session, warehouse, aisles=1, racks=2, levels=2, replace=True)
        uow.rollback()
    with database.unit_of_work() as uow:
        assert [b.code for b in bins_of(uow.session, world.warehouse_id)] == ["A-01-A", "A-01-B"]


def test_an_aisle_with_racks_on_one_side_walks_beside_them_and_clashing_aisles_are_named() -> None:
    from station.services.layout import layout_from_locations

    one_sided = [
        Location(code=f"A-0{rack}-A", kind=LocationKind.STORAGE, x=100, y=1000 + rack * 120, width=108, height=120)
        for rack in (1, 3)
    ]
    layout, assigned = layout_from_locations(one_sided)
    assert [(a.code, a.x) for a in layout.aisles] == [("A", 208 + 150)]
    assert assigned == {0: ("A", "A"), 1: ("A", "A")}
    twins = [*one_sided, Location(code="B-01-A", kind=LocationKind.STORAGE, x=100, y=3000, width=108, height=120)]
    with pytest.raises(LayoutError, match="aisles A and B would share one walkway at x=358"):
        layout_from_locations(twins)


def test_a_pattern_codes_the_bins_and_becomes_the_warehouse_s(database: Database) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        warehouse = new_warehouse(session)
        with pytest.raises(LayoutError, match="gives two bins the code A-A"):
            generate_layout(session, warehouse, aisles=1, racks=2, levels=2, pattern="{aisle:AA}-{level:A}")
        with pytest.raises(LayoutError, match="cannot be used"):
            generate_layout(session, warehouse, aisles=1, racks=2, levels=2, pattern="{aisle:AA}{rack:00}")
        generate_layout(session, warehouse, aisles=1, racks=2, levels=2, pattern="{aisle:AA}.{rack:000}.{level:A}")
        assert warehouse.location_pattern == "{aisle:AA}.{rack:000}.{level:A}"
        assert [b.code for b in bins_of(session, warehouse.id)] == ["A.001.A", "A.001.B", "A.002.A", "A.002.B"]
        assert [a.code for a in derive_layout(session, warehouse).aisles] == ["A"]
