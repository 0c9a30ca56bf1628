"""Orders, their lines, payments and refunds. Money is integer minor units of `currency`."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin, enum_column, utcnow
from station.domain.orders import OrderState


class Order(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (UniqueConstraint("channel_id", "external_id"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)  # ours, e.g. JLS-000123
    channel_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("channels.id"))
    external_id: Mapped[str | None] = mapped_column(String(100))  # the channel's order id
    state: Mapped[OrderState] = mapped_column(enum_column(OrderState, "order_state"), index=True)
    held_from: Mapped[OrderState | None] = mapped_column(enum_column(OrderState, "held_from_state"))
    hold_reason: Mapped[str | None] = mapped_column(String(500))
    customer_name: Mapped[str] = mapped_column(String(200))
    customer_rut: Mapped[str | None] = mapped_column(String(12))
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    ship_street: Mapped[str] = mapped_column(String(200), default="")
    ship_number: Mapped[str] = mapped_column(String(20), default="")
    ship_extra: Mapped[str] = mapped_column(String(200), default="")
    ship_comuna: Mapped[str] = mapped_column(String(100), default="")
    ship_region: Mapped[str] = mapped_column(String(100), default="")
    service_level: Mapped[str] = mapped_column(String(32), default="standard")
    currency: Mapped[str] = mapped_column(String(3), default="CLP")
    subtotal: Mapped[int] = mapped_column(BigInteger, default=0)
    shipping: Mapped[int] = mapped_column(BigInteger, default=0)
    discount: Mapped[int] = mapped_column(BigInteger, default=0)
    total: Mapped[int] = mapped_column(BigInteger, default=0)
    placed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    lines: Mapped[list[OrderLine]] = relationship(back_populates="order", order_by="OrderLine.id")


class OrderLine(IdMixin, Base):
    __tablename__ = "order_lines"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    order_id: Mapped[int] = mapped_column(BigId, ForeignKey("orders.id"), index=True)
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"))
    sku: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int]
    unit_price: Mapped[int] = mapped_column(BigInteger)
    picked_qty: Mapped[int] = mapped_column(default=0)
    packed_qty: Mapped[int] = mapped_column(default=0)

    order: Mapped[Order] = relationship(back_populates="lines")


class PaymentStatus(enum.StrEnum):
    PENDING = "pending"
    AUTHORIZED = "authorized"
    PAID = "paid"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"


class Payment(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "payments"

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    order_id: Mapped[int] = mapped_column(BigId, ForeignKey("orders.id"), index=True)
    gateway: Mapped[str] = mapped_column(String(100))
    external_id: Mapped[str | None] = mapped_column(String(200))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[PaymentStatus] = mapped_column(enum_column(PaymentStatus, "payment_status"))
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)


class RefundStatus(enum.StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class Refund(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "refunds"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    payment_id: Mapped[int] = mapped_column(BigId, ForeignKey("payments.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[RefundStatus] = mapped_column(enum_column(RefundStatus, "refund_status"))
    external_id: Mapped[str | None] = mapped_column(String(200))
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
