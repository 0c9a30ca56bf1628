"""Exports of stock on hand, the stock ledger and locations, as CSV or XLSX (chosen by extension).

The stock and locations exports use the same column names as the imports, so an exported file can be
edited and imported again.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from station.db import Database
from station.db.models import Location, Lot, StockMove, StockQuant, Tenant, User, Variant, Warehouse

EXPORT_KINDS = ("stock", "moves", "locations")
Cell = str | int | None

STOCK_HEADER = ("tenant", "warehouse", "sku", "location", "quantity", "lot", "expires_on")
MOVES_HEADER = (
    "id", "at", "kind", "tenant", "sku", "quantity", "from_location", "to_location", "lot", "reason",
    "reference", "note", "user", "station",
)
LOCATIONS_HEADER = ("warehouse", "code", "kind", "x", "y", "width", "height", "capacity", "active")


class ExportError(ValueError):
    """The export cannot be written as asked (unknown format, unknown tenant …)."""


def export_file(
    database: Database, kind: str, path: Path, *, tenant: str | None = None, warehouse: str | None = None,
    separator: str = ",",
) -> int:
    """Write `kind` to `path` (.csv or .xlsx); returns the number of data rows written."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ExportError(f"{path.name}: unknown file type {suffix or '(none)'}; use .csv or .xlsx")
    with database.unit_of_work() as uow:
        session = uow.session
        header, rows = _rows(session, kind, tenant, warehouse)
    if suffix == ".xlsx":
        write_xlsx(path, header, rows)
    else:
        write_csv(path, header, rows, separator=separator)
    return len(rows)


def _rows(session: Session, kind: str, tenant: str | None, warehouse: str | None) -> tuple[Sequence[str], list[list[Cell]]]:
    if kind == "stock":
        return STOCK_HEADER, [list(row) for row in session.execute(_filtered(_stock_query(), tenant, warehouse))]
    if kind == "moves":
        return MOVES_HEADER, _moves(session, tenant, warehouse)
    if kind == "locations":
        query = select(
            Warehouse.code, Location.code, Location.kind, Location.x, Location.y, Location.width, Location.height,
            Location.capacity, Location.active,
        ).join(Warehouse, Warehouse.id == Location.warehouse_id)
        if tenant:
            raise ExportError("locations belong to a warehouse, not a tenant; use --warehouse")
        if warehouse:
            query = query.where(Warehouse.code == warehouse)
        rows = [
            [wh, code, str(kind_), x, y, w, h, capacity, "true" if active else "false"]
            for wh, code, kind_, x, y, w, h, capacity, active in session.execute(query.order_by(Warehouse.code, Location.code))
        ]
        return LOCATIONS_HEADER, rows
    raise ExportError(f"unknown export {kind!r}; expected {', '.join(EXPORT_KINDS)}")


def _stock_query() -> Select:
    return (
        select(Tenant.code, Warehouse.code, Variant.sku, Location.code, StockQuant.on_hand, Lot.code, Lot.expires_on)
        .select_from(StockQuant)
        .join(Tenant, Tenant.id == StockQuant.tenant_id)
        .join(Variant, Variant.id == StockQuant.variant_id)
        .join(Location, Location.id == StockQuant.location_id)
        .join(Warehouse, Warehouse.id == Location.warehouse_id)
        .outerjoin(Lot, Lot.id == StockQuant.lot_id)
        .where(StockQuant.on_hand > 0)
        .order_by(Tenant.code, Warehouse.code, Variant.sku, Location.code, Lot.code)
    )


def _filtered(query: Select, tenant: str | None, warehouse: str | None) -> Select:
    if tenant:
        query = query.where(Tenant.code == tenant)
    if warehouse:
        query = query.where(Warehouse.code == warehouse)
    return query


def _moves(session: Session, tenant: str | None, warehouse: str | None) -> list[list[Cell]]:
    source, target = aliased(Location), aliased(Location)
    query = (
        select(
            StockMove.id, StockMove.at, StockMove.kind, Tenant.code, Variant.sku, StockMove.quantity, source.code,
            target.code, Lot.code, StockMove.reason, StockMove.reference, StockMove.note, User.login, StockMove.station,
        )
        .select_from(StockMove)
        .join(Tenant, Tenant.id == StockMove.tenant_id)
        .join(Variant, Variant.id == StockMove.variant_id)
        .outerjoin(source, source.id == StockMove.from_location_id)
        .outerjoin(target, target.id == StockMove.to_location_id)
        .outerjoin(Lot, Lot.id == StockMove.lot_id)
        .outerjoin(User, User.id == StockMove.user_id)
        .order_by(StockMove.at, StockMove.id)
    )
    if tenant:
        query = query.where(Tenant.code == tenant)
    if warehouse:
        in_warehouse = select(Location.id).join(Warehouse, Warehouse.id == Location.warehouse_id).where(
            Warehouse.code == warehouse
        )
        query = query.where(
            StockMove.from_location_id.in_(in_warehouse) | StockMove.to_location_id.in_(in_warehouse)
        )
    return [
        [id_, at.isoformat(timespec="seconds"), str(kind), *rest[:6], str(reason) if reason else "", *rest[7:]]
        for id_, at, kind, *rest in session.execute(query)
        for reason in [rest[6]]
    ]


def _text(value: object) -> Cell:
    if value is None or isinstance(value, int | str):
        return value
    return str(value)


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], *, separator: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else _text(value) for value in row])


def write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    import openpyxl  # noqa: PLC0415 - only when an XLSX file is written

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("export")
    sheet.append(list(header))
    for row in rows:
        sheet.append([_text(value) for value in row])
    workbook.save(path)
