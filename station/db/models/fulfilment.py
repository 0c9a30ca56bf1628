"""Picking (waves, picklists), shipping (shipments, packages, tracking) and returns."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin, enum_column


class PicklistStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Wave(IdMixin, CreatedAtMixin, Base):
    """Orders released to the floor together: by zone, or by a carrier's cut-off time."""

    __tablename__ = "waves"

    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[PicklistStatus] = mapped_column(enum_column(PicklistStatus, "wave_status"))
    zone: Mapped[str] = mapped_column(String(32), default="")  # aisles, e.g. "A-C"; "" = all
    carrier: Mapped[str] = mapped_column(String(64), default="")  # "" = any
    cutoff_at: Mapped[datetime | None]  # the carrier's pick-up: what must be packed by then


class Picklist(IdMixin, CreatedAtMixin, Base):
    """One picker's walk: the lines of one or several orders (batch picking, one tote per order)."""

    __tablename__ = "picklists"

    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    wave_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("waves.id"))
    code: Mapped[str] = mapped_column(String(32), unique=True)  # printed on the tote label
    status: Mapped[PicklistStatus] = mapped_column(enum_column(PicklistStatus, "picklist_status"))
    assigned_user_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))
    # The walking route, in centimetres: ours, and the S-shape and largest-gap routes for comparison.
    route_cm: Mapped[int | None]
    s_shape_cm: Mapped[int | None]
    largest_gap_cm: Mapped[int | None]
    route: Mapped[list[Any]] = mapped_column(default=list)  # [[x, y], …] the path drawn on the bin map
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class PicklistLine(IdMixin, Base):
    __tablename__ = "picklist_lines"

    picklist_id: Mapped[int] = mapped_column(BigId, ForeignKey("picklists.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(BigId, ForeignKey("order_lines.id"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"))
    location_id: Mapped[int] = mapped_column(BigId, ForeignKey("locations.id"))
    lot_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("lots.id"))
    quantity: Mapped[int]
    picked_qty: Mapped[int] = mapped_column(default=0)
    sequence: Mapped[int] = mapped_column(default=0)  # position on the walking route
    tote: Mapped[str] = mapped_column(String(32), default="")  # batch picking: the order's tote
    short_qty: Mapped[int] = mapped_column(default=0)  # units the bin did not have
    picked_at: Mapped[datetime | None]
    picked_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))


class ShipmentStatus(enum.StrEnum):
    DRAFT = "draft"
    LABEL_PURCHASED = "label_purchased"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    VOIDED = "voided"
    EXCEPTION = "exception"


class Shipment(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "shipments"

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    order_id: Mapped[int] = mapped_column(BigId, ForeignKey("orders.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(100))
    service_code: Mapped[str] = mapped_column(String(64))
    status: Mapped[ShipmentStatus] = mapped_column(enum_column(ShipmentStatus, "shipment_status"))
    tracking_number: Mapped[str | None] = mapped_column(String(100), index=True)
    price: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CLP")
    label_format: Mapped[str | None] = mapped_column(String(8))
    label_data: Mapped[bytes | None] = mapped_column(LargeBinary)
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    shipped_at: Mapped[datetime | None]


class PackageType(IdMixin, Base):
    """A box or envelope the benches pack into: inner dimensions, tare and the most it may carry."""

    __tablename__ = "package_types"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    length_mm: Mapped[int]
    width_mm: Mapped[int]
    height_mm: Mapped[int]
    tare_g: Mapped[int]
    max_weight_g: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)


class Package(IdMixin, Base):
    __tablename__ = "packages"
    __table_args__ = (UniqueConstraint("shipment_id", "sequence"),)

    shipment_id: Mapped[int] = mapped_column(BigId, ForeignKey("shipments.id"), index=True)
    sequence: Mapped[int]  # package n of m
    box_code: Mapped[str] = mapped_column(String(32))
    length_mm: Mapped[int]
    width_mm: Mapped[int]
    height_mm: Mapped[int]
    expected_weight_g: Mapped[int]
    measured_weight_g: Mapped[int | None]
    tracking_number: Mapped[str | None] = mapped_column(String(100))


class TrackingEvent(IdMixin, Base):
    __tablename__ = "tracking_events"
    __table_args__ = (UniqueConstraint("shipment_id", "at", "status"),)

    shipment_id: Mapped[int] = mapped_column(BigId, ForeignKey("shipments.id"), index=True)
    at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(500), default="")
    location: Mapped[str] = mapped_column(String(200), default="")


class ReturnStatus(enum.StrEnum):
    REQUESTED = "requested"
    RECEIVED = "received"
    INSPECTED = "inspected"
    RESTOCKED = "restocked"
    REFUNDED = "refunded"
    REJECTED = "rejected"


class Return(IdMixin, CreatedAtMixin, Base):
    """A return merchandise authorisation (RMA)."""

    __tablename__ = "returns"

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    order_id: Mapped[int] = mapped_column(BigId, ForeignKey("orders.id"), index=True)
    rma_number: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[ReturnStatus] = mapped_column(enum_column(ReturnStatus, "return_status"))
    reason: Mapped[str] = mapped_column(String(500), default="")
    refund_amount: Mapped[int] = mapped_column(BigInteger, default=0)


class ReturnLine(IdMixin, Base):
    __tablename__ = "return_lines"

    return_id: Mapped[int] = mapped_column(BigId, ForeignKey("returns.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(BigId, ForeignKey("order_lines.id"))
    quantity: Mapped[int]
    condition: Mapped[str] = mapped_column(String(32), default="")  # resellable, damaged …
    restock_location_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("locations.id"))
