"""The bench's scale and printers, seen from the UI thread.

The scale monitor and the print spoolers call back on their own threads. Each bridge here is a
QObject living on the UI thread that re-emits those callbacks as Qt signals with a queued
connection, so the slots run on the UI thread and never touch widgets from another thread.
Opening the scale (it may auto-detect the protocol) runs on the task runner's network lane.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from station.api import PrinterTransport, PrintJob, ScaleProtocol, ScaleReading, ScaleState
from station.hardware.printing import PrinterDevice, PrinterError, PrintSpooler, PrintTicket, TicketEvent
from station.hardware.scale import ScaleDevice, ScaleError, ScaleMonitor
from station.hardware.scale.device import SIMULATOR_SCHEME
from station.ui.controllers.devices_jobs import release_scale
from station.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

SCALE_INTERVAL_S = 0.2
PRINT_RETRY_INTERVAL_S = 1.0
REOPEN_AFTER_S = 5.0  # a scale that could not be opened (or detected) is tried again this often


def folder_url(folder: Path) -> str:
    """A `file://` printer URL for a folder (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    return f"file://{folder.resolve().as_posix()}"


class ScaleBridge(QObject):
    """Live readings from the configured scale, delivered on the UI thread."""

    sig_reading = Signal(object)  # ScaleReading
    _sig_from_monitor = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None, *, interval_s: float = SCALE_INTERVAL_S) -> None:
        super().__init__(parent)
        self.runner = runner
        self.interval_s = interval_s
        self.device: ScaleDevice | None = None
        self.monitor: ScaleMonitor | None = None
        self.latest: ScaleReading | None = None
        self._target: tuple[str, str, Mapping[str, ScaleProtocol]] | None = None
        self._generation = 0
        self._stopped = False
        self._sig_from_monitor.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self, url: str, protocol: str, protocols: Mapping[str, ScaleProtocol]) -> None:
        """Open the scale on the network lane, then poll it. A scale that cannot be opened reads as
        DISCONNECTED and is tried again every few seconds (plugged in later, it just appears).
        Starting again (new plugins, new settings) stops the scale opened before."""
        self._close()
        self._stopped = False
        self._generation += 1  # answers to an earlier start are dropped
        self._target = (url, protocol or "auto", protocols)
        self._try_open(self._generation)

    def _try_open(self, generation: int) -> None:
        if self._stopped or self._target is None or generation != self._generation:
            return
        task = self.runner.submit(_open_scale, *self._target, lane="net")
        task.sig_finished.connect(lambda device: self._opened(generation, device))
        task.sig_failed.connect(
            lambda message: self._opened(generation, ScaleReading(state=ScaleState.DISCONNECTED, message=message))
        )

    def _opened(self, generation: int, device: ScaleDevice | ScaleReading) -> None:
        current = generation == self._generation and not self._stopped
        if isinstance(device, ScaleReading):  # could not open it: say why, as the scale's state
            if current:
                self._deliver(device)
                QTimer.singleShot(int(REOPEN_AFTER_S * 1000), self, lambda: self._try_open(generation))
            return
        if not current:
            release_scale(self.runner, None, device)
            return
        self.device = device
        self.monitor = ScaleMonitor(device, self._sig_from_monitor.emit, self.interval_s).start()

    def _deliver(self, reading: ScaleReading) -> None:
        if self._stopped:
            return
        self.latest = reading
        self.sig_reading.emit(reading)

    def stop(self) -> None:
        self._stopped = True
        self._close()

    def _close(self) -> None:
        monitor, device, self.monitor, self.device = self.monitor, self.device, None, None
        if monitor is not None:
            monitor.stop()  # never blocks; the join and the port's release happen off the UI thread
        release_scale(self.runner, monitor, device)


def _open_scale(url: str, protocol: str, protocols: Mapping[str, ScaleProtocol]) -> ScaleDevice | ScaleReading:
    """The scale, or a DISCONNECTED reading naming why not (a missing scale is a state, not a crash).

    With its protocol named, the device is built without touching the port: the monitor's reads
    connect, and reconnect after an unplug. Auto-detection (and ``sim://``) must open it now."""
    try:
        if protocol != "auto" and not url.startswith(SIMULATOR_SCHEME):
            return ScaleDevice(url, protocols[protocol])
        return ScaleDevice.open(url, protocol, protocols=protocols)
    except KeyError:
        known = ", ".join(sorted(protocols)) or "none"
        return ScaleReading(state=ScaleState.DISCONNECTED, message=f"no scale protocol {protocol!r} (installed: {known})")
    except (ScaleError, LookupError) as exc:
        return ScaleReading(state=ScaleState.DISCONNECTED, message=str(exc))


class PrinterBridge(QObject):
    """One printer and its print queue; ticket changes are delivered on the UI thread."""

    sig_ticket = Signal(object)  # TicketEvent
    _sig_from_spooler = Signal(object)

    def __init__(
        self,
        url: str,
        transports: Mapping[str, PrinterTransport],
        *,
        language: str,
        parent: QObject | None = None,
        retry_interval_s: float = PRINT_RETRY_INTERVAL_S,
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.device = PrinterDevice.open(url, transports=transports, language=language)  # raises PrinterError
        self.language = language
        self.spooler = PrintSpooler(self.device, poll_interval_s=retry_interval_s)
        self.tickets: dict[int, PrintTicket] = {}
        self._sig_from_spooler.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._remove_listener = self.spooler.add_listener(self._sig_from_spooler.emit)

    def submit(self, job: PrintJob) -> PrintTicket:
        ticket = self.spooler.submit(job)
        self.tickets[ticket.id] = ticket
        return ticket

    def _deliver(self, event: TicketEvent) -> None:
        self.sig_ticket.emit(event)

    def stop(self) -> None:
        self._remove_listener()
        self.spooler.stop(5.0)


def open_printer(
    url: str, transports: Mapping[str, PrinterTransport], *, language: str, parent: QObject | None = None,
    retry_interval_s: float = PRINT_RETRY_INTERVAL_S,
) -> tuple[PrinterBridge | None, str]:
    """(bridge, "") or (None, why the printer cannot be used)."""
    try:
        return PrinterBridge(url, transports, language=language, parent=parent, retry_interval_s=retry_interval_s), ""
    except PrinterError as exc:
        log.warning("printer %s cannot be used: %s", url, exc)
        return None, str(exc)
