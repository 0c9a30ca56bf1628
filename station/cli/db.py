"""`station db upgrade` and `station db current`."""

from __future__ import annotations

import argparse

from station.config import resolve_database_url
from station.db.engine import Database
from station.db.migrate import current_revision, head_revision, upgrade


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="create or upgrade the database schema")
    commands = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    commands.add_parser("upgrade", help="run the migrations up to the newest (safe with many stations at once)").set_defaults(
        handler=run_upgrade
    )
    commands.add_parser("current", help="show the schema revision of the database").set_defaults(handler=run_current)


def run_upgrade(args: argparse.Namespace) -> int:
    url = resolve_database_url(args.database_url)
    upgrade(url)
    database = Database(url)
    try:
        print(f"{database.info.label}: schema at {current_revision(database.engine)} (head)")
    finally:
        database.dispose()
    return 0


def run_current(args: argparse.Namespace) -> int:
    database = Database(resolve_database_url(args.database_url))
    try:
        current = current_revision(database.engine)
    finally:
        database.dispose()
    head = head_revision()
    if current is None:
        print(f"{database.info.label}: empty (no schema); run `station db upgrade`")
        return 1
    state = "head" if current == head else f"behind head {head}; run `station db upgrade`"
    print(f"{database.info.label}: {current} ({state})")
    return 0 if current == head else 1
