"""The ledger table of the "Movements" tab, and the names of move kinds and adjustment reasons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from station.services.movement_queries import MoveRow
from station.ui.labels import format_local_time
from station.ui.models.locations_model import units
from station.ui.models.rows_model import Column, RowsTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("MovesTable", text)


def kind_title(kind: str) -> str:
    titles = {
        "receipt": _tr("Receipt"),
        "putaway": _tr("Putaway"),
        "transfer": _tr("Transfer"),
        "pick": _tr("Pick"),
        "pack": _tr("Pack"),
        "ship": _tr("Ship"),
        "adjustment": _tr("Adjustment"),
        "count": _tr("Count"),
        "return": _tr("Return"),
    }
    return titles.get(kind, kind)


def reason_title(reason: str | None) -> str:
    titles = {
        "damaged": _tr("Damaged"),
        "lost": _tr("Lost"),
        "found": _tr("Found"),
        "expired": _tr("Expired"),
        "count_correction": _tr("Count correction"),
        "other": _tr("Other"),
    }
    return titles.get(reason, reason) if reason else ""


def _text(value: str | None) -> str:
    return value or "—"


def by(row: MoveRow) -> str:
    """Who recorded the move, and where: login@station, or the station alone when nobody was signed in."""
    return f"{row.user}@{row.station}" if row.user else row.station


def move_columns() -> list[Column[MoveRow]]:
    return [
        Column(lambda: _tr("Time"), lambda r: format_local_time(r.at), lambda r: (r.at, r.id)),
        Column(lambda: _tr("Kind"), lambda r: kind_title(r.kind), lambda r: r.kind),
        Column(lambda: _tr("SKU"), lambda r: r.sku, lambda r: r.sku),
        Column(lambda: _tr("Lot"), lambda r: _text(r.lot), lambda r: r.lot or ""),
        Column(lambda: _tr("Serial"), lambda r: _text(r.serial), lambda r: r.serial or ""),
        Column(lambda: _tr("Qty"), lambda r: units(r.quantity), lambda r: r.quantity, numeric=True),
        Column(lambda: _tr("From"), lambda r: _text(r.from_location), lambda r: r.from_location or ""),
        Column(lambda: _tr("To"), lambda r: _text(r.to_location), lambda r: r.to_location or ""),
        Column(lambda: _tr("Reason"), lambda r: reason_title(r.reason), lambda r: r.reason or ""),
        Column(lambda: _tr("By"), by, by),
        Column(lambda: _tr("Reference"), lambda r: r.reference, lambda r: r.reference),
    ]


class MovesModel(RowsTableModel[MoveRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(move_columns(), parent)
