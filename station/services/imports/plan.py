"""What an import will do once every row checked out, and the tenant/warehouse it works for."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from station.api import StockChange
from station.db.models import Tenant, Warehouse
from station.services.imports.checks import RowCheck
from station.services.imports.table import ImportFileError

Model = TypeVar("Model", Tenant, Warehouse)
CHUNK = 500  # values per IN (...), well under SQLite's limit on parameters


def in_chunks(session: Session, make_query: Callable[[list[str] | list[int]], Select], values: Collection) -> Iterator:
    """Rows of `make_query(chunk)` for every chunk of `values`, so a 50,000-row file needs no huge IN list."""
    ordered = sorted(set(values))
    for start in range(0, len(ordered), CHUNK):
        yield from session.execute(make_query(ordered[start : start + CHUNK]))


def no_changes() -> list[StockChange]:
    return []


@dataclass(frozen=True)
class Plan:
    summary: list[str]  # what would change, for the report and --dry-run
    apply: Callable[[Session], None]
    # After the commit: the SKU totals the import changed, for `station_stock_did_change`.
    stock_changes: Callable[[], list[StockChange]] = no_changes


@dataclass(frozen=True)
class Scope:
    tenant: Tenant | None
    warehouse: Warehouse | None

    def need_tenant(self) -> Tenant:
        assert self.tenant is not None, "this kind of import needs a tenant"
        return self.tenant

    def need_warehouse(self) -> Warehouse:
        assert self.warehouse is not None, "this kind of import needs a warehouse"
        return self.warehouse

    def check_tenant_cell(self, check: RowCheck) -> None:
        """An optional `tenant` column (as exports write it) must name the tenant being imported for."""
        value = check.row.get("tenant")
        if value and self.tenant is not None and value.upper() != self.tenant.code.upper():
            check.problem("tenant", f"row is for tenant {value}, but this import is for {self.tenant.code}")

    def check_warehouse_cell(self, check: RowCheck) -> None:
        value = check.row.get("warehouse")
        if value and self.warehouse is not None and value.upper() != self.warehouse.code.upper():
            check.problem("warehouse", f"row is for warehouse {value}, but this import is for {self.warehouse.code}")


def resolve_tenant(session: Session, code: str | None) -> Tenant:
    return _resolve(session, Tenant, code, "tenant", "--tenant")


def resolve_warehouse(session: Session, code: str | None) -> Warehouse:
    return _resolve(session, Warehouse, code, "warehouse", "--warehouse")


def _resolve(session: Session, model: type[Model], code: str | None, what: str, option: str) -> Model:
    if code:
        found = session.scalars(select(model).where(model.code == code)).one_or_none()
        if found is None:
            known = ", ".join(session.scalars(select(model.code).order_by(model.code))) or "none"
            raise ImportFileError(f"unknown {what} {code!r} (known: {known})")
        return found
    candidates = list(session.scalars(select(model).order_by(model.code).limit(2)))
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise ImportFileError(f"there is no {what} in the database yet")
    raise ImportFileError(f"there are several {what}s; say which with {option} CODE")
