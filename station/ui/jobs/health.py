"""What the status bar says about plugins and bench devices, as plain data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from station.config import DeviceSettings
from station.pluginhost import PluginHost, PluginInfo


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


def load_plugins() -> PluginHost:
    """Load every plugin (built-ins, then entry points); failures are recorded, never raised."""
    return PluginHost()
