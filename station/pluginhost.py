"""Loads plugins and is the one typed way the rest of the station talks to them.

Built-ins (``station.builtins``) load first, from an explicit tuple, through the same hooks as
third-party plugins; then every entry point in the group ``station``. Each load is guarded: a
plugin that fails to import, needs another API major, implements an unknown hook, registers an
invalid adapter or raises while registering is reported (``plugins()``, ``station plugins
list``) and disabled. Nothing a plugin does here stops the station.

Operators choose plugins by environment:

* ``STATION_LOAD_PLUGINS=a,b`` - load only these external plugins (``""`` loads none);
* ``STATION_DISABLE_PLUGINS=a,b`` - never load these (built-ins included, e.g. ``pickup``).

Names are entry-point names or distribution names (built-ins: their module name).
Other code calls the facade methods (``carriers()``, ``notify_order_did_pack(...)`` …), never
``pm.hook`` directly.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import importlib.metadata
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import ModuleType
from typing import Any, Literal

import httpx
import pluggy

from station import __version__
from station.api import hookspecs
from station.api.adapters import (
    ADAPTER_SPECS,
    AdapterContext,
    AdapterKind,
    Carrier,
    Marketplace,
    PaymentGateway,
    PrinterTransport,
    Sandbox,
    ScaleProtocol,
    adapter_problem,
)
from station.api.events import CreatedShipment, PackedOrder, StockChange
from station.api.markers import PROJECT_NAME
from station.api.settings import SettingsSchema
from station.api.version import api_incompatibility
from station.config import SettingsError, load_settings
from station.plugin_store import activate_user_plugins

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "HTTP_TIMEOUT_S",
    "LOAD_ENV",
    "USER_AGENT",
    "NotificationFailure",
    "PluginHost",
    "PluginInfo",
]

log = logging.getLogger(__name__)

#: Built-in plugins, registered before any external one, in this order.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "station.builtins.manual_payment",
    "station.builtins.pickup",
    "station.builtins.file_printer",
    "station.builtins.printer_tcp",
    "station.builtins.printer_serial",
    "station.builtins.printer_cups",
    "station.builtins.printer_windows",
    "station.builtins.scale_sics",
    "station.builtins.scale_toledo8217",
    "station.builtins.scale_cas",
)
ENTRY_POINT_GROUP = PROJECT_NAME
LOAD_ENV = "STATION_LOAD_PLUGINS"
DISABLE_ENV = "STATION_DISABLE_PLUGINS"
USER_AGENT = f"JustLogisticsStation/{__version__}"
HTTP_TIMEOUT_S = 10.0

Status = Literal["enabled", "disabled", "failed"]
_KNOWN_HOOKS = (*hookspecs.REGISTER_HOOKS, *hookspecs.NOTIFICATION_HOOKS)


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """What ``station plugins list`` shows for one plugin."""

    name: str
    version: str
    kinds: tuple[str, ...] = ()
    hooks: tuple[str, ...] = ()
    status: Status = "enabled"
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``station plugins list --json``."""
        return {
            "name": self.name,
            "version": self.version,
            "kind": list(self.kinds),
            "hooks": list(self.hooks),
            "status": self.status,
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class NotificationFailure:
    """A notification hook implementation that raised; already logged."""

    plugin: str
    hook: str
    error: Exception


@dataclass(slots=True)
class _Registered:
    """Adapters accepted from one plugin, per kind, plus notes about rejected duplicates."""

    adapters: list[tuple[AdapterKind, Any]] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def _names_from_env(value: str | None) -> set[str] | None:
    if value is None:
        return None
    return {_normalise(part) for part in value.split(",") if part.strip()}


def _normalise(name: str) -> str:
    # Distribution names compare case- and separator-insensitively (PEP 503).
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def _same(obj: object) -> object:
    return obj


def _settings_disabled() -> set[str]:
    """The plugins the station's settings file switches off (none when it cannot be read: the
    settings' own error is reported where they are loaded for real)."""
    try:
        names = load_settings().disabled_plugins
    except SettingsError:
        return set()
    return {_normalise(name) for name in names}


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class PluginHost:
    """The loaded plugins and their adapters. Create one per process; ``close()`` when done."""

    def __init__(
        self,
        *,
        builtins: Iterable[str] = BUILTIN_PLUGINS,
        extra_plugins: Iterable[object | tuple[str, object]] = (),
        load_entry_points: bool = True,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        env = os.environ if environ is None else environ
        self._only = _names_from_env(env.get(LOAD_ENV))
        self._disabled = _names_from_env(env.get(DISABLE_ENV)) or set()
        # Plugins switched off in the station's settings (first-run setup, Settings → Plugins) stay off
        # for every process of this station — the window, the worker, the CLI — unless an explicit
        # environment was handed in (tests, or a caller that merged the settings itself).
        self._disabled_in_settings = _settings_disabled() - self._disabled if environ is None else set()
        self._pm = pluggy.PluginManager(PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._infos: list[PluginInfo] = []
        self._adapters: dict[AdapterKind, dict[str, Any]] = {kind: {} for kind in ADAPTER_SPECS}
        self._owners: dict[tuple[AdapterKind, str], str] = {}
        self._http_clients: dict[str, httpx.Client] = {}
        self._http_lock = threading.Lock()

        for module_name in builtins:
            short = module_name.rsplit(".", 1)[-1]
            self._admit(short, "builtin", functools.partial(importlib.import_module, module_name))
        for item in extra_plugins:
            name, obj = item if isinstance(item, tuple) else (self._name_of(item), item)
            self._admit(name, str(getattr(obj, "__version__", "local")), functools.partial(_same, obj))
        if load_entry_points:
            self._load_entry_points()
        self._check_pending()

    # -- loading -----------------------------------------------------------------------------

    @staticmethod
    def _name_of(obj: object) -> str:
        if isinstance(obj, (ModuleType, type)):
            return obj.__name__
        return type(obj).__name__

    def _load_entry_points(self) -> None:
        # Not pm.load_setuptools_entrypoints(): it stops at the first plugin that fails to import.
        activate_user_plugins()  # plugins installed from wheels (`station plugins install`)
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            dist_name = ep.dist.name if ep.dist is not None else ""
            version = ep.dist.version if ep.dist is not None else "unknown"
            names = {_normalise(ep.name), _normalise(dist_name)} - {""}
            if self._only is not None and not names & self._only:
                shown = ", ".join(sorted(self._only)) or "empty"
                self._record(ep.name, version, status="disabled", error=f"not listed in {LOAD_ENV} ({shown})")
                continue
            self._admit(ep.name, version, ep.load, aliases=names)

    def _admit(self, name: str, version: str, load: Callable[[], object], aliases: Iterable[str] = ()) -> None:
        if self._pm.get_plugin(name) is not None:
            self._record(name, version, status="failed", error=f"another plugin is already loaded as {name!r}")
            return
        if {_normalise(name), *aliases} & self._disabled:
            self._record(name, version, status="disabled", error=f"disabled by {DISABLE_ENV}")
            return
        if {_normalise(name), *aliases} & self._disabled_in_settings:
            self._record(name, version, status="disabled", error="disabled in the station's settings")
            return
        try:
            plugin = load()
        except (Exception, SystemExit) as exc:  # a plugin calling sys.exit() on import must not end us
            self._fail(name, version, (), f"import failed: {_describe(exc)}", exc)
            return

        required = getattr(plugin, "STATION_API_VERSION", None)
        if required is not None and (reason := api_incompatibility(required)):
            self._record(name, version, status="disabled", error=f"incompatible: {reason}")
            return

        hooks, problems = self._inspect_hooks(plugin)
        if problems:
            self._fail(name, version, hooks, "; ".join(problems))
            return
        try:
            self._pm.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as exc:
            self._fail(name, version, hooks, f"rejected by the plugin manager: {exc}", exc)
            return

        registered = _Registered()
        for kind, spec in ADAPTER_SPECS.items():
            if spec.hook not in hooks:
                continue
            try:
                self._call_register_hook(plugin, kind, registered)
            except (Exception, SystemExit) as exc:
                self._pm.unregister(plugin, name=name)
                self._fail(name, version, hooks, f"{spec.hook} raised {_describe(exc)}", exc)
                return
        if registered.invalid:
            self._pm.unregister(plugin, name=name)
            self._fail(name, version, hooks, "; ".join(registered.invalid))
            return

        for kind, adapter in registered.adapters:
            self._adapters[kind][adapter.name] = adapter
            self._owners[(kind, adapter.name)] = name
        kinds: list[str] = [kind for kind in ADAPTER_SPECS if any(k == kind for k, _ in registered.adapters)]
        if set(hooks) & set(hookspecs.NOTIFICATION_HOOKS):
            kinds.append("notifications")
        error = "; ".join(registered.duplicates) or None
        if error:
            log.warning("Plugin %r: %s", name, error)
        self._record(name, version, kinds=tuple(kinds), hooks=hooks, status="enabled", error=error)

    def _inspect_hooks(self, plugin: object) -> tuple[tuple[str, ...], list[str]]:
        """The station hooks ``plugin`` implements, and why it cannot be loaded (if so)."""
        hooks: list[str] = []
        problems: list[str] = []
        for attr in dir(plugin):
            opts = self._pm.parse_hookimpl_opts(plugin, attr)
            if opts is None:
                if attr in _KNOWN_HOOKS and callable(getattr(plugin, attr, None)):
                    problems.append(f"{attr} is not decorated with @hookimpl (from station.api import hookimpl)")
                continue
            hook = opts.get("specname") or attr
            if opts.get("wrapper") or opts.get("hookwrapper"):
                problems.append(f"{hook}: hook wrappers are not supported by station hooks")
            elif hook in _KNOWN_HOOKS:
                hooks.append(hook)
            elif not opts.get("optionalhook"):
                close = difflib.get_close_matches(hook, _KNOWN_HOOKS, n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                problems.append(f"implements unknown hook {hook!r}{hint}")
        ordered = tuple(h for h in _KNOWN_HOOKS if h in hooks)
        return ordered, problems

    def _call_register_hook(self, plugin: object, kind: AdapterKind, registered: _Registered) -> None:
        spec = ADAPTER_SPECS[kind]
        caller = getattr(self._pm.hook, spec.hook)

        def register(adapter: Any) -> None:
            problem = adapter_problem(kind, adapter)
            if problem:
                registered.invalid.append(problem)
                return
            name: str = adapter.name
            owner = self._owners.get((kind, name))
            if owner is not None or any(k == kind and a.name == name for k, a in registered.adapters):
                by = f"plugin {owner!r}" if owner else "this plugin"
                registered.duplicates.append(
                    f"{kind.replace('_', ' ')} {name!r} ignored: that name is already registered by {by}"
                )
                return
            registered.adapters.append((kind, adapter))

        for impl in caller.get_hookimpls():
            if impl.plugin is plugin:
                arguments = {"register": register}
                impl.function(*(arguments[arg] for arg in impl.argnames))

    def _check_pending(self) -> None:
        # Safety net behind _inspect_hooks: drop any plugin pluggy still finds an unknown hook in.
        while True:
            try:
                self._pm.check_pending()
                return
            except pluggy.PluginValidationError as exc:
                name = self._pm.get_name(exc.plugin) or self._name_of(exc.plugin)
                self._pm.unregister(exc.plugin)
                self._drop_adapters_of(name)
                old = next((i for i in self._infos if i.name == name and i.status == "enabled"), None)
                if old is not None:
                    self._infos.remove(old)
                self._fail(name, old.version if old else "unknown", old.hooks if old else (), str(exc), exc)

    def _drop_adapters_of(self, plugin_name: str) -> None:
        for (kind, adapter_name), owner in list(self._owners.items()):
            if owner == plugin_name:
                del self._owners[(kind, adapter_name)]
                del self._adapters[kind][adapter_name]

    def _fail(
        self, name: str, version: str, hooks: tuple[str, ...], error: str, exc: BaseException | None = None
    ) -> None:
        log.warning("Plugin %r disabled: %s", name, error)
        if exc is not None:
            log.debug("Plugin %r traceback", name, exc_info=exc)
        self._record(name, version, hooks=hooks, status="failed", error=error)

    def _record(self, name: str, version: str, **fields: Any) -> None:
        self._infos.append(PluginInfo(name, version, **fields))

    # -- facade: adapters ----------------------------------------------------------------------

    def plugins(self) -> list[PluginInfo]:
        """Every plugin seen, in load order: built-ins first, then external ones."""
        return list(self._infos)

    def payment_gateways(self) -> dict[str, PaymentGateway]:
        return dict(self._adapters["payment_gateway"])

    def carriers(self) -> dict[str, Carrier]:
        return dict(self._adapters["carrier"])

    def marketplaces(self) -> dict[str, Marketplace]:
        return dict(self._adapters["marketplace"])

    def scale_protocols(self) -> dict[str, ScaleProtocol]:
        return dict(self._adapters["scale_protocol"])

    def printer_transports(self) -> dict[str, PrinterTransport]:
        return dict(self._adapters["printer_transport"])

    def sandboxes(self) -> dict[str, Sandbox]:
        """Local stand-ins for vendor APIs, by the name of the adapter each serves."""
        return dict(self._adapters["sandbox"])

    def adapter(self, kind: AdapterKind, name: str) -> Any:
        """One adapter by kind and name; ``LookupError`` says what is available instead."""
        found = self._adapters[kind].get(name)
        if found is None:
            available = ", ".join(sorted(self._adapters[kind])) or "none"
            raise LookupError(
                f"No {kind.replace('_', ' ')} named {name!r} (available: {available}). "
                "Is its plugin installed and enabled? See `station plugins list`."
            )
        return found

    def adapter_plugin(self, kind: AdapterKind, name: str) -> str:
        """The name of the plugin that registered an adapter (for logs and support)."""
        self.adapter(kind, name)
        return self._owners[(kind, name)]

    def settings_schemas(self) -> dict[AdapterKind, dict[str, SettingsSchema]]:
        """Configuration forms of every adapter, by kind then adapter name."""
        return {
            kind: {name: adapter.settings_schema for name, adapter in adapters.items()}
            for kind, adapters in self._adapters.items()
            if kind != "sandbox"  # sandboxes are configured by what they serve, not by a form
        }

    # -- facade: notifications -------------------------------------------------------------------

    def notify_order_did_pack(self, order: PackedOrder) -> tuple[NotificationFailure, ...]:
        return self._notify("station_order_did_pack", order=order)

    def notify_shipment_did_create(self, shipment: CreatedShipment) -> tuple[NotificationFailure, ...]:
        return self._notify("station_shipment_did_create", shipment=shipment)

    def notify_stock_did_change(self, changes: Iterable[StockChange]) -> tuple[NotificationFailure, ...]:
        return self._notify("station_stock_did_change", changes=tuple(changes))

    def _notify(self, hook: str, **arguments: object) -> tuple[NotificationFailure, ...]:
        """Call each implementation on its own, so one failing plugin cannot stop the others."""
        failures: list[NotificationFailure] = []
        # pluggy calls the last-registered implementation first; keep that order.
        for impl in reversed(getattr(self._pm.hook, hook).get_hookimpls()):
            try:
                impl.function(*(arguments[arg] for arg in impl.argnames))
            except Exception as exc:
                log.exception("Plugin %r failed in %s; the station carries on", impl.plugin_name, hook)
                failures.append(NotificationFailure(impl.plugin_name, hook, exc))
        return tuple(failures)

    # -- adapter context -----------------------------------------------------------------------

    def make_context(
        self,
        plugin_name: str,
        settings: Mapping[str, object] | None = None,
        secrets: Mapping[str, str] | None = None,
        http: httpx.Client | None = None,
        *,
        kind: AdapterKind | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> AdapterContext:
        """The context for calls to adapter ``plugin_name``.

        With ``kind``, ``settings`` are checked against that adapter's schema and defaults are
        filled in (``ValueError`` lists every problem). Without ``http``, the adapter gets the
        host's client for it: 10 s timeouts, connection retries, our User-Agent, request logging.
        """
        values: Mapping[str, object] = settings or {}
        if kind is not None:
            values = self.adapter(kind, plugin_name).settings_schema.resolve(values)
        return AdapterContext(
            plugin=plugin_name,
            http=http if http is not None else self.http_client(plugin_name),
            settings=values,
            secrets=secrets or {},
            clock=clock or (lambda: datetime.now(UTC)),
            logger=logging.getLogger(f"station.plugins.{plugin_name}"),
        )

    def http_client(self, plugin_name: str) -> httpx.Client:
        """One client per adapter name (cookies never cross vendors), reused across calls."""
        with self._http_lock:
            client = self._http_clients.get(plugin_name)
            if client is None or client.is_closed:
                client = _new_http_client(plugin_name)
                self._http_clients[plugin_name] = client
            return client

    def close(self) -> None:
        with self._http_lock:
            for client in self._http_clients.values():
                client.close()
            self._http_clients.clear()

    def __enter__(self) -> PluginHost:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _new_http_client(plugin_name: str) -> httpx.Client:
    http_log = logging.getLogger(f"station.plugins.{plugin_name}.http")

    # Log method, host and path only: query strings and bodies can carry keys and signatures.
    def on_request(request: httpx.Request) -> None:
        http_log.debug("%s %s%s", request.method, request.url.host, request.url.path)

    def on_response(response: httpx.Response) -> None:
        request = response.request
        http_log.debug("%s %s%s -> %s", request.method, request.url.host, request.url.path, response.status_code)

    return httpx.Client(
        timeout=httpx.Timeout(HTTP_TIMEOUT_S),
        headers={"User-Agent": USER_AGENT},
        # Retries only failed connects: the request never left, so even a charge is safe to resend.
        transport=httpx.HTTPTransport(retries=2),
        event_hooks={"request": [on_request], "response": [on_response]},
    )
