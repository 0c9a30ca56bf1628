"""Where the station keeps its files, and its typed settings (TOML under the user config directory).

`STATION_HOME` overrides every path: data, config, logs and cache then live under it. Secrets never
live here; they go to the OS keyring (see `station.secrets`).
"""

from __future__ import annotations

import os
import socket
import sys
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs
import tomli_w

APP_NAME = "JustLogisticsStation"
APP_AUTHOR = "JustLogistics"
SETTINGS_FILE = "station.toml"


@dataclass(frozen=True)
class StationPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / SETTINGS_FILE

    @property
    def sqlite_file(self) -> Path:
        return self.data_dir / "station.db"

    def ensure(self) -> StationPaths:
        for path in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir):
            path.mkdir(parents=True, exist_ok=True)
        return self


def station_paths() -> StationPaths:
    home = os.environ.get("STATION_HOME")
    if home:
        root = Path(home).expanduser()
        return StationPaths(root / "data", root / "config", root / "logs", root / "cache")
    dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
    return StationPaths(
        Path(dirs.user_data_dir), Path(dirs.user_config_dir), Path(dirs.user_log_dir), Path(dirs.user_cache_dir)
    )


@dataclass
class DeviceSettings:
    """Connection strings for the bench devices; empty means "not configured"."""

    scale_url: str = ""  # pyserial URL: /dev/ttyUSB0, COM3, socket://host:port, sim://
    scale_protocol: str = ""
    printer_url: str = ""  # tcp://host:9100, file:///path, cups://queue
    printer_language: str = "zpl"


@dataclass
class PackingSettings:
    """How this bench packs. The weight tolerance is max(percent of the expected weight, grams)."""

    bench: str = ""  # location code of this bench (a packing location); empty: the first one
    tolerance_basis_points: int = 500  # 5 %
    tolerance_g: int = 20
    label_size: str = "4x6"  # or "100x150"
    label_dpi: int = 203  # or 300
    slip_printer_url: str = ""  # where packing slips (PDF) go; empty: a "slips" folder in the data folder


@dataclass
class SmtpSettings:
    """Where the daily stock-alert mail goes; an empty host means "no alert mail".

    The password is never here: it lives in the OS keyring (`station alerts mail-password`).
    """

    host: str = ""
    port: int = 587
    security: str = "starttls"  # "starttls" (port 587), "ssl" (port 465) or "none" (a relay on the LAN)
    username: str = ""  # empty: the server takes mail without logging in
    from_address: str = ""
    to_addresses: list[str] = field(default_factory=list)
    timeout_seconds: int = 30

    @property
    def configured(self) -> bool:
        return bool(self.host and self.from_address and self.to_addresses)


SMTP_SECURITY = ("starttls", "ssl", "none")


@dataclass
class Settings:
    station_name: str = field(default_factory=socket.gethostname)
    database_url: str = ""  # empty: the local SQLite file
    language: str = "system"  # "system", "es" or "en"
    warehouse_code: str = ""
    devices: DeviceSettings = field(default_factory=DeviceSettings)
    packing: PackingSettings = field(default_factory=PackingSettings)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)  # [smtp]: the daily stock-alert mail
    # Keyboard-wedge scanner tuning ([scanner] threshold_ms, min_length, prefix, suffix, gs_replacement,
    # gs_key, timeout_ms), read by station.hardware.scanner.ScannerSettings.from_mapping, which checks it.
    scanner: dict[str, object] = field(default_factory=dict)
    plugins: dict[str, dict[str, object]] = field(default_factory=dict)  # [plugins.<adapter name>] settings
    disabled_plugins: list[str] = field(default_factory=list)  # never loaded here, as STATION_DISABLE_PLUGINS


class SettingsError(ValueError):
    """The settings file cannot be read; the message names the file and the field."""


# What an IT silent install of the Windows MSI sets for every user of the machine
# (`msiexec /i … STATION_DATABASE_URL=… STATION_NAME=…`, installer/windows/station.wxs writes them
# under HKEY_LOCAL_MACHINE). A user's own station.toml still wins over them.
MACHINE_SETTINGS_KEY = r"SOFTWARE\JustLogistics\Station"
MACHINE_SETTINGS_VALUES = {"DatabaseUrl": "database_url", "StationName": "station_name"}


def machine_defaults() -> dict[str, str]:
    """The settings the Windows installer left in the registry; empty elsewhere or when not set."""
    if sys.platform != "win32":
        return {}
    import winreg

    try:
        key = winreg.OpenKey(
            winreg.HKEY_LOCAL_MACHINE, MACHINE_SETTINGS_KEY, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY
        )
    except OSError:
        return {}
    defaults = {}
    with key:
        for value_name, setting in MACHINE_SETTINGS_VALUES.items():
            try:
                value, kind = winreg.QueryValueEx(key, value_name)
            except OSError:
                continue
            if kind == winreg.REG_SZ and value.strip():  # the MSI writes "" when IT gave no value
                defaults[setting] = value.strip()
    return defaults


def load_settings(paths: StationPaths | None = None) -> Settings:
    paths = paths or station_paths()
    path = paths.settings_file
    raw = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: not valid TOML ({exc})") from exc
    for setting, value in machine_defaults().items():
        raw.setdefault(setting, value)
    return _settings_from_dict(raw, path)


def save_settings(settings: Settings, paths: StationPaths | None = None) -> Path:
    paths = (paths or station_paths()).ensure()
    path = paths.settings_file
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(tomli_w.dumps(asdict(settings)), encoding="utf-8")
    temporary.replace(path)  # atomic: a crash never leaves half a settings file
    return path


def _settings_from_dict(raw: dict, path: Path) -> Settings:
    known = {f.name for f in fields(Settings)}
    unknown = set(raw) - known
    if unknown:
        raise SettingsError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
    sections = {
        name: _section(raw.pop(name, {}), cls, name, path)
        for name, cls in (("devices", DeviceSettings), ("packing", PackingSettings), ("smtp", SmtpSettings))
    }
    settings = Settings(**raw, **sections)
    if settings.language not in ("system", "es", "en"):
        raise SettingsError(f"{path}: language must be 'system', 'es' or 'en', not {settings.language!r}")
    if settings.smtp.security not in SMTP_SECURITY:
        raise SettingsError(
            f"{path}: [smtp] security must be 'starttls', 'ssl' or 'none', not {settings.smtp.security!r}"
        )
    if not all(isinstance(address, str) for address in settings.smtp.to_addresses):
        raise SettingsError(f"{path}: [smtp] to_addresses must be a list of e-mail addresses")
    return settings


def _section(values: object, cls: type, name: str, path: Path) -> object:
    if not isinstance(values, dict):
        raise SettingsError(f"{path}: [{name}] must be a table")
    unknown = set(values) - {f.name for f in fields(cls)}
    if unknown:
        raise SettingsError(f"{path}: unknown [{name}] setting(s) {', '.join(sorted(unknown))}")
    for f in fields(cls):
        if f.name in values and not isinstance(values[f.name], type(getattr(cls(), f.name))):
            expected = type(getattr(cls(), f.name)).__name__
            raise SettingsError(f"{path}: [{name}] {f.name} must be {expected}, not {values[f.name]!r}")
    return cls(**values)


def resolve_database_url(cli_url: str | None = None, settings: Settings | None = None) -> str:
    """The database to use: `--database-url`, else `STATION_DATABASE_URL`, else settings, else SQLite."""
    if cli_url:
        return cli_url
    env_url = os.environ.get("STATION_DATABASE_URL")
    if env_url:
        return env_url
    settings = settings if settings is not None else load_settings()
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{station_paths().ensure().sqlite_file}"
