"""`station demo --seed-only` as a new user runs it: a real subprocess on a fresh SQLite file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from station.cli import main
from station.db import Database
from station.db.migrate import upgrade
from station.db.models import Tenant
from station.services.demo import DEMO_TENANT_CODES


def station(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "STATION_HOME": str(tmp_path / "home")}
    environment.pop("STATION_KEYRING", None)  # the demo chooses its own secrets file
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def orders_in(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT number, state FROM orders ORDER BY number").fetchall()


def test_seed_only_fills_a_new_database_once_and_then_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "new" / "demo.db"  # the folder does not exist yet, nor the schema
    url = f"sqlite:///{path}"

    first = station(tmp_path, url, "demo", "--seed-only", "--seed", "3")
    assert first.returncode == 0, first.stdout + first.stderr
    out = first.stdout
    assert f"Seeding the demo into SQLite {path} (seed 3)" in out
    assert "Warehouses: SCL-1 2,016 bins, CCP 40 bins" in out
    assert "Clients: Moda Andina SpA, Sabores del Sur Ltda." in out
    assert "admin / 1234" in out and "packer1 / 1111" in out
    orders = orders_in(path)
    assert 180 <= len(orders) <= 220 and f"Orders: {len(orders)} (" in out

    again = station(tmp_path, url, "demo", "--seed-only", "--seed", "4")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "already seeded with the demo data; nothing was changed" in again.stdout
    assert "admin / 1234" in again.stdout  # still tells how to sign in
    assert orders_in(path) == orders


def test_a_database_holding_other_data_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    upgrade(url)
    database = Database(url)
    with database.unit_of_work() as uow:
        uow.session.add(Tenant(code="ACME", name="Acme SpA"))
        uow.commit()
    database.dispose()

    result = station(tmp_path, url, "demo", "--seed-only")
    assert result.returncode == 1
    assert "already holds data that is not the demo's" in result.stderr
    assert "Nothing was changed" in result.stderr
    with sqlite3.connect(tmp_path / "live.db") as connection:
        assert connection.execute("SELECT count(*) FROM locations").fetchone() == (0,)


def demo_database(tmp_path: Path) -> str:
    """A database that already holds the demo's clients (so `station demo` goes straight to the window)."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    upgrade(url)
    database = Database(url)
    with database.unit_of_work() as uow:
        uow.session.add_all([Tenant(code=code, name=code) for code in DEMO_TENANT_CODES])
        uow.commit()
    database.dispose()
    return url


def test_demo_opens_the_window_in_demo_mode_with_the_demo_secrets_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = demo_database(tmp_path)
    calls: list[tuple[str, bool, str | None]] = []

    def run_app(database_url: str, *, demo: bool = False) -> int:
        calls.append((database_url, demo, os.environ.get("STATION_KEYRING")))
        return 7

    monkeypatch.delenv("STATION_KEYRING", raising=False)
    monkeypatch.setitem(sys.modules, "station.ui.app", types.SimpleNamespace(run_app=run_app))
    assert main(["--database-url", url, "demo"]) == 7
    assert calls == [(url, True, "file")]
    assert "already seeded" in capsys.readouterr().out


def test_demo_says_so_when_the_window_is_not_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = demo_database(tmp_path)
    monkeypatch.setitem(sys.modules, "station.ui.app", None)  # importing it raises ImportError
    assert main(["--database-url", url, "demo"]) == 1
    assert "the app window is not built yet" in capsys.readouterr().err
