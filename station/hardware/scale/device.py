"""The scale driver: one scale on one port, read as :class:`ScaleReading` values.

``read()`` never raises for anything the scale or its cable does: no answer is ``TIMEOUT``, a
missing or vanished port is ``DISCONNECTED`` (and the next ``read()`` tries to open it again, so
replugging the scale just works), an error reply is ``ERROR``. Each reading's ``message`` names
the port and protocol. Readings, zero and tare are serialised by a lock, so a monitor thread
and a button in the window can share one device.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import serial

from station.api import NotSupportedError, ScaleProtocol, ScaleReading, ScaleState, SerialSettings
from station.hardware.scale.detect import DETECTION_ORDER, detect, detection_candidates, effective_settings
from station.hardware.scale.errors import ScaleCommandError, ScaleNotDetected, ScalePortError
from station.hardware.scale.link import LINK_ERRORS, SerialLink
from station.hardware.scale.ports import resolve_port

if TYPE_CHECKING:
    from station.hardware.scale.simulator import ScaleSimulator

log = logging.getLogger(__name__)

#: After this many timeouts in a row the port is closed and reopened on the next read: some
#: USB-serial adapters and network converters only recover from a fresh open.
REOPEN_AFTER_TIMEOUTS = 3
SIMULATOR_SCHEME = "sim://"
_OPEN_ERRORS: tuple[type[BaseException], ...] = (*LINK_ERRORS, ValueError)


def seconds(value: float) -> str:
    """``1.0`` → ``"1.0 s"``, ``0.25`` → ``"0.25 s"``: as an operator would write it."""
    return f"{value:.1f} s" if round(value, 1) == value else f"{value:g} s"


def _reason(exc: BaseException) -> str:
    """The useful part of a pyserial/OS error: "Connection refused", not the whole chain."""
    # pyserial wraps the OSError that says what happened ("could not open port X: [Errno 2] …").
    for candidate in (exc.__cause__, exc.__context__):
        if isinstance(candidate, OSError) and candidate.strerror:
            return candidate.strerror
    if len(exc.args) == 2 and isinstance(exc.args[0], int) and isinstance(exc.args[1], str):
        return exc.args[1]  # OSError and termios.error: (errno, text)
    return str(exc).strip() or type(exc).__name__


class ScaleDevice:
    """A scale on ``url`` speaking ``protocol``.

    Build one with :meth:`open` (checks the port now, can auto-detect the protocol) or with the
    constructor (touches nothing until the first :meth:`read`; a missing port then reads as
    ``DISCONNECTED``, which suits a station that starts before the scale is plugged in).
    """

    def __init__(
        self,
        url: str,
        protocol: ScaleProtocol,
        *,
        serial_overrides: Mapping[str, object] | None = None,
        command_timeout_s: float | None = None,
    ) -> None:
        self.url = url
        self._registered = protocol
        self.protocol: ScaleProtocol = _for_connection(protocol)
        self.settings: SerialSettings = effective_settings(protocol, serial_overrides)
        #: Zero and tare wait for the scale to settle first, which can take a few seconds.
        self.command_timeout_s = command_timeout_s or max(3.0, 3 * self.settings.timeout_s)
        self.last_reading: ScaleReading | None = None
        self.simulator: ScaleSimulator | None = None  # set for sim:// URLs; stopped by close()
        self._link: SerialLink | None = None
        self._lock = threading.RLock()
        self._timeouts_in_a_row = 0

    # -- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        url: str,
        protocol: str | ScaleProtocol = "auto",
        *,
        protocols: Mapping[str, ScaleProtocol],
        serial_overrides: Mapping[str, object] | None = None,
    ) -> ScaleDevice:
        """Open the scale on ``url`` now.

        ``url``: a device (``/dev/ttyUSB0``, ``COM3``), ``usb:VID:PID[:SERIAL]``, a pyserial URL
        (``socket://host:port``, ``rfc2217://host:port``, ``loop://``) or ``sim://PROTOCOL``
        (an in-process simulator, for demo mode). ``protocol``: ``"auto"``, a name from
        ``protocols`` (usually ``PluginHost().scale_protocols()``) or an adapter object.

        Raises :class:`ScalePortError` if the port cannot be opened, :class:`ScaleNotDetected`
        if ``"auto"`` finds no protocol the scale answers, ``LookupError`` for an unknown name.
        """
        simulator = None
        if url.startswith(SIMULATOR_SCHEME):
            simulator, target = _start_simulator(url)
        else:
            target = url
        try:
            if protocol == "auto":
                device = cls._detect(target, protocols, serial_overrides)
            else:
                adapter = _adapter(protocol, protocols)
                device = cls(target, adapter, serial_overrides=serial_overrides)
                with device._lock:
                    device._connect()
        except BaseException:
            if simulator is not None:
                simulator.stop()
            raise
        device.simulator = simulator
        return device

    @classmethod
    def _detect(
        cls, url: str, protocols: Mapping[str, ScaleProtocol], overrides: Mapping[str, object] | None
    ) -> ScaleDevice:
        candidates = detection_candidates(protocols)
        if not candidates:
            raise ScaleNotDetected(f"No scale protocol can be auto-detected on {url}; choose one explicitly")
        link = _open_link(url, effective_settings(candidates[0], overrides), "auto-detect")
        try:
            found = detect(link, protocols, overrides)
        except LINK_ERRORS as exc:
            link.close()
            raise ScalePortError(f"The scale port {url} failed while detecting its protocol: {_reason(exc)}") from exc
        if found is None:
            link.close()
            tried = ", ".join(adapter.title for adapter in candidates)
            raise ScaleNotDetected(
                f"No scale answered on {url} (tried {tried}); check that it is switched on, "
                "the cable and the scale's interface settings, or choose the protocol explicitly"
            )
        adapter, frame = found
        device = cls(url, adapter, serial_overrides=overrides)
        device._link = link  # already open and set to the protocol's line settings
        device.last_reading = device._parse(frame)  # the probe's answer is a reading too
        return device

    def _connect(self) -> None:
        """Open the port (resolving ``usb:`` addresses afresh); :class:`ScalePortError` if not."""
        self._link = _open_link(self.url, self.settings, self.protocol.title)
        self.protocol = _for_connection(self._registered)  # nothing remembered crosses a reconnect
        self._timeouts_in_a_row = 0

    def _disconnect(self) -> None:
        if self._link is not None:
            self._link.close()
            self._link = None

    # -- reading ---------------------------------------------------------------------------------

    def read(self) -> ScaleReading:
        """Ask for one weight. Never raises for device states (see the module docstring)."""
        with self._lock:
            reading = self._read()
            self.last_reading = reading
            return reading

    def _read(self) -> ScaleReading:
        if self._link is None:
            try:
                self._connect()
            except ScalePortError as exc:
                return ScaleReading(state=ScaleState.DISCONNECTED, message=exc.message)
        assert self._link is not None
        where = self.where
        try:
            self._link.send(self.protocol.request_weight())
            frame = self._link.read_frame(self.protocol.reply_terminator, self.settings.timeout_s)
            if frame is None:
                return self._timed_out(f"No answer from {where} within {seconds(self.settings.timeout_s)}")
            self._timeouts_in_a_row = 0
            reading = self._parse(frame)
            if reading.state is ScaleState.ERROR and getattr(self.protocol, "streams", False):
                # Flushing may have cut a streamed frame in half; the next one is whole.
                frame = self._link.read_frame(self.protocol.reply_terminator, self.settings.timeout_s)
                if frame is not None:
                    reading = self._parse(frame)
        except serial.SerialTimeoutException:
            return self._timed_out(f"{_sentence(where)} does not take commands (write timed out)")
        except LINK_ERRORS as exc:
            self._disconnect()
            message = f"Lost {where}: {_reason(exc)}; reconnecting"
            log.warning("%s", message)
            return ScaleReading(state=ScaleState.DISCONNECTED, message=message)
        if reading.state is ScaleState.ERROR:
            return ScaleReading(state=ScaleState.ERROR, message=f"{_sentence(where)}: {reading.message}")
        return reading

    def _parse(self, frame: bytes) -> ScaleReading:
        try:
            return self.protocol.parse_reply(frame)
        except Exception as exc:  # a plugin's parser bug must not stop the reading loop
            log.exception("Scale protocol %s failed on %r", self.protocol.name, frame)
            return ScaleReading(state=ScaleState.ERROR, message=f"protocol {self.protocol.name} failed: {exc}")

    def _timed_out(self, message: str) -> ScaleReading:
        self._timeouts_in_a_row += 1
        if self._timeouts_in_a_row >= REOPEN_AFTER_TIMEOUTS:
            self._disconnect()  # reopened by the next read
        return ScaleReading(state=ScaleState.TIMEOUT, message=message)

    # -- commands --------------------------------------------------------------------------------

    def zero(self) -> None:
        """Set the empty scale to zero. Raises :class:`ScaleCommandError` if the scale refuses
        or does not confirm, ``NotSupportedError`` if the protocol has no zero command."""
        self._command("zero", "zero_command")

    def tare(self) -> None:
        """Take the current load (the empty box) as tare. Errors as for :meth:`zero`."""
        self._command("tare", "tare_command")

    def _command(self, action: str, method: str) -> None:
        make = getattr(self.protocol, method, None)
        if not callable(make):
            raise NotSupportedError(
                f"the {self.protocol.title} protocol has no {action} command; use the scale's own key",
                plugin=self.protocol.name,
            )
        check = getattr(self.protocol, "command_problem", None)
        where = self.where
        with self._lock:
            if self._link is None:
                self._connect()
            assert self._link is not None
            try:
                self._link.send(make())
                if not callable(check):
                    return  # the protocol documents no confirmation; the next reading shows it
                frame = self._link.read_frame(self.protocol.reply_terminator, self.command_timeout_s)
            except LINK_ERRORS as exc:
                self._disconnect()
                raise ScaleCommandError(f"Lost {where} while trying to {action}: {_reason(exc)}") from exc
        if frame is None:
            raise ScaleCommandError(f"No answer from {where} to {action} within {seconds(self.command_timeout_s)}")
        problem = check(frame)
        if problem:
            raise ScaleCommandError(f"{_sentence(where)}: {problem}")

    # -- lifetime --------------------------------------------------------------------------------

    @property
    def where(self) -> str:
        """``the scale on /dev/ttyUSB0 (Mettler Toledo MT-SICS)``: how messages name this scale."""
        return f"the scale on {self.url} ({self.protocol.title})"

    @property
    def connected(self) -> bool:
        """Whether the port is open now (it may still be silent)."""
        return self._link is not None

    def close(self) -> None:
        """Release the port (and stop a ``sim://`` simulator). Safe to call twice."""
        with self._lock:
            self._disconnect()
        simulator, self.simulator = self.simulator, None
        if simulator is not None:
            simulator.stop()

    def __enter__(self) -> ScaleDevice:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ScaleDevice {self.url} {self.protocol.name}>"


def _for_connection(protocol: ScaleProtocol) -> ScaleProtocol:
    # A protocol that remembers earlier replies (Toledo 8217) gets a fresh copy per connection.
    fork = getattr(protocol, "for_connection", None)
    return fork() if callable(fork) else protocol


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _adapter(protocol: str | ScaleProtocol, protocols: Mapping[str, ScaleProtocol]) -> ScaleProtocol:
    if not isinstance(protocol, str):
        return protocol
    found = protocols.get(protocol)
    if found is None:
        available = ", ".join(["auto", *sorted(protocols)])
        raise LookupError(f"No scale protocol named {protocol!r} (available: {available})")
    return found


def _open_link(url: str, settings: SerialSettings, title: str) -> SerialLink:
    try:
        target = resolve_port(url)
        return SerialLink.open(target, settings)
    except ScalePortError:
        raise
    except _OPEN_ERRORS as exc:
        raise ScalePortError(f"Cannot open the scale port {url} ({title}): {_reason(exc)}") from exc


def _start_simulator(url: str) -> tuple[ScaleSimulator, str]:
    """``sim://sics?weight_g=1250&stable=0`` → a running simulator and the socket URL to it."""
    from station.hardware.scale.simulator import ScaleSimulator  # only demo mode needs it

    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    name = parts.netloc or "sics"
    if name not in DETECTION_ORDER:
        raise ScalePortError(f"{url}: the simulator speaks {', '.join(DETECTION_ORDER)}, not {name!r}")
    try:
        weight_g = int(query.get("weight_g", "0"))
    except ValueError:
        raise ScalePortError(f"{url}: weight_g must be whole grams") from None
    stable = query.get("stable", "1").lower() not in ("0", "false", "no")
    simulator = ScaleSimulator(name, weight_g=weight_g, stable=stable)  # type: ignore[arg-type]
    return simulator, simulator.start_socket()
