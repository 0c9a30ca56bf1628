"""Read-only: the stock ledger filtered for the Inventory page's "Movements" tab, its export, and the
"Trace" tab's reading of one scan (a lot, a serial or an order number).

`list_moves` returns the newest moves first, at most `limit` of them (the ledger only grows; the
query walks the index on `at` and stops at the limit). `export_moves` writes every move the filters
keep, not only the newest shown, as CSV or XLSX. `resolve_trace` decides what a scan is and asks
`station.services.traceability` for its trace, adding the purchase orders behind its receipts and the
shipments of the orders it left in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from station.db import Database
from station.db.models import (
    Location,
    Lot,
    Order,
    PurchaseOrder,
    SerialNumber,
    Shipment,
    ShipmentStatus,
    StockMove,
    Tenant,
    User,
    Variant,
)
from station.domain.gs1 import InvalidScan, ScanKind, classify_scan
from station.domain.stock import AdjustmentReason, MoveKind
from station.services.exports import write_csv, write_xlsx
from station.services.location_queries import LocationQueryError, variant_for_scan
from station.services.stock_queries import StockQueryError, find_variant
from station.services.traceability import (
    LotTrace,
    OrderTrace,
    SerialTrace,
    TraceError,
    TraceMove,
    trace_lot,
    trace_order,
    trace_serial,
)

DEFAULT_LIMIT = 1000
MOVE_KINDS = tuple(kind.value for kind in MoveKind)
REASONS = tuple(reason.value for reason in AdjustmentReason)
EXPORT_HEADER = (
    "id",
    "at",
    "kind",
    "sku",
    "lot",
    "serial",
    "quantity",
    "from_location",
    "to_location",
    "reason",
    "user",
    "station",
    "reference",
    "note",
)


class MoveQueryError(LookupError):
    """A filter names something that does not exist (SKU, bin, lot, user …); the message names it."""


@dataclass(frozen=True)
class MoveFilter:
    """Every field narrows the list; empty fields do not. Dates are local calendar days, both included."""

    sku: str = ""
    location: str = ""  # a bin code: moves from or to it
    lot: str = ""
    kind: str = ""  # a MoveKind value
    reason: str = ""  # an AdjustmentReason value
    user: str = ""  # a login
    reference: str = ""  # an order or purchase order number
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class MoveRow:
    id: int
    at: datetime  # UTC
    kind: str
    sku: str
    lot: str | None
    serial: str | None
    quantity: int
    from_location: str | None
    to_location: str | None
    reason: str | None
    user: str | None
    station: str
    reference: str
    note: str


@dataclass(frozen=True)
class MovePage:
    rows: list[MoveRow]
    limit: int
    more: bool  # more moves match than the `limit` newest shown


def list_moves(session: Session, filters: MoveFilter | None = None, *, limit: int = DEFAULT_LIMIT) -> MovePage:
    """The newest `limit` moves the filters keep, newest first."""
    query = _filtered(session, filters or MoveFilter()).order_by(StockMove.at.desc(), StockMove.id.desc())
    rows = [_row(*values) for values in session.execute(query.limit(limit + 1))]
    return MovePage(rows[:limit], limit, len(rows) > limit)


def export_moves(database: Database, filters: MoveFilter, path: Path) -> int:
    """Write every move the filters keep (oldest first) to `path`, .csv or .xlsx; returns how many."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise MoveQueryError(f"{path.name}: unknown file type {suffix or '(none)'}; use .csv or .xlsx")
    with database.unit_of_work() as uow:
        query = _filtered(uow.session, filters).order_by(StockMove.at, StockMove.id)
        rows = [_export_cells(_row(*values)) for values in uow.session.execute(query)]
    (write_xlsx if suffix == ".xlsx" else write_csv)(path, EXPORT_HEADER, rows)
    return len(rows)


def move_users(session: Session) -> list[str]:
    """Logins that recorded at least one move, for the user filter."""
    ids = select(StockMove.user_id).where(StockMove.user_id.is_not(None)).distinct()
    return list(session.scalars(select(User.login).where(User.id.in_(ids)).order_by(User.login)))


def _export_cells(row: MoveRow) -> list[str | int | None]:
    return [
        row.id,
        row.at.isoformat(timespec="seconds"),
        row.kind,
        row.sku,
        row.lot,
        row.serial,
        row.quantity,
        row.from_location,
        row.to_location,
        row.reason,
        row.user,
        row.station,
        row.reference,
        row.note,
    ]


def _filtered(session: Session, filters: MoveFilter) -> Select:
    source, target = aliased(Location), aliased(Location)
    query = (
        select(
            StockMove.id,
            StockMove.at,
            StockMove.kind,
            Variant.sku,
            Lot.code,
            SerialNumber.serial,
            StockMove.quantity,
            source.code,
            target.code,
            StockMove.reason,
            User.login,
            StockMove.station,
            StockMove.reference,
            StockMove.note,
        )
        .select_from(StockMove)
        .join(Variant, Variant.id == StockMove.variant_id)
        .outerjoin(source, source.id == StockMove.from_location_id)
        .outerjoin(target, target.id == StockMove.to_location_id)
        .outerjoin(Lot, Lot.id == StockMove.lot_id)
        .outerjoin(SerialNumber, SerialNumber.id == StockMove.serial_id)
        .outerjoin(User, User.id == StockMove.user_id)
    )
    variant_ids: list[int] = []
    if filters.sku.strip():
        variant_ids = _variant_ids(session, filters.sku)
        query = query.where(StockMove.variant_id.in_(variant_ids))
    if filters.location.strip():
        ids = _ids(session, select(Location.id), Location.code, filters.location, "bin")
        query = query.where(or_(StockMove.from_location_id.in_(ids), StockMove.to_location_id.in_(ids)))
    if filters.lot.strip():
        lots = select(Lot.id).where(Lot.variant_id.in_(variant_ids)) if variant_ids else select(Lot.id)
        what = f"lot of SKU '{filters.sku.strip()}'" if variant_ids else "lot"
        query = query.where(StockMove.lot_id.in_(_ids(session, lots, Lot.code, filters.lot, what)))
    if filters.kind:
        if filters.kind not in MOVE_KINDS:
            raise MoveQueryError(f"No move kind '{filters.kind}'; use one of {', '.join(MOVE_KINDS)}")
        query = query.where(StockMove.kind == MoveKind(filters.kind))
    if filters.reason:
        if filters.reason not in REASONS:
            raise MoveQueryError(f"No adjustment reason '{filters.reason}'; use one of {', '.join(REASONS)}")
        query = query.where(StockMove.reason == AdjustmentReason(filters.reason))
    if filters.user.strip():
        query = query.where(StockMove.user_id.in_(_ids(session, select(User.id), User.login, filters.user, "user")))
    if filters.reference.strip():
        wanted = filters.reference.strip().upper()
        query = query.where(
            or_(func.upper(StockMove.reference) == wanted, func.upper(StockMove.reference).like(f"{wanted} %"))
        )
    if filters.since is not None:
        query = query.where(StockMove.at >= _local_midnight(filters.since))
    if filters.until is not None:
        query = query.where(StockMove.at < _local_midnight(filters.until + timedelta(days=1)))
    if filters.since and filters.until and filters.since > filters.until:
        raise MoveQueryError(f"The date range ends ({filters.until}) before it starts ({filters.since})")
    return query


def _ids(session: Session, query: Select, column, value: str, what: str) -> list[int]:
    """Ids of the rows whose `column` equals `value` ignoring case, or a message naming what is missing."""
    ids = list(session.scalars(query.where(func.upper(column) == value.strip().upper())))
    if not ids:
        raise MoveQueryError(f"No {what} '{value.strip()}'")
    return ids


def _variant_ids(session: Session, text: str) -> list[int]:
    """The SKU (in every tenant that has it), else the SKU whose barcode or GS1 GTIN this is."""
    ids = list(session.scalars(select(Variant.id).where(func.upper(Variant.sku) == text.strip().upper())))
    if ids:
        return ids
    try:
        variant = variant_for_scan(session, text.strip())
    except LocationQueryError:
        variant = None
    if variant is None:
        raise MoveQueryError(f"No SKU '{text.strip()}'")
    return [variant.id]


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)  # naive → this machine's zone


def _row(id_, at, kind, sku, lot, serial, quantity, source, target, reason, login, station, reference, note) -> MoveRow:
    return MoveRow(
        id=id_,
        at=at if at.tzinfo else at.replace(tzinfo=UTC),
        kind=str(kind),
        sku=sku,
        lot=lot,
        serial=serial,
        quantity=quantity,
        from_location=source,
        to_location=target,
        reason=str(reason) if reason else None,
        user=login,
        station=station,
        reference=reference,
        note=note,
    )


# -- trace -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurchaseOrderInfo:
    number: str
    supplier: str
    created_at: datetime


@dataclass(frozen=True)
class OrderShipping:
    order: str
    customer: str
    shipped_at: datetime | None
    carrier: str | None
    tracking_number: str | None


@dataclass(frozen=True)
class TraceAnswer:
    """One of `lot`, `serial`, `order` (as `kind` says), with what its moves' references point to."""

    kind: str  # "lot", "serial" or "order"
    lot: LotTrace | None = None
    serial: SerialTrace | None = None
    order: OrderTrace | None = None
    purchase_orders: dict[str, PurchaseOrderInfo] = field(default_factory=dict)  # by a receipt's reference
    shipping: dict[str, OrderShipping] = field(default_factory=dict)  # by order number

    @property
    def moves(self) -> list[TraceMove]:
        found = self.lot or self.serial or self.order
        return list(found.moves) if found else []

    @property
    def inferred(self) -> bool:
        return any(move.inferred for move in self.moves)


def resolve_trace(session: Session, scan: str, *, sku: str = "") -> TraceAnswer:
    """A GS1 scan (GTIN + lot or serial), a lot or serial (of `sku`, when given) or an order number.

    Raises TraceError naming what was scanned when it is none of these.
    """
    text = scan.strip()
    if not text:
        raise TraceError("Scan or type a lot, a serial number or an order number")
    try:
        classified = classify_scan(text)
    except InvalidScan as exc:
        if text.startswith(("(", "]")):  # meant as a GS1 barcode
            raise TraceError(f"'{text}' cannot be read: {exc}") from exc
        classified = None  # digits with a wrong check digit: a serial or lot code, not a GTIN
    if classified is not None and classified.kind is ScanKind.GS1 and classified.gs1 is not None:
        return _gs1(session, text, classified, sku)
    if sku.strip():
        return _of_sku(session, _sku(session, sku), text)
    head, _, rest = text.partition(" ")
    if rest.strip():  # "SKU LOT" typed on one line
        try:
            variant = find_variant(session, head)
        except StockQueryError:
            variant = None
        if variant is not None:
            return _of_sku(session, variant, rest)
    wanted = text.upper()
    if session.scalar(
        select(Order.id).where(or_(func.upper(Order.number) == wanted, func.upper(Order.external_id) == wanted))
    ):
        order = trace_order(session, text)
        return TraceAnswer("order", order=order, shipping=_shipping(session, {order.order}))
    if session.scalar(select(SerialNumber.id).where(func.upper(SerialNumber.serial) == wanted).limit(1)):
        return _serial_answer(session, trace_serial(session, text))
    lots = session.execute(
        select(Variant, Lot.code).join(Variant, Variant.id == Lot.variant_id).where(func.upper(Lot.code) == wanted)
    ).all()
    if len(lots) == 1:
        return _of_sku(session, lots[0][0], text)
    if lots:
        skus = ", ".join(sorted(variant.sku for variant, _ in lots))
        raise TraceError(f"Lot '{text}' exists for several SKUs ({skus}); type the SKU too")
    raise TraceError(f"No lot, serial number or order '{text}'")


def _sku(session: Session, sku: str) -> Variant:
    try:
        return find_variant(session, sku)
    except StockQueryError as exc:
        raise TraceError(str(exc).replace("; pass --tenant", "")) from exc


def _gs1(session: Session, text: str, classified, sku: str) -> TraceAnswer:
    """The lot or serial a GS1 barcode carries, of its GTIN's SKU (else of `sku`, when typed)."""
    data = classified.gs1
    if not (data.lot or data.serial):
        raise TraceError(f"The GS1 barcode '{text}' carries no lot (AI 10) or serial number (AI 21)")
    try:
        variant = variant_for_scan(session, data.gtin) if data.gtin else None
    except LocationQueryError as exc:
        raise TraceError(str(exc)) from exc
    if variant is None and sku.strip():
        variant = _sku(session, sku)
    if variant is None:
        if data.gtin:
            raise TraceError(f"No SKU has the barcode GTIN {data.gtin}; type the SKU and the lot instead")
        return resolve_trace(session, data.serial or data.lot or "")
    return _of_sku(session, variant, data.serial or data.lot or "", serial=bool(data.serial))


def _of_sku(session: Session, variant: Variant, code: str, *, serial: bool = False) -> TraceAnswer:
    code = code.strip()
    tenant = session.scalar(select(Tenant.code).where(Tenant.id == variant.tenant_id))
    is_serial = serial or session.scalar(
        select(SerialNumber.id).where(
            SerialNumber.variant_id == variant.id, func.upper(SerialNumber.serial) == code.upper()
        )
    )
    if is_serial:
        return _serial_answer(session, trace_serial(session, code, sku=variant.sku, tenant=tenant), variant.tenant_id)
    lot = trace_lot(session, variant.sku, code, tenant=tenant)
    shipping = _shipping(session, {s.order for s in lot.orders})
    return TraceAnswer(
        "lot", lot=lot, purchase_orders=_purchase_orders(session, variant.tenant_id, lot.moves), shipping=shipping
    )


def _serial_answer(session: Session, trace: SerialTrace, tenant_id: int | None = None) -> TraceAnswer:
    if tenant_id is None:
        tenant_id = session.scalar(
            select(SerialNumber.tenant_id).where(func.upper(SerialNumber.serial) == trace.serial.upper()).limit(1)
        )
    shipping = _shipping(session, {m.order for m in trace.moves if m.order} | ({trace.order} if trace.order else set()))
    return TraceAnswer(
        "serial", serial=trace, purchase_orders=_purchase_orders(session, tenant_id, trace.moves), shipping=shipping
    )


def _purchase_orders(session: Session, tenant_id: int | None, moves: list[TraceMove]) -> dict[str, PurchaseOrderInfo]:
    references = {m.reference for m in moves if m.kind in (MoveKind.RECEIPT, MoveKind.PUTAWAY) and m.reference}
    if not references or tenant_id is None:
        return {}
    rows = session.scalars(
        select(PurchaseOrder).where(PurchaseOrder.tenant_id == tenant_id, PurchaseOrder.number.in_(references))
    )
    return {po.number: PurchaseOrderInfo(po.number, po.supplier, po.created_at) for po in rows}


_LEFT = (ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED, ShipmentStatus.EXCEPTION)  # the parcel left the building


def _shipping(session: Session, numbers: set[str]) -> dict[str, OrderShipping]:
    result: dict[str, OrderShipping] = {}
    for number in sorted(numbers):
        order = session.scalars(select(Order).where(Order.number == number)).first()
        if order is None:
            continue
        shipment = session.scalars(
            select(Shipment)
            .where(Shipment.order_id == order.id, Shipment.status.in_(_LEFT))
            .order_by(Shipment.id.desc())
        ).first()
        result[number] = OrderShipping(
            number,
            order.customer_name,
            shipment.shipped_at if shipment else None,
            shipment.carrier if shipment else None,
            shipment.tracking_number if shipment else None,
        )
    return result
