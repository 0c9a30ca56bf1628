"""Cycle counts: count sheets per bin, counts recorded (blind or not), variances approved into
adjustments, and the accuracy of each count.

A count sheet lists what the ledger says each bin holds (SKU and lot). The counter records what is
there; approving turns each difference into an adjustment (reason `count_correction`) against the
bin's *current* units, so moves made while the count was open are not undone. Accuracy is the share
of lines counted right.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.base import utcnow
from station.db.models import (
    CycleCount,
    CycleCountLine,
    CycleCountStatus,
    Location,
    LocationKind,
    Lot,
    StockQuant,
    Variant,
)
from station.domain.stock import AdjustmentReason
from station.services.stock import Actor, StockLedger

COUNTABLE_KINDS = (LocationKind.STORAGE, LocationKind.PICK_FACE)


class CountError(ValueError):
    """A count that cannot be done as asked; the message names the count, bin or SKU."""


@dataclass(frozen=True)
class SheetLine:
    line_id: int
    location: str
    sku: str
    lot: str | None
    expected: int | None  # None on a blind count sheet
    counted: int | None


@dataclass(frozen=True)
class Variance:
    location: str
    sku: str
    lot: str | None
    on_hand: int
    counted: int

    @property
    def difference(self) -> int:
        return self.counted - self.on_hand


@dataclass(frozen=True)
class OpenedCounts:
    count_ids: list[int]
    skipped: list[str]  # bins left out because a count of theirs is still open (not yet applied)


def open_counts(session: Session, warehouse_id: int, *, location_prefix: str = "", blind: bool = False) -> list[int]:
    """A count for every storage bin whose code starts with `location_prefix` (a zone or aisle, e.g.
    "A-" or "A-01"); each lists what the ledger says is there. Bins with a count still open are left
    out. Returns the new counts' ids."""
    bins = session.scalars(
        select(Location.id)
        .where(
            Location.warehouse_id == warehouse_id,
            Location.kind.in_(COUNTABLE_KINDS),
            Location.active.is_(True),
            func.upper(Location.code).startswith(location_prefix.strip().upper(), autoescape=True),
        )
        .order_by(Location.code)
    ).all()
    if not bins:
        raise CountError(f"No storage bins start with {location_prefix!r} in this warehouse")
    opened = open_bin_counts(session, warehouse_id, bins, blind=blind)
    if not opened.count_ids:
        raise CountError(
            f"Every bin starting with {location_prefix!r} has a count open already ({', '.join(opened.skipped[:5])}"
            f"{' …' if len(opened.skipped) > 5 else ''}); finish and approve those first"
        )
    return opened.count_ids


def open_bin_counts(
    session: Session,
    warehouse_id: int,
    location_ids: list[int],
    *,
    blind: bool = False,
    schedule_id: int | None = None,
) -> OpenedCounts:
    """A count for each of these bins, except those with a count still open or counted (not applied):
    a bin is never on two open sheets."""
    busy = set(
        session.scalars(
            select(CycleCount.location_id).where(
                CycleCount.location_id.in_(location_ids),
                CycleCount.status.in_((CycleCountStatus.OPEN, CycleCountStatus.COUNTED)),
            )
        )
    )
    codes = {
        row.id: row.code
        for row in session.execute(select(Location.id, Location.code).where(Location.id.in_(location_ids)))
    }
    ids = []
    for location_id in location_ids:
        if location_id in busy:
            continue
        count = CycleCount(
            warehouse_id=warehouse_id,
            location_id=location_id,
            status=CycleCountStatus.OPEN,
            blind=blind,
            schedule_id=schedule_id,
        )
        session.add(count)
        session.flush()
        quants = session.scalars(
            select(StockQuant).where(StockQuant.location_id == location_id, StockQuant.on_hand > 0)
        ).all()
        session.add_all(
            CycleCountLine(cycle_count_id=count.id, variant_id=q.variant_id, lot_id=q.lot_id, expected=q.on_hand)
            for q in quants
        )
        ids.append(count.id)
    session.flush()
    return OpenedCounts(ids, sorted(codes[location_id] for location_id in busy))


def sheet(session: Session, count_id: int, *, blind: bool | None = None) -> list[SheetLine]:
    """The count sheet; a blind sheet hides the expected quantities from the counter. By default the
    count's own `blind` flag (set when it was opened) decides."""
    if blind is None:
        count = session.get(CycleCount, count_id)
        blind = bool(count is not None and count.blind)
    rows = session.execute(
        select(CycleCountLine, Location.code, Variant.sku, Lot.code)
        .join(CycleCount, CycleCount.id == CycleCountLine.cycle_count_id)
        .join(Location, Location.id == CycleCount.location_id)
        .join(Variant, Variant.id == CycleCountLine.variant_id)
        .outerjoin(Lot, Lot.id == CycleCountLine.lot_id)
        .where(CycleCountLine.cycle_count_id == count_id)
        .order_by(Variant.sku)
    ).all()
    return [
        SheetLine(line.id, location, sku, lot, None if blind else line.expected, line.counted)
        for line, location, sku, lot in rows
    ]


def record(
    session: Session, count_id: int, sku: str, counted: int, *, lot: str | None = None, variant_id: int | None = None
) -> None:
    """What the counter found of a SKU (and lot) in the bin; a SKU not on the sheet gets a new line.
    When two clients use the same SKU, the one on the sheet wins (or the exact `variant_id`)."""
    if counted < 0:
        raise CountError(f"{sku}: a count cannot be negative ({counted})")
    count = _open_count(session, count_id)
    if variant_id is not None:
        variant = session.get(Variant, variant_id)
    else:
        on_sheet = select(CycleCountLine.variant_id).where(CycleCountLine.cycle_count_id == count.id)
        variant = session.scalars(
            select(Variant)
            .where(func.upper(Variant.sku) == sku.strip().upper())
            .order_by(Variant.id.in_(on_sheet).desc(), Variant.id)
        ).first()
    if variant is None:
        raise CountError(f"No SKU {sku!r}")
    lot_id = None
    if lot:
        lot_id = session.scalar(select(Lot.id).where(Lot.variant_id == variant.id, Lot.code == lot))
        if lot_id is None:
            raise CountError(f"{sku}: no lot {lot!r}")
    line = session.scalars(
        select(CycleCountLine).where(
            CycleCountLine.cycle_count_id == count.id,
            CycleCountLine.variant_id == variant.id,
            CycleCountLine.lot_id.is_(None) if lot_id is None else CycleCountLine.lot_id == lot_id,
        )
    ).first()
    if line is None:  # found where the ledger has none: expected 0
        line = CycleCountLine(cycle_count_id=count.id, variant_id=variant.id, lot_id=lot_id, expected=0)
        session.add(line)
    line.counted = counted
    session.flush()


def finish(session: Session, count_id: int, *, user_id: int | None = None) -> list[Variance]:
    """Close the counting: lines never counted count as 0. Returns the variances to review."""
    count = _open_count(session, count_id)
    for line in session.scalars(select(CycleCountLine).where(CycleCountLine.cycle_count_id == count.id)):
        if line.counted is None:
            line.counted = 0
    count.status = CycleCountStatus.COUNTED
    count.counted_by = user_id
    session.flush()
    return variances(session, count_id)


def variances(session: Session, count_id: int) -> list[Variance]:
    """Lines whose count differs from what the bin holds now."""
    count = session.get(CycleCount, count_id)
    location = session.get(Location, count.location_id)
    result = []
    for line, sku, lot in session.execute(
        select(CycleCountLine, Variant.sku, Lot.code)
        .join(Variant, Variant.id == CycleCountLine.variant_id)
        .outerjoin(Lot, Lot.id == CycleCountLine.lot_id)
        .where(CycleCountLine.cycle_count_id == count_id)
        .order_by(Variant.sku)
    ):
        on_hand = _on_hand(session, location.id, line.variant_id, line.lot_id)
        if line.counted is not None and line.counted != on_hand:
            result.append(Variance(location.code, sku, lot, on_hand, line.counted))
    return result


def approve(session: Session, count_id: int, actor: Actor) -> int:
    """Turn every variance into an adjustment (reason count_correction); returns how many."""
    count = session.get(CycleCount, count_id)
    if count is None:
        raise CountError(f"No count #{count_id}")
    if count.status != CycleCountStatus.COUNTED:
        raise CountError(f"Count #{count_id} is {count.status.value}; finish counting it first")
    ledger = StockLedger(session, actor)
    applied = 0
    for line in session.scalars(select(CycleCountLine).where(CycleCountLine.cycle_count_id == count.id)):
        difference = line.counted - _on_hand(session, count.location_id, line.variant_id, line.lot_id)
        if difference:
            ledger.adjust(
                line.variant_id,
                count.location_id,
                difference,
                AdjustmentReason.COUNT_CORRECTION,
                note=f"cycle count #{count.id}",
                lot_id=line.lot_id,
            )
            applied += 1
    count.status = CycleCountStatus.APPLIED
    count.completed_at = utcnow()
    session.flush()
    return applied


def accuracy(session: Session, count_ids: list[int]) -> float:
    """Share of counted lines whose count matched what was expected when the sheet was made."""
    lines = session.scalars(select(CycleCountLine).where(CycleCountLine.cycle_count_id.in_(count_ids))).all()
    counted = [line for line in lines if line.counted is not None]
    if not counted:
        return 1.0
    return sum(line.counted == line.expected for line in counted) / len(counted)


def _open_count(session: Session, count_id: int) -> CycleCount:
    count = session.get(CycleCount, count_id)
    if count is None:
        raise CountError(f"No count #{count_id}")
    if count.status != CycleCountStatus.OPEN:
        raise CountError(f"Count #{count_id} is {count.status.value}, no longer open for counting")
    return count


def _on_hand(session: Session, location_id: int, variant_id: int, lot_id: int | None) -> int:
    lot_filter = StockQuant.lot_id.is_(None) if lot_id is None else StockQuant.lot_id == lot_id
    return session.scalar(
        select(func.coalesce(func.sum(StockQuant.on_hand), 0)).where(
            StockQuant.location_id == location_id, StockQuant.variant_id == variant_id, lot_filter
        )
    )
