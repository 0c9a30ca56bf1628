"""`station trace lot|serial|order` from the shell, after a real receipt and a real shipment."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest
from sample_world import World, build_world
from shipping_sample import FixedCarrier, carrier_gateway, ship
from station_cli import run_station

from station.db import Database
from station.db.models import Lot, SerialNumber
from station.services.dispatch import ParcelPlan
from station.services.stock import Actor, StockLedger

CARRIER = FixedCarrier("clitrace", "CLI Trace", "CT1", price=2990)
PARCEL = ParcelPlan("CAJA-S", 250, 200, 100, 770, 750)


@pytest.fixture
def shipped(database: Database) -> World:
    """Lot L-77 of the shirt and serial SN-42 of the mug received, then order JLS-000001 shipped with both."""
    world = build_world(database)
    with database.unit_of_work() as uow:
        s = uow.session
        lot = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-77", expires_on=date(2027, 3, 1))
        s.add_all([lot, SerialNumber(tenant_id=world.tenant_id, variant_id=world.mug, serial="SN-42", location_id=world.bin_b)])
        s.flush()
        ledger = StockLedger(s, Actor("dock-1"))
        ledger.receive(world.shirt, world.bin_a, 4, lot_id=lot.id, reference="OC-9")
        ledger.receive(world.mug, world.bin_b, 1, reference="OC-9")
        uow.commit()
    with carrier_gateway(CARRIER) as gateway:
        lines = [(world.shirt, 2), (world.mug, 1)]
        ship(database, world, gateway, CARRIER.rate, lines, serials={world.mug: ["SN-42"]}, parcel=PARCEL)
    return world


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_station(url, "trace", *args)


def test_trace_lot_serial_and_order(shipped: World, database_url: str) -> None:
    lot = station(database_url, "lot", "POL-M-ROJ", "L-77", "--json")
    assert lot.returncode == 0, lot.stderr
    data = json.loads(lot.stdout)
    assert [m["kind"] for m in data["moves"]] == ["receipt", "pick", "ship"]
    assert data["moves"][-1]["order"] == "JLS-000001" and data["moves"][-1]["customer"] == "María José Pérez"
    assert (data["received"], data["shipped"], data["on_hand"]) == (4, 2, 2)
    assert data["orders"][0]["order"] == "JLS-000001" and data["orders"][0]["tracking_number"] == "CT1"
    text = station(database_url, "lot", "POL-M-ROJ", "L-77")
    assert text.returncode == 0 and "receipt" in text.stdout and "JLS-000001" in text.stdout and "OC-9" in text.stdout

    serial = station(database_url, "serial", "SN-42", "--json")
    assert serial.returncode == 0, serial.stderr
    data = json.loads(serial.stdout)
    assert (data["order"], data["location"]) == ("JLS-000001", None)
    assert [m["kind"] for m in data["moves"]] == ["receipt", "pick", "ship"]
    assert "left in order JLS-000001" in station(database_url, "serial", "SN-42").stdout

    order = station(database_url, "order", "JLS-000001", "--json")
    assert order.returncode == 0, order.stderr
    data = json.loads(order.stdout)
    assert sorted((x["sku"], x["lot"], x["quantity"]) for x in data["lots"]) == [("POL-M-ROJ", "L-77", 2), ("TAZ-01", None, 1)]
    assert data["serials"] == [{"sku": "TAZ-01", "serial": "SN-42"}]
    assert set(data) >= {"order", "state", "customer", "shipments", "lots", "serials", "moves"}
    text = station(database_url, "order", "JLS-000001")
    assert "L-77" in text.stdout and "SN-42" in text.stdout


def test_unknown_lot_serial_and_order_exit_1(shipped: World, database_url: str) -> None:
    for args, message in (
        (("lot", "POL-M-ROJ", "L-1"), "No lot 'L-1' of SKU 'POL-M-ROJ'"),
        (("lot", "POL-X", "L-77"), "No SKU 'POL-X'"),
        (("serial", "SN-0"), "No serial number 'SN-0'"),
        (("order", "JLS-404", "--json"), "No order 'JLS-404'"),
    ):
        result = station(database_url, *args)
        assert result.returncode == 1 and message in result.stderr and result.stdout == "", args
