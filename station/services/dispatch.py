"""Confirming a packed order: buy the label (exactly once), then ship it in one transaction.

Buying a label costs money outside, so it follows DESIGN §4: the shipment row, and the idempotency
key derived from it, are committed *before* the carrier is called. A crash after the carrier
answered but before we recorded the label leaves that draft shipment behind; packing the order
again reuses it and its key, and the carrier answers with the same label instead of selling a
second one.

Shipping is one transaction: the ledger's pick (to the bench, if not picked yet) and ship moves, the
reservations consumed, the order walked to shipped, the shipment and its packages, the serial
numbers that left, an outbox message for the order's channel and an audit entry. Plugins hear of it
after the commit. Which lot and bin each unit comes from, and which serial each ledger row names, is
`station.services.bench_stock` (the SKU's removal strategy, at pick time).
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
    SerialNumber,
    Shipment,
    ShipmentStatus,
    StockMove,
)
from station.domain.orders import OrderState, transition
from station.domain.stock import MoveKind
from station.pluginhost import PluginHost
from station.services.addresses import destination_address, origin_address, parcels_for
from station.services.bench_stock import DispatchError, mark_serials, out_with_the_carrier, scanned_units, ship_line
from station.services.carriers import CarrierGateway
from station.services.dispatch_events import packed_event, shipment_event
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
            units = scanned_units(session, line.variant_id, serials.get(line.id, []))
            ship_line(session, ledger, order, line, bench, units, today)
            mark_serials(units, line.id)
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
                # Back as they left: same lot, same serial, tied to the reservation they shipped under, so
                # the next confirm ships these very units from the bench.
                for lot_id, serial_id, reservation_id, units in out_with_the_carrier(session, line.id, order.number):
                    ledger.receive(
                        line.variant_id,
                        bench_id,
                        units,
                        lot_id=lot_id,
                        serial_id=serial_id,
                        kind=MoveKind.RETURN,
                        reference=f"{order.number} label voided",
                        reservation_id=reservation_id,
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
