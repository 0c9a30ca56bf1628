"""Settings → Devices: the bench's scale and label printer, tried out and saved. Layout only.

Keyboard: every field has a mnemonic (Alt+letter), Enter in the scale address tests the scale,
Enter in the printer address asks for its status, Ctrl+S saves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from station.ui.style import MESSAGE_MARGINS
from station.ui.views.devices_style import DEVICES_STYLESHEET


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class StateChip(QLabel):
    """A coloured word: ok (green), moving (orange), wait (cyan), bad (red), none (grey)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("deviceState")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.kind = "none"

    def show_state(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setProperty("kind", kind)
        self.setText(text)
        _restyle(self)


class DevicesView(QWidget):
    sig_shown = Signal()
    sig_hidden = Signal()  # the page or the tab was left: the scale test stops

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("devicesView")
        self.setStyleSheet(DEVICES_STYLESHEET)

        scale_panel = self._build_scale_panel()
        printer_panel = self._build_printer_panel()
        panels = QHBoxLayout()
        panels.setSpacing(20)
        panels.addWidget(scale_panel, 1)
        panels.addWidget(printer_panel, 1)

        self.save_button = QPushButton(self.tr("Sa&ve devices"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(self.tr("Save the scale and printer for this station (Ctrl+S)"))
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setContentsMargins(*MESSAGE_MARGINS)
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(panels)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

        for first, second in (
            (self.scale_address, self.find_ports_button),
            (self.find_ports_button, self.scale_protocol),
            (self.scale_protocol, self.test_scale_button),
            (self.test_scale_button, self.printer_address),
            (self.printer_address, self.printer_language),
            (self.printer_language, self.printer_status_button),
            (self.printer_status_button, self.test_label_button),
            (self.test_label_button, self.save_button),
        ):
            QWidget.setTabOrder(first, second)

    # -- layout ------------------------------------------------------------------------------------

    def _build_scale_panel(self) -> QFrame:
        self.scale_address = QComboBox()
        self.scale_address.setObjectName("scaleAddress")
        self.scale_address.setEditable(True)
        self.scale_address_edit = QLineEdit()  # the typed part of the combo
        self.scale_address_edit.setPlaceholderText("/dev/ttyUSB0 · COM3 · socket://HOST:PORT")
        self.scale_address.setLineEdit(self.scale_address_edit)
        self.scale_address.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scale_address.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.find_ports_button = QPushButton(self.tr("&Find ports"))
        self.find_ports_button.setObjectName("smallButton")
        self.find_ports_button.setToolTip(self.tr("Look again for serial ports (after plugging in a scale)"))
        self.scale_hint = self._hint()
        self.scale_protocol = QComboBox()
        self.scale_protocol.setObjectName("scaleProtocol")
        self.test_scale_button = QPushButton(self.tr("&Test scale"))
        self.test_scale_button.setObjectName("primary")

        self.weight_figure = QLabel("—")
        self.weight_figure.setObjectName("weightFigure")
        self.weight_figure.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.weight_figure.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.scale_state = StateChip()
        self.scale_detail = QLabel()
        self.scale_detail.setObjectName("weightDetail")
        self.scale_detail.setWordWrap(True)

        live = QHBoxLayout()
        live.setSpacing(16)
        live.addWidget(self.weight_figure)
        live.addWidget(self.scale_state, 0, Qt.AlignmentFlag.AlignVCenter)
        live.addStretch(1)

        panel, column = self._panel(self.tr("Scale"))
        self._field(column, self.tr("Port or &address"), self.scale_address, self.find_ports_button)
        column.addWidget(self.scale_hint)
        self._field(column, self.tr("Pr&otocol"), self.scale_protocol)
        column.addSpacing(4)
        column.addLayout(self._row(self.test_scale_button))
        column.addLayout(live)
        column.addWidget(self.scale_detail)
        column.addStretch(1)
        return panel

    def _build_printer_panel(self) -> QFrame:
        self.printer_address = QLineEdit()
        self.printer_address.setObjectName("printerAddress")
        self.printer_address.setPlaceholderText("tcp://HOST:9100")
        self.printer_hint = self._hint()
        self.printer_hint.setText(
            "tcp://HOST:9100 · serial:///dev/ttyUSB0?baudrate=9600\ncups://QUEUE · win://NAME · file:///DIR"
        )
        self.printer_language = QComboBox()
        self.printer_language.setObjectName("printerLanguage")
        self.printer_status_button = QPushButton(self.tr("&Status"))
        self.test_label_button = QPushButton(self.tr("Print test &label"))
        self.printer_state = StateChip()
        self.printer_details = QLabel()
        self.printer_details.setObjectName("printerDetails")
        self.printer_details.setWordWrap(True)

        panel, column = self._panel(self.tr("Label printer"))
        self._field(column, self.tr("Printer add&ress"), self.printer_address)
        column.addWidget(self.printer_hint)
        self._field(column, self.tr("La&nguage"), self.printer_language)
        column.addSpacing(4)
        column.addLayout(self._row(self.printer_status_button, self.test_label_button))
        column.addSpacing(8)
        column.addLayout(self._row(self.printer_state))
        column.addWidget(self.printer_details)
        column.addStretch(1)
        return panel

    @staticmethod
    def _panel(title: str) -> tuple[QFrame, QVBoxLayout]:
        panel = QFrame()
        panel.setObjectName("devicePanel")
        column = QVBoxLayout(panel)
        column.setContentsMargins(22, 18, 22, 20)
        column.setSpacing(8)
        heading = QLabel(title)
        heading.setObjectName("panelTitle")
        column.addWidget(heading)
        return panel, column

    @staticmethod
    def _field(column: QVBoxLayout, text: str, field: QWidget, beside_label: QWidget | None = None) -> None:
        """A label above its field (panels are narrow: the fields get the whole width); a button
        that belongs to the field may sit at the right of the label."""
        label = QLabel(text)
        label.setObjectName("fieldLabel")
        label.setBuddy(field)
        column.addSpacing(6)
        if beside_label is None:
            column.addWidget(label)
        else:
            row = QHBoxLayout()
            row.addWidget(label, 1, Qt.AlignmentFlag.AlignBottom)
            row.addWidget(beside_label)
            column.addLayout(row)
        column.addWidget(field)

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    @staticmethod
    def _hint() -> QLabel:
        hint = QLabel()
        hint.setObjectName("fieldHint")
        hint.setWordWrap(True)
        return hint

    # -- what the controller changes ---------------------------------------------------------------

    @staticmethod
    def show_detail(label: QLabel, text: str, kind: str) -> None:
        """The line under a state chip; in bold red when something must be fixed."""
        label.setProperty("kind", kind)
        label.setText(text)
        _restyle(label)

    def show_message(self, text: str, *, ok: bool) -> None:
        self.message.setObjectName("successMessage" if ok else "errorMessage")
        _restyle(self.message)
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.sig_shown.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.sig_hidden.emit()
