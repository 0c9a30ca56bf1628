"""A scale simulator for tests and demo mode, over a real TCP socket or a real pseudo-terminal.

    sim = ScaleSimulator("sics", weight_g=1250)
    url = sim.start_socket()          # "socket://127.0.0.1:40123"
    ...                                # or: path = sim.start_pty()  → "/dev/pts/7" (Linux)
    sim.set_weight(980, stable=False); sim.set_overload(); sim.set_silent(True)
    sim.stop()

One background thread serves every connection with ``select`` (at most ``MAX_CLIENTS`` at
once); ``stop()`` wakes it through a socket pair and joins it, so nothing outlives the simulator.
A stopped simulator can be started again, on the same TCP port, to test reconnecting.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from station.hardware.scale.replies import SIM_PROTOCOLS, Responder, ScaleModel, SimProtocol

MAX_CLIENTS = 4
STREAM_INTERVAL_S = 0.1  # continuous-mode CAS: ten frames a second
JOIN_TIMEOUT_S = 5.0
DEFAULT_UNITS = {"sics": "g", "toledo8217": "kg", "cas": "kg"}


class ScaleSimulator:
    """A scale speaking ``protocol`` (``sics``, ``toledo8217`` or ``cas``).

    ``unit``: the unit it reports in (default g for MT-SICS, kg otherwise). ``continuous``
    (CAS): stream frames unasked, like a scale in continuous mode. ``status_after_weight``
    (Toledo 8217): answer an unchanged stable weight with an all-clear status, as some do.
    """

    def __init__(
        self,
        protocol: SimProtocol = "sics",
        weight_g: int = 0,
        stable: bool = True,
        *,
        unit: str | None = None,
        continuous: bool = False,
        status_after_weight: bool = False,
    ) -> None:
        if protocol not in SIM_PROTOCOLS:
            raise ValueError(f"the simulator speaks {', '.join(SIM_PROTOCOLS)}, not {protocol!r}")
        self.protocol: SimProtocol = protocol
        self.unit = unit or DEFAULT_UNITS[protocol]
        self.continuous = continuous
        self.status_after_weight = status_after_weight
        self.model = ScaleModel(weight_g=weight_g, stable=stable)
        self.url: str | None = None
        self._lock = threading.Lock()
        self._responders: list[Responder] = []
        self._thread: threading.Thread | None = None
        self._wake: tuple[socket.socket, socket.socket] | None = None  # (read end, write end)

    # -- what the scale shows --------------------------------------------------------------------

    def set_weight(self, weight_g: int, stable: bool = True) -> None:
        with self._lock:
            self.model.weight_g, self.model.stable, self.model.condition = weight_g, stable, "weight"

    def set_overload(self) -> None:
        with self._lock:
            self.model.condition = "overload"

    def set_underload(self) -> None:
        with self._lock:
            self.model.condition = "underload"

    def set_silent(self, silent: bool = True) -> None:
        """Stop answering (commands are swallowed), like a scale whose cable came loose."""
        with self._lock:
            self.model.silent = silent

    @property
    def commands_received(self) -> int:
        """How many commands reached the simulator (tests wait on this, never on time)."""
        return sum(responder.commands for responder in list(self._responders))

    # -- serving -------------------------------------------------------------------------------------

    def start_socket(self, port: int = 0, host: str = "127.0.0.1") -> str:
        """Listen on ``host:port`` (0: any free port); returns ``socket://host:PORT``."""
        self._check_idle()
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # Rebinding the same port right after stop() (reconnect tests) must not wait for TIME_WAIT.
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind((host, port))
            listener.listen(MAX_CLIENTS)
        except OSError:
            listener.close()
            raise
        self.url = f"socket://{host}:{listener.getsockname()[1]}"
        self._run(self._serve_socket, listener)
        return self.url

    def start_pty(self) -> str:
        """Serve on a new pseudo-terminal (Linux/macOS); returns the path to open, ``/dev/pts/N``."""
        if sys.platform == "win32":  # pragma: no cover
            raise OSError("pseudo-terminals are not available on Windows; use start_socket()")
        import tty  # POSIX only: keep the module importable on Windows

        self._check_idle()
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no line editing, before any client opens it
        os.set_blocking(master, False)
        self.url = os.ttyname(slave)
        # Keep our own slave fd open: without any open slave, reading the master fails (EIO)
        # between one client closing the port and the next opening it.
        self._run(self._serve_pty, master, slave)
        return self.url

    def stop(self) -> None:
        """Close every connection and the port; a client sees its scale vanish."""
        thread = self._thread
        if thread is None:
            return
        assert self._wake is not None
        with contextlib.suppress(OSError):
            self._wake[1].send(b"x")
        thread.join(JOIN_TIMEOUT_S)
        for end in self._wake:
            end.close()
        self._thread, self._wake = None, None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _check_idle(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"the simulator is already serving {self.url}; stop() it first")

    def _run(self, target: Callable[..., None], *resources: object) -> None:
        # A socket pair, not a pipe: select() on Windows (demo mode) only takes sockets.
        self._wake = socket.socketpair()
        self._responders = []
        self._thread = threading.Thread(target=target, args=resources, name=f"scale-sim-{self.protocol}", daemon=True)
        self._thread.start()

    def _responder(self) -> Responder:
        responder = Responder(
            self.protocol, self.model, self._lock, unit=self.unit, status_after_weight=self.status_after_weight
        )
        self._responders.append(responder)
        return responder

    def _stream_timeout(self) -> float | None:
        return STREAM_INTERVAL_S if self.continuous else None

    def _serve_socket(self, listener: socket.socket) -> None:
        assert self._wake is not None
        wake = self._wake[0]
        clients: dict[socket.socket, Responder] = {}
        try:
            while True:
                watched = [listener, wake, *clients]
                readable, _, _ = select.select(watched, [], [], self._stream_timeout())
                if wake in readable:
                    return
                if not readable:  # the stream interval passed: push a frame to everyone
                    for client, responder in list(clients.items()):
                        _send(client, responder.frame())
                    continue
                if listener in readable:
                    client, _ = listener.accept()
                    if len(clients) >= MAX_CLIENTS:
                        client.close()
                    else:
                        client.setblocking(False)
                        clients[client] = self._responder()
                for client in [c for c in readable if isinstance(c, socket.socket) and c in clients]:
                    try:
                        data = client.recv(4096)
                    except OSError:
                        data = b""
                    if not data:
                        del clients[client]
                        client.close()
                    else:
                        _send(client, clients[client].feed(data))
        finally:
            for client in clients:
                client.close()
            listener.close()

    def _serve_pty(self, master: int, slave: int) -> None:
        assert self._wake is not None
        wake = self._wake[0]
        responder = self._responder()
        try:
            while True:
                watched: list[socket.socket | int] = [master, wake]
                readable, _, _ = select.select(watched, [], [], self._stream_timeout())
                if wake in readable:
                    return
                if not readable:
                    _write(master, responder.frame())
                    continue
                try:
                    data = os.read(master, 4096)
                except BlockingIOError:
                    continue
                except OSError:
                    return  # the terminal is gone; nothing left to serve
                _write(master, responder.feed(data))
        finally:
            for fd in (master, slave):
                with contextlib.suppress(OSError):
                    os.close(fd)

    def __enter__(self) -> ScaleSimulator:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def _send(client: socket.socket, data: bytes) -> None:
    # Non-blocking: a client that stops reading loses frames rather than stalling the simulator.
    if data:
        with contextlib.suppress(OSError):
            client.send(data)


def _write(fd: int, data: bytes) -> None:
    if data:
        with contextlib.suppress(OSError):
            os.write(fd, data)
