"""The Transfers tab: "Move between bins" on top, "Transfers between warehouses" below.

Layout only; `TransfersController` and `BinMoveController` wire it. Each section has its own scan
field (Tab jumps between them); tables and buttons never take the focus, so a scanner always lands
in a scan field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.ui.style import INK, LINE, MUTED
from station.ui.views.widgets import message_label, read_only_table, shortcut_bar, shortcut_text, show_message

TAB_STYLESHEET = f"""
QLabel#transferSection {{ font-size: 15pt; font-weight: bold; color: {INK}; }}
QLabel#shortcutBar {{ font-size: 11pt; color: {INK}; background: #E2E8F0; border-radius: 6px; padding: 5px 10px; }}
QLabel#scanState {{ font-size: 13pt; color: {MUTED}; }}
QFrame#transferRule {{ color: {LINE}; }}
QPushButton {{ font-size: 12pt; padding: 7px 14px; }}
"""
NUMBER, CLIENT, FROM, TO, STATUS, UNITS, ARRIVED, CREATED = range(8)


def _button(text: str, name: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan fields keep the focus
    if name:
        button.setObjectName(name)
    return button


class TransfersView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TAB_STYLESHEET)
        # -- move between bins
        self.move_heading = QLabel(self.tr("Move between bins"))
        self.move_heading.setObjectName("transferSection")
        self.move_field = QLineEdit()
        self.move_field.setObjectName("moveScan")
        self.move_field.setPlaceholderText(self.tr("Scan the bin to take from, then items, then the bin they go to"))
        self.move_state = QLabel()
        self.move_state.setObjectName("scanState")
        self.move_state.setWordWrap(True)
        self.move_message = message_label("")
        # -- transfers between warehouses
        self.transfer_heading = QLabel(self.tr("Transfers between warehouses"))
        self.transfer_heading.setObjectName("transferSection")
        self.warehouse_label = QLabel()
        self.warehouse_label.setObjectName("viewSubtitle")
        self.transfer_field = QLineEdit()
        self.transfer_field.setObjectName("transferScan")
        self.transfer_field.setPlaceholderText(self.tr("Scan a transfer number, a bin or an item"))
        self.destination_label = QLabel(self.tr("Send to"))
        self.destination_label.setObjectName("fieldLabel")
        self.destination = QComboBox()
        self.destination.setObjectName("transferDestination")
        self.destination.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Wide enough for "CCP — Bodega Concepción"; a longer name is cut, never widening the window.
        self.destination.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.destination.setMinimumContentsLength(24)
        self.transfer_state = QLabel()
        self.transfer_state.setObjectName("scanState")
        self.transfer_state.setWordWrap(True)
        self.transfer_message = message_label("")
        self.table = self._table()
        self.new_button = _button(self.tr("New transfer (Ctrl+N)"), "primary")
        self.dispatch_button = _button(self.tr("Dispatch (Ctrl+D)"))
        self.receive_button = _button(self.tr("Receive (Ctrl+Enter)"))
        self.cancel_button = _button(self.tr("Cancel (Ctrl+Del)"))
        self.refresh_button = _button(self.tr("Refresh (Ctrl+R)"))
        self.shortcut_bar = shortcut_bar(wrap=True)
        self._layout()

    def _table(self) -> QTableView:
        table = read_only_table(object_name="transfersTable", sortable=False)
        table.setWordWrap(True)  # the client's name wraps in its stretched column
        return table

    def fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.table.model().columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CLIENT, QHeaderView.ResizeMode.Stretch)

    def _layout(self) -> None:
        rule = QFrame()
        rule.setObjectName("transferRule")
        rule.setFrameShape(QFrame.Shape.HLine)
        title_row = QHBoxLayout()
        title_row.addWidget(self.transfer_heading)
        title_row.addSpacing(12)
        title_row.addWidget(self.warehouse_label, 1)
        scan_row = QHBoxLayout()
        scan_row.setSpacing(10)
        scan_row.addWidget(self.transfer_field, 1)
        scan_row.addWidget(self.destination_label)
        scan_row.addWidget(self.destination)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.dispatch_button, self.receive_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.move_heading)
        layout.addWidget(self.move_field)
        layout.addWidget(self.move_state)
        layout.addWidget(self.move_message)
        layout.addSpacing(4)
        layout.addWidget(rule)
        layout.addLayout(title_row)
        layout.addLayout(scan_row)
        layout.addWidget(self.transfer_state)
        layout.addWidget(self.transfer_message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.shortcut_bar)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's name and signature
        """Tab and Shift+Tab go from one scan field to the other (nothing else here takes the focus)."""
        for here, there in ((self.move_field, self.transfer_field), (self.transfer_field, self.move_field)):
            if here.hasFocus():
                there.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().focusNextPrevChild(next)

    def set_move_message(self, kind: str, text: str) -> None:
        show_message(self.move_message, kind, text)

    def set_transfer_message(self, kind: str, text: str) -> None:
        show_message(self.transfer_message, kind, text)

    def set_shortcuts(self, pairs: list[tuple[str, str]]) -> None:
        self.shortcut_bar.setText(shortcut_text(pairs))
