"""The Receiving tab: scan a purchase order, scan its items, book them onto the dock.

Layout only; `ReceivingController` wires it. The scan field keeps the focus (tables never take it);
a question that needs typing (the lot of a lot-tracked SKU, the SKU of an unknown barcode, a new
SKU's name) opens the answer panel under it, whose fields take the focus until Enter or Esc.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.ui.views.widgets import (
    ScanTabView,
    message_label,
    read_only_table,
    row,
    shortcut_bar,
    stack_page,
    tab_column,
)

ORDERS, LINES = range(2)
TAB_STYLESHEET = """
QLabel#warningMessage {
    color: #7C2D12; background: #FFEDD5; border: 2px solid #F97316; font-size: 14pt; font-weight: bold;
    border-radius: 6px;
}
QFrame#answerPanel { background: #FFF7ED; border: 2px solid #F97316; border-radius: 6px; }
QFrame#answerPanel QLabel { background: transparent; }
QLabel#answerQuestion { font-size: 15pt; font-weight: bold; }
QLabel#shortcutBar { font-size: 11pt; color: #475569; }
QLabel#orderHeading { font-size: 17pt; font-weight: bold; }
QTableView#receiptLines { selection-background-color: #BAE6FD; }
"""


def task_table(name: str) -> QTableView:
    """A work list: not sortable (it comes in working order), rows 40 px, the header marks the selection."""
    return read_only_table(40, object_name=name, sortable=False, highlight_sections=True)


def stretch_column(table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class AnswerPanel(QFrame):
    """A question with up to two typed answers (lot + expiry, SKU + name); Enter answers, Esc skips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerPanel")
        self.question = QLabel()
        self.question.setObjectName("answerQuestion")
        self.question.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("fieldLabel")
        self.hint.setWordWrap(True)
        self.first_label, self.second_label = QLabel(), QLabel()
        for label in (self.first_label, self.second_label):
            label.setObjectName("fieldLabel")
        self.first, self.second = QLineEdit(), QLineEdit()
        self.first.setObjectName("answerFirst")
        self.second.setObjectName("answerSecond")
        fields = QGridLayout()
        fields.setHorizontalSpacing(10)
        fields.addWidget(self.first_label, 0, 0)
        fields.addWidget(self.first, 0, 1)
        fields.addWidget(self.second_label, 0, 2)
        fields.addWidget(self.second, 0, 3)
        fields.setColumnStretch(1, 1)
        fields.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.question)
        layout.addLayout(fields)
        layout.addWidget(self.hint)
        self.hide()

    def ask(
        self, question: str, hint: str, first: str, second: str = "", placeholders: tuple[str, str] = ("", "")
    ) -> None:
        self.question.setText(question)
        self.hint.setText(hint)
        self.first_label.setText(first)
        self.second_label.setText(second)
        for field, placeholder in zip((self.first, self.second), placeholders, strict=True):
            field.clear()
            field.setPlaceholderText(placeholder)
        self.second_label.setVisible(bool(second))
        self.second.setVisible(bool(second))
        self.show()
        self.first.setFocus()

    def answers(self) -> tuple[str, str]:
        return self.first.text().strip(), self.second.text().strip()


class DockTabView(ScanTabView):
    """Receiving and putaway: this module's stylesheet, a heading, the message, the scan field `scan_name`."""

    def __init__(self, scan_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TAB_STYLESHEET)
        self.heading = QLabel()
        self.heading.setObjectName("viewSubtitle")
        self.message = message_label("")
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName(scan_name)


class ReceivingView(DockTabView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("receivingScan", parent)
        self.receive_button = QPushButton(self.tr("Receive (Ctrl+Enter)"))
        self.receive_button.setObjectName("primary")
        self.receive_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.putaway_button = QPushButton(self.tr("Put away now (Ctrl+P)"))
        self.putaway_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.putaway_button.hide()
        self.answer = AnswerPanel()

        self.orders_title = QLabel(self.tr("Open purchase orders — ↑/↓ to choose, Enter to open"))
        self.orders_title.setObjectName("fieldLabel")
        self.orders_table = task_table("openPurchaseOrders")
        self.order_heading = QLabel()
        self.order_heading.setObjectName("orderHeading")
        self.order_heading.setWordWrap(True)
        self.lines_table = task_table("receiptLines")
        self.summary = QLabel()
        self.summary.setObjectName("fieldLabel")
        self.summary.setWordWrap(True)
        self.shortcut_bar = shortcut_bar(wrap=True)

        self.stack = QStackedWidget()
        self.stack.addWidget(stack_page(self.orders_title, (self.orders_table, 1)))
        self.stack.addWidget(stack_page(self.order_heading, (self.lines_table, 1), self.summary))

        scan_row = row((self.scan_field, 1), self.putaway_button, self.receive_button, spacing=10)
        tab_column(self, self.heading, scan_row, self.message, self.answer, (self.stack, 1), self.shortcut_bar)
        self.show_orders()

    def show_orders(self) -> None:
        self.stack.setCurrentIndex(ORDERS)
        self.scan_field.setPlaceholderText(self.tr("Scan or type a purchase order number and press Enter"))
        self.receive_button.hide()

    def show_lines(self) -> None:
        self.stack.setCurrentIndex(LINES)
        self.scan_field.setPlaceholderText(
            self.tr("Scan an item: EAN/UPC, SKU or GS1-128 (lot, expiry, serial, count)")
        )
        self.receive_button.show()

    @property
    def page(self) -> int:
        return self.stack.currentIndex()
