"""Wires the sign-in dialog: keyboard and scanner only, no mouse needed.

- Enter in the login field: the focus moves to the PIN field at once (so fast typists lose no
  digit), and in the background the text is checked as a badge code; a badge signs in.
- Enter in the PIN field (or the Sign in button): login and PIN sign in; a badge scanned into the
  PIN field signs in too (see `station.services.auth`).
- Wrong login or PIN: a red message, the PIN field cleared and focused; nothing else changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from station.db.engine import Database
from station.services.auth import LoggedInUser, LoginOutcome, LoginProblem, sign_in, try_badge
from station.ui.tasks import TaskRunner
from station.ui.views.login_view import LoginView


class LoginController(QObject):
    sig_logged_in = Signal(object)  # LoggedInUser
    sig_login_failed = Signal(str)  # the message shown

    def __init__(
        self, view: LoginView, database: Database, runner: TaskRunner, station_name: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.user: LoggedInUser | None = None
        self._database = database
        self._runner = runner
        self._station = station_name
        self._signing_in = False
        view.login_field.returnPressed.connect(self._login_entered)
        view.pin_field.returnPressed.connect(self.submit)
        view.sign_in_button.clicked.connect(self.submit)
        view.quit_button.clicked.connect(view.reject)
        view.login_field.textEdited.connect(lambda _text: view.clear_problem())

    def _login_entered(self) -> None:
        text = self.view.login_field.text().strip()
        if not text or self.user is not None:
            return
        self.view.pin_field.setFocus()
        task = self._runner.submit(try_badge, self._database, text, self._station, lane="db")
        task.sig_finished.connect(self._badge_checked)
        task.sig_failed.connect(self._failed)

    def _badge_checked(self, user: LoggedInUser | None) -> None:
        if user is not None:
            self._succeed(user)

    def submit(self) -> None:
        login = self.view.login_field.text().strip()
        pin = self.view.pin_field.text().strip()
        if self._signing_in or self.user is not None or not (login or pin):
            return
        if not pin:
            self.view.pin_field.setFocus()
            return
        self._signing_in = True
        self.view.set_busy(True)
        task = self._runner.submit(sign_in, self._database, login, pin, self._station, lane="db")
        task.sig_finished.connect(self._signed_in)
        task.sig_failed.connect(self._failed)

    def _signed_in(self, outcome: LoginOutcome) -> None:
        self._signing_in = False
        self.view.set_busy(False)
        if self.user is not None:
            return  # a badge check that ran first already signed in
        if outcome.user is not None:
            self._succeed(outcome.user)
            return
        if outcome.problem is LoginProblem.WRONG_PIN:
            self._refuse(self.tr("Wrong login or PIN. Try again, or scan your badge."))

    def _failed(self, message: str) -> None:
        self._signing_in = False
        self.view.set_busy(False)
        self._refuse(self.tr("Cannot sign in: the database did not answer (%1).").replace("%1", message))

    def _refuse(self, text: str) -> None:
        QApplication.beep()  # a sound on error (DESIGN §7): the packer may be looking at the scanner
        self.view.show_problem(text)
        self.view.pin_field.clear()
        self.view.pin_field.setFocus()
        self.sig_login_failed.emit(text)

    def _succeed(self, user: LoggedInUser) -> None:
        self.user = user
        self.view.clear_problem()
        self.sig_logged_in.emit(user)
        self.view.accept()
