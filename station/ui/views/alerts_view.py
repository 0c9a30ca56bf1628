"""The Alerts tab of the Inventory page: low stock, reorder suggestions, lots expiring and lots blocked.

Layout only; `AlertsController` fills it. A SKU field (scan or type) with a threshold box sets the
low-stock threshold of the SKU picked in a list: Enter in the SKU field goes to the number, Enter there sets it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)

from station.ui.views.widgets import message_label, read_only_table, scan_field, show_message, tab_column

SECTIONS = ("low_stock", "reorder", "expiring", "blocked")
# Spin boxes as large as the line edits next to them (the page style sizes only QLineEdit/QComboBox).
# Four tables share the width: a point smaller than the page's other tables, and tighter headers.
ALERTS_STYLE = (
    "QSpinBox { font-size: 16pt; min-height: 40px; }"
    "QTableView { font-size: 11pt; } QTableView::item { padding: 0 4px; }"
    "QHeaderView::section { font-size: 11pt; padding: 6px 6px; }"
)


class EnterSpinBox(QSpinBox):
    """A spin box that says when Enter is pressed in it (and only then: leaving it submits nothing)."""

    sig_enter = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_enter.emit()


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


class AlertsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ALERTS_STYLE)
        self.horizon = QSpinBox()
        self.horizon.setMinimumWidth(100)
        self.horizon.setRange(1, 730)
        self.horizon.setAccessibleName(self.tr("Expiry horizon in days"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip("Ctrl+R")
        self.summary = _label("", "viewSubtitle")

        self.sku_field = scan_field(self.tr("SKU: scan, type or pick in a list"))
        self.warehouse_field = QComboBox()
        self.warehouse_field.setAccessibleName(self.tr("Warehouse"))
        self.warehouse_field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.threshold = EnterSpinBox()
        self.threshold.setRange(0, 1_000_000)
        self.threshold.setMinimumWidth(130)
        self.threshold.setAccessibleName(self.tr("Low-stock threshold"))
        self.set_button = QPushButton(self.tr("Set threshold"))
        self.set_button.setObjectName("primary")

        self.message = message_label("")

        top = QHBoxLayout()
        top.addWidget(_label(self.tr("Lots expiring within"), "fieldLabel"))
        top.addWidget(self.horizon)
        top.addWidget(_label(self.tr("days"), "fieldLabel"))
        top.addSpacing(24)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)

        threshold_bar = QHBoxLayout()
        threshold_bar.addWidget(_label(self.tr("Threshold for"), "fieldLabel"))
        threshold_bar.addWidget(self.sku_field, 3)
        threshold_bar.addWidget(_label(self.tr("in"), "fieldLabel"))
        threshold_bar.addWidget(self.warehouse_field)
        threshold_bar.addWidget(_label(self.tr("alert at"), "fieldLabel"))
        threshold_bar.addWidget(self.threshold)
        threshold_bar.addWidget(self.set_button)

        self.headings: dict[str, QLabel] = {}
        self.tables: dict[str, QTableView] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(6)
        for index, key in enumerate(SECTIONS):
            row, column = divmod(index, 2)
            self.headings[key] = _label("", "viewSubtitle")
            self.tables[key] = self._table()
            grid.addWidget(self.headings[key], row * 2, column)
            grid.addWidget(self.tables[key], row * 2 + 1, column)
            grid.setRowStretch(row * 2 + 1, 1)

        tab_column(self, top, threshold_bar, self.message, (grid, 1))

    @staticmethod
    def _table() -> QTableView:
        # The lists come most urgent first: no sort arrows eating width. The SKU field keeps the keyboard.
        return read_only_table(30, sortable=False, focus=Qt.FocusPolicy.ClickFocus)

    def fit_columns(self) -> None:
        """Columns as wide as their contents; the last one takes what is left."""
        for table in self.tables.values():
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)

    def show_message(self, kind: str, text: str) -> None:
        """`kind`: "error", "info" or "success" (the style's message colours)."""
        show_message(self.message, kind, text)

    def clear_message(self) -> None:
        self.message.hide()

    def set_tab_title(self, text: str) -> None:
        """The tab's own heading (with the alert count), once the tab sits in the page's tab bar."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is not None and (index := parent.indexOf(self)) >= 0:
            parent.setTabText(index, text)
