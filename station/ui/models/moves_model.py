"""The ledger table of the "Movements" tab, and the names of move kinds and adjustment reasons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from station.services.movement_queries import MoveRow
from station.ui.labels import format_local_time
from station.ui.models.locations_model import units
from station.ui.models.rows_model import Column, RowsTableModel


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


def _text(value: str | None) -> str:
    return value or "—"


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
        Column(lambda: QCoreApplication.translate("MovesTable", "SKU"), lambda r: r.sku, lambda r: r.sku),
        Column(lambda: QCoreApplication.translate("MovesTable", "Lot"), lambda r: _text(r.lot), lambda r: r.lot or ""),
        Column(
            lambda: QCoreApplication.translate("MovesTable", "Serial"),
            lambda r: _text(r.serial),
            lambda r: r.serial or "",
        ),
        Column(
            lambda: QCoreApplication.translate("MovesTable", "Qty"),
            lambda r: units(r.quantity),
            lambda r: r.quantity,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("MovesTable", "From"),
            lambda r: _text(r.from_location),
            lambda r: r.from_location or "",
        ),
        Column(
            lambda: QCoreApplication.translate("MovesTable", "To"),
            lambda r: _text(r.to_location),
            lambda r: r.to_location or "",
        ),
        Column(
            lambda: QCoreApplication.translate("MovesTable", "Reason"),
            lambda r: reason_title(r.reason),
            lambda r: r.reason or "",
        ),
        Column(lambda: QCoreApplication.translate("MovesTable", "By"), by, by),
        Column(
            lambda: QCoreApplication.translate("MovesTable", "Reference"), lambda r: r.reference, lambda r: r.reference
        ),
    ]


class MovesModel(RowsTableModel[MoveRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(move_columns(), parent)
