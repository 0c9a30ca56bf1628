"""The sign-in dialog: login, PIN, a message line. Layout only; `LoginController` wires it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.ui.style import MESSAGE_MARGINS


class LoginView(QDialog):
    def __init__(self, station_name: str, demo_hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginView")
        self.setWindowTitle(self.tr("Just Logistics Station — sign in"))
        self.setFixedWidth(620)

        brand = QLabel(self.tr("Just Logistics Station"))
        brand.setObjectName("viewTitle")
        station = QLabel(self.tr("Station %1").replace("%1", station_name))
        station.setObjectName("viewSubtitle")
        instructions = QLabel(self.tr("Scan your badge, or type your login and PIN."))
        instructions.setObjectName("viewSubtitle")
        instructions.setWordWrap(True)

        self.login_field = QLineEdit()
        self.login_field.setObjectName("loginField")
        self.login_field.setPlaceholderText(self.tr("Login or badge"))
        self.pin_field = QLineEdit()
        self.pin_field.setObjectName("pinField")
        self.pin_field.setPlaceholderText(self.tr("PIN"))
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        login_label = QLabel(self.tr("&Login"))
        login_label.setObjectName("fieldLabel")
        login_label.setBuddy(self.login_field)
        pin_label = QLabel(self.tr("&PIN"))
        pin_label.setObjectName("fieldLabel")
        pin_label.setBuddy(self.pin_field)

        self.message = QLabel()
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.setContentsMargins(*MESSAGE_MARGINS)
        self.message.hide()

        self.demo_hint = QLabel(demo_hint)
        self.demo_hint.setObjectName("demoHint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setContentsMargins(*MESSAGE_MARGINS)
        self.demo_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.demo_hint.setVisible(bool(demo_hint))

        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.setAutoDefault(False)  # Enter belongs to the fields (see the controller)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.sign_in_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 30, 36, 30)
        layout.setSpacing(10)
        layout.addWidget(brand)
        layout.addWidget(station)
        layout.addSpacing(6)
        layout.addWidget(instructions)
        layout.addSpacing(10)
        layout.addWidget(login_label)
        layout.addWidget(self.login_field)
        layout.addWidget(pin_label)
        layout.addWidget(self.pin_field)
        layout.addSpacing(6)
        layout.addWidget(self.message)
        layout.addWidget(self.demo_hint)
        layout.addSpacing(10)
        layout.addLayout(buttons)
        self.setTabOrder(self.login_field, self.pin_field)
        self.login_field.setFocus()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self._fit_height()

    def clear_problem(self) -> None:
        if self.message.isVisible():
            self.message.clear()
            self.message.hide()
            self._fit_height()

    def _fit_height(self) -> None:
        """Grow or shrink to the wrapped messages (Qt under-measures wrapped, styled labels)."""
        for label in (self.message, self.demo_hint):
            label.ensurePolished()
            label.setMinimumHeight(label.heightForWidth(self.login_field.width()) if label.isVisibleTo(self) else 0)
        self.adjustSize()

    def set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
