"""The slotting panel's tables: suggestions (SKU, from → to, metres saved a day, picks a day, ABC
class, the SKU a swap trades places with; short headers, as the panel is narrow) and open move tasks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.services.slotting import SuggestionRow, TaskRow
from station.ui.models.rows_model import Column, RowsTableModel, optional_column, text_column, units_column


def _decimal(value: float, places: int) -> str:
    return QLocale().toString(value, "f", places)


# The panel is narrow: what to do and what it saves come first, the why (picks, class) after.
SUGGESTION_COLUMNS: tuple[Column[SuggestionRow], ...] = (
    text_column(lambda: QCoreApplication.translate("SlottingModel", "SKU"), lambda r: r.sku),
    text_column(
        lambda: QCoreApplication.translate("SlottingModel", "From → to"), lambda r: f"{r.from_bin} → {r.to_bin}"
    ),
    Column(
        lambda: QCoreApplication.translate("SlottingModel", "m/day"),
        lambda r: _decimal(r.saved_cm_per_day / 100, 1),
        lambda r: r.saved_cm_per_day,
        numeric=True,
    ),
    Column(
        lambda: QCoreApplication.translate("SlottingModel", "Picks/d"),
        lambda r: _decimal(r.picks_per_day, 2),
        lambda r: r.picks_per_day,
        numeric=True,
    ),
    text_column(lambda: QCoreApplication.translate("SlottingModel", "ABC"), lambda r: r.abc_class),
    # A swap: the C-class SKU that moves the other way.
    optional_column(lambda: QCoreApplication.translate("SlottingModel", "Swap with"), lambda r: r.swap_sku),
)

TASK_COLUMNS: tuple[Column[TaskRow], ...] = (
    text_column(lambda: QCoreApplication.translate("SlottingModel", "Task"), lambda t: str(t.id)),
    text_column(lambda: QCoreApplication.translate("SlottingModel", "SKU"), lambda t: t.sku),
    text_column(
        lambda: QCoreApplication.translate("SlottingModel", "From → to"), lambda t: f"{t.from_bin} → {t.to_bin}"
    ),
    units_column(lambda: QCoreApplication.translate("SlottingModel", "Units"), lambda t: t.quantity),
)


def suggestions_model(parent: QObject | None = None) -> RowsTableModel[SuggestionRow]:
    return RowsTableModel(SUGGESTION_COLUMNS, parent)


def tasks_model(parent: QObject | None = None) -> RowsTableModel[TaskRow]:
    return RowsTableModel(TASK_COLUMNS, parent)
