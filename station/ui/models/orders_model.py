"""The orders table: number, channel, customer, comuna, state, total (CLP as $9.990), placed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from station.domain.money import format_money
from station.ui.jobs.orders import OrderRow
from station.ui.labels import format_local_time, order_state_label
from station.ui.models.rows_model import Column, RowsTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrdersTable", text)


def order_columns() -> list[Column[OrderRow]]:
    return [
        Column(lambda: _tr("Order"), lambda r: r.number, lambda r: r.number),
        Column(lambda: _tr("Channel"), lambda r: r.channel or _tr("Direct"), lambda r: r.channel),
        Column(lambda: _tr("Customer"), lambda r: r.customer, lambda r: r.customer.casefold()),
        Column(lambda: _tr("Comuna"), lambda r: r.comuna, lambda r: r.comuna.casefold()),
        Column(lambda: _tr("State"), lambda r: order_state_label(r.state), lambda r: order_state_label(r.state)),
        Column(lambda: _tr("Total"), lambda r: format_money(r.total, r.currency), lambda r: (r.currency, r.total), numeric=True),
        Column(lambda: _tr("Placed"), lambda r: format_local_time(r.placed_at), lambda r: r.placed_at.isoformat()),
    ]


class OrdersTableModel(RowsTableModel[OrderRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(order_columns(), parent)
