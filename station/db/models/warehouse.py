"""Warehouses and their locations (bins) with map coordinates."""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin, enum_column


class LocationKind(enum.StrEnum):
    STORAGE = "storage"
    PICK_FACE = "pick_face"
    DOCK = "dock"
    PACKING = "packing"
    RETURNS = "returns"
    QUARANTINE = "quarantine"
    TRANSIT = "transit"  # units on their way from another warehouse (a stock transfer)


class Warehouse(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "warehouses"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200), default="")
    comuna: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    location_pattern: Mapped[str] = mapped_column(String(100), default="")  # empty: the default A-01-B
    # The walking network the routes follow (station.domain.layout.Layout.to_json): aisle centre lines,
    # cross-aisles, places (docks, pack stations); {} until a layout is generated or imported.
    layout: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Location(IdMixin, Base):
    """A bin, shelf, dock or bench. `code` like A-01-B; x/y/width/height in centimetres on the map."""

    __tablename__ = "locations"
    __table_args__ = (UniqueConstraint("warehouse_id", "code"),)

    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"))
    code: Mapped[str] = mapped_column(String(32))
    kind: Mapped[LocationKind] = mapped_column(enum_column(LocationKind, "location_kind"))
    x: Mapped[int] = mapped_column(default=0)
    y: Mapped[int] = mapped_column(default=0)
    width: Mapped[int] = mapped_column(default=100)
    height: Mapped[int] = mapped_column(default=100)
    capacity: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    # Where the bin sits in the layout: its aisle (walked to reach it) and level (the map's level
    # selector); "" for places off the racks (dock, benches). Derived from the code when generated.
    aisle: Mapped[str] = mapped_column(String(16), default="")
    level: Mapped[str] = mapped_column(String(8), default="")
