"""Station settings in three tabs: General (name, language, the database, read-only), Devices
(the scale and label printer, see `devices_view`) and Plugins (see `plugins_view`). Layout only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.ui.style import MESSAGE_MARGINS
from station.ui.views.devices_style import SETTINGS_TABS_STYLESHEET
from station.ui.views.devices_view import DevicesView
from station.ui.views.plugins_view import PluginsView


class SettingsView(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("viewTitle")

        self.station_name = QLineEdit()
        self.station_name.setObjectName("stationName")
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.database = QLineEdit()
        self.database.setObjectName("database")
        self.database.setReadOnly(True)
        self.settings_file = QLabel()
        self.settings_file.setObjectName("viewSubtitle")
        self.settings_file.setWordWrap(True)

        form_box = QWidget()
        form_box.setMaximumWidth(820)
        form = QGridLayout(form_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(20)
        form.setVerticalSpacing(14)
        form.setColumnStretch(1, 1)
        rows = (
            (self.tr("Station name"), self.station_name),
            (self.tr("Language"), self.language),
            (self.tr("Database"), self.database),
        )
        for row, (text, field) in enumerate(rows):
            label = self._label(text)
            label.setBuddy(field)
            form.addWidget(label, row, 0, Qt.AlignmentFlag.AlignVCenter)
            form.addWidget(field, row, 1)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setContentsMargins(*MESSAGE_MARGINS)
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)

        self.general = QWidget()
        general = QVBoxLayout(self.general)
        general.setContentsMargins(0, 16, 0, 0)
        general.setSpacing(16)
        general.addWidget(form_box)
        general.addWidget(self.settings_file)
        general.addLayout(buttons)
        general.addWidget(self.message)
        general.addStretch(1)

        self.devices = DevicesView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setStyleSheet(SETTINGS_TABS_STYLESHEET)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.general, self.tr("&General"))
        self.tabs.addTab(self.devices, self.tr("&Devices"))
        self.plugins = PluginsView()
        self.tabs.addTab(self.plugins, self.tr("&Plugins"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("fieldLabel")
        return label

    def show_message(self, text: str, *, ok: bool) -> None:
        self.message.setObjectName("successMessage" if ok else "errorMessage")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()
