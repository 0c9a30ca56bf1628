"""Alembic environment: runs inside the package, under a PostgreSQL advisory lock.

Twenty stations may start at once and all run `station db upgrade`; the advisory lock makes them
queue, and each one re-reads the current revision after it gets the lock, so only the first migrates.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from station.db.base import Base, UTCDateTime
from station.db.engine import create_station_engine

# The lock key: any fixed 64-bit number, shared by every station of a site.
MIGRATION_LOCK_KEY = 0x5354_4154_494F_4E  # "STATION"


def render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations are plain SQLAlchemy; UTCDateTime only converts values in Python.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_station_engine(context.config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


def _run(connection) -> None:
    postgres = connection.dialect.name == "postgresql"
    if postgres:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        connection.commit()  # the lock belongs to the session and outlives this transaction
    try:
        configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
    finally:
        if postgres:
            connection.rollback()
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run `station db upgrade`")
run_migrations_online()
