"""The bin map's services: each bin's colour data, finding bins by what they hold, a bin's details, a route."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from station.db import Database
from station.db.base import utcnow
from station.db.models import (
    Barcode,
    CycleCount,
    CycleCountStatus,
    Location,
    Lot,
    Order,
    OrderLine,
    Picklist,
    PicklistLine,
    PicklistStatus,
    Product,
    Symbology,
    Tenant,
    Variant,
    Warehouse,
)
from station.domain.stock import MoveKind
from station.services.bin_map import (
    BinMapError,
    bin_details,
    load_bin_map,
    picklist_route,
    search_bins,
    warehouse_choices,
)
from station.services.layout import generate_layout
from station.services.stock import Actor, StockLedger

TODAY = utcnow().date()


@dataclass(frozen=True)
class MapWorld:
    warehouse_id: int
    bins: dict[str, int]
    shirt: int
    jam: int
    picklist_id: int


def build_map_world(database: Database) -> MapWorld:
    """2 aisles × 4 racks × 2 levels; shirts in A-01-A (60) and B-02-B (10), a jam lot in A-02-A, an
    order not on a picklist (shirts) and one on picklist PL-7 (jam), a count of A-01-A ten days ago."""
    with database.unit_of_work() as uow:
        s = uow.session
        tenant, warehouse = Tenant(code="ACME", name="Acme"), Warehouse(code="SCL9", name="Santiago 9")
        s.add_all([tenant, warehouse])
        s.flush()
        generate_layout(s, warehouse, aisles=2, racks=4, levels=2, docks=1, pack_stations=1)
        bins = {loc.code: loc.id for loc in s.scalars(select(Location).where(Location.warehouse_id == warehouse.id))}
        product = Product(tenant_id=tenant.id, code="P", name="P")
        s.add(product)
        s.flush()
        shirt = Variant(tenant_id=tenant.id, product_id=product.id, sku="POL-M", name="Polera M")
        jam = Variant(tenant_id=tenant.id, product_id=product.id, sku="MER-01", name="Mermelada")
        s.add_all([shirt, jam])
        s.flush()
        s.add(Barcode(tenant_id=tenant.id, variant_id=shirt.id, code="7800000000017", symbology=Symbology.EAN13))
        lot = Lot(tenant_id=tenant.id, variant_id=jam.id, code="L-2611", expires_on=TODAY + timedelta(days=20))
        s.add(lot)
        s.flush()
        ledger = StockLedger(s, Actor(station="test"))
        ledger.receive(shirt.id, bins["A-01-A"], 160, reference="PO-1")
        ledger.receive(shirt.id, bins["B-02-B"], 10, reference="PO-1")
        ledger.receive(jam.id, bins["A-02-A"], 5, lot_id=lot.id, reference="PO-2")
        bench = next(id_ for code, id_ in bins.items() if code.startswith("PACK"))
        ledger.move(shirt.id, bins["A-01-A"], bench, 100, kind=MoveKind.PICK, reference="JLS-0")
        s.add(
            CycleCount(
                warehouse_id=warehouse.id,
                location_id=bins["A-01-A"],
                status=CycleCountStatus.APPLIED,
                completed_at=utcnow() - timedelta(days=10),
            )
        )
        orders = []
        for number, variant in (("JLS-1", shirt), ("JLS-2", jam)):
            order = Order(tenant_id=tenant.id, number=number, state="allocated", customer_name="Ana", total=0)
            s.add(order)
            s.flush()
            line = OrderLine(
                tenant_id=tenant.id,
                order_id=order.id,
                variant_id=variant.id,
                sku=variant.sku,
                title="x",
                quantity=2,
                unit_price=1,
            )
            s.add(line)
            s.flush()
            orders.append(line)
        picklist = Picklist(
            warehouse_id=warehouse.id,
            code="PL-7",
            status=PicklistStatus.OPEN,
            route=[[100, 100], [600, 100], [600, 1500]],
            route_cm=1900,
        )
        s.add(picklist)
        s.flush()
        s.add(
            PicklistLine(
                picklist_id=picklist.id,
                order_line_id=orders[1].id,
                variant_id=jam.id,
                location_id=bins["A-02-A"],
                quantity=2,
                sequence=1,
            )
        )
        world = MapWorld(warehouse.id, bins, shirt.id, jam.id, picklist.id)
        uow.commit()
    return world


@pytest.fixture
def world(database: Database) -> MapWorld:
    return build_map_world(database)


def test_every_bin_with_what_colours_it(database: Database, world: MapWorld) -> None:
    with database.unit_of_work() as uow:
        data = load_bin_map(uow.session, world.warehouse_id)
    by_code = {b.code: b for b in data.bins}
    assert {"A-01-A", "A-04-B", "B-04-B"} <= set(by_code)  # 2 × 4 × 2 bins plus dock and bench
    assert data.levels == ["A", "B"]
    assert data.layout is not None and data.layout_message == ""
    full = by_code["A-01-A"]
    assert (full.units, full.capacity, full.empty) == (60, 120, False)
    assert full.occupancy == pytest.approx(50.0)
    assert full.abc == "A"  # the only bin picked from
    assert full.days_since_count == 10
    assert by_code["A-02-A"].soonest_expiry == TODAY + timedelta(days=20)
    assert by_code["A-02-A"].days_since_count is None
    empty = by_code["A-03-A"]
    assert (empty.units, empty.empty, empty.occupancy) == (0, True, 0.0)
    assert not next(b for b in data.bins if b.code.startswith("PACK")).empty  # a bench is never "empty"


def test_the_level_selector_keeps_one_level_and_the_places(database: Database, world: MapWorld) -> None:
    with database.unit_of_work() as uow:
        data = load_bin_map(uow.session, world.warehouse_id, level="B")
    assert {b.level for b in data.bins} == {"B", ""}
    assert "B-02-B" in {b.code for b in data.bins} and "A-01-A" not in {b.code for b in data.bins}
    assert data.levels == ["A", "B"]


def test_no_layout_says_how_to_get_one(database: Database) -> None:
    with database.unit_of_work() as uow:
        warehouse = Warehouse(code="BARE", name="Bare")
        uow.session.add(warehouse)
        uow.session.flush()
        uow.session.add(Location(warehouse_id=warehouse.id, code="A-01-A", kind="storage", level="A"))
        uow.session.flush()
        data = load_bin_map(uow.session, warehouse.id)
        assert warehouse_choices(uow.session) == [(warehouse.id, "BARE", 1)]
    assert data.layout is None
    assert "station layout derive BARE" in data.layout_message
    assert [b.code for b in data.bins] == ["A-01-A"]


@pytest.mark.parametrize(
    ("text", "kind", "codes"),
    [
        ("POL-M", "sku", {"A-01-A", "B-02-B", "PACK-01"}),  # the picked ones wait at the bench
        ("7800000000017", "sku", {"A-01-A", "B-02-B", "PACK-01"}),
        ("l-2611", "lot", {"A-02-A"}),
        ("PL-7", "picklist", {"A-02-A"}),
        ("JLS-2", "order", {"A-02-A"}),  # its line is on PL-7
        ("a-03-a", "bin", {"A-03-A"}),
    ],
)
def test_search_finds_the_bins(database: Database, world: MapWorld, text: str, kind: str, codes: set[str]) -> None:
    with database.unit_of_work() as uow:
        found = search_bins(uow.session, world.warehouse_id, text)
    names = {id_: code for code, id_ in world.bins.items()}
    assert found.kind == kind
    assert {names[i] for i in found.location_ids} == codes
    assert f"{len(codes)} bin(s)" in found.message


def test_an_order_not_picked_yet_shows_where_it_would_be_picked(database: Database, world: MapWorld) -> None:
    with database.unit_of_work() as uow:
        found = search_bins(uow.session, world.warehouse_id, "JLS-1", today=TODAY)
    assert found.kind == "order"
    assert len(found.location_ids) == 1 and found.location_ids[0] in {world.bins["A-01-A"], world.bins["B-02-B"]}


def test_search_with_no_match_says_what_was_tried(database: Database, world: MapWorld) -> None:
    with database.unit_of_work() as uow:
        found = search_bins(uow.session, world.warehouse_id, "NOPE-99")
        nothing = search_bins(uow.session, world.warehouse_id, "  ")
    assert found.location_ids == [] and found.kind == ""
    assert found.message == "Nothing in SCL9 is called 'NOPE-99': not a bin, SKU, barcode, lot, order or picklist"
    assert nothing.location_ids == [] and "Type or scan" in nothing.message


def test_a_sku_held_nowhere_says_so(database: Database, world: MapWorld) -> None:
    with database.unit_of_work() as uow:
        variant = uow.session.get(Variant, world.jam)
        uow.session.add(Variant(tenant_id=variant.tenant_id, product_id=variant.product_id, sku="NEW-1", name="Nuevo"))
        uow.session.flush()
        found = search_bins(uow.session, world.warehouse_id, "NEW-1")
    assert found.location_ids == []
    assert found.message == "SKU NEW-1 Nuevo: no bin of SCL9 holds it"


def test_bin_details_contents_and_last_moves(database: Database, world: MapWorld) -> None:
    with database.unit_of_work() as uow:
        details = bin_details(uow.session, world.bins["A-02-A"])
        busy = bin_details(uow.session, world.bins["A-01-A"])
        with pytest.raises(BinMapError, match="No bin #999999"):
            bin_details(uow.session, 999_999)
    assert details.code == "A-02-A" and details.units == 5
    assert [(c.sku, c.lot, c.expires_on, c.on_hand) for c in details.contents] == [
        ("MER-01", "L-2611", TODAY + timedelta(days=20), 5)
    ]
    assert [(m.kind, m.quantity, m.target, m.reference) for m in details.moves] == [("receipt", 5, "A-02-A", "PO-2")]
    assert [m.kind for m in busy.moves] == ["pick", "receipt"]  # newest first
    assert busy.moves[0].source == "A-01-A"


def test_picklist_route_and_its_stops(database: Database, world: MapWorld) -> None:
    with database.unit_of_work() as uow:
        route = picklist_route(uow.session, world.picklist_id)
        bin_a = uow.session.get(Location, world.bins["A-02-A"])
        centre = (bin_a.x + bin_a.width // 2, bin_a.y + bin_a.height // 2)
    assert route.code == "PL-7" and route.route_cm == 1900
    assert route.path == [(100, 100), (600, 100), (600, 1500)]
    assert route.stops == [(*centre, "1 A-02-A")]
    assert route.location_ids == [world.bins["A-02-A"]]


def test_expiry_is_a_date(database: Database, world: MapWorld) -> None:
    with database.unit_of_work() as uow:
        data = load_bin_map(uow.session, world.warehouse_id)
    assert all(b.soonest_expiry is None or isinstance(b.soonest_expiry, date) for b in data.bins)
