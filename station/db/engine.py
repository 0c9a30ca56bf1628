"""Engine factory, the `Database` handle and the unit of work.

One unit of work per user action: it rolls back unless told to commit (cosmicpython's pattern), so
an exception half-way through a stock change leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def normalize_url(url: str) -> str:
    """Make `postgresql://` URLs use psycopg 3, the driver the station ships."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def create_station_engine(url: str, **kwargs: Any) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy issue BEGIN itself (pysqlite's own is deferred and breaks locking).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # Take the write lock up front: a deferred transaction that later writes can fail with
        # "database is locked" instead of waiting, when two threads or processes share the file.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def upsert_insert(session: Session, target: Any) -> Any:
    """An INSERT with `on_conflict_do_nothing`/`_update`, which PostgreSQL and SQLite both support
    but SQLAlchemy offers only per dialect."""
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(target)


@dataclass(frozen=True)
class DatabaseInfo:
    dialect: str  # "sqlite" or "postgresql"
    location: str  # file path, or host:port/database

    @property
    def label(self) -> str:
        kind = "SQLite" if self.dialect == "sqlite" else "PostgreSQL"
        return f"{kind} {self.location}"


class Database:
    """The engine and session factory for one database URL."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = normalize_url(url)
        self.engine = create_station_engine(self.url, **engine_kwargs)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def info(self) -> DatabaseInfo:
        parsed = make_url(self.url)
        if self.dialect == "sqlite":
            return DatabaseInfo("sqlite", parsed.database or ":memory:")
        host = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
        return DatabaseInfo(self.dialect, f"{host}/{parsed.database}")

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory)

    def dispose(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    """A session for one user action; rolls back on exit unless `commit()` was called."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is not open; use it in a `with` block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._session_factory()
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._session is not None
        # Closing rolls back whatever was not committed; loaded objects stay readable, detached.
        self._session.close()
        self._session = None

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


@contextmanager
def open_database(url: str) -> Iterator[Database]:
    database = Database(url)
    try:
        yield database
    finally:
        database.dispose()
