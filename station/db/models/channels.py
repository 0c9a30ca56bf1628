"""Sales channels (marketplaces and stores), their listings and the outbox of pending pushes."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin, enum_column, utcnow


class Channel(IdMixin, CreatedAtMixin, Base):
    """A marketplace account or store, served by the plugin named in `plugin`.

    `settings` holds the plugin's non-secret settings; secrets live in the OS keyring.
    """

    __tablename__ = "channels"
    __table_args__ = (UniqueConstraint("tenant_id", "code"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    plugin: Mapped[str] = mapped_column(String(100))
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    stock_buffer: Mapped[int] = mapped_column(default=0)  # units held back from this channel
    active: Mapped[bool] = mapped_column(default=True)


class ListingStatus(enum.StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class Listing(IdMixin, CreatedAtMixin, Base):
    """A SKU as published on a channel, with what we last pushed there."""

    __tablename__ = "listings"
    __table_args__ = (UniqueConstraint("channel_id", "external_id", "external_variant_id"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    channel_id: Mapped[int] = mapped_column(BigId, ForeignKey("channels.id"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"), index=True)
    external_id: Mapped[str] = mapped_column(String(100))
    external_variant_id: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[ListingStatus] = mapped_column(enum_column(ListingStatus, "listing_status"))
    last_pushed_qty: Mapped[int | None]
    last_pushed_price: Mapped[int | None] = mapped_column(BigInteger)
    last_pushed_at: Mapped[datetime | None]


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class OutboxMessage(IdMixin, CreatedAtMixin, Base):
    """A pending push to a channel.

    Pushes are coalesced per listing and kind: while a message is pending its `pending_key` is set
    (unique), so a second stock change finds it instead of queueing another. The message carries no
    quantity; the worker reads the current one when it sends, so nothing stale is ever pushed.
    """

    __tablename__ = "outbox_messages"

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    channel_id: Mapped[int] = mapped_column(BigId, ForeignKey("channels.id"), index=True)
    listing_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("listings.id"))
    kind: Mapped[str] = mapped_column(String(32))  # "stock", "price", "order_status" …
    pending_key: Mapped[str | None] = mapped_column(String(100), unique=True)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[OutboxStatus] = mapped_column(
        enum_column(OutboxStatus, "outbox_status"), default=OutboxStatus.PENDING, index=True
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    last_error: Mapped[str | None] = mapped_column(String(2000))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    sent_at: Mapped[datetime | None]
