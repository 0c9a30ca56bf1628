"""The jobs a worker runs on a schedule. Each is one short transaction and safe to run on several
workers at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from station.config import load_settings, station_paths
from station.db.base import utcnow
from station.db.engine import Database
from station.pluginhost import PluginHost
from station.services.alert_mail import mail_alerts
from station.services.count_schedules import open_due_counts
from station.services.expiry import quarantine_expired
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


def quarantine_expired_lots(database: Database, host: PluginHost, worker_name: str) -> str:
    with database.unit_of_work() as uow:
        ledger_actor = Actor(station=worker_name)
        moved = quarantine_expired(uow.session, ledger_actor, today=utcnow().date())
        uow.commit()
    return f"{moved} expired unit(s) moved to quarantine"


def daily_alert_mail(database: Database, host: PluginHost, worker_name: str) -> str:
    """The stock-alert digest, at most once a day per recipient set; skipped while [smtp] is not set."""
    outcome = mail_alerts(database, load_settings(), station_paths(), today=date.today(), daily=True)
    return outcome.summary


def open_scheduled_counts(database: Database, host: PluginHost, worker_name: str) -> str:
    """Cycle-count schedules that came due get their counts opened (the schedule row is locked)."""
    with database.unit_of_work() as uow:
        opened = open_due_counts(uow.session, utcnow())
        uow.commit()
    return f"{sum(len(schedule.count_ids) for schedule in opened)} count(s) opened for {len(opened)} due schedule(s)"


JOBS = (
    Job("expire-reservations", 30.0, expire_reservations),
    Job("quarantine-expired-lots", 3600.0, quarantine_expired_lots),
    Job("alert-mail", 3600.0, daily_alert_mail),
    Job("open-due-counts", 900.0, open_scheduled_counts),
)
