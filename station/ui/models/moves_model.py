"""The ledger table of the "Movements" tab, and the names of move kinds and adjustment reasons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from station.services.movement_queries import MoveRow
from station.ui.labels import format_local_time
from station.ui.models.rows_model import Column, RowsTableModel, optional_column, text_column, units_column


def kind_title(kind: str) -> str:
    titles = {
        "receipt": QCoreApplication.translate("MovesTable", "Receipt"),
        "putaway": QCoreApplication.translate("MovesTable", "Putaway"),
        "transfer": QCoreApplication.translate("MovesTable", "Transfer"),
        "pick": QCoreApplication.translate("MovesTable", "Pick"),
        "pack": QCoreApplication.translate("MovesTable", "Pack"),
        "ship": QCoreApplication.translate("MovesTable", "Ship"),
        "adjustment": QCoreApplication.translate("MovesTable", "Adjustment"),
        "count": QCoreApplication.translate("MovesTable", "Count"),
        "return": QCoreApplication.translate("MovesTable", "Return"),
    }
    return titles.get(kind, kind)


def reason_title(reason: str | None) -> str:
    titles = {
        "damaged": QCoreApplication.translate("MovesTable", "Damaged"),
        "lost": QCoreApplication.translate("MovesTable", "Lost"),
        "found": QCoreApplication.translate("MovesTable", "Found"),
        "expired": QCoreApplication.translate("MovesTable", "Expired"),
        "count_correction": QCoreApplication.translate("MovesTable", "Count correction"),
        "other": QCoreApplication.translate("MovesTable", "Other"),
    }
    return titles.get(reason, reason) if reason else ""


def by(row: MoveRow) -> str:
    """Who recorded the move, and where: login@station, or the station alone when nobody was signed in."""
    return f"{row.user}@{row.station}" if row.user else row.station


def move_columns() -> list[Column[MoveRow]]:
    return [
        Column(
            lambda: QCoreApplication.translate("MovesTable", "Time"),
            lambda r: format_local_time(r.at),
            lambda r: (r.at, r.id),
        ),
        Column(
            lambda: QCoreApplication.translate("MovesTable", "Kind"), lambda r: kind_title(r.kind), lambda r: r.kind
        ),
        text_column(lambda: QCoreApplication.translate("MovesTable", "SKU"), lambda r: r.sku),
        optional_column(lambda: QCoreApplication.translate("MovesTable", "Lot"), lambda r: r.lot),
        optional_column(lambda: QCoreApplication.translate("MovesTable", "Serial"), lambda r: r.serial),
        units_column(lambda: QCoreApplication.translate("MovesTable", "Qty"), lambda r: r.quantity),
        optional_column(lambda: QCoreApplication.translate("MovesTable", "From"), lambda r: r.from_location),
        optional_column(lambda: QCoreApplication.translate("MovesTable", "To"), lambda r: r.to_location),
        Column(
            lambda: QCoreApplication.translate("MovesTable", "Reason"),
            lambda r: reason_title(r.reason),
            lambda r: r.reason or "",
        ),
        text_column(lambda: QCoreApplication.translate("MovesTable", "By"), by),
        text_column(lambda: QCoreApplication.translate("MovesTable", "Reference"), lambda r: r.reference),
    ]


class MovesModel(RowsTableModel[MoveRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(move_columns(), parent)
