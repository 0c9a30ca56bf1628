"""Eight stations (separate processes, separate connections) race for the last units on PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from station.db import Database
from station.db.models import Reservation, ReservationStatus, StockLevel
from station.services.stock import Actor, StockLedger

RACER = Path(__file__).with_name("reserve_racer.py")
STATIONS = 8
UNITS_PER_SKU = 12


def test_eight_stations_never_sell_the_last_units_twice(pg_database_url: str, world_factory) -> None:
    world = world_factory(pg_database_url)
    database = Database(pg_database_url)
    skus = [world.shirt, world.mug]
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor("setup"))
        for variant_id in skus:
            ledger.receive(variant_id, world.bin_a, UNITS_PER_SKU)
        uow.commit()

    start_at = time.time() + 3
    racers = [
        subprocess.Popen(
            [sys.executable, str(RACER), pg_database_url, str(start_at), str(seed), ",".join(map(str, skus)), str(world.warehouse_id)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in range(STATIONS)
    ]
    outputs = [racer.communicate(timeout=300) for racer in racers]
    assert [racer.returncode for racer in racers] == [0] * STATIONS, [err for _, err in outputs]
    reports = [json.loads(out) for out, _ in outputs]
    assert sum(r["refused"] for r in reports) > 0, "the stations never ran out: the race did not happen"

    with database.unit_of_work() as uow:
        for variant_id in skus:
            level = uow.session.scalars(select(StockLevel).where(StockLevel.variant_id == variant_id)).one()
            held = uow.session.scalar(
                select(func.coalesce(func.sum(Reservation.quantity), 0)).where(
                    Reservation.variant_id == variant_id, Reservation.status == ReservationStatus.ACTIVE
                )
            )
            assert level.on_hand == UNITS_PER_SKU
            assert level.reserved == held, "reserved total disagrees with the active reservations"
            assert held <= UNITS_PER_SKU, f"oversold: {held} reserved of {UNITS_PER_SKU}"
        active = uow.session.scalar(
            select(func.count()).select_from(Reservation).where(Reservation.status == ReservationStatus.ACTIVE)
        )
    # Every reservation a station was told it got is there, unless that station released it.
    assert active == sum(r["got"] for r in reports) - sum(r["released"] for r in reports)
    database.dispose()
