"""The Counts tab's tables: the bin's count sheet, the variances to review, accuracy per bin and per week."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.domain.money import format_money
from station.services.count_scans import CountLine, VarianceRow
from station.services.count_schedules import CountAccuracy, PeriodAccuracy
from station.ui.models.rows_model import Column, RowsTableModel

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


class SheetModel(RowsTableModel[CountLine]):
    """What the bin should hold (expected hidden on a blind count) and what was counted so far."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(lambda: translate("CountsTable", "SKU"), lambda r: r.sku, lambda r: r.sku),
                Column(lambda: translate("CountsTable", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
                Column(lambda: translate("CountsTable", "Lot"), lambda r: r.lot or "", lambda r: r.lot or ""),
                Column(
                    lambda: translate("CountsTable", "Expected"),
                    lambda r: units(r.expected),
                    lambda r: r.expected or 0,
                    numeric=True,
                ),
                Column(
                    lambda: translate("CountsTable", "Counted"),
                    lambda r: units(r.counted),
                    lambda r: r.counted or 0,
                    numeric=True,
                ),
            ],
            parent,
        )


class VarianceModel(RowsTableModel[VarianceRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(lambda: translate("CountsTable", "Bin"), lambda r: r.location, lambda r: r.location),
                Column(lambda: translate("CountsTable", "SKU"), lambda r: r.sku, lambda r: r.sku),
                Column(lambda: translate("CountsTable", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
                Column(lambda: translate("CountsTable", "Lot"), lambda r: r.lot or "", lambda r: r.lot or ""),
                Column(
                    lambda: translate("CountsTable", "Expected"),
                    lambda r: units(r.expected),
                    lambda r: r.expected,
                    numeric=True,
                ),
                Column(
                    lambda: translate("CountsTable", "Counted"),
                    lambda r: units(r.counted),
                    lambda r: r.counted,
                    numeric=True,
                ),
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
        super().__init__(
            [
                Column(lambda: translate("CountsTable", "Bin"), lambda r: r.location, lambda r: r.location),
                Column(
                    lambda: translate("CountsTable", "Lines"),
                    lambda r: units(r.accuracy.lines),
                    lambda r: r.accuracy.lines,
                    numeric=True,
                ),
                Column(
                    lambda: translate("CountsTable", "Lines right"),
                    lambda r: units(r.accuracy.lines_right),
                    lambda r: r.accuracy.lines_right,
                    numeric=True,
                ),
                Column(
                    lambda: translate("CountsTable", "Line accuracy"),
                    lambda r: percent(r.accuracy.line_accuracy),
                    lambda r: r.accuracy.line_accuracy,
                    numeric=True,
                ),
                Column(
                    lambda: translate("CountsTable", "Unit accuracy"),
                    lambda r: percent(r.accuracy.unit_accuracy),
                    lambda r: r.accuracy.unit_accuracy,
                    numeric=True,
                ),
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
                Column(
                    lambda: translate("CountsTable", "Bins counted"),
                    lambda r: units(r.counts),
                    lambda r: r.counts,
                    numeric=True,
                ),
                Column(
                    lambda: translate("CountsTable", "Lines"),
                    lambda r: units(r.accuracy.lines),
                    lambda r: r.accuracy.lines,
                    numeric=True,
                ),
                Column(
                    lambda: translate("CountsTable", "Line accuracy"),
                    lambda r: percent(r.accuracy.line_accuracy),
                    lambda r: r.accuracy.line_accuracy,
                    numeric=True,
                ),
                Column(
                    lambda: translate("CountsTable", "Unit accuracy"),
                    lambda r: percent(r.accuracy.unit_accuracy),
                    lambda r: r.accuracy.unit_accuracy,
                    numeric=True,
                ),
            ],
            parent,
        )
