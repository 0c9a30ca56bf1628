"""`station worker`: runs the scheduled jobs until stopped; one per site or several for throughput."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable

from station.db.engine import Database
from station.pluginhost import PluginHost
from station.worker.jobs import JOBS, Job

log = logging.getLogger(__name__)


def run_jobs_once(database: Database, host: PluginHost, worker_name: str, jobs: Iterable[Job] = JOBS) -> list[str]:
    """Run every job once; a failing job is logged and reported, the others still run."""
    results = []
    for job in jobs:
        try:
            results.append(f"{job.name}: {job.run(database, host, worker_name)}")
        except Exception as exc:  # noqa: BLE001 - one job's failure must not stop the others
            log.exception("job %s failed", job.name)
            results.append(f"{job.name}: FAILED {type(exc).__name__}: {exc}")
    return results


def run_forever(
    database: Database, host: PluginHost, worker_name: str, stop: threading.Event, jobs: Iterable[Job] = JOBS
) -> None:
    """Run each job every `every_seconds` until `stop` is set."""
    jobs = tuple(jobs)
    next_run = {job.name: 0.0 for job in jobs}
    while not stop.is_set():
        now = time.monotonic()
        due = [job for job in jobs if next_run[job.name] <= now]
        for line in run_jobs_once(database, host, worker_name, due):
            log.info(line)
        for job in due:
            next_run[job.name] = now + job.every_seconds
        stop.wait(max(0.1, min(next_run.values()) - time.monotonic()))
