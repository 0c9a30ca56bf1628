"""Warehouse-to-warehouse stock transfers.

Dispatching a transfer moves its units from the source bins to the destination warehouse's
transit location (kind `transit`, not sellable); receiving moves them from there onto a bin of the
destination. Both are ledger moves of kind `transfer` whose reference is the transfer's number.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin, enum_column


class TransferStatus(enum.StrEnum):
    DRAFT = "draft"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class StockTransfer(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "stock_transfers"
    __table_args__ = (
        UniqueConstraint("tenant_id", "number"),
        CheckConstraint("from_warehouse_id <> to_warehouse_id", name="two_warehouses"),
    )

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    number: Mapped[str] = mapped_column(String(64))
    from_warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    to_warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    status: Mapped[TransferStatus] = mapped_column(
        enum_column(TransferStatus, "transfer_status"), default=TransferStatus.DRAFT, index=True
    )
    note: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))
    dispatched_at: Mapped[datetime | None]
    received_at: Mapped[datetime | None]

    lines: Mapped[list[StockTransferLine]] = relationship(back_populates="transfer", order_by="StockTransferLine.id")


class StockTransferLine(IdMixin, Base):
    __tablename__ = "stock_transfer_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("quantity_received >= 0", name="received_not_negative"),
    )

    transfer_id: Mapped[int] = mapped_column(BigId, ForeignKey("stock_transfers.id"), index=True)
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"))
    lot_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("lots.id"))
    from_location_id: Mapped[int] = mapped_column(BigId, ForeignKey("locations.id"))
    quantity: Mapped[int]
    quantity_received: Mapped[int] = mapped_column(default=0)

    transfer: Mapped[StockTransfer] = relationship(back_populates="lines")
