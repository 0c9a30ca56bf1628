"""Who sends and who receives: the addresses and parcels carriers are asked about."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.api import Address, Money, Parcel
from station.db.models import Order, Tenant, Warehouse


def origin_address(session: Session, order: Order) -> Address:
    """The sender: the client company at the warehouse's address."""
    tenant = session.get(Tenant, order.tenant_id)
    warehouse = session.scalars(select(Warehouse).order_by(Warehouse.id).limit(1)).one()
    return Address(
        name=tenant.name if tenant else warehouse.name,
        street=warehouse.street or warehouse.name,
        comuna=warehouse.comuna,
        region=warehouse.region,
        rut=tenant.rut if tenant else None,
    )


def destination_address(order: Order) -> Address:
    return Address(
        name=order.customer_name,
        street=order.ship_street or "(no street)",
        number=order.ship_number,
        comuna=order.ship_comuna,
        region=order.ship_region,
        phone=order.phone,
        email=order.email,
        rut=order.customer_rut,
        extra={"detail": order.ship_extra} if order.ship_extra else {},
    )


def parcels_for(plans: list, declared_value: Money | None = None) -> tuple[Parcel, ...]:
    return tuple(
        Parcel(weight_g=p.weight_g, length_mm=p.length_mm, width_mm=p.width_mm, height_mm=p.height_mm, declared_value=declared_value)
        for p in plans
    )
