"""Fixtures for the Demo Courier tests: a sandbox on loopback and adapter contexts pointed at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from station_carrier_demo.plugin import DemoCarrier
from station_carrier_demo.sandbox import TEST_API_KEY, SandboxServer

from station.api import AdapterContext, Address, LabelRequest, Parcel, RateRequest
from station.testing import FIXED_NOW

WAREHOUSE = Address(
    name="Bodega Just Logistics", street="Av. Américo Vespucio", number="1501", comuna="Pudahuel",
    region="Metropolitana de Santiago", phone="+56 2 2345 6789",
)
BOX = Parcel(weight_g=1200, length_mm=300, width_mm=200, height_mm=100)


def customer(comuna: str = "Ñuñoa", region: str = "Metropolitana de Santiago") -> Address:
    return Address(
        name="Camila Rojas", street="Av. Irarrázaval", number="3450", comuna=comuna, region=region,
        phone="+56 9 8765 4321", rut="12.345.678-5",
    )


def rate_request(comuna: str = "Ñuñoa", region: str = "Metropolitana de Santiago", *, parcels: tuple[Parcel, ...] = (BOX,),
                 service_level: str | None = None) -> RateRequest:
    return RateRequest(origin=WAREHOUSE, destination=customer(comuna, region), parcels=parcels,
                       service_level=service_level)


def label_request(key: str = "shipment-1001", **changes: object) -> LabelRequest:
    values: dict[str, object] = {
        "idempotency_key": key, "service_code": "standard", "origin": WAREHOUSE, "destination": customer(),
        "parcels": (BOX,), "reference": "JL-1001",
    }
    return LabelRequest(**{**values, **changes})  # type: ignore[arg-type]


class Samples:
    """Sample addresses and requests (a fixture, so no test imports this conftest by name)."""

    warehouse = WAREHOUSE
    box = BOX
    customer = staticmethod(customer)
    rate_request = staticmethod(rate_request)
    label_request = staticmethod(label_request)


@pytest.fixture
def samples() -> type[Samples]:
    return Samples


@pytest.fixture
def carrier() -> DemoCarrier:
    return DemoCarrier()


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """The Demo Courier sandbox on 127.0.0.1, its clock at the tests' FIXED_NOW."""
    with SandboxServer(clock=lambda: FIXED_NOW) as server:
        yield server


@pytest.fixture
def demo_ctx(adapter_context, sandbox: SandboxServer) -> Callable[..., AdapterContext]:
    """``demo_ctx(api_key=..., **settings)``: a context for the ``demo`` adapter talking to the sandbox,
    settings resolved through the adapter's schema as the host does (defaults filled in)."""

    def make(api_key: str | None = TEST_API_KEY, **settings: object) -> AdapterContext:
        values = DemoCarrier.settings_schema.resolve({"base_url": sandbox.url, **settings})
        secrets = {"api_key": api_key} if api_key else {}
        return adapter_context("demo", settings=values, secrets=secrets, base_url=sandbox.url)

    return make
