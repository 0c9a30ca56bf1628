"""Built-in "pickup" carrier: the customer collects the order at the warehouse.

* ``rates`` - one free service, ``pickup``.
* ``buy_label`` - nothing is bought and nothing printed: the label has empty ``data`` and its
  tracking number is a short pickup code (``PU-7KQ2M9XD``) the customer quotes at the counter.
  The code is derived from the request's idempotency key, so a retry gives the same code.
* ``void_label`` - nothing to cancel.
* ``track`` - one "ready for pickup" event at the configured location.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from station.api import (
    AdapterContext,
    Carrier,
    CarrierError,
    Label,
    LabelRequest,
    Money,
    Rate,
    RateRequest,
    SettingField,
    SettingsSchema,
    TrackingEvent,
    TrackingStatus,
    hookimpl,
)

STATION_API_VERSION = "1.0"

CODE_PREFIX = "PU-"
# No 0/O, 1/I/L or U: codes are read aloud and typed at a counter.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_LENGTH = 8


def pickup_code(idempotency_key: str) -> str:
    """The pickup code for a shipment: stable for the same key, 8 unambiguous characters."""
    number = int.from_bytes(hashlib.sha256(idempotency_key.encode("utf-8")).digest()[:10], "big")
    chars = []
    for _ in range(_CODE_LENGTH):
        number, index = divmod(number, len(_ALPHABET))
        chars.append(_ALPHABET[index])
    return CODE_PREFIX + "".join(chars)


class PickupCarrier:
    """Customer pickup at the warehouse."""

    name = "pickup"
    title = "Customer pickup"
    settings_schema = SettingsSchema(
        name="pickup",
        title="Customer pickup",
        fields=(
            SettingField(
                key="location",
                label="Pickup point",
                default="Warehouse counter",
                help="Where customers collect their orders; shown in tracking.",
            ),
            SettingField(key="ready_in_days", label="Ready in (days)", kind="int", default=0),
            SettingField(key="currency", label="Currency", default="CLP"),
        ),
    )

    def rates(self, ctx: AdapterContext, request: RateRequest) -> tuple[Rate, ...]:
        if request.service_level not in (None, "pickup"):
            return ()
        return (
            Rate(
                carrier=self.name,
                service_code="pickup",
                service_name="Customer pickup",
                price=Money(0, str(ctx.settings.get("currency") or "CLP")),
                estimated_days=int(ctx.settings.get("ready_in_days") or 0),  # type: ignore[call-overload]
                guaranteed=False,
            ),
        )

    def buy_label(self, ctx: AdapterContext, request: LabelRequest) -> Label:
        if request.service_code != "pickup":
            raise CarrierError(
                f"unknown pickup service {request.service_code!r}; use 'pickup'", plugin=self.name
            )
        return Label(
            carrier=self.name,
            tracking_number=pickup_code(request.idempotency_key),
            format=request.label_format,
            data=b"",  # nothing to print: the customer quotes the code
            idempotency_key=request.idempotency_key,
            price=Money(0, str(ctx.settings.get("currency") or "CLP")),
        )

    def void_label(self, ctx: AdapterContext, tracking_number: str) -> None:
        self._check_code(tracking_number)

    def track(self, ctx: AdapterContext, tracking_number: str) -> tuple[TrackingEvent, ...]:
        self._check_code(tracking_number)
        location = str(ctx.settings.get("location") or "Warehouse counter")
        return (
            TrackingEvent(
                tracking_number=tracking_number,
                at=ctx.now(),
                status=TrackingStatus.READY_FOR_PICKUP,
                description=f"Ready for pickup at {location}",
                location=location,
            ),
        )

    def _check_code(self, tracking_number: str) -> None:
        if not (
            tracking_number.startswith(CODE_PREFIX)
            and len(tracking_number) == len(CODE_PREFIX) + _CODE_LENGTH
        ):
            raise CarrierError(
                f"{tracking_number!r} is not a pickup code (they look like {CODE_PREFIX}7KQ2M9XD)",
                plugin=self.name,
            )


@hookimpl
def station_register_carriers(register: Callable[[Carrier], None]) -> None:
    register(PickupCarrier())
