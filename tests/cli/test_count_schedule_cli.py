"""`station count schedule add|list`, `count due`, `count accuracy` and the worker's open-due-counts job."""

from __future__ import annotations

import json

from sample_world import build_world
from sqlalchemy import select
from station_cli import run_station as station

from station.db import Database
from station.db.models import CycleCount
from station.services.stock import Actor, StockLedger


def test_schedule_a_zone_open_it_when_due_and_read_the_accuracy(database: Database, database_url: str) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, Actor("cli")).receive(world.shirt, world.bin_a, 6)
        uow.commit()
    added = station(
        database_url, "count", "schedule", "add", "Aisle A", "--zone", "a-01", "--every", "7", "--blind", "--json"
    )
    assert added.returncode == 0, added.stderr
    (schedule,) = json.loads(added.stdout)["schedules"]
    assert (schedule["location_prefix"], schedule["frequency_days"], schedule["blind"]) == ("A-01", 7, True)
    listed = station(database_url, "count", "schedule", "list")
    assert "Aisle A" in listed.stdout and "every 7 day(s)" in listed.stdout and "zone A-01" in listed.stdout
    assert "(blind)" in listed.stdout and "last opened never" in listed.stdout

    due = station(database_url, "count", "due")
    assert due.returncode == 0, due.stderr
    assert "Aisle A: 2 count(s) opened" in due.stdout
    again = station(database_url, "count", "due")
    assert "0 schedule(s) due" in again.stdout  # opened a moment ago, due again in 7 days
    with database.unit_of_work() as uow:
        counts = uow.session.scalars(select(CycleCount).order_by(CycleCount.id)).all()
        assert [(c.schedule_id, c.blind) for c in counts] == [(schedule["id"], True)] * 2
        first = counts[0].id

    assert station(database_url, "count", "record", str(first), "POL-M-ROJ", "5").returncode == 0
    assert station(database_url, "count", "finish", str(first)).returncode == 0
    assert station(database_url, "count", "approve", str(first)).returncode == 0
    history = json.loads(station(database_url, "count", "accuracy", "--days", "7", "--json").stdout)["history"]
    assert [(c["location"], c["lines"], c["lines_right"]) for c in history["counts"]] == [("A-01-A", 1, 0)]
    assert history["overall"]["unit_accuracy"] == round(5 / 6, 4)
    table = station(database_url, "count", "accuracy").stdout
    assert "0.0%" in table and "83.3%" in table


def test_schedule_mistakes_and_the_worker_job(database: Database, database_url: str) -> None:
    build_world(database)
    wrong = station(database_url, "count", "schedule", "add", "Fast", "--class", "D", "--every", "7")
    assert wrong.returncode == 1 and "ABC class 'D' is not A, B or C" in wrong.stderr
    never = station(database_url, "count", "schedule", "add", "Never", "--every", "0")
    assert never.returncode == 1 and "at least 1 day" in never.stderr
    elsewhere = station(database_url, "count", "schedule", "add", "X", "--every", "7", "--warehouse", "NOPE")
    assert elsewhere.returncode == 1 and "No warehouse 'NOPE'" in elsewhere.stderr
    assert station(database_url, "count", "schedule", "add", "Everything", "--every", "30").returncode == 0
    worker = station(database_url, "worker", "--once")
    assert worker.returncode == 0, worker.stderr
    assert "open-due-counts: 2 count(s) opened for 1 due schedule(s)" in worker.stdout
