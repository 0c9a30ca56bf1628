"""Batch picking through the services: build the list, walk it by scanning, short picks, the leaderboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from picking_world import ACTOR, add_allocated_order, build_pick_world
from sqlalchemy import select

from station.db.base import utcnow
from station.db.models import (
    CycleCount,
    Location,
    Order,
    PickException,
    Picklist,
    PicklistStatus,
    StockLevel,
    StockMove,
    Wave,
)
from station.domain.layout import path_length
from station.domain.orders import OrderState
from station.domain.stock import MoveKind
from station.services.layout import bin_point, load_layout
from station.services.picking import PickingError, allocated_orders, build_picklist, pack_point
from station.services.picking_queries import find_picklist, picklist_view
from station.services.picking_scans import report_short, scan_bin, scan_item
from station.services.picking_stats import leaderboard
from station.services.picking_waves import build_waves
from station.services.stock import Actor

PICKER = Actor(station="picker-1")


@pytest.fixture
def world(database):
    return build_pick_world(database)


def _batch(database, world, orders):
    ids = [add_allocated_order(database, world, number, lines) for number, lines in orders]
    with database.unit_of_work() as uow:
        picklist_id = build_picklist(uow.session, world.warehouse_id, ids, ACTOR)
        uow.commit()
    return ids, picklist_id


ORDERS = [
    ("JLS-1", [("LAP-AZ", 2), ("CUA-A5", 1)]),
    ("JLS-2", [("TIJ-01", 2)]),
    ("JLS-3", [("LAP-AZ", 1), ("TIJ-01", 1)]),
]


def test_allocated_orders_filter_by_aisles(database, world):
    for number, lines in ORDERS:
        add_allocated_order(database, world, number, lines)
    with database.unit_of_work() as uow:
        every = allocated_orders(uow.session, world.warehouse_id)
        in_c = allocated_orders(uow.session, world.warehouse_id, aisles="C")
    assert [o.number for o in every] == ["JLS-1", "JLS-2", "JLS-3"]
    assert [o.number for o in in_c] == ["JLS-1"]
    assert every[0].units == 3 and every[0].aisles == "A, C"


def test_a_batch_gets_one_line_per_bin_in_route_order_shorter_than_s_shape(database, world):
    order_ids, picklist_id = _batch(database, world, ORDERS)
    with database.unit_of_work() as uow:
        session = uow.session
        view = picklist_view(session, picklist_id)
        assert view.code == "PL-000001"
        assert view.totes == [("T1", "JLS-1"), ("T2", "JLS-2"), ("T3", "JLS-3")]
        # one line per order line and bin: the pens of both orders come from the bin taken first
        assert sorted((line.tote, line.sku, line.quantity) for line in view.lines) == [
            ("T1", "CUA-A5", 1),
            ("T1", "LAP-AZ", 2),
            ("T2", "TIJ-01", 2),
            ("T3", "LAP-AZ", 1),
            ("T3", "TIJ-01", 1),
        ]
        assert [line.sequence for line in view.lines] == [1, 2, 3, 4, 5]
        assert 0 < view.route_cm <= view.s_shape_cm and view.route_cm <= view.largest_gap_cm
        # the stored length is the walk through the bins in the lines' order, dock to pack station
        layout = load_layout(session, world.warehouse_id)
        stops = list(dict.fromkeys(bin_point(layout, session.get(Location, line.location_id)) for line in view.lines))
        start = layout.place_point("DOCK-01")
        assert path_length(layout.route_path([start, *stops, pack_point(layout)])) == view.route_cm
        assert view.route[0] == (start.x, start.y)
        states = {o.number: o.state for o in session.scalars(select(Order).where(Order.id.in_(order_ids)))}
        assert set(states.values()) == {OrderState.PICKING}


def test_orders_not_allocated_or_already_on_a_list_are_refused(database, world):
    order_ids, _ = _batch(database, world, ORDERS[:1])
    with database.unit_of_work() as uow, pytest.raises(PickingError, match="JLS-1 is picking, not allocated"):
        build_picklist(uow.session, world.warehouse_id, order_ids, ACTOR)


def test_units_another_list_claimed_are_not_promised_twice(database, world):
    _, first = _batch(database, world, [("JLS-1", [("TIJ-01", 3)])])
    _, second = _batch(database, world, [("JLS-2", [("TIJ-01", 10)])])
    taken: dict[str, int] = {}
    with database.unit_of_work() as uow:
        for picklist_id in (first, second):
            for line in picklist_view(uow.session, picklist_id).lines:
                taken[line.location] = taken.get(line.location, 0) + line.quantity
    assert taken == {"B-01-A": 3, "D-08-A": 10}  # every unit of both bins, none twice


def _scan(database, fn, *args, **kwargs):
    with database.unit_of_work() as uow:
        outcome = fn(uow.session, *args, **kwargs)
        uow.commit()
    return outcome


def test_scanning_the_bin_then_the_item_picks_to_the_pack_station(database, world):
    _, picklist_id = _batch(database, world, ORDERS[:1])
    with database.unit_of_work() as uow:
        first = picklist_view(uow.session, picklist_id).lines[0]
        reserved_before = uow.session.scalar(
            select(StockLevel.reserved).where(StockLevel.variant_id == world.skus[first.sku])
        )
    at_bin = _scan(database, scan_bin, picklist_id, first.location.lower(), PICKER)
    assert at_bin.ok and at_bin.line.id == first.id
    done = _scan(database, scan_item, picklist_id, first.id, world.barcodes[first.sku], PICKER)
    assert done.ok and done.line.picked == 1
    with database.unit_of_work() as uow:
        session = uow.session
        move = session.scalars(select(StockMove).where(StockMove.kind == MoveKind.PICK)).one()
        assert (move.from_location_id, move.to_location_id, move.quantity) == (first.location_id, world.bench, 1)
        assert move.reference == "PL-000001"
        reserved = session.scalar(select(StockLevel.reserved).where(StockLevel.variant_id == world.skus[first.sku]))
        assert reserved == reserved_before  # picked units stay promised to their order
        assert session.get(Picklist, picklist_id).status == PicklistStatus.IN_PROGRESS


def test_a_wrong_bin_or_item_is_refused_naming_what_was_expected(database, world):
    _, picklist_id = _batch(database, world, ORDERS[:1])
    with database.unit_of_work() as uow:
        first = picklist_view(uow.session, picklist_id).lines[0]
    wrong_bin = _scan(database, scan_bin, picklist_id, "D-08-B", PICKER)
    assert not wrong_bin.ok
    assert (
        wrong_bin.message == f"Wrong bin: D-08-B is not on this pick list now; go to {first.location} for {first.sku}"
    )
    wrong_item = _scan(database, scan_item, picklist_id, first.id, world.barcodes["TIJ-01"], PICKER)
    assert not wrong_item.ok
    assert "Wrong item: 7800000000031 (TIJ-01)" in wrong_item.message and f"scan {first.sku}" in wrong_item.message
    unknown = _scan(database, scan_item, picklist_id, first.id, "NOPE", PICKER)
    assert not unknown.ok and unknown.message.startswith("Wrong item: NOPE is not what bin")
    with database.unit_of_work() as uow:
        assert uow.session.scalars(select(StockMove).where(StockMove.kind == MoveKind.PICK)).all() == []


def _pick_all(database, world, picklist_id):
    while True:
        with database.unit_of_work() as uow:
            line = picklist_view(uow.session, picklist_id).next_line
        if line is None:
            return
        assert _scan(database, scan_bin, picklist_id, line.location, PICKER).ok
        for _ in range(line.open_units):
            outcome = _scan(database, scan_item, picklist_id, line.id, line.sku, PICKER)
            assert outcome.ok, outcome.message


def test_a_short_pick_opens_a_recount_of_that_bin_and_takes_the_rest_elsewhere(database, world):
    order_ids, picklist_id = _batch(database, world, [("JLS-2", [("TIJ-01", 2)])])
    with database.unit_of_work() as uow:
        (line,) = picklist_view(uow.session, picklist_id).lines
    outcome = _scan(database, report_short, picklist_id, line.id, 1, PICKER)
    other = "D-08-A" if line.location == "B-01-A" else "B-01-A"
    assert (
        outcome.message == f"Short pick at {line.location}: 1 × TIJ-01 missing; recount opened; take them from {other}"
    )
    with database.unit_of_work() as uow:
        session = uow.session
        exception = session.scalars(select(PickException)).one()
        assert (exception.location_id, exception.missing) == (line.location_id, 1)
        counts = session.scalars(select(CycleCount)).all()
        assert [c.location_id for c in counts] == [line.location_id] and exception.recount_id == counts[0].id
        view = picklist_view(session, picklist_id)
        assert [(x.location, x.quantity, x.picked, x.short, x.tote) for x in view.lines] == [
            (line.location, 2, 1, 1, "T1"),
            (other, 1, 0, 0, "T1"),
        ]
    _pick_all(database, world, picklist_id)
    with database.unit_of_work() as uow:
        assert uow.session.get(Order, order_ids[0]).state == OrderState.PICKED
        assert uow.session.get(Picklist, picklist_id).status == PicklistStatus.DONE


def test_picking_the_whole_list_makes_every_order_picked(database, world):
    order_ids, picklist_id = _batch(database, world, ORDERS)
    _pick_all(database, world, picklist_id)
    with database.unit_of_work() as uow:
        session = uow.session
        assert {session.get(Order, i).state for i in order_ids} == {OrderState.PICKED}
        picked = session.scalars(select(StockMove).where(StockMove.kind == MoveKind.PICK)).all()
        assert sum(m.quantity for m in picked) == 7 and {m.to_location_id for m in picked} == {world.bench}
        assert find_picklist(session, "pl-000001").finished_at is not None


def test_leaderboard_counts_units_lines_and_mistakes(database, world):
    picker = Actor(station="picker-1", user_id=world.picker_id)
    _, picklist_id = _batch(database, world, ORDERS[:1])
    _scan(database, scan_bin, picklist_id, "D-08-B", picker)  # one wrong scan
    while True:
        with database.unit_of_work() as uow:
            line = picklist_view(uow.session, picklist_id).next_line
        if line is None:
            break
        for _ in range(line.open_units):
            assert _scan(database, scan_item, picklist_id, line.id, line.sku, picker).ok
    with database.unit_of_work() as uow:
        (score,) = leaderboard(uow.session, world.warehouse_id, utcnow() - timedelta(hours=1))
    assert (score.picker, score.lines, score.units, score.wrong_scans, score.shorts) == ("Pía Rojas", 2, 3, 1, 0)
    assert score.accuracy == 0.75  # 3 good scans out of 4
    assert score.picks_per_hour > 0


def test_waves_by_zone_release_every_allocated_order(database, world):
    for number, lines in ORDERS:
        add_allocated_order(database, world, number, lines)
    with database.unit_of_work() as uow:
        wave_ids = build_waves(uow.session, world.warehouse_id, ACTOR, by="zone", zones=["A-B", "C-D"])
        uow.commit()
    with database.unit_of_work() as uow:
        waves = uow.session.scalars(select(Wave).where(Wave.id.in_(wave_ids)).order_by(Wave.code)).all()
        assert [w.code for w in waves] == ["W-000001", "W-000002"][: len(waves)]
        assert {o.state for o in uow.session.scalars(select(Order))} == {OrderState.PICKING}
        assert len(uow.session.scalars(select(Picklist)).all()) == len(waves)


def test_waves_by_cutoff_group_orders_by_the_pick_up_they_must_make(database, world):
    for number, lines in ORDERS:
        add_allocated_order(database, world, number, lines)
    with database.unit_of_work() as uow:
        wave_ids = build_waves(uow.session, world.warehouse_id, ACTOR, by="cutoff", orders_per_picklist=2)
        uow.commit()
    with database.unit_of_work() as uow:
        waves = uow.session.scalars(select(Wave).where(Wave.id.in_(wave_ids))).all()
        assert all(wave.cutoff_at is not None for wave in waves)
        assert len(uow.session.scalars(select(Picklist)).all()) == 2  # three orders, two per list
    with database.unit_of_work() as uow, pytest.raises(PickingError, match="No allocated orders"):
        build_waves(uow.session, world.warehouse_id, ACTOR, by="cutoff")


def test_a_short_pick_with_no_other_bin_says_so(database, world):
    order_ids, picklist_id = _batch(database, world, [("JLS-1", [("LAP-AZ", 3)])])
    with database.unit_of_work() as uow:
        (line,) = picklist_view(uow.session, picklist_id).lines
    outcome = _scan(database, report_short, picklist_id, line.id, 1, PICKER)
    assert outcome.message == (
        "Short pick at A-03-A: 2 × LAP-AZ missing and no other bin has them; recount opened; "
        "2 unit(s) are on no other shelf"
    )
    assert outcome.finished  # nothing left to walk to
    with database.unit_of_work() as uow:
        assert uow.session.get(Order, order_ids[0]).state == OrderState.PICKING  # not all its units are picked
        assert uow.session.scalars(select(PickException)).one().note == "2 unit(s) not on any other shelf"


def test_a_route_can_start_where_the_picker_stands(database, world):
    ids = [add_allocated_order(database, world, "JLS-1", [("TIJ-01", 1), ("CUA-A5", 1)])]
    with database.unit_of_work() as uow:
        layout = load_layout(uow.session, world.warehouse_id)
        here = bin_point(layout, uow.session.get(Location, world.bins["C-06-B"]))
        picklist_id = build_picklist(uow.session, world.warehouse_id, ids, ACTOR, start=here)
        view = picklist_view(uow.session, picklist_id)
    assert view.route[0] == (here.x, here.y)
    assert view.lines[0].location == "C-06-B"  # the notebook is taken where the picker already is
