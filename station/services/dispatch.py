"""Confirming a packed order: buy the label (exactly once), then ship it in one transaction.

Buying a label costs money outside, so it follows DESIGN §4: the shipment row, and the idempotency
key derived from it, are committed *before* the carrier is called. A crash after the carrier
answered but before we recorded the label leaves that draft shipment behind; packing the order
again reuses it and its key, and the carrier answers with the same label instead of selling a
second one.

Shipping is one transaction: the ledger's pick (to the bench, if not picked yet) and ship moves, the
reservations consumed, the order walked to shipped, the shipment and its packages, the serial
numbers that left, an outbox message for the order's channel and an audit entry. Plugins hear of it
after the commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.api import Label, LabelRequest, Money, Rate
from station.db.base import utcnow
from station.db.engine import Database, upsert_insert
from station.db.models import (
    AuditEntry,
    Channel,
    Location,
    LocationKind,
    Order,
    OutboxMessage,
    Package,
    Reservation,
    ReservationStatus,
    SerialNumber,
    Shipment,
    ShipmentStatus,
    StockMove,
    Variant,
)
from station.domain.orders import OrderState, transition
from station.domain.stock import MoveKind
from station.pluginhost import PluginHost
from station.services.addresses import destination_address, origin_address, parcels_for
from station.services.carriers import CarrierGateway
from station.services.dispatch_events import packed_event, shipment_event
from station.services.removal import blocked_units, pick_plan
from station.services.stock import Actor, StockLedger

# Forward path an order walks at the bench: a shop that does not pick through the station
# (paid or allocated orders) still gets every step in its history.
_FORWARD = (
    OrderState.PAID,
    OrderState.ALLOCATED,
    OrderState.PICKING,
    OrderState.PICKED,
    OrderState.PACKED,
    OrderState.SHIPPED,
)


class DispatchError(Exception):
    """A confirm that cannot go ahead; nothing was written and no label was bought."""


@dataclass(frozen=True)
class ParcelPlan:
    """One package as packed at the bench."""

    box_code: str
    length_mm: int
    width_mm: int
    height_mm: int
    weight_g: int  # measured on the scale
    expected_weight_g: int


@dataclass(frozen=True)
class PurchasedLabel:
    shipment_id: int
    label: Label
    reused: bool  # True when an earlier attempt had already bought it


@dataclass(frozen=True)
class ShippedOrder:
    order_number: str
    shipment_id: int
    carrier: str
    tracking_number: str


def purchase_label(
    database: Database,
    gateway: CarrierGateway,
    order_id: int,
    rate: Rate,
    plans: list[ParcelPlan],
    *,
    label_format: str = "zpl",
) -> PurchasedLabel:
    """Buy the label for an order, or hand back the one an earlier attempt already bought."""
    if not plans:
        raise DispatchError("Add at least one package before buying a label")
    with database.unit_of_work() as uow:
        session = uow.session
        order = _packable_order(session, order_id)
        shipment = _open_shipment(session, order, rate)
        if shipment.status == ShipmentStatus.LABEL_PURCHASED and shipment.label_data is not None:
            label = _label_of(shipment)
            return PurchasedLabel(shipment.id, label, reused=True)
        request = LabelRequest(
            idempotency_key=shipment.idempotency_key,
            service_code=rate.service_code,
            origin=origin_address(session, order),
            destination=destination_address(order),
            parcels=parcels_for(plans),
            reference=order.number,
            label_format=label_format,
            declared_value=Money(order.total, order.currency),
        )
        shipment_id = shipment.id
        uow.commit()  # the key is on record before the carrier hears of it

    label = gateway.buy_label(rate.carrier, request)  # network: no transaction open meanwhile

    with database.unit_of_work() as uow:
        shipment = uow.session.get(Shipment, shipment_id)
        shipment.status = ShipmentStatus.LABEL_PURCHASED
        shipment.tracking_number = label.tracking_number
        shipment.label_format = label.format
        shipment.label_data = label.data
        shipment.price = label.price.amount if label.price else rate.price.amount
        shipment.currency = label.price.currency if label.price else rate.price.currency
        uow.session.query(Package).filter(Package.shipment_id == shipment_id).delete()
        for sequence, plan in enumerate(plans, start=1):
            uow.session.add(
                Package(
                    shipment_id=shipment_id,
                    sequence=sequence,
                    box_code=plan.box_code,
                    length_mm=plan.length_mm,
                    width_mm=plan.width_mm,
                    height_mm=plan.height_mm,
                    expected_weight_g=plan.expected_weight_g,
                    measured_weight_g=plan.weight_g,
                    tracking_number=label.tracking_number,
                )
            )
        uow.commit()
    return PurchasedLabel(shipment_id, label, reused=False)


def _packable_order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id, with_for_update=True)
    if order is None:
        raise DispatchError(f"No order #{order_id}")
    if order.state not in (*_FORWARD[:-1],):
        raise DispatchError(f"Order {order.number} is {order.state.value}; it cannot be shipped now")
    return order


def _open_shipment(session: Session, order: Order, rate: Rate) -> Shipment:
    """The order's unfinished shipment with this carrier, or a new draft with its idempotency key."""
    existing = session.scalars(
        select(Shipment)
        .where(
            Shipment.order_id == order.id,
            Shipment.status.in_((ShipmentStatus.DRAFT, ShipmentStatus.LABEL_PURCHASED)),
        )
        .order_by(Shipment.id.desc())
    ).first()
    if existing is not None and existing.carrier == rate.carrier and existing.service_code == rate.service_code:
        return existing
    if existing is not None and existing.status == ShipmentStatus.LABEL_PURCHASED:
        raise DispatchError(
            f"Order {order.number} already has a {existing.carrier} label ({existing.tracking_number}); void it first"
        )
    if existing is not None:  # a draft for another carrier that never got a label: drop it
        existing.status = ShipmentStatus.VOIDED
    shipment = Shipment(
        tenant_id=order.tenant_id,
        order_id=order.id,
        carrier=rate.carrier,
        service_code=rate.service_code,
        status=ShipmentStatus.DRAFT,
        price=rate.price.amount,
        currency=rate.price.currency,
        idempotency_key=f"pending-{order.id}-{utcnow().timestamp()}",
    )
    session.add(shipment)
    session.flush()
    shipment.idempotency_key = f"{order.number}-S{shipment.id}"  # derived from our own record
    return shipment


def _label_of(shipment: Shipment) -> Label:
    return Label(
        carrier=shipment.carrier,
        tracking_number=shipment.tracking_number or "",
        format=shipment.label_format or "zpl",
        data=shipment.label_data or b"",
        idempotency_key=shipment.idempotency_key,
        price=Money(shipment.price, shipment.currency),
    )


def ship_order(
    database: Database,
    host: PluginHost,
    order_id: int,
    shipment_id: int,
    *,
    bench_location_id: int,
    serials: dict[int, list[str]],
    actor: Actor,
    packer: str,
    today: date | None = None,
) -> ShippedOrder:
    """Stock out, order shipped, outbox and audit: one transaction; then the plugins are told."""
    with database.unit_of_work() as uow:
        session = uow.session
        order = _packable_order(session, order_id)
        shipment = session.get(Shipment, shipment_id)
        if shipment is None or shipment.order_id != order.id or shipment.status != ShipmentStatus.LABEL_PURCHASED:
            raise DispatchError(f"Order {order.number} has no bought label to ship with")
        bench = session.get(Location, bench_location_id)
        if bench is None or bench.kind != LocationKind.PACKING:
            raise DispatchError("This station has no packing bench location set (Settings → Packing)")
        ledger = StockLedger(session, actor)
        today = today or date.today()  # the station's own calendar day, as lots are dated
        for line in order.lines:
            units = _scanned_units(session, line.variant_id, serials.get(line.id, []))
            _ship_line(session, ledger, order, line, bench, units, today)
            _mark_serials(units, line.id)
        now = utcnow()
        _walk_to(order, OrderState.SHIPPED)
        shipment.status = ShipmentStatus.SHIPPED
        shipment.shipped_at = now
        _queue_channel_update(session, order, shipment, now)
        session.add(
            AuditEntry(
                user_id=actor.user_id,
                station=actor.station,
                action="ship",
                entity="order",
                entity_id=order.number,
                detail={"carrier": shipment.carrier, "tracking": shipment.tracking_number},
            )
        )
        uow.commit()
        packed = packed_event(session, order, shipment, packer, actor.station, now)
        created = shipment_event(session, order, shipment, now)
        changes = ledger.changes()
        result = ShippedOrder(order.number, shipment.id, shipment.carrier, shipment.tracking_number or "")
    host.notify_order_did_pack(packed)
    host.notify_shipment_did_create(created)
    if changes:
        host.notify_stock_did_change(changes)
    return result


def _walk_to(order: Order, target: OrderState) -> None:
    """Step the order through each legal state up to `target` (the state machine allows no jumps)."""
    while order.state != target:
        following = _FORWARD[_FORWARD.index(order.state) + 1]
        order.state = transition(order.state, following)


def _ship_line(
    session: Session, ledger: StockLedger, order: Order, line, bench: Location, units: list[SerialNumber], today: date
) -> None:
    """Reserve what is missing, pick to the bench what is not there yet, ship it all from the bench.

    Units already at the bench leave first; the rest come from the bins `pick_plan` names, in the SKU's
    removal order (FIFO, FEFO or LIFO; expired lots never). Each scanned serial rides on a ledger row of
    its own (quantity 1, `serial_id`), the units without a serial on one row per bin and lot.
    """
    reservations = session.scalars(
        select(Reservation).where(Reservation.order_line_id == line.id, Reservation.status == ReservationStatus.ACTIVE)
    ).all()
    held = sum(r.quantity for r in reservations)
    if held < line.quantity:
        ledger.reserve(line.variant_id, bench.warehouse_id, line.quantity - held, order_line_id=line.id, ttl=None)
        reservations = session.scalars(
            select(Reservation).where(
                Reservation.order_line_id == line.id, Reservation.status == ReservationStatus.ACTIVE
            )
        ).all()
    # Serials already at the bench go with the units there; the others are picked from their own bin.
    at_bench = [unit.id for unit in units if unit.location_id == bench.id]
    elsewhere = [unit for unit in units if unit.location_id != bench.id]
    serial_ids: list[int] = list(at_bench)
    for reservation in reservations:
        remaining = reservation.quantity
        for lot_id, waiting in _units_at_bench(session, reservation.id, bench.id):
            take = min(waiting, remaining)
            _ship_units(ledger, reservation.id, None, bench.id, lot_id, take, serial_ids, order.number)
            remaining -= take
        while remaining and elsewhere:
            unit = elsewhere.pop(0)
            own_bin = pick_plan(
                session, line.variant_id, bench.warehouse_id, 1, today=today, locations=[unit.location_id or 0]
            )
            if not own_bin:  # not where the catalogue says: it rides on the plan's units instead
                serial_ids.append(unit.id)
                continue
            _ship_units(
                ledger, reservation.id, own_bin[0].location_id, bench.id, own_bin[0].lot_id, 1, [unit.id], order.number
            )
            remaining -= 1
        serial_ids += [unit.id for unit in elsewhere]
        elsewhere = []
        if remaining:
            for step in pick_plan(session, line.variant_id, bench.warehouse_id, remaining, today=today):
                _ship_units(
                    ledger,
                    reservation.id,
                    step.location_id,
                    bench.id,
                    step.lot_id,
                    step.units,
                    serial_ids,
                    order.number,
                )
                remaining -= step.units
        if remaining:
            sku = session.get(Variant, line.variant_id).sku
            blocked = blocked_units(session, line.variant_id, bench.warehouse_id, today=today)
            why = f" ({blocked} more are in expired lots, blocked from sale)" if blocked else ""
            raise DispatchError(f"{sku}: {remaining} unit(s) of order {order.number} are not on any shelf{why}")
    line.picked_qty = line.quantity
    line.packed_qty = line.quantity


def _ship_units(
    ledger: StockLedger,
    reservation_id: int,
    source_id: int | None,
    bench_id: int,
    lot_id: int | None,
    units: int,
    serial_ids: list[int],
    reference: str,
) -> None:
    """Pick `units` from `source_id` to the bench (unless they are there already) and ship them.

    Scanned serials are used up one unit at a time, so each names its own pick and ship rows.
    """
    while units > 0:
        serial_id = serial_ids.pop(0) if serial_ids else None
        take = 1 if serial_id is not None else units
        if source_id is not None:
            ledger.pick(
                reservation_id, source_id, bench_id, take, lot_id=lot_id, reference=reference, serial_id=serial_id
            )
        ledger.ship(reservation_id, bench_id, take, lot_id=lot_id, reference=reference, serial_id=serial_id)
        units -= take


def _units_at_bench(session: Session, reservation_id: int, bench_id: int) -> list[tuple[int | None, int]]:
    """Units this reservation already brought to the bench (picked), per lot, not yet shipped."""
    moves = session.execute(
        select(StockMove.kind, StockMove.lot_id, StockMove.quantity).where(
            StockMove.reservation_id == reservation_id,
            (StockMove.to_location_id == bench_id) | (StockMove.from_location_id == bench_id),
        )
    ).all()
    at_bench: dict[int | None, int] = {}
    for kind, lot_id, quantity in moves:
        sign = -1 if kind == MoveKind.SHIP else 1
        at_bench[lot_id] = at_bench.get(lot_id, 0) + sign * quantity
    return [(lot_id, units) for lot_id, units in at_bench.items() if units > 0]


def _scanned_units(session: Session, variant_id: int, serials: list[str]) -> list[SerialNumber]:
    """The serial-number rows of the units scanned for a line (refused if one is unknown)."""
    units = []
    for serial in serials:
        unit = session.scalars(
            select(SerialNumber).where(SerialNumber.variant_id == variant_id, SerialNumber.serial == serial)
        ).one_or_none()
        if unit is None:
            raise DispatchError(f"Serial {serial} is unknown for this SKU")
        units.append(unit)
    return units


def _mark_serials(units: list[SerialNumber], line_id: int) -> None:
    for unit in units:
        unit.location_id = None
        unit.order_line_id = line_id


def _queue_channel_update(session: Session, order: Order, shipment: Shipment, now: datetime) -> None:
    if order.channel_id is None:
        return
    channel = session.get(Channel, order.channel_id)
    if channel is None or not channel.active:
        return
    insert = upsert_insert(session, OutboxMessage)
    session.execute(
        insert.values(
            tenant_id=order.tenant_id,
            channel_id=channel.id,
            listing_id=None,
            kind="shipment",
            pending_key=f"shipment:{shipment.id}",
            payload={
                "order_external_id": order.external_id,
                "carrier": shipment.carrier,
                "tracking_number": shipment.tracking_number,
            },
            status="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            updated_at=now,
        ).on_conflict_do_nothing(index_elements=["pending_key"])
    )


def void_label(database: Database, gateway: CarrierGateway, shipment_id: int, *, actor: Actor) -> None:
    """Cancel a label with its carrier. A shipped order (not yet picked up) comes back to the bench:
    its units return to stock there, reserved for it again, and the order is packed, awaiting a label."""
    with database.unit_of_work() as uow:
        shipment = uow.session.get(Shipment, shipment_id)
        if shipment is None or shipment.status not in (ShipmentStatus.LABEL_PURCHASED, ShipmentStatus.SHIPPED):
            raise DispatchError("There is no active label to void")
        carrier, tracking = shipment.carrier, shipment.tracking_number or ""
    gateway.void(carrier, tracking)  # the carrier refuses once the parcel is on its way
    with database.unit_of_work() as uow:
        session = uow.session
        shipment = session.get(Shipment, shipment_id, with_for_update=True)
        order = session.get(Order, shipment.order_id, with_for_update=True)
        if shipment.status == ShipmentStatus.SHIPPED:
            bench_id = _bench_it_left_from(session, order.number)
            ledger = StockLedger(session, actor)
            for line in order.lines:
                ledger.receive(
                    line.variant_id,
                    bench_id,
                    line.quantity,
                    kind=MoveKind.RETURN,
                    reference=f"{order.number} label voided",
                )
                ledger.reserve(
                    line.variant_id,
                    session.get(Location, bench_id).warehouse_id,
                    line.quantity,
                    order_line_id=line.id,
                    ttl=None,
                )
                for unit in session.scalars(select(SerialNumber).where(SerialNumber.order_line_id == line.id)):
                    unit.location_id, unit.order_line_id = bench_id, None
            order.state = transition(order.state, OrderState.PACKED)
        shipment.status = ShipmentStatus.VOIDED
        session.add(
            AuditEntry(
                user_id=actor.user_id,
                station=actor.station,
                action="void_label",
                entity="order",
                entity_id=order.number,
                detail={"carrier": carrier, "tracking": tracking},
            )
        )
        uow.commit()


def _bench_it_left_from(session: Session, order_number: str) -> int:
    location_id = session.scalar(
        select(StockMove.from_location_id)
        .where(StockMove.reference == order_number, StockMove.kind == MoveKind.SHIP)
        .order_by(StockMove.id.desc())
        .limit(1)
    )
    if location_id is None:
        raise DispatchError(f"Order {order_number} has no shipment in the ledger to reverse")
    return location_id
