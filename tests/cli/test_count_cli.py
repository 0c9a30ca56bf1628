"""`station count` from the shell: open a bin, record, finish, approve — and a typo is named."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sample_world import build_world

from station.db import Database
from station.services.stock import Actor, StockLedger


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, "count", *args],
        capture_output=True, text=True, timeout=120, env=os.environ,
    )


def test_count_a_bin_from_the_command_line(database: Database, database_url: str) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, Actor("cli")).receive(world.shirt, world.bin_a, 6)
        uow.commit()
    opened = station(database_url, "open", "A-01-A", "--json")
    assert opened.returncode == 0, opened.stderr
    (count_id, lines), = json.loads(opened.stdout)["sheets"].items()
    assert [(line["sku"], line["expected"]) for line in lines] == [("POL-M-ROJ", 6)]
    assert station(database_url, "record", count_id, "POL-M-ROJ", "5").returncode == 0
    finished = station(database_url, "finish", count_id)
    assert "A-01-A" in finished.stdout and "6 → 5" in finished.stdout and "(-1)" in finished.stdout
    approved = json.loads(station(database_url, "approve", count_id, "--json").stdout)
    assert approved == {"adjustments": 1, "accuracy": 0.0}
    with database.unit_of_work() as uow:
        assert StockLedger(uow.session, Actor("t")).totals(world.warehouse_id, world.shirt) == (5, 0)
    typo = station(database_url, "record", count_id, "POL-X", "1")
    assert typo.returncode == 1 and "Count #" in typo.stderr  # applied: no longer open
