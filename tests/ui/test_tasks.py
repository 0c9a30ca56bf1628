"""The task runner: results on the UI thread, database work one at a time, failures as messages."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from station.ui.tasks import TaskRunner


def _thread_name() -> str:
    return threading.current_thread().name


def test_a_task_runs_off_the_ui_thread_and_reports_on_it(qtbot: QtBot, runner: TaskRunner):
    ui_thread = QThread.currentThread()
    arrived_on: list[QThread] = []
    task = runner.submit(_thread_name, lane="db")
    task.sig_finished.connect(lambda _result: arrived_on.append(QThread.currentThread()))
    with qtbot.waitSignal(task.sig_finished, timeout=5_000) as finished:
        pass
    assert finished.args[0] != threading.main_thread().name
    assert arrived_on == [ui_thread]


def test_the_database_lane_runs_one_task_at_a_time_in_order(qtbot: QtBot, runner: TaskRunner):
    first_may_finish = threading.Event()
    order: list[int] = []
    started_while_first_ran: list[int] = []

    def first() -> int:
        first_may_finish.wait(5)
        order.append(0)
        return 0

    def later(n: int) -> int:
        if not first_may_finish.is_set():
            started_while_first_ran.append(n)
        order.append(n)
        return n

    tasks = [runner.submit(first, lane="db"), *(runner.submit(later, n, lane="db") for n in range(1, 5))]
    first_may_finish.set()
    qtbot.waitUntil(lambda: all(task.done for task in tasks), timeout=5_000)
    assert order == [0, 1, 2, 3, 4]
    assert started_while_first_ran == []
    assert [task.result for task in tasks] == [0, 1, 2, 3, 4]


def test_the_network_lane_runs_tasks_side_by_side(qtbot: QtBot, runner: TaskRunner):
    both_started = threading.Barrier(2, timeout=5)

    def meet() -> bool:
        both_started.wait()  # only returns once two tasks run at the same time
        return True

    tasks = [runner.submit(meet, lane="net") for _ in range(2)]
    qtbot.waitUntil(lambda: all(task.done for task in tasks), timeout=10_000)
    assert [task.result for task in tasks] == [True, True]


def test_a_failure_arrives_as_a_message(qtbot: QtBot, runner: TaskRunner):
    def broken() -> None:
        raise ValueError("Printer ZD421 is out of labels")

    task = runner.submit(broken, lane="net")
    with qtbot.waitSignal(task.sig_failed, timeout=5_000) as failed:
        pass
    assert failed.args == ["Printer ZD421 is out of labels"]


def test_a_cancelled_task_reports_nothing(qtbot: QtBot, runner: TaskRunner):
    gate = threading.Event()
    blocker = runner.submit(gate.wait, 5, lane="db")
    cancelled = runner.submit(_thread_name, lane="db")
    cancelled.cancel()
    with qtbot.assertNotEmitted(cancelled.sig_finished):
        gate.set()
        qtbot.waitUntil(lambda: blocker.done, timeout=5_000)
    assert cancelled.result is None


def test_an_unknown_lane_is_refused(runner: TaskRunner):
    with pytest.raises(ValueError, match="unknown lane"):
        runner.submit(_thread_name, lane="gpu")  # type: ignore[arg-type]
