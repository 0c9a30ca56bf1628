"""Products, their variants (SKUs), barcodes, lots and serial numbers."""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin, enum_column
from station.domain.removal import RemovalStrategy


class Tracking(enum.StrEnum):
    NONE = "none"
    LOT = "lot"
    SERIAL = "serial"


class Symbology(enum.StrEnum):
    EAN13 = "ean13"
    UPCA = "upca"
    CODE128 = "code128"
    GS1_128 = "gs1_128"


class Product(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("tenant_id", "code"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    brand: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    tracking: Mapped[Tracking] = mapped_column(enum_column(Tracking, "tracking"), default=Tracking.NONE)
    shelf_life_days: Mapped[int | None]
    # Attribute axes of the variant matrix, e.g. {"size": ["S","M"], "colour": ["red"]}.
    attribute_axes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # None: the category's rule (`RemovalRule`), else FEFO for lots with expiry, else FIFO.
    removal_strategy: Mapped[RemovalStrategy | None] = mapped_column(enum_column(RemovalStrategy, "removal_strategy"))

    variants: Mapped[list[Variant]] = relationship(back_populates="product")


class Variant(IdMixin, CreatedAtMixin, Base):
    """A stock-keeping unit: one cell of a product's attribute matrix."""

    __tablename__ = "variants"
    __table_args__ = (UniqueConstraint("tenant_id", "sku"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"), index=True)
    product_id: Mapped[int] = mapped_column(BigId, ForeignKey("products.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    weight_g: Mapped[int] = mapped_column(default=0)
    length_mm: Mapped[int] = mapped_column(default=0)
    width_mm: Mapped[int] = mapped_column(default=0)
    height_mm: Mapped[int] = mapped_column(default=0)
    price: Mapped[int] = mapped_column(BigInteger, default=0)  # minor units of `currency`
    currency: Mapped[str] = mapped_column(String(3), default="CLP")
    image_path: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(default=True)

    product: Mapped[Product] = relationship(back_populates="variants")
    barcodes: Mapped[list[Barcode]] = relationship(back_populates="variant")


class Barcode(IdMixin, Base):
    """A code printed on the item; one SKU may have several (EAN-13 plus our own Code 128)."""

    __tablename__ = "barcodes"
    __table_args__ = (UniqueConstraint("tenant_id", "code"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"), index=True)
    code: Mapped[str] = mapped_column(String(128))
    symbology: Mapped[Symbology] = mapped_column(enum_column(Symbology, "symbology"))

    variant: Mapped[Variant] = relationship(back_populates="barcodes")


class Lot(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "lots"
    __table_args__ = (UniqueConstraint("variant_id", "code"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"))
    code: Mapped[str] = mapped_column(String(64))
    expires_on: Mapped[date | None]


class SerialNumber(IdMixin, CreatedAtMixin, Base):
    """One serial-tracked unit; `location_id` is empty once it has left the warehouse."""

    __tablename__ = "serial_numbers"
    __table_args__ = (UniqueConstraint("variant_id", "serial"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"))
    serial: Mapped[str] = mapped_column(String(128))
    location_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("locations.id"))
    # The order line it left with, once packed and shipped.
    order_line_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("order_lines.id"))


class RemovalRule(IdMixin, Base):
    """The removal strategy of every product in a category that has none of its own."""

    __tablename__ = "removal_rules"
    __table_args__ = (UniqueConstraint("tenant_id", "category"),)

    tenant_id: Mapped[int] = mapped_column(BigId, ForeignKey("tenants.id"))
    category: Mapped[str] = mapped_column(String(100))
    strategy: Mapped[RemovalStrategy] = mapped_column(enum_column(RemovalStrategy, "removal_strategy"))
