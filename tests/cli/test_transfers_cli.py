"""`station transfers` and `station move` from the shell: the lifecycle as text and JSON, typos named."""

from __future__ import annotations

import json

from sample_world import add_branch, build_world
from station_cli import run_station as station

from station.db import Database
from station.db.models import StockMove
from station.services.stock import Actor, StockLedger


def test_send_stock_to_another_warehouse_and_move_it_between_bins(database: Database, database_url: str) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        session = uow.session
        add_branch(session)
        StockLedger(session, Actor("cli")).receive(world.shirt, world.bin_a, 8)
        uow.commit()

    created = station(
        database_url, "transfers", "create", "--from", "SCL1", "--to", "CCP", "--line", "POL-M-ROJ", "5", "A-01-A",
        "--note", "Reposición", "--json",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["number"] == "TR-000001"
    assert station(database_url, "transfers", "dispatch", "TR-000001").returncode == 0
    partial = station(database_url, "transfers", "receive", "TR-000001", "--line", "POL-M-ROJ", "2", "--bin", "B-01-A")
    assert partial.returncode == 0, partial.stderr
    assert "in_transit" in partial.stdout and "5 unit(s), 2 arrived" in partial.stdout
    listed = station(database_url, "transfers", "list", "--status", "in_transit")
    assert "TR-000001" in listed.stdout and "SCL1" in listed.stdout and "CCP" in listed.stdout
    refused = station(database_url, "transfers", "cancel", "TR-000001")
    assert refused.returncode == 1 and "already on its way; receive it at CCP" in refused.stderr
    assert station(database_url, "transfers", "receive", "TR-000001").returncode == 0  # the rest, onto the dock
    shown = json.loads(station(database_url, "transfers", "show", "TR-000001", "--json").stdout)
    assert (shown["status"], shown["received"], shown["note"]) == ("received", 5, "Reposición")

    moved = station(database_url, "move", "POL-M-ROJ", "2", "A-01-A", "A-01-B")
    assert moved.returncode == 0, moved.stderr
    assert moved.stdout.strip() == "Moved 2 × POL-M-ROJ from A-01-A to A-01-B"
    typo = station(database_url, "move", "POL-M-ROJ", "1", "A-01-A", "A-09-Z")
    assert typo.returncode == 1 and "No bin A-09-Z in warehouse SCL1" in typo.stderr
    bad_line = station(
        database_url, "transfers", "create", "--from", "SCL1", "--to", "CCP", "--line", "POL-M-ROJ", "x", "A-01-A"
    )
    assert bad_line.returncode == 1 and "the quantity 'x' is not a whole number" in bad_line.stderr
    with database.unit_of_work() as uow:
        assert len(uow.session.query(StockMove).all()) == 5  # receipt, dispatch, two arrivals, the move
