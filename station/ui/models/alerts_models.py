"""The four tables of the Alerts tab: low stock, reorder suggestions, lots expiring, lots expired or blocked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.services.expiry import ExpiringStock
from station.services.replenishment import LowStock, ReorderSuggestion
from station.services.stock_alerts import BlockedLot
from station.ui.models.rows_model import Column, RowsTableModel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def _units(value: int) -> str:
    return QLocale().toString(value)


def _decimal(value: float, decimals: int) -> str:
    return QLocale().toString(value, "f", decimals)


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "–"  # Chilean order, as on the labels


def _sku(column_source: str = "sku") -> Column:
    return Column(
        lambda: translate("AlertsTables", "SKU"),
        lambda r: getattr(r, column_source),
        lambda r: getattr(r, column_source),
    )


class LowStockModel(RowsTableModel[LowStock]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                _sku(),
                Column(lambda: translate("AlertsTables", "Warehouse"), lambda r: r.warehouse, lambda r: r.warehouse),
                Column(
                    lambda: translate("AlertsTables", "Free"),
                    lambda r: _units(r.available),
                    lambda r: r.available,
                    numeric=True,
                ),
                Column(
                    lambda: translate("AlertsTables", "Threshold"),
                    lambda r: _units(r.threshold),
                    lambda r: r.threshold,
                    numeric=True,
                ),
            ],
            parent,
        )


class ReorderModel(RowsTableModel[ReorderSuggestion]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: translate("AlertsTables", "SKU"),
                    lambda r: r.sku + (" ⚠" if r.urgent else ""),
                    lambda r: r.sku,
                ),
                Column(
                    lambda: translate("AlertsTables", "Per day"),
                    lambda r: _decimal(r.velocity, 2),
                    lambda r: r.velocity,
                    numeric=True,
                ),
                Column(
                    lambda: translate("AlertsTables", "Cover (days)"),
                    lambda r: "–" if r.days_of_cover is None else _decimal(r.days_of_cover, 1),
                    lambda r: float("inf") if r.days_of_cover is None else r.days_of_cover,
                    numeric=True,
                ),
                Column(
                    lambda: translate("AlertsTables", "Stockout"),
                    lambda r: _day(r.stockout_date),
                    lambda r: r.stockout_date or date.max,
                ),
                Column(
                    lambda: translate("AlertsTables", "Order"),
                    lambda r: _units(r.quantity),
                    lambda r: r.quantity,
                    numeric=True,
                ),
            ],
            parent,
        )


class ExpiringModel(RowsTableModel[ExpiringStock]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                _sku(),
                Column(lambda: translate("AlertsTables", "Lot"), lambda r: r.lot, lambda r: r.lot),
                Column(
                    lambda: translate("AlertsTables", "Expires"), lambda r: _day(r.expires_on), lambda r: r.expires_on
                ),
                Column(lambda: translate("AlertsTables", "Location"), lambda r: r.location, lambda r: r.location),
                Column(
                    lambda: translate("AlertsTables", "Units"),
                    lambda r: _units(r.on_hand),
                    lambda r: r.on_hand,
                    numeric=True,
                ),
            ],
            parent,
        )


class BlockedLotsModel(RowsTableModel[BlockedLot]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                _sku(),
                Column(lambda: translate("AlertsTables", "Lot"), lambda r: r.lot, lambda r: r.lot),
                Column(
                    lambda: translate("AlertsTables", "Expires"),
                    lambda r: _day(r.expires_on),
                    lambda r: r.expires_on or date.max,
                ),
                Column(lambda: translate("AlertsTables", "Location"), lambda r: r.location, lambda r: r.location),
                Column(
                    lambda: translate("AlertsTables", "Units"),
                    lambda r: _units(r.on_hand),
                    lambda r: r.on_hand,
                    numeric=True,
                ),
                Column(
                    lambda: translate("AlertsTables", "State"),
                    lambda r: (
                        translate("AlertsTables", "quarantined")
                        if r.quarantined
                        else translate("AlertsTables", "expired")
                    ),
                    lambda r: r.quarantined,
                ),
            ],
            parent,
        )
