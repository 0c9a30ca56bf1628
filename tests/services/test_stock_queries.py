"""`stock_by_location`: totals per warehouse from the level, quants per location and lot, held units apart."""

from __future__ import annotations

from datetime import date

import pytest
from sample_world import World

from station.db import Database
from station.db.models import Lot, Product, Tenant, Variant
from station.services.stock import Actor, StockLedger
from station.services.stock_queries import StockQueryError, stock_by_location

ACTOR = Actor(station="t")


def test_stock_per_warehouse_location_and_lot(database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        s = uow.session
        early = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-A", expires_on=date(2027, 1, 31))
        late = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-B", expires_on=date(2027, 6, 30))
        s.add_all([early, late])
        s.flush()
        ledger = StockLedger(s, ACTOR)
        ledger.receive(world.shirt, world.bin_a, 4, lot_id=late.id)
        ledger.receive(world.shirt, world.bin_a, 3, lot_id=early.id)
        ledger.receive(world.shirt, world.bin_b, 2, lot_id=early.id)
        ledger.move(world.shirt, world.bin_b, world.quarantine, 1, lot_id=early.id)
        ledger.reserve(world.shirt, world.warehouse_id, 5)
        uow.commit()
    with database.unit_of_work() as uow:
        stock = stock_by_location(uow.session, "pol-m-roj")
    assert (stock.tenant, stock.sku, stock.name) == ("ACME", "POL-M-ROJ", "Polera M roja")
    (scl,) = stock.warehouses
    assert (scl.warehouse, scl.on_hand, scl.reserved, scl.available, scl.not_sellable) == ("SCL1", 8, 5, 3, 1)
    assert (stock.on_hand, stock.reserved, stock.available, stock.not_sellable) == (8, 5, 3, 1)
    assert [(q.location, q.lot, q.expires_on, q.on_hand, q.sellable) for q in stock.quants] == [
        ("A-01-A", "L-A", date(2027, 1, 31), 3, True),
        ("A-01-A", "L-B", date(2027, 6, 30), 4, True),
        ("A-01-B", "L-A", date(2027, 1, 31), 1, True),
        ("QUA-01", "L-A", date(2027, 1, 31), 1, False),
    ]


def test_a_sku_without_stock_shows_nothing(database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        stock = stock_by_location(uow.session, "TAZ-01")
    assert stock.warehouses == [] and stock.quants == [] and stock.available == 0


def test_unknown_sku_suggests_close_ones_and_tenants_tell_apart(database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        s = uow.session
        other = Tenant(code="BETA", name="Beta Ltda")
        s.add(other)
        s.flush()
        product = Product(tenant_id=other.id, code="P1", name="Taza")
        s.add(product)
        s.flush()
        s.add(Variant(tenant_id=other.id, product_id=product.id, sku="TAZ-01", name="Taza Beta"))
        uow.commit()
    with database.unit_of_work() as uow:
        s = uow.session
        with pytest.raises(StockQueryError, match=r"^No SKU 'POL-M-RO'; did you mean POL-M-ROJ\?$"):
            stock_by_location(s, "POL-M-RO")
        with pytest.raises(StockQueryError, match=r"^No SKU 'zzz'$"):
            stock_by_location(s, "zzz")
        with pytest.raises(StockQueryError, match=r"several tenants \(ACME, BETA\); pass --tenant"):
            stock_by_location(s, "TAZ-01")
        assert stock_by_location(s, "TAZ-01", tenant="beta").name == "Taza Beta"
        with pytest.raises(StockQueryError, match=r"No SKU 'POL-M-ROJ' for tenant 'BETA'"):
            stock_by_location(s, "POL-M-ROJ", tenant="BETA")
