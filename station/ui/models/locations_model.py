"""Tables of the "By location" tab: a SKU's places (or a bin's contents) and the SKU's warehouse totals."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.services.location_queries import PlaceRow, WarehouseLevel
from station.ui.models.rows_model import Column, RowsTableModel


def units(value: int) -> str:
    return QLocale().toString(value)  # 1.250 in es-CL, 1,250 in English


def location_kind_title(kind: str) -> str:
    titles = {
        "storage": QCoreApplication.translate("LocationsTable", "storage"),
        "pick_face": QCoreApplication.translate("LocationsTable", "pick face"),
        "dock": QCoreApplication.translate("LocationsTable", "dock"),
        "packing": QCoreApplication.translate("LocationsTable", "packing"),
        "returns": QCoreApplication.translate("LocationsTable", "returns"),
        "quarantine": QCoreApplication.translate("LocationsTable", "quarantine"),
        "transit": QCoreApplication.translate("LocationsTable", "transit"),
    }
    return titles.get(kind, kind)


def status(row: PlaceRow) -> str:
    """Why the units can or cannot be sold."""
    if row.expired:
        return QCoreApplication.translate("LocationsTable", "expired")
    if not row.sellable:
        return QCoreApplication.translate("LocationsTable", "held")
    return QCoreApplication.translate("LocationsTable", "sellable")


def _expiry(day: date | None) -> str:
    return day.isoformat() if day else ""


def _lot(row: PlaceRow) -> str:
    return row.lot or "—"


def sku_columns() -> list[Column[PlaceRow]]:
    """Where one SKU is: location by location, lot by lot."""
    return [
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Warehouse"),
            lambda r: r.warehouse,
            lambda r: r.warehouse,
        ),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Location"), lambda r: r.location, lambda r: r.location
        ),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Kind"),
            lambda r: location_kind_title(r.location_kind),
            lambda r: r.location_kind,
        ),
        Column(lambda: QCoreApplication.translate("LocationsTable", "Lot"), _lot, lambda r: r.lot or ""),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Expires"),
            lambda r: _expiry(r.expires_on),
            lambda r: r.expires_on or date.max,
        ),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "On hand"),
            lambda r: units(r.on_hand),
            lambda r: r.on_hand,
            numeric=True,
        ),
        Column(lambda: QCoreApplication.translate("LocationsTable", "Status"), status, status),
    ]


def bin_columns() -> list[Column[PlaceRow]]:
    """What one bin holds: SKU by SKU, lot by lot."""
    return [
        Column(lambda: QCoreApplication.translate("LocationsTable", "SKU"), lambda r: r.sku, lambda r: r.sku),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Name"), lambda r: r.name, lambda r: r.name.casefold()
        ),
        Column(lambda: QCoreApplication.translate("LocationsTable", "Lot"), _lot, lambda r: r.lot or ""),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Expires"),
            lambda r: _expiry(r.expires_on),
            lambda r: r.expires_on or date.max,
        ),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "On hand"),
            lambda r: units(r.on_hand),
            lambda r: r.on_hand,
            numeric=True,
        ),
        Column(lambda: QCoreApplication.translate("LocationsTable", "Status"), status, status),
    ]


def level_columns() -> list[Column[WarehouseLevel]]:
    return [
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Warehouse"),
            lambda r: r.warehouse,
            lambda r: r.warehouse,
        ),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "On hand"),
            lambda r: units(r.on_hand),
            lambda r: r.on_hand,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Reserved"),
            lambda r: units(r.reserved),
            lambda r: r.reserved,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Available"),
            lambda r: units(r.available),
            lambda r: r.available,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Held"),
            lambda r: units(r.held),
            lambda r: r.held,
            numeric=True,
        ),
    ]


class PlacesModel(RowsTableModel[PlaceRow]):
    def __init__(self, by_bin: bool, parent: QObject | None = None) -> None:
        super().__init__(bin_columns() if by_bin else sku_columns(), parent)


class LevelsModel(RowsTableModel[WarehouseLevel]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(level_columns(), parent)
