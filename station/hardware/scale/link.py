"""One open serial line to a scale: send a request, read a frame up to its terminator in time.

Wraps a pyserial port opened with ``serial.serial_for_url``, so device names (``/dev/ttyUSB0``,
``COM3``) and URLs (``socket://``, ``rfc2217://``, ``loop://``) all work. pyserial errors pass
through unchanged; the device decides what they mean for the packer.
"""

from __future__ import annotations

import os
import time
from typing import Any

import serial

from station.api import SerialSettings

try:  # POSIX: tcflush() on a terminal whose other end vanished raises termios.error, not OSError
    from termios import error as _TermiosError

    LINK_ERRORS: tuple[type[BaseException], ...] = (serial.SerialException, OSError, _TermiosError)
except ImportError:  # pragma: no cover - Windows
    LINK_ERRORS = (serial.SerialException, OSError)


def pyserial_settings(settings: SerialSettings, *, pseudo_terminal: bool = False) -> dict[str, Any]:
    """Our :class:`SerialSettings` as pyserial keyword arguments.

    A pseudo-terminal has no wire, and Linux refuses parity on one (``EINVAL``), so there the
    character format is left at 8N1: every supported protocol is 7-bit ASCII, so the bytes
    are the same. This is what lets the simulator's pty stand in for a 7E1 Toledo scale.
    """
    values: dict[str, Any] = {
        "baudrate": settings.baudrate,
        "bytesize": settings.bytesize,
        "parity": settings.parity,
        "stopbits": settings.stopbits,
        "timeout": settings.timeout_s,
        "write_timeout": settings.timeout_s,
    }
    if pseudo_terminal:
        values.update(bytesize=8, parity="N")
    return values


def is_pseudo_terminal(target: str) -> bool:
    """Whether ``target`` is a Linux pseudo-terminal (``/dev/pts/N``), e.g. a simulator's."""
    return os.path.realpath(target).startswith("/dev/pts/")


class SerialLink:
    """A port plus the bytes read past the last frame (a streaming scale sends them unasked)."""

    def __init__(self, port: serial.SerialBase, *, pseudo_terminal: bool = False) -> None:
        self.port = port
        self.pseudo_terminal = pseudo_terminal
        self._buffer = bytearray()

    @classmethod
    def open(cls, target: str, settings: SerialSettings) -> SerialLink:
        """Open ``target``; raises one of :data:`LINK_ERRORS` or ``ValueError``."""
        # exclusive: a second program (or a second station window) must not share the scale's port;
        # URL handlers such as socket:// accept and ignore it.
        pty = is_pseudo_terminal(target)
        port = serial.serial_for_url(target, exclusive=True, **pyserial_settings(settings, pseudo_terminal=pty))
        return cls(port, pseudo_terminal=pty)

    def configure(self, settings: SerialSettings) -> None:
        """Switch line settings on the open port (auto-detection tries 8N1 and 7E1)."""
        self.port.apply_settings(pyserial_settings(settings, pseudo_terminal=self.pseudo_terminal))

    def send(self, data: bytes) -> None:
        """Forget anything unread (a late answer to an earlier request), then write ``data``."""
        self._buffer.clear()
        self.port.reset_input_buffer()
        if data:
            self.port.write(data)
            self.port.flush()

    def read_frame(self, terminator: bytes, timeout_s: float) -> bytes | None:
        """The next bytes up to and including ``terminator``, or ``None`` if it did not arrive
        within ``timeout_s`` seconds (what did arrive stays buffered until the next ``send``)."""
        deadline = time.monotonic() + timeout_s
        while True:
            end = self._buffer.find(terminator)
            if end >= 0:
                end += len(terminator)
                frame = bytes(self._buffer[:end])
                del self._buffer[:end]
                return frame
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            # Bound each read by what is left, so a slow trickle cannot stretch the wait.
            self.port.timeout = left
            self._buffer += self.port.read(max(1, self.port.in_waiting))

    def close(self) -> None:
        # pyserial's socket:// close() skips closing the socket when shutdown() fails, which it
        # does once the other side has gone: close it ourselves (closing twice is harmless).
        raw_socket = getattr(self.port, "_socket", None)
        try:
            self.port.close()
        except LINK_ERRORS:
            pass  # the device is already gone; nothing left to release
        if raw_socket is not None:
            raw_socket.close()
