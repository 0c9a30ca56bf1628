"""Settings: the station name and language are saved to the settings file."""

from __future__ import annotations

import tomllib

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_sample import Sample
from ui_windows import show_and_activate

from station.config import StationPaths, load_settings
from station.db import Database
from station.ui.app import create_main_window
from station.ui.tasks import TaskRunner


def test_settings_save_language_and_name_to_the_toml(
    qtbot: QtBot, database: Database, sample: Sample, runner: TaskRunner, station_home: StationPaths
):
    window = create_main_window(database, sample.admin, paths=station_home, runner=runner)
    show_and_activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    settings = window.controller.settings
    view = settings.view
    assert window.controller.current_page == "settings"
    assert view.database.isReadOnly()
    assert view.database.text() == database.info.label

    view.language.setCurrentIndex(view.language.findData("es"))
    view.station_name.setText("bench-12")
    with qtbot.waitSignal(settings.sig_settings_saved, timeout=5_000):
        qtbot.keyClick(view.station_name, Qt.Key.Key_Return)

    saved = tomllib.loads(station_home.settings_file.read_text(encoding="utf-8"))
    assert saved["language"] == "es"
    assert saved["station_name"] == "bench-12"
    assert load_settings(station_home).language == "es"
    assert "next time the station starts" in view.message.text()
    assert window.station_label.text() == "Station: bench-12"  # the name applies at once


def test_an_empty_station_name_is_refused(
    qtbot: QtBot, database: Database, sample: Sample, runner: TaskRunner, station_home: StationPaths
):
    window = create_main_window(database, sample.admin, paths=station_home, runner=runner)
    qtbot.addWidget(window)
    view = window.controller.settings.view
    view.station_name.setText("  ")
    view.save_button.click()
    assert view.message.text() == "The station needs a name."
    assert not station_home.settings_file.exists()
