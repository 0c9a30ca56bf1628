"""`station demo [--seed-only] [--seed N]`: fill an empty database with the demo data, then open the
app in demo mode (sign-in hints, demo-only secrets file).

The demo uses its own SQLite file (`demo.db` in the data folder) unless `--database-url` names one."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime

from station.config import station_paths
from station.db.engine import Database
from station.db.migrate import upgrade


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="fill an empty database with demo data and open the app in demo mode",
        description=(
            "Seed a realistic Chilean demo (two clients, warehouse SCL-1 with ~2,000 bins, ~1,500 SKUs, "
            "four sales channels, ~200 orders) into an empty database, then open the station window. "
            "A database that already holds the demo is left as it is. Sign in as admin/1234 or packer1/1111."
        ),
    )
    parser.add_argument("--seed-only", action="store_true", help="seed the database and exit; do not open the window")
    parser.add_argument(
        "--seed", type=int, default=1, help="random seed: the same seed gives the same data (default 1)"
    )
    parser.add_argument(
        "--fixed-date",
        action="store_true",
        help="date the data around the seed's fixed day in 2025 instead of just before now "
        "(byte-for-byte the same data on every run)",
    )
    parser.add_argument(
        "--headless",
        action="store_true",
        help="no window: pack demo orders through the whole flow with simulated scans and print a line per order",
    )
    parser.add_argument("--orders", type=int, default=20, help="with --headless: how many orders to pack (default 20)")
    parser.add_argument(
        "--printer", default="", help="with --headless: label printer URL (tcp://HOST:9100 …); default: a labels folder"
    )
    parser.add_argument(
        "--scale", default="", help="with --headless: scale URL (socket://HOST:PORT …); default: a built-in simulator"
    )
    parser.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    os.environ.setdefault("STATION_KEYRING", "file")  # demo-only plain-file secrets (station.secrets)
    # Imported here: building the CLI parser must stay cheap.
    from station.services.demo import DEMO_USERS, database_contents, seed_demo

    # The demo keeps to its own file unless told otherwise, so it never touches a station's real data.
    url = args.database_url or f"sqlite:///{station_paths().ensure().data_dir / 'demo.db'}"
    upgrade(url)
    database = Database(url)
    try:
        label = database.info.label
        contents = database_contents(database)
        if contents == "other":
            print(
                f"{label} already holds data that is not the demo's; the demo only seeds an empty database.\n"
                "Nothing was changed. Choose another database with --database-url.",
                file=sys.stderr,
            )
            return 1
        if contents == "demo":
            print(f"{label} is already seeded with the demo data; nothing was changed.")
            print("Logins (user / PIN): " + ", ".join(f"{u.login} / {u.pin}" for u in DEMO_USERS))
        else:
            print(f"Seeding the demo into {label} (seed {args.seed}) ...", flush=True)
            started = time.perf_counter()
            summary = seed_demo(
                database,
                seed=args.seed,
                progress=lambda message: print(f"  {message}", flush=True),
                now=None if args.fixed_date else datetime.now(UTC),
            )
            print(f"Seeded in {time.perf_counter() - started:.1f} s (the demo's today: {summary.now:%Y-%m-%d}):")
            for line in summary.lines():
                print(f"  {line}")
    finally:
        database.dispose()
    if args.seed_only:
        return 0
    if args.headless:
        return _run_headless(url, args)
    try:
        from station.ui.app import run_app
    except ImportError as exc:
        print(f"The demo data is ready, but the app window is not built yet ({exc}).", file=sys.stderr)
        return 1
    return run_app(database_url=url, demo=True)


def _run_headless(url: str, args: argparse.Namespace) -> int:
    from station.config import load_settings  # noqa: PLC0415
    from station.pluginhost import PluginHost  # noqa: PLC0415
    from station.services.demo.headless import run_headless_demo  # noqa: PLC0415

    database = Database(url)
    try:
        with PluginHost() as host:
            packed = run_headless_demo(
                database,
                load_settings(),
                station_paths().ensure(),
                host,
                orders=args.orders,
                printer_url=args.printer,
                scale_url=args.scale,
                out=lambda line: print(line, flush=True),
            )
    finally:
        database.dispose()
    return 0 if packed else 1
