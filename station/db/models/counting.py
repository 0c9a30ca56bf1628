"""Cycle-count schedules: which bins are counted how often.

A schedule picks bins by zone (a location-code prefix such as ``B-`` or ``B-03``) and/or by the
ABC class of what they hold, and comes due every `frequency_days`; the worker (or a lead) opens
its counts when due. Accuracy over time is read from the counts themselves.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin


class CountSchedule(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "count_schedules"
    __table_args__ = (
        UniqueConstraint("warehouse_id", "name"),
        CheckConstraint("frequency_days > 0", name="frequency_positive"),
        CheckConstraint("abc_class IS NULL OR abc_class IN ('A', 'B', 'C')", name="abc_class_valid"),
    )

    tenant_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tenants.id"))
    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    name: Mapped[str] = mapped_column(String(100))
    location_prefix: Mapped[str] = mapped_column(String(64), default="")  # "" = every storage bin
    abc_class: Mapped[str | None] = mapped_column(String(1))  # None = any class
    frequency_days: Mapped[int]
    blind: Mapped[bool] = mapped_column(default=False)  # counters do not see the expected quantity
    active: Mapped[bool] = mapped_column(default=True)
    last_opened_at: Mapped[datetime | None]
