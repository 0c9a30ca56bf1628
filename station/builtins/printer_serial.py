"""Built-in "serial" printer transport: a printer on an RS-232 or USB-serial port.

URL form: ``serial:///dev/ttyUSB0?baudrate=9600`` (``serial://COM3?baudrate=9600`` on Windows).
The port is opened per job with pyserial's ``serial_for_url``, so ``socket://`` and ``loop://``
ports work too (handy in tests). Serial lines are two-way: the transport offers ``exchange``
for ``~HS`` status queries.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import serial

from station.api import (
    AdapterContext,
    DeviceError,
    PrinterTransport,
    PrintJob,
    SettingField,
    SettingsSchema,
    hookimpl,
)

STATION_API_VERSION = "1.0"


class SerialPrinter:
    """Writes jobs to a serial port."""

    name = "serial"
    title = "Serial printer (RS-232 / USB serial)"
    settings_schema = SettingsSchema(
        name="serial",
        title="Serial printer (RS-232 / USB serial)",
        fields=(
            SettingField(key="port", label="Port", required=True, help="/dev/ttyUSB0, /dev/serial/by-id/…, COM3"),
            SettingField(key="baudrate", label="Baud rate", kind="int", default=9600),
            SettingField(key="bytesize", label="Data bits", kind="choice", choices=("7", "8"), default="8"),
            SettingField(key="parity", label="Parity", kind="choice", choices=("N", "E", "O"), default="N"),
            SettingField(key="stopbits", label="Stop bits", kind="choice", choices=("1", "2"), default="1"),
            SettingField(
                key="flow",
                label="Handshake",
                kind="choice",
                choices=("none", "xonxoff", "rtscts", "dsrdtr"),
                default="none",
                help="Must match the printer's own setting; Zebras default to XON/XOFF or DTR.",
            ),
            SettingField(key="timeout_s", label="Write timeout (seconds)", kind="int", default=10),
        ),
    )

    def send(self, ctx: AdapterContext, job: PrintJob) -> str:
        port_name = self._port_name(ctx)
        with self._open(ctx, port_name, read_timeout=0.1) as port:
            try:
                for _ in range(job.copies):
                    port.write(job.data)
                port.flush()
            except serial.SerialTimeoutException as exc:
                raise DeviceError(
                    f"the printer on {port_name} stopped taking data (write timeout); "
                    "check it is on, online and the handshake setting matches",
                    plugin=self.name,
                ) from exc
            except (serial.SerialException, OSError) as exc:
                raise DeviceError(f"writing to the printer on {port_name} failed: {exc}", plugin=self.name) from exc
        ctx.logger.info("Sent %s (%d bytes) to %s", job.title, len(job.data) * job.copies, port_name)
        return f"sent to {port_name}"

    def exchange(
        self, ctx: AdapterContext, data: bytes, *, terminator: bytes, count: int = 1, timeout_s: float
    ) -> bytes:
        """Send a query and read the answer (see the PrinterTransport docs)."""
        port_name = self._port_name(ctx)
        deadline = time.monotonic() + timeout_s
        received = bytearray()
        with self._open(ctx, port_name, read_timeout=min(timeout_s, 0.2)) as port:
            try:
                # A previous answer's trailing CR LF must not be mistaken for this one.
                port.reset_input_buffer()
                port.write(data)
                port.flush()
                while received.count(terminator) < count and time.monotonic() < deadline:
                    received += port.read(max(1, port.in_waiting))
            except (serial.SerialException, OSError) as exc:
                raise DeviceError(f"talking to the printer on {port_name} failed: {exc}", plugin=self.name) from exc
        return bytes(received)

    def _port_name(self, ctx: AdapterContext) -> str:
        port_name = str(ctx.settings.get("port") or "").strip()
        if not port_name:
            raise DeviceError("no port is set for the serial printer (setting 'port')", plugin=self.name)
        return port_name

    def _open(self, ctx: AdapterContext, port_name: str, *, read_timeout: float) -> Any:
        flow = str(ctx.settings.get("flow") or "none")
        try:
            return serial.serial_for_url(
                port_name,
                baudrate=int(ctx.settings.get("baudrate") or 9600),  # type: ignore[call-overload]
                bytesize=int(str(ctx.settings.get("bytesize") or "8")),
                parity=str(ctx.settings.get("parity") or "N"),
                stopbits=int(str(ctx.settings.get("stopbits") or "1")),
                xonxoff=flow == "xonxoff",
                rtscts=flow == "rtscts",
                dsrdtr=flow == "dsrdtr",
                timeout=read_timeout,
                write_timeout=float(ctx.settings.get("timeout_s") or 10),  # type: ignore[arg-type]
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            raise DeviceError(
                f"cannot open the printer port {port_name} ({exc}); check the cable and that no other "
                "program has the port open",
                plugin=self.name,
            ) from exc


@hookimpl
def station_register_printer_transports(register: Callable[[PrinterTransport], None]) -> None:
    register(SerialPrinter())
