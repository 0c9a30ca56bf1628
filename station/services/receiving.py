"""Receiving a purchase order (orden de compra) by scanning, then booking it in one transaction.

`load_receipt` reads the order; `ReceivingSession` is plain in-memory state the receiving screen
drives scan by scan (EAN/UPC, our SKU, or a GS1-128 carrying GTIN, lot, expiry, serial and count).
Nothing touches stock until `commit_receipt`, which books every unit onto the dock through
`StockLedger.receive` in the caller's transaction, creates Lot and SerialNumber rows (a serial's
row carries its location, and each serial gets a receipt row of its own, quantity 1, naming it by
`serial_id`), and updates the order's lines and status.

Over-receipt policy: up to ``over_tolerance_percent`` (default 10 %) above what is still open on a
line is accepted and flagged (`ScanOutcome.over_receipt`); beyond it the scan is refused
(`OverReceipt`) and nothing is counted. Items not on the order at all (a SKU created at the dock)
are accepted as unplanned lines and always flagged. Under-receipt is listed by `discrepancies()`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import (
    Barcode,
    Location,
    Lot,
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    SerialNumber,
    Symbology,
    Tracking,
    Variant,
)
from station.domain.gs1 import ClassifiedScan, InvalidScan, ScanKind, classify_scan
from station.services.stock import Actor, StockLedger

RECEIVABLE = frozenset({PurchaseOrderStatus.ORDERED, PurchaseOrderStatus.PARTIALLY_RECEIVED})
DEFAULT_OVER_TOLERANCE_PERCENT = 10


class ReceivingError(Exception):
    """Something the receiver must see; the message names the order, the code and the SKU."""


class OverReceipt(ReceivingError):
    pass


class ScanStatus(enum.StrEnum):
    RECEIVED = "received"
    UNKNOWN = "unknown"  # the UI offers "map to SKU" (`map_barcode`) or "create SKU" (`create_sku`)
    NEEDS_LOT = "needs_lot"  # lot-tracked SKU scanned without a lot: scan again with lot=
    NEEDS_SERIAL = "needs_serial"  # serial-tracked SKU: the next scan is the unit's serial number


@dataclass
class ReceiptLine:
    line_id: int | None  # None: not on the order (created at the dock); added on commit
    variant_id: int
    sku: str
    name: str
    tracking: Tracking
    ordered: int
    previously_received: int
    codes: set[str] = field(default_factory=set)  # SKU and barcodes, upper-case
    lots: dict[tuple[str | None, date | None], int] = field(default_factory=dict)
    serials: list[str] = field(default_factory=list)

    @property
    def received(self) -> int:
        """Units scanned in this session."""
        return sum(self.lots.values())

    @property
    def total(self) -> int:
        return self.previously_received + self.received

    @property
    def open(self) -> int:
        return max(self.ordered - self.previously_received, 0)

    @property
    def over(self) -> int:
        return max(self.total - self.ordered, 0)

    @property
    def under(self) -> int:
        return max(self.ordered - self.total, 0)


@dataclass(frozen=True)
class ScanOutcome:
    status: ScanStatus
    code: str
    line: ReceiptLine | None = None
    quantity: int = 0
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None
    over_receipt: bool = False
    message: str = ""


@dataclass(frozen=True)
class Discrepancy:
    sku: str
    ordered: int
    received: int  # in total, including earlier receipts

    @property
    def difference(self) -> int:
        return self.received - self.ordered


@dataclass
class ReceivingSession:
    purchase_order_id: int
    number: str
    tenant_id: int
    warehouse_id: int
    lines: list[ReceiptLine]
    over_tolerance_percent: int = DEFAULT_OVER_TOLERANCE_PERCENT
    pending_serial: ReceiptLine | None = None

    def line_for(self, code: str) -> ReceiptLine | None:
        key = code.strip().upper()
        return next((line for line in self.lines if key in line.codes), None)

    def scan(
        self, code: str, *, quantity: int | None = None, lot: str | None = None, expiry: date | None = None
    ) -> ScanOutcome:
        """One scan. ``quantity``/``lot``/``expiry`` are manual entry; a GS1 scan's own AIs win."""
        if self.pending_serial is not None:
            line = self.pending_serial
            if self.line_for(code) is not None:
                raise ReceivingError(f"{line.sku}: scan the unit's serial number, not a product code ({code.strip()})")
            return self._serial(line, code.strip(), lot, expiry)
        try:
            classified = classify_scan(code)
        except InvalidScan as exc:
            raise ReceivingError(f"Unreadable scan {code!r}: {exc}") from exc
        line = self._match(classified)
        if line is None:
            return ScanOutcome(
                ScanStatus.UNKNOWN, classified.code, message=f"{classified.code}: unknown code on {self.number}"
            )
        data = classified.gs1
        if data is not None:
            lot = data.lot or lot
            expiry = data.expiry or data.best_before or expiry
            quantity = data.count or quantity
            if data.serial:
                return self._serial(line, data.serial, lot, expiry)
        quantity = 1 if quantity is None else quantity
        if quantity <= 0:
            raise ReceivingError(f"{line.sku}: quantity must be positive, got {quantity}")
        if line.tracking is Tracking.SERIAL:
            self.pending_serial = line
            return ScanOutcome(
                ScanStatus.NEEDS_SERIAL, classified.code, line, message=f"{line.sku}: scan the serial number"
            )
        if line.tracking is Tracking.LOT and not lot:
            return ScanOutcome(ScanStatus.NEEDS_LOT, classified.code, line, message=f"{line.sku}: enter the lot")
        return self._add(line, classified.code, quantity, lot, expiry)

    def discrepancies(self) -> list[Discrepancy]:
        """Lines received short or over (in total, counting earlier receipts of the same order)."""
        return [Discrepancy(line.sku, line.ordered, line.total) for line in self.lines if line.total != line.ordered]

    @property
    def scanned(self) -> int:
        return sum(line.received for line in self.lines)

    def _match(self, classified: ClassifiedScan) -> ReceiptLine | None:
        keys = [classified.code, *classified.keys]
        if classified.kind is ScanKind.GS1 and classified.gs1 is not None and classified.gs1.gtin:
            keys = list(classified.keys)
        for key in keys:
            line = self.line_for(key)
            if line is not None:
                return line
        return None

    def _serial(self, line: ReceiptLine, serial: str, lot: str | None, expiry: date | None) -> ScanOutcome:
        self.pending_serial = None
        if not serial:
            raise ReceivingError(f"{line.sku}: empty serial number")
        if any(serial == other for candidate in self.lines for other in candidate.serials):
            raise ReceivingError(f"{line.sku}: serial {serial} already scanned")
        outcome = self._add(line, serial, 1, lot, expiry, serial=serial)
        line.serials.append(serial)
        return outcome

    def _add(
        self,
        line: ReceiptLine,
        code: str,
        quantity: int,
        lot: str | None,
        expiry: date | None,
        *,
        serial: str | None = None,
    ) -> ScanOutcome:
        after = line.total + quantity
        limit = line.ordered + line.ordered * self.over_tolerance_percent // 100
        if line.line_id is not None and line.ordered > 0 and after > limit:
            raise OverReceipt(
                f"{line.sku}: {after} would exceed the {line.ordered} ordered on {self.number} "
                f"by more than {self.over_tolerance_percent} % (at most {limit}); put {after - limit} aside"
            )
        key = (lot or None, expiry)
        line.lots[key] = line.lots.get(key, 0) + quantity
        over = after > line.ordered
        message = f"{line.sku}: {line.total}/{line.ordered}" + (" — over-receipt" if over else "")
        return ScanOutcome(ScanStatus.RECEIVED, code, line, quantity, lot, expiry, serial, over, message)


def _line_from(variant: Variant, line_id: int | None, ordered: int, received: int) -> ReceiptLine:
    codes = {variant.sku.upper(), *(barcode.code.upper() for barcode in variant.barcodes)}
    return ReceiptLine(
        line_id, variant.id, variant.sku, variant.name, variant.product.tracking, ordered, received, codes
    )


def load_receipt(
    session: Session,
    number: str,
    *,
    tenant_id: int | None = None,
    over_tolerance_percent: int = DEFAULT_OVER_TOLERANCE_PERCENT,
) -> ReceivingSession:
    query = select(PurchaseOrder).where(PurchaseOrder.number == number.strip())
    if tenant_id is not None:
        query = query.where(PurchaseOrder.tenant_id == tenant_id)
    order = session.scalars(query).first()
    if order is None:
        raise ReceivingError(f"No purchase order {number!r}")
    if order.status not in RECEIVABLE:
        raise ReceivingError(f"Purchase order {order.number} is {order.status.value}; it cannot be received")
    rows = session.execute(
        select(PurchaseOrderLine, Variant)
        .join(Variant, Variant.id == PurchaseOrderLine.variant_id)
        .where(PurchaseOrderLine.purchase_order_id == order.id)
        .order_by(PurchaseOrderLine.id)
    ).all()
    lines = [_line_from(variant, line.id, line.quantity_ordered, line.quantity_received) for line, variant in rows]
    return ReceivingSession(order.id, order.number, order.tenant_id, order.warehouse_id, lines, over_tolerance_percent)


def _variant_by_sku(session: Session, tenant_id: int, sku: str) -> Variant:
    variant = session.scalars(select(Variant).where(Variant.tenant_id == tenant_id, Variant.sku == sku.strip())).first()
    if variant is None:
        raise ReceivingError(f"No SKU {sku!r}")
    return variant


def _symbology(code: str) -> Symbology:
    kind = classify_scan(code).kind
    return {ScanKind.EAN13: Symbology.EAN13, ScanKind.UPC_A: Symbology.UPCA}.get(kind, Symbology.CODE128)


def _attach(receiving: ReceivingSession, variant: Variant, code: str) -> ReceiptLine:
    line = next((line for line in receiving.lines if line.variant_id == variant.id), None)
    if line is None:  # not ordered: an unplanned line, always flagged as over-receipt
        line = _line_from(variant, None, 0, 0)
        receiving.lines.append(line)
    line.codes.add(code.upper())
    return line


def map_barcode(session: Session, receiving: ReceivingSession, code: str, sku: str) -> ReceiptLine:
    """Teach the catalogue an unknown barcode: ``code`` now means ``sku``. Flushes, the caller commits."""
    code = classify_scan(code).code
    variant = _variant_by_sku(session, receiving.tenant_id, sku)
    existing = session.scalars(
        select(Barcode).where(Barcode.tenant_id == receiving.tenant_id, Barcode.code == code)
    ).first()
    if existing is not None and existing.variant_id != variant.id:
        owner = session.get(Variant, existing.variant_id)
        raise ReceivingError(
            f"Barcode {code} already belongs to {owner.sku if owner else existing.variant_id}, not {variant.sku}"
        )
    if existing is None:
        session.add(
            Barcode(tenant_id=receiving.tenant_id, variant_id=variant.id, code=code, symbology=_symbology(code))
        )
        session.flush()
    return _attach(receiving, variant, code)


def create_sku(
    session: Session,
    receiving: ReceivingSession,
    code: str,
    sku: str,
    name: str,
    *,
    category: str = "",
    tracking: Tracking = Tracking.NONE,
    weight_g: int = 0,
) -> ReceiptLine:
    """A product and SKU that did not exist yet, with ``code`` as its barcode; flushes, the caller commits."""
    code = classify_scan(code).code
    if session.scalars(select(Variant.id).where(Variant.tenant_id == receiving.tenant_id, Variant.sku == sku)).first():
        raise ReceivingError(f"SKU {sku} already exists; map the barcode to it instead")
    product = Product(tenant_id=receiving.tenant_id, code=sku, name=name, category=category, tracking=tracking)
    session.add(product)
    session.flush()
    variant = Variant(tenant_id=receiving.tenant_id, product_id=product.id, sku=sku, name=name, weight_g=weight_g)
    session.add(variant)
    session.flush()
    session.add(Barcode(tenant_id=receiving.tenant_id, variant_id=variant.id, code=code, symbology=_symbology(code)))
    session.flush()
    return _attach(receiving, variant, code)


@dataclass(frozen=True)
class ReceiptResult:
    number: str
    status: PurchaseOrderStatus
    units: int
    moves: int
    discrepancies: list[Discrepancy]


def _lot(session: Session, tenant_id: int, variant_id: int, code: str, expiry: date | None) -> int:
    lot = session.scalars(select(Lot).where(Lot.variant_id == variant_id, Lot.code == code)).first()
    if lot is None:
        lot = Lot(tenant_id=tenant_id, variant_id=variant_id, code=code, expires_on=expiry)
        session.add(lot)
        session.flush()
    elif lot.expires_on is None and expiry is not None:
        lot.expires_on = expiry
    elif expiry is not None and lot.expires_on != expiry:
        raise ReceivingError(f"Lot {code} is on file with expiry {lot.expires_on}, the scan says {expiry}")
    return lot.id


def commit_receipt(session: Session, receiving: ReceivingSession, dock_location_id: int, actor: Actor) -> ReceiptResult:
    """Book every scanned unit onto the dock; the caller commits (all or nothing)."""
    order = session.scalars(
        select(PurchaseOrder).where(PurchaseOrder.id == receiving.purchase_order_id).with_for_update()
    ).one()
    if order.status not in RECEIVABLE:
        raise ReceivingError(f"Purchase order {order.number} is {order.status.value}; it cannot be received")
    dock = session.get(Location, dock_location_id)
    if dock is None or dock.warehouse_id != order.warehouse_id:
        raise ReceivingError(f"Location {dock_location_id} is not in the warehouse of {order.number}")
    if receiving.scanned == 0:
        raise ReceivingError(f"Nothing scanned for {order.number}")
    ledger = StockLedger(session, actor)
    stored = {
        line.id: line
        for line in session.scalars(select(PurchaseOrderLine).where(PurchaseOrderLine.purchase_order_id == order.id))
    }
    moves = 0
    for line in receiving.lines:
        if not line.received:
            continue
        row = stored.get(line.line_id) if line.line_id is not None else None
        if row is not None and row.quantity_received != line.previously_received:
            raise ReceivingError(
                f"{order.number}: {line.sku} was received elsewhere meanwhile "
                f"({row.quantity_received}, not {line.previously_received}); load the order again"
            )
        if row is None:
            row = PurchaseOrderLine(
                purchase_order_id=order.id, variant_id=line.variant_id, quantity_ordered=0, quantity_received=0
            )
            session.add(row)
            session.flush()
            stored[row.id] = row
            line.line_id = row.id
        left = dict(line.lots)  # units per (lot, expiry) not yet booked
        for serial in line.serials:
            unit_id = _serial(session, order.tenant_id, line, serial, dock.id)
            # One receipt row per serial, naming it. A serial's lot is not kept apart from the line's
            # counts, so serials take the lots in the order they were first scanned (serial-tracked
            # products are not lot-tracked; a lot here comes only from a GS1 label's AI 10).
            key = next(key for key, units in left.items() if units > 0)
            left[key] -= 1
            lot_id = _lot(session, order.tenant_id, line.variant_id, key[0], key[1]) if key[0] else None
            ledger.receive(line.variant_id, dock.id, 1, lot_id=lot_id, reference=order.number, serial_id=unit_id)
            moves += 1
        for (lot_code, expiry), quantity in left.items():
            if quantity <= 0:
                continue
            lot_id = _lot(session, order.tenant_id, line.variant_id, lot_code, expiry) if lot_code else None
            ledger.receive(line.variant_id, dock.id, quantity, lot_id=lot_id, reference=order.number)
            moves += 1
        row.quantity_received += line.received
    complete = all(row.quantity_received >= row.quantity_ordered for row in stored.values())
    order.status = PurchaseOrderStatus.RECEIVED if complete else PurchaseOrderStatus.PARTIALLY_RECEIVED
    session.flush()
    return ReceiptResult(order.number, order.status, receiving.scanned, moves, receiving.discrepancies())


def _serial(session: Session, tenant_id: int, line: ReceiptLine, serial: str, location_id: int) -> int:
    row = session.scalars(
        select(SerialNumber).where(SerialNumber.variant_id == line.variant_id, SerialNumber.serial == serial)
    ).first()
    if row is None:
        row = SerialNumber(tenant_id=tenant_id, variant_id=line.variant_id, serial=serial, location_id=location_id)
        session.add(row)
    elif row.location_id is not None:
        raise ReceivingError(f"{line.sku}: serial {serial} is already in stock")
    else:
        row.location_id = location_id
    session.flush()
    return row.id
