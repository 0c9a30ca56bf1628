"""The first-run setup dialog: a QWizard of five pages plus the page that does the work.

Only widgets here; `station.ui.controllers.setup_controller` fills and drives them. Each page puts
the focus on its first field, Enter goes to the next page, Alt+letter reaches every button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_message(label: QLabel, text: str, kind: str) -> None:
    """Show `text` styled as "errorMessage", "infoMessage" or "successMessage"; empty hides it."""
    label.setObjectName(kind)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def _field_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setObjectName("fieldLabel")
    label.setBuddy(buddy)
    return label


class SetupPage(QWizardPage):
    """A page whose controller checks it before Next (`validator`) and is told when it opens."""

    def __init__(self) -> None:
        super().__init__()
        self.validator: Callable[[], bool] | None = None
        self.on_enter: Callable[[], None] | None = None

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self.validator() if self.validator is not None else True

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        if self.on_enter is not None:
            self.on_enter()


class DatabasePage(SetupPage):
    def __init__(self, sqlite_path: str) -> None:
        super().__init__()
        self.setTitle(self.tr("Database"))
        self.setSubTitle(self.tr("Where this station keeps its data."))
        self.sqlite_choice = QRadioButton(self.tr("&This computer (SQLite)"))
        self.sqlite_path = QLabel(sqlite_path)
        self.sqlite_path.setObjectName("viewSubtitle")
        self.sqlite_path.setWordWrap(True)
        self.postgres_choice = QRadioButton(self.tr("&PostgreSQL server (shared by several stations)"))
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.sqlite_choice)
        self.choices.addButton(self.postgres_choice)
        self.sqlite_choice.setChecked(True)
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://user:password@server/station")
        self.test_button = QPushButton(self.tr("T&est connection"))
        self.test_button.setAutoDefault(False)  # Enter always means Next, whichever button had the focus
        self.message = _message_label()
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sqlite_choice)
        layout.addWidget(self.sqlite_path)
        layout.addSpacing(12)
        layout.addWidget(self.postgres_choice)
        layout.addLayout(url_row)
        layout.addWidget(self.message)
        layout.addStretch(1)


class StationPage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Station"))
        self.setSubTitle(self.tr("The name shown on the sign-in screen, on labels and in the audit log."))
        self.name = QLineEdit()
        self.message = _message_label()
        form = QFormLayout(self)
        form.addRow(_field_label(self.tr("Station &name"), self.name), self.name)
        form.addRow(self.message)


class DevicesPage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Scale and printer"))
        self.setSubTitle(self.tr("Leave an address empty to skip that device; Settings → Devices can add it later."))
        self.scale_address = QComboBox()
        self.scale_address.setEditable(True)
        self.scale_address.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.find_ports_button = QPushButton(self.tr("&Find ports"))
        self.printer_url = QLineEdit()
        self.printer_url.setPlaceholderText("tcp://10.0.0.30:9100")
        self.printer_language = QComboBox()
        self.skip_button = QPushButton(self.tr("&Skip devices"))
        for button in (self.find_ports_button, self.skip_button):
            button.setAutoDefault(False)  # Enter always means Next
        self.message = _message_label()
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_address, 1)
        scale_row.addWidget(self.find_ports_button)
        form = QFormLayout(self)
        form.addRow(_field_label(self.tr("S&cale address"), self.scale_address), scale_row)
        form.addRow(_field_label(self.tr("&Printer address"), self.printer_url), self.printer_url)
        form.addRow(_field_label(self.tr("Printer &language"), self.printer_language), self.printer_language)
        form.addRow(self.skip_button)
        form.addRow(self.message)


class PluginsPage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Plugins"))
        self.setSubTitle(self.tr("Untick a plugin this station should never load. Space ticks and unticks."))
        self.plugins = QListWidget()
        self.message = _message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.plugins, 1)
        layout.addWidget(self.message)


class AdminPage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Administrator"))
        self.setSubTitle(self.tr("The first user, who can add the others. The PIN is 4 to 12 digits."))
        self.login = QLineEdit()
        self.full_name = QLineEdit()
        self.pin = QLineEdit()
        self.pin_again = QLineEdit()
        for pin in (self.pin, self.pin_again):
            pin.setEchoMode(QLineEdit.EchoMode.Password)
            pin.setMaxLength(12)
        self.message = _message_label()
        form = QFormLayout(self)
        form.addRow(_field_label(self.tr("&Login"), self.login), self.login)
        form.addRow(_field_label(self.tr("Full &name"), self.full_name), self.full_name)
        form.addRow(_field_label(self.tr("&PIN"), self.pin), self.pin)
        form.addRow(_field_label(self.tr("PIN &again"), self.pin_again), self.pin_again)
        form.addRow(self.message)


class FinishPage(SetupPage):
    """Runs the setup when entered; Finish is enabled once it succeeded."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Setting up"))
        self.setSubTitle(self.tr("Preparing the database, then saving the settings."))
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setObjectName("viewSubtitle")
        self.status.setWordWrap(True)
        self.message = _message_label()
        self.done = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.done


class SetupWizard(QWizard):
    def __init__(self, sqlite_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up this station"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        # Qt's own button texts stay English without Qt's catalogues; the station translates them.
        button = QWizard.WizardButton
        self.setButtonText(button.BackButton, self.tr("< &Back"))
        self.setButtonText(button.NextButton, self.tr("&Next >"))
        self.setButtonText(button.FinishButton, self.tr("&Finish"))
        self.setButtonText(button.CancelButton, self.tr("Cancel"))
        self.database_page = DatabasePage(sqlite_path)
        self.station_page = StationPage()
        self.devices_page = DevicesPage()
        self.plugins_page = PluginsPage()
        self.admin_page = AdminPage()
        self.finish_page = FinishPage()
        for page in (
            self.database_page,
            self.station_page,
            self.devices_page,
            self.plugins_page,
            self.admin_page,
            self.finish_page,
        ):
            self.addPage(page)
        self.busy = False  # the setup is running: Esc and the window's close button wait for it
        self.resize(760, 520)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
