"""The four tables of the Alerts tab: low stock, reorder suggestions, lots expiring, lots expired or blocked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.services.expiry import ExpiringStock
from station.services.replenishment import LowStock, ReorderSuggestion
from station.services.stock_alerts import BlockedLot
from station.ui.models.rows_model import Column, RowsTableModel, expiry_column, text_column, units_column

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def _decimal(value: float, decimals: int) -> str:
    return QLocale().toString(value, "f", decimals)


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "–"  # Chilean order, as on the labels


def _sku() -> Column:
    return text_column(lambda: translate("AlertsTables", "SKU"), lambda r: r.sku)


def _lot_columns() -> list[Column]:
    """Lot, expiry, location and units: what the expiring and the blocked lists both show."""
    return [
        text_column(lambda: translate("AlertsTables", "Lot"), lambda r: r.lot),
        expiry_column(lambda: translate("AlertsTables", "Expires"), lambda r: r.expires_on, _day),
        text_column(lambda: translate("AlertsTables", "Location"), lambda r: r.location),
        units_column(lambda: translate("AlertsTables", "Units"), lambda r: r.on_hand),
    ]


class LowStockModel(RowsTableModel[LowStock]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                _sku(),
                text_column(lambda: translate("AlertsTables", "Warehouse"), lambda r: r.warehouse),
                units_column(lambda: translate("AlertsTables", "Free"), lambda r: r.available),
                units_column(lambda: translate("AlertsTables", "Threshold"), lambda r: r.threshold),
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
                expiry_column(lambda: translate("AlertsTables", "Stockout"), lambda r: r.stockout_date, _day),
                units_column(lambda: translate("AlertsTables", "Order"), lambda r: r.quantity),
            ],
            parent,
        )


class ExpiringModel(RowsTableModel[ExpiringStock]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([_sku(), *_lot_columns()], parent)


class BlockedLotsModel(RowsTableModel[BlockedLot]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                _sku(),
                *_lot_columns(),
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
