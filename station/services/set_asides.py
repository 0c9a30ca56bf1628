"""Stock set aside for a channel or a customer: units no one else may promise.

A set-aside is a standing reservation (no expiry unless given) whose `checkout_ref` names what it
is for: ``set-aside:channel`` with `channel_id` (units kept for one marketplace), or
``set-aside:customer:<RUT>`` (a VIP or wholesale customer) or ``set-aside:segment:<NAME>`` (a
class of customers, e.g. ``MAYORISTA``). Being a reservation it is in `reserved`, so every other
channel sees fewer units, and it can never be set aside twice or oversold.

When an order comes in, `reserve_for_order` first draws from the set-asides that match it (the
customer's RUT, then its segment, then its channel), then from free stock — in one transaction,
with the SKU's level row locked, so a concurrent order cannot take the units in between.
`channel_set_aside` tells `availability` how many units a channel may sell on top of the free
ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import Channel, Reservation, ReservationStatus, Variant
from station.domain.rut import InvalidRut, is_valid_rut, parse_rut
from station.domain.stock import InsufficientStock, check_quantity
from station.services.stock import StockLedger

PREFIX = "set-aside:"
FOR_CHANNEL = f"{PREFIX}channel"


class SetAsideError(ValueError):
    """A set-aside that cannot be made; the message names the SKU, channel or customer."""


@dataclass(frozen=True)
class SetAsideFor:
    """Who a set-aside is for: exactly one of a channel, a customer (RUT) or a segment."""

    channel_id: int | None = None
    customer_rut: str | None = None
    segment: str | None = None

    def __post_init__(self) -> None:
        if sum(value is not None for value in (self.channel_id, self.customer_rut, self.segment)) != 1:
            raise SetAsideError("a set-aside is for exactly one channel, customer or segment")

    @property
    def ref(self) -> str:
        """The reservation's `checkout_ref` for this target."""
        if self.customer_rut is not None:
            try:
                return f"{PREFIX}customer:{parse_rut(self.customer_rut).compact()}"
            except InvalidRut as error:
                raise SetAsideError(f"customer RUT {self.customer_rut!r}: {error}") from error
        if self.segment is not None:
            segment = self.segment.strip().upper()
            if not segment:
                raise SetAsideError("a segment needs a name, e.g. MAYORISTA or VIP")
            return f"{PREFIX}segment:{segment}"
        return FOR_CHANNEL


@dataclass(frozen=True)
class SetAside:
    warehouse_id: int
    variant_id: int
    sku: str
    ref: str
    channel_id: int | None
    channel_code: str | None
    quantity: int
    expires_at: datetime | None


def _active(
    session: Session, variant_id: int, warehouse_id: int, ref: str, channel_id: int | None
) -> list[Reservation]:
    query = select(Reservation).where(
        Reservation.variant_id == variant_id,
        Reservation.warehouse_id == warehouse_id,
        Reservation.status == ReservationStatus.ACTIVE,
        Reservation.checkout_ref == ref,
    )
    if channel_id is not None:
        query = query.where(Reservation.channel_id == channel_id)
    return list(session.scalars(query.order_by(Reservation.id)))


def set_aside(
    session: Session,
    ledger: StockLedger,
    variant_id: int,
    warehouse_id: int,
    quantity: int,
    target: SetAsideFor,
    *,
    until: datetime | None = None,
) -> int:
    """Set `quantity` more units aside for `target`; returns the new reservation's id.

    Raises InsufficientStock (naming the SKU and what is free) rather than oversell.
    """
    check_quantity(quantity)
    if target.channel_id is not None and session.get(Channel, target.channel_id) is None:
        raise SetAsideError(f"no channel #{target.channel_id}")
    ttl = None if until is None else until - ledger.clock()
    if ttl is not None and ttl.total_seconds() <= 0:
        raise SetAsideError(f"the set-aside would end in the past ({until:%Y-%m-%d %H:%M})")
    return ledger.reserve(
        variant_id, warehouse_id, quantity, checkout_ref=target.ref, channel_id=target.channel_id, ttl=ttl
    )


def release_set_aside(
    session: Session, ledger: StockLedger, variant_id: int, warehouse_id: int, target: SetAsideFor
) -> int:
    """Give every unit set aside for `target` back to free stock; returns how many."""
    released = 0
    for reservation in _active(session, variant_id, warehouse_id, target.ref, target.channel_id):
        released += reservation.quantity
        ledger.release(reservation.id)
    return released


def _draw(
    session: Session,
    ledger: StockLedger,
    variant_id: int,
    warehouse_id: int,
    ref: str,
    channel_id: int | None,
    wanted: int,
) -> int:
    """Take up to `wanted` units out of matching set-asides (they go back to free stock); returns how many."""
    drawn = 0
    for reservation in _active(session, variant_id, warehouse_id, ref, channel_id):
        if drawn == wanted:
            break
        units, kept = reservation.quantity, max(reservation.quantity - (wanted - drawn), 0)
        expires_at = reservation.expires_at
        ledger.release(reservation.id)
        if kept:  # what the order does not need stays set aside, with the same end
            ttl = None if expires_at is None else max(expires_at - ledger.clock(), timedelta(seconds=1))
            ledger.reserve(variant_id, warehouse_id, kept, checkout_ref=ref, channel_id=channel_id, ttl=ttl)
        drawn += units - kept
    return drawn


def reserve_for_order(
    session: Session,
    ledger: StockLedger,
    variant_id: int,
    warehouse_id: int,
    quantity: int,
    *,
    order_line_id: int,
    channel_id: int | None = None,
    customer_rut: str | None = None,
    segment: str | None = None,
) -> int:
    """Reserve an order line's units, drawing first on what was set aside for this customer,
    its segment, then its channel; the rest from free stock. Returns the reservation's id.

    All or nothing: if the units are not there, InsufficientStock is raised and the caller's
    transaction (which must be rolled back) has changed nothing that commits.
    """
    check_quantity(quantity)
    targets: list[SetAsideFor] = []
    if customer_rut and is_valid_rut(customer_rut):  # a malformed RUT simply has no customer set-aside
        targets.append(SetAsideFor(customer_rut=customer_rut))
    if segment:
        targets.append(SetAsideFor(segment=segment))
    if channel_id is not None:
        targets.append(SetAsideFor(channel_id=channel_id))
    drawn = 0
    for target in targets:
        drawn += _draw(session, ledger, variant_id, warehouse_id, target.ref, target.channel_id, quantity - drawn)
        if drawn == quantity:
            break
    try:
        return ledger.reserve(
            variant_id, warehouse_id, quantity, order_line_id=order_line_id, channel_id=channel_id, ttl=None
        )
    except InsufficientStock as short:
        sku = session.scalar(select(Variant.sku).where(Variant.id == variant_id)) or f"#{variant_id}"
        raise InsufficientStock(sku, None, quantity, short.available) from short


def list_set_asides(session: Session, *, warehouse_id: int | None = None) -> list[SetAside]:
    """Every active set-aside, summed per SKU, warehouse and target."""
    query = (
        select(
            Reservation.warehouse_id,
            Reservation.variant_id,
            Variant.sku,
            Reservation.checkout_ref,
            Reservation.channel_id,
            Channel.code,
            func.sum(Reservation.quantity),
            func.min(Reservation.expires_at),
        )
        .join(Variant, Variant.id == Reservation.variant_id)
        .outerjoin(Channel, Channel.id == Reservation.channel_id)
        .where(Reservation.status == ReservationStatus.ACTIVE, Reservation.checkout_ref.startswith(PREFIX))
        .group_by(
            Reservation.warehouse_id,
            Reservation.variant_id,
            Variant.sku,
            Reservation.checkout_ref,
            Reservation.channel_id,
            Channel.code,
        )
        .order_by(Variant.sku, Reservation.checkout_ref)
    )
    if warehouse_id is not None:
        query = query.where(Reservation.warehouse_id == warehouse_id)
    return [
        SetAside(w, v, sku, ref, channel, code, int(units), ends)
        for w, v, sku, ref, channel, code, units, ends in session.execute(query)
    ]


def channel_set_aside(session: Session, channel_id: int, variant_ids: set[int] | None = None) -> dict[int, int]:
    """Units set aside for a channel, per variant id (what it may sell on top of the free units)."""
    query = (
        select(Reservation.variant_id, func.sum(Reservation.quantity))
        .where(
            Reservation.status == ReservationStatus.ACTIVE,
            Reservation.checkout_ref == FOR_CHANNEL,
            Reservation.channel_id == channel_id,
        )
        .group_by(Reservation.variant_id)
    )
    if variant_ids is not None:
        query = query.where(Reservation.variant_id.in_(variant_ids))
    return {variant_id: int(units) for variant_id, units in session.execute(query)}
