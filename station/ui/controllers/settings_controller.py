"""Settings: edits the station name and language and saves them to the settings file.

The language applies the next time the station starts (every open view would otherwise have to
re-translate itself); the station name applies at once (status bar).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from station.config import Settings, SettingsError, StationPaths, save_settings
from station.db.engine import DatabaseInfo
from station.ui.views.settings_view import SettingsView

LANGUAGES = ("system", "es", "en")


class SettingsController(QObject):
    sig_settings_saved = Signal(object)  # the saved Settings

    def __init__(
        self,
        view: SettingsView,
        settings: Settings,
        database: DatabaseInfo,
        paths: StationPaths,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.settings = settings
        self._paths = paths
        view.language.addItem(self.tr("System language"), "system")
        view.language.addItem("Español (Chile)", "es")  # each language in its own words
        view.language.addItem("English", "en")
        view.database.setText(database.label)
        view.database.setToolTip(self.tr("Change it with `station --database-url` or in the settings file."))
        view.settings_file.setText(self.tr("Settings file: %1").replace("%1", str(paths.settings_file)))
        self._show(settings)
        view.save_button.clicked.connect(self.save)
        view.station_name.returnPressed.connect(self.save)

    def _show(self, settings: Settings) -> None:
        self.view.station_name.setText(settings.station_name)
        self.view.language.setCurrentIndex(max(0, self.view.language.findData(settings.language)))

    def save(self) -> None:
        name = self.view.station_name.text().strip()
        if not name:
            self.view.show_message(self.tr("The station needs a name."), ok=False)
            self.view.station_name.setFocus()
            return
        language = str(self.view.language.currentData())
        if language not in LANGUAGES:
            language = "system"
        updated = replace(self.settings, station_name=name, language=language)
        try:
            save_settings(updated, self._paths)
        except (OSError, SettingsError) as exc:
            self.view.show_message(self.tr("Could not save the settings: %1").replace("%1", str(exc)), ok=False)
            return
        language_changed = updated.language != self.settings.language
        self.settings = updated
        text = self.tr("Saved.")
        if language_changed:
            text += " " + self.tr("The new language shows the next time the station starts.")
        self.view.show_message(text, ok=True)
        self.sig_settings_saved.emit(updated)
