"""A read-only table model over a list of plain rows, and the proxy that filters and sorts it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value, so numbers and dates sort as such

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: Callable[[], str]  # called when the header is drawn, so it follows the translator
    display: Callable[[Row], str]
    sort_key: Callable[[Row], Any]
    numeric: bool = False  # right-aligned


def units(value: int) -> str:
    """A whole number in the user's locale: 1.250 in es-CL, 1,250 in English."""
    return QLocale().toString(value)


def iso_day(day: date | None) -> str:
    return day.isoformat() if day else ""


def text_column(header: Callable[[], str], text: Callable[[Row], str]) -> Column[Row]:
    """Text shown and sorted as it is."""
    return Column(header, text, text)


def optional_column(header: Callable[[], str], text: Callable[[Row], str | None], blank: str = "—") -> Column[Row]:
    """Text that may be missing: `blank` shows instead, and sorts first."""
    return Column(header, lambda row: text(row) or blank, lambda row: text(row) or "")


def units_column(header: Callable[[], str], value: Callable[[Row], int]) -> Column[Row]:
    """A count of units: right-aligned in the locale's digits, sorted as a number."""
    return Column(header, lambda row: units(value(row)), value, numeric=True)


def expiry_column(
    header: Callable[[], str], day: Callable[[Row], date | None], show: Callable[[date | None], str] = iso_day
) -> Column[Row]:
    """A date that may be missing (no expiry): missing sorts last."""
    return Column(header, lambda row: show(day(row)), lambda row: day(row) or date.max)


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Row] = []

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort_key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.numeric else _LEFT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header()
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(_RIGHT if self._columns[section].numeric else _LEFT)
        return None


class FilterProxyModel(QSortFilterProxyModel):
    """Keeps the rows where any column contains the filter text (case-insensitive)."""

    def __init__(self, source: QAbstractTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SORT_ROLE)
