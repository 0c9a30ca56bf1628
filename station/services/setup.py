"""First-run setup: what a new station needs before anyone can sign in, for the dialog and for IT.

The start-up rule (`start_decision`), also in docs/first-run.md:

* `--demo` never sets up (the demo seeds its own data).
* The database is probed first: READY (it answers and has at least one user), EMPTY (no file yet,
  no schema or no user) or UNREACHABLE.
* A settings file and a READY database: a normal start. A settings file and an UNREACHABLE
  database: a normal start too, which reports the database problem (a configured station whose
  server is down must not be set up again).
* No settings file and a READY database (a bench joining a shared database): a normal start.
* Otherwise (EMPTY, or no settings file and a database that was not named explicitly): set up.
  When `STATION_ADMIN_LOGIN` and `STATION_ADMIN_PIN` are set that happens silently
  (`values_from_environment`); otherwise the first-run dialog asks.

`apply_setup` does the work in one go: migrations (with progress), then the admin in one
transaction, then the settings file, written atomically and last. Nothing is written before it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import make_url

from station.config import (
    DeviceSettings,
    Settings,
    StationPaths,
    load_settings,
    save_settings,
)
from station.db.engine import Database, normalize_url
from station.db.migrate import alembic_config, current_revision, upgrade
from station.db.models import Role, User
from station.services.auth import create_user, verify_pin
from station.services.database import url_without_password

# Environment variables (and the MSI's silent-install properties, which land in the settings file).
ENV_DATABASE_URL = "STATION_DATABASE_URL"
ENV_NAME = "STATION_NAME"
ENV_ADMIN_LOGIN = "STATION_ADMIN_LOGIN"
ENV_ADMIN_NAME = "STATION_ADMIN_NAME"
ENV_ADMIN_PIN = "STATION_ADMIN_PIN"
ENV_SCALE_URL = "STATION_SCALE_URL"
ENV_PRINTER_URL = "STATION_PRINTER_URL"
ENV_DISABLE_PLUGINS = "STATION_DISABLE_PLUGINS"

Progress = Callable[[int, int, str], None]  # (step done, steps in all, what is happening)


class SetupError(ValueError):
    """A value the setup cannot use, or a step that failed; `field` names the value."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True)
class SetupValues:
    """Everything first-run asks. An empty database URL means the local SQLite file."""

    database_url: str = ""
    station_name: str = ""
    scale_url: str = ""
    scale_protocol: str = ""
    printer_url: str = ""
    printer_language: str = "zpl"
    disabled_plugins: tuple[str, ...] = ()
    admin_login: str = ""
    admin_name: str = ""
    admin_pin: str = ""
    language: str = "system"


@dataclass(frozen=True)
class ConnectionReport:
    """What "Test connection" found: the server's version, or the problem in plain words."""

    shown_url: str
    server: str = ""
    problem: str | None = None
    pending_migrations: int = 0

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class SetupResult:
    settings_file: Path
    database_label: str
    admin_created: bool  # False: the login already existed and its PIN was confirmed
    migrations_run: int


class DatabaseState(StrEnum):
    READY = "ready"
    EMPTY = "empty"
    UNREACHABLE = "unreachable"


class StartDecision(StrEnum):
    NORMAL = "normal"
    UNATTENDED = "unattended"
    DIALOG = "dialog"


@dataclass(frozen=True)
class StartCheck:
    decision: StartDecision
    database_url: str
    state: DatabaseState
    problems: tuple[str, ...] = field(default=())


def default_sqlite_url(paths: StationPaths) -> str:
    return f"sqlite:///{paths.sqlite_file}"


def effective_url(values: SetupValues, paths: StationPaths) -> str:
    return normalize_url(values.database_url.strip()) if values.database_url.strip() else default_sqlite_url(paths)


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    return Path(parsed.database or "")


def _plain(exc: BaseException) -> str:
    message = str(getattr(exc, "orig", None) or exc).strip()
    return message.splitlines()[0] if message else type(exc).__name__


def database_state(url: str) -> DatabaseState:
    """Probe without creating anything: a missing SQLite file is EMPTY, not created."""
    try:
        sqlite_file = _sqlite_file(normalize_url(url))
        if sqlite_file is not None and not sqlite_file.exists():
            return DatabaseState.EMPTY
        database = Database(url)
    except Exception:  # noqa: BLE001 - a malformed URL or a missing driver
        return DatabaseState.UNREACHABLE
    try:
        with database.engine.connect() as connection:
            if not inspect(connection).has_table("users"):
                return DatabaseState.EMPTY
            users = connection.execute(select(func.count()).select_from(User)).scalar_one()
        return DatabaseState.READY if users else DatabaseState.EMPTY
    except Exception:  # noqa: BLE001 - any driver error means "cannot use it now"
        return DatabaseState.UNREACHABLE
    finally:
        database.dispose()


def start_decision(
    paths: StationPaths, cli_url: str | None = None, environ: Mapping[str, str] | None = None
) -> StartCheck:
    """Whether this start needs setting up, and how (see the module docstring for the rule)."""
    env = os.environ if environ is None else environ
    has_settings = paths.settings_file.exists()
    settings = load_settings(paths)  # with the MSI's machine-wide defaults on Windows
    explicit = cli_url or env.get(ENV_DATABASE_URL) or settings.database_url
    url = normalize_url(explicit) if explicit else default_sqlite_url(paths)
    state = database_state(url)
    if state is DatabaseState.READY or (state is DatabaseState.UNREACHABLE and (has_settings or explicit)):
        return StartCheck(StartDecision.NORMAL, url, state)
    values = values_from_environment(env, settings)
    if values.admin_login and values.admin_pin:
        return StartCheck(StartDecision.UNATTENDED, url, state, tuple(validate(values)))
    return StartCheck(StartDecision.DIALOG, url, state)


def values_from_environment(environ: Mapping[str, str] | None = None, settings: Settings | None = None) -> SetupValues:
    """Unattended values: environment variables first, then a pre-seeded settings file."""
    env = os.environ if environ is None else environ
    base = settings or Settings()
    disabled = env.get(ENV_DISABLE_PLUGINS)
    return SetupValues(
        database_url=env.get(ENV_DATABASE_URL, base.database_url).strip(),
        station_name=env.get(ENV_NAME, base.station_name).strip(),
        scale_url=env.get(ENV_SCALE_URL, base.devices.scale_url).strip(),
        scale_protocol=base.devices.scale_protocol,
        printer_url=env.get(ENV_PRINTER_URL, base.devices.printer_url).strip(),
        printer_language=base.devices.printer_language,
        disabled_plugins=tuple(_names(disabled)) if disabled is not None else tuple(base.disabled_plugins),
        admin_login=env.get(ENV_ADMIN_LOGIN, "").strip(),
        admin_name=env.get(ENV_ADMIN_NAME, "").strip(),
        admin_pin=env.get(ENV_ADMIN_PIN, "").strip(),
        language=base.language,
    )


def _names(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def validate(values: SetupValues) -> list[SetupError]:
    """Every problem with the values, each naming its field; empty when they can be used."""
    problems: list[SetupError] = []
    url = values.database_url.strip()
    if url:
        try:
            backend = make_url(normalize_url(url)).get_backend_name()
        except Exception:  # noqa: BLE001 - make_url raises several kinds
            problems.append(SetupError("database_url", f"'{url_without_password(url)}' is not a database URL"))
        else:
            if backend not in ("postgresql", "sqlite"):
                problems.append(SetupError("database_url", "the database must be PostgreSQL or SQLite"))
    if not values.station_name.strip():
        problems.append(SetupError("station_name", "the station needs a name"))
    elif len(values.station_name.strip()) > 100:
        problems.append(SetupError("station_name", "the station name is longer than 100 characters"))
    login = values.admin_login.strip()
    if not login:
        problems.append(SetupError("admin_login", "the administrator needs a login"))
    elif len(login) > 64 or any(ch.isspace() for ch in login):
        problems.append(SetupError("admin_login", "the login is one word of at most 64 characters"))
    pin = values.admin_pin.strip()
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        problems.append(SetupError("admin_pin", "the PIN is 4 to 12 digits"))
    return problems


def check_connection(url: str) -> ConnectionReport:
    """Connect and say what answered (nothing is created: a new SQLite file is only checked for room)."""
    shown = url_without_password(url)
    try:
        normalized = normalize_url(url)
        sqlite_file = _sqlite_file(normalized)
        if sqlite_file is not None and not sqlite_file.exists():
            folder = _existing_parent(sqlite_file)
            if not os.access(folder, os.W_OK):
                return ConnectionReport(shown, problem=f"cannot create files in {folder}")
            return ConnectionReport(shown, server="SQLite (new file)", pending_migrations=len(_revisions_after(None)))
        database = Database(normalized)
    except Exception as exc:  # noqa: BLE001 - a malformed URL or a missing driver
        return ConnectionReport(shown, problem=_plain(exc))
    try:
        with database.engine.connect() as connection:
            if database.dialect == "postgresql":
                server = "PostgreSQL " + str(connection.execute(text("SHOW server_version")).scalar_one())
            else:
                server = "SQLite " + str(connection.execute(text("SELECT sqlite_version()")).scalar_one())
        pending = len(_revisions_after(current_revision(database.engine)))
    except Exception as exc:  # noqa: BLE001 - driver errors vary; their first line says enough
        return ConnectionReport(shown, problem=_plain(exc))
    finally:
        database.dispose()
    return ConnectionReport(shown, server=server, pending_migrations=pending)


def _existing_parent(path: Path) -> Path:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _revisions_after(current: str | None) -> list[str]:
    """The migrations still to run, oldest first."""
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    revisions = list(script.iterate_revisions("heads", current or "base"))
    return [revision.revision for revision in reversed(revisions) if revision.revision != current]


def migrate(url: str, progress: Progress | None = None) -> int:
    """Upgrade to head one migration at a time, reporting each; returns how many ran."""
    sqlite_file = _sqlite_file(normalize_url(url))
    if sqlite_file is not None:
        sqlite_file.parent.mkdir(parents=True, exist_ok=True)
    database = Database(url)
    try:
        pending = _revisions_after(current_revision(database.engine))
    finally:
        database.dispose()
    for done, revision in enumerate(pending):
        if progress is not None:
            progress(done, len(pending), revision)
        upgrade(url, revision)
    if progress is not None:
        progress(len(pending), len(pending), "")
    return len(pending)


def apply_setup(values: SetupValues, paths: StationPaths, progress: Progress | None = None) -> SetupResult:
    """Migrate, create (or confirm) the admin, then write the settings file; raises SetupError."""
    problems = validate(values)
    if problems:
        raise problems[0]
    url = effective_url(values, paths)
    try:
        migrations = migrate(url, progress)
    except Exception as exc:  # noqa: BLE001 - reported as a setup problem in plain words
        raise SetupError("database_url", f"{url_without_password(url)}: {_plain(exc)}") from exc
    database = Database(url)
    try:
        created = _ensure_admin(database, values)
        label = database.info.label
    finally:
        database.dispose()
    settings_file = save_settings(settings_for(values, paths), paths)
    return SetupResult(settings_file, label, created, migrations)


def _ensure_admin(database: Database, values: SetupValues) -> bool:
    login, pin = values.admin_login.strip(), values.admin_pin.strip()
    with database.unit_of_work() as uow:
        existing = uow.session.scalars(select(User).where(User.login == login)).one_or_none()
        if existing is not None:
            if existing.role is not Role.ADMIN or not verify_pin(pin, existing.pin_hash):
                raise SetupError(
                    "admin_login",
                    f"the login '{login}' already exists in this database; give an administrator's PIN for it",
                )
            return False
        create_user(uow.session, login, values.admin_name.strip() or login, Role.ADMIN, pin)
        uow.commit()
    return True


def settings_for(values: SetupValues, paths: StationPaths) -> Settings:
    """The settings file's content: what was there (a pre-seeded file) with the setup's values."""
    base = load_settings(paths)
    devices = DeviceSettings(
        scale_url=values.scale_url.strip(),
        scale_protocol=values.scale_protocol.strip(),
        printer_url=values.printer_url.strip(),
        printer_language=values.printer_language or "zpl",
    )
    return replace(
        base,
        station_name=values.station_name.strip(),
        database_url=values.database_url.strip(),
        language=values.language,
        devices=devices,
        disabled_plugins=sorted(set(values.disabled_plugins)),
    )


def plugin_environment(settings: Settings, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for `PluginHost`: STATION_DISABLE_PLUGINS plus the settings' disabled plugins."""
    env = dict(os.environ if environ is None else environ)
    names = [*_names(env.get(ENV_DISABLE_PLUGINS, "")), *settings.disabled_plugins]
    if names:
        env[ENV_DISABLE_PLUGINS] = ",".join(dict.fromkeys(names))
    return env


__all__ = [
    "ConnectionReport",
    "DatabaseState",
    "SetupError",
    "SetupResult",
    "SetupValues",
    "StartCheck",
    "StartDecision",
    "apply_setup",
    "database_state",
    "migrate",
    "plugin_environment",
    "settings_for",
    "start_decision",
    "check_connection",
    "validate",
    "values_from_environment",
]
