"""A pretend Zebra on a TCP port, for tests, demo mode and `station printer simulate`.

It listens like a Zebra's port 9100: every ``^XA…^XZ`` it receives is recorded as a label, and
``~HS`` is answered with the three-line host status (see :mod:`.status`) built from flags a test
can flip while it runs: ``paper_out``, ``head_open``, ``paused``, ``ribbon_out``. Two failure
modes: ``silent`` (takes connections and data, never answers — a printer in an error state) and
``offline`` (refuses connections — switched off or unplugged).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable

__all__ = ["ZebraSimulator"]

STX, ETX = b"\x02", b"\x03"


class ZebraSimulator:
    """A ZPL printer on ``127.0.0.1:<port>``; use as a context manager or call :meth:`stop`."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        dpi: int = 203,
        label_length_dots: int = 1218,
        on_label: Callable[[bytes], None] | None = None,
    ) -> None:
        self.host = host
        self.dpi = dpi
        self.label_length_dots = label_length_dots
        self.on_label = on_label
        self.paper_out = False
        self.head_open = False
        self.paused = False
        self.ribbon_out = False
        self.silent = False
        self.labels: list[bytes] = []  # every complete ^XA…^XZ, in arrival order
        self.connections: list[bytes] = []  # every closed connection's bytes, exactly as received
        self.status_queries = 0
        self._changed = threading.Condition()
        self._offline = False
        self._stopping = False
        self._server = self._listen(port)
        self.port: int = self._server.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._accept_thread = threading.Thread(target=self._accept_loop, name="zebra-sim accept", daemon=True)
        self._accept_thread.start()

    # -- what tests use ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    @property
    def offline(self) -> bool:
        return self._offline

    @offline.setter
    def offline(self, value: bool) -> None:
        """Offline closes the listening socket (connections are refused); back online listens
        again on the same port."""
        with self._changed:
            if value == self._offline:
                return
            self._offline = value
            if value:
                self._close_server()
                self._accept_thread.join(2)  # listening has really stopped when this returns
            else:
                self._server = self._listen(self.port)
                self._accept_thread = threading.Thread(target=self._accept_loop, daemon=True)
                self._accept_thread.start()

    def wait_for_labels(self, count: int, timeout: float = 5.0) -> bool:
        """Block until at least ``count`` labels have arrived; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self.labels) >= count, timeout)

    def wait_for_connections(self, count: int, timeout: float = 5.0) -> bool:
        """Block until ``count`` connections have been closed and recorded."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self.connections) >= count, timeout)

    def host_status(self) -> bytes:
        """The ``~HS`` reply the printer would give now (three STX…ETX CR LF frames)."""
        formats_waiting = 0
        first = (
            f"030,{int(self.paper_out)},{int(self.paused)},{self.label_length_dots:04d},{formats_waiting:03d},"
            "0,0,0,000,0,0,0"
        )
        second = f"001,0,{int(self.head_open)},{int(self.ribbon_out)},0,2,6,0,00000000,1,000"
        third = "1234,0"
        return b"".join(STX + line.encode("ascii") + ETX + b"\r\n" for line in (first, second, third))

    def stop(self) -> None:
        self._stopping = True
        self._close_server()
        for thread in [self._accept_thread, *self._threads]:
            thread.join(2)

    def __enter__(self) -> ZebraSimulator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- the printer side --------------------------------------------------------------------------

    def _close_server(self) -> None:
        # shutdown() first: close() alone leaves the socket listening until the accept thread's
        # poll returns, and a client connecting meanwhile would be accepted, then dropped.
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            self._server.close()

    def _listen(self, port: int) -> socket.socket:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((self.host, port))
        server.listen(16)
        server.settimeout(0.2)  # so stop() and offline are noticed
        return server

    def _accept_loop(self) -> None:
        server = self._server
        while not self._stopping:
            try:
                connection, _ = server.accept()
            except TimeoutError:
                if server.fileno() == -1:
                    return
                continue
            except OSError:
                return  # closed: stopped or taken offline
            thread = threading.Thread(target=self._serve, args=(connection,), name="zebra-sim conn", daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        received = bytearray()
        pending = bytearray()
        connection.settimeout(0.2)
        with connection:
            while not self._stopping:
                try:
                    chunk = connection.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                received += chunk
                pending += chunk
                self._consume(pending, connection)
        with self._changed:
            self.connections.append(bytes(received))
            self._changed.notify_all()

    def _consume(self, pending: bytearray, connection: socket.socket) -> None:
        """Take complete commands off the front of ``pending``: ``~HS`` queries and labels."""
        while True:
            query = pending.find(b"~HS")
            start = pending.find(b"^XA")
            if query != -1 and (start == -1 or query < start):
                del pending[: query + 3]
                self.status_queries += 1
                if not self.silent:
                    with contextlib.suppress(OSError):
                        connection.sendall(self.host_status())
                continue
            if start == -1:
                return
            end = pending.find(b"^XZ", start)
            if end == -1:
                return  # the rest of the label is still on its way
            label = bytes(pending[start : end + 3])
            del pending[: end + 3]
            with self._changed:
                self.labels.append(label)
                self._changed.notify_all()
            if self.on_label is not None:
                self.on_label(label)
