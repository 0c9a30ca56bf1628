"""Starting the station: `station app`, the database opened off the UI thread, a clear error."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from ui_sample import ADMIN_PIN, Sample

import station.ui.app as app_module
from station.cli import main as station_main
from station.config import StationPaths
from station.db import Database
from station.ui.app import run_app
from station.ui.views.login_view import LoginView
from station.ui.views.main_window import MainWindow


@pytest.fixture
def quiet_start(monkeypatch: pytest.MonkeyPatch, station_home: StationPaths) -> list[str]:
    """No log files, no external plugins; error dialogs are recorded instead of shown."""
    monkeypatch.setattr(app_module, "setup_logging", lambda: None)
    monkeypatch.setenv("STATION_LOAD_PLUGINS", "")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append(f"{title}\n{text}"))
    return shown


def test_an_unreachable_database_gets_a_clear_message_without_the_password(quiet_start: list[str]):
    code = run_app("postgresql://station:s3cret@127.0.0.1:1/warehouse")
    assert code == 1
    [message] = quiet_start
    assert "Database problem" in message
    assert "127.0.0.1:1/warehouse" in message
    assert "s3cret" not in message
    assert "database server is running" in message and "--database-url" in message


def test_a_new_sqlite_database_is_created_and_the_sign_in_shows(
    monkeypatch: pytest.MonkeyPatch, quiet_start: list[str], station_home: StationPaths
):
    seen: list[LoginView] = []

    def cancel(dialog: LoginView) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginView, "exec", cancel)
    url = f"sqlite:///{station_home.data_dir / 'fresh.db'}"
    assert run_app(url, demo=True) == 0  # sign-in cancelled: the station quits
    assert quiet_start == []
    assert seen and seen[0].demo_hint.isVisibleTo(seen[0])
    database = Database(url)
    try:
        with database.engine.connect() as connection:  # migrated to head on the way
            assert connection.exec_driver_sql("SELECT count(*) FROM users").scalar() == 0
    finally:
        database.dispose()


def test_sign_in_then_the_main_window_shows(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, quiet_start: list[str], database_url: str, sample: Sample
):
    def sign_in(dialog: LoginView) -> int:
        dialog.login_field.setText("admin")
        dialog.pin_field.setText(ADMIN_PIN)
        with qtbot.waitSignal(dialog.controller.sig_logged_in, timeout=10_000):
            dialog.controller.submit()
        return dialog.result()

    windows: list[MainWindow] = []

    def event_loop(_app: QApplication) -> int:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        windows.append(window)
        qtbot.waitUntil(lambda: window.controller.tables["orders"].loaded_once, timeout=10_000)
        qtbot.waitUntil(
            lambda: "plugin" in window.plugins_label.text() and "loading" not in window.plugins_label.text()
        )
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(LoginView, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert run_app(database_url) == 0
    [window] = windows
    assert "Ana Admin" in window.user_label.text()
    assert window.database_label.text().split()[0] in ("SQLite", "PostgreSQL")
    assert window.controller.tables["orders"].model.rowCount() == 3


def test_station_app_and_bare_station_open_the_window(monkeypatch: pytest.MonkeyPatch):
    calls: list[str | None] = []
    monkeypatch.setattr(app_module, "run_app", lambda url=None, **_kw: calls.append(url) or 0)
    assert station_main(["--database-url", "sqlite:///x.db", "app"]) == 0
    monkeypatch.setattr(sys, "argv", ["station"])
    assert station_main() == 0
    assert calls == ["sqlite:///x.db", None]
