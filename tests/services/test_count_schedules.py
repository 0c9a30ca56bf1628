"""Count schedules: due by frequency, ABC classes from picks, no bin on two open sheets, blind sheets,
accuracy over time — and counting by scanner (count_scans)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from station.db import Database
from station.db.models import (
    Barcode,
    CountSchedule,
    CycleCount,
    Location,
    LocationKind,
    Lot,
    Role,
    StockMove,
    Symbology,
)
from station.services import count_scans
from station.services.count_schedules import (
    ScheduleError,
    accuracy_history,
    classify_bins,
    create_schedule,
    due_schedules,
    list_schedules,
    open_due_counts,
    update_schedule,
)
from station.services.counts import CountError, approve, finish, open_counts, record, sheet
from station.services.stock import Actor, StockLedger

ACTOR = Actor(station="counter-1")
MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
MUG_EAN = "7801234567894"


def stocked(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        ledger.receive(world.shirt, world.bin_a, 10)
        ledger.receive(world.mug, world.bin_a, 4)
        ledger.receive(world.mug, world.bin_b, 2)
        uow.commit()


def open_count_ids(session) -> list[int]:
    return list(session.scalars(select(CycleCount.id).where(CycleCount.status == "open").order_by(CycleCount.id)))


def test_a_schedule_is_due_when_new_and_again_after_its_frequency(database: Database, world) -> None:
    stocked(database, world)
    with database.unit_of_work() as uow:
        weekly = create_schedule(
            uow.session, world.warehouse_id, "Aisle A weekly", location_prefix="a-01", frequency_days=7
        )
        paused = create_schedule(uow.session, world.warehouse_id, "Paused", frequency_days=1)
        update_schedule(uow.session, paused, active=False)
        uow.commit()
    with database.unit_of_work() as uow:
        assert [row.id for row in due_schedules(uow.session, MONDAY)] == [weekly]
        (opened,) = open_due_counts(uow.session, MONDAY)
        uow.commit()
    assert (opened.schedule_id, len(opened.count_ids), opened.skipped) == (weekly, 2, [])
    with database.unit_of_work() as uow:
        (row,) = [row for row in list_schedules(uow.session, world.warehouse_id) if row.id == weekly]
        assert row.last_opened_at == MONDAY and row.location_prefix == "A-01"
        assert due_schedules(uow.session, MONDAY + timedelta(days=6, hours=23)) == []
        assert [row.id for row in due_schedules(uow.session, MONDAY + timedelta(days=7))] == [weekly]
        counts = uow.session.scalars(select(CycleCount).where(CycleCount.id.in_(opened.count_ids))).all()
        assert {count.schedule_id for count in counts} == {weekly}


def test_no_bin_is_on_two_open_sheets(database: Database, world) -> None:
    stocked(database, world)
    with database.unit_of_work() as uow:
        (by_hand,) = open_counts(uow.session, world.warehouse_id, location_prefix="A-01-A")
        create_schedule(uow.session, world.warehouse_id, "Daily", location_prefix="A-01", frequency_days=1)
        (opened,) = open_due_counts(uow.session, MONDAY)
        assert opened.skipped == ["A-01-A"] and len(opened.count_ids) == 1
        assert open_due_counts(uow.session, MONDAY + timedelta(days=1))[0].count_ids == []  # both still open
        with pytest.raises(CountError, match="has a count open already"):
            open_counts(uow.session, world.warehouse_id, location_prefix="A-01")
        finish(uow.session, by_hand)
        assert open_due_counts(uow.session, MONDAY + timedelta(days=2))[0].count_ids == []  # counted, not applied
        approve(uow.session, by_hand, ACTOR)
        (again,) = open_due_counts(uow.session, MONDAY + timedelta(days=3))
        assert len(again.count_ids) == 1 and again.skipped == ["A-01-B"]
        uow.commit()


def test_abc_classes_follow_the_units_picked_and_the_schedule_counts_its_class(database: Database, world) -> None:
    picked = {"A-02-A": 70, "A-02-B": 20, "A-02-C": 6, "A-02-D": 4}  # of 100 units picked
    with database.unit_of_work() as uow:
        session = uow.session
        bins = {
            code: Location(warehouse_id=world.warehouse_id, code=code, kind=LocationKind.STORAGE)
            for code in [*picked, "A-02-E"]
        }
        session.add_all(bins.values())
        session.flush()
        ledger = StockLedger(session, ACTOR)
        for code, units in picked.items():
            ledger.receive(world.shirt, bins[code].id, units)
            reservation = ledger.reserve(world.shirt, world.warehouse_id, units)
            ledger.pick(reservation, bins[code].id, world.bench, units)
        ledger.receive(world.shirt, bins["A-02-E"].id, 5)  # stocked, never picked
        uow.commit()
        ids = {code: location.id for code, location in bins.items()}
    with database.unit_of_work() as uow:
        now = uow.session.scalar(select(func.max(StockMove.at))) + timedelta(minutes=1)
        classes = classify_bins(uow.session, world.warehouse_id, now=now)
        # the bin crossing 80 % is still A: its first unit falls before 80 %
        assert {code: classes[ids[code]] for code in ids} == {
            "A-02-A": "A",
            "A-02-B": "A",
            "A-02-C": "B",
            "A-02-D": "C",
            "A-02-E": "C",
        }
        assert classes[world.bin_a] == "C"
        assert set(classify_bins(uow.session, world.warehouse_id, now=now + timedelta(days=91)).values()) == {"C"}
        create_schedule(uow.session, world.warehouse_id, "B movers", abc_class="b", frequency_days=30)
        create_schedule(
            uow.session, world.warehouse_id, "A movers of A-02", location_prefix="A-02", abc_class="A", frequency_days=7
        )
        opened = {schedule.name: schedule for schedule in open_due_counts(uow.session, now)}
        codes = {
            row.id: row.code
            for row in uow.session.execute(
                select(CycleCount.id, Location.code).join(Location, Location.id == CycleCount.location_id)
            )
        }
        assert [codes[i] for i in opened["A movers of A-02"].count_ids] == ["A-02-A", "A-02-B"]
        assert [codes[i] for i in opened["B movers"].count_ids] == ["A-02-C"]
        uow.commit()


def test_a_blind_schedule_opens_blind_sheets(database: Database, world) -> None:
    stocked(database, world)
    with database.unit_of_work() as uow:
        create_schedule(
            uow.session, world.warehouse_id, "Blind A", location_prefix="A-01-A", frequency_days=7, blind=True
        )
        ((count_id,),) = [opened.count_ids for opened in open_due_counts(uow.session, MONDAY)]
        assert uow.session.get(CycleCount, count_id).blind
        assert [(line.sku, line.expected) for line in sheet(uow.session, count_id)] == [
            ("POL-M-ROJ", None),
            ("TAZ-01", None),
        ]
        assert [line.expected for line in sheet(uow.session, count_id, blind=False)] == [10, 4]  # the lead's view
        assert [line.expected for line in count_scans.sheet_of(uow.session, count_id).lines] == [None, None]
        uow.commit()


def test_schedule_mistakes_are_named(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        with pytest.raises(ScheduleError, match="at least 1 day"):
            create_schedule(session, world.warehouse_id, "Never", frequency_days=0)
        with pytest.raises(ScheduleError, match="not a whole number"):
            create_schedule(session, world.warehouse_id, "Often", frequency_days="often")
        with pytest.raises(ScheduleError, match="ABC class 'D' is not A, B or C"):
            create_schedule(session, world.warehouse_id, "D movers", abc_class="D", frequency_days=7)
        with pytest.raises(ScheduleError, match="No warehouse #999"):
            create_schedule(session, 999, "Elsewhere", frequency_days=7)
        with pytest.raises(ScheduleError, match="needs a name"):
            create_schedule(session, world.warehouse_id, "  ", frequency_days=7)
        schedule = create_schedule(session, world.warehouse_id, "Weekly", frequency_days=7)
        with pytest.raises(ScheduleError, match="already has a count schedule named 'Weekly'"):
            create_schedule(session, world.warehouse_id, "Weekly", frequency_days=14)
        with pytest.raises(ScheduleError, match="no field 'colour'"):
            update_schedule(session, schedule, colour="red")
        with pytest.raises(ScheduleError, match="No count schedule #999"):
            update_schedule(session, 999, frequency_days=3)
        with pytest.raises(ScheduleError, match="Unknown period 'year'"):
            accuracy_history(session, world.warehouse_id, days=30, bucket="year", now=MONDAY)
        assert session.scalar(select(func.count()).select_from(CountSchedule)) == 1


def test_accuracy_per_week_and_per_count(database: Database, world) -> None:
    stocked(database, world)
    with database.unit_of_work() as uow:
        session = uow.session
        first, second = open_counts(session, world.warehouse_id, location_prefix="A-01")
        record(session, first, "POL-M-ROJ", 9)  # 10 expected
        record(session, first, "TAZ-01", 4)
        record(session, second, "TAZ-01", 2)
        for count_id in (first, second):
            finish(session, count_id)
            approve(session, count_id, ACTOR)
        session.get(CycleCount, first).completed_at = MONDAY - timedelta(days=7)  # the week before
        session.get(CycleCount, second).completed_at = MONDAY + timedelta(days=2)
        uow.commit()
    with database.unit_of_work() as uow:
        history = accuracy_history(uow.session, world.warehouse_id, days=30, now=MONDAY + timedelta(days=3))
        assert [(p.start.isoformat(), p.counts, p.accuracy.lines, p.accuracy.lines_right) for p in history.periods] == [
            ("2026-11-09", 1, 2, 1),
            ("2026-11-16", 1, 1, 1),
        ]
        week_before = history.periods[0].accuracy
        assert week_before.line_accuracy == pytest.approx(0.5)
        assert week_before.unit_accuracy == pytest.approx(13 / 14)  # min 9+4 over max 10+4
        assert [(c.location, c.accuracy.lines_right) for c in history.counts] == [("A-01-B", 1), ("A-01-A", 1)]
        assert history.overall.line_accuracy == pytest.approx(2 / 3)
        recent = accuracy_history(uow.session, world.warehouse_id, days=5, now=MONDAY + timedelta(days=3))
        assert [c.location for c in recent.counts] == ["A-01-B"]


def test_counting_by_scanner_a_batch_from_open_to_approved(database: Database, world) -> None:
    stocked(database, world)
    with database.unit_of_work() as uow:
        session = uow.session
        session.add(
            Barcode(tenant_id=world.tenant_id, variant_id=world.mug, code="7801234567894", symbology=Symbology.EAN13)
        )
        warehouse = count_scans.station_warehouse(session)
        batch = count_scans.open_zone(session, warehouse.id, "a-01", blind=True)
        assert batch.bins == ["A-01-A", "A-01-B"]
        sheet_a = count_scans.bin_sheet(session, warehouse.id, "a-01-a")
        assert [(line.sku, line.expected, line.counted) for line in sheet_a.lines] == [
            ("POL-M-ROJ", None, None),
            ("TAZ-01", None, None),
        ]
        for _ in range(3):
            scanned = count_scans.count_item(session, sheet_a.count_id, "7801234567894")
        assert (scanned.sku, scanned.counted, scanned.on_sheet) == ("TAZ-01", 3, True)
        typed = count_scans.count_item(session, sheet_a.count_id, "POL-M-ROJ", quantity=10)
        assert typed.counted == 10
        sheet_b = count_scans.bin_sheet(session, warehouse.id, "A-01-B")
        stray = count_scans.count_item(session, sheet_b.count_id, "pol-m-roj")
        assert (stray.on_sheet, stray.counted) == (False, 1)
        with pytest.raises(count_scans.UnknownItem, match="Unknown barcode '999'"):
            count_scans.count_item(session, sheet_b.count_id, "999")
        with pytest.raises(count_scans.NoOpenCount, match="Bin PACK-01 has no open count"):
            count_scans.bin_sheet(session, warehouse.id, "PACK-01")
        with pytest.raises(CountError, match="No bin 'Z-9'"):
            count_scans.bin_sheet(session, warehouse.id, "Z-9")
        variances = count_scans.finish_batch(session, batch.count_ids, user_id=None)
        assert [(v.location, v.sku, v.expected, v.counted, v.difference) for v in variances] == [
            ("A-01-A", "TAZ-01", 4, 3, -1),
            ("A-01-B", "POL-M-ROJ", 0, 1, 1),
            ("A-01-B", "TAZ-01", 2, 0, -2),
        ]
        with pytest.raises(CountError, match="Only a lead or an admin"):
            count_scans.approve_batch(session, batch.count_ids, ACTOR, Role.PACKER)
        approved = count_scans.approve_batch(session, batch.count_ids, ACTOR, Role.LEAD)
        assert approved.adjustments == 3
        assert (approved.accuracy.lines, approved.accuracy.lines_right) == (4, 1)  # only POL-M-ROJ in A-01-A was right
        uow.commit()
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        assert ledger.totals(world.warehouse_id, world.mug) == (3, 0)
        assert ledger.totals(world.warehouse_id, world.shirt) == (11, 0)


def test_a_gs1_label_counts_its_lot_and_a_plain_code_asks_for_it(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        session.add(Barcode(tenant_id=world.tenant_id, variant_id=world.mug, code=MUG_EAN, symbology=Symbology.EAN13))
        lots = [Lot(tenant_id=world.tenant_id, variant_id=world.mug, code=code) for code in ("L41", "L42")]
        session.add_all(lots)
        session.flush()
        ledger = StockLedger(session, ACTOR)
        ledger.receive(world.mug, world.bin_a, 3, lot_id=lots[0].id)
        ledger.receive(world.mug, world.bin_a, 5, lot_id=lots[1].id)
        (count_id,) = open_counts(session, world.warehouse_id, location_prefix="A-01-A")
        with pytest.raises(CountError, match=r"TAZ-01 is in this bin in several lots \(L41, L42\)"):
            count_scans.count_item(session, count_id, MUG_EAN)
        scanned = count_scans.count_item(session, count_id, f"(01)0{MUG_EAN}(10)L42")
        assert (scanned.sku, scanned.lot, scanned.counted) == ("TAZ-01", "L42", 1)
        typed = count_scans.count_item(session, count_id, "TAZ-01", quantity=5, lot="L42")
        assert typed.counted == 5
        assert [(line.lot, line.expected, line.counted) for line in typed.sheet.lines] == [
            ("L41", 3, None),
            ("L42", 5, 5),
        ]
        uow.commit()


def test_a_zone_prefix_is_literal_not_a_pattern(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        with pytest.raises(CountError, match="No storage bins start with 'A_01'"):
            open_counts(uow.session, world.warehouse_id, location_prefix="A_01")  # "_" is no wildcard


def test_two_workers_open_a_due_schedule_once(pg_database_url: str, world_factory) -> None:
    """The second worker waits on the schedule's row lock, then sees it opened and opens nothing."""
    world = world_factory(pg_database_url)
    first, second = Database(pg_database_url), Database(pg_database_url)
    try:
        with first.unit_of_work() as uow:
            create_schedule(uow.session, world.warehouse_id, "Everything", frequency_days=7)
            uow.commit()
        results: list[list] = []
        with first.unit_of_work() as uow:
            (opened,) = open_due_counts(uow.session, MONDAY)  # holds the row lock until commit
            assert len(opened.count_ids) == 2

            def other_worker() -> None:
                with second.unit_of_work() as other:
                    results.append(open_due_counts(other.session, MONDAY + timedelta(minutes=1)))
                    other.commit()

            thread = threading.Thread(target=other_worker)
            thread.start()
            thread.join(timeout=1.0)
            assert thread.is_alive()  # blocked on the lock
            uow.commit()
        thread.join(timeout=30)
        assert results == [[]]
        with first.unit_of_work() as uow:
            assert uow.session.scalar(select(func.count()).select_from(CycleCount)) == 2
    finally:
        first.dispose()
        second.dispose()
