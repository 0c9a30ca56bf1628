"""Tenants (the 3PL's clients), staff users and the audit trail."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin, enum_column, utcnow


class Role(enum.StrEnum):
    PACKER = "packer"
    LEAD = "lead"
    ADMIN = "admin"


class Tenant(IdMixin, CreatedAtMixin, Base):
    """A client of the warehouse; every row that belongs to a client carries its `tenant_id`."""

    __tablename__ = "tenants"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    rut: Mapped[str | None] = mapped_column(String(12))
    active: Mapped[bool] = mapped_column(default=True)


class User(IdMixin, CreatedAtMixin, Base):
    """Warehouse staff. They serve every tenant, so users carry no tenant."""

    __tablename__ = "users"

    login: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    pin_hash: Mapped[str] = mapped_column(String(200))
    badge_code: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(default=True)


class AuditEntry(IdMixin, Base):
    """Who did what, when, from which station. Append-only."""

    __tablename__ = "audit_entries"

    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))
    station: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
