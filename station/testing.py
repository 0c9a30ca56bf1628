"""Pytest fixtures for the station and for plugin authors (loaded through the ``pytest11`` entry point).

Installed with the station, so a plugin's own tests can use them without any conftest::

    def test_my_carrier_quotes(adapter_context):
        ctx = adapter_context(settings={"api_url": "https://sandbox.example"}, handler=fake_api)
        assert MyCarrier().rates(ctx, request)

    def test_plugin_is_installed(make_plugin_host):
        host = make_plugin_host(my_plugin_module)
        assert "my-carrier" in host.carriers()

Keep this module importable without Qt and without a database: every pytest run in an
environment with the station installed imports it. Heavier imports happen inside fixtures.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pytest

from station.api import AdapterContext

if TYPE_CHECKING:
    import httpx

    from station.pluginhost import PluginHost

__all__ = [
    "FIXED_NOW",
    "AdapterContextFactory",
    "PluginHostFactory",
    "adapter_context",
    "fixed_clock",
    "make_plugin_host",
    "plugin_host",
    "station_home",
]

#: The time every test clock shows unless a test says otherwise.
FIXED_NOW = datetime(2026, 3, 2, 15, 30, 0, tzinfo=UTC)


# -- environment ---------------------------------------------------------------------------------


@pytest.fixture
def station_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private STATION_HOME (data, config, logs, cache) for one test."""
    home = tmp_path / "station-home"
    home.mkdir()
    monkeypatch.setenv("STATION_HOME", str(home))
    return home


@pytest.fixture
def fixed_clock() -> Callable[[], datetime]:
    """A clock that always returns :data:`FIXED_NOW` (aware, UTC)."""
    return lambda: FIXED_NOW


# -- plugin host ---------------------------------------------------------------------------------


class PluginHostFactory(Protocol):
    def __call__(self, *extra_plugins: object, load_entry_points: bool = False) -> PluginHost: ...


@pytest.fixture
def make_plugin_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[PluginHostFactory]:
    """Factory: ``make_plugin_host(plugin_module_or_object, ...)`` → a PluginHost with the
    built-ins plus these plugins. Installed plugins (entry points) stay off unless
    ``load_entry_points=True``; plugin env switches of the developer's shell are ignored."""
    from station.pluginhost import DISABLE_ENV, LOAD_ENV, PluginHost

    monkeypatch.delenv(LOAD_ENV, raising=False)
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    hosts: list[PluginHost] = []

    def make(*extra_plugins: object, load_entry_points: bool = False) -> PluginHost:
        host = PluginHost(extra_plugins=extra_plugins, load_entry_points=load_entry_points)
        hosts.append(host)
        return host

    yield make
    for host in hosts:
        host.close()


@pytest.fixture
def plugin_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[PluginHost]:
    """A PluginHost with the built-in plugins only (``STATION_LOAD_PLUGINS=''``)."""
    from station.pluginhost import DISABLE_ENV, LOAD_ENV, PluginHost

    monkeypatch.setenv(LOAD_ENV, "")
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    with PluginHost() as host:
        yield host


# -- adapter context -----------------------------------------------------------------------------


class AdapterContextFactory(Protocol):
    def __call__(
        self,
        plugin: str = ...,
        *,
        settings: Mapping[str, object] | None = ...,
        secrets: Mapping[str, str] | None = ...,
        base_url: str = ...,
        transport: httpx.BaseTransport | None = ...,
        handler: Callable[[httpx.Request], httpx.Response] | None = ...,
        clock: Callable[[], datetime] | None = ...,
    ) -> AdapterContext: ...


@pytest.fixture
def adapter_context() -> Iterator[AdapterContextFactory]:
    """Factory for an :class:`~station.api.AdapterContext` like the host's, for adapter tests.

    Point HTTP where the test wants it: ``base_url`` (e.g. a sandbox on loopback),
    ``transport`` (any ``httpx`` transport) or ``handler`` (a function ``request -> response``,
    wrapped in ``httpx.MockTransport``). The clock is fixed at :data:`FIXED_NOW`.
    """
    import httpx

    from station.pluginhost import USER_AGENT

    clients: list[httpx.Client] = []

    def make(
        plugin: str = "test-plugin",
        *,
        settings: Mapping[str, object] | None = None,
        secrets: Mapping[str, str] | None = None,
        base_url: str = "",
        transport: httpx.BaseTransport | None = None,
        handler: Callable[[httpx.Request], httpx.Response] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> AdapterContext:
        if handler is not None:
            if transport is not None:
                raise ValueError("pass either transport or handler, not both")
            transport = httpx.MockTransport(handler)
        options: dict[str, Any] = {"transport": transport} if transport is not None else {}
        client = httpx.Client(base_url=base_url, timeout=5.0, headers={"User-Agent": USER_AGENT}, **options)
        clients.append(client)
        return AdapterContext(
            plugin=plugin,
            http=client,
            settings=settings or {},
            secrets=secrets or {},
            clock=clock or (lambda: FIXED_NOW),
            logger=logging.getLogger(f"station.plugins.{plugin}"),
        )

    yield make
    for client in clients:
        client.close()
