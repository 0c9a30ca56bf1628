"""Addresses, parcels and what carriers exchange with the station: rates, labels, tracking."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from station.api._checks import (
    frozen_extra,
    optional_str,
    require_choice,
    require_int,
    require_str,
    require_tuple,
    require_utc,
    set_field,
)
from station.api.money import Money

LabelFormat = Literal["zpl", "pdf", "epl"]
LABEL_FORMATS: tuple[str, ...] = ("zpl", "pdf", "epl")


@dataclass(frozen=True, slots=True, kw_only=True)
class Address:
    """A postal address. Chile first: ``comuna`` and ``region`` are what carriers route on.

    ``rut`` is the recipient's RUT as text (``"12.345.678-5"``); the core validates it, carriers
    only pass it on. ``extra`` holds carrier- or channel-specific scalars (e.g. a comuna code).
    """

    name: str
    street: str
    number: str = ""
    comuna: str = ""
    region: str = ""
    city: str = ""
    country: str = "CL"
    postal_code: str = ""
    phone: str = ""
    email: str = ""
    rut: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        require_str("Address", "name", self.name)
        require_str("Address", "street", self.street)
        for name in ("number", "comuna", "region", "city", "postal_code", "phone", "email"):
            require_str("Address", name, getattr(self, name), allow_empty=True)
        country = require_str("Address", "country", self.country).strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise ValueError(
                f"Address.country must be an ISO 3166 two-letter code such as 'CL', got {self.country!r}"
            )
        set_field(self, "country", country)
        optional_str("Address", "rut", self.rut)
        set_field(self, "extra", frozen_extra("Address", self.extra))


@dataclass(frozen=True, slots=True, kw_only=True)
class Parcel:
    """One box as weighed and measured at the bench: grams and millimetres, integers.

    Dimensions of 0 mean "not measured". ``declared_value`` is the insured/customs value.
    """

    weight_g: int
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0
    declared_value: Money | None = None

    def __post_init__(self) -> None:
        require_int("Parcel", "weight_g", self.weight_g, minimum=1)
        for name in ("length_mm", "width_mm", "height_mm"):
            require_int("Parcel", name, getattr(self, name), minimum=0)
        if self.declared_value is not None and not isinstance(self.declared_value, Money):
            raise TypeError("Parcel.declared_value must be Money or None")


@dataclass(frozen=True, slots=True, kw_only=True)
class RateRequest:
    """Ask a carrier what it would charge to move ``parcels`` from ``origin`` to ``destination``.

    ``service_level`` narrows the answer to one service code when set (``None`` = all services).
    """

    origin: Address
    destination: Address
    parcels: tuple[Parcel, ...]
    service_level: str | None = None

    def __post_init__(self) -> None:
        set_field(
            self, "parcels", require_tuple("RateRequest", "parcels", self.parcels, Parcel, non_empty=True)
        )
        optional_str("RateRequest", "service_level", self.service_level)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rate:
    """One quoted service. ``estimated_days`` is business days, ``None`` when the carrier
    gives no estimate; ``guaranteed`` is True only when the carrier commits to it."""

    carrier: str
    service_code: str
    service_name: str
    price: Money
    estimated_days: int | None = None
    guaranteed: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        for name in ("carrier", "service_code", "service_name"):
            require_str("Rate", name, getattr(self, name))
        if not isinstance(self.price, Money):
            raise TypeError("Rate.price must be Money")
        if self.estimated_days is not None:
            require_int("Rate", "estimated_days", self.estimated_days, minimum=0)
        set_field(self, "extra", frozen_extra("Rate", self.extra))


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelRequest:
    """Buy (emit) a label for one shipment, which may hold several parcels.

    ``idempotency_key`` is derived from our shipment record: sending the same key again must
    return the same label, never buy a second one. ``reference`` is our order number, printed on
    the label where the carrier allows it.
    """

    idempotency_key: str
    service_code: str
    origin: Address
    destination: Address
    parcels: tuple[Parcel, ...]
    reference: str
    label_format: LabelFormat = "zpl"
    declared_value: Money | None = None
    contents: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        for name in ("idempotency_key", "service_code", "reference"):
            require_str("LabelRequest", name, getattr(self, name))
        set_field(
            self, "parcels", require_tuple("LabelRequest", "parcels", self.parcels, Parcel, non_empty=True)
        )
        require_choice("LabelRequest", "label_format", self.label_format, LABEL_FORMATS)
        set_field(self, "extra", frozen_extra("LabelRequest", self.extra))


@dataclass(frozen=True, slots=True, kw_only=True)
class Label:
    """A bought label. ``data`` is the printable document in ``format`` (several parcels' labels
    concatenated: ZPL/EPL one after another, PDF one page each).

    Empty ``data`` means there is nothing to print (e.g. customer pickup): the station skips the
    printer and shows ``tracking_number`` instead.
    """

    carrier: str
    tracking_number: str
    format: LabelFormat
    data: bytes
    idempotency_key: str
    price: Money | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        for name in ("carrier", "tracking_number", "idempotency_key"):
            require_str("Label", name, getattr(self, name))
        require_choice("Label", "format", self.format, LABEL_FORMATS)
        if not isinstance(self.data, bytes):
            raise TypeError(f"Label.data must be bytes, got {type(self.data).__name__}")
        set_field(self, "extra", frozen_extra("Label", self.extra))


class TrackingStatus(StrEnum):
    """Normalised tracking states; carriers map their own codes onto these."""

    LABEL_CREATED = "label_created"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    READY_FOR_PICKUP = "ready_for_pickup"
    DELIVERED = "delivered"
    EXCEPTION = "exception"  # delayed, damaged, address problem: someone should look
    RETURNED = "returned"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackingEvent:
    """One step in a parcel's journey. ``at`` is converted to UTC; ``status`` accepts a
    :class:`TrackingStatus` or its string value; ``description`` is the carrier's own words."""

    tracking_number: str
    at: datetime
    status: TrackingStatus
    description: str = ""
    location: str = ""

    def __post_init__(self) -> None:
        require_str("TrackingEvent", "tracking_number", self.tracking_number)
        set_field(self, "at", require_utc("TrackingEvent", "at", self.at))
        require_choice("TrackingEvent", "status", self.status, [s.value for s in TrackingStatus])
        set_field(self, "status", TrackingStatus(self.status))
        require_str("TrackingEvent", "description", self.description, allow_empty=True)
        require_str("TrackingEvent", "location", self.location, allow_empty=True)
