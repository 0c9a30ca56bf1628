"""What marketplaces and web stores exchange with the station: orders in, stock out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from station.api._checks import (
    frozen_extra,
    optional_str,
    require_int,
    require_str,
    require_tuple,
    require_utc,
    set_field,
)
from station.api.money import Money
from station.api.shipping import Address


@dataclass(frozen=True, slots=True, kw_only=True)
class ChannelOrderLine:
    """One line of a channel order: our ``sku`` (the listing's seller SKU), how many, at what unit price."""

    sku: str
    quantity: int
    unit_price: Money
    title: str = ""
    listing_external_id: str | None = None

    def __post_init__(self) -> None:
        require_str("ChannelOrderLine", "sku", self.sku)
        require_int("ChannelOrderLine", "quantity", self.quantity, minimum=1)
        if not isinstance(self.unit_price, Money):
            raise TypeError("ChannelOrderLine.unit_price must be Money")
        optional_str("ChannelOrderLine", "listing_external_id", self.listing_external_id)

    @property
    def line_total(self) -> Money:
        return self.unit_price * self.quantity


@dataclass(frozen=True, slots=True, kw_only=True)
class ChannelOrder:
    """An order as a channel reports it. ``(channel, external_id)`` is unique: importing the
    same order twice updates it, never duplicates it.

    ``total`` is what the customer paid, shipping included; ``shipping_cost`` is the shipping
    part of it. Every amount is in one currency. ``status`` is the channel's own word for the
    order state (e.g. ``"paid"``), kept for display and mapping.
    """

    channel: str
    external_id: str
    created_at: datetime
    customer_name: str
    shipping_address: Address
    lines: tuple[ChannelOrderLine, ...]
    total: Money
    shipping_cost: Money | None = None
    customer_rut: str | None = None
    customer_email: str = ""
    customer_phone: str = ""
    shipping_service: str | None = None
    status: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        for name in ("channel", "external_id", "customer_name"):
            require_str("ChannelOrder", name, getattr(self, name))
        set_field(self, "created_at", require_utc("ChannelOrder", "created_at", self.created_at))
        if not isinstance(self.shipping_address, Address):
            raise TypeError("ChannelOrder.shipping_address must be an Address")
        lines = require_tuple("ChannelOrder", "lines", self.lines, ChannelOrderLine, non_empty=True)
        set_field(self, "lines", lines)
        if not isinstance(self.total, Money):
            raise TypeError("ChannelOrder.total must be Money")
        amounts = [("total", self.total)] + [
            (f"lines[{i}].unit_price", ln.unit_price) for i, ln in enumerate(lines)
        ]
        if self.shipping_cost is not None:
            if not isinstance(self.shipping_cost, Money):
                raise TypeError("ChannelOrder.shipping_cost must be Money or None")
            amounts.append(("shipping_cost", self.shipping_cost))
        for where, amount in amounts:
            if amount.currency != self.total.currency:
                raise ValueError(
                    f"ChannelOrder {self.external_id}: {where} is in {amount.currency} "
                    f"but total is in {self.total.currency}"
                )
        for name in ("customer_rut", "shipping_service"):
            optional_str("ChannelOrder", name, getattr(self, name))
        set_field(self, "extra", frozen_extra("ChannelOrder", self.extra))


@dataclass(frozen=True, slots=True, kw_only=True)
class StockUpdate:
    """Set a listing's available quantity (and price, when given) on the channel.

    ``quantity`` is absolute, not a delta: pushing the same update twice is harmless.
    """

    sku: str
    listing_external_id: str
    quantity: int
    price: Money | None = None

    def __post_init__(self) -> None:
        require_str("StockUpdate", "sku", self.sku)
        require_str("StockUpdate", "listing_external_id", self.listing_external_id)
        require_int("StockUpdate", "quantity", self.quantity, minimum=0)
        if self.price is not None and not isinstance(self.price, Money):
            raise TypeError("StockUpdate.price must be Money or None")


@dataclass(frozen=True, slots=True, kw_only=True)
class StockPushResult:
    """The channel's answer for one :class:`StockUpdate`. ``accepted=False`` with a ``message``
    is a permanent rejection of that listing (e.g. listing closed); transient failures of the
    whole call are raised as errors instead (:class:`~station.api.errors.TemporaryError`)."""

    update: StockUpdate
    accepted: bool
    message: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.update, StockUpdate):
            raise TypeError("StockPushResult.update must be a StockUpdate")
        if not isinstance(self.accepted, bool):
            raise TypeError("StockPushResult.accepted must be a bool")
        require_str("StockPushResult", "message", self.message, allow_empty=True)
