"""The task runner: long work off the UI thread, results back on it by signal.

Two lanes, after Anki's `aqt/taskman.py`:

- ``"db"`` — one worker thread, tasks run one after another in the order submitted. Database work
  goes here, so the station never has two of its own transactions racing each other. Tasks open
  their own unit of work and return plain data (dataclasses, tuples, ints), never ORM objects.
- ``"net"`` — a thread pool; tasks run in parallel. HTTP calls to carriers, gateways and
  marketplaces, printing, plugin loading.

``submit(fn, *args, lane=...)`` returns a :class:`Task`, which emits ``sig_finished(result)`` or
``sig_failed(message)`` on the UI thread. A cancelled task emits nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Lane = Literal["db", "net"]
LANES: tuple[Lane, ...] = ("db", "net")
NET_THREADS = 4


class Task(QObject):
    """One piece of submitted work. Lives on the UI thread; its signals arrive there."""

    sig_finished = Signal(object)  # the function's return value
    sig_failed = Signal(str)  # a message a person can read
    _sig_done = Signal(bool, object)  # worker → UI thread: (succeeded, result or message)

    def __init__(
        self, fn: Callable[..., Any], args: tuple[Any, ...], lane: Lane, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.fn = fn
        self.args = args
        self.lane = lane
        self.cancelled = False
        self.done = False
        self.result: Any = None
        self.error: str | None = None
        # Queued: the worker emits, the slot runs on the thread this object lives on (the UI's).
        self._sig_done.connect(self._deliver)

    def cancel(self) -> None:
        """Drop the result: nothing is emitted. Work already running still runs to the end."""
        self.cancelled = True

    def run(self) -> None:
        """Runs on a worker thread."""
        if self.cancelled:
            return
        try:
            result = self.fn(*self.args)
        except Exception as exc:  # noqa: BLE001 - every failure reaches the UI as a message
            log.exception("task %s failed", getattr(self.fn, "__qualname__", self.fn))
            self._emit_done(False, str(exc) or type(exc).__name__)
        else:
            self._emit_done(True, result)

    def _emit_done(self, succeeded: bool, payload: object) -> None:
        try:
            self._sig_done.emit(succeeded, payload)
        except RuntimeError:  # the runner shut down and the Task is gone; nobody is listening
            log.debug("result of a finished task dropped: the window is closed")

    @Slot(bool, object)
    def _deliver(self, succeeded: bool, payload: object) -> None:
        self.done = True
        if self.cancelled:
            self._release()
            return
        if succeeded:
            self.result = payload
            self.sig_finished.emit(payload)
        else:
            self.error = str(payload)
            self.sig_failed.emit(self.error)
        self._release()

    def _release(self) -> None:
        parent = self.parent()
        if isinstance(parent, TaskRunner):
            parent._forget(self)


class TaskRunner(QObject):
    """Runs functions on the database lane (serial) or the network lane (parallel)."""

    sig_task_failed = Signal(str)  # any task failed; the main window may show it in the status bar

    def __init__(self, parent: QObject | None = None, *, net_threads: int = NET_THREADS) -> None:
        super().__init__(parent)
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._db_pool.setExpiryTimeout(-1)  # one thread for the life of the runner
        self._net_pool = QThreadPool(self)
        self._net_pool.setMaxThreadCount(net_threads)
        self._pending: set[Task] = set()
        self._closed = False

    def submit(self, fn: Callable[..., Any], *args: Any, lane: Lane = "db") -> Task:
        if lane not in LANES:
            raise ValueError(f"unknown lane {lane!r}; use one of {', '.join(LANES)}")
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        task = Task(fn, args, lane, parent=self)
        task.sig_failed.connect(self.sig_task_failed)
        self._pending.add(task)
        pool = self._db_pool if lane == "db" else self._net_pool
        pool.start(task.run)
        return task

    @property
    def pending(self) -> int:
        """Tasks submitted whose result has not reached the UI thread yet."""
        return len(self._pending)

    def _forget(self, task: Task) -> None:
        self._pending.discard(task)
        task.deleteLater()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel what has not started, wait for what runs; True if everything stopped in time."""
        self._closed = True
        for task in list(self._pending):
            task.cancel()
        self._db_pool.clear()
        self._net_pool.clear()
        stopped = self._db_pool.waitForDone(timeout_ms) and self._net_pool.waitForDone(timeout_ms)
        if not stopped:
            log.warning("background work still running after %d ms at shutdown", timeout_ms)
        return stopped
