"""The Stock tab's list: units on their way between warehouses are shown apart from the units on hand."""

from __future__ import annotations

from sample_world import add_branch, build_world

from station.db import Database
from station.services.inventory import list_stock
from station.services.stock import Actor, StockLedger
from station.services.transfers import create_transfer, dispatch

ACTOR = Actor(station="office-1")


def test_units_in_transit_are_listed_apart_from_on_hand(database: Database) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, ACTOR).receive(world.shirt, world.bin_a, 10, reference="PO-1")
        add_branch(uow.session)
        uow.commit()
    with database.unit_of_work() as uow:
        created = create_transfer(uow.session, "SCL1", "CCP", [("POL-M-ROJ", 4, "A-01-A")], ACTOR)
        dispatch(uow.session, created.number, ACTOR)
        uow.commit()
    rows = {row.sku: row for row in list_stock(database)}
    assert (rows["POL-M-ROJ"].on_hand, rows["POL-M-ROJ"].available, rows["POL-M-ROJ"].in_transit) == (6, 6, 4)
    assert rows["TAZ-01"].in_transit == 0
