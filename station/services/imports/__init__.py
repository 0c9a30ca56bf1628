"""Importing products, variants, stock and locations from CSV or XLSX, all or nothing.

Every row is checked first and every problem collected as (row, column, problem); if there is any,
nothing is written. Otherwise the whole file goes in as one transaction. Stock is added as receipts
through the `StockLedger`, so the ledger, the quants and the levels agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from station.api import StockChange
from station.db import Database
from station.services.imports import catalog, layout, stock
from station.services.imports.checks import Problem, check_columns
from station.services.imports.plan import Plan, Scope, resolve_tenant, resolve_warehouse
from station.services.imports.table import ImportFileError, Table, read_table
from station.services.stock import Actor, StockError

__all__ = ["KINDS", "ImportFileError", "ImportResult", "Problem", "import_file"]


@dataclass(frozen=True)
class Kind:
    columns: tuple[str, ...]
    required: tuple[str, ...]
    needs_tenant: bool
    needs_warehouse: bool
    plan: Callable[[Session, Table, Scope, list[Problem], Actor], Plan]


KINDS: dict[str, Kind] = {
    "products": Kind(
        catalog.PRODUCT_COLUMNS, catalog.PRODUCT_REQUIRED, True, False,
        lambda session, table, scope, problems, _actor: catalog.plan_products(session, table, scope, problems),
    ),
    "variants": Kind(
        catalog.VARIANT_COLUMNS, catalog.VARIANT_REQUIRED, True, False,
        lambda session, table, scope, problems, _actor: catalog.plan_variants(session, table, scope, problems),
    ),
    "stock": Kind(stock.STOCK_COLUMNS, stock.STOCK_REQUIRED, True, True, stock.plan_stock),
    "locations": Kind(
        stock.LOCATION_COLUMNS, stock.LOCATION_REQUIRED, False, True,
        lambda session, table, scope, problems, _actor: stock.plan_locations(session, table, scope, problems),
    ),
    # Bins and places with their rectangles; the walking network is derived from them (station.services.layout).
    "layout": Kind(
        layout.LAYOUT_COLUMNS, layout.LAYOUT_REQUIRED, False, True,
        lambda session, table, scope, problems, _actor: layout.plan_layout(session, table, scope, problems),
    ),
}


@dataclass(frozen=True)
class ImportResult:
    kind: str
    file: str
    rows: int
    problems: list[Problem] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    dry_run: bool = False
    stock_changes: list[StockChange] = field(default_factory=list)  # for `station_stock_did_change`

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self) -> str:
        if self.problems:
            lines = [f"{self.file}: {len(self.problems)} problem(s); nothing was imported"]
            lines += [f"  {problem}" for problem in self.problems]
            return "\n".join(lines)
        verb = "would" if self.dry_run else "done:"
        lines = [f"{self.file}: {self.rows} row(s) of {self.kind} are valid"]
        lines += [f"  {verb} {line}" for line in self.summary if not line.startswith("create 0 ")]
        if self.dry_run:
            lines.append("dry run: nothing was written")
        return "\n".join(lines)


def import_file(
    database: Database,
    kind: str,
    path: Path,
    *,
    tenant: str | None = None,
    warehouse: str | None = None,
    dry_run: bool = False,
    actor: Actor | None = None,
) -> ImportResult:
    """Check `path` and, if every row is right and it is not a dry run, import it in one transaction.

    Raises `ImportFileError` when the file as a whole cannot be used (unreadable, wrong tenant …).
    """
    spec = KINDS[kind]
    table = read_table(path)
    problems: list[Problem] = []
    check_columns(table, spec.columns, spec.required, problems)
    with database.unit_of_work() as uow:
        session = uow.session
        scope = Scope(
            resolve_tenant(session, tenant) if spec.needs_tenant else None,
            resolve_warehouse(session, warehouse) if spec.needs_warehouse else None,
        )
        plan = spec.plan(session, table, scope, problems, actor or Actor(station="import"))
        result = ImportResult(kind, path.name, len(table.rows), sorted(problems), plan.summary, dry_run)
        if problems or dry_run:
            uow.rollback()
            return result
        try:
            plan.apply(session)
            session.flush()
            uow.commit()
            changes = plan.stock_changes()
        except (IntegrityError, StockError) as exc:
            uow.rollback()
            raise ImportFileError(
                f"{path.name}: the database refused the import, nothing was written "
                f"(did another station change the same data just now?): {exc}"
            ) from exc
    return replace(result, stock_changes=changes)
