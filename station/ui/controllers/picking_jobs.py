"""The Picking page's database work, each one transaction, run on the runner's "db" lane."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from station.db.engine import Database
from station.services.picking import AllocatedOrder, allocated_orders, build_picklist
from station.services.picking_queries import PicklistView, find_picklist, picklist_view, station_warehouse
from station.services.picking_scans import ScanOutcome, report_short, scan_bin, scan_item
from station.services.picking_stats import PickerScore, leaderboard
from station.services.picklist_pdf import PicklistTexts, picklist_pdf
from station.services.stock import Actor


@dataclass(frozen=True)
class OrdersLoaded:
    warehouse_id: int
    warehouse: str
    orders: list[AllocatedOrder]
    scores: list[PickerScore]


def load_orders(
    database: Database, warehouse_code: str, aisles: str, carrier: str, cutoff: datetime | None, since: datetime
) -> OrdersLoaded:
    with database.unit_of_work() as uow:
        warehouse_id, code = station_warehouse(uow.session, warehouse_code)
        orders = allocated_orders(uow.session, warehouse_id, aisles=aisles, carrier=carrier, cutoff=cutoff)
        return OrdersLoaded(warehouse_id, code, orders, leaderboard(uow.session, warehouse_id, since))


def scores(database: Database, warehouse_id: int, since: datetime) -> list[PickerScore]:
    with database.unit_of_work() as uow:
        return leaderboard(uow.session, warehouse_id, since)


def build(database: Database, warehouse_id: int, order_ids: list[int], actor: Actor) -> PicklistView:
    with database.unit_of_work() as uow:
        picklist_id = build_picklist(uow.session, warehouse_id, order_ids, actor)
        uow.commit()
        return picklist_view(uow.session, picklist_id)


def open_by_code(database: Database, code: str) -> PicklistView:
    with database.unit_of_work() as uow:
        return picklist_view(uow.session, find_picklist(uow.session, code).id)


@dataclass(frozen=True)
class Scanned:
    outcome: ScanOutcome
    view: PicklistView


def scan(database: Database, picklist_id: int, line_id: int | None, text: str, actor: Actor) -> Scanned:
    """A bin scan when no line is chosen (or the scan is another open bin of the list), else an item."""
    with database.unit_of_work() as uow:
        session = uow.session
        view = picklist_view(session, picklist_id)
        open_bins = {line.location.upper() for line in view.lines if not line.done}
        if line_id is None or text.strip().upper() in open_bins:
            outcome = scan_bin(session, picklist_id, text, actor)
        else:
            outcome = scan_item(session, picklist_id, line_id, text, actor)
        uow.commit()
        return Scanned(outcome, picklist_view(session, picklist_id))


def short(database: Database, picklist_id: int, line_id: int, found: int, actor: Actor) -> Scanned:
    with database.unit_of_work() as uow:
        outcome = report_short(uow.session, picklist_id, line_id, found, actor)
        uow.commit()
        return Scanned(outcome, picklist_view(uow.session, picklist_id))


def write_pdf(database: Database, picklist_id: int, folder: Path, texts: PicklistTexts) -> Path:
    with database.unit_of_work() as uow:
        view = picklist_view(uow.session, picklist_id)
        pdf = picklist_pdf(uow.session, picklist_id, texts)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{view.code}.pdf"
    path.write_bytes(pdf)
    return path
