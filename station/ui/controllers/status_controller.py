"""The status bar: user, database, station name, bench devices, plugin health."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel

from station.config import Settings
from station.db.engine import DatabaseInfo
from station.pluginhost import PluginInfo
from station.services.auth import LoggedInUser
from station.services.health import DeviceHealth, PluginHealth, device_health, plugin_health
from station.ui.views.main_window import MainWindow

DATABASE_LABEL_WIDTH = 280  # pixels; longer labels are cut (the tooltip has them whole)
DEVICE_URL_CHARS = 26  # a longer device URL is cut in the status bar (the tooltip has it whole)


def _short(url: str) -> str:
    return url if len(url) <= DEVICE_URL_CHARS else url[: DEVICE_URL_CHARS - 1] + "…"


class StatusController(QObject):
    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window

    def show_user(self, user: LoggedInUser) -> None:
        role = {
            "packer": self.tr("packer"),
            "lead": self.tr("lead"),
            "admin": self.tr("admin"),
        }.get(str(user.role), str(user.role))
        self.window.user_label.setText(user.name)
        self.window.user_label.setToolTip(self.tr("Signed in as %1").replace("%1", f"{user.login} ({role})"))

    def show_database(self, info: DatabaseInfo) -> None:
        label = self.window.database_label
        # Cut when long: a SQLite path in the middle (kind and file name stay), a PostgreSQL
        # label at the end (kind, host and port stay).
        mode = Qt.TextElideMode.ElideMiddle if info.dialect == "sqlite" else Qt.TextElideMode.ElideRight
        label.setText(label.fontMetrics().elidedText(info.label, mode, DATABASE_LABEL_WIDTH))
        self.window.database_label.setToolTip(self.tr("Database: %1").replace("%1", info.label))

    def show_station(self, settings: Settings) -> None:
        self.window.station_label.setText(self.tr("Station: %1").replace("%1", settings.station_name))

    def show_devices(self, settings: Settings) -> None:
        health: DeviceHealth = device_health(settings.devices)
        not_configured = self.tr("not configured")
        scale = self.tr("Scale: %1")
        printer = self.tr("Printer: %1")
        label = self.window.devices_label
        label.setText(
            f"{scale.replace('%1', _short(health.scale_url) or not_configured)} · "
            f"{printer.replace('%1', _short(health.printer_url) or not_configured)}"
        )
        unset = not health.scale_url or not health.printer_url
        hint = self.tr("Set the scale and printer in the settings file, section [devices].")
        label.setToolTip(
            f"{scale.replace('%1', health.scale_url or not_configured)}\n"
            f"{printer.replace('%1', health.printer_url or not_configured)}" + (f"\n\n{hint}" if unset else "")
        )

    def show_plugins_loading(self) -> None:
        self.window.plugins_label.setText(self.tr("Plugins: loading…"))

    def show_plugins(self, infos: Iterable[PluginInfo]) -> None:
        health: PluginHealth = plugin_health(infos)
        text = self.tr("%n plugin(s)", None, health.total)
        if health.failed:
            text += ", " + self.tr("%n failed", None, health.failed)
            tooltip = "\n".join(f"{name}: {error}" for name, error in health.failures)
            self._mark_problem(self.window.plugins_label, True)
        else:
            tooltip = self.tr("All plugins loaded.")
            self._mark_problem(self.window.plugins_label, False)
        self.window.plugins_label.setText(text)
        self.window.plugins_label.setToolTip(tooltip)

    def show_plugins_failed(self, message: str) -> None:
        self.window.plugins_label.setText(self.tr("Plugins: not loaded"))
        self.window.plugins_label.setToolTip(message)
        self._mark_problem(self.window.plugins_label, True)

    def show_task_problem(self, message: str) -> None:
        self.window.task_problem_label.setText(message)

    @staticmethod
    def _mark_problem(label: QLabel, problem: bool) -> None:
        label.setProperty("problem", problem)
        label.style().unpolish(label)  # the stylesheet colours [problem="true"] labels
        label.style().polish(label)
