"""`station alerts` from the shell: thresholds, the low-stock list and reorder suggestions, as tables and JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

from sample_world import build_world

from station.db import Database
from station.db.base import utcnow
from station.services.stock import Actor, StockLedger


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, "alerts", *args],
        capture_output=True, text=True, timeout=120, env=os.environ,
    )


def test_threshold_low_stock_and_reorder(database: Database, database_url: str) -> None:
    world = build_world(database)
    two_days_ago = utcnow() - timedelta(days=2)
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor("cli"), clock=lambda: two_days_ago)
        ledger.receive(world.shirt, world.bin_a, 40)
        ledger.receive(world.mug, world.bin_b, 9)
        reservation = ledger.reserve(world.shirt, world.warehouse_id, 30)
        ledger.ship(reservation, world.bin_a, 30)  # 30 in 30 days: 1 a day, 10 left
        uow.commit()

    assert station(database_url, "low-stock").stdout.strip() == "No SKU is at or under its threshold."
    set_mug = station(database_url, "threshold", "taz-01", "9", "--warehouse", "SCL1")
    assert set_mug.returncode == 0, set_mug.stderr
    assert set_mug.stdout.strip() == "TAZ-01 in SCL1: low-stock threshold 9"
    assert station(database_url, "threshold", "POL-M-ROJ", "5").returncode == 0  # only one warehouse

    table = station(database_url, "low-stock")
    assert table.returncode == 0, table.stderr
    assert "TAZ-01" in table.stdout and "POL-M-ROJ" not in table.stdout
    low = json.loads(station(database_url, "low-stock", "--json").stdout)
    assert low == [{"tenant": "ACME", "sku": "TAZ-01", "name": "Taza", "warehouse": "SCL1", "on_hand": 9,
                    "reserved": 0, "available": 9, "threshold": 9}]

    reorder = json.loads(station(database_url, "reorder", "--lead-time", "7", "--cover", "30", "--json").stdout)
    assert [(r["sku"], r["velocity"], r["available"], r["days_of_cover"], r["quantity"], r["urgent"]) for r in reorder] == [
        ("POL-M-ROJ", 1.0, 10, 10.0, 27, False)
    ]
    around = {(moment + timedelta(days=10)).date().isoformat() for moment in (two_days_ago + timedelta(days=2), utcnow())}
    assert reorder[0]["stockout_date"] in around  # (either side of midnight)
    urgent = station(database_url, "reorder", "--lead-time", "12")
    assert urgent.returncode == 0 and "POL-M-ROJ" in urgent.stdout and "URGENT" in urgent.stdout


def test_bad_input_exits_non_zero_with_a_message(database: Database, database_url: str) -> None:
    build_world(database)
    typo = station(database_url, "threshold", "POL-M-RJO", "3")
    assert typo.returncode == 1 and "No SKU 'POL-M-RJO'" in typo.stderr and "POL-M-ROJ" in typo.stderr
    negative = station(database_url, "threshold", "POL-M-ROJ", "-1")
    assert negative.returncode == 1 and "≥ 0" in negative.stderr
    unknown = station(database_url, "threshold", "POL-M-ROJ", "3", "--warehouse", "XX")
    assert unknown.returncode == 1 and "no warehouse 'XX'" in unknown.stderr
    bad_cover = station(database_url, "reorder", "--cover", "0")
    assert bad_cover.returncode == 2 and "cover" in bad_cover.stderr
