"""Built-in "file" printer transport: saves each print job as a file in a folder.

For benches without a printer, for demo mode, and for handing labels to another system that
watches a folder. One file per copy, named ``<UTC timestamp>-<title>.<ext>`` with the extension
of the content type (``.zpl``, ``.pdf`` …). Files appear atomically (written to a hidden temp
file, then renamed), so a folder watcher never picks up half a label.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

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

EXTENSIONS = {
    "application/zpl": ".zpl",
    "application/x-zpl": ".zpl",
    "application/epl": ".epl",
    "application/x-epl": ".epl",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
}


def _slug(title: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()
    return slug[:60] or "job"


class FilePrinter:
    """Writes print jobs to a folder."""

    name = "file"
    title = "Save to folder"
    settings_schema = SettingsSchema(
        name="file",
        title="Save to folder",
        fields=(
            SettingField(
                key="directory",
                label="Folder",
                required=True,
                help="Existing folder the station can write to; one file per label.",
            ),
        ),
    )

    def send(self, ctx: AdapterContext, job: PrintJob) -> str:
        folder = self._folder(ctx)
        stem = f"{ctx.now():%Y%m%d-%H%M%S-%f}-{_slug(job.title)}"
        extension = EXTENSIONS.get(job.content_type.split(";")[0].strip().lower(), ".bin")
        written = []
        for copy in range(1, job.copies + 1):
            suffix = f"-copy{copy}" if job.copies > 1 else ""
            written.append(self._write(folder, f"{stem}{suffix}", extension, job.data))
        ctx.logger.info("Saved %s to %s", job.title, ", ".join(str(p) for p in written))
        return str(written[0]) if len(written) == 1 else f"{len(written)} files in {folder}"

    def _folder(self, ctx: AdapterContext) -> Path:
        directory = str(ctx.settings.get("directory") or "").strip()
        if not directory:
            raise DeviceError("no folder is set for the file printer (setting 'directory')", plugin=self.name)
        folder = Path(directory).expanduser()
        if not folder.is_dir():
            raise DeviceError(f"printer folder {folder} does not exist or is not a folder", plugin=self.name)
        return folder

    def _write(self, folder: Path, stem: str, extension: str, data: bytes) -> Path:
        try:
            handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".printing-", suffix=".tmp")
        except OSError as exc:
            raise DeviceError(
                f"cannot write to printer folder {folder}: {exc.strerror}", plugin=self.name
            ) from exc
        try:
            with os.fdopen(handle, "wb") as temp:
                temp.write(data)
                temp.flush()
                os.fsync(temp.fileno())
            target = self._free_name(folder, stem, extension)
            os.replace(temp_name, target)
        except OSError as exc:
            Path(temp_name).unlink(missing_ok=True)
            raise DeviceError(
                f"cannot write to printer folder {folder}: {exc.strerror or exc}", plugin=self.name
            ) from exc
        return target

    @staticmethod
    def _free_name(folder: Path, stem: str, extension: str) -> Path:
        # Two jobs with the same title in the same microsecond (or a fixed test clock) must not
        # overwrite each other.
        target = folder / f"{stem}{extension}"
        counter = 2
        while target.exists():
            target = folder / f"{stem}-{counter}{extension}"
            counter += 1
        return target


@hookimpl
def station_register_printer_transports(register: Callable[[PrinterTransport], None]) -> None:
    register(FilePrinter())
