"""The Counts tab's work on the database lane: plain functions, one unit of work each, plain data back."""

from __future__ import annotations

from dataclasses import dataclass

from station.db.engine import Database
from station.services import count_scans
from station.services.auth import Role
from station.services.count_scans import Approved, Batch, BinSheet, ItemCounted, VarianceRow, WarehouseRef
from station.services.count_schedules import AccuracyHistory, accuracy_history
from station.services.counts import CountError
from station.services.stock import Actor

HISTORY_DAYS = 84  # twelve weeks


@dataclass(frozen=True)
class Loaded:
    warehouse: WarehouseRef
    open_ids: list[int]  # counts still being counted
    counted_ids: list[int]  # counts finished, waiting for approval
    variances: list[VarianceRow]  # of the counted ones
    due: int  # schedules due now


@dataclass(frozen=True)
class Refusal:
    """Why a scan counted nothing: kind "unknown" (no bin, SKU or barcode), "no_count" (a bin with
    no open count), "no_bin" (an item before any bin), or "refused" (the service's message)."""

    kind: str
    code: str
    text: str = ""


@dataclass(frozen=True)
class ApprovedWithHistory:
    approved: Approved
    history: AccuracyHistory


def load(database: Database, warehouse_code: str) -> Loaded:
    with database.unit_of_work() as uow:
        session = uow.session
        warehouse = count_scans.station_warehouse(session, warehouse_code)
        batch = count_scans.open_batch(session, warehouse.id)
        variances = count_scans.batch_variances(session, batch.count_ids)
        counted = count_scans.counted_ids(session, batch.count_ids)
        due = count_scans.due_in(session, warehouse.id)
        return Loaded(warehouse, [i for i in batch.count_ids if i not in counted], counted, variances, due)


def open_zone(database: Database, warehouse_id: int, prefix: str, blind: bool) -> Batch:
    with database.unit_of_work() as uow:
        batch = count_scans.open_zone(uow.session, warehouse_id, prefix, blind=blind)
        uow.commit()
        return batch


def run_due(database: Database) -> Batch:
    with database.unit_of_work() as uow:
        batch = count_scans.run_due(uow.session)
        uow.commit()
        return batch


def scan(
    database: Database,
    warehouse_id: int,
    count_id: int | None,
    code: str,
    quantity: int | None = None,
    lot: str | None = None,
) -> BinSheet | ItemCounted | Refusal:
    """A bin's code opens its sheet; anything else is an item of the current bin (+1, or `quantity`)."""
    with database.unit_of_work() as uow:
        session = uow.session
        try:
            if quantity is None and count_scans.is_bin(session, warehouse_id, code):
                return count_scans.bin_sheet(session, warehouse_id, code)
            if count_id is None:
                return Refusal("no_bin", code)
            counted = count_scans.count_item(session, count_id, code, quantity=quantity, lot=lot)
        except count_scans.UnknownItem:
            return Refusal("unknown", code)
        except count_scans.NoOpenCount as exc:
            return Refusal("no_count", exc.location)
        except CountError as exc:
            return Refusal("refused", code, str(exc))
        uow.commit()
        return counted


def finish(database: Database, count_ids: list[int], user_id: int | None) -> list[VarianceRow]:
    with database.unit_of_work() as uow:
        variances = count_scans.finish_batch(uow.session, count_ids, user_id)
        uow.commit()
        return variances


def approve(
    database: Database, count_ids: list[int], actor: Actor, role: Role, warehouse_id: int
) -> ApprovedWithHistory:
    """Every adjustment in one transaction; then the accuracy history with this count in it."""
    with database.unit_of_work() as uow:
        approved = count_scans.approve_batch(uow.session, count_ids, actor, role)
        uow.commit()
    with database.unit_of_work() as uow:
        return ApprovedWithHistory(approved, accuracy_history(uow.session, warehouse_id, days=HISTORY_DAYS))
