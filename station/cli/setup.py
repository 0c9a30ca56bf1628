"""`station setup`: first-run setup without the dialog, for IT installing many benches.

Every option falls back to its environment variable (STATION_DATABASE_URL, STATION_NAME,
STATION_ADMIN_LOGIN, STATION_ADMIN_NAME, STATION_ADMIN_PIN, STATION_SCALE_URL, STATION_PRINTER_URL,
STATION_DISABLE_PLUGINS), then to a pre-seeded settings file. The PIN never goes on the command line:
`--pin-stdin` reads it from standard input.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from station.config import SettingsError, load_settings, station_paths
from station.services.database import url_without_password
from station.services.setup import SetupError, apply_setup, validate, values_from_environment


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "setup", help="set up a new station without the dialog (database, name, admin, devices, plugins)"
    )
    parser.add_argument("--database-url", default=argparse.SUPPRESS, help="PostgreSQL URL (default: the SQLite file)")
    parser.add_argument("--name", help="the station's name (default: $STATION_NAME, else the computer's name)")
    parser.add_argument("--admin", metavar="LOGIN", help="the administrator's login (default: $STATION_ADMIN_LOGIN)")
    parser.add_argument("--admin-name", help="the administrator's full name (default: the login)")
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the administrator's PIN from standard input (else $STATION_ADMIN_PIN)",
    )
    parser.add_argument(
        "--scale", metavar="URL", help="the scale's address, e.g. /dev/ttyUSB0, COM3 or socket://host:port"
    )
    parser.add_argument("--printer", metavar="URL", help="the label printer's address, e.g. tcp://10.0.0.30:9100")
    parser.add_argument("--disable-plugins", metavar="A,B", help="plugins this station never loads")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    paths = station_paths()
    try:
        seeded = load_settings(paths)
    except SettingsError as exc:
        print(f"station setup: {exc}", file=sys.stderr)
        return 2
    values = values_from_environment(settings=seeded)
    pin = sys.stdin.readline().strip() if args.pin_stdin else values.admin_pin
    values = replace(
        values,
        database_url=(args.database_url or values.database_url).strip(),
        station_name=(args.name or values.station_name).strip(),
        admin_login=(args.admin or values.admin_login).strip(),
        admin_name=(args.admin_name or values.admin_name).strip(),
        admin_pin=pin,
        scale_url=(args.scale if args.scale is not None else values.scale_url).strip(),
        printer_url=(args.printer if args.printer is not None else values.printer_url).strip(),
        disabled_plugins=(
            tuple(name.strip() for name in args.disable_plugins.split(",") if name.strip())
            if args.disable_plugins is not None
            else values.disabled_plugins
        ),
    )
    problems = validate(values)
    if problems:
        for problem in problems:
            print(f"station setup: {problem.field}: {problem}", file=sys.stderr)
        return 2

    def progress(done: int, steps: int, revision: str) -> None:
        if revision:
            print(f"migration {done + 1} of {steps} ({revision})", flush=True)

    try:
        result = apply_setup(values, paths, progress)
    except SetupError as exc:
        print(f"station setup: {exc.field}: {exc}", file=sys.stderr)
        return 1
    admin = "created" if result.admin_created else "already there (PIN confirmed)"
    print(f"station '{values.station_name}' set up on {result.database_label}")
    print(f"administrator '{values.admin_login}': {admin}")
    print(f"settings: {result.settings_file}")
    if values.database_url:
        print(f"database URL saved: {url_without_password(values.database_url)}")
    return 0
