"""The Demo Courier carrier adapter and the hook that registers it.

This module turns station values (``RateRequest``, ``LabelRequest`` …) into Demo Courier JSON and
back; ``client.py`` does the HTTP and turns failures into station errors. A real carrier plugin
keeps the same split.

* ``rates`` - ``standard`` (2-4 business days) and ``express`` (next day), in CLP, priced by the
  courier from the billable weight (real or volumetric, whichever is larger) and the región.
* ``buy_label`` - one shipment, one tracking number (``DC`` + 10 digits), one label per parcel
  in ZPL or PDF. Sent with ``Idempotency-Key``: the same key returns the same label.
* ``void_label`` - cancels a label not yet picked up; voiding twice is fine.
* ``track`` - the courier's events, oldest first, mapped onto ``TrackingStatus``.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from station.api import (
    AdapterContext,
    Address,
    Carrier,
    CarrierError,
    Label,
    LabelRequest,
    Money,
    Parcel,
    Rate,
    RateRequest,
    Sandbox,
    SandboxSession,
    SettingField,
    SettingsSchema,
    TrackingEvent,
    TrackingStatus,
    hookimpl,
)
from station_carrier_demo.client import CARRIER, DemoApi, reading

STATION_API_VERSION = "1.0"

SERVICES = ("standard", "express")
LABEL_FORMATS = ("zpl", "pdf")
TRACKING_NUMBER = re.compile(r"DC\d{10}")

#: The courier's event codes → the station's tracking states.
STATUSES = {
    "CREATED": TrackingStatus.LABEL_CREATED,
    "PICKED_UP": TrackingStatus.IN_TRANSIT,
    "IN_TRANSIT": TrackingStatus.IN_TRANSIT,
    "OUT_FOR_DELIVERY": TrackingStatus.OUT_FOR_DELIVERY,
    "DELIVERED": TrackingStatus.DELIVERED,
    "VOIDED": TrackingStatus.CANCELLED,
}


class DemoCarrier:
    """Demo Courier, a carrier that only exists in its sandbox."""

    name = "demo"
    title = "Demo Courier (sandbox)"
    settings_schema = SettingsSchema(
        name="demo",
        title="Demo Courier (sandbox)",
        fields=(
            SettingField(
                key="base_url", label="API address", kind="url", required=True,
                help="Where the Demo Courier API answers, e.g. the sandbox at http://127.0.0.1:8765",
            ),
            SettingField(key="account", label="Account number", default="DEMO-001"),
            SettingField(
                key="label_format", label="Label format", kind="choice", choices=LABEL_FORMATS, default="zpl",
                help="Used when the station asks for a format the Demo Courier does not issue (EPL).",
            ),
            SettingField(
                key="api_key", label="API key", kind="secret", required=True,
                help="The sandbox accepts the public test key demo-test-key-000.",
            ),
        ),
    )

    def rates(self, ctx: AdapterContext, request: RateRequest) -> tuple[Rate, ...]:
        if request.service_level is not None and request.service_level not in SERVICES:
            return ()  # a service another carrier offers: not an error, just no rate from us
        body: dict[str, Any] = {
            "origin": to_address(request.origin),
            "destination": to_address(request.destination),
            "packages": [to_package(parcel) for parcel in request.parcels],
        }
        if request.service_level:
            body["service"] = request.service_level
        answer = DemoApi(ctx).quote(body)
        with reading(ctx, "quote"):
            return tuple(
                Rate(
                    carrier=self.name,
                    service_code=quote["service"],
                    service_name=quote["name"],
                    price=Money(quote["price_clp"], "CLP"),
                    estimated_days=quote["days"],
                    extra={"billable_weight_g": quote["billable_weight_g"]},
                )
                for quote in answer["quotes"]
            )

    def buy_label(self, ctx: AdapterContext, request: LabelRequest) -> Label:
        declared = request.declared_value
        if declared is not None and declared.currency != "CLP":
            raise CarrierError(f"{CARRIER} insures in CLP only, not {declared.currency}", plugin=self.name)
        body = {
            "service": request.service_code,
            "reference": request.reference,
            "account": setting(ctx, "account"),
            "label_format": request.label_format if request.label_format in LABEL_FORMATS else setting(ctx, "label_format"),
            "sender": to_address(request.origin),
            "recipient": to_address(request.destination),
            "packages": [to_package(parcel) for parcel in request.parcels],
            "declared_value_clp": declared.amount if declared is not None else None,
            "contents": request.contents,
        }
        answer = DemoApi(ctx).create_shipment(request.idempotency_key, body)
        with reading(ctx, "buy a label"):
            return Label(
                carrier=self.name,
                tracking_number=answer["tracking_number"],
                format=answer["label"]["format"],
                data=base64.b64decode(answer["label"]["data_base64"], validate=True),
                idempotency_key=request.idempotency_key,
                price=Money(answer["price_clp"], "CLP"),
            )

    def void_label(self, ctx: AdapterContext, tracking_number: str) -> None:
        DemoApi(ctx).void(self._checked(tracking_number))

    def track(self, ctx: AdapterContext, tracking_number: str) -> tuple[TrackingEvent, ...]:
        answer = DemoApi(ctx).events(self._checked(tracking_number))
        with reading(ctx, f"track {tracking_number}"):
            return tuple(
                TrackingEvent(
                    tracking_number=tracking_number,
                    at=datetime.fromisoformat(event["at"]),
                    status=STATUSES.get(event["code"], TrackingStatus.UNKNOWN),
                    description=event.get("description", ""),
                    location=event.get("location", ""),
                )
                for event in answer["events"]
            )

    def _checked(self, tracking_number: str) -> str:
        if not TRACKING_NUMBER.fullmatch(tracking_number):
            raise CarrierError(
                f"{tracking_number!r} is not a {CARRIER} tracking number (they look like DC7000000001)",
                plugin=self.name,
            )
        return tracking_number


def setting(ctx: AdapterContext, key: str) -> Any:
    """A setting's value, or its default when the host passed none."""
    value = ctx.settings.get(key)
    return value if value not in (None, "") else DemoCarrier.settings_schema.field(key).default


def to_address(address: Address) -> dict[str, str | None]:
    return {
        "name": address.name, "street": address.street, "number": address.number, "comuna": address.comuna,
        "region": address.region, "phone": address.phone, "email": address.email, "rut": address.rut,
    }


def to_package(parcel: Parcel) -> dict[str, int]:
    return {"weight_g": parcel.weight_g, "length_mm": parcel.length_mm, "width_mm": parcel.width_mm,
            "height_mm": parcel.height_mm}


@hookimpl
def station_register_carriers(register: Callable[[Carrier], None]) -> None:
    register(DemoCarrier())


class DemoCourierSandbox:
    """The sandbox, for `station demo`: serves the Demo Courier API on loopback."""

    name = "demo"  # the adapter it stands in for
    title = "Demo Courier sandbox"
    serves = "carrier"

    def start(self) -> SandboxSession:
        from station_carrier_demo.sandbox import TEST_API_KEY, SandboxServer  # the server only when asked for

        server = SandboxServer().start()
        return SandboxSession(
            url=server.url, settings={"base_url": server.url}, secrets={"api_key": TEST_API_KEY}, stop=server.stop
        )


@hookimpl
def station_register_sandboxes(register: Callable[[Sandbox], None]) -> None:
    register(DemoCourierSandbox())
