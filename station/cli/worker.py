"""`station worker [--once]`: the headless process that runs queues and schedules."""

from __future__ import annotations

import argparse
import signal
import threading

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.logs import setup_logging
from station.pluginhost import PluginHost
from station.worker.runner import run_forever, run_jobs_once


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("worker", help="run background jobs (reservation expiry, …) until stopped")
    parser.add_argument("--once", action="store_true", help="run every job once, print what it did, and exit")
    parser.set_defaults(handler=run_worker)


def run_worker(args: argparse.Namespace) -> int:
    setup_logging()
    settings = load_settings()
    database = Database(resolve_database_url(args.database_url, settings))
    host = PluginHost()
    worker_name = f"{settings.station_name}/worker"
    try:
        if args.once:
            results = run_jobs_once(database, host, worker_name)
            print("\n".join(results))
            return 1 if any("FAILED" in line for line in results) else 0
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        print(f"worker {worker_name} running on {database.info.label}; Ctrl+C to stop")
        run_forever(database, host, worker_name, stop)
        return 0
    finally:
        host.close()
        database.dispose()
