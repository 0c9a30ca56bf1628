"""`station set-aside` from the shell: keep units for a channel and a wholesale customer, list, release."""

from __future__ import annotations

import subprocess

from sample_world import build_world
from station_cli import run_station

from station.db import Database
from station.services.stock import Actor, StockLedger


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_station(url, "set-aside", *args)


def test_set_aside_list_and_release(database: Database, database_url: str) -> None:
    world = build_world(database)
    with database.unit_of_work() as uow:
        StockLedger(uow.session, Actor("cli")).receive(world.shirt, world.bin_a, 10)
        uow.commit()

    kept = station(database_url, "add", "POL-M-ROJ", "3", "--channel", "MELI")
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.strip() == "3 × POL-M-ROJ set aside (channel)"
    assert station(database_url, "add", "POL-M-ROJ", "2", "--customer", "76.086.428-5").returncode == 0

    too_many = station(database_url, "add", "POL-M-ROJ", "6", "--segment", "VIP")
    assert too_many.returncode == 1
    assert "Only 5 of SKU POL-M-ROJ" in too_many.stderr
    unknown = station(database_url, "add", "POL-M-ROJ", "1", "--channel", "FALA")
    assert unknown.returncode == 1 and "no channel 'FALA' (channels: MELI)" in unknown.stderr

    listed = station(database_url, "list").stdout
    assert "channel:MELI" in listed and "customer:76086428-5" in listed and "VIP" not in listed

    released = station(database_url, "release", "POL-M-ROJ", "--channel", "MELI")
    assert released.stdout.strip() == "3 × POL-M-ROJ back to free stock"
    assert "channel:MELI" not in station(database_url, "list").stdout
