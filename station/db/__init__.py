"""Storage: SQLAlchemy models, the engine and unit of work, and the Alembic migrations."""

from station.db import ledger_guard as _ledger_guard  # noqa: F401  (registers the append-only guard)
from station.db.base import Base
from station.db.engine import Database, DatabaseInfo, UnitOfWork, create_station_engine, normalize_url

__all__ = ["Base", "Database", "DatabaseInfo", "UnitOfWork", "create_station_engine", "normalize_url"]
