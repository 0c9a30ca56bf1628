"""The slotting panel (a side panel of the Bin map page): suggestions to move fast movers nearer to
dispatch, the buttons that decide them, and the open move tasks done by scanning two bins.

Layout only; `SlottingController` wires it. The panel is narrow (the map's side column), so it stacks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from station.ui.views.widgets import message_label, read_only_table, scan_field, shortcut_bar, shortcut_text


class SlottingPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slottingPanel")
        self.suggest_button = QPushButton(self.tr("Suggest"))
        self.suggest_button.setObjectName("primary")
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        for button in (self.suggest_button, self.accept_button, self.reject_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+G, Enter and Del do the same
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.suggest_button, self.accept_button, self.reject_button):
            buttons.addWidget(button)

        self.summary = QLabel()
        self.summary.setObjectName("fieldLabel")
        self.summary.setWordWrap(True)
        self.suggestions = read_only_table(30, sortable=False, focus=Qt.FocusPolicy.StrongFocus)
        self.suggestions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.suggestions.setMinimumHeight(180)
        self.message = message_label()

        tasks_heading = QLabel(self.tr("Move tasks"))
        tasks_heading.setObjectName("viewSubtitle")
        self.scan = scan_field(self.tr("Scan the bin to move from"))
        self.step = QLabel()
        self.step.setObjectName("fieldLabel")
        self.step.setWordWrap(True)
        self.tasks = read_only_table(30, sortable=False)
        self.tasks.setMinimumHeight(120)
        self.keys = shortcut_bar(wrap=True)
        self.keys.setText(
            shortcut_text(
                [
                    ("Ctrl+G", self.tr("suggest")),
                    ("Enter", self.tr("accept")),
                    ("Del", self.tr("reject")),
                    ("Ctrl+T", self.tr("scan a task")),
                ]
            )
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.suggestions, 2)
        layout.addWidget(self.message)
        layout.addWidget(tasks_heading)
        layout.addWidget(self.scan)
        layout.addWidget(self.step)
        layout.addWidget(self.tasks, 1)
        layout.addWidget(self.keys)

    def fit_columns(self) -> None:
        """Each column as wide as its text (the last one takes what is left); a wider column scrolls."""
        for table in (self.suggestions, self.tasks):
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
