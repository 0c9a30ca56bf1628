"""Plain work behind Settings → Devices: checking addresses, finding ports, opening the scale,
asking the printer, printing the test label. No Qt; the functions run on the task runner's
network lane (they may wait on a cable or a socket) and return plain data.

Messages are the hardware layer's English sentences; the controller puts them in translated
frames ("Scale address: …").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from station.api import CONTENT_TYPE_EPL, CONTENT_TYPE_PDF, CONTENT_TYPE_ZPL, PrinterTransport, PrintJob, ScaleProtocol
from station.hardware.printing import PrinterDevice, PrinterError, PrinterNotReady, PrinterStatus, transport_for_url
from station.hardware.printing.layout import build_test_layout
from station.hardware.printing.zpl import render_test_label
from station.hardware.scale import ScaleDevice, ScaleMonitor, ScalePortError, discover_ports, parse_usb_url

if TYPE_CHECKING:
    from station.ui.tasks import TaskRunner

AUTO_PROTOCOL = "auto"
#: pyserial URL schemes a scale address may use, plus ``sim://`` (the built-in simulator).
SCALE_SCHEMES = ("socket", "rfc2217", "loop", "sim", "spy", "hwgrep", "alt")
_NEEDS_HOST_AND_PORT = ("socket", "rfc2217")
_WINDOWS_PORT = re.compile(r"(?i)(\\\\\.\\)?COM\d+")
TEST_LABEL_TITLE = "Printer test"


@dataclass(frozen=True)
class PortChoice:
    """One address the scale combo offers, and what it is."""

    address: str
    description: str


@dataclass(frozen=True)
class PrinterOutcome:
    """What came back from the printer: its status, a sent test label, or why nothing happened."""

    status: PrinterStatus | None = None  # set when the printer was asked (or refused the label)
    printed: bool = False
    note: str = ""  # what the transport said about the label (e.g. the file it wrote)
    error: str = ""  # the printer could not even be used (wrong URL, unknown transport, broken link)


# -- addresses -------------------------------------------------------------------------------------


def scale_address_problem(url: str) -> str | None:
    """Why ``url`` cannot be a scale address, or ``None`` if it can (empty: no scale)."""
    text = url.strip()
    if not text:
        return None
    if text.lower().startswith("usb:"):
        try:
            parse_usb_url(text)
        except ScalePortError as exc:
            return exc.message
        return None
    if "://" in text:
        scheme, rest = text.split("://", 1)
        scheme = scheme.lower()
        if scheme not in SCALE_SCHEMES:
            return f"{scheme}:// is not a kind of scale address; use socket://HOST:PORT, rfc2217://HOST:PORT or usb:VID:PID"
        if scheme in _NEEDS_HOST_AND_PORT:
            return _host_and_port_problem(text, scheme)
        if scheme == "sim" and not rest.strip("/"):
            return "write sim://sics, sim://toledo8217 or sim://cas"
        return None
    if text.startswith("/") or _WINDOWS_PORT.fullmatch(text):
        return None
    return f"{text!r} is not a port; write /dev/ttyUSB0, COM3, usb:VID:PID[:SERIAL] or socket://HOST:PORT"


def _host_and_port_problem(url: str, scheme: str) -> str | None:
    example = f"{scheme}://10.0.0.20:4001"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return f"the port must be a number from 1 to 65535, e.g. {example}"
    if not parts.hostname:
        return f"no host; write {example}"
    if port is None or port == 0:
        return f"no port; write {example}"
    return None


def scale_protocol_problem(protocol: str, protocols: Mapping[str, ScaleProtocol] | None) -> str | None:
    """Why ``protocol`` cannot be used (``None``: it can). Unknown until the plugins are loaded."""
    if protocol == AUTO_PROTOCOL or protocols is None or protocol in protocols:
        return None
    known = ", ".join([AUTO_PROTOCOL, *sorted(protocols)])
    return f"no scale protocol {protocol!r} is installed (choose one of {known})"


def printer_address_problem(url: str, transports: Mapping[str, PrinterTransport] | None) -> str | None:
    """Why ``url`` cannot be a printer address, or ``None`` if it can (empty: no printer)."""
    text = url.strip()
    if not text:
        return None
    try:
        name, _ = transport_for_url(text)
    except ValueError as exc:
        return str(exc)
    if transports is not None and name not in transports:
        installed = ", ".join(f"{known}://" for known in sorted(transports)) or "none"
        return f"no printer transport {name!r} is installed (installed: {installed})"
    return None


# -- the scale -------------------------------------------------------------------------------------


def find_scale_ports() -> list[PortChoice]:
    """Every serial port present now; a USB adapter is offered as ``usb:VID:PID[:SERIAL]`` first
    (it finds the scale again whichever ``/dev/ttyUSB*`` or ``COM*`` it gets), then by device."""
    choices: list[PortChoice] = []
    for port in discover_ports():
        what = " · ".join(part for part in (port.description, port.manufacturer) if part)
        if port.usb_url:
            choices.append(PortChoice(port.usb_url, f"{what} (now {port.device})" if what else port.device))
        choices.append(PortChoice(port.device, what))
    return choices


def open_scale(url: str, protocol: str, protocols: Mapping[str, ScaleProtocol]) -> ScaleDevice:
    """Open the scale now (auto-detection may take a few seconds on a silent port)."""
    return ScaleDevice.open(url.strip(), protocol or AUTO_PROTOCOL, protocols=protocols)


def close_scale(monitor: ScaleMonitor | None, device: ScaleDevice | None, join_timeout_s: float = 5.0) -> None:
    """Stop polling and release the port; waits for a read in progress (bounded by its timeout)."""
    if monitor is not None:
        monitor.stop()
        monitor.join(join_timeout_s)
    if device is not None:
        device.close()


def release_scale(runner: TaskRunner, monitor: ScaleMonitor | None, device: ScaleDevice | None) -> None:
    """Stop polling and release the port off the UI thread (a read in progress may take its timeout);
    here and now only when the runner is already shut down (the window is closing)."""
    if monitor is None and device is None:
        return
    try:
        runner.submit(close_scale, monitor, device, lane="net")
    except RuntimeError:
        close_scale(monitor, device)


# -- the printer -----------------------------------------------------------------------------------


def printer_status(url: str, language: str, transports: Mapping[str, PrinterTransport]) -> PrinterOutcome:
    """Ask the printer how it is (``~HS`` over two-way transports)."""
    try:
        device = PrinterDevice.open(url.strip(), transports=transports, language=language)
    except PrinterError as exc:
        return PrinterOutcome(error=exc.message)
    return PrinterOutcome(status=device.status())


def build_test_label_job(station_name: str, language: str, *, size: str, dpi: int) -> PrintJob:
    """The test label in the printer's language: frame, station name, accents, barcode."""
    if language == "epl":
        from station.hardware.printing.epl import layout_to_epl

        data = layout_to_epl(build_test_layout(station_name, size=size, dpi=dpi))
        return PrintJob(data=data, content_type=CONTENT_TYPE_EPL, title=TEST_LABEL_TITLE)
    if language == "pdf":
        from station.hardware.documents.pdf_label import layout_to_pdf

        data = layout_to_pdf(build_test_layout(station_name, size=size, dpi=dpi), title=TEST_LABEL_TITLE)
        return PrintJob(data=data, content_type=CONTENT_TYPE_PDF, title=TEST_LABEL_TITLE)
    return PrintJob(data=render_test_label(station_name, dpi, size=size), content_type=CONTENT_TYPE_ZPL, title=TEST_LABEL_TITLE)


def print_test_label(
    url: str,
    language: str,
    transports: Mapping[str, PrinterTransport],
    station_name: str,
    size: str,
    dpi: int,
) -> PrinterOutcome:
    """Check the printer, then send it the test label; never raises for printer trouble."""
    try:
        device = PrinterDevice.open(url.strip(), transports=transports, language=language)
        job = build_test_label_job(station_name, language, size=size, dpi=dpi)
        note = device.print(job)
    except PrinterNotReady as exc:
        return PrinterOutcome(status=exc.status)
    except PrinterError as exc:
        return PrinterOutcome(error=exc.message)
    except ValueError as exc:  # a label size or dpi the layout does not know
        return PrinterOutcome(error=str(exc))
    # A two-way printer's note only repeats its address; a folder's or a spooler's says where it went.
    shown = "" if device.can_report_status else (note or "")
    return PrinterOutcome(status=PrinterStatus(ready=True), printed=True, note=shown)
