"""`station receive` and `station labels locations` from the shell, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sample_world import build_world
from sqlalchemy import func, select

from station.db import Database
from station.db.models import (
    Barcode,
    Location,
    LocationKind,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    StockMove,
    Symbology,
)
from station.domain.gs1 import gs1_check_digit
from station.services.stock import Actor, StockLedger

EAN = "780000000001" + str(gs1_check_digit("780000000001"))
NEW_EAN = "780000000077" + str(gs1_check_digit("780000000077"))


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, *args],
        capture_output=True, text=True, timeout=120, env=os.environ,
    )


def test_receive_a_purchase_order_by_scans(database: Database, database_url: str) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        s = uow.session
        dock = Location(warehouse_id=world.warehouse_id, code="DOCK-01", kind=LocationKind.DOCK)
        order = PurchaseOrder(
            tenant_id=world.tenant_id, warehouse_id=world.warehouse_id, number="OC-7", supplier="Loza Penco",
            status=PurchaseOrderStatus.ORDERED,
        )
        s.add_all([dock, order, Barcode(tenant_id=world.tenant_id, variant_id=world.shirt, code=EAN, symbology=Symbology.EAN13)])
        s.flush()
        s.add_all(
            [
                PurchaseOrderLine(purchase_order_id=order.id, variant_id=world.shirt, quantity_ordered=2),
                PurchaseOrderLine(purchase_order_id=order.id, variant_id=world.mug, quantity_ordered=3),
            ]
        )
        uow.commit()
        dock_id = dock.id

    unknown = station(database_url, "receive", "OC-7", "--scan", EAN, "--scan", NEW_EAN)
    assert unknown.returncode == 2 and f"--map {NEW_EAN}=SKU" in unknown.stderr
    dry = station(database_url, "receive", "OC-7", "--scan", EAN, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["status"] == "dry-run"
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(StockMove)) == 0  # nothing booked yet

    done = station(
        database_url, "receive", "OC-7", "--map", f"{NEW_EAN}=TAZ-01",
        "--scan", EAN, "--scan", EAN, "--scan", NEW_EAN, "--scan", "TAZ-01", "--json",
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["status"], report["dock"]) == ("partially_received", "DOCK-01")
    assert report["discrepancies"] == [{"sku": "TAZ-01", "ordered": 3, "received": 2}]
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor("t"))
        assert ledger.totals(world.warehouse_id, world.shirt) == (2, 0)
        assert ledger.totals(world.warehouse_id, world.mug) == (2, 0)
        assert set(uow.session.scalars(select(StockMove.to_location_id))) == {dock_id}

    over = station(database_url, "receive", "OC-7", "--scan", "TAZ-01", "--scan", "TAZ-01")
    assert over.returncode == 1 and "TAZ-01: 4 would exceed the 3 ordered on OC-7" in over.stderr
    text = station(database_url, "receive", "OC-7", "--scan", "TAZ-01")
    assert text.returncode == 0, text.stderr
    assert "OC-7 → DOCK-01: received" in text.stdout
    missing = station(database_url, "receive", "OC-7", "--scan", "TAZ-01")
    assert missing.returncode == 1 and "OC-7 is received" in missing.stderr


def test_location_labels_to_zpl_and_pdf(database: Database, database_url: str, tmp_path: Path) -> None:
    build_world(database)
    out = tmp_path / "aisle-a.zpl"
    made = station(database_url, "labels", "locations", "A-", "--out", str(out))
    assert made.returncode == 0, made.stderr
    zpl = out.read_text()
    assert "^FDA-01-A^FS" in zpl and "^FDA-01-B^FS" in zpl and zpl.count("^BC") == 2
    pdf = tmp_path / "one.pdf"
    assert station(database_url, "labels", "locations", "A-01-A..A-01-A", "--out", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    wrong = station(database_url, "labels", "locations", "Z-", "--out", str(tmp_path / "z.zpl"))
    assert wrong.returncode == 1 and "No bins match 'Z-'" in wrong.stderr
