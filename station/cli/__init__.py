"""The `station` command line.

Each sub-command lives in its own module with a `register(subparsers)` function that adds its
parser and sets `handler=<callable(args) -> int>`; `main` dispatches to it. `station` with no
arguments opens the app.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from station import __version__

# Sub-command modules, in the order `station --help` lists them.
COMMAND_MODULES = (
    "station.cli.db",
    "station.cli.plugins",
    "station.cli.plugin_kit",
    "station.cli.doctor",
    "station.cli.printer",
    "station.cli.scale",
    "station.cli.demo",
    "station.cli.count",
    "station.cli.receive",
    "station.cli.stock",
    "station.cli.alerts",
    "station.cli.set_aside",
    "station.cli.trace",
    "station.cli.transfer",
    "station.cli.transfers",
    "station.cli.layout",
    "station.cli.slotting",
    "station.cli.picking",
    "station.cli.worker",
    "station.cli.setup",
    "station.cli.app",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="station", description="Just Logistics Station")
    parser.add_argument("--version", action="version", version=f"station {__version__}")
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL of the database (default: $STATION_DATABASE_URL, else the local SQLite file)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the main window, print STATION READY and exit 0 (the installers' check)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # command not built yet
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "app"])
    return int(args.handler(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
