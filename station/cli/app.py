"""`station app` (and `station` alone): open the station window."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("app", help="open the station window")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from station.ui.app import run_app  # Qt loads only when the window is wanted

    return run_app(args.database_url)
