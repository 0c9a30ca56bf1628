"""The putaway tab's work list: units on the dock, each with the bin suggested for it and why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from station.services.receiving_queries import (
    RULE_AISLE,
    RULE_CONSOLIDATE,
    RULE_NEAREST,
    RULE_PICK_FACE,
    PutawayItem,
)
from station.ui.models.rows_model import Column, RowsTableModel, optional_column, text_column, units_column


def why(item: PutawayItem) -> str:
    """The rule that chose the bin, in the station's language (the service's own words otherwise)."""
    translate = QCoreApplication.translate
    texts = {
        RULE_PICK_FACE: translate("PutawayTasks", "pick face of %1").replace("%1", item.sku),
        RULE_CONSOLIDATE: translate("PutawayTasks", "consolidate: already holds %1").replace("%1", item.sku),
        RULE_AISLE: translate("PutawayTasks", "nearest bin with room in aisle %1").replace("%1", item.aisle),
        RULE_NEAREST: translate("PutawayTasks", "nearest bin with room"),
    }
    return texts.get(item.rule, item.reason)


def putaway_columns() -> list[Column[PutawayItem]]:
    translate = QCoreApplication.translate
    return [
        text_column(lambda: translate("PutawayTasks", "SKU"), lambda r: r.sku),
        Column(lambda: translate("PutawayTasks", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
        optional_column(lambda: translate("PutawayTasks", "Lot"), lambda r: r.lot_code, blank=""),
        units_column(lambda: translate("PutawayTasks", "Units"), lambda r: r.quantity),
        Column(lambda: translate("PutawayTasks", "Suggested bin"), lambda r: r.bin_code or "—", lambda r: r.bin_code),
        Column(lambda: translate("PutawayTasks", "Why"), why, lambda r: r.rule),
    ]


class PutawayModel(RowsTableModel[PutawayItem]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(putaway_columns(), parent)
