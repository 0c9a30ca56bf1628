"""Settings → Plugins with real parts: the plugin host, real wheels installed into a temporary
STATION_HOME, the keyboard (path + Enter installs, Delete removes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from plugin_wheels import make_plugin_wheel
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_windows import show_and_activate

from station.config import Settings, StationPaths
from station.db.engine import DatabaseInfo
from station.plugin_store import user_plugins_dir
from station.pluginhost import PluginHost
from station.services.plugin_install import install_wheel
from station.ui.controllers import plugins_controller
from station.ui.controllers.plugins_controller import PluginsController
from station.ui.controllers.settings_controller import SettingsController
from station.ui.tasks import TaskRunner
from station.ui.views.plugins_view import PluginsView
from station.ui.views.settings_view import SettingsView

WAIT_MS = 10_000

OpenPage = Callable[[PluginHost], tuple[PluginsView, PluginsController]]


@pytest.fixture
def open_page(qtbot: QtBot, runner: TaskRunner, station_home: StationPaths) -> Iterator[OpenPage]:
    """Opens Settings on its Plugins tab with a given plugin host and waits for the list."""
    opened: list[tuple[SettingsController, PluginHost]] = []

    def open_with(host: PluginHost) -> tuple[PluginsView, PluginsController]:
        view = SettingsView("Settings")
        controller = SettingsController(
            view,
            Settings(station_name="bench-7"),
            DatabaseInfo("sqlite", "/tmp/station.db"),
            station_home,
            runner=runner,
            plugin_host=host,
        )
        opened.append((controller, host))
        view.resize(1200, 760)
        show_and_activate(qtbot, view)  # mnemonics (Alt+B) need an active window
        with qtbot.waitSignal(controller.plugins.sig_listed, timeout=WAIT_MS):
            view.tabs.setCurrentWidget(view.plugins)
        return view.plugins, controller.plugins

    yield open_with
    for controller, host in opened:
        controller.shutdown()
        host.close()


def rows(view: PluginsView) -> dict[str, list[str]]:
    table = view.table
    return {
        table.item(row, 0).text(): [table.item(row, column).text() for column in range(1, 5)]
        for row in range(table.rowCount())
    }


def select(view: PluginsView, name: str) -> None:
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == name)
    view.table.setFocus()
    view.table.selectRow(row)


def test_a_wheel_installs_by_path_and_enter_then_leaves_by_delete(
    qtbot: QtBot, open_page: OpenPage, tmp_path: Path
) -> None:
    view, controller = open_page(PluginHost(environ={"STATION_LOAD_PLUGINS": ""}))
    assert rows(view)["manual_payment"] == ["built-in", "payment_gateway", "Loaded", ""]
    select(view, "manual_payment")
    assert not view.remove_button.isEnabled()  # built-ins stay
    assert view.restart_note.text().startswith("Installing or removing a plugin takes effect the next time")
    wheel = make_plugin_wheel(tmp_path, "pu_notes", version="0.2.0")

    view.wheel_path.setFocus()
    qtbot.keyClicks(view.wheel_path, str(wheel))
    with qtbot.waitSignal(controller.sig_listed, timeout=WAIT_MS):
        qtbot.keyClick(view.wheel_path, Qt.Key.Key_Return)

    assert view.message.text() == "Installed pu-notes 0.2.0. Restart the station to load it."
    assert view.message.objectName() == "successMessage"
    assert view.wheel_path.text() == ""
    assert rows(view)["pu_notes"] == ["0.2.0", "", "Installed; restart to load", ""]
    assert (user_plugins_dir() / "pu_notes" / "__init__.py").exists()

    select(view, "pu_notes")
    assert view.remove_button.isEnabled()
    with qtbot.waitSignal(controller.sig_listed, timeout=WAIT_MS):
        qtbot.keyClick(view.table, Qt.Key.Key_Delete)

    assert view.message.text() == "Removed pu-notes. Restart the station to unload it."
    assert "pu_notes" not in rows(view)
    assert not (user_plugins_dir() / "pu_notes").exists()


def test_a_loaded_plugin_shows_its_kinds_and_is_marked_removed_until_restart(
    qtbot: QtBot, open_page: OpenPage, tmp_path: Path, station_home: StationPaths
) -> None:
    install_wheel(make_plugin_wheel(tmp_path, "pu_loaded", version="3.1.0"))
    view, controller = open_page(PluginHost(environ={"STATION_LOAD_PLUGINS": "pu_loaded"}))
    assert rows(view)["pu_loaded"] == ["3.1.0", "notifications", "Loaded", ""]

    select(view, "pu_loaded")
    with qtbot.waitSignal(controller.sig_listed, timeout=WAIT_MS):
        view.remove_button.click()

    assert rows(view)["pu_loaded"][2] == "Removed; restart to unload"
    select(view, "pu_loaded")
    assert not view.remove_button.isEnabled()


def test_a_plugin_for_another_api_is_refused_with_both_versions(
    qtbot: QtBot, open_page: OpenPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view, _controller = open_page(PluginHost(environ={"STATION_LOAD_PLUGINS": ""}))
    wheel = make_plugin_wheel(tmp_path, "pu_future", api="2.0")
    monkeypatch.setattr(
        plugins_controller.QFileDialog, "getOpenFileName", lambda *args: (str(wheel), "Python wheels (*.whl)")
    )

    assert view.wheel_path.hasFocus()  # the page opens in the path field
    qtbot.keyClick(view.wheel_path, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Browse…
    qtbot.waitUntil(lambda: view.wheel_path.text() == str(wheel), timeout=WAIT_MS)  # a mnemonic clicks later
    assert view.install_button.hasFocus()
    qtbot.keyClick(view.install_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.message.isVisible(), timeout=WAIT_MS)

    assert view.message.objectName() == "errorMessage"
    assert view.message.text().startswith("Nothing changed: pu-future 1.0.0 is not compatible with this station")
    assert "needs station plugin API 2.x; this station provides 1.0" in view.message.text()
    assert "pu_future" not in rows(view)
    site = user_plugins_dir()
    assert not site.exists() or not any(site.iterdir())


def test_a_path_that_is_not_a_file_is_named(qtbot: QtBot, open_page: OpenPage, tmp_path: Path) -> None:
    view, _controller = open_page(PluginHost(environ={"STATION_LOAD_PLUGINS": ""}))
    qtbot.keyClick(view.wheel_path, Qt.Key.Key_Return)
    assert view.message.text() == "Choose a plugin wheel (.whl) first."
    missing = tmp_path / "nowhere.whl"
    qtbot.keyClicks(view.wheel_path, str(missing))
    qtbot.keyClick(view.wheel_path, Qt.Key.Key_Return)
    assert view.message.text() == f"No file at {missing}."
    assert view.wheel_path.hasFocus()
