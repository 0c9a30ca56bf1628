"""The Putaway tab: what waits on the dock, where each item should go, and the bin scan that moves it.

Layout only; `PutawayController` wires it. The scan field keeps the focus: scan an item (or choose a
line with ↑/↓), then scan the bin's label.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from station.ui.views.receiving_view import DockTabView, stretch_column, task_table
from station.ui.views.widgets import (
    row,
    shortcut_bar,
    tab_column,
)

SKU_COLUMN, NAME_COLUMN = 0, 1


class PutawayView(DockTabView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("putawayScan", parent)
        self.scan_field.setPlaceholderText(self.tr("Scan an item, then the bin it goes to"))
        self.refresh_button = QPushButton(self.tr("Refresh (Ctrl+R)"))
        self.refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.current = QLabel()
        self.current.setObjectName("orderHeading")
        self.current.setWordWrap(True)
        self.table = task_table("putawayTasks")
        self.shortcut_bar = shortcut_bar()

        scan_row = row((self.scan_field, 1), self.refresh_button, spacing=10)
        tab_column(self, self.heading, scan_row, self.message, self.current, (self.table, 1), self.shortcut_bar)

    def fit_columns(self) -> None:
        stretch_column(self.table, NAME_COLUMN)
