"""The Counts tab's tables: the bin's count sheet, the variances to review, accuracy per bin and per week."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.domain.money import format_money
from station.services.count_scans import CountLine, VarianceRow
from station.services.count_schedules import CountAccuracy, PeriodAccuracy
from station.ui.models.rows_model import Column, RowsTableModel, optional_column, text_column, units_column

NOT_SHOWN = "—"  # a blind sheet's expected quantity, a line not counted yet


translate = QCoreApplication.translate  # literal contexts and sources, so lupdate finds them


def units(value: int | None) -> str:
    return NOT_SHOWN if value is None else QLocale().toString(value)


def signed(value: int) -> str:
    return ("+" if value > 0 else "") + QLocale().toString(value)


def percent(share: float) -> str:
    return QLocale().toString(share * 100, "f", 1) + " %"


def money(amount: int, currency: str) -> str:
    locale = "es-CL" if QLocale().language() == QLocale.Language.Spanish else "en"
    try:
        return format_money(amount, currency, locale)
    except ValueError:  # a currency the money table does not know: the bare number
        return f"{QLocale().toString(amount)} {currency}"


def _item_columns() -> list[Column]:
    """SKU, name and lot: the first columns of a bin's sheet and of its variances."""
    return [
        text_column(lambda: translate("CountsTable", "SKU"), lambda r: r.sku),
        Column(lambda: translate("CountsTable", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
        optional_column(lambda: translate("CountsTable", "Lot"), lambda r: r.lot, blank=""),
    ]


def _count_column(header: Callable[[], str], value: Callable[[Any], int | None]) -> Column:
    """Units expected or counted; "—" where not shown (blind) or not counted yet, sorted as 0."""
    return Column(header, lambda r: units(value(r)), lambda r: value(r) or 0, numeric=True)


def _percent_column(header: Callable[[], str], share: Callable[[Any], float]) -> Column:
    return Column(header, lambda r: percent(share(r)), share, numeric=True)


def _accuracy_columns() -> list[Column]:
    """Lines, line accuracy and unit accuracy: the last columns of both accuracy tables."""
    return [
        units_column(lambda: translate("CountsTable", "Lines"), lambda r: r.accuracy.lines),
        _percent_column(lambda: translate("CountsTable", "Line accuracy"), lambda r: r.accuracy.line_accuracy),
        _percent_column(lambda: translate("CountsTable", "Unit accuracy"), lambda r: r.accuracy.unit_accuracy),
    ]


class SheetModel(RowsTableModel[CountLine]):
    """What the bin should hold (expected hidden on a blind count) and what was counted so far."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                *_item_columns(),
                _count_column(lambda: translate("CountsTable", "Expected"), lambda r: r.expected),
                _count_column(lambda: translate("CountsTable", "Counted"), lambda r: r.counted),
            ],
            parent,
        )


class VarianceModel(RowsTableModel[VarianceRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                text_column(lambda: translate("CountsTable", "Bin"), lambda r: r.location),
                *_item_columns(),
                _count_column(lambda: translate("CountsTable", "Expected"), lambda r: r.expected),
                _count_column(lambda: translate("CountsTable", "Counted"), lambda r: r.counted),
                Column(
                    lambda: translate("CountsTable", "Difference"),
                    lambda r: signed(r.difference),
                    lambda r: r.difference,
                    numeric=True,
                ),
                Column(
                    lambda: translate("CountsTable", "Value"),
                    lambda r: money(r.value, r.currency),
                    lambda r: r.value,
                    numeric=True,
                ),
            ],
            parent,
        )


class CountAccuracyModel(RowsTableModel[CountAccuracy]):
    """Accuracy of each bin count just approved."""

    def __init__(self, parent: QObject | None = None) -> None:
        lines, *accuracy = _accuracy_columns()
        super().__init__(
            [
                text_column(lambda: translate("CountsTable", "Bin"), lambda r: r.location),
                lines,
                units_column(lambda: translate("CountsTable", "Lines right"), lambda r: r.accuracy.lines_right),
                *accuracy,
            ],
            parent,
        )


class WeeklyAccuracyModel(RowsTableModel[PeriodAccuracy]):
    """Accuracy per week over the counts approved in it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: translate("CountsTable", "Week of"),
                    lambda r: QLocale().toString(r.start, QLocale.FormatType.ShortFormat),
                    lambda r: r.start,
                ),
                units_column(lambda: translate("CountsTable", "Bins counted"), lambda r: r.counts),
                *_accuracy_columns(),
            ],
            parent,
        )
