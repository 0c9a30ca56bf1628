"""The Transfers tab: "Move between bins" on top, "Transfers between warehouses" below.

Layout only; `TransfersController` and `BinMoveController` wire it. Each section has its own scan
field (Tab jumps between them); tables and buttons never take the focus, so a scanner always lands
in a scan field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from station.ui.style import INK, LINE, MESSAGE_MARGINS, MUTED

TAB_STYLESHEET = f"""
QLabel#transferSection {{ font-size: 15pt; font-weight: bold; color: {INK}; }}
QLabel#shortcutBar {{ font-size: 11pt; color: {INK}; background: #E2E8F0; border-radius: 6px; padding: 5px 10px; }}
QLabel#scanState {{ font-size: 13pt; color: {MUTED}; }}
QFrame#transferRule {{ color: {LINE}; }}
QPushButton {{ font-size: 12pt; padding: 7px 14px; }}
"""
MESSAGE_NAMES = {"error": "errorMessage", "info": "infoMessage", "success": "successMessage"}
NUMBER, CLIENT, FROM, TO, STATUS, UNITS, ARRIVED, CREATED = range(8)


def _message() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setContentsMargins(*MESSAGE_MARGINS)
    label.hide()
    return label


def show_message(label: QLabel, kind: str, text: str) -> None:
    """kind: error (red), info (cyan), success (green); empty text hides the message."""
    name = MESSAGE_NAMES.get(kind, "infoMessage")
    if label.objectName() != name:
        label.setObjectName(name)
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


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
        self.move_message = _message()
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
        self.transfer_message = _message()
        self.table = self._table()
        self.new_button = _button(self.tr("New transfer (Ctrl+N)"), "primary")
        self.dispatch_button = _button(self.tr("Dispatch (Ctrl+D)"))
        self.receive_button = _button(self.tr("Receive (Ctrl+Enter)"))
        self.cancel_button = _button(self.tr("Cancel (Ctrl+Del)"))
        self.refresh_button = _button(self.tr("Refresh (Ctrl+R)"))
        self.shortcut_bar = QLabel()
        self.shortcut_bar.setObjectName("shortcutBar")
        self.shortcut_bar.setTextFormat(Qt.TextFormat.RichText)
        self.shortcut_bar.setWordWrap(True)
        self._layout()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("transfersTable")
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(36)
        table.horizontalHeader().setHighlightSections(False)
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
        self.shortcut_bar.setText(" &nbsp;·&nbsp; ".join(f"<b>{key}</b>&nbsp;{what}" for key, what in pairs))
