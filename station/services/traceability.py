"""Traceability: follow a lot or a serial number from receipt to the customer's order, and list which lots
and serials left in an order.

Everything comes from the append-only ledger (`StockMove`). A lot's trace is every move that carries its
lot id. A serial's trace is every move that carries its serial id: receiving books one receipt row per
serial and the packing bench one pick and one ship row per scanned serial, each naming it. Rows written
before the ledger named serials are filled in and marked `inferred`: a receipt is then the inbound move
of its SKU recorded with the serial number (receiving creates both in one transaction), and a unit that
shipped (`SerialNumber.order_line_id`) without a ship row of its own gets the order's moves of that SKU
that name no serial. Moves whose reference is an order number are joined to that order, so a ship move
names the customer it went to.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from station.db.models import (
    Location,
    Lot,
    Order,
    OrderLine,
    SerialNumber,
    Shipment,
    ShipmentStatus,
    StockMove,
    StockQuant,
    User,
    Variant,
)
from station.domain.stock import MoveKind
from station.services.stock_queries import StockQueryError, find_variant

_INBOUND = (MoveKind.RECEIPT, MoveKind.RETURN)


class TraceError(LookupError):
    """The lot, serial or order asked for does not exist (or is ambiguous)."""


@dataclass(frozen=True)
class TraceMove:
    at: datetime
    kind: str
    sku: str
    quantity: int
    from_location: str | None
    to_location: str | None
    lot: str | None
    user: str | None  # login of the user, if one was logged in
    station: str
    reference: str
    reason: str | None = None
    order: str | None = None  # the order number the reference names, if it is one
    customer: str | None = None  # that order's customer
    # A serial trace: an old row that names the SKU but not the serial (its receipt, matched by time, or a
    # move of the order it left in), so it is the unit's move by inference.
    inferred: bool = False


@dataclass(frozen=True)
class Shipped:
    """Units that left in one order."""

    order: str
    customer: str
    quantity: int
    shipped_at: datetime
    carrier: str | None = None
    tracking_number: str | None = None


@dataclass(frozen=True)
class LotTrace:
    sku: str
    lot: str
    expires_on: date | None
    received: int
    shipped: int
    on_hand: int
    moves: list[TraceMove] = field(default_factory=list)
    orders: list[Shipped] = field(default_factory=list)


@dataclass(frozen=True)
class SerialTrace:
    sku: str
    serial: str
    location: str | None  # where it is now; None once it has left
    order: str | None  # the order it left in
    customer: str | None
    moves: list[TraceMove] = field(default_factory=list)


@dataclass(frozen=True)
class OrderLotLine:
    sku: str
    lot: str | None
    expires_on: date | None
    quantity: int


@dataclass(frozen=True)
class OrderTrace:
    order: str
    state: str
    customer: str
    customer_rut: str | None
    comuna: str
    shipments: list[dict[str, str | None]] = field(default_factory=list)
    lots: list[OrderLotLine] = field(default_factory=list)
    serials: list[dict[str, str]] = field(default_factory=list)
    moves: list[TraceMove] = field(default_factory=list)


def trace_lot(session: Session, sku: str, lot_code: str, *, tenant: str | None = None) -> LotTrace:
    """Every move of a lot, oldest first, with the orders it shipped in."""
    try:
        variant = find_variant(session, sku, tenant=tenant)
    except StockQueryError as exc:
        raise TraceError(str(exc)) from exc
    lot = session.scalars(select(Lot).where(Lot.variant_id == variant.id, Lot.code == lot_code.strip())).one_or_none()
    if lot is None:
        lot = session.scalars(
            select(Lot).where(Lot.variant_id == variant.id, func.upper(Lot.code) == lot_code.strip().upper())
        ).first()
    if lot is None:
        codes = session.scalars(select(Lot.code).where(Lot.variant_id == variant.id).order_by(Lot.code)).all()
        known = f"; its lots: {', '.join(codes[:10])}{' …' if len(codes) > 10 else ''}" if codes else "; it has no lots"
        raise TraceError(f"No lot '{lot_code}' of SKU '{variant.sku}'{known}")
    moves = _moves(session, StockMove.lot_id == lot.id)
    on_hand = session.scalar(select(func.coalesce(func.sum(StockQuant.on_hand), 0)).where(StockQuant.lot_id == lot.id))
    return LotTrace(
        sku=variant.sku,
        lot=lot.code,
        expires_on=lot.expires_on,
        received=sum(m.quantity for m in moves if m.kind in _INBOUND),
        shipped=sum(m.quantity for m in moves if m.kind == MoveKind.SHIP),
        on_hand=int(on_hand or 0),
        moves=moves,
        orders=_shipped(session, moves),
    )


def trace_serial(session: Session, serial: str, *, sku: str | None = None, tenant: str | None = None) -> SerialTrace:
    """Every move of one serial-tracked unit, oldest first, ending at the order it left in."""
    scope = []
    if sku:
        try:
            scope.append(SerialNumber.variant_id == find_variant(session, sku, tenant=tenant).id)
        except StockQueryError as exc:
            raise TraceError(str(exc)) from exc
    units = session.scalars(select(SerialNumber).where(SerialNumber.serial == serial.strip(), *scope)).all()
    if not units:
        units = session.scalars(
            select(SerialNumber).where(func.upper(SerialNumber.serial) == serial.strip().upper(), *scope)
        ).all()
    if not units:
        raise TraceError(f"No serial number '{serial}'" + (f" of SKU '{sku}'" if sku else ""))
    if len(units) > 1:
        skus = sorted(session.scalars(select(Variant.sku).where(Variant.id.in_([u.variant_id for u in units]))))
        raise TraceError(f"Serial '{serial}' exists for several SKUs ({', '.join(skus)}); pass --sku")
    unit = units[0]
    variant = session.get(Variant, unit.variant_id)
    order = _order_of_line(session, unit.order_line_id)
    moves = _moves(session, StockMove.serial_id == unit.id)
    if not any(m.kind in _INBOUND for m in moves):
        moves += _receipt_of(session, unit)
    if order is not None and not any(m.kind == MoveKind.SHIP for m in moves):
        # Shipped before the ledger named serials: the order's rows of the SKU that name no serial.
        own = {(m.at, m.kind, m.reference) for m in moves}
        order_rows = _moves(
            session,
            StockMove.reference == order.number,
            StockMove.variant_id == unit.variant_id,
            StockMove.serial_id.is_(None),
        )
        for move in order_rows:
            if (move.at, move.kind, move.reference) not in own:
                moves.append(replace(move, inferred=True))
    moves.sort(key=lambda m: m.at)
    location = session.get(Location, unit.location_id) if unit.location_id else None
    return SerialTrace(
        sku=variant.sku if variant else "",
        serial=unit.serial,
        location=location.code if location else None,
        order=order.number if order else None,
        customer=order.customer_name if order else None,
        moves=moves,
    )


def trace_order(session: Session, number: str) -> OrderTrace:
    """Which lots and serials left in an order, its shipments, and its moves."""
    wanted = number.strip().upper()
    order = session.scalars(
        select(Order).where(or_(func.upper(Order.number) == wanted, func.upper(Order.external_id) == wanted))
    ).first()
    if order is None:
        raise TraceError(f"No order '{number}'")
    moves = _moves(session, or_(StockMove.reference == order.number, StockMove.reference.like(f"{order.number} %")))
    shipped: dict[tuple[str, str | None], int] = {}
    expiry: dict[str | None, date | None] = {}
    lot_rows = session.execute(
        select(Variant.sku, Lot.code, Lot.expires_on, StockMove.quantity)
        .join(Variant, Variant.id == StockMove.variant_id)
        .outerjoin(Lot, Lot.id == StockMove.lot_id)
        .where(StockMove.reference == order.number, StockMove.kind == MoveKind.SHIP)
        .order_by(StockMove.id)
    ).all()
    for sku, lot, expires_on, quantity in lot_rows:
        shipped[(sku, lot)] = shipped.get((sku, lot), 0) + quantity
        expiry[lot] = expires_on
    serials = session.execute(
        select(Variant.sku, SerialNumber.serial)
        .join(OrderLine, OrderLine.id == SerialNumber.order_line_id)
        .join(Variant, Variant.id == SerialNumber.variant_id)
        .where(OrderLine.order_id == order.id)
        .order_by(Variant.sku, SerialNumber.serial)
    ).all()
    shipments = session.scalars(select(Shipment).where(Shipment.order_id == order.id).order_by(Shipment.id)).all()
    return OrderTrace(
        order=order.number,
        state=order.state.value,
        customer=order.customer_name,
        customer_rut=order.customer_rut,
        comuna=order.ship_comuna,
        shipments=[
            {
                "carrier": s.carrier,
                "tracking_number": s.tracking_number,
                "status": s.status.value,
                "shipped_at": s.shipped_at.isoformat() if s.shipped_at else None,
            }
            for s in shipments
        ],
        lots=[OrderLotLine(sku, lot, expiry.get(lot), qty) for (sku, lot), qty in shipped.items()],
        serials=[{"sku": sku, "serial": serial} for sku, serial in serials],
        moves=moves,
    )


# -- internals ---------------------------------------------------------------------------------------


def _moves(session: Session, *conditions) -> list[TraceMove]:
    """Ledger rows matching `conditions`, oldest first, with codes instead of ids and their orders."""
    source, target = aliased(Location), aliased(Location)
    rows = session.execute(
        select(
            StockMove, Variant.sku, source.code, target.code, Lot.code, User.login, Order.number, Order.customer_name
        )
        .join(Variant, Variant.id == StockMove.variant_id)
        .outerjoin(source, source.id == StockMove.from_location_id)
        .outerjoin(target, target.id == StockMove.to_location_id)
        .outerjoin(Lot, Lot.id == StockMove.lot_id)
        .outerjoin(User, User.id == StockMove.user_id)
        .outerjoin(Order, Order.number == StockMove.reference)
        .where(*conditions)
        .order_by(StockMove.at, StockMove.id)
    ).all()
    return [
        TraceMove(
            at=move.at,
            kind=move.kind.value,
            sku=sku,
            quantity=move.quantity,
            from_location=from_code,
            to_location=to_code,
            lot=lot,
            user=login,
            station=move.station,
            reference=move.reference,
            reason=move.reason.value if move.reason else None,
            order=order_number,
            customer=customer,
        )
        for move, sku, from_code, to_code, lot, login, order_number, customer in rows
    ]


def _receipt_of(session: Session, unit: SerialNumber) -> list[TraceMove]:
    """The receipt (or return) of the unit's SKU recorded together with the serial: receiving creates the
    serial number and the receipt move in one transaction, so it is the inbound move nearest in time."""
    window = timedelta(minutes=10)
    candidates = _moves(
        session,
        StockMove.variant_id == unit.variant_id,
        StockMove.kind.in_(_INBOUND),
        StockMove.at >= unit.created_at - window,
        StockMove.at <= unit.created_at + window,
    )
    if not candidates:
        return []
    created = unit.created_at.replace(tzinfo=None)
    nearest = min(candidates, key=lambda m: abs(m.at.replace(tzinfo=None) - created))
    return [replace(nearest, inferred=True)]


def _order_of_line(session: Session, order_line_id: int | None) -> Order | None:
    if order_line_id is None:
        return None
    line = session.get(OrderLine, order_line_id)
    return session.get(Order, line.order_id) if line else None


def _shipped(session: Session, moves: list[TraceMove]) -> list[Shipped]:
    """The orders the ship moves went to, with quantity and (if any) the carrier's tracking number."""
    per_order: dict[str, tuple[str, int, datetime]] = {}
    for move in moves:
        if move.kind == MoveKind.SHIP and move.order:
            customer, quantity, at = per_order.get(move.order, (move.customer or "", 0, move.at))
            per_order[move.order] = (customer, quantity + move.quantity, max(at, move.at))
    result = []
    for number, (customer, quantity, at) in per_order.items():
        shipment = session.scalars(
            select(Shipment)
            .join(Order, Order.id == Shipment.order_id)
            .where(Order.number == number, Shipment.status == ShipmentStatus.SHIPPED)
            .order_by(Shipment.id.desc())
        ).first()
        result.append(
            Shipped(
                order=number,
                customer=customer,
                quantity=quantity,
                shipped_at=at,
                carrier=shipment.carrier if shipment else None,
                tracking_number=shipment.tracking_number if shipment else None,
            )
        )
    return result
