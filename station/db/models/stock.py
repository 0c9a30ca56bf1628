"""Stock: quants per location, the per-SKU level that reservations race on, the append-only ledger,
reservations, purchase orders for receiving and cycle counts."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin, enum_column, utcnow
from station.domain.stock import AdjustmentReason, MoveKind


class StockQuant(IdMixin, Base):
    """How many units of a SKU (and lot) sit at one location."""

    __tablename__ = "stock_quants"
    __table_args__ = (
        UniqueConstraint("location_id", "variant_id", "lot_id"),
        CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
    )

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"), index=True)
    location_id: Mapped[int] = mapped_column(BigId, ForeignKey("locations.id"), index=True)
    lot_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("lots.id"))
    on_hand: Mapped[int] = mapped_column(default=0)


class StockLevel(IdMixin, Base):
    """A SKU's totals in one warehouse: units on hand and units reserved.

    It is the row every stock change of that SKU updates first, so it serialises them; reserving is
    one conditional UPDATE on it (`on_hand - reserved >= qty`), which is why two stations can never
    sell the last unit twice. `on_hand` always equals the sum of the SKU's quants in the warehouse.
    """

    __tablename__ = "stock_levels"
    __table_args__ = (
        UniqueConstraint("warehouse_id", "variant_id"),
        CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
        CheckConstraint("reserved >= 0", name="reserved_not_negative"),
    )

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"), index=True)
    on_hand: Mapped[int] = mapped_column(default=0)
    reserved: Mapped[int] = mapped_column(default=0)


class StockMove(IdMixin, Base):
    """One line of the append-only stock ledger. Never updated, never deleted."""

    __tablename__ = "stock_moves"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[MoveKind] = mapped_column(enum_column(MoveKind, "move_kind"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"), index=True)
    lot_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("lots.id"), index=True)  # lot traces
    serial_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("serial_numbers.id"), index=True)  # serial traces
    quantity: Mapped[int]
    from_location_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("locations.id"))
    to_location_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("locations.id"))
    reason: Mapped[AdjustmentReason | None] = mapped_column(enum_column(AdjustmentReason, "adjustment_reason"))
    note: Mapped[str] = mapped_column(String(500), default="")
    reference: Mapped[str] = mapped_column(String(100), default="")  # order number, PO number …
    reservation_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("reservations.id"))
    user_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))
    station: Mapped[str] = mapped_column(String(100), default="")


class ReservationStatus(enum.StrEnum):
    ACTIVE = "active"
    RELEASED = "released"
    CONSUMED = "consumed"
    EXPIRED = "expired"


class Reservation(IdMixin, CreatedAtMixin, Base):
    """A hold on units of a SKU for an order line or a checkout, until `expires_at` (if set)."""

    __tablename__ = "reservations"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"), index=True)
    quantity: Mapped[int]
    order_line_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("order_lines.id"), index=True)
    checkout_ref: Mapped[str | None] = mapped_column(String(100))
    channel_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("channels.id"))
    status: Mapped[ReservationStatus] = mapped_column(
        enum_column(ReservationStatus, "reservation_status"), default=ReservationStatus.ACTIVE, index=True
    )
    expires_at: Mapped[datetime | None] = mapped_column(index=True)


class PurchaseOrderStatus(enum.StrEnum):
    DRAFT = "draft"
    ORDERED = "ordered"
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class PurchaseOrder(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "purchase_orders"
    __table_args__ = (UniqueConstraint("tenant_id", "number"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    number: Mapped[str] = mapped_column(String(64))
    supplier: Mapped[str] = mapped_column(String(200))
    status: Mapped[PurchaseOrderStatus] = mapped_column(
        enum_column(PurchaseOrderStatus, "purchase_order_status"), default=PurchaseOrderStatus.DRAFT
    )
    expected_at: Mapped[datetime | None]


class PurchaseOrderLine(IdMixin, Base):
    __tablename__ = "purchase_order_lines"

    purchase_order_id: Mapped[int] = mapped_column(BigId, ForeignKey("purchase_orders.id"), index=True)
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"))
    quantity_ordered: Mapped[int]
    quantity_received: Mapped[int] = mapped_column(default=0)


class CycleCountStatus(enum.StrEnum):
    OPEN = "open"
    COUNTED = "counted"
    APPLIED = "applied"
    CANCELLED = "cancelled"


class CycleCount(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "cycle_counts"

    tenant_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tenants.id"))
    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    location_id: Mapped[int] = mapped_column(BigId, ForeignKey("locations.id"))
    status: Mapped[CycleCountStatus] = mapped_column(
        enum_column(CycleCountStatus, "cycle_count_status"), default=CycleCountStatus.OPEN
    )
    counted_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))
    completed_at: Mapped[datetime | None]
    schedule_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("count_schedules.id"), index=True)
    blind: Mapped[bool] = mapped_column(default=False)


class CycleCountLine(IdMixin, Base):
    __tablename__ = "cycle_count_lines"

    cycle_count_id: Mapped[int] = mapped_column(BigId, ForeignKey("cycle_counts.id"), index=True)
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"))
    lot_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("lots.id"))
    expected: Mapped[int]
    counted: Mapped[int | None]
