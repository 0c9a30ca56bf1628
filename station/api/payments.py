"""What payment gateways exchange with the station: payment intents and refunds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from station.api._checks import frozen_extra, optional_str, require_choice, require_str, set_field
from station.api.money import Money


class PaymentStatus(StrEnum):
    """Normalised payment states; gateways map their own (``AUTHORIZED``, ``approved`` …) onto these."""

    PENDING = "pending"  # created; the customer has not finished paying yet
    AUTHORIZED = "authorized"  # funds held, capture pending
    PAID = "paid"
    FAILED = "failed"  # rejected or expired; a new intent is needed
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"


class RefundStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


def _positive_money(owner: str, name: str, value: object) -> None:
    if not isinstance(value, Money):
        raise TypeError(f"{owner}.{name} must be Money")
    if value.amount <= 0:
        raise ValueError(f"{owner}.{name} must be more than zero, got {value}")


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentIntent:
    """A payment to collect for one of our orders.

    The station sends it to ``create_payment`` with ``status=PENDING`` and no ``external_id``;
    the gateway answers with the same intent filled in: its own id, the status and, for
    redirect flows (Webpay, Mercado Pago, Flow, Khipu), the ``redirect_url`` the customer opens.
    ``reference`` is our order number; ``idempotency_key`` comes from our payment record.
    ``return_url`` is where the gateway sends the customer back, when the flow has one.
    """

    gateway: str
    reference: str
    amount: Money
    idempotency_key: str
    status: PaymentStatus = PaymentStatus.PENDING
    external_id: str | None = None
    redirect_url: str | None = None
    return_url: str | None = None
    description: str = ""
    customer_email: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        for name in ("gateway", "reference", "idempotency_key"):
            require_str("PaymentIntent", name, getattr(self, name))
        _positive_money("PaymentIntent", "amount", self.amount)
        require_choice("PaymentIntent", "status", self.status, [s.value for s in PaymentStatus])
        set_field(self, "status", PaymentStatus(self.status))
        for name in ("external_id", "redirect_url", "return_url"):
            optional_str("PaymentIntent", name, getattr(self, name))
        set_field(self, "extra", frozen_extra("PaymentIntent", self.extra))


@dataclass(frozen=True, slots=True, kw_only=True)
class Refund:
    """Give back ``amount`` of a payment (all or part of it).

    Sent with ``status=PENDING`` and no ``external_id``; the gateway answers with both set.
    ``idempotency_key`` comes from our refund record, so a retry never refunds twice.
    """

    gateway: str
    payment_external_id: str
    amount: Money
    reason: str
    idempotency_key: str
    status: RefundStatus = RefundStatus.PENDING
    external_id: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        for name in ("gateway", "payment_external_id", "idempotency_key"):
            require_str("Refund", name, getattr(self, name))
        require_str("Refund", "reason", self.reason, allow_empty=True)
        _positive_money("Refund", "amount", self.amount)
        require_choice("Refund", "status", self.status, [s.value for s in RefundStatus])
        set_field(self, "status", RefundStatus(self.status))
        optional_str("Refund", "external_id", self.external_id)
        set_field(self, "extra", frozen_extra("Refund", self.extra))
