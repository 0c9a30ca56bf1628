"""Stock set aside for a channel, a customer or a segment, as the back office would notice it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sample_world import World, add_order, build_world
from sqlalchemy import select

from station.db import Database
from station.db.base import utcnow
from station.db.models import Channel, OrderLine, Reservation, ReservationStatus
from station.domain.stock import InsufficientStock
from station.services.availability import available_to_sell, channel_availability
from station.services.set_asides import (
    SetAsideError,
    SetAsideFor,
    list_set_asides,
    release_set_aside,
    reserve_for_order,
    set_aside,
)
from station.services.stock import Actor, StockLedger

ACTOR = Actor(station="office-1")
WHOLESALE_RUT = "76.086.428-5"


@pytest.fixture
def world(database: Database) -> World:
    world = build_world(database)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, ACTOR).receive(world.shirt, world.bin_a, 10, reference="PO-1")
        uow.commit()
    return world


def other_channel(database: Database, world: World) -> int:
    with database.unit_of_work() as uow:
        channel = Channel(tenant_id=world.tenant_id, code="FALA", name="Falabella", plugin="falabella")
        uow.session.add(channel)
        uow.session.commit()
        return channel.id


def aside(database: Database, world: World, quantity: int, target: SetAsideFor, **kwargs) -> None:
    with database.unit_of_work() as uow:
        set_aside(uow.session, StockLedger(uow.session, ACTOR), world.shirt, world.warehouse_id, quantity, target, **kwargs)
        uow.commit()


def order_line(database: Database, world: World, quantity: int, number: str) -> int:
    add_order(database, world, [(world.shirt, quantity)], number=number)
    with database.unit_of_work() as uow:
        return uow.session.scalars(select(OrderLine.id).order_by(OrderLine.id.desc()).limit(1)).one()


def reserve(database: Database, world: World, quantity: int, number: str, **who) -> int:
    line = order_line(database, world, quantity, number)
    with database.unit_of_work() as uow:
        reservation = reserve_for_order(
            uow.session, StockLedger(uow.session, ACTOR), world.shirt, world.warehouse_id, quantity, order_line_id=line, **who
        )
        uow.commit()
        return reservation


def reserved(database: Database, world: World) -> int:
    with database.unit_of_work() as uow:
        return StockLedger(uow.session, ACTOR).totals(world.warehouse_id, world.shirt)[1]


def test_units_set_aside_for_a_channel_are_sold_only_there(database: Database, world: World) -> None:
    falabella = other_channel(database, world)
    aside(database, world, 3, SetAsideFor(channel_id=world.channel_id))
    with database.unit_of_work() as uow:
        assert available_to_sell(uow.session, world.shirt, falabella) == 7
        assert available_to_sell(uow.session, world.shirt, world.channel_id) == 10
        [listing] = channel_availability(uow.session, world.channel_id)
        assert listing.quantity == 10  # what Mercado Libre is told it may sell
    reserve(database, world, 9, "JLS-000001", channel_id=world.channel_id)  # 3 set aside + 6 free
    with database.unit_of_work() as uow:
        assert available_to_sell(uow.session, world.shirt, falabella) == 1
        assert list_set_asides(uow.session) == []


def test_a_wholesale_customer_gets_what_was_kept_for_them_and_nobody_else_does(database: Database, world: World) -> None:
    aside(database, world, 5, SetAsideFor(customer_rut=WHOLESALE_RUT))
    with pytest.raises(InsufficientStock, match="Only 5 of SKU POL-M-ROJ"):
        reserve(database, world, 6, "JLS-000001", customer_rut="12.345.678-5")
    assert reserved(database, world) == 5  # the refused order changed nothing
    reserve(database, world, 7, "JLS-000002", customer_rut="76086428-5")  # any spelling of the RUT
    assert reserved(database, world) == 7
    with database.unit_of_work() as uow:
        assert list_set_asides(uow.session) == []


def test_a_partial_draw_keeps_the_rest_aside_until_the_same_end(database: Database, world: World) -> None:
    ends = utcnow() + timedelta(days=2)
    aside(database, world, 6, SetAsideFor(segment="mayorista"), until=ends)
    reserve(database, world, 2, "JLS-000001", segment="MAYORISTA")
    with database.unit_of_work() as uow:
        [kept] = list_set_asides(uow.session)
        assert (kept.sku, kept.ref, kept.quantity) == ("POL-M-ROJ", "set-aside:segment:MAYORISTA", 4)
        assert abs(kept.expires_at - ends) < timedelta(seconds=5)
    assert reserved(database, world) == 6  # 4 still aside + 2 for the order


def test_setting_aside_more_than_is_free_is_refused_and_release_gives_units_back(database: Database, world: World) -> None:
    with pytest.raises(InsufficientStock, match="Only 10 of SKU POL-M-ROJ"):
        aside(database, world, 11, SetAsideFor(channel_id=world.channel_id))
    aside(database, world, 4, SetAsideFor(channel_id=world.channel_id))
    with database.unit_of_work() as uow:
        assert release_set_aside(uow.session, StockLedger(uow.session, ACTOR), world.shirt, world.warehouse_id, SetAsideFor(channel_id=world.channel_id)) == 4
        uow.commit()
    assert reserved(database, world) == 0
    with database.unit_of_work() as uow:
        statuses = set(uow.session.scalars(select(Reservation.status)))
    assert statuses == {ReservationStatus.RELEASED}


def test_a_set_aside_names_exactly_one_target_and_a_valid_rut(database: Database, world: World) -> None:
    with pytest.raises(SetAsideError, match="exactly one"):
        SetAsideFor(channel_id=world.channel_id, segment="VIP")
    with pytest.raises(SetAsideError, match="12.345.678-9"):
        aside(database, world, 1, SetAsideFor(customer_rut="12.345.678-9"))
    with pytest.raises(SetAsideError, match="in the past"):
        aside(database, world, 1, SetAsideFor(segment="VIP"), until=utcnow() - timedelta(minutes=1))
    assert reserved(database, world) == 0


def test_the_packing_bench_ships_a_customers_order_from_what_was_kept_for_them(database: Database, world: World) -> None:
    from shipping_sample import FixedCarrier, carrier_gateway, ship  # noqa: PLC0415 - the bench's test carrier

    aside(database, world, 10, SetAsideFor(customer_rut="12.345.678-5"))  # every unit, for María José
    carrier = FixedCarrier("quick", "Quick", "Q1")
    with carrier_gateway(carrier) as gateway:
        ship(database, world, gateway, carrier.rate, [(world.shirt, 2)])  # her order, reserved at the bench
    with database.unit_of_work() as uow:
        [kept] = list_set_asides(uow.session)
        assert kept.quantity == 8
        assert StockLedger(uow.session, ACTOR).totals(world.warehouse_id, world.shirt) == (8, 8)
