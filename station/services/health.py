"""Is this station fit to work? The checks behind `station doctor` and the window's status bar."""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from sqlalchemy.exc import SQLAlchemyError

from station import secrets
from station.api import ScaleState
from station.config import DeviceSettings, Settings
from station.db.engine import Database
from station.db.migrate import current_revision, head_revision
from station.hardware.printing.device import PrinterDevice, PrinterError, transport_for_url
from station.hardware.scale.device import ScaleDevice
from station.hardware.scale.errors import ScaleError
from station.pluginhost import PluginHost, PluginInfo


class Status(enum.StrEnum):
    OK = "ok"
    NOTE = "note"  # worth knowing, nothing to fix (e.g. no scale on a back-office PC)
    PROBLEM = "problem"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def check_database(database: Database) -> list[Check]:
    label = database.info.label
    try:
        current = current_revision(database.engine)
    except SQLAlchemyError as exc:
        reason = str(exc.orig if getattr(exc, "orig", None) else exc).strip().splitlines()[0]
        return [
            Check(
                "database",
                Status.PROBLEM,
                f"cannot reach {label}: {reason}",
                "check the server is running and STATION_DATABASE_URL / --database-url point at it",
            )
        ]
    reachable = Check("database", Status.OK, f"{label} reachable")
    head = head_revision()
    if current is None:
        schema = Check("schema", Status.PROBLEM, "the database is empty", "run `station db upgrade`")
    elif current != head:
        schema = Check("schema", Status.PROBLEM, f"at revision {current}, newest is {head}", "run `station db upgrade`")
    else:
        schema = Check("schema", Status.OK, f"at the newest revision ({head})")
    return [reachable, schema]


def check_plugins(host: PluginHost) -> list[Check]:
    infos = host.plugins()
    enabled = [info.name for info in infos if info.status == "enabled"]
    checks = [Check("plugins", Status.OK, f"{len(enabled)} enabled: {', '.join(enabled)}")]
    for info in infos:
        if info.status == "failed":
            checks.append(
                Check(
                    f"plugin {info.name}",
                    Status.PROBLEM,
                    f"failed to load: {info.error}",
                    f"update or uninstall it, or set STATION_DISABLE_PLUGINS={info.name}",
                )
            )
        elif info.status == "disabled":
            checks.append(Check(f"plugin {info.name}", Status.NOTE, f"disabled: {info.error or 'by configuration'}"))
    return checks


def check_devices(settings: Settings, host: PluginHost) -> list[Check]:
    devices = settings.devices
    if devices.printer_url:
        printer = _check_printer(devices.printer_url, devices.printer_language, host)
    else:
        printer = Check("printer", Status.NOTE, "no label printer configured (fine for a back-office PC)")
    if devices.scale_url:
        scale = _check_scale(devices.scale_url, devices.scale_protocol or "auto", host)
    else:
        scale = Check("scale", Status.NOTE, "no scale configured (fine for a back-office PC)")
    return [printer, scale]


def _check_printer(printer_url: str, language: str, host: PluginHost) -> Check:
    fix_url = "fix [devices] printer_url in the settings file"
    try:
        name, settings = transport_for_url(printer_url)
        device = PrinterDevice.open(printer_url, transports=host.printer_transports(), language=language)
    except (PrinterError, ValueError) as exc:
        return Check("printer", Status.PROBLEM, str(exc), fix_url)
    if name == "file":
        folder = str(settings.get("directory", ""))
        if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
            return Check("printer", Status.PROBLEM, f"folder {folder} does not exist or is not writable", "create it or fix printer_url")
    status = device.status()
    if not status.ready:
        return Check("printer", Status.PROBLEM, f"{printer_url}: {'; '.join(status.problems)}", "see to the printer, then run doctor again")
    how = "ready" if device.can_report_status else "status not reported by this transport"
    return Check("printer", Status.OK, f"{printer_url} via the '{name}' transport: {how}")


def _check_scale(scale_url: str, protocol: str, host: PluginHost) -> Check:
    try:
        with ScaleDevice.open(scale_url, protocol, protocols=host.scale_protocols()) as scale:
            reading = scale.read()
            title = scale.protocol.title
    except ScaleError as exc:
        return Check("scale", Status.PROBLEM, str(exc), "check the cable, the power and [devices] scale_url")
    if reading.state in (ScaleState.STABLE, ScaleState.UNSTABLE):
        weight = f"{(reading.weight_g or 0) / 1000:.3f} kg".replace(".", ",")
        return Check("scale", Status.OK, f"{scale_url} ({title}): {weight} {reading.state.value}")
    if reading.state in (ScaleState.OVERLOAD, ScaleState.UNDERLOAD):
        return Check("scale", Status.PROBLEM, f"{scale_url} ({title}): {reading.state.value}", "empty the platform and zero it")
    return Check("scale", Status.PROBLEM, f"{scale_url} ({title}): {reading.message or reading.state.value}", "check the cable and the power")


def check_secrets() -> Check:
    usable, description = secrets.backend_description()
    if usable:
        return Check("secrets", Status.OK, description)
    return Check("secrets", Status.PROBLEM, description, "see docs/operations.md#secrets")


def run_checks(database: Database, settings: Settings, host: PluginHost) -> list[Check]:
    return [*check_database(database), *check_plugins(host), *check_devices(settings, host), check_secrets()]


# -- what the status bar shows -----------------------------------------------------------------


@dataclass(frozen=True)
class PluginHealth:
    total: int  # plugins found (enabled, disabled by the operator, failed)
    failures: tuple[tuple[str, str], ...]  # (plugin name, error) of each failed plugin

    @property
    def failed(self) -> int:
        return len(self.failures)


@dataclass(frozen=True)
class DeviceHealth:
    scale_url: str  # empty: not configured
    printer_url: str


def plugin_health(infos: Iterable[PluginInfo]) -> PluginHealth:
    infos = list(infos)
    failures = tuple((info.name, info.error or "") for info in infos if info.status == "failed")
    return PluginHealth(total=len(infos), failures=failures)


def device_health(devices: DeviceSettings) -> DeviceHealth:
    return DeviceHealth(scale_url=devices.scale_url.strip(), printer_url=devices.printer_url.strip())
