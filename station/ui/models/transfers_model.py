"""The transfers table: number, client, from, to, status, units sent and arrived, when created."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QCoreApplication, QObject

from station.services.transfers import TransferView
from station.ui.models.rows_model import Column, RowsTableModel, text_column, units_column


def status_text(status: str) -> str:
    translate = QCoreApplication.translate
    return {
        "draft": translate("TransfersTable", "Draft"),
        "in_transit": translate("TransfersTable", "In transit"),
        "received": translate("TransfersTable", "Received"),
        "cancelled": translate("TransfersTable", "Cancelled"),
    }.get(status, status)


def _when(row: TransferView) -> str:
    """When it was created, in this computer's time zone (stored in UTC)."""
    if row.created_at is None:
        return ""
    moment = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def transfer_columns() -> list[Column[TransferView]]:
    translate = QCoreApplication.translate
    return [
        text_column(lambda: translate("TransfersTable", "Number"), lambda r: r.number),
        text_column(lambda: translate("TransfersTable", "Client"), lambda r: r.client),
        text_column(lambda: translate("TransfersTable", "From"), lambda r: r.from_warehouse),
        text_column(lambda: translate("TransfersTable", "To"), lambda r: r.to_warehouse),
        Column(lambda: translate("TransfersTable", "Status"), lambda r: status_text(r.status), lambda r: r.status),
        units_column(lambda: translate("TransfersTable", "Units"), lambda r: r.units),
        units_column(lambda: translate("TransfersTable", "Arrived"), lambda r: r.received),
        Column(lambda: translate("TransfersTable", "Created"), _when, lambda r: r.created_at),
    ]


class TransfersTableModel(RowsTableModel[TransferView]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(transfer_columns(), parent)
