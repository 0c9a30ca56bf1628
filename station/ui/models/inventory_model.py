"""The inventory table: client, SKU, name, on hand, reserved, available."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.ui.jobs.inventory import StockRow
from station.ui.models.rows_model import Column, RowsTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("InventoryTable", text)


def _units(value: int) -> str:
    return QLocale().toString(value)  # 1.250 in es-CL, 1,250 in English


def inventory_columns() -> list[Column[StockRow]]:
    return [
        Column(lambda: _tr("SKU"), lambda r: r.sku, lambda r: r.sku),
        Column(lambda: _tr("Name"), lambda r: r.name, lambda r: r.name.casefold()),
        Column(lambda: _tr("Client"), lambda r: r.client, lambda r: r.client),
        Column(lambda: _tr("On hand"), lambda r: _units(r.on_hand), lambda r: r.on_hand, numeric=True),
        Column(lambda: _tr("Reserved"), lambda r: _units(r.reserved), lambda r: r.reserved, numeric=True),
        Column(lambda: _tr("Available"), lambda r: _units(r.available), lambda r: r.available, numeric=True),
    ]


class InventoryTableModel(RowsTableModel[StockRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(inventory_columns(), parent)
