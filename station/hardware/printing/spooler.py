"""A print queue in front of one printer: jobs that cannot print now wait, then print once.

The packer presses "print" and goes on packing. If the printer is out of labels, the job is
*held* (the station shows "Out of labels"); a background thread asks the printer again every
``poll_interval_s`` and prints the job as soon as the printer is ready — exactly once, because
a job is only ever handed to the transport after the status check passed, and leaves the queue
as soon as the transport took it. Jobs print in the order they were submitted: while the first
one is held the others wait behind it (labels out of order get stuck on the wrong box).

State changes go to listeners (called on the spooler's thread; a UI marshals them to its own).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from station.api import DeviceError, PrintJob
from station.hardware.printing.device import PrinterNotReady
from station.hardware.printing.status import PrinterStatus

__all__ = ["PrintSpooler", "PrintTicket", "TicketEvent", "TicketState"]

log = logging.getLogger(__name__)


class _Printer(Protocol):
    url: str

    def print(self, job: PrintJob) -> str | None: ...

    def status(self) -> PrinterStatus: ...


class TicketState(StrEnum):
    QUEUED = "queued"
    HELD = "held"  # the printer is not ready; will print when it is
    PRINTED = "printed"
    FAILED = "failed"
    CANCELLED = "cancelled"


FINAL_STATES = frozenset({TicketState.PRINTED, TicketState.FAILED, TicketState.CANCELLED})


@dataclass(frozen=True, slots=True)
class TicketEvent:
    """One state change of one ticket, as listeners receive it."""

    ticket_id: int
    title: str
    state: TicketState
    problems: tuple[str, ...] = ()
    error: str | None = None
    note: str | None = None


class PrintTicket:
    """The handle :meth:`PrintSpooler.submit` returns: current state, and a way to wait."""

    def __init__(self, ticket_id: int, job: PrintJob) -> None:
        self.id = ticket_id
        self.job = job
        self.state = TicketState.QUEUED
        self.problems: tuple[str, ...] = ()
        self.error: str | None = None
        self.note: str | None = None
        self._done = threading.Event()

    @property
    def done(self) -> bool:
        return self.state in FINAL_STATES

    def wait(self, timeout: float | None = None) -> TicketState:
        """Block until printed, failed or cancelled (or ``timeout``); return the state then."""
        self._done.wait(timeout)
        return self.state

    def event(self) -> TicketEvent:
        return TicketEvent(self.id, self.job.title, self.state, self.problems, self.error, self.note)

    def __repr__(self) -> str:
        return f"<PrintTicket {self.id} {self.job.title!r} {self.state.value}>"


Listener = Callable[[TicketEvent], None]


class PrintSpooler:
    """Queues jobs for ``device`` and prints them on a background thread."""

    def __init__(self, device: _Printer, poll_interval_s: float = 1.0) -> None:
        self.device = device
        self.poll_interval_s = poll_interval_s
        self._queue: deque[PrintTicket] = deque()
        self._listeners: list[Listener] = []
        self._ids = itertools.count(1)
        self._lock = threading.Condition()
        self._stopping = False
        self._in_flight: PrintTicket | None = None
        self._thread = threading.Thread(target=self._run, name=f"print-spooler {device.url}", daemon=True)
        self._thread.start()

    # -- public ----------------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on every state change; returns a function that removes it."""
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def submit(self, job: PrintJob) -> PrintTicket:
        """Queue ``job``; it prints as soon as the printer is ready."""
        with self._lock:
            if self._stopping:
                raise DeviceError(f"the print queue for {self.device.url} is stopped")
            ticket = PrintTicket(next(self._ids), job)
            self._queue.append(ticket)
            self._lock.notify_all()
        self._emit(ticket)
        return ticket

    def cancel(self, ticket: PrintTicket) -> bool:
        """Take a queued or held job out of the queue. False when it is being sent right now
        (it may print) or already done."""
        with self._lock:
            if ticket not in self._queue or ticket is self._in_flight:
                return False
            self._queue.remove(ticket)
            self._finish(ticket, TicketState.CANCELLED)
            self._lock.notify_all()
        self._emit(ticket)
        return True

    def pending(self) -> list[PrintTicket]:
        """Jobs not yet printed, in print order."""
        with self._lock:
            return list(self._queue)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread. A job being sent finishes; jobs still waiting are cancelled."""
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def __enter__(self) -> PrintSpooler:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- the worker --------------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    while not self._queue and not self._stopping:
                        self._lock.wait()
                    if self._stopping:
                        return
                    ticket = self._in_flight = self._queue[0]
                held = self._attempt(ticket)
                with self._lock:
                    self._in_flight = None
                    if held and not self._stopping and ticket in self._queue:
                        self._lock.wait(self.poll_interval_s)  # cancel() and stop() wake us early
        finally:
            self._cancel_leftovers()

    def _attempt(self, ticket: PrintTicket) -> bool:
        """Try to print the head of the queue; True when it is held for another try."""
        try:
            note = self.device.print(ticket.job)
        except PrinterNotReady as exc:
            self._hold(ticket, exc.status.problems or (exc.message,))
            return True
        except DeviceError as exc:
            if exc.retryable:  # e.g. connection refused: nothing reached the printer
                self._hold(ticket, (exc.message,))
                return True
            self._done(ticket, TicketState.FAILED, error=exc.message)
            return False
        except Exception as exc:
            log.exception("Printing %r failed unexpectedly", ticket.job.title)
            self._done(ticket, TicketState.FAILED, error=f"{type(exc).__name__}: {exc}")
            return False
        self._done(ticket, TicketState.PRINTED, note=note)
        return False

    def _hold(self, ticket: PrintTicket, problems: tuple[str, ...]) -> None:
        with self._lock:
            # Tell listeners only when something changed: no status-bar flicker every poll.
            changed = ticket.state is not TicketState.HELD or ticket.problems != problems
            ticket.state = TicketState.HELD
            ticket.problems = problems
        if changed:
            log.info("Print job %r held: %s", ticket.job.title, "; ".join(problems))
            self._emit(ticket)

    def _done(
        self, ticket: PrintTicket, state: TicketState, *, error: str | None = None, note: str | None = None
    ) -> None:
        with self._lock:
            if ticket in self._queue:
                self._queue.remove(ticket)
            ticket.error, ticket.note = error, note
            if state is TicketState.PRINTED:
                ticket.problems = ()
            self._finish(ticket, state)
        self._emit(ticket)

    def _cancel_leftovers(self) -> None:
        with self._lock:
            leftovers = list(self._queue)
            self._queue.clear()
            for ticket in leftovers:
                self._finish(ticket, TicketState.CANCELLED)
        for ticket in leftovers:
            self._emit(ticket)

    @staticmethod
    def _finish(ticket: PrintTicket, state: TicketState) -> None:
        ticket.state = state
        ticket._done.set()

    def _emit(self, ticket: PrintTicket) -> None:
        event = ticket.event()
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("A print-queue listener failed on %s", event)
