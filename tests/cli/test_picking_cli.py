"""`station pick` from the shell: build a batch, show it, print it, and the leaderboard; typos are named."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from picking_world import add_allocated_order, build_pick_world

from station.db import Database


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, "pick", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ,
    )


def test_build_show_print_and_leaderboard(database: Database, database_url: str, tmp_path) -> None:
    world = build_pick_world(database)
    add_allocated_order(database, world, "JLS-1", [("LAP-AZ", 2), ("CUA-A5", 1)])
    add_allocated_order(database, world, "JLS-2", [("TIJ-01", 1)])
    built = station(database_url, "build", "--next", "5", "--json")
    assert built.returncode == 0, built.stderr
    data = json.loads(built.stdout)
    assert data["code"] == "PL-000001" and [t[1] for t in data["totes"]] == ["JLS-1", "JLS-2"]
    assert data["route_cm"] <= data["s_shape_cm"]
    shown = station(database_url, "show", "pl-000001")
    assert shown.returncode == 0, shown.stderr
    assert "This route" in shown.stdout and "T1 = JLS-1" in shown.stdout and "A-03-A" in shown.stdout
    out = tmp_path / "pl.pdf"
    printed = station(database_url, "pdf", "PL-000001", str(out))
    assert printed.returncode == 0, printed.stderr
    assert out.read_bytes().startswith(b"%PDF")
    board = station(database_url, "leaderboard")
    assert board.returncode == 0 and "no picks" in board.stdout
    again = station(database_url, "build", "JLS-1")
    assert again.returncode == 1 and "JLS-1 is picking, not allocated" in again.stderr
    unknown = station(database_url, "show", "PL-9")
    assert unknown.returncode == 1 and "No pick list 'PL-9'" in unknown.stderr
