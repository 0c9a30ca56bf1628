"""The Putaway tab: what waits on the dock, where each item should go, and the bin scan that moves it.

Layout only; `PutawayController` wires it. The scan field keeps the focus: scan an item (or choose a
line with ↑/↓), then scan the bin's label.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from station.ui.views.receiving_view import TAB_STYLESHEET, stretch_column, task_table
from station.ui.views.widgets import message_label, shortcut_bar, shortcut_text, show_message

SKU_COLUMN, NAME_COLUMN = 0, 1


class PutawayView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TAB_STYLESHEET)
        self.heading = QLabel()
        self.heading.setObjectName("viewSubtitle")
        self.message = message_label()
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("putawayScan")
        self.scan_field.setPlaceholderText(self.tr("Scan an item, then the bin it goes to"))
        self.refresh_button = QPushButton(self.tr("Refresh (Ctrl+R)"))
        self.refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.current = QLabel()
        self.current.setObjectName("orderHeading")
        self.current.setWordWrap(True)
        self.table = task_table("putawayTasks")
        self.shortcut_bar = shortcut_bar()

        scan_row = QHBoxLayout()
        scan_row.setSpacing(10)
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(scan_row)
        layout.addWidget(self.message)
        layout.addWidget(self.current)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.shortcut_bar)

    def fit_columns(self) -> None:
        stretch_column(self.table, NAME_COLUMN)

    def set_message(self, kind: str, text: str) -> None:
        show_message(self.message, kind, text)

    def set_shortcuts(self, pairs: list[tuple[str, str]]) -> None:
        self.shortcut_bar.setText(shortcut_text(pairs))
