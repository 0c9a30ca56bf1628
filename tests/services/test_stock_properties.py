"""Property test: any sequence of stock operations keeps the books straight.

Whatever a day of receipts, moves (in and out of quarantine too), adjustments, reservations,
releases, picks and shipments looks like, and whichever of them fail, the SKU's level equals the sum
of its sellable quants and of its ledger, reserved equals the active reservations, and nothing is
ever negative.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_world import build_world
from sqlalchemy import func, select

from station.db import Base, Database
from station.db.models import Location, Reservation, ReservationStatus, StockMove, StockQuant
from station.domain.stock import AdjustmentReason, DomainError
from station.services.stock import SELLABLE_KINDS, Actor, StockError, StockLedger, sum_quants

quantities = st.integers(min_value=1, max_value=6)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("receive"), st.integers(0, 2), quantities),
        st.tuples(st.just("move"), st.integers(0, 2), quantities),
        st.tuples(st.just("adjust"), st.integers(0, 2), st.integers(-4, 4).filter(bool)),
        st.tuples(st.just("reserve"), st.just(0), quantities),
        st.tuples(st.just("release"), st.integers(0, 20), st.just(0)),
        st.tuples(st.just("ship"), st.integers(0, 20), st.integers(1, 2)),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_any_sequence_of_operations_keeps_the_books_straight(steps) -> None:
    database = Database("sqlite://")  # one in-memory database per example
    Base.metadata.create_all(database.engine)
    world = build_world(database)
    bins = (world.bin_a, world.bin_b, world.quarantine)
    reservations: list[int] = []
    for action, which, quantity in steps:
        with database.unit_of_work() as uow:
            ledger = StockLedger(uow.session, Actor("prop"))
            try:
                if action == "receive":
                    ledger.receive(world.shirt, bins[which], quantity)
                elif action == "move":
                    ledger.move(world.shirt, bins[which], bins[(which + 1) % 3], quantity)
                elif action == "adjust":
                    ledger.adjust(world.shirt, bins[which], quantity, AdjustmentReason.COUNT_CORRECTION)
                elif action == "reserve":
                    reservations.append(ledger.reserve(world.shirt, world.warehouse_id, quantity))
                elif reservations and action == "release":
                    ledger.release(reservations[which % len(reservations)])
                elif reservations and action == "ship":
                    reservation = reservations[which % len(reservations)]
                    ledger.pick(reservation, world.bin_a, world.bench, quantity)
                    ledger.ship(reservation, world.bench, quantity)
                uow.commit()
            except (DomainError, StockError):
                pass  # refused operations must leave nothing behind; checked below
        assert_books_straight(database, world)
    database.dispose()


def assert_books_straight(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        on_hand, reserved = StockLedger(session, Actor("check")).totals(world.warehouse_id, world.shirt)
        assert on_hand == sum_quants(session, world.warehouse_id, world.shirt)
        kinds = dict(session.execute(select(Location.id, Location.kind)).all())
        sellable = {location_id for location_id, kind in kinds.items() if kind in SELLABLE_KINDS}
        moves = session.execute(
            select(StockMove.quantity, StockMove.from_location_id, StockMove.to_location_id).where(
                StockMove.variant_id == world.shirt
            )
        ).all()
        ledger_sum = sum(q * ((to in sellable) - (source in sellable)) for q, source, to in moves)
        assert on_hand == ledger_sum
        active = session.scalar(
            select(func.coalesce(func.sum(Reservation.quantity), 0)).where(
                Reservation.variant_id == world.shirt, Reservation.status == ReservationStatus.ACTIVE
            )
        )
        assert reserved == active
        assert min(session.scalars(select(StockQuant.on_hand)).all(), default=0) >= 0
        assert reserved >= 0
