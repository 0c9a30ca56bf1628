"""`station import KIND FILE` and `station export KIND FILE`: CSV/XLSX in and out, for scripts and IT.

Import exits 0 when the file went in (or, with --dry-run, would), 1 with the row report when any row
is wrong (nothing is written then), 2 when the file or the options cannot be used at all.
"""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from station.config import resolve_database_url
from station.db.engine import Database
from station.pluginhost import PluginHost
from station.services.exports import EXPORT_KINDS, ExportError, export_file
from station.services.imports import KINDS, ImportFileError, import_file
from station.services.stock import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    importer = subparsers.add_parser(
        "import",
        help="import products, variants, stock or locations from CSV/XLSX (all or nothing)",
        description="Check every row first; if any is wrong, print every problem and import nothing.",
    )
    importer.add_argument("kind", choices=sorted(KINDS))
    importer.add_argument("file", type=Path, help=".csv (UTF-8, ',' or ';') or .xlsx (first sheet)")
    importer.add_argument("--dry-run", action="store_true", help="check and report what would change; write nothing")
    importer.add_argument("--tenant", help="tenant code (needed when there are several)")
    importer.add_argument("--warehouse", help="warehouse code (needed when there are several)")
    importer.set_defaults(handler=run_import)

    exporter = subparsers.add_parser("export", help="export stock, moves (the ledger) or locations to CSV/XLSX")
    exporter.add_argument("kind", choices=EXPORT_KINDS)
    exporter.add_argument("file", type=Path, help="the format follows the extension: .csv or .xlsx")
    exporter.add_argument("--tenant", help="only this tenant's rows")
    exporter.add_argument("--warehouse", help="only this warehouse's rows")
    exporter.add_argument("--separator", choices=(",", ";"), default=",", help="CSV separator (';' for Excel in Chile)")
    exporter.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace) -> int:
    database = Database(resolve_database_url(args.database_url))
    try:
        result = import_file(
            database, args.kind, args.file, tenant=args.tenant, warehouse=args.warehouse, dry_run=args.dry_run,
            actor=Actor(station=socket.gethostname() or "cli"),
        )
    except ImportFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        database.dispose()
    print(result.report())
    if result.stock_changes:  # tell the plugins, as every other stock change does
        with PluginHost() as host:
            host.notify_stock_did_change(result.stock_changes)
    return 0 if result.ok else 1


def run_export(args: argparse.Namespace) -> int:
    database = Database(resolve_database_url(args.database_url))
    try:
        count = export_file(
            database, args.kind, args.file, tenant=args.tenant, warehouse=args.warehouse, separator=args.separator
        )
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        database.dispose()
    print(f"{args.file}: wrote {count} row(s) of {args.kind}")
    return 0
