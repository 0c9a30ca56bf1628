"""The receiving tab's tables: the open purchase orders, and the lines of the order being received.

A line's colour tells its state at a glance: green complete, orange over (beyond what was ordered,
or not on the order at all), yellow short (some units scanned, some still open).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from station.services.receiving import ReceiptLine
from station.services.receiving_queries import OpenPurchaseOrder
from station.ui.models.rows_model import Column, RowsTableModel, text_column, units, units_column

COMPLETE, OVER, SHORT, WAITING = "complete", "over", "short", "waiting"
LINE_COLOURS = {COMPLETE: "#DCFCE7", OVER: "#FFEDD5", SHORT: "#FEF9C3"}
SKU, NAME, EXPECTED, RECEIVED, OPEN, FLAG = range(6)

_Index = QModelIndex | QPersistentModelIndex


def line_state(line: ReceiptLine) -> str:
    if line.total > line.ordered:
        return OVER
    if line.ordered and line.total == line.ordered:
        return COMPLETE
    return SHORT if line.received else WAITING


def line_flag(line: ReceiptLine) -> str:
    translate = QCoreApplication.translate
    state = line_state(line)
    if line.line_id is None and line.received:
        return translate("ReceivingLines", "not on the order (+%1)").replace("%1", units(line.received))
    if state == OVER:
        return translate("ReceivingLines", "over by %1").replace("%1", units(line.over))
    if state == COMPLETE:
        return translate("ReceivingLines", "complete")
    if state == SHORT:
        return translate("ReceivingLines", "short by %1").replace("%1", units(line.under))
    return ""


def receipt_columns() -> list[Column[ReceiptLine]]:
    translate = QCoreApplication.translate
    return [
        text_column(lambda: translate("ReceivingLines", "SKU"), lambda r: r.sku),
        Column(lambda: translate("ReceivingLines", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
        units_column(lambda: translate("ReceivingLines", "Expected"), lambda r: r.ordered),
        units_column(lambda: translate("ReceivingLines", "Received"), lambda r: r.total),
        units_column(lambda: translate("ReceivingLines", "Open"), lambda r: r.under),
        Column(lambda: translate("ReceivingLines", "Check"), line_flag, line_state),
    ]


class ReceiptLinesModel(RowsTableModel[ReceiptLine]):
    """The lines of the order on screen: `set_rows(session.lines)` again after every scan (its lines
    change in place, and a SKU mapped or created adds one)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(receipt_columns(), parent)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            colour = LINE_COLOURS.get(line_state(self._rows[index.row()]))
            return QBrush(QColor(colour)) if colour else None
        if index.isValid() and role == Qt.ItemDataRole.FontRole and index.column() == FLAG:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)

    def row_of(self, line: ReceiptLine) -> int:
        return next((number for number, row in enumerate(self._rows) if row is line), -1)


def order_columns() -> list[Column[OpenPurchaseOrder]]:
    translate = QCoreApplication.translate

    def expected(order: OpenPurchaseOrder) -> str:
        return QLocale().toString(order.expected_at.date(), QLocale.FormatType.ShortFormat) if order.expected_at else ""

    def status(order: OpenPurchaseOrder) -> str:
        if order.status == "partially_received":
            return translate("OpenPurchaseOrders", "partially received")
        return translate("OpenPurchaseOrders", "ordered")

    return [
        text_column(lambda: translate("OpenPurchaseOrders", "Order"), lambda r: r.number),
        text_column(lambda: translate("OpenPurchaseOrders", "Client"), lambda r: r.client),
        text_column(lambda: translate("OpenPurchaseOrders", "Supplier"), lambda r: r.supplier),
        Column(
            lambda: translate("OpenPurchaseOrders", "Expected"),
            expected,
            lambda r: r.expected_at.isoformat() if r.expected_at else "",
        ),
        units_column(lambda: translate("OpenPurchaseOrders", "Lines"), lambda r: r.lines),
        units_column(lambda: translate("OpenPurchaseOrders", "Units open"), lambda r: r.units_open),
        Column(lambda: translate("OpenPurchaseOrders", "Status"), status, lambda r: r.status),
    ]


class OpenOrdersModel(RowsTableModel[OpenPurchaseOrder]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(order_columns(), parent)
