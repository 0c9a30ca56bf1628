"""The tenants and warehouses an import or export can name, for the Inventory page's Import tab."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from station.db import Database
from station.db.models import Tenant, Warehouse


@dataclass(frozen=True)
class ImportScopes:
    tenants: list[str]  # codes, sorted
    warehouses: list[str]


def import_scopes(database: Database) -> ImportScopes:
    with database.unit_of_work() as uow:
        session = uow.session
        return ImportScopes(
            list(session.scalars(select(Tenant.code).order_by(Tenant.code))),
            list(session.scalars(select(Warehouse.code).order_by(Warehouse.code))),
        )
