"""The inventory table: SKU, name, client, on hand, reserved, available, in transit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from station.services.inventory import StockRow
from station.ui.models.rows_model import Column, RowsTableModel, text_column, units_column


def inventory_columns() -> list[Column[StockRow]]:
    translate = QCoreApplication.translate
    return [
        text_column(lambda: translate("InventoryTable", "SKU"), lambda r: r.sku),
        Column(lambda: translate("InventoryTable", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
        text_column(lambda: translate("InventoryTable", "Client"), lambda r: r.client),
        units_column(lambda: translate("InventoryTable", "On hand"), lambda r: r.on_hand),
        units_column(lambda: translate("InventoryTable", "Reserved"), lambda r: r.reserved),
        units_column(lambda: translate("InventoryTable", "Available"), lambda r: r.available),
        units_column(lambda: translate("InventoryTable", "In transit"), lambda r: r.in_transit),
    ]


class InventoryTableModel(RowsTableModel[StockRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(inventory_columns(), parent)
