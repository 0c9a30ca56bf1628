"""A page with a title, a filter box, a read-only table and a line saying how many rows it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.ui.views.widgets import message_label, read_only_table, scan_field

MAX_COLUMN_WIDTH = 190  # pixels; longer text is elided (the full text is in the filter's reach)


class TablePageView(QWidget):
    """With an empty `title` it is a tab's content: no title line, no page margins."""

    def __init__(self, title: str, filter_hint: str, stretch_column: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stretch_column = stretch_column
        self.title = QLabel(title)
        self.title.setObjectName("viewTitle" if title else "")
        self.title.setVisible(bool(title))
        self.filter_field = scan_field(filter_hint)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.summary = QLabel()
        self.summary.setObjectName("viewSubtitle")
        self.problem = message_label("errorMessage")

        self.table = read_only_table(38, focus=Qt.FocusPolicy.StrongFocus)  # no scan field here: the table takes the keys
        self.table.horizontalHeader().setResizeContentsPrecision(300)  # rows measured when fitting columns

        bar = QHBoxLayout()
        bar.addWidget(self.filter_field, 3)
        bar.addWidget(self.summary, 2)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        if title:
            top = QHBoxLayout()
            top.addWidget(self.title)
            top.addStretch(1)
            top.addWidget(self.refresh_button)
            layout.setContentsMargins(32, 24, 32, 24)
            layout.addLayout(top)
        else:  # a tab: the page above has the title, the button joins the filter's line
            bar.addWidget(self.refresh_button)
            layout.setContentsMargins(0, 12, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)

    def fit_columns(self) -> None:
        """Columns as wide as their contents, plus air; one column takes the width left over."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for column in range(header.count()):
            header.resizeSection(column, min(header.sectionSize(column) + 12, MAX_COLUMN_WIDTH))
        if 0 <= self.stretch_column < header.count():
            header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def clear_problem(self) -> None:
        self.problem.hide()
