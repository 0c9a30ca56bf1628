"""The Counts tab: open a zone's count (or the due schedules'), count bin by bin with the scanner,
review the variances, approve them, see the accuracy.

Layout only; `CountsController` wires it. Three pages: counting (zone row, scan field, the bin's
sheet), review (variances, approve) and done (accuracy of this count and per week). Tables never
take the focus: the zone field or the scan field has it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from station.ui.views.widgets import ScanTabView, message_label, row, stack_page, tab_column

COUNTING, REVIEW, DONE = range(3)

COUNTS_STYLESHEET = """
QLineEdit#countScan { font-size: 20pt; padding: 8px 14px; border: 3px solid #0EA5E9; min-height: 40px; }
QLabel#warningMessage {
    color: #7C2D12; background: #FFEDD5; border: 2px solid #F97316; font-size: 14pt; font-weight: bold;
    border-radius: 6px;
}
QLabel#countBin { font-size: 18pt; font-weight: bold; color: #0F172A; }
QLabel#countLast { font-size: 15pt; color: #0F172A; }
QLabel#shortcutBar { font-size: 11pt; color: #475569; }
QCheckBox { font-size: 14pt; }
"""


def counts_table(name: str, stretch: int) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(38)
    table.setProperty("stretch_column", stretch)
    return table


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their content, one (the name) taking the rest; call after setModel."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(int(table.property("stretch_column")), QHeaderView.ResizeMode.Stretch)


def no_focus_button(text: str, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if primary:
        button.setObjectName("primary")
    return button


def _label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class CountsView(ScanTabView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(COUNTS_STYLESHEET)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # on the review and done pages the tab keeps the keys
        self.heading = _label("viewSubtitle")
        self.message = message_label("")

        # counting
        self.zone_label = _label("fieldLabel", self.tr("Zone"))
        self.zone_label.setWordWrap(False)
        self.zone_field = QLineEdit()
        self.zone_field.setObjectName("countZone")
        self.zone_field.setPlaceholderText(self.tr("e.g. B-03"))
        self.zone_field.setMinimumWidth(220)
        self.zone_label.setBuddy(self.zone_field)
        self.blind_check = QCheckBox(self.tr("Blind count (Ctrl+B)"))
        self.blind_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button = no_focus_button(self.tr("Open count (Enter)"), primary=True)
        self.due_button = no_focus_button(self.tr("Run due schedules (Ctrl+D)"))
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("countScan")
        self.scan_field.setPlaceholderText(self.tr("Scan a bin, then its items (a number + Enter sets the quantity)"))
        self.bin_heading = _label("countBin")
        self.last_scan = _label("countLast")
        self.sheet_table = counts_table("countSheet", 1)
        self.progress = _label("fieldLabel")
        self.finish_button = no_focus_button(self.tr("Finish counting (Ctrl+Enter)"), primary=True)

        # review
        self.review_heading = _label("viewSubtitle")
        self.variance_table = counts_table("countVariances", 2)
        self.review_summary = _label("fieldLabel")
        self.approve_button = no_focus_button(self.tr("Approve and adjust stock (Ctrl+Enter)"), primary=True)

        # done
        self.done_heading = _label("viewSubtitle")
        self.accuracy_table = counts_table("countAccuracy", 0)
        self.history_heading = _label("viewSubtitle", self.tr("Accuracy over time, per week"))
        self.history_table = counts_table("countHistory", 0)
        self.new_button = no_focus_button(self.tr("Count another zone (Ctrl+N)"), primary=True)

        self.shortcut_bar = _label("shortcutBar")
        self.shortcut_bar.setTextFormat(Qt.TextFormat.RichText)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._counting_page())
        self.stack.addWidget(self._review_page())
        self.stack.addWidget(self._done_page())
        tab_column(self, self.heading, self.message, (self.stack, 1), self.shortcut_bar)

    def _counting_page(self) -> QWidget:
        zone_row = row(
            self.zone_label, (self.zone_field, 1), self.blind_check, self.open_button, self.due_button, spacing=10
        )
        footer = row((self.progress, 1), self.finish_button)
        return stack_page(zone_row, self.scan_field, self.bin_heading, self.last_scan, (self.sheet_table, 1), footer)

    def _review_page(self) -> QWidget:
        footer = row((self.review_summary, 1), self.approve_button)
        return stack_page(self.review_heading, (self.variance_table, 1), footer)

    def _done_page(self) -> QWidget:
        tables = (self.done_heading, (self.accuracy_table, 2), self.history_heading, (self.history_table, 1))
        return stack_page(*tables, row(1, self.new_button))

    # -- state -------------------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    def show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
