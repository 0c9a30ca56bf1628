"""Tables of the "By location" tab: a SKU's places (or a bin's contents) and the SKU's warehouse totals."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.services.location_queries import PlaceRow, WarehouseLevel
from station.ui.models.rows_model import Column, RowsTableModel


def units(value: int) -> str:
    return QLocale().toString(value)  # 1.250 in es-CL, 1,250 in English


def _tr(text: str) -> str:
    return QCoreApplication.translate("LocationsTable", text)


def location_kind_title(kind: str) -> str:
    titles = {
        "storage": _tr("storage"),
        "pick_face": _tr("pick face"),
        "dock": _tr("dock"),
        "packing": _tr("packing"),
        "returns": _tr("returns"),
        "quarantine": _tr("quarantine"),
        "transit": _tr("transit"),
    }
    return titles.get(kind, kind)


def status(row: PlaceRow) -> str:
    """Why the units can or cannot be sold."""
    if row.expired:
        return _tr("expired")
    if not row.sellable:
        return _tr("held")
    return _tr("sellable")


def _expiry(day: date | None) -> str:
    return day.isoformat() if day else ""


def _lot(row: PlaceRow) -> str:
    return row.lot or "—"


def sku_columns() -> list[Column[PlaceRow]]:
    """Where one SKU is: location by location, lot by lot."""
    return [
        Column(lambda: _tr("Warehouse"), lambda r: r.warehouse, lambda r: r.warehouse),
        Column(lambda: _tr("Location"), lambda r: r.location, lambda r: r.location),
        Column(lambda: _tr("Kind"), lambda r: location_kind_title(r.location_kind), lambda r: r.location_kind),
        Column(lambda: _tr("Lot"), _lot, lambda r: r.lot or ""),
        Column(lambda: _tr("Expires"), lambda r: _expiry(r.expires_on), lambda r: r.expires_on or date.max),
        Column(lambda: _tr("On hand"), lambda r: units(r.on_hand), lambda r: r.on_hand, numeric=True),
        Column(lambda: _tr("Status"), status, status),
    ]


def bin_columns() -> list[Column[PlaceRow]]:
    """What one bin holds: SKU by SKU, lot by lot."""
    return [
        Column(lambda: _tr("SKU"), lambda r: r.sku, lambda r: r.sku),
        Column(lambda: _tr("Name"), lambda r: r.name, lambda r: r.name.casefold()),
        Column(lambda: _tr("Lot"), _lot, lambda r: r.lot or ""),
        Column(lambda: _tr("Expires"), lambda r: _expiry(r.expires_on), lambda r: r.expires_on or date.max),
        Column(lambda: _tr("On hand"), lambda r: units(r.on_hand), lambda r: r.on_hand, numeric=True),
        Column(lambda: _tr("Status"), status, status),
    ]


def level_columns() -> list[Column[WarehouseLevel]]:
    return [
        Column(lambda: _tr("Warehouse"), lambda r: r.warehouse, lambda r: r.warehouse),
        Column(lambda: _tr("On hand"), lambda r: units(r.on_hand), lambda r: r.on_hand, numeric=True),
        Column(lambda: _tr("Reserved"), lambda r: units(r.reserved), lambda r: r.reserved, numeric=True),
        Column(lambda: _tr("Available"), lambda r: units(r.available), lambda r: r.available, numeric=True),
        Column(lambda: _tr("Held"), lambda r: units(r.held), lambda r: r.held, numeric=True),
    ]


class PlacesModel(RowsTableModel[PlaceRow]):
    def __init__(self, by_bin: bool, parent: QObject | None = None) -> None:
        super().__init__(bin_columns() if by_bin else sku_columns(), parent)


class LevelsModel(RowsTableModel[WarehouseLevel]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(level_columns(), parent)
