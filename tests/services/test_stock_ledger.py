"""The core stock operations, as a warehouse would notice them: totals, ledger, reservations, outbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from station.db import Database
from station.db.base import utcnow
from station.db.ledger_guard import AppendOnlyError
from station.db.models import OutboxMessage, Reservation, ReservationStatus, StockMove, StockQuant
from station.domain.stock import AdjustmentReason, InsufficientStock, MoveKind
from station.services.stock import Actor, StockError, StockLedger, sum_quants

ACTOR = Actor(station="bench-1")


def ledger_kinds(database: Database) -> list[MoveKind]:
    with database.unit_of_work() as uow:
        return list(uow.session.scalars(select(StockMove.kind).order_by(StockMove.id)))


def totals(database: Database, world, variant_id: int) -> tuple[int, int, int]:
    """(on hand per level, reserved, on hand summed over quants): the first and last always agree."""
    with database.unit_of_work() as uow:
        on_hand, reserved = StockLedger(uow.session, ACTOR).totals(world.warehouse_id, variant_id)
        return on_hand, reserved, sum_quants(uow.session, world.warehouse_id, variant_id)


def receive(database: Database, world, quantity: int, location_id: int | None = None) -> None:
    with database.unit_of_work() as uow:
        StockLedger(uow.session, ACTOR).receive(world.shirt, location_id or world.bin_a, quantity, reference="PO-1")
        uow.commit()


def test_receive_move_adjust_keep_ledger_quants_and_level_in_step(database: Database, world) -> None:
    receive(database, world, 10)
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        ledger.move(world.shirt, world.bin_a, world.bin_b, 4)
        ledger.adjust(world.shirt, world.bin_b, -1, AdjustmentReason.DAMAGED, note="torn")
        uow.commit()
    assert totals(database, world, world.shirt) == (9, 0, 9)
    assert ledger_kinds(database) == [MoveKind.RECEIPT, MoveKind.TRANSFER, MoveKind.ADJUSTMENT]
    with database.unit_of_work() as uow:
        at_b = uow.session.scalars(select(StockQuant.on_hand).where(StockQuant.location_id == world.bin_b)).one()
        damaged = uow.session.scalars(select(StockMove).where(StockMove.kind == MoveKind.ADJUSTMENT)).one()
    assert at_b == 3
    assert (damaged.reason, damaged.quantity, damaged.note, damaged.station) == (AdjustmentReason.DAMAGED, 1, "torn", "bench-1")


def test_moving_more_than_the_bin_holds_names_sku_and_bin_and_changes_nothing(database: Database, world) -> None:
    receive(database, world, 2)
    with database.unit_of_work() as uow:
        with pytest.raises(InsufficientStock) as error:
            StockLedger(uow.session, ACTOR).move(world.shirt, world.bin_a, world.bin_b, 5)
    message = str(error.value)
    assert "POL-M-ROJ" in message and "A-01-A" in message and "5" in message
    assert totals(database, world, world.shirt) == (2, 0, 2)
    assert ledger_kinds(database) == [MoveKind.RECEIPT]


def test_a_failed_action_leaves_nothing_half_written(database: Database, world) -> None:
    receive(database, world, 3)
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        ledger.move(world.shirt, world.bin_a, world.bin_b, 2)  # succeeds inside the action …
        with pytest.raises(InsufficientStock):
            ledger.move(world.shirt, world.bin_a, world.bin_b, 2)  # … then the action fails
        # no commit: the unit of work rolls back the whole action
    assert ledger_kinds(database) == [MoveKind.RECEIPT]
    assert totals(database, world, world.shirt) == (3, 0, 3)


def test_reserving_never_goes_past_what_is_available(database: Database, world) -> None:
    receive(database, world, 5)
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        ledger.reserve(world.shirt, world.warehouse_id, 3)
        with pytest.raises(InsufficientStock) as error:
            ledger.reserve(world.shirt, world.warehouse_id, 3)
        uow.commit()
    assert "2" in str(error.value) and "POL-M-ROJ" in str(error.value)
    assert totals(database, world, world.shirt) == (5, 3, 5)


def test_reserving_an_unstocked_sku_is_refused(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        with pytest.raises(InsufficientStock):
            StockLedger(uow.session, ACTOR).reserve(world.mug, world.warehouse_id, 1)


def test_release_and_expiry_give_units_back(database: Database, world) -> None:
    receive(database, world, 4)
    now = utcnow()
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        kept = ledger.reserve(world.shirt, world.warehouse_id, 1, now=now)
        released = ledger.reserve(world.shirt, world.warehouse_id, 1, now=now)
        stale = ledger.reserve(world.shirt, world.warehouse_id, 2, now=now - timedelta(minutes=20))
        ledger.release(released)
        assert ledger.expire_reservations(now) == 1
        uow.commit()
        ids = (kept, released, stale)
    assert totals(database, world, world.shirt) == (4, 1, 4)
    with database.unit_of_work() as uow:
        statuses = [uow.session.get(Reservation, i).status for i in ids]
    assert statuses == [ReservationStatus.ACTIVE, ReservationStatus.RELEASED, ReservationStatus.EXPIRED]
    with database.unit_of_work() as uow:
        with pytest.raises(StockError, match="released"):
            StockLedger(uow.session, ACTOR).release(released)


def test_pick_then_ship_consumes_the_reservation(database: Database, world) -> None:
    receive(database, world, 5)
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        reservation = ledger.reserve(world.shirt, world.warehouse_id, 2)
        ledger.pick(reservation, world.bin_a, world.bench, 2, reference="JLS-1")
        ledger.ship(reservation, world.bench, 2, reference="JLS-1")
        uow.commit()
        reservation_id = reservation
    assert totals(database, world, world.shirt) == (3, 0, 3)
    assert ledger_kinds(database) == [MoveKind.RECEIPT, MoveKind.PICK, MoveKind.SHIP]
    with database.unit_of_work() as uow:
        assert uow.session.get(Reservation, reservation_id).status == ReservationStatus.CONSUMED
        with pytest.raises(StockError, match="consumed"):
            StockLedger(uow.session, ACTOR).ship(reservation_id, world.bench, 1)


def test_stock_changes_queue_one_coalesced_push_per_listing(database: Database, world) -> None:
    receive(database, world, 5)
    receive(database, world, 5)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, ACTOR).reserve(world.shirt, world.warehouse_id, 1)
        StockLedger(uow.session, ACTOR).receive(world.mug, world.bin_a, 7)  # not listed anywhere
        uow.commit()
    with database.unit_of_work() as uow:
        messages = uow.session.scalars(select(OutboxMessage)).all()
    assert [(m.listing_id, m.kind, m.pending_key) for m in messages] == [
        (world.listing_id, "stock", f"stock:{world.listing_id}")
    ]


def test_transfers_inside_the_warehouse_do_not_queue_pushes(database: Database, world) -> None:
    receive(database, world, 5)
    with database.unit_of_work() as uow:
        uow.session.query(OutboxMessage).delete()
        StockLedger(uow.session, ACTOR).move(world.shirt, world.bin_a, world.bin_b, 1)
        uow.commit()
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_the_ledger_is_append_only(database: Database, world) -> None:
    receive(database, world, 1)
    with database.unit_of_work() as uow:
        move = uow.session.scalars(select(StockMove)).one()
        move.quantity = 100
        with pytest.raises(AppendOnlyError, match="append-only"):
            uow.session.flush()
    with database.unit_of_work() as uow:
        uow.session.delete(uow.session.scalars(select(StockMove)).one())
        with pytest.raises(AppendOnlyError):
            uow.session.flush()


@pytest.mark.parametrize("quantity", [0, -3])
def test_non_positive_quantities_are_refused(database: Database, world, quantity: int) -> None:
    with database.unit_of_work() as uow:
        with pytest.raises(ValueError):
            StockLedger(uow.session, ACTOR).receive(world.shirt, world.bin_a, quantity)


def test_changes_report_each_touched_sku_for_the_stock_hook(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        ledger.receive(world.shirt, world.bin_a, 5)
        ledger.reserve(world.shirt, world.warehouse_id, 2)
        ledger.receive(world.mug, world.bin_b, 1)
        ledger.move(world.mug, world.bin_b, world.bin_a, 1)
        uow.commit()
        changes = {change.sku: change for change in ledger.changes()}
    assert set(changes) == {"POL-M-ROJ", "TAZ-01"}
    shirt = changes["POL-M-ROJ"]
    assert (shirt.tenant, shirt.warehouse, shirt.on_hand, shirt.reserved, shirt.available) == ("ACME", "SCL1", 5, 2, 3)
    assert (changes["TAZ-01"].on_hand, changes["TAZ-01"].available) == (1, 1)


def test_units_in_quarantine_cannot_be_promised_until_released(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        ledger.receive(world.shirt, world.quarantine, 4, reference="RMA-7")
        with pytest.raises(InsufficientStock):
            ledger.reserve(world.shirt, world.warehouse_id, 1)
        uow.commit()
    assert totals(database, world, world.shirt) == (0, 0, 0)
    with database.unit_of_work() as uow:
        uow.session.query(OutboxMessage).delete()
        StockLedger(uow.session, ACTOR).move(world.shirt, world.quarantine, world.bin_a, 3)  # inspected: fine
        uow.commit()
    assert totals(database, world, world.shirt) == (3, 0, 3)
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(OutboxMessage)) == 1  # channels hear of it
        StockLedger(uow.session, ACTOR).reserve(world.shirt, world.warehouse_id, 3)
        StockLedger(uow.session, ACTOR).move(world.shirt, world.bin_a, world.quarantine, 2)  # found damaged
        uow.commit()
    on_hand, reserved, _ = totals(database, world, world.shirt)
    assert (on_hand, reserved) == (1, 3)  # the order is now short; available shows 0, never negative


def _second_warehouse(database: Database) -> tuple[int, int, int]:
    """A second warehouse with a transit location and a dock: (warehouse id, transit id, dock id)."""
    from station.db.models import Location, LocationKind, Warehouse  # noqa: PLC0415

    with database.unit_of_work() as uow:
        warehouse = Warehouse(code="CCP", name="Concepción")
        uow.session.add(warehouse)
        uow.session.flush()
        transit = Location(warehouse_id=warehouse.id, code="TRANSIT", kind=LocationKind.TRANSIT)
        dock = Location(warehouse_id=warehouse.id, code="DOCK", kind=LocationKind.DOCK)
        uow.session.add_all([transit, dock])
        uow.session.commit()
        return warehouse.id, transit.id, dock.id


def test_units_change_warehouse_only_through_transit_and_are_not_sellable_on_the_way(database: Database, world) -> None:
    receive(database, world, 10)
    other, transit, dock = _second_warehouse(database)
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        with pytest.raises(StockError, match="stock transfer"):
            ledger.move(world.shirt, world.bin_a, dock, 1)  # straight into another warehouse's bin
        ledger.move(world.shirt, world.bin_a, transit, 4, reference="TR-000001")
        uow.commit()
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        assert ledger.totals(world.warehouse_id, world.shirt) == (6, 0)
        assert ledger.totals(other, world.shirt) == (0, 0)  # in transit: nobody can sell it
        ledger.move(world.shirt, transit, dock, 4, reference="TR-000001")
        uow.commit()
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        assert ledger.totals(other, world.shirt) == (4, 0)
        assert sum_quants(uow.session, other, world.shirt) == 4


def test_reserved_units_never_leave_for_another_warehouse(database: Database, world) -> None:
    receive(database, world, 5)
    _, transit, _ = _second_warehouse(database)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, ACTOR).reserve(world.shirt, world.warehouse_id, 3, ttl=None)
        uow.commit()
    with database.unit_of_work() as uow:
        with pytest.raises(InsufficientStock, match="Only 2 of SKU POL-M-ROJ"):
            StockLedger(uow.session, ACTOR).move(world.shirt, world.bin_a, transit, 3)
