"""Tables of the "By location" tab: a SKU's places (or a bin's contents) and the SKU's warehouse totals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from station.services.location_queries import PlaceRow, WarehouseLevel
from station.ui.models.rows_model import (
    Column,
    RowsTableModel,
    expiry_column,
    optional_column,
    text_column,
    units_column,
)


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


def _stock_columns() -> list[Column[PlaceRow]]:
    """Lot, expiry, units and status: the right-hand columns of both views of a place."""
    return [
        optional_column(lambda: QCoreApplication.translate("LocationsTable", "Lot"), lambda r: r.lot),
        expiry_column(lambda: QCoreApplication.translate("LocationsTable", "Expires"), lambda r: r.expires_on),
        units_column(lambda: QCoreApplication.translate("LocationsTable", "On hand"), lambda r: r.on_hand),
        text_column(lambda: QCoreApplication.translate("LocationsTable", "Status"), status),
    ]


def sku_columns() -> list[Column[PlaceRow]]:
    """Where one SKU is: location by location, lot by lot."""
    return [
        text_column(lambda: QCoreApplication.translate("LocationsTable", "Warehouse"), lambda r: r.warehouse),
        text_column(lambda: QCoreApplication.translate("LocationsTable", "Location"), lambda r: r.location),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Kind"),
            lambda r: location_kind_title(r.location_kind),
            lambda r: r.location_kind,
        ),
        *_stock_columns(),
    ]


def bin_columns() -> list[Column[PlaceRow]]:
    """What one bin holds: SKU by SKU, lot by lot."""
    return [
        text_column(lambda: QCoreApplication.translate("LocationsTable", "SKU"), lambda r: r.sku),
        Column(
            lambda: QCoreApplication.translate("LocationsTable", "Name"), lambda r: r.name, lambda r: r.name.casefold()
        ),
        *_stock_columns(),
    ]


def level_columns() -> list[Column[WarehouseLevel]]:
    return [
        text_column(lambda: QCoreApplication.translate("LocationsTable", "Warehouse"), lambda r: r.warehouse),
        units_column(lambda: QCoreApplication.translate("LocationsTable", "On hand"), lambda r: r.on_hand),
        units_column(lambda: QCoreApplication.translate("LocationsTable", "Reserved"), lambda r: r.reserved),
        units_column(lambda: QCoreApplication.translate("LocationsTable", "Available"), lambda r: r.available),
        units_column(lambda: QCoreApplication.translate("LocationsTable", "Held"), lambda r: r.held),
    ]


class PlacesModel(RowsTableModel[PlaceRow]):
    def __init__(self, by_bin: bool, parent: QObject | None = None) -> None:
        super().__init__(bin_columns() if by_bin else sku_columns(), parent)


class LevelsModel(RowsTableModel[WarehouseLevel]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(level_columns(), parent)
