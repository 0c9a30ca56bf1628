"""`station doctor`: a table of OK / problem lines, each problem with what to do."""

from __future__ import annotations

import argparse
import json

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.pluginhost import PluginHost
from station.services.health import Status, run_checks

MARKS = {Status.OK: "OK", Status.NOTE: "--", Status.PROBLEM: "!!"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("doctor", help="check the database, schema, plugins, devices and secrets")
    parser.add_argument("--json", action="store_true", help="print the checks as JSON")
    parser.set_defaults(handler=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    settings = load_settings()
    database = Database(resolve_database_url(args.database_url, settings))
    host = PluginHost()
    try:
        checks = run_checks(database, settings, host)
    finally:
        host.close()
        database.dispose()
    if args.json:
        print(json.dumps([check.as_dict() for check in checks], indent=2))
    else:
        width = max(len(check.name) for check in checks)
        for check in checks:
            print(f"{MARKS[check.status]}  {check.name:<{width}}  {check.detail}")
            if check.fix:
                print(f"    {'':<{width}}  → {check.fix}")
    problems = sum(check.status == Status.PROBLEM for check in checks)
    if not args.json:
        print("\nAll good." if problems == 0 else f"\n{problems} problem(s).")
    return 1 if problems else 0
