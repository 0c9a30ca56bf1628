"""Guarded loading: whatever a plugin does wrong, it is reported and disabled; the station goes on."""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import pytest
from plugin_dists import FakeSite

from station.api import Money, SettingsSchema, hookimpl
from station.pluginhost import PluginHost, PluginInfo
from station.testing import PluginHostFactory


def info(host: PluginHost, name: str) -> PluginInfo:
    (found,) = [p for p in host.plugins() if p.name == name]
    return found


def builtins_still_work(host: PluginHost) -> bool:
    return {"pickup"} <= set(host.carriers()) and "manual" in host.payment_gateways()


class Courier:
    """A minimal valid carrier adapter."""

    def __init__(self, name: str = "courier") -> None:
        self.name = name
        self.title = name.title()
        self.settings_schema = SettingsSchema(name=name, title=self.title)

    def rates(self, ctx: Any, request: Any) -> tuple[()]:
        return ()

    def buy_label(self, ctx: Any, request: Any) -> Any: ...
    def void_label(self, ctx: Any, tracking_number: str) -> None: ...
    def track(self, ctx: Any, tracking_number: str) -> tuple[()]:
        return ()


def carrier_plugin(name: str, *adapters: object) -> types.ModuleType:
    module = types.ModuleType(name)

    @hookimpl
    def station_register_carriers(register: Callable[[object], None]) -> None:
        for adapter in adapters:
            register(adapter)

    module.station_register_carriers = station_register_carriers  # type: ignore[attr-defined]
    return module


# -- entry points ----------------------------------------------------------------------------------


def test_plugin_that_fails_to_import_is_listed_as_failed_and_others_load(
    fake_site: FakeSite, plugin_sources: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_site.install(
        "station-broken",
        "0.3.1",
        {"broken": "station_broken_plugin"},
        {"station_broken_plugin": plugin_sources["broken"]},
    )
    fake_site.install(
        "station-drone",
        "1.2.0",
        {"drone": "station_drone_plugin"},
        {"station_drone_plugin": plugin_sources["drone"]},
    )
    monkeypatch.setenv("STATION_LOAD_PLUGINS", "broken,drone")

    with PluginHost() as host:
        broken = info(host, "broken")
        assert (broken.status, broken.version) == ("failed", "0.3.1")
        assert (
            broken.error == "import failed: RuntimeError: cannot reach the licence server at licence.example"
        )
        drone = info(host, "drone")
        assert (drone.status, drone.version, drone.kinds, drone.hooks) == (
            "enabled",
            "1.2.0",
            ("carrier",),
            ("station_register_carriers",),
        )
        assert builtins_still_work(host)
        ctx = host.make_context("drone", kind="carrier")
        (rate,) = host.carriers()["drone"].rates(ctx, None)
        assert rate.price == Money(4990, "CLP")


def test_load_switch_limits_external_plugins_and_lists_the_rest_as_disabled(
    fake_site: FakeSite, plugin_sources: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_site.install(
        "station-drone",
        "1.2.0",
        {"drone": "station_drone_plugin"},
        {"station_drone_plugin": plugin_sources["drone"]},
    )
    monkeypatch.setenv("STATION_LOAD_PLUGINS", "")
    with PluginHost() as host:
        assert (info(host, "drone").status, info(host, "drone").error) == (
            "disabled",
            "not listed in STATION_LOAD_PLUGINS (empty)",
        )
        assert "drone" not in host.carriers()
    monkeypatch.setenv("STATION_LOAD_PLUGINS", "Station_Drone")  # the distribution name works too
    with PluginHost() as host:
        assert info(host, "drone").status == "enabled"


def test_disable_switch_turns_off_external_and_builtin_plugins(
    fake_site: FakeSite, plugin_sources: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_site.install(
        "station-drone",
        "1.2.0",
        {"drone": "station_drone_plugin"},
        {"station_drone_plugin": plugin_sources["drone"]},
    )
    monkeypatch.setenv("STATION_LOAD_PLUGINS", "drone")  # not the first-party plugins installed here
    monkeypatch.setenv("STATION_DISABLE_PLUGINS", "pickup, drone")
    with PluginHost() as host:
        assert info(host, "pickup").status == "disabled" and info(host, "drone").status == "disabled"
        assert info(host, "pickup").error == "disabled by STATION_DISABLE_PLUGINS"
        assert host.carriers() == {}
        assert "manual" in host.payment_gateways()
        with pytest.raises(
            LookupError, match=r"No carrier named 'pickup' \(available: none\).*station plugins list"
        ):
            host.adapter("carrier", "pickup")


# -- plugins that break the contract ---------------------------------------------------------------


def test_unknown_hook_disables_the_plugin_with_a_hint(make_plugin_host: PluginHostFactory) -> None:
    class Typo:
        @hookimpl
        def station_register_carrier(self, register: Callable[[object], None]) -> None:
            register(Courier())

        @hookimpl
        def station_unknown_thing(self) -> None: ...

    host = make_plugin_host(("typo", Typo()))
    typo = info(host, "typo")
    assert typo.status == "failed"
    assert typo.error == (
        "implements unknown hook 'station_register_carrier' (did you mean station_register_carriers?); "
        "implements unknown hook 'station_unknown_thing'"
    )
    assert "courier" not in host.carriers() and builtins_still_work(host)


def test_optional_hooks_from_newer_api_versions_are_allowed(make_plugin_host: PluginHostFactory) -> None:
    class Future:
        @hookimpl(optionalhook=True)
        def station_order_did_ship(self, order: object) -> None: ...

        @hookimpl
        def station_order_did_pack(self, order: object) -> None: ...

    host = make_plugin_host(("future", Future()))
    assert (info(host, "future").status, info(host, "future").kinds) == ("enabled", ("notifications",))


def test_forgotten_hookimpl_decorator_is_reported(make_plugin_host: PluginHostFactory) -> None:
    class Forgetful:
        def station_register_carriers(self, register: Callable[[object], None]) -> None:
            register(Courier())

    host = make_plugin_host(("forgetful", Forgetful()))
    assert info(host, "forgetful").error == (
        "station_register_carriers is not decorated with @hookimpl (from station.api import hookimpl)"
    )


def test_plugin_raising_while_registering_is_failed_and_keeps_nothing(
    make_plugin_host: PluginHostFactory,
) -> None:
    class HalfWay:
        @hookimpl
        def station_register_carriers(self, register: Callable[[object], None]) -> None:
            register(Courier("halfway"))
            raise KeyError("CHILEXPRESS_KEY")

    host = make_plugin_host(("halfway", HalfWay()))
    assert info(host, "halfway").status == "failed"
    assert info(host, "halfway").error == "station_register_carriers raised KeyError: 'CHILEXPRESS_KEY'"
    assert "halfway" not in host.carriers()  # nothing half-registered


def test_wrong_hook_arguments_are_rejected(make_plugin_host: PluginHostFactory) -> None:
    class WrongArgs:
        @hookimpl
        def station_register_carriers(self, register: object, ctx: object) -> None: ...

    host = make_plugin_host(("wrongargs", WrongArgs()))
    assert info(host, "wrongargs").status == "failed"
    assert "Argument(s) {'ctx'} are declared in the hookimpl but can not be found in the hookspec" in (
        info(host, "wrongargs").error or ""
    )


@pytest.mark.parametrize(
    ("adapter", "message"),
    [
        (Courier, "carrier Courier: register() needs an instance; call register(Courier())"),
        (
            types.SimpleNamespace(name="x", title="X"),
            "carrier 'x': attribute 'settings_schema' must be SettingsSchema, got NoneType",
        ),
        (Courier("Big Courier"), "carrier 'Big Courier': name must be lowercase letters, digits, '-' or '_'"),
        (
            types.SimpleNamespace(
                name="lazy",
                title="Lazy",
                settings_schema=SettingsSchema(name="lazy", title="Lazy"),
                rates=print,
            ),
            "carrier 'lazy': missing method(s) buy_label, void_label, track required by Carrier",
        ),
        (
            types.SimpleNamespace(
                name="named", title="N", settings_schema=SettingsSchema(name="other", title="N")
            ),
            "carrier 'named': settings_schema.name is 'other'; it must equal the adapter name",
        ),
    ],
)
def test_invalid_adapters_fail_their_plugin_with_a_precise_message(
    make_plugin_host: PluginHostFactory, adapter: object, message: str
) -> None:
    host = make_plugin_host(("shaky", carrier_plugin("shaky", Courier("fine"), adapter)))
    shaky = info(host, "shaky")
    assert shaky.status == "failed"
    assert (shaky.error or "").startswith(message)
    assert "fine" not in host.carriers()  # all or nothing per plugin


def test_duplicate_adapter_name_keeps_the_first_and_reports_the_second(
    make_plugin_host: PluginHostFactory,
) -> None:
    first = Courier("courier")
    host = make_plugin_host(
        ("first", carrier_plugin("first", first)),
        ("second", carrier_plugin("second", Courier("courier"), Courier("pickup"), Courier("own"))),
    )
    assert host.carriers()["courier"] is first
    assert host.carriers()["pickup"].__class__.__name__ == "PickupCarrier"  # the built-in keeps its name
    second = info(host, "second")
    assert (second.status, second.kinds) == ("enabled", ("carrier",))
    assert second.error == (
        "carrier 'courier' ignored: that name is already registered by plugin 'first'; "
        "carrier 'pickup' ignored: that name is already registered by plugin 'pickup'"
    )
    assert host.adapter_plugin("carrier", "own") == "second"


def test_plugin_needing_another_api_major_is_disabled(make_plugin_host: PluginHostFactory) -> None:
    future = carrier_plugin("future", Courier("hyperloop"))
    future.STATION_API_VERSION = "2.0"  # type: ignore[attr-defined]
    host = make_plugin_host(("future", future))
    assert info(host, "future").status == "disabled"
    assert (
        info(host, "future").error == "incompatible: needs station plugin API 2.x; this station provides 1.0"
    )
    assert "hyperloop" not in host.carriers()


def test_same_plugin_name_twice_fails_the_second(make_plugin_host: PluginHostFactory) -> None:
    host = make_plugin_host(("pickup", carrier_plugin("pickup", Courier("other-pickup"))))
    rows = [(p.name, p.status, p.error) for p in host.plugins() if p.name == "pickup"]
    assert rows == [
        ("pickup", "enabled", None),
        ("pickup", "failed", "another plugin is already loaded as 'pickup'"),
    ]


# -- every adapter kind --------------------------------------------------------------------------


def test_one_plugin_can_provide_every_kind_of_adapter(make_plugin_host: PluginHostFactory) -> None:
    from station.api import (
        PaymentIntent,
        PaymentStatus,
        PrintJob,
        ScaleReading,
        ScaleState,
        SerialSettings,
        StockPushResult,
        StockUpdate,
    )

    def schema(name: str) -> SettingsSchema:
        return SettingsSchema(name=name, title=name.title())

    class Gateway:
        name, title, settings_schema = "cashbox", "Cash box", schema("cashbox")

        def create_payment(self, ctx: Any, intent: PaymentIntent) -> PaymentIntent:
            return intent

        def get_payment(self, ctx: Any, external_id: str) -> Any: ...
        def refund(self, ctx: Any, refund: Any) -> Any:
            return refund

    class Shop:
        name, title, settings_schema = "shop", "Shop", schema("shop")

        def fetch_orders(self, ctx: Any, since: Any) -> tuple[()]:
            return ()

        def push_stock(self, ctx: Any, updates: tuple[StockUpdate, ...]) -> tuple[StockPushResult, ...]:
            return tuple(StockPushResult(update=u, accepted=u.quantity < 1000, message="") for u in updates)

    class Scale:
        name, title, settings_schema = "grams", "Grams", schema("grams")
        serial = SerialSettings(baudrate=2400, parity="E", bytesize=7)
        reply_terminator = b"\r"

        def request_weight(self) -> bytes:
            return b"W\r"

        def parse_reply(self, data: bytes) -> ScaleReading:
            return ScaleReading(state=ScaleState.STABLE, weight_g=int(data.strip()))

    class Spool:
        name, title, settings_schema = "spool", "Spool", schema("spool")

        def __init__(self) -> None:
            self.jobs: list[PrintJob] = []

        def send(self, ctx: Any, job: PrintJob) -> None:
            self.jobs.append(job)

    class Everything:
        @hookimpl
        def station_register_payment_gateways(self, register: Callable[[object], None]) -> None:
            register(Gateway())

        @hookimpl
        def station_register_carriers(self, register: Callable[[object], None]) -> None:
            register(Courier("everything-courier"))

        @hookimpl
        def station_register_marketplaces(self, register: Callable[[object], None]) -> None:
            register(Shop())

        @hookimpl
        def station_register_scale_protocols(self, register: Callable[[object], None]) -> None:
            register(Scale())

        @hookimpl
        def station_register_printer_transports(self, register: Callable[[object], None]) -> None:
            register(Spool())

    host = make_plugin_host(("everything", Everything()))
    assert info(host, "everything").kinds == (
        "payment_gateway",
        "carrier",
        "marketplace",
        "scale_protocol",
        "printer_transport",
    )
    assert set(host.payment_gateways()) == {"manual", "cashbox"}
    scale = host.scale_protocols()["grams"]
    assert scale.request_weight() == b"W\r" and scale.parse_reply(b"1250\r").weight_g == 1250
    shop = host.marketplaces()["shop"]
    ctx = host.make_context("shop", kind="marketplace")
    results = shop.push_stock(
        ctx,
        (
            StockUpdate(sku="A", listing_external_id="MLC1", quantity=5),
            StockUpdate(sku="B", listing_external_id="MLC2", quantity=5000),
        ),
    )
    assert [r.accepted for r in results] == [True, False]
    spool = host.printer_transports()["spool"]
    spool.send(host.make_context("spool"), PrintJob(data=b"^XA^XZ", content_type="application/zpl"))
    assert len(spool.jobs) == 1  # type: ignore[attr-defined]
    assert "grams" in host.settings_schemas()["scale_protocol"]  # beside the built-in scale protocols
    assert (
        host.payment_gateways()["cashbox"]
        .create_payment(
            ctx, PaymentIntent(gateway="cashbox", reference="1", amount=Money(1, "CLP"), idempotency_key="k")
        )
        .status
        is PaymentStatus.PENDING
    )
