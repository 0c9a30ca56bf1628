"""The first-run dialog, driven by keyboard only, on a fresh STATION_HOME (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot
from ui_windows import show_and_activate

from station.config import StationPaths, load_settings
from station.db.engine import Database
from station.db.models import Role
from station.services.auth import sign_in
from station.services.setup import SetupValues
from station.ui.controllers.setup_controller import SetupController, create_setup_wizard
from station.ui.controllers.setup_start import first_run
from station.ui.tasks import TaskRunner
from station.ui.views.setup_view import SetupWizard

UNREACHABLE_PG = "postgresql+psycopg://station:s3cret@127.0.0.1:1/warehouse"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_and(text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:
    if text:
        QTest.keyClicks(focused(), text)
    QTest.keyClick(focused(), key)


def alt(letter: str) -> None:
    QTest.keyClick(focused(), getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)


@pytest.fixture
def wizard(qtbot: QtBot, station_home: StationPaths, runner: TaskRunner) -> SetupWizard:
    view = create_setup_wizard(station_home, runner, SetupValues(station_name="host-1"))
    show_and_activate(qtbot, view)
    return view


def controller_of(wizard: SetupWizard) -> SetupController:
    return wizard.controller  # type: ignore[attr-defined]


def choose_postgres(qtbot: QtBot, wizard: SetupWizard, url: str) -> None:
    alt("P")  # the PostgreSQL choice
    qtbot.waitUntil(wizard.database_page.postgres_choice.isChecked)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is wizard.database_page.url
    QTest.keyClicks(focused(), url)
    with qtbot.waitSignal(controller_of(wizard).sig_connection_tested, timeout=20000):
        alt("E")  # Test connection


def walk_to_the_end(qtbot: QtBot, wizard: SetupWizard) -> None:
    """From the database page: Enter, name, skip devices, plugins, admin twice-typed PIN."""
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.station_page
    QTest.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_and("bench-1", Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.devices_page
    alt("S")  # Skip devices (a mnemonic clicks a moment later)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.plugins_page)
    qtbot.waitUntil(lambda: wizard.plugins_page.plugins.count() > 0, timeout=20000)
    QTest.keyClick(focused(), Qt.Key.Key_Space)  # untick the first plugin
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page
    type_and("marta")
    type_and("Marta Rojas")
    type_and("2468")
    type_and("2468", Qt.Key.Key_Return)


def test_a_fresh_station_is_set_up_with_the_keyboard_only(
    qtbot: QtBot, wizard: SetupWizard, station_home: StationPaths, empty_url: str
):
    if empty_url:
        choose_postgres(qtbot, wizard, empty_url)
        assert "Connected: PostgreSQL" in wizard.database_page.message.text()
    with qtbot.waitSignal(controller_of(wizard).sig_setup_done, timeout=60000):
        walk_to_the_end(qtbot, wizard)
    assert "This station is ready" in wizard.finish_page.message.text()
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.FinishButton).isEnabled())
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wizard.result() == QWizard.DialogCode.Accepted

    settings = load_settings(station_home)
    assert (settings.station_name, settings.database_url) == ("bench-1", empty_url)
    assert settings.devices.scale_url == settings.devices.printer_url == ""
    first_plugin = wizard.plugins_page.plugins.item(0).data(Qt.ItemDataRole.UserRole)
    assert settings.disabled_plugins == [first_plugin]
    database = Database(empty_url or f"sqlite:///{station_home.sqlite_file}")
    try:
        user = sign_in(database, "marta", "2468", "bench-1").user
    finally:
        database.dispose()
    assert user is not None and user.role is Role.ADMIN


@pytest.fixture(params=("sqlite", "postgresql"))
def empty_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return ""
    return request.getfixturevalue("postgres_databases").create(migrated=False)


def test_a_wrong_postgresql_url_says_why_and_cancel_leaves_nothing(
    qtbot: QtBot, wizard: SetupWizard, station_home: StationPaths
):
    choose_postgres(qtbot, wizard, UNREACHABLE_PG)
    message = wizard.database_page.message.text()
    assert "Cannot connect to postgresql+psycopg://station:***@127.0.0.1:1/warehouse" in message
    assert "refused" in message and "s3cret" not in message

    with qtbot.waitSignal(controller_of(wizard).sig_setup_failed, timeout=60000):
        walk_to_the_end(qtbot, wizard)
    assert "nothing was saved" in wizard.finish_page.message.text()
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert not station_home.settings_file.exists()


def test_pins_that_differ_keep_the_admin_page(qtbot: QtBot, wizard: SetupWizard):
    wizard.setCurrentId(wizard.pageIds()[-2])
    wizard.admin_page.on_enter()  # type: ignore[misc]
    type_and("marta")
    type_and("")
    type_and("2468")
    type_and("2469", Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.admin_page.message.text() == "The two PINs are not the same. Type the PIN again."
    assert focused() is wizard.admin_page.pin_again


def test_a_configured_station_skips_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, station_home: StationPaths, runner: TaskRunner
):
    monkeypatch.setenv("STATION_ADMIN_LOGIN", "it")
    monkeypatch.setenv("STATION_ADMIN_PIN", "1357")
    monkeypatch.setattr(SetupWizard, "exec", lambda _self: pytest.fail("the dialog must not show"))
    monkeypatch.setattr(QMessageBox, "critical", lambda *_args: pytest.fail("no error expected"))
    assert first_run(station_home, None, runner) is None  # unattended, from the environment
    assert load_settings(station_home).station_name

    monkeypatch.delenv("STATION_ADMIN_LOGIN")
    monkeypatch.delenv("STATION_ADMIN_PIN")
    assert first_run(station_home, None, runner) is None  # set up now: straight on to sign-in


def test_the_station_opens_the_dialog_on_a_fresh_home_and_cancel_quits(
    monkeypatch: pytest.MonkeyPatch, station_home: StationPaths
):
    import station.ui.app as app_module

    monkeypatch.setattr(app_module, "setup_logging", lambda: None)
    monkeypatch.setenv("STATION_LOAD_PLUGINS", "")
    shown: list[str] = []

    def cancel(wizard: SetupWizard) -> int:
        shown.append(wizard.page(wizard.startId()).title())
        return QWizard.DialogCode.Rejected

    monkeypatch.setattr(SetupWizard, "exec", cancel)
    assert app_module.run_app() == 0  # cancelled: the station quits
    assert shown == ["Database"]
    assert not station_home.settings_file.exists() and not station_home.sqlite_file.exists()


def test_enter_means_next_even_after_tabbing_past_a_button(qtbot: QtBot, wizard: SetupWizard):
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is wizard.devices_page.scale_address
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is wizard.devices_page.find_ports_button
    type_and("")
    type_and("tcp://10.0.0.30:9100", Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.plugins_page
    assert controller_of(wizard).values().printer_url == "tcp://10.0.0.30:9100"


def test_esc_does_not_close_the_dialog_while_the_setup_runs(qtbot: QtBot, wizard: SetupWizard):
    with qtbot.waitSignal(controller_of(wizard).sig_setup_done, timeout=60000):
        walk_to_the_end(qtbot, wizard)
        QTest.keyClick(focused(), Qt.Key.Key_Escape)
        assert wizard.isVisible()
    assert controller_of(wizard).result is not None
