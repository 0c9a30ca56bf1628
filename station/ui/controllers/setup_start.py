"""At start-up: set this station up first when it needs it (the rule is `station.services.setup.start_decision`).

`first_run` returns None when the station may go on to sign-in, or the exit code when it must stop
(the dialog was cancelled, or the unattended values were refused).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop
from PySide6.QtWidgets import QMessageBox, QWizard

from station.config import StationPaths, load_settings
from station.services.setup import (
    SetupResult,
    StartCheck,
    StartDecision,
    apply_setup,
    start_decision,
    values_from_environment,
)
from station.ui.controllers.setup_controller import create_setup_wizard
from station.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


def _wait(task: Task) -> tuple[bool, object]:
    outcome: list[tuple[bool, object]] = []
    loop = QEventLoop()
    task.sig_finished.connect(lambda result: (outcome.append((True, result)), loop.quit()))
    task.sig_failed.connect(lambda message: (outcome.append((False, message)), loop.quit()))
    if not task.done:
        loop.exec()
    return outcome[0] if outcome else (task.error is None, task.result if task.error is None else task.error)


def _refuse(detail: str) -> None:
    title = QCoreApplication.translate("FirstRun", "Station setup")
    text = QCoreApplication.translate("FirstRun", "The unattended setup was refused:\n%1").replace("%1", detail)
    QMessageBox.critical(None, title, text)


def first_run(paths: StationPaths, cli_url: str | None, runner: TaskRunner) -> int | None:
    """Probe the database on the db lane; then nothing, the unattended setup, or the dialog."""
    ok, payload = _wait(runner.submit(start_decision, paths, cli_url, lane="db"))
    if not ok or not isinstance(payload, StartCheck) or payload.decision is StartDecision.NORMAL:
        return None  # a broken settings file or database is reported by the usual start-up path
    seeded = load_settings(paths)
    values = values_from_environment(settings=seeded)
    if cli_url:
        values = replace(values, database_url=cli_url)
    if payload.decision is StartDecision.UNATTENDED:
        if payload.problems:
            _refuse("\n".join(f"{problem.field}: {problem}" for problem in payload.problems))
            return 2
        log.info("unattended first-run setup from the environment")
        ok, result = _wait(runner.submit(apply_setup, values, paths, lane="db"))
        if not ok:
            _refuse(str(result))
            return 1
        return None
    wizard = create_setup_wizard(paths, runner, values)
    accepted = wizard.exec() == QWizard.DialogCode.Accepted
    result = wizard.controller.result  # type: ignore[attr-defined]
    wizard.controller.deleteLater()  # type: ignore[attr-defined]
    wizard.deleteLater()  # gone before the main window's style is applied
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return None if accepted and isinstance(result, SetupResult) else 0
