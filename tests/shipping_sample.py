"""Shipping an order in tests through the real dispatch services: a carrier plugin that sells one rate and
buys every label with a fixed tracking number, the gateway that serves it, and `ship` (label, then shipped)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sample_world import World, add_order

from station.api import Label, Money, Rate, SettingsSchema, hookimpl
from station.db import Database
from station.db.models import OrderLine
from station.pluginhost import PluginHost
from station.services.carriers import CarrierGateway
from station.services.dispatch import ParcelPlan, purchase_label, ship_order
from station.services.stock import Actor

BOX = ParcelPlan("CAJA-S", 250, 200, 100, 970, 950)
BENCH = Actor(station="bench-1")


class FixedCarrier:
    """A carrier plugin: one "Standard" rate at `price` CLP; every label it buys has `tracking_number`."""

    def __init__(self, name: str, title: str, tracking_number: str, price: int = 3990) -> None:
        self.name = name
        self.title = title
        self.settings_schema = SettingsSchema(name=name, title=title)
        self.tracking_number = tracking_number
        self.rate = Rate(
            carrier=name, service_code="std", service_name="Standard", price=Money(price, "CLP"), estimated_days=2
        )

    def rates(self, ctx, request):
        return (self.rate,)

    def buy_label(self, ctx, request):
        return Label(
            carrier=self.name,
            tracking_number=self.tracking_number,
            format="zpl",
            data=b"^XA^XZ",
            idempotency_key=request.idempotency_key,
        )

    def void_label(self, ctx, tracking_number):
        return None

    def track(self, ctx, tracking_number):
        return ()


@contextmanager
def carrier_gateway(carrier: FixedCarrier) -> Iterator[CarrierGateway]:
    """A plugin host with only `carrier`, behind the real gateway (no secrets, no waiting on retries)."""

    class Plugin:
        @hookimpl
        def station_register_carriers(self, register):
            register(carrier)

    host = PluginHost(extra_plugins=[(carrier.name, Plugin())], load_entry_points=False)
    try:
        yield CarrierGateway(host, {}, get_secret=lambda *_: None, sleep=lambda _: None)
    finally:
        host.close()


def gateway_fixture(carrier: FixedCarrier) -> Any:
    """A test module's `gateway` fixture: `gateway = gateway_fixture(FixedCarrier(…))`."""

    @pytest.fixture
    def gateway() -> Iterator[CarrierGateway]:
        with carrier_gateway(carrier) as served:
            yield served

    return gateway


def ship(
    database: Database,
    world: World,
    gateway: CarrierGateway,
    rate: Rate,
    lines: list[tuple[int, int]],
    *,
    serials: dict[int, list[str]] | None = None,
    parcel: ParcelPlan = BOX,
    actor: Actor = BENCH,
    **confirm: Any,
) -> int:
    """Order JLS-000001 with `lines` (variant, quantity): a label bought at `rate`, then shipped from the
    bench by Ana. `serials`: the serial numbers scanned, by variant. Returns the order's id."""
    order_id = add_order(database, world, lines)
    bought = purchase_label(database, gateway, order_id, rate, [parcel])
    with database.unit_of_work() as uow:
        by_variant = serials or {}
        order_lines = uow.session.query(OrderLine).filter_by(order_id=order_id).all()
        scanned = {line.id: by_variant[line.variant_id] for line in order_lines if line.variant_id in by_variant}
    ship_order(
        database,
        gateway.host,
        order_id,
        bought.shipment_id,
        bench_location_id=world.bench,
        serials=scanned,
        actor=actor,
        packer="Ana",
        **confirm,
    )
    return order_id
