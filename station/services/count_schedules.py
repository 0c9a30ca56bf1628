"""Cycle-count schedules: which bins are counted how often, ABC classes of bins, and accuracy over time.

A schedule picks the storage bins of a warehouse by zone (a code prefix such as ``B-`` or ``B-03``)
and/or by ABC class, and comes due every `frequency_days` after it last opened counts. The worker
(job ``open-due-counts``) or a lead opens the counts of every due schedule at once.

ABC class of a bin, from what was picked out of it over the last `ABC_PERIOD_DAYS` (ledger moves of
kind ``pick`` or ``ship`` whose source is the bin): bins are ranked by units picked, most first; the
bins that together make the first 80 % of the units are **A**, the next 15 % **B**, the rest — and
every bin nothing was picked from — **C**. A bin is in the class where its first unit falls, so the
bin crossing 80 % is still A.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from station.db.base import utcnow
from station.db.models import (
    CountSchedule,
    CycleCount,
    CycleCountLine,
    CycleCountStatus,
    Location,
    StockMove,
    Warehouse,
)
from station.domain.stock import MoveKind
from station.services.counts import COUNTABLE_KINDS, open_bin_counts

ABC_CLASSES = ("A", "B", "C")
ABC_PERIOD_DAYS = 90
A_SHARE, B_SHARE = 0.80, 0.95  # cumulative share of picked units where A ends and B ends
BUCKETS = ("day", "week", "month")


class ScheduleError(ValueError):
    """A schedule that cannot be saved as asked; the message names the field and the value."""


@dataclass(frozen=True)
class ScheduleRow:
    id: int
    warehouse_id: int
    warehouse: str
    name: str
    location_prefix: str
    abc_class: str | None
    frequency_days: int
    blind: bool
    active: bool
    last_opened_at: datetime | None

    def due_at(self) -> datetime | None:
        """When it comes due next; None when it never opened counts (due at once)."""
        return None if self.last_opened_at is None else self.last_opened_at + timedelta(days=self.frequency_days)

    def is_due(self, now: datetime) -> bool:
        due = self.due_at()
        return self.active and (due is None or due <= now)


@dataclass(frozen=True)
class ScheduleOpened:
    schedule_id: int
    name: str
    count_ids: list[int]
    skipped: list[str]  # bins left out: a count of theirs is still open


def create_schedule(
    session: Session,
    warehouse_id: int,
    name: str,
    *,
    frequency_days: int,
    location_prefix: str = "",
    abc_class: str | None = None,
    blind: bool = False,
    tenant_id: int | None = None,
) -> int:
    """A new active schedule; returns its id. Raises ScheduleError naming what is wrong."""
    warehouse = session.get(Warehouse, warehouse_id)
    if warehouse is None:
        raise ScheduleError(f"No warehouse #{warehouse_id}")
    name = _checked_name(name)
    if session.scalar(
        select(CountSchedule.id).where(CountSchedule.warehouse_id == warehouse_id, CountSchedule.name == name)
    ):
        raise ScheduleError(f"Warehouse {warehouse.code} already has a count schedule named {name!r}")
    schedule = CountSchedule(
        tenant_id=tenant_id,
        warehouse_id=warehouse_id,
        name=name,
        location_prefix=location_prefix.strip().upper(),
        abc_class=_checked_class(abc_class),
        frequency_days=_checked_frequency(frequency_days),
        blind=blind,
        active=True,
    )
    session.add(schedule)
    session.flush()
    return schedule.id


def update_schedule(session: Session, schedule_id: int, **changes: object) -> None:
    """Change any of name, location_prefix, abc_class, frequency_days, blind, active."""
    schedule = session.get(CountSchedule, schedule_id)
    if schedule is None:
        raise ScheduleError(f"No count schedule #{schedule_id}")
    checks = {
        "name": _checked_name,
        "location_prefix": lambda value: str(value).strip().upper(),
        "abc_class": _checked_class,
        "frequency_days": _checked_frequency,
        "blind": bool,
        "active": bool,
    }
    for field, value in changes.items():
        if field not in checks:
            raise ScheduleError(f"A count schedule has no field {field!r} (fields: {', '.join(checks)})")
        setattr(schedule, field, checks[field](value))
    session.flush()


def list_schedules(session: Session, warehouse_id: int | None = None) -> list[ScheduleRow]:
    query = select(CountSchedule, Warehouse.code).join(Warehouse, Warehouse.id == CountSchedule.warehouse_id)
    if warehouse_id is not None:
        query = query.where(CountSchedule.warehouse_id == warehouse_id)
    return [
        _row(schedule, code) for schedule, code in session.execute(query.order_by(Warehouse.code, CountSchedule.name))
    ]


def due_schedules(session: Session, now: datetime) -> list[ScheduleRow]:
    """Active schedules that never opened counts, or whose last opening is `frequency_days` ago or more."""
    return [row for row in list_schedules(session) if row.is_due(now)]


def classify_bins(session: Session, warehouse_id: int, *, now: datetime, days: int = ABC_PERIOD_DAYS) -> dict[int, str]:
    """The ABC class of every countable bin of the warehouse (location id → "A", "B" or "C")."""
    bins = session.scalars(
        select(Location.id).where(
            Location.warehouse_id == warehouse_id, Location.kind.in_(COUNTABLE_KINDS), Location.active.is_(True)
        )
    ).all()
    picked = {
        location_id: units
        for location_id, units in session.execute(
            select(StockMove.from_location_id, func.sum(StockMove.quantity))
            .join(Location, Location.id == StockMove.from_location_id)
            .where(
                Location.warehouse_id == warehouse_id,
                StockMove.kind.in_((MoveKind.PICK, MoveKind.SHIP)),
                StockMove.at >= now - timedelta(days=days),
                StockMove.at <= now,
            )
            .group_by(StockMove.from_location_id)
        )
    }
    classes = dict.fromkeys(bins, "C")
    total = sum(units for location_id, units in picked.items() if location_id in classes)
    before = 0  # units of the bins ranked ahead
    for location_id, units in sorted(picked.items(), key=lambda item: (-item[1], item[0])):
        if location_id not in classes or not units:
            continue
        share_before = before / total
        classes[location_id] = "A" if share_before < A_SHARE else "B" if share_before < B_SHARE else "C"
        before += units
    return classes


def schedule_bins(session: Session, schedule: CountSchedule, now: datetime) -> list[int]:
    """The bins a schedule counts: its zone prefix, then its ABC class (if any), in code order."""
    bins = session.execute(
        select(Location.id, Location.code).where(
            Location.warehouse_id == schedule.warehouse_id,
            Location.kind.in_(COUNTABLE_KINDS),
            Location.active.is_(True),
            func.upper(Location.code).startswith(schedule.location_prefix.upper(), autoescape=True),
        )
    ).all()
    if schedule.abc_class:
        classes = classify_bins(session, schedule.warehouse_id, now=now)
        bins = [(location_id, code) for location_id, code in bins if classes.get(location_id) == schedule.abc_class]
    return [location_id for location_id, _ in sorted(bins, key=lambda row: row[1])]


def open_due_counts(session: Session, now: datetime | None = None) -> list[ScheduleOpened]:
    """Open the counts of every due schedule (in the caller's one transaction): one count per bin,
    blind as the schedule says, linked to it; bins with a count still open are skipped. Each due
    schedule's `last_opened_at` becomes `now`, even when all its bins were skipped."""
    now = now or utcnow()
    opened = []
    for row in due_schedules(session, now):
        schedule = session.get(CountSchedule, row.id, with_for_update=True, populate_existing=True)
        if schedule is None or not _row(schedule, row.warehouse).is_due(now):  # another worker was first
            continue
        bins = schedule_bins(session, schedule, now)
        result = open_bin_counts(session, schedule.warehouse_id, bins, blind=schedule.blind, schedule_id=schedule.id)
        schedule.last_opened_at = now
        opened.append(ScheduleOpened(schedule.id, schedule.name, result.count_ids, result.skipped))
    session.flush()
    return opened


# -- accuracy over time ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Accuracy:
    """How well a set of count lines matched the sheet.

    `line_accuracy`: share of lines whose counted quantity equals the expected one.
    `unit_accuracy`: units weighted, Σ min(counted, expected) / Σ max(counted, expected) — a line off
    by 1 of 100 hardly matters, one off by 10 of 10 weighs fully. Both are 1.0 with no lines.
    """

    lines: int
    lines_right: int
    units_expected: int
    units_counted: int
    units_matched: int  # Σ min(counted, expected)
    units_compared: int  # Σ max(counted, expected)

    @property
    def line_accuracy(self) -> float:
        return self.lines_right / self.lines if self.lines else 1.0

    @property
    def unit_accuracy(self) -> float:
        return self.units_matched / self.units_compared if self.units_compared else 1.0


@dataclass(frozen=True)
class CountAccuracy:
    count_id: int
    location: str
    completed_at: datetime
    accuracy: Accuracy


@dataclass(frozen=True)
class PeriodAccuracy:
    start: date  # the first day of the day, week (Monday) or month
    counts: int
    accuracy: Accuracy


@dataclass(frozen=True)
class AccuracyHistory:
    periods: list[PeriodAccuracy]  # oldest first, only periods with applied counts
    counts: list[CountAccuracy]  # newest first
    overall: Accuracy


def count_accuracy(session: Session, count_ids: list[int]) -> list[CountAccuracy]:
    """Accuracy of each of these counts (any status; lines not counted yet are left out)."""
    rows = session.execute(_count_lines().where(CycleCount.id.in_(count_ids))).all()
    return _per_count(rows)


def accuracy_history(
    session: Session, warehouse_id: int, *, days: int = 90, bucket: str = "week", now: datetime | None = None
) -> AccuracyHistory:
    """Accuracy of the counts applied in the last `days` days, per period (`bucket` = day, week or
    month, by the day each count was approved, UTC) and per count. See `Accuracy` for the two measures."""
    if bucket not in BUCKETS:
        raise ScheduleError(f"Unknown period {bucket!r} (periods: {', '.join(BUCKETS)})")
    if days <= 0:
        raise ScheduleError(f"The history needs at least one day (got {days})")
    now = now or utcnow()
    rows = session.execute(
        _count_lines().where(
            CycleCount.warehouse_id == warehouse_id,
            CycleCount.status == CycleCountStatus.APPLIED,
            CycleCount.completed_at >= now - timedelta(days=days),
            CycleCount.completed_at <= now,
        )
    ).all()
    counts = sorted(_per_count(rows), key=lambda c: (c.completed_at, c.count_id), reverse=True)
    by_period: dict[date, list[CountAccuracy]] = defaultdict(list)
    for count in counts:
        by_period[_period_start(count.completed_at.date(), bucket)].append(count)
    periods = [
        PeriodAccuracy(start, len(members), combined_accuracy(c.accuracy for c in members))
        for start, members in sorted(by_period.items())
    ]
    return AccuracyHistory(periods, counts, combined_accuracy(c.accuracy for c in counts))


def _count_lines() -> Select:
    """One row per line of each count (a count with no lines still gives one): what `_per_count` reads."""
    return (
        select(
            CycleCount.id,
            Location.code,
            CycleCount.completed_at,
            CycleCount.created_at,
            CycleCountLine.expected,
            CycleCountLine.counted,
        )
        .join(Location, Location.id == CycleCount.location_id)
        .outerjoin(CycleCountLine, CycleCountLine.cycle_count_id == CycleCount.id)
    )


def _per_count(rows) -> list[CountAccuracy]:
    lines: dict[int, list[tuple[int, int]]] = defaultdict(list)
    heads: dict[int, tuple[str, datetime]] = {}
    for count_id, location, completed_at, created_at, expected, counted in rows:
        heads[count_id] = (location, completed_at or created_at)
        if counted is not None:
            lines[count_id].append((expected, counted))
    return [
        CountAccuracy(count_id, location, at, _accuracy(lines[count_id])) for count_id, (location, at) in heads.items()
    ]


def _accuracy(lines: list[tuple[int, int]]) -> Accuracy:
    return Accuracy(
        lines=len(lines),
        lines_right=sum(expected == counted for expected, counted in lines),
        units_expected=sum(expected for expected, _ in lines),
        units_counted=sum(counted for _, counted in lines),
        units_matched=sum(min(expected, counted) for expected, counted in lines),
        units_compared=sum(max(expected, counted) for expected, counted in lines),
    )


def combined_accuracy(parts) -> Accuracy:
    totals = [0] * 6
    for part in parts:
        for i, value in enumerate(
            (
                part.lines,
                part.lines_right,
                part.units_expected,
                part.units_counted,
                part.units_matched,
                part.units_compared,
            )
        ):
            totals[i] += value
    return Accuracy(*totals)


def _period_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


# -- checks ----------------------------------------------------------------------------------------


def _row(schedule: CountSchedule, warehouse_code: str) -> ScheduleRow:
    return ScheduleRow(
        schedule.id,
        schedule.warehouse_id,
        warehouse_code,
        schedule.name,
        schedule.location_prefix,
        schedule.abc_class,
        schedule.frequency_days,
        schedule.blind,
        schedule.active,
        schedule.last_opened_at,
    )


def _checked_name(name: object) -> str:
    text = str(name).strip()
    if not text:
        raise ScheduleError("A count schedule needs a name")
    if len(text) > 100:
        raise ScheduleError(f"Schedule name {text[:20]!r}… is longer than 100 characters")
    return text


def _checked_class(value: object) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().upper()
    if text not in ABC_CLASSES:
        raise ScheduleError(f"ABC class {value!r} is not A, B or C (leave it empty for every class)")
    return text


def _checked_frequency(value: object) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ScheduleError(f"Frequency {value!r} is not a whole number of days")
    try:
        days = int(str(value).strip()) if isinstance(value, str) else int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise ScheduleError(f"Frequency {value!r} is not a whole number of days") from None
    if days <= 0:
        raise ScheduleError(f"Frequency must be at least 1 day (got {days})")
    return days
