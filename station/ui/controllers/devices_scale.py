"""The scale test on Settings → Devices: open a scale, then show its live weight until stopped.

Opening runs on the network lane (auto-detection can take seconds on a silent port). Readings
come from a :class:`ScaleMonitor` thread; this QObject lives on the UI thread and re-emits them
through a queued signal, so its slots never touch widgets from another thread. Each test has a
generation number: a scale opened or a reading taken for an earlier test (the address changed,
the page was left) is dropped, and its port is released on the network lane, so stopping never
blocks the window.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, Signal

from station.api import ScaleProtocol, ScaleReading, ScaleState
from station.hardware.scale import ScaleDevice, ScaleMonitor
from station.ui.controllers.devices_jobs import open_scale, release_scale
from station.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

LIVE_INTERVAL_S = 0.2


class ScaleTester(QObject):
    """One scale test at a time; ``start`` again replaces the running one."""

    sig_opening = Signal(str)  # the address being opened
    sig_reading = Signal(object)  # ScaleReading of the running test, on the UI thread
    sig_stopped = Signal()
    _sig_from_monitor = Signal(int, object)  # (generation, reading), emitted on the monitor thread

    def __init__(self, runner: TaskRunner, parent: QObject | None = None, *, interval_s: float = LIVE_INTERVAL_S) -> None:
        super().__init__(parent)
        self.runner = runner
        self.interval_s = interval_s
        self.device: ScaleDevice | None = None
        self.monitor: ScaleMonitor | None = None
        self.latest: ScaleReading | None = None
        self.active = False
        self._generation = 0
        self._sig_from_monitor.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self, url: str, protocol: str, protocols: Mapping[str, ScaleProtocol]) -> None:
        """Open ``url`` on the network lane and then poll it; a failure reads as "no scale"."""
        self.stop()
        self._generation += 1
        generation = self._generation
        self.active = True
        self.latest = None
        self.sig_opening.emit(url)
        task = self.runner.submit(open_scale, url, protocol, protocols, lane="net")
        task.sig_finished.connect(lambda device: self._opened(generation, device))
        task.sig_failed.connect(lambda message: self._open_failed(generation, message))

    def stop(self) -> None:
        """End the running test (if any) without waiting: the port is released in the background."""
        if not self.active:
            return
        self.active = False
        self.latest = None
        self._generation += 1  # whatever the old test still delivers is dropped
        monitor, device = self.monitor, self.device
        self.monitor = self.device = None
        if monitor is not None:
            monitor.stop()
        release_scale(self.runner, monitor, device)
        self.sig_stopped.emit()

    def _opened(self, generation: int, device: ScaleDevice) -> None:
        if generation != self._generation:
            release_scale(self.runner, None, device)  # the test was stopped or replaced while the port opened
            return
        self.device = device
        emit = self._sig_from_monitor.emit

        def on_reading(reading: ScaleReading) -> None:  # on the monitor thread
            try:
                emit(generation, reading)
            except RuntimeError:  # the window is gone; nobody is listening any more
                log.debug("scale reading dropped: the settings page is closed")

        self.monitor = ScaleMonitor(device, on_reading, self.interval_s).start()

    def _open_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._deliver(generation, ScaleReading(state=ScaleState.DISCONNECTED, message=message))

    def _deliver(self, generation: int, reading: ScaleReading) -> None:
        if generation != self._generation or not self.active:
            return
        self.latest = reading
        self.sig_reading.emit(reading)
