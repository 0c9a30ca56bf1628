"""Barcode scanners: keyboard-wedge settings, serial scanners read on a thread, and a simulator.

A keyboard-wedge scanner types its codes; the station tells them from a person typing by speed (the
Qt side is :mod:`station.ui.scanner`, which reads :class:`ScannerSettings` from here so the settings
can be stored and edited without Qt). A serial scanner (RS-232, or USB in "virtual COM port" mode)
sends each code followed by a terminator, usually CR:

    scanner = SerialScanner("/dev/ttyACM0", on_scan=print).start()   # or COM5, socket://host:port
    ...
    scanner.stop()

``on_scan`` runs on the reader thread; a Qt caller relays it with a signal
(:class:`station.ui.scanner.ScanRelay`). The reader reconnects by itself after an unplug.

:class:`ScannerSimulator` plays the scanner over a real TCP socket or a real pseudo-terminal.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import socket
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields
from types import TracebackType
from typing import Any

import serial

__all__ = ["InvalidScannerSettings", "ScannerSettings", "ScannerSimulator", "SerialScanner", "decode_scan"]

log = logging.getLogger(__name__)

SUFFIXES = ("Enter", "Tab")
READ_TIMEOUT_S = 0.2  # how often the reader looks up from a quiet port to notice stop()
JOIN_TIMEOUT_S = 5.0

try:  # POSIX: a terminal whose other end vanished can raise termios.error, not OSError
    from termios import error as _TermiosError

    PORT_ERRORS: tuple[type[BaseException], ...] = (serial.SerialException, OSError, _TermiosError)
except ImportError:  # pragma: no cover - Windows
    PORT_ERRORS = (serial.SerialException, OSError)


class InvalidScannerSettings(ValueError):
    """A scanner setting that cannot work; the message names the setting and the value."""


@dataclass(frozen=True)
class ScannerSettings:
    """How a keyboard-wedge scanner types, so its bursts can be told from a person typing.

    ``threshold_ms``: the largest gap between two keystrokes of one scan (scanners type a key every
    1–10 ms; people rarely under 50 ms). ``min_length``: fewer characters are never a scan.
    ``prefix``: what the scanner is programmed to send first — one character (``"$"``, ``"\\x02"``)
    or a key name (``"F12"``); with a prefix, only prefixed bursts are scans, at any speed.
    ``suffix``: the key ending a scan, ``"Enter"`` (Return or keypad Enter) or ``"Tab"``.
    ``gs_replacement``: a character the scanner sends instead of the GS (FNC1) separator, for
    keyboards where Ctrl+] cannot be typed (``"~"``, ``"|"``); ``gs_key``: the key combination that
    types GS (``"Ctrl+]"`` on a US layout; a scanner set to another layout may send e.g. ``"Ctrl++"``).
    ``timeout_ms``: how long a started burst waits for its next key before it is given back as
    typing; 0 picks it: twice the threshold (at least 50 ms) without a prefix, 1 s with one.
    """

    threshold_ms: int = 25
    min_length: int = 4
    prefix: str = ""
    suffix: str = "Enter"
    gs_replacement: str = ""
    gs_key: str = "Ctrl+]"
    timeout_ms: int = 0

    def __post_init__(self) -> None:
        for name in ("threshold_ms", "min_length", "timeout_ms"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < (0 if name == "timeout_ms" else 1):
                raise InvalidScannerSettings(f"scanner setting {name} must be a whole positive number, got {value!r}")
        if self.suffix not in SUFFIXES:
            raise InvalidScannerSettings(
                f"scanner setting suffix must be one of {', '.join(SUFFIXES)}, got {self.suffix!r}"
            )
        if len(self.gs_replacement) > 1 or self.gs_replacement.isalnum():
            raise InvalidScannerSettings(
                f"scanner setting gs_replacement must be one character that codes never contain, such as '~', "
                f"got {self.gs_replacement!r}"
            )
        if self.prefix and self.prefix == self.gs_replacement:
            raise InvalidScannerSettings("scanner settings prefix and gs_replacement must differ")

    @property
    def idle_timeout_ms(self) -> int:
        """How long a burst may wait for its next keystroke (``timeout_ms``, or the automatic value)."""
        if self.timeout_ms:
            return self.timeout_ms
        return 1000 if self.prefix else max(2 * self.threshold_ms, 50)

    def as_mapping(self) -> dict[str, Any]:
        """Plain data for a settings file."""
        return asdict(self)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ScannerSettings:
        """Settings from a settings file; unknown keys are refused by name (a typo is not silently lost)."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InvalidScannerSettings(
                f"unknown scanner setting {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        return cls(**data)


def decode_scan(raw: bytes, encoding: str | None = None) -> str:
    """Bytes from a scanner as text: UTF-8 when they are valid UTF-8, else Latin-1 (every byte maps to
    a character, so nothing is lost). Control bytes such as GS (0x1D) are kept as they are."""
    if encoding:
        return raw.decode(encoding, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


class SerialScanner:
    """Reads codes from a serial scanner on a background thread and hands each to ``on_scan``.

    ``url`` is anything ``serial.serial_for_url`` opens: ``/dev/ttyACM0``, ``COM5``,
    ``socket://host:port``, a pseudo-terminal. Each code ends with ``terminator``; stray CR/LF around
    a code are dropped (a scanner sending CR LF with ``terminator=b"\\r"`` still works). When the port
    fails (cable pulled, device gone), the partial code is dropped and the port reopened every
    ``reconnect_interval_s`` until :meth:`stop`. ``on_status(connected, message)`` reports each change.
    """

    def __init__(
        self,
        url: str,
        on_scan: Callable[[str], None],
        terminator: bytes = b"\r",
        *,
        baudrate: int = 9600,
        encoding: str | None = None,
        reconnect_interval_s: float = 0.5,
        on_status: Callable[[bool, str], None] | None = None,
    ) -> None:
        if not terminator:
            raise InvalidScannerSettings("a serial scanner needs a terminator, such as b'\\r'")
        self.url = url
        self.on_scan = on_scan
        self.terminator = terminator
        self.baudrate = baudrate
        self.encoding = encoding
        self.reconnect_interval_s = reconnect_interval_s
        self.on_status = on_status
        self.last_error = ""
        self._connected = False
        self._changed = threading.Condition()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def connected(self) -> bool:
        return self._connected

    def start(self) -> SerialScanner:
        if self._thread is not None:
            raise RuntimeError(f"the scanner on {self.url} is already running")
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name=f"scanner {self.url}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop reading and close the port (returns once the reader thread has ended)."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(JOIN_TIMEOUT_S)
            self._thread = None

    def wait_connected(self, connected: bool = True, timeout: float = 5.0) -> bool:
        """Block until the port is open (or, with ``connected=False``, lost); False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self._connected == connected, timeout)

    def __enter__(self) -> SerialScanner:
        return self.start() if self._thread is None else self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- the reader thread ----------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                port = serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=READ_TIMEOUT_S, exclusive=True)
            except ValueError as exc:  # a malformed URL will not heal by retrying
                self._set_state(False, f"scanner URL {self.url!r} is not valid: {exc}")
                return
            except PORT_ERRORS as exc:
                self._set_state(False, f"scanner on {self.url} is not available: {exc}")
                self._stopping.wait(self.reconnect_interval_s)
                continue
            self._set_state(True, f"scanner on {self.url} connected")
            try:
                self._read(port)
            except PORT_ERRORS as exc:
                self._set_state(False, f"scanner on {self.url} disconnected: {exc}")
            finally:
                with contextlib.suppress(*PORT_ERRORS):
                    port.close()
        self._set_state(False, f"scanner on {self.url} stopped")

    def _read(self, port: serial.SerialBase) -> None:
        pending = bytearray()
        while not self._stopping.is_set():
            chunk = port.read(max(1, port.in_waiting))
            if not chunk:
                continue
            pending += chunk
            *codes, rest = bytes(pending).split(self.terminator)
            pending[:] = rest
            for raw in codes:
                raw = raw.strip(b"\r\n")  # only line ends: GS (0x1D) and other control bytes stay
                if raw:
                    self._deliver(decode_scan(raw, self.encoding))

    def _deliver(self, code: str) -> None:
        try:
            self.on_scan(code)
        except Exception:  # noqa: BLE001 - a failing receiver must not stop the scanner
            log.exception("handling a scan from %s failed", self.url)

    def _set_state(self, connected: bool, message: str) -> None:
        with self._changed:
            changed = connected != self._connected or message != self.last_error
            self._connected = connected
            self.last_error = "" if connected else message
            self._changed.notify_all()
        if changed:
            log.info("%s", message)
            if self.on_status is not None:
                try:
                    self.on_status(connected, message)
                except Exception:  # noqa: BLE001 - a status display failing must not stop the reader
                    log.exception("reporting the scanner state failed")


class ScannerSimulator:
    """A serial scanner for tests and demo mode, over a real TCP socket or a real pseudo-terminal.

        sim = ScannerSimulator()
        url = sim.start_socket()            # "socket://127.0.0.1:40123"; or sim.start_pty()
        sim.wait_for_clients(1)
        sim.scan("]C10107801234567894")     # the code, then the terminator
        sim.stop()                          # the scanner is "unplugged"; start again to plug it back

    A restarted socket simulator listens on the same port; a restarted pty simulator re-points
    ``link`` (a symlink, like ``/dev/serial/by-id/…``) to its new terminal.
    """

    def __init__(self, terminator: bytes = b"\r") -> None:
        self.terminator = terminator
        self.url: str | None = None
        self._port = 0
        self._clients: list[socket.socket] = []
        self._master = -1
        self._slave = -1
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._wake_r, self._wake_w = -1, -1

    @property
    def running(self) -> bool:
        return self.url is not None

    def start_socket(self, port: int = 0, host: str = "127.0.0.1") -> str:
        """Listen on ``host:port`` (0: a free port, or the one used before a stop); returns the URL."""
        self._check_idle()
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # Re-listening on the same port right after stop() must not wait for TIME_WAIT.
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind((host, port or self._port))
            listener.listen(4)
        except OSError:
            listener.close()
            raise
        self._port = listener.getsockname()[1]
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._accept, args=(listener,), name="scanner-sim", daemon=True)
        self._thread.start()
        self.url = f"socket://{host}:{self._port}"
        return self.url

    def start_pty(self, link: str | os.PathLike[str] | None = None) -> str:
        """Serve on a new pseudo-terminal (Linux/macOS); returns ``link`` if given, else the terminal's path."""
        if sys.platform == "win32":  # pragma: no cover
            raise OSError("pseudo-terminals are not available on Windows; use start_socket()")
        import tty  # POSIX only: keep the module importable on Windows

        self._check_idle()
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo, and CR stays CR, before any client opens it
        path = os.ttyname(self._slave)
        if link is not None:
            temporary = f"{os.fspath(link)}.new"
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            os.symlink(path, temporary)
            os.replace(temporary, link)  # atomic: a reconnecting reader never sees no link at all
            path = os.fspath(link)
        self.url = path
        return path

    def scan(self, code: str | bytes, encoding: str = "utf-8") -> None:
        """Send one code and the terminator, as the scanner does after a good read."""
        data = (code.encode(encoding) if isinstance(code, str) else code) + self.terminator
        if self._master >= 0:
            os.write(self._master, data)
            return
        with self._changed:
            clients = list(self._clients)
        if not clients:
            raise RuntimeError("no reader is connected to the scanner simulator")
        for client in clients:
            with contextlib.suppress(OSError):
                client.sendall(data)

    def wait_for_clients(self, count: int = 1, timeout: float = 5.0) -> bool:
        """Block until ``count`` readers are connected to the socket; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self._clients) >= count, timeout)

    def stop(self) -> None:
        """Close the port and every connection: to a reader, the scanner was unplugged."""
        if self._thread is not None:
            with contextlib.suppress(OSError):
                os.write(self._wake_w, b"x")
            self._thread.join(JOIN_TIMEOUT_S)
            self._thread = None
            for fd in (self._wake_r, self._wake_w):
                with contextlib.suppress(OSError):
                    os.close(fd)
        for fd in (self._master, self._slave):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = self._wake_r = self._wake_w = -1
        self.url = None

    def __enter__(self) -> ScannerSimulator:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _check_idle(self) -> None:
        if self.url is not None:
            raise RuntimeError(f"the scanner simulator is already serving {self.url}; stop() it first")

    def _accept(self, listener: socket.socket) -> None:
        """Take connections, and notice readers that leave (anything they send is ignored)."""
        try:
            while True:
                with self._changed:
                    clients = list(self._clients)
                watched: list[socket.socket | int] = [listener, self._wake_r, *clients]
                readable, _, _ = select.select(watched, [], [])
                if self._wake_r in readable:
                    return
                if listener in readable:
                    client, _ = listener.accept()
                    with self._changed:
                        self._clients.append(client)
                        self._changed.notify_all()
                for client in clients:
                    if client in readable and not _still_open(client):
                        with self._changed:
                            self._clients.remove(client)
                        client.close()
        finally:
            with self._changed:
                for client in self._clients:
                    with contextlib.suppress(OSError):
                        client.shutdown(socket.SHUT_RDWR)
                    client.close()
                self._clients.clear()
            listener.close()


def _still_open(client: socket.socket) -> bool:
    try:
        return bool(client.recv(4096))
    except OSError:
        return False
