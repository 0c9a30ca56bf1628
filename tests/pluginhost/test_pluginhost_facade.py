"""The facade the services use: notifications that cannot break the caller, and adapter contexts."""

from __future__ import annotations

import http.server
import json
import logging
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from station import __version__
from station.api import (
    AuthenticationError,
    CreatedShipment,
    Money,
    PackedLine,
    PackedOrder,
    Parcel,
    StockChange,
    hookimpl,
)
from station.pluginhost import PluginHost
from station.testing import FIXED_NOW, AdapterContextFactory, PluginHostFactory

PACKED = PackedOrder(
    tenant="acme",
    reference="1042",
    packed_at=FIXED_NOW,
    packer="ana",
    station="bench-3",
    lines=(PackedLine(sku="TS-RED-M", quantity=2),),
    parcels=(Parcel(weight_g=850),),
    channel="mercadolibre",
    external_id="2000001",
)
SHIPPED = CreatedShipment(
    tenant="acme",
    order_reference="1042",
    carrier="pickup",
    service_code="pickup",
    tracking_number="PU-7KQ2M9XD",
    created_at=FIXED_NOW,
    price=Money(0, "CLP"),
)
CHANGES = [
    StockChange(
        tenant="acme",
        sku="TS-RED-M",
        warehouse="SCL-1",
        on_hand=8,
        reserved=2,
        available=6,
        at=FIXED_NOW,
    ),
]


class Recorder:
    """A notification plugin that writes down what it heard."""

    def __init__(self) -> None:
        self.heard: list[tuple[str, object]] = []

    @hookimpl
    def station_order_did_pack(self, order: PackedOrder) -> None:
        self.heard.append(("packed", order.reference))

    @hookimpl
    def station_shipment_did_create(self, shipment: CreatedShipment) -> None:
        self.heard.append(("shipped", shipment.tracking_number))

    @hookimpl
    def station_stock_did_change(self, changes: tuple[StockChange, ...]) -> None:
        self.heard.append(("stock", tuple((c.sku, c.available) for c in changes)))


class Exploder:
    @hookimpl
    def station_order_did_pack(self, order: PackedOrder) -> None:
        raise ConnectionError("webhook endpoint refused the connection")

    @hookimpl
    def station_stock_did_change(self) -> None:  # accepts fewer arguments than the spec: allowed
        raise ValueError("no stock for you")


def test_a_failing_notification_is_logged_with_the_plugin_name_and_others_still_hear_it(
    make_plugin_host: PluginHostFactory, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = Recorder()
    host = make_plugin_host(("recorder", recorder), ("exploder", Exploder()))

    with caplog.at_level(logging.ERROR, logger="station.pluginhost"):
        failures = host.notify_order_did_pack(PACKED)
    assert recorder.heard == [("packed", "1042")]
    assert [(f.plugin, f.hook, str(f.error)) for f in failures] == [
        ("exploder", "station_order_did_pack", "webhook endpoint refused the connection")
    ]
    assert "Plugin 'exploder' failed in station_order_did_pack" in caplog.text

    assert host.notify_shipment_did_create(SHIPPED) == ()
    (failure,) = host.notify_stock_did_change(iter(CHANGES))  # any iterable; plugins get a tuple
    assert failure.plugin == "exploder"
    assert recorder.heard[1:] == [("shipped", "PU-7KQ2M9XD"), ("stock", (("TS-RED-M", 6),))]
    info = {p.name: p for p in host.plugins()}
    assert info["recorder"].kinds == ("notifications",)
    assert info["recorder"].hooks == (
        "station_order_did_pack",
        "station_shipment_did_create",
        "station_stock_did_change",
    )


def test_notifications_with_no_listeners_do_nothing(plugin_host: PluginHost) -> None:
    assert plugin_host.notify_order_did_pack(PACKED) == ()


# -- adapter context -------------------------------------------------------------------------------


@pytest.fixture
def echo_server() -> Iterator[str]:
    """A loopback HTTP server answering with the request's User-Agent and path, as JSON."""

    class Echo(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            body = json.dumps({"user_agent": self.headers.get("User-Agent"), "path": self.path}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_host_context_calls_out_with_our_user_agent_and_timeouts(
    plugin_host: PluginHost, echo_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(proxy, raising=False)  # loopback must not go through a proxy
    ctx = plugin_host.make_context("pickup", {"location": "Counter"}, {"api_key": "k-123"})
    answer = ctx.http.get(f"{echo_server}/v1/rates?apiKey=k-123").json()
    assert answer == {"user_agent": f"JustLogisticsStation/{__version__}", "path": "/v1/rates?apiKey=k-123"}
    assert ctx.http.timeout == httpx.Timeout(10.0)
    assert ctx.settings["location"] == "Counter" and ctx.secret("api_key") == "k-123"
    assert ctx.now().tzinfo is UTC and abs((datetime.now(UTC) - ctx.now()).total_seconds()) < 60
    assert ctx.logger.name == "station.plugins.pickup"
    assert plugin_host.make_context("pickup").http is ctx.http  # one pooled client per adapter


def test_context_settings_and_secrets_are_read_only_and_missing_secrets_say_what_to_set(
    plugin_host: PluginHost,
) -> None:
    ctx = plugin_host.make_context("pickup", {"location": "Counter"}, {})
    with pytest.raises(TypeError):
        ctx.settings["location"] = "elsewhere"  # type: ignore[index]
    with pytest.raises(
        AuthenticationError,
        match="pickup: secret 'api_key' is not set; add it to the keyring for plugin 'pickup'",
    ):
        ctx.secret("api_key")


def test_closing_the_host_closes_its_clients(make_plugin_host: PluginHostFactory) -> None:
    host = make_plugin_host()
    client = host.make_context("pickup").http
    host.close()
    assert client.is_closed  # type: ignore[attr-defined]
    assert not host.make_context("pickup").http.is_closed  # type: ignore[attr-defined]  # reopened on demand


def test_adapter_context_fixture_routes_http_to_a_test_handler(
    adapter_context: AdapterContextFactory,
) -> None:
    def sandbox(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, json={"auth": request.headers.get("Authorization"), "url": str(request.url)}
        )

    ctx = adapter_context(
        "drone",
        settings={"region": "RM"},
        secrets={"token": "t"},
        base_url="https://sandbox.test",
        handler=sandbox,
    )
    reply = ctx.http.get("/quotes", headers={"Authorization": f"Bearer {ctx.secret('token')}"}).json()
    assert reply == {"auth": "Bearer t", "url": "https://sandbox.test/quotes"}
    assert ctx.now() == FIXED_NOW and ctx.settings["region"] == "RM"
