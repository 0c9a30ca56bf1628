"""The "Trace" tab: scan a lot, a serial or an order; see where it came from and where it went.

Layout only; `TraceController` wires it. The scan field keeps the focus: tables never take it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from station.ui.views.widgets import message_label, read_only_table, row, scan_field, style_message, tab_column


class TraceView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scan_field = scan_field(self.tr("Scan a lot (GS1-128), a serial number or an order number, then Enter"))
        self.sku_field = scan_field(self.tr("SKU (if the lot needs it)"))
        self.trace_button = QPushButton(self.tr("Trace"))
        self.trace_button.setObjectName("primary")
        self.trace_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.heading = QLabel()
        self.heading.setObjectName("traceHeading")
        self.heading.setStyleSheet("QLabel#traceHeading { font-size: 17pt; font-weight: bold; }")
        self.heading.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("viewSubtitle")
        self.facts.setWordWrap(True)
        self.message = message_label()

        self.summary_title = QLabel()
        self.summary_title.setObjectName("viewSubtitle")
        self.summary_table = read_only_table()
        self.timeline_title = QLabel(self.tr("Timeline, oldest first"))
        self.timeline_title.setObjectName("viewSubtitle")
        self.timeline = read_only_table()
        for widget in (self.summary_title, self.summary_table, self.timeline_title, self.timeline):
            widget.hide()

        layout = tab_column(
            self,
            row((self.scan_field, 3), (self.sku_field, 1), self.trace_button),
            self.message,
            self.heading,
            self.facts,
            self.summary_title,
            self.summary_table,
            self.timeline_title,
            (self.timeline, 1),
            spacing=8,
        )
        layout.addStretch(0)

    def show_message(self, text: str, kind: str = "infoMessage") -> None:
        style_message(self.message, kind, text)

    def clear_message(self) -> None:
        self.message.hide()

    def show_tables(self, visible: bool) -> None:
        for widget in (self.summary_title, self.summary_table, self.timeline_title, self.timeline):
            widget.setVisible(visible)
