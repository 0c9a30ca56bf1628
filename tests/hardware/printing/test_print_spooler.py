"""The print queue: out of labels, then fixed → the label prints exactly once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from station.api import PrinterTransport, PrintJob
from station.hardware.printing.device import PrinterDevice
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.printing.spooler import PrintSpooler, TicketEvent, TicketState
from station.hardware.printing.zpl import render_test_label


class Events:
    """Collects listener calls and lets a test wait for one."""

    def __init__(self) -> None:
        self.seen: list[TicketEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: TicketEvent) -> None:
        with self._changed:
            self.seen.append(event)
            self._changed.notify_all()

    def wait_for(self, ticket_id: int, state: TicketState, timeout: float = 5.0) -> TicketEvent:
        def found() -> TicketEvent | None:
            return next((e for e in self.seen if e.ticket_id == ticket_id and e.state is state), None)

        with self._changed:
            assert self._changed.wait_for(lambda: found() is not None, timeout), (state, self.seen)
        event = found()
        assert event is not None
        return event

    def states(self, ticket_id: int) -> list[TicketState]:
        return [e.state for e in self.seen if e.ticket_id == ticket_id]


def job(title: str) -> PrintJob:
    return PrintJob(data=render_test_label(title, 203), content_type="application/zpl", title=title)


@pytest.fixture
def spooler(transports: dict[str, PrinterTransport], zebra: ZebraSimulator) -> Iterator[PrintSpooler]:
    device = PrinterDevice.open(zebra.url, transports=transports, status_timeout_s=0.5)
    queue = PrintSpooler(device, poll_interval_s=0.05)
    yield queue
    queue.stop()


def test_paper_out_holds_the_label_and_it_prints_once_when_fixed(spooler: PrintSpooler, zebra: ZebraSimulator) -> None:
    events = Events()
    spooler.add_listener(events)
    zebra.paper_out = True
    ticket = spooler.submit(job("JL-1042"))
    held = events.wait_for(ticket.id, TicketState.HELD)
    assert held.problems == ("Out of labels",)
    assert ticket.state is TicketState.HELD and ticket.problems == ("Out of labels",)
    # Several polls go by while the packer fetches a roll; the label must not leak out.
    polls = zebra.status_queries
    deadline = time.monotonic() + 5
    while zebra.status_queries < polls + 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert zebra.labels == []
    assert events.states(ticket.id) == [TicketState.QUEUED, TicketState.HELD]  # held is told once, not per poll

    zebra.paper_out = False
    assert ticket.wait(5) is TicketState.PRINTED
    assert zebra.wait_for_labels(1)
    time.sleep(0.3)  # more polling time: still one label
    assert len(zebra.labels) == 1
    assert events.states(ticket.id) == [TicketState.QUEUED, TicketState.HELD, TicketState.PRINTED]
    assert ticket.problems == () and ticket.note == f"sent to 127.0.0.1:{zebra.port}"


def test_jobs_print_in_order_behind_a_held_one(spooler: PrintSpooler, zebra: ZebraSimulator) -> None:
    zebra.head_open = True
    first, second = spooler.submit(job("first")), spooler.submit(job("second"))
    deadline = time.monotonic() + 5
    while first.state is not TicketState.HELD and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.problems == ("Print head open",) and second.state is TicketState.QUEUED
    zebra.head_open = False
    assert second.wait(5) is TicketState.PRINTED and first.state is TicketState.PRINTED
    assert zebra.wait_for_labels(2)
    assert [b"first" in label for label in zebra.labels] == [True, False]


def test_a_held_job_can_be_cancelled_and_never_prints(spooler: PrintSpooler, zebra: ZebraSimulator) -> None:
    events = Events()
    spooler.add_listener(events)
    zebra.paper_out = True
    ticket = spooler.submit(job("JL-1043"))
    events.wait_for(ticket.id, TicketState.HELD)
    deadline = time.monotonic() + 5
    while not spooler.cancel(ticket):  # False only while a status check is in flight
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert ticket.wait(1) is TicketState.CANCELLED and spooler.pending() == []
    zebra.paper_out = False
    time.sleep(0.3)
    assert zebra.labels == []
    assert spooler.cancel(ticket) is False  # already done


def test_a_silent_printer_holds_with_no_answer(spooler: PrintSpooler, zebra: ZebraSimulator) -> None:
    events = Events()
    spooler.add_listener(events)
    zebra.silent = True
    ticket = spooler.submit(job("JL-1044"))
    held = events.wait_for(ticket.id, TicketState.HELD, timeout=5)
    assert held.problems[0].startswith(f"No answer from the printer at {zebra.url}")
    zebra.silent = False
    assert ticket.wait(5) is TicketState.PRINTED
    assert zebra.wait_for_labels(1) and len(zebra.labels) == 1


def test_a_job_the_printer_cannot_take_fails_and_the_next_goes_on(spooler: PrintSpooler, zebra: ZebraSimulator) -> None:
    bad = spooler.submit(PrintJob(data=b"%PDF-1.4", content_type="application/pdf", title="slip"))
    good = spooler.submit(job("JL-1045"))
    assert bad.wait(5) is TicketState.FAILED and "takes ZPL, not application/pdf" in (bad.error or "")
    assert good.wait(5) is TicketState.PRINTED


def test_stop_cancels_what_is_still_waiting_and_refuses_new_jobs(
    transports: dict[str, PrinterTransport], zebra: ZebraSimulator
) -> None:
    zebra.paper_out = True
    spooler = PrintSpooler(PrinterDevice.open(zebra.url, transports=transports), poll_interval_s=0.05)
    ticket = spooler.submit(job("JL-1046"))
    time.sleep(0.2)
    spooler.stop()
    assert ticket.state is TicketState.CANCELLED
    with pytest.raises(Exception, match="print queue .* is stopped"):
        spooler.submit(job("late"))
    assert zebra.labels == []


def test_a_failing_listener_does_not_stop_printing(spooler: PrintSpooler, zebra: ZebraSimulator) -> None:
    def rude(event: TicketEvent) -> None:
        raise RuntimeError("listener bug")

    remove = spooler.add_listener(rude)
    assert spooler.submit(job("JL-1047")).wait(5) is TicketState.PRINTED
    remove()
