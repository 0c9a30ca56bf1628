"""Migrations: upgrade to head, no drift from the models, and twenty stations upgrading at once."""

from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from station.db import Base, Database
from station.db.migrate import current_revision, head_revision, upgrade


def test_upgrade_to_head_matches_the_models(database: Database) -> None:
    assert current_revision(database.engine) == head_revision()
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        drift = compare_metadata(context, Base.metadata)
    assert drift == [], f"models and migrations differ on {database.dialect}: {drift}"


def test_every_model_table_exists(database: Database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def station_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "station", *args], capture_output=True, text=True, timeout=300)


def test_db_current_reports_empty_then_head(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    empty = station_cli("--database-url", url, "db", "current")
    assert empty.returncode == 1
    assert "station db upgrade" in empty.stdout

    upgraded = station_cli("--database-url", url, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    current = station_cli("--database-url", url, "db", "current")
    assert current.returncode == 0
    assert f"{head_revision()} (head)" in current.stdout


def test_twenty_stations_upgrading_at_once_are_safe(postgres_databases) -> None:
    url = postgres_databases.create(migrated=False)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "station", "--database-url", url, "db", "upgrade"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(20)
    ]
    results = [(process.wait(timeout=300), process.stderr.read()) for process in processes]
    for process in processes:
        process.stdout.close()
        process.stderr.close()
    failures = [stderr for code, stderr in results if code != 0]
    assert failures == [], failures[0] if failures else ""
    database = Database(url)
    try:
        assert current_revision(database.engine) == head_revision()
        assert set(Base.metadata.tables) <= set(inspect(database.engine).get_table_names())
    finally:
        database.dispose()


def test_upgrade_twice_is_a_no_op(database_url: str) -> None:
    upgrade(database_url)
    database = Database(database_url)
    try:
        assert current_revision(database.engine) == head_revision()
    finally:
        database.dispose()
