"""The putaway tab's work list: units on the dock, each with the bin suggested for it and why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.services.receiving_queries import PutawayItem
from station.ui.models.rows_model import Column, RowsTableModel


def putaway_columns() -> list[Column[PutawayItem]]:
    translate = QCoreApplication.translate
    return [
        Column(lambda: translate("PutawayTasks", "SKU"), lambda r: r.sku, lambda r: r.sku),
        Column(lambda: translate("PutawayTasks", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
        Column(lambda: translate("PutawayTasks", "Lot"), lambda r: r.lot_code or "", lambda r: r.lot_code or ""),
        Column(
            lambda: translate("PutawayTasks", "Units"),
            lambda r: QLocale().toString(r.quantity),
            lambda r: r.quantity,
            numeric=True,
        ),
        Column(lambda: translate("PutawayTasks", "Suggested bin"), lambda r: r.bin_code or "—", lambda r: r.bin_code),
        Column(lambda: translate("PutawayTasks", "Why"), lambda r: r.reason, lambda r: r.reason),
    ]


class PutawayModel(RowsTableModel[PutawayItem]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(putaway_columns(), parent)
