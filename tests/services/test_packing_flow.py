"""The packer's whole job through the services: find, scan, weigh, buy a label exactly once, ship."""

from __future__ import annotations

import pytest
from sample_world import add_order
from sqlalchemy import func, select

from station.api import Label, Money, Rate, RateRequest, SettingsSchema, hookimpl
from station.db import Database
from station.db.models import Order, OutboxMessage, Reservation, ReservationStatus, Shipment, ShipmentStatus, StockMove
from station.domain.orders import OrderState
from station.domain.stock import MoveKind
from station.domain.weights import WeightTolerance
from station.pluginhost import PluginHost
from station.services.carriers import CarrierGateway
from station.services.dispatch import DispatchError, ParcelPlan, purchase_label, ship_order
from station.services.packing import (
    OrderNotPackable,
    OverScan,
    PackingSession,
    UnknownCode,
    WrongItem,
    find_order,
    load_order,
)
from station.services.stock import Actor, StockLedger

ACTOR = Actor(station="bench-1", user_id=None)


class CountingCarrier:
    """A carrier that, like a real one, answers a repeated idempotency key with the same label."""

    name = "counting"
    title = "Counting Express"
    settings_schema = SettingsSchema(name="counting", title="Counting Express")

    def __init__(self) -> None:
        self.labels: dict[str, Label] = {}

    def rates(self, ctx, request: RateRequest):
        return (Rate(carrier="counting", service_code="std", service_name="Standard", price=Money(3990, "CLP"), estimated_days=3),)

    def buy_label(self, ctx, request):
        if request.idempotency_key not in self.labels:
            number = f"CE{len(self.labels) + 1:08d}"
            self.labels[request.idempotency_key] = Label(
                carrier="counting", tracking_number=number, format="zpl",
                data=f"^XA^FD{number}^FS^XZ".encode(), idempotency_key=request.idempotency_key,
            )
        return self.labels[request.idempotency_key]

    def void_label(self, ctx, tracking_number):
        return None

    def track(self, ctx, tracking_number):
        return ()


class Listener:
    def __init__(self) -> None:
        self.heard: list[str] = []

    @hookimpl
    def station_order_did_pack(self, order):
        self.heard.append(f"packed {order.reference}")

    @hookimpl
    def station_shipment_did_create(self, shipment):
        self.heard.append(f"shipment {shipment.tracking_number}")

    @hookimpl
    def station_stock_did_change(self, changes):
        self.heard.append("stock " + ",".join(sorted(c.sku for c in changes)))


@pytest.fixture
def carrier() -> CountingCarrier:
    return CountingCarrier()


@pytest.fixture
def listener() -> Listener:
    return Listener()


@pytest.fixture
def gateway(carrier, listener):
    class Plugin:
        @hookimpl
        def station_register_carriers(self, register):
            register(carrier)

    host = PluginHost(extra_plugins=[("counting", Plugin()), ("listener", listener)], load_entry_points=False)
    yield CarrierGateway(host, {}, get_secret=lambda *_: None, sleep=lambda _: None)
    host.close()


def stock(database: Database, world) -> None:
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, ACTOR)
        ledger.receive(world.shirt, world.bin_a, 5)
        ledger.receive(world.mug, world.bin_b, 3)
        uow.commit()


def scan_everything(database: Database, order_id: int) -> PackingSession:
    with database.unit_of_work() as uow:
        session = PackingSession(load_order(uow.session, order_id))
    session.scan("POL-M-ROJ")
    session.scan("pol-m-roj")  # codes are not case-sensitive
    session.scan("TAZ-01")
    assert session.complete
    return session


def test_pack_an_order_from_scan_to_shipped(database: Database, world, gateway, carrier, listener) -> None:
    stock(database, world)
    order_id = add_order(database, world, [(world.shirt, 2), (world.mug, 1)])
    with database.unit_of_work() as uow:
        assert find_order(uow.session, "jls-000001") == order_id
        assert find_order(uow.session, "MLC-JLS-000001") == order_id  # the channel's order id works too
    session = scan_everything(database, order_id)
    check = session.check_weight(measured_g=780, tare_g=20, tolerance=WeightTolerance(basis_points=500, grams=20))
    assert check.ok, check.message  # 2 × 200 g + 350 g + 20 g box = 770 g

    shop = gateway.shop(_rate_request(), "standard")
    assert shop.chosen is not None and shop.chosen.carrier == "counting"
    plans = [ParcelPlan("CAJA-S", 250, 200, 100, 780, 770)]
    bought = purchase_label(database, gateway, order_id, shop.chosen, plans)
    shipped = ship_order(database, gateway.host, order_id, bought.shipment_id, bench_location_id=world.bench, serials={}, actor=ACTOR, packer="Ana")

    assert shipped.tracking_number == "CE00000001"
    with database.unit_of_work() as uow:
        s = uow.session
        assert s.get(Order, order_id).state == OrderState.SHIPPED
        kinds = s.scalars(select(StockMove.kind).where(StockMove.reference == "JLS-000001").order_by(StockMove.id)).all()
        assert kinds.count(MoveKind.PICK) == 2 and kinds.count(MoveKind.SHIP) == 2
        assert s.scalar(select(func.count()).select_from(Reservation).where(Reservation.status == ReservationStatus.ACTIVE)) == 0
        assert StockLedger(s, ACTOR).totals(world.warehouse_id, world.shirt) == (3, 0)
        outbox = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "shipment")).one()
        assert outbox.payload["tracking_number"] == "CE00000001"
        assert s.get(Shipment, bought.shipment_id).status == ShipmentStatus.SHIPPED
    assert listener.heard == ["packed JLS-000001", "shipment CE00000001", "stock POL-M-ROJ,TAZ-01"]


def test_wrong_item_and_over_scan_are_refused_and_change_nothing(database: Database, world) -> None:
    stock(database, world)
    order_id = add_order(database, world, [(world.shirt, 1)])
    with database.unit_of_work() as uow:
        session = PackingSession(load_order(uow.session, order_id))
    with pytest.raises(WrongItem, match="Scanned TAZ-01: not in this order. Expected: POL-M-ROJ"):
        session.scan("TAZ-01")
    session.scan("POL-M-ROJ")
    with pytest.raises(OverScan, match="all 1 already scanned"):
        session.scan("POL-M-ROJ")
    assert [line.verified for line in session.order.lines] == [1]


def test_orders_that_cannot_be_packed_say_why(database: Database, world) -> None:
    new_order = add_order(database, world, [(world.shirt, 1)], state="new", number="JLS-000002")
    with database.unit_of_work() as uow:
        with pytest.raises(OrderNotPackable, match="JLS-000002 is not paid yet"):
            load_order(uow.session, new_order)
        with pytest.raises(UnknownCode, match="No order, channel order id or tote label 'XYZ'"):
            find_order(uow.session, "XYZ")


def test_a_crash_after_the_carrier_answered_never_buys_a_second_label(database: Database, world, gateway, carrier) -> None:
    stock(database, world)
    order_id = add_order(database, world, [(world.shirt, 2), (world.mug, 1)])
    scan_everything(database, order_id)
    rate = gateway.shop(_rate_request(), "standard").chosen
    plans = [ParcelPlan("CAJA-S", 250, 200, 100, 780, 770)]

    real_buy = gateway.buy_label

    def buy_then_crash(carrier_name, request):
        real_buy(carrier_name, request)  # the carrier sold the label …
        raise KeyboardInterrupt("power cut")  # … and the station died before recording it

    gateway.buy_label = buy_then_crash
    with pytest.raises(KeyboardInterrupt):
        purchase_label(database, gateway, order_id, rate, plans)
    gateway.buy_label = real_buy

    again = purchase_label(database, gateway, order_id, rate, plans)  # the packer confirms again
    once_more = purchase_label(database, gateway, order_id, rate, plans)  # and again, by accident
    assert len(carrier.labels) == 1
    assert again.label.tracking_number == once_more.label.tracking_number == "CE00000001"
    assert once_more.reused
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Shipment)) == 1


def test_shipping_without_stock_rolls_everything_back(database: Database, world, gateway) -> None:
    order_id = add_order(database, world, [(world.shirt, 1)])  # nothing received
    rate = gateway.shop(_rate_request(), "standard").chosen
    bought = purchase_label(database, gateway, order_id, rate, [ParcelPlan("S", 1, 1, 1, 200, 200)])
    with pytest.raises(Exception, match="POL-M-ROJ"):
        ship_order(database, gateway.host, order_id, bought.shipment_id, bench_location_id=world.bench, serials={}, actor=ACTOR, packer="Ana")
    with database.unit_of_work() as uow:
        assert uow.session.get(Order, order_id).state == OrderState.PAID
        assert uow.session.scalar(select(func.count()).select_from(StockMove)) == 0


def test_a_bench_that_is_not_a_packing_location_is_refused(database: Database, world, gateway) -> None:
    stock(database, world)
    order_id = add_order(database, world, [(world.shirt, 1)])
    rate = gateway.shop(_rate_request(), "standard").chosen
    bought = purchase_label(database, gateway, order_id, rate, [ParcelPlan("S", 1, 1, 1, 200, 200)])
    with pytest.raises(DispatchError, match="packing bench"):
        ship_order(database, gateway.host, order_id, bought.shipment_id, bench_location_id=world.bin_a, serials={}, actor=ACTOR, packer="Ana")


def _rate_request() -> RateRequest:
    from station.api import Address, Parcel  # noqa: PLC0415

    return RateRequest(
        origin=Address(name="Acme", street="Camino Lo Boza 120", comuna="Pudahuel", region="Región Metropolitana"),
        destination=Address(name="María", street="Av. Providencia", number="1234", comuna="Providencia", region="Región Metropolitana"),
        parcels=(Parcel(weight_g=780),),
    )


def test_voiding_a_shipped_label_brings_the_order_back_to_the_bench(database: Database, world, gateway) -> None:
    from station.services.dispatch import void_label  # noqa: PLC0415
    from station.services.packing_queries import last_label_on_record  # noqa: PLC0415

    stock(database, world)
    order_id = add_order(database, world, [(world.shirt, 2), (world.mug, 1)])
    rate = gateway.shop(_rate_request(), "standard").chosen
    bought = purchase_label(database, gateway, order_id, rate, [ParcelPlan("CAJA-S", 250, 200, 100, 780, 770)])
    ship_order(database, gateway.host, order_id, bought.shipment_id, bench_location_id=world.bench, serials={}, actor=ACTOR, packer="Ana")
    assert last_label_on_record(database, order_id).label.tracking_number == "CE00000001"

    void_label(database, gateway, bought.shipment_id, actor=ACTOR)

    with database.unit_of_work() as uow:
        s = uow.session
        assert s.get(Order, order_id).state == OrderState.PACKED
        assert s.get(Shipment, bought.shipment_id).status == ShipmentStatus.VOIDED
        assert StockLedger(s, ACTOR).totals(world.warehouse_id, world.shirt) == (5, 2)  # back, held for the order
    assert last_label_on_record(database, order_id) is None
    again = purchase_label(database, gateway, order_id, rate, [ParcelPlan("CAJA-S", 250, 200, 100, 780, 770)])
    assert again.label.tracking_number == "CE00000002" and not again.reused  # a new label, a new key
    ship_order(database, gateway.host, order_id, again.shipment_id, bench_location_id=world.bench, serials={}, actor=ACTOR, packer="Ana")
    with database.unit_of_work() as uow:
        assert StockLedger(uow.session, ACTOR).totals(world.warehouse_id, world.shirt) == (3, 0)


def test_hold_needs_a_reason_and_blocks_packing(database: Database, world) -> None:
    from station.services.packing import PackingError, put_on_hold  # noqa: PLC0415

    order_id = add_order(database, world, [(world.shirt, 1)])
    with database.unit_of_work() as uow:
        with pytest.raises(PackingError, match="Say why"):
            put_on_hold(uow.session, order_id, "  ", station="bench-1", user_id=None)
        put_on_hold(uow.session, order_id, "Caja dañada, esperar reposición", station="bench-1", user_id=None)
        uow.commit()
    with database.unit_of_work() as uow:
        order = uow.session.get(Order, order_id)
        assert (order.state, order.held_from) == (OrderState.ON_HOLD, OrderState.PAID)
        with pytest.raises(OrderNotPackable, match="on hold: Caja dañada"):
            load_order(uow.session, order_id)


def test_the_bench_is_the_configured_packing_location(database: Database, world) -> None:
    from station.services.packing import PackingError, bench_location  # noqa: PLC0415

    with database.unit_of_work() as uow:
        assert bench_location(uow.session).id == world.bench
        assert bench_location(uow.session, "pack-01").id == world.bench
        with pytest.raises(PackingError, match="'PACK-09' not found"):
            bench_location(uow.session, "PACK-09")
