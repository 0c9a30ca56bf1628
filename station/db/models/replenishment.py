"""Replenishment settings: the low-stock threshold of a SKU in a warehouse."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.db.base import Base, BigId, IdMixin, utcnow


class StockThreshold(IdMixin, Base):
    """Alert when a SKU's units free to sell in a warehouse (on hand − reserved) fall to `threshold` or below."""

    __tablename__ = "stock_thresholds"
    __table_args__ = (
        UniqueConstraint("warehouse_id", "variant_id"),
        CheckConstraint("threshold >= 0", name="threshold_not_negative"),
    )

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"), index=True)
    threshold: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
