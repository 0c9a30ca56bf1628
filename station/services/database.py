"""Opening the database at start: connect, then run the migrations up to head.

Migrations take a PostgreSQL advisory lock (see `station.db.migrations.env`), so twenty stations
starting at once are safe; the others wait for the first and then find nothing to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import make_url

from station.db.engine import Database, normalize_url
from station.db.migrate import upgrade


@dataclass(frozen=True)
class DatabaseStatus:
    """The outcome of opening the database: `problem` is None when it is ready."""

    shown_url: str  # the URL without its password
    label: str = ""  # Database.info.label, e.g. "PostgreSQL db1:5432/station"
    problem: str | None = None


def url_without_password(url: str) -> str:
    """The URL as people may see it: the password, if any, replaced by ***."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL too broken to parse is shown from the '@' on
        return url.rsplit("@", 1)[-1]


def open_database(database: Database) -> DatabaseStatus:
    """Connect and upgrade the schema; the status says what went wrong, if anything."""
    shown = url_without_password(database.url)
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        upgrade(database.url)
    except Exception as exc:  # noqa: BLE001 - driver errors vary; their first line says enough
        message = str(getattr(exc, "orig", None) or exc).strip()
        return DatabaseStatus(shown, problem=message.splitlines()[0] if message else type(exc).__name__)
    return DatabaseStatus(shown, label=database.info.label)
