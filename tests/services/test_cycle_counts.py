"""Counting a zone bin by bin, reviewing the variances and approving them into adjustments."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from station.db import Database
from station.db.models import StockMove
from station.domain.stock import AdjustmentReason, MoveKind
from station.services.counts import CountError, accuracy, approve, finish, open_counts, record, sheet
from station.services.stock import Actor, StockLedger

ACTOR = Actor(station="counter-1")


def stocked(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        ledger.receive(world.shirt, world.bin_a, 10)
        ledger.receive(world.mug, world.bin_a, 4)
        ledger.receive(world.mug, world.bin_b, 2)
        uow.commit()


def test_count_a_zone_approve_the_variance_and_the_ledger_follows(database: Database, world) -> None:
    stocked(database, world)
    with database.unit_of_work() as uow:
        counts = open_counts(uow.session, world.warehouse_id, location_prefix="A-01")
        uow.commit()
    assert len(counts) == 2  # A-01-A and A-01-B; the bench and quarantine are not counted
    with database.unit_of_work() as uow:
        blind = sheet(uow.session, counts[0], blind=True)
        assert [(line.sku, line.expected) for line in blind] == [("POL-M-ROJ", None), ("TAZ-01", None)]
        record(uow.session, counts[0], "pol-m-roj", 9)  # one torn shirt thrown away, unrecorded
        record(uow.session, counts[0], "TAZ-01", 4)
        record(uow.session, counts[1], "TAZ-01", 2)
        variances = finish(uow.session, counts[0]) + finish(uow.session, counts[1])
        uow.commit()
    assert [(v.location, v.sku, v.on_hand, v.counted, v.difference) for v in variances] == [
        ("A-01-A", "POL-M-ROJ", 10, 9, -1)
    ]
    with database.unit_of_work() as uow:
        assert approve(uow.session, counts[0], ACTOR) == 1
        assert approve(uow.session, counts[1], ACTOR) == 0
        assert accuracy(uow.session, counts) == pytest.approx(2 / 3)
        uow.commit()
    with database.unit_of_work() as uow:
        move = uow.session.scalars(select(StockMove).where(StockMove.kind == MoveKind.ADJUSTMENT)).one()
        assert (move.quantity, move.reason, move.station) == (1, AdjustmentReason.COUNT_CORRECTION, "counter-1")
        assert StockLedger(uow.session, ACTOR).totals(world.warehouse_id, world.shirt) == (9, 0)


def test_moves_during_the_count_are_not_undone(database: Database, world) -> None:
    stocked(database, world)
    with database.unit_of_work() as uow:
        (count,) = open_counts(uow.session, world.warehouse_id, location_prefix="A-01-B")
        record(uow.session, count, "TAZ-01", 2)
        finish(uow.session, count)
        StockLedger(uow.session, ACTOR).move(world.mug, world.bin_b, world.bin_a, 1)  # picked while counting
        assert approve(uow.session, count, ACTOR) == 1  # the bin holds 1 now; it was counted at 2
        uow.commit()


def test_counting_mistakes_are_named(database: Database, world) -> None:
    stocked(database, world)
    with database.unit_of_work() as uow:
        with pytest.raises(CountError, match="No storage bins start with 'Z-'"):
            open_counts(uow.session, world.warehouse_id, location_prefix="Z-")
        (count,) = open_counts(uow.session, world.warehouse_id, location_prefix="A-01-A")
        with pytest.raises(CountError, match="No SKU 'NOPE'"):
            record(uow.session, count, "NOPE", 1)
        with pytest.raises(CountError, match="cannot be negative"):
            record(uow.session, count, "TAZ-01", -1)
        with pytest.raises(CountError, match="finish counting it first"):
            approve(uow.session, count, ACTOR)
        finish(uow.session, count)
        with pytest.raises(CountError, match="no longer open"):
            record(uow.session, count, "TAZ-01", 1)
