"""Built-in "cups" printer transport: a raw CUPS queue on Linux (and macOS), through ``lp``.

URL form: ``cups://QUEUE`` (optionally ``cups://QUEUE?server=printhost:631``). The job goes to
``lp -d QUEUE -o raw`` on standard input, so CUPS passes the ZPL/EPL bytes to the printer
untouched. The queue must be a raw queue (``lpadmin -p QUEUE -E -v socket://IP:9100 -m raw``):
a queue with a driver prints the ``^XA…`` commands as text. CUPS answers nothing about the
printer itself, so this transport is one-way (no status query).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

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

LP_TIMEOUT_S = 30


class CupsPrinter:
    """Hands jobs to a CUPS queue with the ``lp`` command."""

    name = "cups"
    title = "CUPS raw queue (Linux)"
    settings_schema = SettingsSchema(
        name="cups",
        title="CUPS raw queue (Linux)",
        fields=(
            SettingField(key="queue", label="Queue name", required=True, help="As listed by `lpstat -p`."),
            SettingField(key="server", label="CUPS server", help="host[:port]; empty for this computer."),
        ),
    )

    def send(self, ctx: AdapterContext, job: PrintJob) -> str:
        queue = str(ctx.settings.get("queue") or "").strip()
        if not queue:
            raise DeviceError("no CUPS queue is set (setting 'queue')", plugin=self.name)
        lp = shutil.which("lp")
        if lp is None:
            raise DeviceError(
                "the CUPS `lp` command is not installed on this computer; install the CUPS client "
                "(Debian/Ubuntu: apt-get install cups-client) or print over tcp:// instead",
                plugin=self.name,
            )
        command = [lp, "-d", queue, "-o", "raw", "-t", job.title]
        server = str(ctx.settings.get("server") or "").strip()
        if server:
            command[1:1] = ["-h", server]
        if job.copies > 1:
            command += ["-n", str(job.copies)]
        try:
            result = subprocess.run(command, input=job.data, capture_output=True, timeout=LP_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise DeviceError(
                f"CUPS did not take the job for queue {queue!r} within {LP_TIMEOUT_S} s; is the CUPS service running?",
                plugin=self.name,
            ) from exc
        except OSError as exc:
            raise DeviceError(f"cannot run {lp}: {exc.strerror or exc}", plugin=self.name) from exc
        if result.returncode != 0:
            said = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
            raise DeviceError(
                f"CUPS refused the job for queue {queue!r}: {said or f'lp exited with {result.returncode}'}",
                plugin=self.name,
            )
        said = result.stdout.decode("utf-8", "replace").strip()  # "request id is Zebra-12 (1 file(s))"
        ctx.logger.info("Queued %s on CUPS queue %s: %s", job.title, queue, said)
        return f"queued on {queue}" + (f" ({said})" if said else "")


@hookimpl
def station_register_printer_transports(register: Callable[[PrinterTransport], None]) -> None:
    register(CupsPrinter())
