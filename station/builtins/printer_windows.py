"""Built-in "win" printer transport: the Windows print spooler, raw (datatype ``RAW``).

URL form: ``win://ZDesigner ZD421-203dpi ZPL`` (the printer's name as Windows shows it; shared
printers as ``win://\\\\server\\Zebra``). The job bypasses the driver: ``OpenPrinterW`` →
``StartDocPrinterW`` (datatype ``RAW``) → ``StartPagePrinter`` → ``WritePrinter`` → end page,
end document, close — the same calls ``win32print`` wraps, made with ``ctypes`` so no extra
package is needed. The spooler does not relay the printer's answers: one-way, no status query.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

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


class _DocInfo1(ctypes.Structure):
    """DOC_INFO_1W: document name, output file (NULL: the printer), datatype."""

    _fields_ = [
        ("pDocName", ctypes.c_wchar_p),
        ("pOutputFile", ctypes.c_wchar_p),
        ("pDatatype", ctypes.c_wchar_p),
    ]


class WindowsPrinter:
    """Sends jobs raw through the Windows spooler."""

    name = "win"
    title = "Windows printer (raw spooler)"
    settings_schema = SettingsSchema(
        name="win",
        title="Windows printer (raw spooler)",
        fields=(
            SettingField(
                key="printer",
                label="Printer name",
                required=True,
                help="Exactly as in Settings → Printers, e.g. 'ZDesigner ZD421-203dpi ZPL'.",
            ),
        ),
    )

    def send(self, ctx: AdapterContext, job: PrintJob) -> str:
        printer = str(ctx.settings.get("printer") or "").strip()
        if not printer:
            raise DeviceError("no Windows printer name is set (setting 'printer')", plugin=self.name)
        if sys.platform != "win32":
            raise DeviceError(
                f"cannot print to {printer!r}: the Windows spooler exists only on Windows; "
                "on this computer use tcp://, cups:// or serial:// in the printer URL",
                plugin=self.name,
            )
        job_id = self._spool(printer, job)  # pragma: no cover - Windows only
        ctx.logger.info("Spooled %s to %s as job %s", job.title, printer, job_id)  # pragma: no cover
        return f"spooled to {printer} (job {job_id})"  # pragma: no cover

    def _spool(self, printer: str, job: PrintJob) -> int:  # pragma: no cover - Windows only
        winspool: Any = ctypes.WinDLL("winspool.drv", use_last_error=True)  # type: ignore[attr-defined]
        handle = ctypes.c_void_p()
        if not winspool.OpenPrinterW(ctypes.c_wchar_p(printer), ctypes.byref(handle), None):
            raise self._error(f"cannot open Windows printer {printer!r}; is the name exactly right?")
        try:
            info = _DocInfo1(job.title, None, "RAW")
            winspool.StartDocPrinterW.restype = ctypes.c_uint32
            job_id = winspool.StartDocPrinterW(handle, 1, ctypes.byref(info))
            if not job_id:
                raise self._error(f"Windows refused a raw job for {printer!r}")
            try:
                for _ in range(job.copies):
                    if not winspool.StartPagePrinter(handle):
                        raise self._error(f"Windows could not start a page on {printer!r}")
                    written = ctypes.c_uint32(0)
                    ok = winspool.WritePrinter(handle, job.data, len(job.data), ctypes.byref(written))
                    winspool.EndPagePrinter(handle)
                    if not ok or written.value != len(job.data):
                        raise self._error(f"Windows took only {written.value} of {len(job.data)} bytes for {printer!r}")
            finally:
                winspool.EndDocPrinter(handle)
            return int(job_id)
        finally:
            winspool.ClosePrinter(handle)

    def _error(self, message: str) -> DeviceError:  # pragma: no cover - Windows only
        code = ctypes.get_last_error()  # type: ignore[attr-defined]
        reason = ctypes.FormatError(code).strip() if code else "no details"  # type: ignore[attr-defined]
        return DeviceError(f"{message} ({reason})", plugin=self.name)


@hookimpl
def station_register_printer_transports(register: Callable[[PrinterTransport], None]) -> None:
    register(WindowsPrinter())
