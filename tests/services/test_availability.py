"""Available-to-sell per channel across warehouses, and the warehouse that ships an order."""

from __future__ import annotations

from sample_world import World, build_world

from station.db import Database
from station.db.models import Channel, Listing, ListingStatus, Location, LocationKind, Warehouse
from station.services.availability import (
    available_to_sell,
    channel_availability,
    choose_warehouse,
    normalise_region,
)
from station.services.stock import Actor, StockLedger


def add_warehouse(database: Database, code: str, region: str) -> tuple[int, int]:
    """A second warehouse with one storage bin; returns (warehouse id, bin id)."""
    with database.unit_of_work() as uow:
        warehouse = Warehouse(code=code, name=code, region=region)
        uow.session.add(warehouse)
        uow.session.flush()
        bin_ = Location(warehouse_id=warehouse.id, code="A-01-A", kind=LocationKind.STORAGE)
        uow.session.add(bin_)
        uow.session.flush()
        ids = (warehouse.id, bin_.id)
        uow.commit()
    return ids


def set_region(database: Database, warehouse_id: int, region: str) -> None:
    with database.unit_of_work() as uow:
        uow.session.get(Warehouse, warehouse_id).region = region
        uow.commit()


def test_buffer_and_reservations_reduce_availability_never_below_zero(database: Database) -> None:
    world = build_world(database)
    north, north_bin = add_warehouse(database, "ANF1", "Región de Antofagasta")
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor("test"))
        ledger.receive(world.shirt, world.bin_a, 10)
        ledger.receive(world.shirt, north_bin, 5)
        ledger.receive(world.shirt, world.quarantine, 7)  # held: not for sale
        uow.commit()
    with database.unit_of_work() as uow:
        assert available_to_sell(uow.session, world.shirt, world.channel_id) == 15
        uow.session.get(Channel, world.channel_id).stock_buffer = 3
        other = Channel(tenant_id=world.tenant_id, code="WEB", name="Tienda", plugin="shopify", stock_buffer=0)
        uow.session.add(other)
        uow.session.flush()
        other_id = other.id
        uow.commit()
    with database.unit_of_work() as uow:
        assert available_to_sell(uow.session, world.shirt, world.channel_id) == 12
        ledger = StockLedger(uow.session, Actor("test"))
        ledger.reserve(world.shirt, world.warehouse_id, 4, channel_id=other_id)  # held for WEB: counts against MELI too
        ledger.reserve(world.shirt, north, 5)
        uow.commit()
    with database.unit_of_work() as uow:
        assert available_to_sell(uow.session, world.shirt, other_id) == 6
        assert available_to_sell(uow.session, world.shirt, world.channel_id) == 3
        uow.session.get(Channel, world.channel_id).stock_buffer = 50
        uow.commit()
    with database.unit_of_work() as uow:
        assert available_to_sell(uow.session, world.shirt, world.channel_id) == 0
        assert available_to_sell(uow.session, world.mug, other_id) == 0  # no stock level at all


def test_channel_availability_lists_active_listings(database: Database) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor("test"))
        ledger.receive(world.shirt, world.bin_a, 8)
        ledger.receive(world.mug, world.bin_b, 2)
        ledger.reserve(world.shirt, world.warehouse_id, 1)
        uow.session.get(Channel, world.channel_id).stock_buffer = 2
        mug_listing = Listing(
            tenant_id=world.tenant_id, channel_id=world.channel_id, variant_id=world.mug, external_id="MLC2",
            status=ListingStatus.PAUSED,
        )
        uow.session.add(mug_listing)
        uow.session.get(Listing, world.listing_id).last_pushed_qty = 5
        uow.commit()
    with database.unit_of_work() as uow:
        rows = channel_availability(uow.session, world.channel_id)
        assert [(r.external_id, r.quantity, r.changed) for r in rows] == [("MLC1", 5, False)]
        rows = channel_availability(uow.session, world.channel_id, include_paused=True)
        assert [(r.external_id, r.quantity, r.changed) for r in rows] == [("MLC1", 5, False), ("MLC2", 0, True)]


def stock_two_warehouses(database: Database, world: World, *, local_shirts: int, north_shirts: int) -> int:
    set_region(database, world.warehouse_id, "Región Metropolitana de Santiago")
    north, north_bin = add_warehouse(database, "ANF1", "Región de Antofagasta")
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor("test"))
        if local_shirts:
            ledger.receive(world.shirt, world.bin_a, local_shirts)
        ledger.receive(world.shirt, north_bin, north_shirts)
        ledger.receive(world.mug, north_bin, 3)
        ledger.receive(world.mug, world.bin_b, 1)
        uow.commit()
    return north


def test_choose_warehouse_prefers_the_customers_region(database: Database) -> None:
    world = build_world(database)
    north = stock_two_warehouses(database, world, local_shirts=2, north_shirts=9)
    with database.unit_of_work() as uow:
        santiago = choose_warehouse(uow.session, {world.shirt: 2}, "Región Metropolitana")
        assert (santiago.ok, santiago.warehouse_code, santiago.reason) == (True, "SCL1", "same_region")
        antofagasta = choose_warehouse(uow.session, {world.shirt: 2}, "Antofagasta")
        assert (antofagasta.warehouse_id, antofagasta.reason) == (north, "same_region")
        # nobody in Biobío: the nearer one (Santiago, ~430 km, not Antofagasta with more stock)
        biobio = choose_warehouse(uow.session, {world.shirt: 1}, "Región del Biobío")
        assert (biobio.warehouse_code, biobio.reason) == ("SCL1", "nearest")
        # a región nobody knows: the warehouse with the most of it
        unknown = choose_warehouse(uow.session, {world.shirt: 1}, "Narnia")
        assert (unknown.warehouse_code, unknown.reason) == ("ANF1", "most_stock")
        # the local warehouse cannot serve the whole order (only 1 mug): the one that can
        whole = choose_warehouse(uow.session, {world.shirt: 2, world.mug: 2}, "RM")
        assert (whole.warehouse_code, whole.reason) == ("ANF1", "nearest")


def test_choose_warehouse_counts_reservations_and_says_when_none_can(database: Database) -> None:
    world = build_world(database)
    north = stock_two_warehouses(database, world, local_shirts=0, north_shirts=4)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, Actor("test")).reserve(world.shirt, north, 3)
        uow.commit()
    with database.unit_of_work() as uow:
        none = choose_warehouse(uow.session, {world.shirt: 2, world.mug: 1}, "Metropolitana")
        assert (none.ok, none.warehouse_id, none.reason) == (False, None, "none")
        assert none.shortages == {world.shirt: 1}  # ANF1 has the most: 1 shirt free of 2, mugs enough


def test_normalise_region() -> None:
    assert normalise_region("Región del Biobío") == "biobio"
    assert normalise_region(" región  de Valparaíso ") == "valparaiso"
    assert normalise_region("RM") == "metropolitana"
