"""`station worker --once` releases reservations whose time ran out."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

from sample_world import build_world
from sqlalchemy import select

from station.db import Database
from station.db.base import utcnow
from station.db.models import Reservation, ReservationStatus
from station.services.stock import Actor, StockLedger


def test_worker_once_expires_stale_reservations(database: Database, database_url: str) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor("bench-1"))
        ledger.receive(world.shirt, world.bin_a, 3)
        stale = ledger.reserve(world.shirt, world.warehouse_id, 2, now=utcnow() - timedelta(minutes=16))
        fresh = ledger.reserve(world.shirt, world.warehouse_id, 1)
        uow.commit()

    result = subprocess.run(
        [sys.executable, "-m", "station", "--database-url", database_url, "worker", "--once"],
        capture_output=True, text=True, timeout=120, env=os.environ,
    )
    assert result.returncode == 0, result.stderr
    assert "expire-reservations: 1 expired reservation(s) released" in result.stdout
    with database.unit_of_work() as uow:
        statuses = dict(uow.session.execute(select(Reservation.id, Reservation.status)).all())
        assert StockLedger(uow.session, Actor("t")).totals(world.warehouse_id, world.shirt) == (3, 1)
    assert statuses == {stale: ReservationStatus.EXPIRED, fresh: ReservationStatus.ACTIVE}
