"""Settings: edits the station name and language and saves them to the settings file; the
Devices tab (scale and label printer) has its own controller, `DevicesController`, and so has the
Plugins tab (install and remove plugin wheels), `PluginsController`.

The language applies the next time the station starts (every open view would otherwise have to
re-translate itself); the station name applies at once (status bar).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from station.config import Settings, SettingsError, StationPaths, save_settings
from station.db.engine import DatabaseInfo
from station.pluginhost import PluginHost
from station.ui.controllers.devices_controller import DevicesController
from station.ui.controllers.plugins_controller import PluginsController
from station.ui.tasks import TaskRunner
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
        *,
        runner: TaskRunner | None = None,
        plugin_host: PluginHost | None = None,
    ) -> None:
        """Without ``runner`` the Devices tab runs its work on a runner of its own; without
        ``plugin_host`` it loads the plugins itself when first shown (``set_plugin_host`` hands
        over the window's instead)."""
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
        self.devices = DevicesController(view.devices, settings, paths, runner, plugin_host, self)
        self.devices.sig_devices_saved.connect(self._devices_saved)
        self.plugins = PluginsController(view.plugins, self.devices.runner, plugin_host, self)
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
        self.devices.use_settings(updated)
        self.sig_settings_saved.emit(updated)

    def _devices_saved(self, updated: Settings) -> None:
        self.settings = replace(self.settings, devices=updated.devices)
        self.sig_settings_saved.emit(self.settings)

    def set_plugin_host(self, plugin_host: PluginHost) -> None:
        """The window's plugins: the Devices tab offers their scale protocols and printer transports."""
        self.devices.set_plugin_host(plugin_host)
        self.plugins.set_plugin_host(plugin_host)

    def shutdown(self) -> None:
        """Stop the scale test and what the Devices tab started."""
        self.devices.shutdown()
