"""What the packing view asks the database, each in one unit of work, answered with plain data.

The packing view runs these on its database lane; they return dataclasses (never ORM objects), so
the results can cross to the UI thread. The rules themselves live in `station.services.packing`
and `station.services.dispatch`; this module only bundles them into one call per packer action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from station.api import Address, Label
from station.db.engine import Database
from station.db.models import Order, Shipment, ShipmentStatus
from station.domain.packing import BoxSize
from station.hardware.documents import PackingSlipData
from station.services import labels
from station.services.addresses import destination_address, origin_address
from station.services.packing import (
    PackingOrder,
    UnknownCode,
    bench_location,
    find_order,
    load_order,
    next_order,
    package_types,
    put_on_hold,
)


@dataclass(frozen=True)
class BenchOrder:
    """An order opened at the bench: its lines, the boxes to choose from, this bench, both addresses."""

    order: PackingOrder
    boxes: tuple[BoxSize, ...]
    bench_location_id: int
    bench_code: str
    sender: Address
    recipient: Address
    total: int  # the order's value, in the currency's minor unit
    currency: str


@dataclass(frozen=True)
class LabelOnRecord:
    """The newest bought label of an order, with its shipment (to reprint or void it)."""

    shipment_id: int
    order_number: str
    label: Label
    shipped: bool


def open_order(database: Database, code: str, *, bench: str = "") -> BenchOrder:
    """A scanned order number, channel order id or tote label → the order, ready to pack.

    Raises `UnknownCode`, `OrderNotPackable` or `PackingError` (no bench) with a message for the packer.
    """
    with database.unit_of_work() as uow:
        order_id = find_order(uow.session, code)
        return _bench_order(uow.session, order_id, bench)


def open_next_order(database: Database, *, bench: str = "") -> BenchOrder | None:
    """The order that has waited longest (picked ones first), or None when the queue is empty."""
    with database.unit_of_work() as uow:
        order_id = next_order(uow.session)
        if order_id is None:
            return None
        return _bench_order(uow.session, order_id, bench)


def _bench_order(session, order_id: int, bench: str) -> BenchOrder:
    location = bench_location(session, bench)
    packing_order = load_order(session, order_id, bench_location_id=location.id)
    order = session.get(Order, order_id)
    return BenchOrder(
        order=packing_order,
        boxes=tuple(package_types(session)),
        bench_location_id=location.id,
        bench_code=location.code,
        sender=origin_address(session, order),
        recipient=destination_address(order),
        total=order.total,
        currency=order.currency,
    )


def hold_order(database: Database, order_id: int, reason: str, *, station: str, user_id: int | None) -> str:
    """Put the order on hold with the packer's reason; returns its number."""
    with database.unit_of_work() as uow:
        put_on_hold(uow.session, order_id, reason, station=station, user_id=user_id)
        number = uow.session.get(Order, order_id).number
        uow.commit()
        return number


def last_label_on_record(database: Database, order_id: int) -> LabelOnRecord | None:
    """The order's newest label that is bought or shipped (not voided), or None."""
    with database.unit_of_work() as uow:
        shipment = uow.session.scalars(
            select(Shipment)
            .where(
                Shipment.order_id == order_id,
                Shipment.status.in_((ShipmentStatus.LABEL_PURCHASED, ShipmentStatus.SHIPPED)),
            )
            .order_by(Shipment.id.desc())
        ).first()
        if shipment is None:
            return None
        order = uow.session.get(Order, order_id)
        if order is None:
            raise UnknownCode(f"No order #{order_id}")
        label = Label(
            carrier=shipment.carrier,
            tracking_number=shipment.tracking_number or "",
            format=shipment.label_format or "zpl",
            data=shipment.label_data or b"",
            idempotency_key=shipment.idempotency_key,
        )
        return LabelOnRecord(shipment.id, order.number, label, shipment.status == ShipmentStatus.SHIPPED)


def packing_slip_data(database: Database, order_id: int, *, packed_at: datetime | None = None) -> PackingSlipData:
    """What the packing slip in the box shows (see `station.services.labels.packing_slip_data`)."""
    with database.unit_of_work() as uow:
        try:
            return labels.packing_slip_data(uow.session, order_id, packed_at=packed_at)
        except LookupError as exc:
            raise UnknownCode(str(exc)) from exc
