"""Shared fixtures: a fresh, migrated database per test, on SQLite and on PostgreSQL.

`scripts/test` starts a throw-away PostgreSQL and sets STATION_TEST_PG_URL (an admin URL). Each
test gets its own database, copied from a template migrated once per session (PostgreSQL's
CREATE DATABASE … TEMPLATE; a file copy for SQLite), so tests are isolated and still fast.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from station.db import Database
from station.db.migrate import upgrade

DIALECTS = ("sqlite", "postgresql")


@pytest.fixture(scope="session", autouse=True)
def isolated_station_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep every test, and every `station` subprocess it starts, out of the real user directories."""
    home = tmp_path_factory.mktemp("station-home")
    previous = os.environ.get("STATION_HOME")
    os.environ["STATION_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("STATION_HOME", None)
    else:
        os.environ["STATION_HOME"] = previous


def pg_admin_url() -> str | None:
    return os.environ.get("STATION_TEST_PG_URL")


def require_pg() -> str:
    url = pg_admin_url()
    if url:
        return url
    if os.environ.get("STATION_TEST_REQUIRE_PG"):
        pytest.fail("STATION_TEST_PG_URL is not set; run the suite with scripts/test")
    pytest.skip("PostgreSQL not available (run scripts/test to start one)")


def _admin_execute(admin_url: str, *statements: str) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


class PostgresDatabases:
    """Creates and drops per-test PostgreSQL databases on the test server."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.template: str | None = None
        self.created: list[str] = []

    def url_for(self, name: str) -> str:
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def create(self, *, migrated: bool = True) -> str:
        name = f"station_test_{uuid.uuid4().hex[:12]}"
        if migrated:
            if self.template is None:
                self.template = f"station_template_{uuid.uuid4().hex[:8]}"
                _admin_execute(self.admin_url, f'CREATE DATABASE "{self.template}"')
                upgrade(self.url_for(self.template))
            _admin_execute(self.admin_url, f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        else:
            _admin_execute(self.admin_url, f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return self.url_for(name)

    def drop_all(self) -> None:
        names = [*self.created, *([self.template] if self.template else [])]
        for name in names:
            _admin_execute(self.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    databases = PostgresDatabases(require_pg())
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(params=DIALECTS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a fresh database migrated to head, on each dialect in turn."""
    if request.param == "sqlite":
        path = tmp_path / "station.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    return request.getfixturevalue("postgres_databases").create()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    yield db
    db.dispose()


@pytest.fixture
def pg_database_url(postgres_databases: PostgresDatabases) -> str:
    """A fresh migrated PostgreSQL database (for tests about concurrency between processes)."""
    return postgres_databases.create()
