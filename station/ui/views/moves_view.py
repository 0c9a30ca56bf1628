"""The "Movements" tab: the stock ledger, newest first, narrowed by filters; export what it shows.

Layout only; `MovesController` wires it. The SKU field takes a scan; Enter in any filter applies them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from station.ui.views.widgets import message_label, read_only_table, scan_field, style_message, tab_column


class MovesView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sku = scan_field(self.tr("Scan or type a SKU"))
        self.location = scan_field(self.tr("Bin code"))
        self.lot = scan_field(self.tr("Lot code"))
        self.reference = scan_field(self.tr("Order or PO number"))
        self.since = scan_field(self.tr("YYYY-MM-DD"))
        self.until = scan_field(self.tr("YYYY-MM-DD"))
        self.kind = QComboBox()
        self.reason = QComboBox()
        self.user = QComboBox()
        for combo in (self.kind, self.reason, self.user):
            combo.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            combo.setObjectName("filter")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        for field in (self.since, self.until):
            field.setMinimumWidth(150)  # a whole YYYY-MM-DD

        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("primary")
        self.clear_button = QPushButton(self.tr("Clear"))
        self.export_button = QPushButton(self.tr("Export…"))
        for button in (self.apply_button, self.clear_button, self.export_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter applies, Esc clears, Ctrl+E exports

        first = QHBoxLayout()
        first.setSpacing(12)
        for title, widget, stretch in (
            (self.tr("SKU"), self.sku, 3),
            (self.tr("Bin"), self.location, 2),
            (self.tr("Lot"), self.lot, 2),
            (self.tr("Reference"), self.reference, 3),
        ):
            first.addLayout(self._labelled(title, widget), stretch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.export_button)
        first.addLayout(buttons)
        first.setAlignment(buttons, Qt.AlignmentFlag.AlignBottom)
        second = QHBoxLayout()
        second.setSpacing(12)
        for title, widget in (
            (self.tr("Kind"), self.kind),
            (self.tr("Reason"), self.reason),
            (self.tr("User"), self.user),
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
        ):
            second.addLayout(self._labelled(title, widget), 2)

        self.summary = QLabel()
        self.summary.setObjectName("viewSubtitle")
        self.message = message_label()
        self.table = read_only_table()

        tab_column(self, first, second, self.message, self.summary, (self.table, 1))

    @staticmethod
    def _labelled(title: str, widget: QWidget) -> QVBoxLayout:
        label = QLabel(title)
        label.setObjectName("fieldLabel")
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(label)
        box.addWidget(widget)
        return box

    @property
    def text_fields(self) -> tuple[QLineEdit, ...]:
        return (self.sku, self.location, self.lot, self.reference, self.since, self.until)

    def show_message(self, text: str, kind: str = "infoMessage") -> None:
        style_message(self.message, kind, text)

    def clear_message(self) -> None:
        self.message.hide()
