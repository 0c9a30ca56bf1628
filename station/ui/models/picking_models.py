"""The Picking page's tables: allocated orders to choose from, the pick list's lines in walking order,
and the pickers' leaderboard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from station.services.picking import AllocatedOrder
from station.services.picking_queries import PickLineView
from station.services.picking_stats import PickerScore
from station.ui.models.rows_model import Column, RowsTableModel, text_column, units_column

translate = QCoreApplication.translate  # literal contexts and sources, so lupdate finds them


def _line_state(line: PickLineView) -> str:
    if line.short and line.done:
        return translate("PickingModel", "short %1").replace("%1", QLocale().toString(line.short))
    if line.done:
        return translate("PickingModel", "picked")
    if line.picked:
        return (
            translate("PickingModel", "%1 of %2")
            .replace("%1", QLocale().toString(line.picked))
            .replace("%2", QLocale().toString(line.quantity))
        )
    return ""


ORDER_COLUMNS: tuple[Column[AllocatedOrder], ...] = (
    text_column(lambda: translate("PickingModel", "Order"), lambda o: o.number),
    Column(
        lambda: translate("PickingModel", "Placed"),
        lambda o: o.placed_at.strftime("%d-%m %H:%M"),
        lambda o: o.placed_at,
    ),
    units_column(lambda: translate("PickingModel", "Lines"), lambda o: o.lines),
    units_column(lambda: translate("PickingModel", "Units"), lambda o: o.units),
    text_column(lambda: translate("PickingModel", "Aisles"), lambda o: o.aisles),
    text_column(lambda: translate("PickingModel", "Service"), lambda o: o.service_level),
    text_column(lambda: translate("PickingModel", "Customer"), lambda o: o.customer),
)

LINE_COLUMNS: tuple[Column[PickLineView], ...] = (
    units_column(lambda: translate("PickingModel", "#"), lambda line: line.sequence),
    text_column(lambda: translate("PickingModel", "Bin"), lambda line: line.location),
    text_column(lambda: translate("PickingModel", "SKU"), lambda line: line.sku),
    units_column(lambda: translate("PickingModel", "Qty"), lambda line: line.quantity),
    text_column(lambda: translate("PickingModel", "Tote"), lambda line: line.tote),
    text_column(lambda: translate("PickingModel", "Picked"), _line_state),
    text_column(lambda: translate("PickingModel", "Lot"), lambda line: line.lot),
    text_column(lambda: translate("PickingModel", "Item"), lambda line: line.name),
)

SCORE_COLUMNS: tuple[Column[PickerScore], ...] = (
    text_column(lambda: translate("PickingModel", "Picker"), lambda s: s.picker),
    units_column(lambda: translate("PickingModel", "Lines"), lambda s: s.lines),
    units_column(lambda: translate("PickingModel", "Units"), lambda s: s.units),
    Column(
        lambda: translate("PickingModel", "Picks/h"),
        lambda s: QLocale().toString(s.picks_per_hour, "f", 1),
        lambda s: s.picks_per_hour,
        numeric=True,
    ),
    Column(
        lambda: translate("PickingModel", "Accuracy"),
        lambda s: QLocale().toString(s.accuracy * 100, "f", 1) + " %",
        lambda s: s.accuracy,
        numeric=True,
    ),
)


def orders_model(parent: QObject | None = None) -> RowsTableModel[AllocatedOrder]:
    return RowsTableModel(ORDER_COLUMNS, parent)


def lines_model(parent: QObject | None = None) -> RowsTableModel[PickLineView]:
    return RowsTableModel(LINE_COLUMNS, parent)


def scores_model(parent: QObject | None = None) -> RowsTableModel[PickerScore]:
    return RowsTableModel(SCORE_COLUMNS, parent)
