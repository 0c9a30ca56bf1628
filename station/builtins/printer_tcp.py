"""Built-in "tcp" printer transport: raw TCP to port 9100, the way Zebra network printers listen.

URL form (see ``station.hardware.printing.device.transport_for_url``): ``tcp://HOST:9100``.
Each job opens a connection, writes the bytes once per copy and closes it; the printer starts
printing as soon as a ``^XZ`` arrives. The socket is two-way, so the transport also offers the
optional ``exchange`` capability the station uses for ``~HS`` status queries.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

from station.api import (
    AdapterContext,
    DeviceError,
    PrinterTransport,
    PrintJob,
    SettingField,
    SettingsSchema,
    TemporaryError,
    hookimpl,
)

STATION_API_VERSION = "1.0"

DEFAULT_PORT = 9100


class PrinterUnreachable(DeviceError, TemporaryError):
    """The printer did not accept a connection: off, unplugged, wrong address. Worth retrying."""


class TcpPrinter:
    """Sends jobs over raw TCP (JetDirect / port 9100)."""

    name = "tcp"
    title = "Network printer (raw TCP, port 9100)"
    settings_schema = SettingsSchema(
        name="tcp",
        title="Network printer (raw TCP, port 9100)",
        fields=(
            SettingField(key="host", label="Printer address", required=True, help="IP address or host name"),
            SettingField(key="port", label="Port", kind="int", default=DEFAULT_PORT),
            SettingField(
                key="timeout_s",
                label="Timeout (seconds)",
                kind="int",
                default=5,
                help="How long to wait for the printer to accept a connection or data.",
            ),
        ),
    )

    def send(self, ctx: AdapterContext, job: PrintJob) -> str:
        host, port, timeout = self._target(ctx)
        with self._connect(host, port, timeout) as connection:
            try:
                for _ in range(job.copies):
                    connection.sendall(job.data)
                # Half-close so the printer sees the end of the job before we go.
                connection.shutdown(socket.SHUT_WR)
            except OSError as exc:
                # Not retryable: part of the label may have printed; a person decides to reprint.
                raise DeviceError(
                    f"the printer at {host}:{port} stopped taking data ({_reason(exc)}); "
                    "check its cable and whether the label printed before sending it again",
                    plugin=self.name,
                ) from exc
        ctx.logger.info("Sent %s (%d bytes) to %s:%s", job.title, len(job.data) * job.copies, host, port)
        return f"sent to {host}:{port}"

    def exchange(
        self, ctx: AdapterContext, data: bytes, *, terminator: bytes, count: int = 1, timeout_s: float
    ) -> bytes:
        """Send a query and read the answer on the same connection (see the PrinterTransport docs)."""
        host, port, _ = self._target(ctx)
        deadline = time.monotonic() + timeout_s
        with self._connect(host, port, timeout_s) as connection:
            try:
                connection.sendall(data)
            except OSError as exc:
                raise PrinterUnreachable(
                    f"the printer at {host}:{port} closed the connection ({_reason(exc)})", plugin=self.name
                ) from exc
            received = bytearray()
            while received.count(terminator) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                connection.settimeout(left)
                try:
                    chunk = connection.recv(4096)
                except TimeoutError:
                    break
                except OSError:
                    break  # reset mid-answer: return what arrived; the caller judges it
                if not chunk:
                    break
                received += chunk
        return bytes(received)

    def _target(self, ctx: AdapterContext) -> tuple[str, int, float]:
        host = str(ctx.settings.get("host") or "").strip()
        if not host:
            raise DeviceError("no address is set for the network printer (setting 'host')", plugin=self.name)
        port = int(ctx.settings.get("port") or DEFAULT_PORT)  # type: ignore[call-overload]
        timeout = float(ctx.settings.get("timeout_s") or 5)  # type: ignore[arg-type]
        return host, port, timeout

    def _connect(self, host: str, port: int, timeout: float) -> socket.socket:
        try:
            return socket.create_connection((host, port), timeout=timeout)
        except OSError as exc:
            raise PrinterUnreachable(
                f"cannot reach the printer at {host}:{port} ({_reason(exc)}); "
                "check it is switched on and on the network",
                plugin=self.name,
            ) from exc


def _reason(exc: OSError) -> str:
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "unknown host name"
    return exc.strerror or str(exc) or type(exc).__name__


@hookimpl
def station_register_printer_transports(register: Callable[[PrinterTransport], None]) -> None:
    register(TcpPrinter())
