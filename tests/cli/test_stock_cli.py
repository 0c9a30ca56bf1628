"""`station stock show SKU` from the shell: a table, JSON, and a typo answered with exit 1 and a suggestion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

from sample_world import build_world

from station.db import Database
from station.db.models import Lot
from station.services.stock import Actor, StockLedger


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, "stock", *args],
        capture_output=True, text=True, timeout=120, env=os.environ,
    )


def test_stock_show_as_table_and_json(database: Database, database_url: str) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        lot = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-A", expires_on=date(2027, 1, 31))
        uow.session.add(lot)
        uow.session.flush()
        ledger = StockLedger(uow.session, Actor("cli"))
        ledger.receive(world.shirt, world.bin_a, 6, lot_id=lot.id)
        ledger.receive(world.shirt, world.quarantine, 2)
        ledger.reserve(world.shirt, world.warehouse_id, 4)
        uow.commit()

    table = station(database_url, "show", "POL-M-ROJ")
    assert table.returncode == 0, table.stderr
    assert "SCL1" in table.stdout and "A-01-A" in table.stdout and "L-A" in table.stdout and "2027-01-31" in table.stdout
    assert "QUA-01" in table.stdout and "quarantine" in table.stdout

    shown = station(database_url, "show", "pol-m-roj", "--json", "--tenant", "ACME")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert (data["tenant"], data["sku"]) == ("ACME", "POL-M-ROJ")
    assert data["totals"] == {"on_hand": 6, "reserved": 4, "available": 2, "not_sellable": 2}
    assert data["warehouses"] == [{"warehouse": "SCL1", "on_hand": 6, "reserved": 4, "available": 2, "not_sellable": 2}]
    assert [(q["location"], q["lot"], q["expires_on"], q["on_hand"], q["sellable"]) for q in data["quants"]] == [
        ("A-01-A", "L-A", "2027-01-31", 6, True),
        ("QUA-01", None, None, 2, False),
    ]


def test_unknown_sku_exits_1_with_suggestions(database: Database, database_url: str) -> None:
    build_world(database)
    typo = station(database_url, "show", "POL-M-RJO")
    assert typo.returncode == 1 and typo.stdout == ""
    assert "No SKU 'POL-M-RJO'" in typo.stderr and "POL-M-ROJ" in typo.stderr
