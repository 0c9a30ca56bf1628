"""What the plugins hear when an order ships (`station_order_did_pack`, `station_shipment_did_create`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.api import CreatedShipment, Money, PackedLine, PackedOrder, Parcel
from station.db.models import Channel, Order, Package, Shipment, Tenant


def packed_event(session: Session, order: Order, shipment: Shipment, packer: str, station: str, now: datetime) -> PackedOrder:
    tenant = session.get(Tenant, order.tenant_id)
    channel = session.get(Channel, order.channel_id) if order.channel_id else None
    packages = session.scalars(select(Package).where(Package.shipment_id == shipment.id).order_by(Package.sequence)).all()
    return PackedOrder(
        tenant=tenant.code,
        reference=order.number,
        channel=channel.code if channel else None,
        external_id=order.external_id,
        lines=tuple(PackedLine(sku=line.sku, quantity=line.quantity) for line in order.lines),
        parcels=tuple(
            Parcel(weight_g=p.measured_weight_g or p.expected_weight_g, length_mm=p.length_mm, width_mm=p.width_mm, height_mm=p.height_mm)
            for p in packages
        ),
        packer=packer,
        station=station,
        packed_at=now,
    )


def shipment_event(session: Session, order: Order, shipment: Shipment, now: datetime) -> CreatedShipment:
    tenant = session.get(Tenant, order.tenant_id)
    channel = session.get(Channel, order.channel_id) if order.channel_id else None
    count = len(session.scalars(select(Package.id).where(Package.shipment_id == shipment.id)).all())
    return CreatedShipment(
        tenant=tenant.code,
        order_reference=order.number,
        carrier=shipment.carrier,
        service_code=shipment.service_code,
        tracking_number=shipment.tracking_number or "",
        created_at=now,
        parcel_count=max(1, count),
        price=Money(shipment.price, shipment.currency),
        channel=channel.code if channel else None,
        external_id=order.external_id,
    )
