"""`station slotting` from the shell: ABC, suggestions, accept into a move task, do it, reject, typos named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

from sample_world import build_world

from station.db import Database
from station.db.base import utcnow
from station.db.models import Location, Warehouse
from station.domain.layout import Aisle, Layout, Place
from station.domain.stock import MoveKind
from station.services.stock import Actor, StockLedger

LAYOUT = Layout(aisles=(Aisle("A", 500),), cross_aisles=(1000, 3000), places=(Place("PACK-01", "packing", 500, 500),))


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, "slotting", *args],
        capture_output=True, text=True, timeout=120, env=os.environ,
    )  # fmt: skip


def test_suggest_accept_and_do_a_slotting_move_from_the_shell(database: Database, database_url: str) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        session = uow.session
        session.get(Warehouse, world.warehouse_id).layout = LAYOUT.to_json()
        near, far = session.get(Location, world.bin_a), session.get(Location, world.bin_b)
        near.aisle = far.aisle = "A"
        near.y, far.y = 1000, 2800  # A-01-A by the front cross-aisle, A-01-B at the back
        ledger = StockLedger(session, Actor("cli"), clock=lambda: utcnow() - timedelta(days=20))
        ledger.receive(world.shirt, world.bin_b, 30)
        for day in range(10):
            ledger.clock = lambda day=day: utcnow() - timedelta(days=day, hours=1)
            ledger.move(world.shirt, world.bin_b, world.bench, 1, kind=MoveKind.PICK, reference=f"JLS-{day}")
        uow.commit()

    abc = station(database_url, "abc", "--days", "10")
    assert abc.returncode == 0, abc.stderr
    assert "POL-M-ROJ" in abc.stdout and " A " in abc.stdout and "1.00" in abc.stdout

    suggested = station(database_url, "suggest", "--days", "10", "--json")
    assert suggested.returncode == 0, suggested.stderr
    (row,) = json.loads(suggested.stdout)
    assert (row["sku"], row["from_bin"], row["to_bin"]) == ("POL-M-ROJ", "A-01-B", "A-01-A")
    assert row["saved_cm_per_day"] == 2 * 1800  # one pick a day, 18 m nearer each way
    assert "No new suggestions" in station(database_url, "suggest", "--days", "10").stdout

    accepted = station(database_url, "accept", str(row["id"]))
    assert accepted.returncode == 0, accepted.stderr
    assert f"Suggestion {row['id']} accepted." in accepted.stdout and "A-01-B" in accepted.stdout
    again = station(database_url, "accept", str(row["id"]))
    assert again.returncode == 1 and f"Slotting suggestion #{row['id']} was already accepted" in again.stderr
    assert station(database_url, "reject", "999").stderr.strip() == "No slotting suggestion #999"

    (task,) = json.loads(station(database_url, "tasks", "--json").stdout)
    assert (task["sku"], task["quantity"], task["reason"]) == ("POL-M-ROJ", 20, "slotting")
    wrong = station(database_url, "do", str(task["id"]), "A-01-B", "QUA-01")
    assert wrong.returncode == 1 and f"Scanned QUA-01, but move task #{task['id']} moves to A-01-A" in wrong.stderr
    done = station(database_url, "do", str(task["id"]), "A-01-B", "A-01-A")
    assert done.stdout.strip() == f"Task {task['id']} done: moved 20 × POL-M-ROJ from A-01-B to A-01-A"
    assert station(database_url, "tasks").stdout.strip() == "No open move tasks."
    unknown = station(database_url, "abc", "--warehouse", "XX")
    assert unknown.returncode == 1 and "No warehouse 'XX' (warehouses: SCL1)" in unknown.stderr
