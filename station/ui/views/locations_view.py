"""The "By location" tab: scan a SKU or a bin; see where the SKU is, or what the bin holds.

Layout only; `LocationsController` wires it. The scan field keeps the focus: tables never take it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from station.ui.views.widgets import message_label, read_only_table, row, scan_field, style_message, tab_column


def fit_columns(table: QTableView, stretch_column: int, widest: int = 260, air: int = 16) -> None:
    """Columns as wide as their contents plus `air` (at most `widest`); one takes what is left."""
    header = table.horizontalHeader()
    table.resizeColumnsToContents()
    for column in range(header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, min(header.sectionSize(column) + air, widest))
    if 0 <= stretch_column < header.count():
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)


def fit_height(table: QTableView, rows: int) -> None:
    """A short table as tall as its rows, no scrolling."""
    height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize() + 4
    table.setFixedHeight(height)


def fit_width(table: QTableView) -> None:
    """A small table as wide as its columns, not the whole page."""
    table.setMaximumWidth(table.horizontalHeader().length() + 4)


class LocationsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scan_field = scan_field(self.tr("Scan or type a SKU, a barcode or a bin code, then Enter"))
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("primary")
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.warehouse = QComboBox()
        self.warehouse.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.hide_empty = QCheckBox(self.tr("Hide empty"))
        self.hide_empty.setChecked(True)
        self.only = QComboBox()
        self.only.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        warehouse_label = QLabel(self.tr("Warehouse"))
        warehouse_label.setObjectName("fieldLabel")
        only_label = QLabel(self.tr("Show"))
        only_label.setObjectName("fieldLabel")

        self.heading = QLabel()
        self.heading.setObjectName("viewSubtitle")
        self.heading.setWordWrap(True)
        self.message = message_label()

        self.levels_table = read_only_table()
        self.levels_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.levels_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.levels_table.hide()
        self.table = read_only_table()

        scan_row = row((self.scan_field, 1), self.show_button)
        filters = QHBoxLayout()
        filters.setSpacing(10)
        filters.addWidget(warehouse_label)
        filters.addWidget(self.warehouse)
        filters.addSpacing(16)
        filters.addWidget(only_label)
        filters.addWidget(self.only)
        filters.addSpacing(16)
        filters.addWidget(self.hide_empty)
        filters.addStretch(1)

        tab_column(self, scan_row, filters, self.message, self.heading, self.levels_table, (self.table, 1))

    def show_message(self, text: str, kind: str = "infoMessage") -> None:
        style_message(self.message, kind, text)

    def clear_message(self) -> None:
        self.message.hide()
