"""Counting with a scanner: a batch of bin counts (a zone, or what the due schedules opened), bin by
bin — scan the bin, scan each item (+1) or set a quantity — then finish, review and approve the batch.

Every function works in the caller's transaction and returns plain data for the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.base import utcnow
from station.db.models import (
    Barcode,
    CycleCount,
    CycleCountLine,
    CycleCountStatus,
    Location,
    Lot,
    Role,
    Variant,
    Warehouse,
)
from station.domain.gs1 import InvalidGs1, parse_gs1
from station.services import counts
from station.services.count_schedules import (
    Accuracy,
    CountAccuracy,
    combined_accuracy,
    count_accuracy,
    due_schedules,
    open_due_counts,
)
from station.services.counts import CountError
from station.services.stock import Actor

APPROVERS = (Role.LEAD, Role.ADMIN)


@dataclass(frozen=True)
class WarehouseRef:
    id: int
    code: str


@dataclass(frozen=True)
class Batch:
    count_ids: list[int]
    bins: list[str]  # the bins of the new counts, in code order
    skipped: list[str]  # bins left out: a count of theirs is still open


@dataclass(frozen=True)
class CountLine:
    sku: str
    name: str
    lot: str | None
    expected: int | None  # None on a blind count
    counted: int | None


@dataclass(frozen=True)
class BinSheet:
    count_id: int
    location: str
    blind: bool
    lines: list[CountLine]


@dataclass(frozen=True)
class ItemCounted:
    sheet: BinSheet
    sku: str
    name: str
    lot: str | None
    counted: int
    on_sheet: bool  # False: the ledger had none of it in this bin


@dataclass(frozen=True)
class VarianceRow:
    count_id: int
    location: str
    sku: str
    name: str
    lot: str | None
    expected: int
    counted: int
    value: int  # difference × price, minor units of `currency`
    currency: str

    @property
    def difference(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True)
class Approved:
    adjustments: int
    counts: list[CountAccuracy]

    @property
    def accuracy(self) -> Accuracy:
        return combined_accuracy(count.accuracy for count in self.counts)


class UnknownItem(CountError):
    """The scanned code is neither a barcode nor a SKU."""

    def __init__(self, code: str) -> None:
        super().__init__(f"Unknown barcode {code!r}: no SKU or barcode matches it")
        self.code = code


class NoOpenCount(CountError):
    """The scanned bin exists but has no count open."""

    def __init__(self, location: str) -> None:
        super().__init__(f"Bin {location} has no open count; open its zone first")
        self.location = location


def station_warehouse(session: Session, code: str = "") -> WarehouseRef:
    """The warehouse this station works in: the configured code, else the first one."""
    query = select(Warehouse.id, Warehouse.code).order_by(Warehouse.id)
    if code:
        query = query.where(func.upper(Warehouse.code) == code.strip().upper())
    row = session.execute(query.limit(1)).first()
    if row is None:
        raise CountError(f"No warehouse {code!r}" if code else "No warehouse yet")
    return WarehouseRef(*row)


def open_zone(session: Session, warehouse_id: int, prefix: str, *, blind: bool) -> Batch:
    prefix = prefix.strip().upper()
    if not prefix:
        raise CountError("Type or scan a zone (a bin code prefix such as B-03)")
    ids = counts.open_counts(session, warehouse_id, location_prefix=prefix, blind=blind)
    busy = session.scalars(
        select(Location.code)
        .join(CycleCount, CycleCount.location_id == Location.id)
        .where(
            Location.warehouse_id == warehouse_id,
            func.upper(Location.code).startswith(prefix, autoescape=True),
            CycleCount.status.in_((CycleCountStatus.OPEN, CycleCountStatus.COUNTED)),
            CycleCount.id.not_in(ids),
        )
        .order_by(Location.code)
    ).all()
    return Batch(ids, _bins(session, ids), list(busy))


def run_due(session: Session, now: datetime | None = None) -> Batch:
    opened = open_due_counts(session, now)
    ids = [count_id for schedule in opened for count_id in schedule.count_ids]
    skipped = sorted({code for schedule in opened for code in schedule.skipped})
    return Batch(ids, _bins(session, ids), skipped)


def open_batch(session: Session, warehouse_id: int) -> Batch:
    """The counts of the warehouse still open or counted (to pick up where someone left off)."""
    ids = session.scalars(
        select(CycleCount.id).where(
            CycleCount.warehouse_id == warehouse_id,
            CycleCount.status.in_((CycleCountStatus.OPEN, CycleCountStatus.COUNTED)),
        )
    ).all()
    return Batch(list(ids), _bins(session, list(ids)), [])


def counted_ids(session: Session, count_ids: list[int]) -> list[int]:
    """Those of the counts that are finished and wait for approval."""
    if not count_ids:
        return []
    return list(
        session.scalars(
            select(CycleCount.id)
            .where(CycleCount.id.in_(count_ids), CycleCount.status == CycleCountStatus.COUNTED)
            .order_by(CycleCount.id)
        )
    )


def due_in(session: Session, warehouse_id: int, now: datetime | None = None) -> int:
    """How many of the warehouse's schedules are due."""
    return sum(1 for row in due_schedules(session, now or utcnow()) if row.warehouse_id == warehouse_id)


def bin_sheet(session: Session, warehouse_id: int, code: str) -> BinSheet:
    """The sheet of the open count of the bin with this code."""
    wanted = code.strip().upper()
    location = session.scalars(
        select(Location).where(Location.warehouse_id == warehouse_id, func.upper(Location.code) == wanted)
    ).first()
    if location is None:
        raise CountError(f"No bin {code.strip()!r} in this warehouse")
    count_id = session.scalar(
        select(CycleCount.id).where(CycleCount.location_id == location.id, CycleCount.status == CycleCountStatus.OPEN)
    )
    if count_id is None:
        raise NoOpenCount(location.code)
    return sheet_of(session, count_id)


def is_bin(session: Session, warehouse_id: int, code: str) -> bool:
    return bool(
        session.scalar(
            select(Location.id).where(
                Location.warehouse_id == warehouse_id, func.upper(Location.code) == code.strip().upper()
            )
        )
    )


def sheet_of(session: Session, count_id: int) -> BinSheet:
    count = session.get(CycleCount, count_id)
    if count is None:
        raise CountError(f"No count #{count_id}")
    location = session.get(Location, count.location_id)
    rows = session.execute(
        select(CycleCountLine, Variant.sku, Variant.name, Lot.code)
        .join(Variant, Variant.id == CycleCountLine.variant_id)
        .outerjoin(Lot, Lot.id == CycleCountLine.lot_id)
        .where(CycleCountLine.cycle_count_id == count_id)
        .order_by(Variant.sku, Lot.code)
    ).all()
    lines = [
        CountLine(sku, name, lot, None if count.blind else line.expected, line.counted) for line, sku, name, lot in rows
    ]
    return BinSheet(count.id, location.code, count.blind, lines)


def count_item(
    session: Session, count_id: int, code: str, *, quantity: int | None = None, lot: str | None = None
) -> ItemCounted:
    """A scanned item: +1 on its line (a new line, expected 0, when the bin should not hold it), or
    `quantity` as the line's count. A GS1 code with a lot (AI 10), or `lot`, counts that lot; a plain
    code counts the only lot of that SKU on the sheet, and names the lots when there are several."""
    variant, lot_code = _resolve(session, code, count_id)
    lot_code = lot_code or lot
    sheet_lots = session.execute(
        select(CycleCountLine, Lot.code)
        .outerjoin(Lot, Lot.id == CycleCountLine.lot_id)
        .where(CycleCountLine.cycle_count_id == count_id, CycleCountLine.variant_id == variant.id)
    ).all()
    if lot_code is None and len(sheet_lots) > 1:
        lots = ", ".join(sorted(lot or "-" for _, lot in sheet_lots))
        raise CountError(f"{variant.sku} is in this bin in several lots ({lots}): scan the lot's GS1 label")
    if lot_code is None and sheet_lots:
        lot_code = sheet_lots[0][1]
    line = next((line for line, lot in sheet_lots if lot == lot_code), None)
    if quantity is None:
        quantity = (line.counted or 0) + 1 if line is not None else 1
    counts.record(session, count_id, variant.sku, quantity, lot=lot_code, variant_id=variant.id)
    return ItemCounted(sheet_of(session, count_id), variant.sku, variant.name, lot_code, quantity, line is not None)


def finish_batch(session: Session, count_ids: list[int], user_id: int | None) -> list[VarianceRow]:
    """Finish the batch's counts still open (uncounted lines count 0); the variances of all of them."""
    for count_id in count_ids:
        count = session.get(CycleCount, count_id)
        if count is not None and count.status == CycleCountStatus.OPEN:
            counts.finish(session, count_id, user_id=user_id)
    return batch_variances(session, count_ids)


def batch_variances(session: Session, count_ids: list[int]) -> list[VarianceRow]:
    rows = []
    for count_id in count_ids:
        count = session.get(CycleCount, count_id)
        if count is None or count.status != CycleCountStatus.COUNTED:
            continue
        for variance in counts.variances(session, count_id):
            name, price, currency = session.execute(
                select(Variant.name, Variant.price, Variant.currency)
                .join(CycleCountLine, CycleCountLine.variant_id == Variant.id)
                .where(CycleCountLine.cycle_count_id == count_id, Variant.sku == variance.sku)
                .limit(1)
            ).one()
            rows.append(
                VarianceRow(
                    count_id,
                    variance.location,
                    variance.sku,
                    name,
                    variance.lot,
                    variance.on_hand,
                    variance.counted,
                    variance.difference * price,
                    currency,
                )
            )
    return sorted(rows, key=lambda row: (row.location, row.sku, row.lot or ""))


def approve_batch(session: Session, count_ids: list[int], actor: Actor, role: Role) -> Approved:
    """Book every variance of the batch as an adjustment (one transaction: the caller's)."""
    if role not in APPROVERS:
        raise CountError("Only a lead or an admin can approve count variances")
    adjustments = 0
    approved = []
    for count_id in count_ids:
        count = session.get(CycleCount, count_id)
        if count is not None and count.status == CycleCountStatus.COUNTED:
            adjustments += counts.approve(session, count_id, actor)
            approved.append(count_id)
    if not approved:
        raise CountError("Nothing to approve: finish the counts first")
    return Approved(adjustments, count_accuracy(session, approved))


def _resolve(session: Session, code: str, count_id: int) -> tuple[Variant, str | None]:
    """The SKU (and lot, from GS1 AI 10) a scanned code means; of two clients' equal codes, the one
    on this count's sheet."""
    text = code.strip()
    lot = None
    if text.startswith(("(01)", "01", "]C1", "]d2", "]Q3")) and len(text) > 16:
        try:
            data = parse_gs1(text)
        except InvalidGs1:
            data = None
        if data is not None and data.gtin:
            text, lot = data.gtin, data.lot
    candidates = {text, text[1:]} if len(text) == 14 and text.startswith("0") else {text}  # GTIN-14 of an EAN-13
    on_sheet = Variant.id.in_(select(CycleCountLine.variant_id).where(CycleCountLine.cycle_count_id == count_id))
    variant = session.scalars(
        select(Variant)
        .join(Barcode, Barcode.variant_id == Variant.id)
        .where(Barcode.code.in_(candidates))
        .order_by(on_sheet.desc(), Variant.id)
    ).first()
    if variant is None:
        variant = session.scalars(
            select(Variant).where(func.upper(Variant.sku) == text.upper()).order_by(on_sheet.desc(), Variant.id)
        ).first()
    if variant is None:
        raise UnknownItem(code.strip())
    return variant, lot


def _bins(session: Session, count_ids: list[int]) -> list[str]:
    if not count_ids:
        return []
    return list(
        session.scalars(
            select(Location.code)
            .join(CycleCount, CycleCount.location_id == Location.id)
            .where(CycleCount.id.in_(count_ids))
            .order_by(Location.code)
        )
    )
