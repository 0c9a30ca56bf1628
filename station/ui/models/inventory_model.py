"""The inventory table: SKU, name, client, on hand, reserved, available."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.services.inventory import StockRow
from station.ui.models.rows_model import Column, RowsTableModel


def _units(value: int) -> str:
    return QLocale().toString(value)  # 1.250 in es-CL, 1,250 in English


def inventory_columns() -> list[Column[StockRow]]:
    translate = QCoreApplication.translate
    return [
        Column(lambda: translate("InventoryTable", "SKU"), lambda r: r.sku, lambda r: r.sku),
        Column(lambda: translate("InventoryTable", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
        Column(lambda: translate("InventoryTable", "Client"), lambda r: r.client, lambda r: r.client),
        Column(
            lambda: translate("InventoryTable", "On hand"),
            lambda r: _units(r.on_hand),
            lambda r: r.on_hand,
            numeric=True,
        ),
        Column(
            lambda: translate("InventoryTable", "Reserved"),
            lambda r: _units(r.reserved),
            lambda r: r.reserved,
            numeric=True,
        ),
        Column(
            lambda: translate("InventoryTable", "Available"),
            lambda r: _units(r.available),
            lambda r: r.available,
            numeric=True,
        ),
    ]


class InventoryTableModel(RowsTableModel[StockRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(inventory_columns(), parent)
