"""The printer device: status first, and nothing is sent to a printer that cannot print it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from station.api import AdapterContext, PrinterTransport, PrintJob, SettingsSchema
from station.hardware.printing.device import PrinterDevice, PrinterError, PrinterNotReady
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.printing.zpl import render_zpl_label


def zpl_job(label_data: object) -> PrintJob:
    return PrintJob(data=render_zpl_label(label_data), content_type="application/zpl", title="JL-1042")  # type: ignore[arg-type]


def test_a_ready_printer_gets_the_label(transports: dict[str, PrinterTransport], zebra: ZebraSimulator, label_data: object) -> None:
    device = PrinterDevice.open(zebra.url, transports=transports)
    assert device.can_report_status and device.status().ready
    assert device.print(zpl_job(label_data)) == f"sent to 127.0.0.1:{zebra.port}"
    assert zebra.wait_for_labels(1)
    assert zebra.labels == [render_zpl_label(label_data).strip()]  # type: ignore[arg-type]
    assert zebra.status_queries == 2  # the status() above and the check inside print()


def test_out_of_labels_refuses_and_sends_nothing(
    transports: dict[str, PrinterTransport], zebra: ZebraSimulator, label_data: object
) -> None:
    zebra.paper_out = True
    device = PrinterDevice.open(zebra.url, transports=transports)
    with pytest.raises(PrinterNotReady, match=rf"printer {zebra.url} is not ready: Out of labels") as caught:
        device.print(zpl_job(label_data))
    assert caught.value.status.problems == ("Out of labels",)
    assert caught.value.retryable
    zebra.wait_for_connections(1)
    time.sleep(0.1)
    assert zebra.labels == []
    assert all(b"^XA" not in data for data in zebra.connections)


def test_head_open_and_paused_are_both_reported(transports: dict[str, PrinterTransport], zebra: ZebraSimulator) -> None:
    zebra.head_open = zebra.paused = True
    status = PrinterDevice.open(zebra.url, transports=transports).status()
    assert not status.ready
    assert status.problems == ("Print head open", "Paused — press the pause button")


def test_a_silent_printer_is_not_ready_and_the_wait_is_bounded(
    transports: dict[str, PrinterTransport], zebra: ZebraSimulator, label_data: object
) -> None:
    zebra.silent = True
    device = PrinterDevice.open(zebra.url, transports=transports, status_timeout_s=0.5)
    started = time.monotonic()
    status = device.status()
    assert time.monotonic() - started < 3
    assert not status.ready and status.detail["answered"] is False
    (problem,) = status.problems
    assert problem.startswith(f"No answer from the printer at {zebra.url}: nothing within 0.5 s")
    with pytest.raises(PrinterNotReady, match="No answer"):
        device.print(zpl_job(label_data))
    assert zebra.labels == []


def test_a_switched_off_printer_is_not_ready(transports: dict[str, PrinterTransport], zebra: ZebraSimulator) -> None:
    zebra.offline = True
    status = PrinterDevice.open(zebra.url, transports=transports, status_timeout_s=0.5).status()
    assert status.problems == (
        f"No answer from the printer at {zebra.url}: cannot reach the printer at 127.0.0.1:{zebra.port} "
        "(connection refused); check it is switched on and on the network",
    )


def test_one_way_transports_print_without_a_status(
    transports: dict[str, PrinterTransport], tmp_path: Path, label_data: object
) -> None:
    device = PrinterDevice.open(f"file://{tmp_path}", transports=transports)
    status = device.status()
    assert status.ready and status.detail["note"] == "status not available over file"
    device.print(zpl_job(label_data))
    assert [p.suffix for p in tmp_path.iterdir()] == [".zpl"]
    epl = PrinterDevice.open("cups://Zebra", transports=transports, language="epl").status()
    assert epl.detail["note"] == "status not available for EPL printers"


def test_a_pdf_is_not_sent_to_a_zpl_printer(transports: dict[str, PrinterTransport], zebra: ZebraSimulator) -> None:
    device = PrinterDevice.open(zebra.url, transports=transports)
    with pytest.raises(PrinterError, match="takes ZPL, not application/pdf"):
        device.print(PrintJob(data=b"%PDF-1.4", content_type="application/pdf"))
    assert zebra.labels == [] and zebra.status_queries == 0


@pytest.mark.parametrize(("url", "message"), [
    ("lpt://1", "no printer transport 'lpt' for lpt://1 (installed: cups, file, serial, tcp, win)"),
    ("tcp://", "has no host"),
    ("tcp://10.0.0.5?speed=9", "unknown setting(s) speed"),
])
def test_opening_a_wrong_url_says_what_is_wrong(transports: dict[str, PrinterTransport], url: str, message: str) -> None:
    with pytest.raises(PrinterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        PrinterDevice.open(url, transports=transports)


class Broken:
    """A third-party transport with a bug: both calls blow up with a plain exception."""

    name = "broken"
    title = "Broken"
    settings_schema = SettingsSchema(name="broken", title="Broken")

    def send(self, ctx: AdapterContext, job: PrintJob) -> str:
        raise KeyError("oops")

    def exchange(self, ctx: AdapterContext, data: bytes, **kw: object) -> bytes:
        raise RuntimeError("boom")


def test_a_buggy_transport_becomes_a_printer_error_naming_the_printer() -> None:
    device = PrinterDevice.open("broken://", transports={"broken": Broken()})
    status = device.status()
    assert status.problems == ("No answer from the printer at broken://: the 'broken' transport failed (RuntimeError: boom)",)
    one_way = PrinterDevice.open("broken://", transports={"broken": Broken()}, language="pdf")
    with pytest.raises(PrinterError, match=r"printer broken://: the 'broken' transport failed \(KeyError: 'oops'\)"):
        one_way.print(PrintJob(data=b"%PDF", content_type="application/pdf"))
