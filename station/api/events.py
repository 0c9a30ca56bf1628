"""Payloads of the notification hooks (``station_*_did_*``): plain facts about what just happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from station.api._checks import optional_str, require_int, require_str, require_tuple, require_utc, set_field
from station.api.money import Money
from station.api.shipping import Parcel


@dataclass(frozen=True, slots=True, kw_only=True)
class PackedLine:
    sku: str
    quantity: int

    def __post_init__(self) -> None:
        require_str("PackedLine", "sku", self.sku)
        require_int("PackedLine", "quantity", self.quantity, minimum=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class PackedOrder:
    """An order a packer has just closed at the bench.

    ``reference`` is our order number; ``channel``/``external_id`` identify it on the channel
    it came from (``None`` for orders entered by hand). ``parcels`` are the boxes as weighed.
    """

    tenant: str
    reference: str
    packed_at: datetime
    packer: str
    station: str
    lines: tuple[PackedLine, ...]
    parcels: tuple[Parcel, ...]
    channel: str | None = None
    external_id: str | None = None

    def __post_init__(self) -> None:
        for name in ("tenant", "reference", "packer", "station"):
            require_str("PackedOrder", name, getattr(self, name))
        set_field(self, "packed_at", require_utc("PackedOrder", "packed_at", self.packed_at))
        set_field(
            self, "lines", require_tuple("PackedOrder", "lines", self.lines, PackedLine, non_empty=True)
        )
        set_field(self, "parcels", require_tuple("PackedOrder", "parcels", self.parcels, Parcel))
        optional_str("PackedOrder", "channel", self.channel)
        optional_str("PackedOrder", "external_id", self.external_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatedShipment:
    """A shipment whose label was just bought (or, for pickup, whose pickup code was issued)."""

    tenant: str
    order_reference: str
    carrier: str
    service_code: str
    tracking_number: str
    created_at: datetime
    parcel_count: int = 1
    price: Money | None = None
    channel: str | None = None
    external_id: str | None = None

    def __post_init__(self) -> None:
        for name in ("tenant", "order_reference", "carrier", "service_code", "tracking_number"):
            require_str("CreatedShipment", name, getattr(self, name))
        set_field(self, "created_at", require_utc("CreatedShipment", "created_at", self.created_at))
        require_int("CreatedShipment", "parcel_count", self.parcel_count, minimum=1)
        if self.price is not None and not isinstance(self.price, Money):
            raise TypeError("CreatedShipment.price must be Money or None")
        optional_str("CreatedShipment", "channel", self.channel)
        optional_str("CreatedShipment", "external_id", self.external_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class StockChange:
    """A SKU's totals in one warehouse after a committed transaction changed them (a receipt,
    an adjustment, a shipment, a reservation or its release). ``available`` is on hand minus
    reserved, never below zero: what a sales channel may sell."""

    tenant: str
    sku: str
    warehouse: str
    on_hand: int
    reserved: int
    available: int
    at: datetime

    def __post_init__(self) -> None:
        for name in ("tenant", "sku", "warehouse"):
            require_str("StockChange", name, getattr(self, name))
        require_int("StockChange", "on_hand", self.on_hand, minimum=0)
        require_int("StockChange", "reserved", self.reserved, minimum=0)
        require_int("StockChange", "available", self.available, minimum=0)
        set_field(self, "at", require_utc("StockChange", "at", self.at))
