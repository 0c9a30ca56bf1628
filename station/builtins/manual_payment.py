"""Built-in "manual" payment gateway: cash or bank transfer, recorded by hand. No network.

The back office records a payment after the money is in (cash at the counter, a transfer seen
on the bank statement), so a payment is ``paid`` at once, or ``authorized`` when the operator
configures it to confirm later. Ids are derived from the idempotency key, so recording the same
payment twice gives the same id.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable

from station.api import (
    AdapterContext,
    NotSupportedError,
    PaymentError,
    PaymentGateway,
    PaymentIntent,
    PaymentStatus,
    Refund,
    RefundStatus,
    SettingField,
    SettingsSchema,
    hookimpl,
)

STATION_API_VERSION = "1.0"


def _derived_id(prefix: str, idempotency_key: str) -> str:
    return f"{prefix}-{hashlib.sha256(idempotency_key.encode('utf-8')).hexdigest()[:16]}"


class ManualPaymentGateway:
    """Cash / bank transfer."""

    name = "manual"
    title = "Manual payment (cash, bank transfer)"
    settings_schema = SettingsSchema(
        name="manual",
        title="Manual payment (cash, bank transfer)",
        fields=(
            SettingField(
                key="initial_status",
                label="Status of a recorded payment",
                kind="choice",
                choices=("paid", "authorized"),
                default="paid",
                help="'authorized' when someone confirms the money later (e.g. a pending transfer).",
            ),
            SettingField(
                key="instructions",
                label="Payment instructions",
                help="Shown to the customer, e.g. the bank account for transfers.",
            ),
        ),
    )

    def create_payment(self, ctx: AdapterContext, intent: PaymentIntent) -> PaymentIntent:
        status = PaymentStatus(str(ctx.settings.get("initial_status") or "paid"))
        if status not in (PaymentStatus.PAID, PaymentStatus.AUTHORIZED):
            raise PaymentError(
                f"initial_status must be paid or authorized, got {status.value!r}", plugin=self.name
            )
        extra = dict(intent.extra)
        if instructions := str(ctx.settings.get("instructions") or ""):
            extra["instructions"] = instructions
        ctx.logger.info(
            "Manual payment %s recorded for %s: %s", status.value, intent.reference, intent.amount
        )
        return dataclasses.replace(
            intent,
            gateway=self.name,
            status=status,
            external_id=_derived_id("manual", intent.idempotency_key),
            redirect_url=None,
            extra=extra,
        )

    def get_payment(self, ctx: AdapterContext, external_id: str) -> PaymentIntent:
        raise NotSupportedError(
            "manual payments exist only in the station's own records; there is no gateway to ask",
            plugin=self.name,
        )

    def refund(self, ctx: AdapterContext, refund: Refund) -> Refund:
        if not refund.payment_external_id.startswith("manual-"):
            raise PaymentError(
                f"payment {refund.payment_external_id!r} was not recorded as a manual payment",
                plugin=self.name,
            )
        ctx.logger.info("Manual refund of %s recorded for %s", refund.amount, refund.payment_external_id)
        return dataclasses.replace(
            refund,
            gateway=self.name,
            status=RefundStatus.SUCCEEDED,
            external_id=_derived_id("manual-refund", refund.idempotency_key),
        )


@hookimpl
def station_register_payment_gateways(register: Callable[[PaymentGateway], None]) -> None:
    register(ManualPaymentGateway())
