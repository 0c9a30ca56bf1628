"""The orders table: number, channel, customer, comuna, state, total (CLP as $9.990), placed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from station.domain.money import format_money
from station.services.orders import OrderRow
from station.ui.labels import format_local_time, order_state_label
from station.ui.models.rows_model import Column, RowsTableModel

ORDERS_PLACED_COLUMN = 6


def _channel(row: OrderRow) -> str:
    return row.channel or QCoreApplication.translate("OrdersTable", "Direct")


def order_columns() -> list[Column[OrderRow]]:
    translate = QCoreApplication.translate
    return [
        Column(lambda: translate("OrdersTable", "Order"), lambda r: r.number, lambda r: r.number),
        Column(lambda: translate("OrdersTable", "Channel"), _channel, lambda r: r.channel),
        Column(lambda: translate("OrdersTable", "Customer"), lambda r: r.customer, lambda r: r.customer.casefold()),
        Column(lambda: translate("OrdersTable", "Comuna"), lambda r: r.comuna, lambda r: r.comuna.casefold()),
        Column(
            lambda: translate("OrdersTable", "State"),
            lambda r: order_state_label(r.state),
            lambda r: order_state_label(r.state),
        ),
        Column(
            lambda: translate("OrdersTable", "Total"),
            lambda r: format_money(r.total, r.currency),
            lambda r: (r.currency, r.total),
            numeric=True,
        ),
        Column(
            lambda: translate("OrdersTable", "Placed"),
            lambda r: format_local_time(r.placed_at),
            lambda r: r.placed_at.isoformat(),
        ),
    ]


class OrdersTableModel(RowsTableModel[OrderRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(order_columns(), parent)
