"""The jobs a worker runs on a schedule. Each is one short transaction and safe to run on several
workers at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from station.db.engine import Database
from station.pluginhost import PluginHost
from station.services.stock import Actor, StockLedger

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[[Database, PluginHost, str], str]  # returns a one-line summary


def expire_reservations(database: Database, host: PluginHost, worker_name: str) -> str:
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor(station=worker_name))
        count = ledger.expire_reservations()
        uow.commit()
        changes = ledger.changes()
    if changes:
        host.notify_stock_did_change(changes)
    return f"{count} expired reservation(s) released"


JOBS = (Job("expire-reservations", 30.0, expire_reservations),)
