"""Signing in at the bench: PIN, badge in either field, wrong PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_sample import ADMIN_PIN, PACKER_BADGE, Sample
from ui_windows import show_and_activate

from station.config import Settings
from station.db import Database
from station.db.models import AuditEntry
from station.ui.app import create_login_dialog, demo_hint
from station.ui.tasks import TaskRunner


def _dialog(qtbot: QtBot, database: Database, runner: TaskRunner, settings: Settings, logins=()):
    dialog = create_login_dialog(database, runner, settings, logins)
    show_and_activate(qtbot, dialog)
    return dialog


def test_login_and_pin_sign_in_with_the_keyboard_only(
    qtbot: QtBot, database: Database, sample: Sample, runner, settings
):
    dialog = _dialog(qtbot, database, runner, settings)
    qtbot.keyClicks(dialog.login_field, "admin")
    qtbot.keyClick(dialog.login_field, Qt.Key.Key_Return)  # Enter moves on to the PIN
    assert dialog.focusWidget() is dialog.pin_field
    qtbot.keyClicks(dialog.pin_field, ADMIN_PIN)
    with qtbot.waitSignal(dialog.controller.sig_logged_in, timeout=10_000) as signed_in:
        qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert signed_in.args[0].login == "admin"
    assert dialog.result() == dialog.DialogCode.Accepted


def test_wrong_pin_shows_a_red_message_and_clears_the_pin(
    qtbot: QtBot, database: Database, sample: Sample, runner, settings
):
    dialog = _dialog(qtbot, database, runner, settings)
    qtbot.keyClicks(dialog.login_field, "admin")
    qtbot.keyClick(dialog.login_field, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.pin_field, "9999")
    with qtbot.waitSignal(dialog.controller.sig_login_failed, timeout=10_000):
        qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert dialog.message.isVisible()
    assert "Wrong login or PIN" in dialog.message.text()
    assert dialog.message.objectName() == "errorMessage"  # the red style
    assert dialog.pin_field.text() == ""
    assert dialog.focusWidget() is dialog.pin_field
    assert dialog.login_field.text() == "admin"
    assert dialog.isVisible() and dialog.controller.user is None


def test_a_badge_scanned_into_the_login_field_signs_in(
    qtbot: QtBot, database: Database, sample: Sample, runner, settings
):
    dialog = _dialog(qtbot, database, runner, settings)
    with qtbot.waitSignal(dialog.controller.sig_logged_in, timeout=10_000) as signed_in:
        qtbot.keyClicks(dialog.login_field, PACKER_BADGE)  # a scanner types fast and ends with Enter
        qtbot.keyClick(dialog.login_field, Qt.Key.Key_Return)
    assert signed_in.args[0].login == "pedro"


def test_a_badge_scanned_into_the_pin_field_signs_in(
    qtbot: QtBot, database: Database, sample: Sample, runner, settings
):
    dialog = _dialog(qtbot, database, runner, settings)
    dialog.pin_field.setFocus()
    with qtbot.waitSignal(dialog.controller.sig_logged_in, timeout=10_000) as signed_in:
        qtbot.keyClicks(dialog.pin_field, PACKER_BADGE)
        qtbot.keyClick(dialog.pin_field, Qt.Key.Key_Return)
    assert signed_in.args[0].login == "pedro"


def test_demo_mode_shows_the_demo_logins_it_is_given(qtbot: QtBot, database: Database, runner, settings):
    dialog = _dialog(qtbot, database, runner, settings, logins=(("admin", "1234"), ("packers", "1111")))
    assert dialog.demo_hint.isVisible()
    assert "admin / 1234" in dialog.demo_hint.text()
    assert "packers / 1111" in dialog.demo_hint.text()
    assert demo_hint(()) == ""


def _audit_actions(database: Database) -> list[str]:
    with database.unit_of_work() as uow:
        return list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_the_audit_trail_records_a_wrong_pin_but_not_a_badge_scanned_into_the_pin_field(
    qtbot: QtBot, database: Database, sample: Sample, runner, settings
):
    dialog = _dialog(qtbot, database, runner, settings)
    dialog.login_field.setText("admin")
    dialog.pin_field.setText("0000")
    with qtbot.waitSignal(dialog.controller.sig_login_failed, timeout=10_000):
        dialog.controller.submit()
    dialog.login_field.clear()
    dialog.pin_field.setText(PACKER_BADGE)
    with qtbot.waitSignal(dialog.controller.sig_logged_in, timeout=10_000):
        dialog.controller.submit()
    assert _audit_actions(database) == ["login_failed", "login"]
