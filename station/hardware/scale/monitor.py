"""Live weight for the window: a background thread polls the scale and reports what changed.

    monitor = ScaleMonitor(device, on_reading=controller.scale_did_read).start()
    ...
    monitor.stop()            # returns at once; the thread ends after its current read
    monitor.join(2.0)         # optional: wait for it

``on_reading`` runs **on the monitor thread**: a Qt controller should only emit a signal from it.
It is called with the first reading and then whenever the reading differs from the previous one
(state, weight or message), errors included - a scale going silent or being unplugged is a
change the packer must see. While the scale is disconnected the monitor retries every
``reconnect_interval_s`` instead of every ``interval_s``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Protocol

from station.api import ScaleReading, ScaleState

log = logging.getLogger(__name__)


class ReadsWeight(Protocol):
    """Anything with ``read() -> ScaleReading`` (a :class:`ScaleDevice`, or a fake in tests)."""

    def read(self) -> ScaleReading: ...


class ScaleMonitor:
    """Polls ``device`` every ``interval_s`` seconds on its own thread; see the module docstring."""

    def __init__(
        self,
        device: ReadsWeight,
        on_reading: Callable[[ScaleReading], None],
        interval_s: float = 0.2,
        *,
        reconnect_interval_s: float = 1.0,
    ) -> None:
        if interval_s <= 0 or reconnect_interval_s <= 0:
            raise ValueError("ScaleMonitor intervals must be positive numbers of seconds")
        self.device = device
        self.on_reading = on_reading
        self.interval_s = interval_s
        self.reconnect_interval_s = reconnect_interval_s
        #: The last reading delivered (``None`` before the first).
        self.latest: ScaleReading | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> ScaleMonitor:
        """Start polling (once); returns ``self`` so ``ScaleMonitor(...).start()`` reads well."""
        if self._thread is not None:
            raise RuntimeError("this ScaleMonitor was already started; create a new one")
        self._thread = threading.Thread(target=self._run, name="scale-monitor", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the thread to end. Never blocks: a read in progress finishes (bounded by the
        scale's timeout) and is not delivered."""
        self._stop.set()

    def join(self, timeout_s: float | None = None) -> bool:
        """Wait up to ``timeout_s`` for the thread to end; ``True`` if it has."""
        if self._thread is not None:
            self._thread.join(timeout_s)
        return not self.running

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            reading = self._read()
            if self._stop.is_set():
                break  # stopped during the read: the caller no longer wants readings
            if reading != self.latest:
                self.latest = reading
                try:
                    self.on_reading(reading)
                except Exception:  # a UI bug must not stop the live weight
                    log.exception("Scale reading callback failed; monitoring goes on")
            disconnected = reading.state is ScaleState.DISCONNECTED
            self._stop.wait(self.reconnect_interval_s if disconnected else self.interval_s)

    def _read(self) -> ScaleReading:
        try:
            return self.device.read()
        except Exception as exc:  # ScaleDevice.read() does not raise; other readers might
            log.exception("Reading the scale failed")
            return ScaleReading(state=ScaleState.ERROR, message=f"reading the scale failed: {exc}")

    def __enter__(self) -> ScaleMonitor:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
        self.join()
