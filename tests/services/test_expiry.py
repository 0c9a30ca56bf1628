"""Lots near expiry are listed ahead of time; expired units leave sale through quarantine."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from station.db import Database
from station.db.models import Lot, StockMove
from station.domain.stock import InsufficientStock, MoveKind
from station.services.expiry import expiring, quarantine_expired
from station.services.stock import Actor, StockLedger

ACTOR = Actor(station="worker")
TODAY = date(2026, 11, 24)


def lots(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        s = uow.session
        old = Lot(tenant_id=world.tenant_id, variant_id=world.mug, code="L-OLD", expires_on=date(2026, 11, 20))
        soon = Lot(tenant_id=world.tenant_id, variant_id=world.mug, code="L-SOON", expires_on=date(2026, 12, 10))
        later = Lot(tenant_id=world.tenant_id, variant_id=world.mug, code="L-LATER", expires_on=date(2027, 6, 1))
        s.add_all([old, soon, later])
        s.flush()
        ledger = StockLedger(s, ACTOR)
        ledger.receive(world.mug, world.bin_a, 3, lot_id=old.id)
        ledger.receive(world.mug, world.bin_a, 2, lot_id=soon.id)
        ledger.receive(world.mug, world.bin_b, 4, lot_id=later.id)
        uow.commit()


def test_lots_within_the_horizon_are_listed_soonest_first(database: Database, world) -> None:
    lots(database, world)
    with database.unit_of_work() as uow:
        rows = expiring(uow.session, today=TODAY, within_days=30)
    assert [(r.lot, r.on_hand, r.days_left) for r in rows] == [("L-OLD", 3, -4), ("L-SOON", 2, 16)]


def test_expired_units_move_to_quarantine_and_cannot_be_reserved(database: Database, world) -> None:
    lots(database, world)
    with database.unit_of_work() as uow:
        assert quarantine_expired(uow.session, ACTOR, today=TODAY) == 3
        uow.commit()
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        assert ledger.totals(world.warehouse_id, world.mug) == (6, 0)  # 9 on the shelves, 3 left sale
        move = uow.session.scalars(select(StockMove).where(StockMove.kind == MoveKind.TRANSFER)).one()
        assert (move.quantity, move.to_location_id, move.reference) == (3, world.quarantine, "expired lot L-OLD")
        ledger.reserve(world.mug, world.warehouse_id, 6)
        with pytest.raises(InsufficientStock):
            ledger.reserve(world.mug, world.warehouse_id, 1)
        assert expiring(uow.session, today=TODAY, within_days=0) == []  # nothing expired left on sale
        assert quarantine_expired(uow.session, ACTOR, today=TODAY) == 0  # and a second run moves nothing
