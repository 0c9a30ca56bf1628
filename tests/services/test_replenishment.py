"""Low stock per SKU and warehouse, velocity from ship moves, days of cover and reorder suggestions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sample_world import World, build_world

from station.db import Database
from station.db.models import PurchaseOrder, PurchaseOrderLine, PurchaseOrderStatus, StockThreshold, Variant, Warehouse
from station.services.replenishment import (
    ReplenishmentError,
    days_of_cover,
    low_stock,
    reorder_suggestions,
    sales_velocity,
    set_threshold,
    stockout_date,
)
from station.services.stock import Actor, StockLedger

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def ship_at(database: Database, world: World, variant_id: int, quantity: int, at: datetime) -> None:
    """Reserve and ship `quantity` units from bin A with the ledger's clock set to `at`."""
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor("test"), clock=lambda: at)
        reservation = ledger.reserve(variant_id, world.warehouse_id, quantity)
        ledger.ship(reservation, world.bin_a, quantity, reference="JLS-1")
        uow.commit()


def receive(database: Database, world: World, variant_id: int, quantity: int) -> None:
    with database.unit_of_work() as uow:
        StockLedger(uow.session, Actor("test"), clock=lambda: NOW - timedelta(days=60)).receive(
            variant_id, world.bin_a, quantity
        )
        uow.commit()


def test_low_stock_lists_skus_at_or_under_their_threshold(database: Database) -> None:
    world = build_world(database)
    receive(database, world, world.shirt, 10)
    receive(database, world, world.mug, 3)
    with database.unit_of_work() as uow:
        session = uow.session
        shirt, mug = session.get(Variant, world.shirt), session.get(Variant, world.mug)
        set_threshold(session, shirt, 5)  # the only warehouse
        set_threshold(session, mug, 3, warehouse="scl1")
        StockLedger(session, Actor("test")).reserve(world.shirt, world.warehouse_id, 4)
        uow.commit()
    with database.unit_of_work() as uow:
        low = low_stock(uow.session)
        assert [(r.sku, r.warehouse, r.on_hand, r.reserved, r.available, r.threshold) for r in low] == [
            ("TAZ-01", "SCL1", 3, 0, 3, 3),  # at the threshold
        ]
        set_threshold(uow.session, uow.session.get(Variant, world.shirt), 6)  # changes the same row
        assert uow.session.query(StockThreshold).count() == 2
        uow.commit()
    with database.unit_of_work() as uow:
        assert [(r.sku, r.available, r.threshold) for r in low_stock(uow.session)] == [
            ("TAZ-01", 3, 3),
            ("POL-M-ROJ", 6, 6),  # reserved units are not free: 10 − 4
        ]


def test_threshold_errors_name_the_problem(database: Database) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        shirt = uow.session.get(Variant, world.shirt)
        with pytest.raises(ReplenishmentError, match="≥ 0"):
            set_threshold(uow.session, shirt, -1)
        with pytest.raises(ReplenishmentError, match="no warehouse 'XX'.*SCL1"):
            set_threshold(uow.session, shirt, 2, warehouse="XX")
        uow.session.add(Warehouse(code="ANF1", name="Antofagasta"))
        uow.session.flush()
        with pytest.raises(ReplenishmentError, match="ANF1, SCL1.*--warehouse"):
            set_threshold(uow.session, shirt, 2)


def test_velocity_cover_and_stockout_from_ship_moves(database: Database) -> None:
    world = build_world(database)
    receive(database, world, world.shirt, 100)
    ship_at(database, world, world.shirt, 10, NOW - timedelta(days=2))
    ship_at(database, world, world.shirt, 20, NOW - timedelta(days=20))
    ship_at(database, world, world.shirt, 50, NOW - timedelta(days=45))  # outside a 30-day window
    with database.unit_of_work() as uow:
        StockLedger(uow.session, Actor("test")).reserve(world.shirt, world.warehouse_id, 5)
        uow.commit()
    with database.unit_of_work() as uow:
        session = uow.session
        assert sales_velocity(session, world.shirt, 30, now=NOW) == 1.0  # 30 units / 30 days
        assert sales_velocity(session, world.shirt, 7, now=NOW) == pytest.approx(10 / 7)
        assert sales_velocity(session, world.shirt, 60, now=NOW) == pytest.approx(80 / 60)
        # 100 − 80 shipped = 20 on hand, 5 reserved: 15 free at 1 a day
        assert days_of_cover(session, world.shirt, 30, now=NOW) == 15.0
        assert stockout_date(session, world.shirt, 30, now=NOW) == date(2026, 12, 5)
        assert sales_velocity(session, world.mug, 30, now=NOW) == 0.0
        assert days_of_cover(session, world.mug, 30, now=NOW) is None
        assert stockout_date(session, world.mug, 30, now=NOW) is None
        with pytest.raises(ReplenishmentError, match="history"):
            sales_velocity(session, world.shirt, 0)


def test_reorder_suggestions_cover_lead_time_and_wanted_cover(database: Database) -> None:
    world = build_world(database)
    receive(database, world, world.shirt, 40)
    receive(database, world, world.mug, 40)
    ship_at(database, world, world.shirt, 30, NOW - timedelta(days=3))  # 1 a day, 10 left
    ship_at(database, world, world.mug, 3, NOW - timedelta(days=1))  # 0.1 a day, 37 left
    with database.unit_of_work() as uow:
        session = uow.session
        (shirt,) = reorder_suggestions(session, 7, 30, now=NOW)
        assert (shirt.sku, shirt.velocity, shirt.available, shirt.incoming) == ("POL-M-ROJ", 1.0, 10, 0)
        assert (shirt.quantity, shirt.days_of_cover, shirt.stockout_date, shirt.urgent) == (27, 10.0, date(2026, 11, 30), False)
        (shirt,) = reorder_suggestions(session, 14, 30, now=NOW)
        assert (shirt.quantity, shirt.urgent) == (34, True)  # runs out before the order arrives
        # an open purchase order counts as coming; a cancelled one does not
        po = PurchaseOrder(tenant_id=world.tenant_id, warehouse_id=world.warehouse_id, number="PO-1", supplier="X",
                           status=PurchaseOrderStatus.PARTIALLY_RECEIVED)
        cancelled = PurchaseOrder(tenant_id=world.tenant_id, warehouse_id=world.warehouse_id, number="PO-2", supplier="X",
                                  status=PurchaseOrderStatus.CANCELLED)
        session.add_all([po, cancelled])
        session.flush()
        session.add_all([
            PurchaseOrderLine(purchase_order_id=po.id, variant_id=world.shirt, quantity_ordered=25, quantity_received=5),
            PurchaseOrderLine(purchase_order_id=cancelled.id, variant_id=world.shirt, quantity_ordered=99),
        ])
        session.flush()
        (shirt,) = reorder_suggestions(session, 7, 30, now=NOW)
        assert (shirt.incoming, shirt.quantity) == (20, 7)
        # a mug needs ⌈0.1 × 400⌉ = 40 for 400 days: 3 more than the 37 free
        skus = {s.sku: s.quantity for s in reorder_suggestions(session, 100, 300, now=NOW)}
        assert skus == {"POL-M-ROJ": 400 - 10 - 20, "TAZ-01": 3}
        assert reorder_suggestions(session, 7, 30, now=NOW - timedelta(days=90)) == []
