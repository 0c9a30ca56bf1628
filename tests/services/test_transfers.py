"""Transfers between warehouses and bin-to-bin moves, as a warehouse would notice them: on hand leaves
the source at dispatch, sits in transit where nobody can sell it, arrives at the destination; refusals
name what is wrong and write nothing; two stations dispatching the same units never go negative."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sample_world import World
from sqlalchemy import func, select

from station.db import Database
from station.db.models import (
    Location,
    LocationKind,
    Lot,
    Product,
    SerialNumber,
    StockMove,
    StockQuant,
    StockTransfer,
    Tenant,
    Tracking,
    Variant,
    Warehouse,
)
from station.domain.stock import MoveKind
from station.services.availability import available_to_sell, warehouse_availability
from station.services.bin_moves import MoveError, move_stock
from station.services.stock import Actor, StockLedger, sum_quants
from station.services.transfers import (
    cancel,
    create_transfer,
    dispatch,
    get_transfer,
    in_transit_units,
    list_transfers,
    receive,
)

ACTOR = Actor(station="bench-1")


def add_branch(database: Database) -> tuple[int, int, int]:
    """Warehouse CCP with a dock and one bin: (warehouse id, dock id, bin id)."""
    with database.unit_of_work() as uow:
        warehouse = Warehouse(code="CCP", name="Bodega Concepción", region="Biobío", comuna="Concepción")
        uow.session.add(warehouse)
        uow.session.flush()
        dock = Location(warehouse_id=warehouse.id, code="DOCK-01", kind=LocationKind.DOCK)
        shelf = Location(warehouse_id=warehouse.id, code="A-01-A", kind=LocationKind.STORAGE)
        uow.session.add_all([dock, shelf])
        uow.session.flush()
        uow.commit()
        return warehouse.id, dock.id, shelf.id


def stock(database: Database, world: World, warehouse_id: int, variant_id: int | None = None) -> tuple[int, int]:
    """(on hand for sale, units on quants of sellable bins) of a SKU in a warehouse."""
    variant_id = variant_id or world.shirt
    with database.unit_of_work() as uow:
        on_hand, _ = StockLedger(uow.session, ACTOR).totals(warehouse_id, variant_id)
        return on_hand, sum_quants(uow.session, warehouse_id, variant_id)


def receive_stock(
    database: Database, variant_id: int, location_id: int, quantity: int, lot_id: int | None = None
) -> None:
    with database.unit_of_work() as uow:
        StockLedger(uow.session, ACTOR).receive(variant_id, location_id, quantity, lot_id=lot_id)
        uow.commit()


def run(database: Database, work):
    with database.unit_of_work() as uow:
        result = work(uow.session)
        uow.commit()
        return result


def counts(database: Database) -> tuple[int, int, int]:
    """(transfers, ledger rows, quants with units): what a refused action must leave unchanged."""
    with database.unit_of_work() as uow:
        session = uow.session
        return (
            session.scalar(select(func.count()).select_from(StockTransfer)),
            session.scalar(select(func.count()).select_from(StockMove)),
            session.scalar(select(func.count()).select_from(StockQuant).where(StockQuant.on_hand > 0)),
        )


def test_a_transfer_leaves_at_dispatch_waits_in_transit_unsellable_and_arrives_in_parts(
    database: Database, world: World
) -> None:
    branch, dock, shelf = add_branch(database)
    receive_stock(database, world.shirt, world.bin_a, 10)
    draft = run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("POL-M-ROJ", 6, "A-01-A")], ACTOR, note="Bio"))
    assert (draft.number, draft.status, draft.units, draft.client) == ("TR-000001", "draft", 6, "ACME")
    assert stock(database, world, world.warehouse_id) == (10, 10)  # a draft moves nothing

    sent = run(database, lambda s: dispatch(s, "tr-000001", Actor("bench-1", user_id=None)))
    assert sent.status == "in_transit" and sent.dispatched_at is not None
    assert stock(database, world, world.warehouse_id) == (4, 4)
    assert stock(database, world, branch) == (0, 0)
    with database.unit_of_work() as uow:
        assert in_transit_units(uow.session, world.shirt) == 6 == in_transit_units(uow.session, world.shirt, branch)
        # On the road nobody sells them: the channel offers only what is left in SCL1.
        assert available_to_sell(uow.session, world.shirt, world.channel_id) == 4
        assert warehouse_availability(uow.session, world.shirt).get(branch, 0) == 0
        transit = uow.session.scalars(
            select(Location).where(Location.warehouse_id == branch, Location.code == "TRANSIT")
        ).one()
        assert transit.kind is LocationKind.TRANSIT

    partly = run(database, lambda s: receive(s, "TR-000001", ACTOR, lines=[("POL-M-ROJ", 2)]))
    assert (partly.status, partly.received, partly.lines[0].outstanding) == ("in_transit", 2, 4)
    assert stock(database, world, branch) == (2, 2)
    done = run(database, lambda s: receive(s, "TR-000001", ACTOR, to_bin="a-01-a"))
    assert (done.status, done.received) == ("received", 6) and done.received_at is not None
    assert stock(database, world, branch) == (6, 6)
    with database.unit_of_work() as uow:
        session = uow.session
        assert in_transit_units(session, world.shirt) == 0
        assert available_to_sell(session, world.shirt, world.channel_id) == 10
        assert warehouse_availability(session, world.shirt)[branch] == 6
        at = dict(
            session.execute(
                select(StockQuant.location_id, StockQuant.on_hand).where(StockQuant.variant_id == world.shirt)
            ).all()
        )
        assert (at[dock], at[shelf], at[world.bin_a]) == (2, 4, 4)
        moves = session.scalars(
            select(StockMove).where(StockMove.kind == MoveKind.TRANSFER).order_by(StockMove.id)
        ).all()
        assert [(m.quantity, m.reference, m.station) for m in moves] == [
            (6, "TR-000001", "bench-1"),
            (2, "TR-000001", "bench-1"),
            (4, "TR-000001", "bench-1"),
        ]
        assert all(m.at is not None for m in moves)
    with database.unit_of_work() as uow:
        assert [t.number for t in list_transfers(uow.session, status="received")] == ["TR-000001"]
        assert list_transfers(uow.session, status="draft") == []
        assert get_transfer(uow.session, "TR-000001").note == "Bio"


def test_numbers_count_up_per_client_and_a_draft_cancels_for_free(database: Database, world: World) -> None:
    add_branch(database)
    receive_stock(database, world.shirt, world.bin_a, 5)
    first = run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("POL-M-ROJ", 1, "A-01-A")], ACTOR))
    second = run(database, lambda s: create_transfer(s, "scl1", "ccp", [("pol-m-roj", 2, "a-01-a")], ACTOR))
    assert (first.number, second.number) == ("TR-000001", "TR-000002")
    cancelled = run(database, lambda s: cancel(s, "TR-000002", ACTOR))
    assert cancelled.status == "cancelled" and "cancelled by bench-1" in cancelled.note
    assert stock(database, world, world.warehouse_id) == (5, 5)
    with (
        database.unit_of_work() as uow,
        pytest.raises(MoveError, match="TR-000002 is cancelled; only a draft can be dispatched"),
    ):
        dispatch(uow.session, "TR-000002", ACTOR)


def test_cancelling_in_transit_is_refused_and_names_the_destination(database: Database, world: World) -> None:
    add_branch(database)
    receive_stock(database, world.shirt, world.bin_a, 5)
    run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("POL-M-ROJ", 3, "A-01-A")], ACTOR))
    run(database, lambda s: dispatch(s, "TR-000001", ACTOR))
    with database.unit_of_work() as uow, pytest.raises(MoveError, match="already on its way; receive it at CCP"):
        cancel(uow.session, "TR-000001", ACTOR)
    with database.unit_of_work() as uow, pytest.raises(MoveError, match="only a draft can be dispatched"):
        dispatch(uow.session, "TR-000001", ACTOR)
    with (
        database.unit_of_work() as uow,
        pytest.raises(MoveError, match="Only 3 more of POL-M-ROJ on its way in TR-000001; 4"),
    ):
        receive(uow.session, "TR-000001", ACTOR, lines=[("POL-M-ROJ", 4)])
    with database.unit_of_work() as uow, pytest.raises(MoveError, match="TAZ-01 is not on TR-000001"):
        receive(uow.session, "TR-000001", ACTOR, lines=[("TAZ-01", 1)])


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([("NOPE-1", 1, "A-01-A")], "No SKU 'NOPE-1'"),
        ([("POL-M-ROJ", 1, "Z-99-Z")], r"Line 1 \(POL-M-ROJ\): No bin Z-99-Z in warehouse SCL1"),
        ([("POL-M-ROJ", 1, "DOCK-01")], r"No bin DOCK-01 in warehouse SCL1 \(it is in CCP\)"),
        ([("POL-M-ROJ", 4, "A-01-A"), ("POL-M-ROJ", 3, "A-01-A")], "Only 5 of POL-M-ROJ at A-01-A; 7 requested in all"),
        ([("POL-M-ROJ", 0, "A-01-A")], r"Line 1 \(POL-M-ROJ\): Quantity 0 is not valid"),
        ([("TAZ-01", 1, "A-01-B")], r"Only 0 of TAZ-01 at A-01-B; 1 requested"),
        ([], "at least one line"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_written(database: Database, world: World, lines, message: str) -> None:
    add_branch(database)
    receive_stock(database, world.shirt, world.bin_a, 5)
    before = counts(database)
    with database.unit_of_work() as uow, pytest.raises(MoveError, match=message):
        create_transfer(uow.session, "SCL1", "CCP", lines, ACTOR)
    assert counts(database) == before


def test_unknown_or_same_warehouse_and_reserved_units_are_refused(database: Database, world: World) -> None:
    add_branch(database)
    receive_stock(database, world.shirt, world.bin_a, 5)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, ACTOR).reserve(world.shirt, world.warehouse_id, 4, ttl=None)
        uow.commit()
    before = counts(database)
    for source, target, message in (
        ("SCL9", "CCP", r"No warehouse 'SCL9' \(warehouses: CCP, SCL1\)"),
        ("SCL1", "SCL1", "SCL1 is both the source and the destination"),
        ("SCL1", "CCP", r"Only 1 of POL-M-ROJ free in SCL1 \(the rest is reserved for orders\); 2 requested"),
    ):
        with database.unit_of_work() as uow, pytest.raises(MoveError, match=message):
            create_transfer(uow.session, source, target, [("POL-M-ROJ", 2, "A-01-A")], ACTOR)
    assert counts(database) == before


def test_a_dispatch_that_no_longer_fits_is_refused_whole(database: Database, world: World) -> None:
    """Stock picked away after the draft was made: the dispatch names it and moves no line."""
    add_branch(database)
    receive_stock(database, world.shirt, world.bin_a, 5)
    receive_stock(database, world.mug, world.bin_b, 5)
    run(
        database,
        lambda s: create_transfer(s, "SCL1", "CCP", [("TAZ-01", 2, "A-01-B"), ("POL-M-ROJ", 5, "A-01-A")], ACTOR),
    )
    run(database, lambda s: move_stock(s, "POL-M-ROJ", "A-01-A", "A-01-B", 2, ACTOR, warehouse="SCL1"))
    before = counts(database)
    with (
        database.unit_of_work() as uow,
        pytest.raises(MoveError, match="TR-000001 cannot leave: Only 3 of POL-M-ROJ at A-01-A; 5"),
    ):
        dispatch(uow.session, "TR-000001", ACTOR)
    assert counts(database) == before
    assert stock(database, world, world.warehouse_id, world.mug) == (5, 5)
    with database.unit_of_work() as uow:
        assert get_transfer(uow.session, "TR-000001").status == "draft"


def test_lots_travel_first_to_expire_first_and_keep_their_codes(database: Database, world: World) -> None:
    branch, dock, _ = add_branch(database)
    with database.unit_of_work() as uow:
        session = uow.session
        product = session.get(Product, session.get(Variant, world.mug).product_id)
        product.tracking = Tracking.LOT
        late = Lot(tenant_id=world.tenant_id, variant_id=world.mug, code="L-LATE", expires_on=date(2030, 1, 1))
        early = Lot(tenant_id=world.tenant_id, variant_id=world.mug, code="L-EARLY", expires_on=date(2029, 1, 1))
        session.add_all([late, early])
        session.flush()
        ids = late.id, early.id
        uow.commit()
    receive_stock(database, world.mug, world.bin_b, 3, ids[0])
    receive_stock(database, world.mug, world.bin_b, 2, ids[1])
    draft = run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("TAZ-01", 4, "A-01-B")], ACTOR))
    assert [(line.lot, line.quantity) for line in draft.lines] == [("L-EARLY", 2), ("L-LATE", 2)]
    run(database, lambda s: dispatch(s, draft.number, ACTOR))
    run(database, lambda s: receive(s, draft.number, ACTOR, lines=[("TAZ-01", 1, "L-LATE")]))
    with database.unit_of_work() as uow:
        at_dock = dict(
            uow.session.execute(
                select(Lot.code, StockQuant.on_hand)
                .join(Lot, Lot.id == StockQuant.lot_id)
                .where(StockQuant.location_id == dock)
            ).all()
        )
        assert at_dock == {"L-LATE": 1}
        assert in_transit_units(uow.session, world.mug, branch) == 3


def test_a_bin_move_by_codes_and_its_refusals(database: Database, world: World) -> None:
    add_branch(database)
    receive_stock(database, world.shirt, world.bin_a, 5)
    moved = run(database, lambda s: move_stock(s, "pol-m-roj", "a-01-a", "A-01-B", 3, ACTOR, warehouse="SCL1"))
    assert (moved.sku, moved.from_bin, moved.to_bin, moved.quantity) == ("POL-M-ROJ", "A-01-A", "A-01-B", 3)
    assert stock(database, world, world.warehouse_id) == (5, 5)
    before = counts(database)
    for args, message in (
        (("POL-M-ROJ", "A-01-A", "A-01-B", 3), "Only 2 of POL-M-ROJ at A-01-A; 3 requested"),
        (("POL-M-ROJ", "A-01-A", "A-01-A", 1), "A-01-A is both the source and the destination"),
        (
            ("POL-M-ROJ", "A-01-A", "DOCK-01", 1),
            "DOCK-01 is not in warehouse SCL1; units change warehouse through a transfer",
        ),
        (("POL-M-ROJ", "A-01-A", "B-07-C", 1), "No bin B-07-C in warehouse SCL1"),
        (("POL-X", "A-01-B", "A-01-A", 1), "No SKU 'POL-X'"),
        (("POL-M-ROJ", "A-01-B", "A-01-A", -2), "Quantity -2 is not valid"),
    ):
        with database.unit_of_work() as uow, pytest.raises(MoveError, match=message):
            move_stock(uow.session, *args, ACTOR, warehouse="SCL1")
    with (
        database.unit_of_work() as uow,
        pytest.raises(MoveError, match="Bin A-01-A exists in CCP, SCL1; say which warehouse"),
    ):
        move_stock(uow.session, "POL-M-ROJ", "A-01-A", "A-01-B", 1, ACTOR)
    assert counts(database) == before
    # Into quarantine the units stop being for sale; the ledger row names the user.
    run(
        database,
        lambda s: move_stock(s, "POL-M-ROJ", "A-01-B", "QUA-01", 1, Actor("bench-1", user_id=None), warehouse="SCL1"),
    )
    assert stock(database, world, world.warehouse_id) == (4, 4)


def test_a_second_client_transfer_starts_its_own_numbers(database: Database, world: World) -> None:
    add_branch(database)
    with database.unit_of_work() as uow:
        session = uow.session
        other = Tenant(code="SUR", name="Sur Ltda")
        session.add(other)
        session.flush()
        product = Product(tenant_id=other.id, code="Q1", name="Queso")
        session.add(product)
        session.flush()
        cheese = Variant(tenant_id=other.id, product_id=product.id, sku="QUE-01", name="Queso")
        session.add(cheese)
        session.flush()
        cheese_id = cheese.id
        uow.commit()
    receive_stock(database, cheese_id, world.bin_b, 4)
    receive_stock(database, world.shirt, world.bin_a, 4)
    run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("POL-M-ROJ", 1, "A-01-A")], ACTOR))
    theirs = run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("QUE-01", 1, "A-01-B")], ACTOR))
    assert (theirs.number, theirs.client) == ("TR-000001", "SUR")
    with (
        database.unit_of_work() as uow,
        pytest.raises(MoveError, match="one client's goods; these lines belong to ACME, SUR"),
    ):
        create_transfer(uow.session, "SCL1", "CCP", [("QUE-01", 1, "A-01-B"), ("POL-M-ROJ", 1, "A-01-A")], ACTOR)
    with database.unit_of_work() as uow, pytest.raises(MoveError, match="Several clients have a transfer TR-000001"):
        dispatch(uow.session, "TR-000001", ACTOR)


def test_two_stations_dispatching_the_same_units_never_drive_a_bin_negative(
    pg_database_url: str, world_factory
) -> None:
    """Eight drafts each want 3 of the 10 units in one bin; eight threads dispatch them at once."""
    world = world_factory(pg_database_url)
    database = Database(pg_database_url)
    try:
        add_branch(database)
        receive_stock(database, world.shirt, world.bin_a, 10)
        numbers = [
            run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("POL-M-ROJ", 3, "A-01-A")], ACTOR)).number
            for _ in range(8)
        ]
        start = threading.Barrier(len(numbers))
        outcomes: dict[str, str] = {}

        def station(number: str) -> None:
            start.wait()
            try:
                run(database, lambda s: dispatch(s, number, Actor(f"station-{number}")))
                outcomes[number] = "sent"
            except MoveError as exc:
                outcomes[number] = str(exc)

        threads = [threading.Thread(target=station, args=(number,)) for number in numbers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        sent = [n for n, outcome in outcomes.items() if outcome == "sent"]
        refused = [outcome for outcome in outcomes.values() if outcome != "sent"]
        assert len(sent) == 3 and len(refused) == 5, outcomes
        assert all("cannot leave: Only 1 of POL-M-ROJ" in message for message in refused), refused
        with database.unit_of_work() as uow:
            quants = uow.session.scalars(select(StockQuant.on_hand).where(StockQuant.variant_id == world.shirt)).all()
            assert min(quants) >= 0 and sum(quants) == 10
            assert in_transit_units(uow.session, world.shirt) == 9
        assert stock(database, world, world.warehouse_id) == (1, 1)
    finally:
        database.dispose()


def test_units_promised_to_orders_never_go_to_quarantine_by_a_move(database: Database, world: World) -> None:
    receive_stock(database, world.shirt, world.bin_a, 5)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, ACTOR).reserve(world.shirt, world.warehouse_id, 4, ttl=None)
        uow.commit()
    before = counts(database)
    with (
        database.unit_of_work() as uow,
        pytest.raises(MoveError, match=r"Only 1 of POL-M-ROJ free in SCL1 .*2 cannot go to QUA-01"),
    ):
        move_stock(uow.session, "POL-M-ROJ", "A-01-A", "QUA-01", 2, ACTOR)
    assert counts(database) == before
    run(database, lambda s: move_stock(s, "POL-M-ROJ", "A-01-A", "QUA-01", 1, ACTOR))  # the free one may go
    run(database, lambda s: move_stock(s, "POL-M-ROJ", "A-01-A", "A-01-B", 4, ACTOR))  # reserved ones stay sellable
    assert stock(database, world, world.warehouse_id) == (4, 4)


def test_the_list_keeps_open_transfers_and_the_newest_others(database: Database, world: World) -> None:
    add_branch(database)
    receive_stock(database, world.shirt, world.bin_a, 9)
    for _ in range(3):
        number = run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("POL-M-ROJ", 1, "A-01-A")], ACTOR)).number
        run(database, lambda s, n=number: cancel(s, n, ACTOR))
    run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("POL-M-ROJ", 1, "A-01-A")], ACTOR, client="acme"))
    with database.unit_of_work() as uow:
        assert [t.number for t in list_transfers(uow.session, limit=1)] == ["TR-000004"]
        everything = list_transfers(uow.session, warehouse="CCP")
        assert [t.status for t in everything] == ["draft", "cancelled", "cancelled", "cancelled"]
        with pytest.raises(
            MoveError, match=r"No transfer status 'lost' \(choose draft, in_transit, received, cancelled\)"
        ):
            list_transfers(uow.session, status="lost")
        with pytest.raises(MoveError, match="No client 'NOBODY'"):
            create_transfer(uow.session, "SCL1", "CCP", [("POL-M-ROJ", 1, "A-01-A")], ACTOR, client="NOBODY")


def test_serial_numbers_travel_with_their_units_and_the_ledger_names_them(database: Database, world: World) -> None:
    _, dock, _ = add_branch(database)
    with database.unit_of_work() as uow:
        session = uow.session
        session.get(Product, session.get(Variant, world.mug).product_id).tracking = Tracking.SERIAL
        session.add_all(
            SerialNumber(tenant_id=world.tenant_id, variant_id=world.mug, serial=f"SN-{n}", location_id=world.bin_b)
            for n in (3, 1, 2)
        )
        uow.commit()
    receive_stock(database, world.mug, world.bin_b, 3)
    draft = run(database, lambda s: create_transfer(s, "SCL1", "CCP", [("TAZ-01", 2, "A-01-B")], ACTOR))
    run(database, lambda s: dispatch(s, draft.number, ACTOR))
    run(database, lambda s: receive(s, draft.number, ACTOR))
    with database.unit_of_work() as uow:
        session = uow.session
        where = dict(session.execute(select(SerialNumber.serial, Location.code).join(Location)).all())
        assert where == {"SN-1": "DOCK-01", "SN-2": "DOCK-01", "SN-3": "A-01-B"}
        rows = session.execute(
            select(SerialNumber.serial, StockMove.quantity, StockMove.to_location_id)
            .join(SerialNumber, SerialNumber.id == StockMove.serial_id)
            .where(StockMove.kind == MoveKind.TRANSFER)
            .order_by(StockMove.id)
        ).all()
        assert [(serial, units) for serial, units, _ in rows] == [("SN-1", 1), ("SN-2", 1), ("SN-1", 1), ("SN-2", 1)]
        assert rows[-1][2] == dock
