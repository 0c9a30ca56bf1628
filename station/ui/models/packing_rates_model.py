"""The carriers' quotes for the parcel: service, price, delivery time; cheapest and fastest marked.

Rows are sorted by price. The chosen row is bold on orange; the view never takes the focus
(the packer moves the choice with the arrow keys, handled by the packing controller).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from station.api import Rate
from station.domain.money import format_money

_Index = QModelIndex | QPersistentModelIndex
SERVICE, PRICE, DAYS = range(3)
CHOSEN_BACKGROUND = QColor("#FED7AA")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def rate_key(rate: Rate) -> tuple[str, str]:
    return rate.carrier, rate.service_code


def _days(rate: Rate) -> int:
    return rate.estimated_days if rate.estimated_days is not None else 99


class PackingRatesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rates: list[Rate] = []
        self._titles: Mapping[str, str] = {}
        self._chosen = -1
        self._cheapest: set[tuple[str, str]] = set()
        self._fastest: set[tuple[str, str]] = set()

    @property
    def rates(self) -> list[Rate]:
        return list(self._rates)

    @property
    def chosen_row(self) -> int:
        return self._chosen

    @property
    def chosen(self) -> Rate | None:
        return self._rates[self._chosen] if 0 <= self._chosen < len(self._rates) else None

    def set_rates(self, rates: Sequence[Rate], chosen: Rate | None, titles: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rates = sorted(rates, key=lambda rate: (rate.price.amount, _days(rate), rate.carrier))
        self._titles = dict(titles)
        priced = [rate for rate in self._rates if rate.carrier != "pickup"]
        if priced:
            lowest = min(rate.price.amount for rate in priced)
            quickest = min(_days(rate) for rate in priced)
            self._cheapest = {rate_key(rate) for rate in priced if rate.price.amount == lowest}
            self._fastest = {rate_key(rate) for rate in priced if _days(rate) == quickest}
        else:
            self._cheapest, self._fastest = set(), set()
        keys = [rate_key(rate) for rate in self._rates]
        self._chosen = keys.index(rate_key(chosen)) if chosen is not None and rate_key(chosen) in keys else -1
        self.endResetModel()

    def clear(self) -> None:
        self.set_rates((), None, {})

    def move_choice(self, step: int) -> bool:
        """Choose the rate above (-1) or below (+1); False at either end or without rates."""
        if not self._rates:
            return False
        row = max(0, min(len(self._rates) - 1, (self._chosen if self._chosen >= 0 else 0) + step))
        if row == self._chosen:
            return False
        self._chosen = row
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rates) - 1, DAYS))
        return True

    def is_cheapest(self, rate: Rate) -> bool:
        return rate_key(rate) in self._cheapest

    def is_fastest(self, rate: Rate) -> bool:
        return rate_key(rate) in self._fastest

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rates)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rate = self._rates[index.row()]
        column = index.column()
        chosen = index.row() == self._chosen
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SERVICE:
                return self._service_text(rate, chosen)
            if column == PRICE:
                return format_money(rate.price.amount, rate.price.currency)
            return self._days_text(rate)
        if role == Qt.ItemDataRole.BackgroundRole and chosen:
            return QBrush(CHOSEN_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and chosen:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_LEFT if column == SERVICE else _RIGHT)
        return None

    def _service_text(self, rate: Rate, chosen: bool) -> str:
        title = self._titles.get(rate.carrier, rate.carrier)
        marks = []
        if self.is_cheapest(rate):
            marks.append(self.tr("cheapest"))
        if self.is_fastest(rate):
            marks.append(self.tr("fastest"))
        service = " · ".join([rate.service_name, *marks])
        return f"{'▶ ' if chosen else ''}{title}\n{service}"

    def _days_text(self, rate: Rate) -> str:
        if rate.estimated_days is None:
            return "—"
        return self.tr("%n day(s)", None, rate.estimated_days)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Carrier and service"), self.tr("Price"), self.tr("Delivery"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_LEFT if section == SERVICE else _RIGHT)
        return None
