"""The value types plugins exchange with the station refuse bad data with messages naming the field."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta, timezone

import pytest

from station.api import (
    Address,
    AuthenticationError,
    CarrierError,
    ChannelOrder,
    ChannelOrderLine,
    Money,
    Parcel,
    PaymentIntent,
    PaymentStatus,
    PrintJob,
    RateLimited,
    RateRequest,
    Refund,
    ScaleReading,
    ScaleState,
    SettingField,
    SettingsSchema,
    StationPluginError,
    TemporaryError,
    TrackingEvent,
    TrackingStatus,
)


def address(**overrides: object) -> Address:
    values: dict[str, object] = {
        "name": "Ana Pérez",
        "street": "Av. Providencia",
        "number": "1234",
        "comuna": "Providencia",
    }
    values.update(overrides)
    return Address(**values)  # type: ignore[arg-type]


# -- Money -----------------------------------------------------------------------------------------


def test_money_refuses_floats_so_no_peso_is_lost_to_rounding() -> None:
    with pytest.raises(TypeError, match=r"Money.amount must be an int.*float 99.9"):
        Money(99.9, "CLP")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Money.amount"):
        Money(True, "CLP")  # type: ignore[arg-type]


def test_money_currency_is_a_normalised_iso_code() -> None:
    assert Money(9990, " clp ") == Money(9990, "CLP")
    for bad in ("PESOS", "C1P", "", "€€€"):
        with pytest.raises(ValueError, match="3-letter ISO 4217"):
            Money(1, bad)


def test_money_arithmetic_only_within_one_currency() -> None:
    price = Money(9990, "CLP")
    assert price + Money(3000, "CLP") == Money(12990, "CLP")
    assert price - Money(10000, "CLP") == Money(-10, "CLP")
    assert 3 * price == price * 3 == Money(29970, "CLP")
    assert -price == Money(-9990, "CLP")
    assert Money(1, "CLP") < price
    with pytest.raises(ValueError, match="cannot add CLP and USD"):
        price + Money(100, "USD")
    with pytest.raises(ValueError, match="cannot compare CLP and USD"):
        _ = price > Money(1, "USD")
    with pytest.raises(TypeError, match="int quantity"):
        price * 1.5  # type: ignore[operator]


# -- shipping --------------------------------------------------------------------------------------


def test_address_normalises_country_and_keeps_extra_read_only_hashable_and_picklable() -> None:
    home = address(country="cl", extra={"comuna_code": "13123"})
    assert home.country == "CL"
    assert home.extra["comuna_code"] == "13123"
    with pytest.raises(TypeError, match="read-only"):
        home.extra["comuna_code"] = "x"  # type: ignore[index]
    assert hash(home) == hash(address(country="CL", extra={"comuna_code": "13123"}))
    assert pickle.loads(pickle.dumps(home)) == home
    with pytest.raises(TypeError, match=r"Address.extra\['nested'\] must be str, int"):
        address(extra={"nested": {"a": 1}})


def test_parcel_needs_whole_grams() -> None:
    with pytest.raises(ValueError, match="Parcel.weight_g must be at least 1, got 0"):
        Parcel(weight_g=0)
    with pytest.raises(TypeError, match="Parcel.weight_g must be an int"):
        Parcel(weight_g=1.2)  # type: ignore[arg-type]


def test_rate_request_turns_any_sequence_of_parcels_into_a_tuple_and_needs_one() -> None:
    request = RateRequest(origin=address(), destination=address(), parcels=[Parcel(weight_g=500)])  # type: ignore[arg-type]
    assert request.parcels == (Parcel(weight_g=500),)
    with pytest.raises(ValueError, match="RateRequest.parcels must hold at least one Parcel"):
        RateRequest(origin=address(), destination=address(), parcels=())


def test_tracking_event_time_is_stored_in_utc_and_naive_times_are_refused() -> None:
    santiago = timezone(timedelta(hours=-3))
    event = TrackingEvent(
        tracking_number="99", at=datetime(2026, 3, 2, 9, 0, tzinfo=santiago), status="delivered"
    )
    assert event.at == datetime(2026, 3, 2, 12, 0, tzinfo=UTC) and event.at.tzinfo is UTC
    assert event.status is TrackingStatus.DELIVERED
    with pytest.raises(ValueError, match="TrackingEvent.at must be timezone-aware"):
        TrackingEvent(tracking_number="99", at=datetime(2026, 3, 2, 9, 0), status="delivered")
    with pytest.raises(ValueError, match="TrackingEvent.status must be one of label_created"):
        TrackingEvent(tracking_number="99", at=datetime.now(UTC), status="lost-in-space")


# -- payments and channels -------------------------------------------------------------------------


def test_payment_and_refund_amounts_must_be_positive() -> None:
    intent = PaymentIntent(
        gateway="webpay", reference="1042", amount=Money(9990, "CLP"), idempotency_key="pay-1"
    )
    assert intent.status is PaymentStatus.PENDING and intent.external_id is None
    with pytest.raises(ValueError, match="PaymentIntent.amount must be more than zero, got 0 CLP"):
        PaymentIntent(gateway="webpay", reference="1042", amount=Money(0, "CLP"), idempotency_key="k")
    with pytest.raises(ValueError, match="Refund.amount must be more than zero"):
        Refund(gateway="x", payment_external_id="p", amount=Money(-5, "CLP"), reason="", idempotency_key="k")


def test_channel_order_rejects_mixed_currencies_naming_the_line() -> None:
    line = ChannelOrderLine(sku="TS-RED-M", quantity=2, unit_price=Money(9990, "CLP"))
    assert line.line_total == Money(19980, "CLP")
    common = {
        "channel": "mercadolibre",
        "external_id": "2000001",
        "created_at": datetime(2026, 3, 1, tzinfo=UTC),
        "customer_name": "Ana",
        "shipping_address": address(),
    }
    order = ChannelOrder(**common, lines=[line], total=Money(22980, "CLP"), shipping_cost=Money(3000, "CLP"))  # type: ignore[arg-type]
    assert order.lines == (line,)
    usd_line = ChannelOrderLine(sku="MUG", quantity=1, unit_price=Money(500, "USD"))
    with pytest.raises(
        ValueError, match=r"ChannelOrder 2000001: lines\[1\].unit_price is in USD but total is in CLP"
    ):
        ChannelOrder(**common, lines=(line, usd_line), total=Money(1, "CLP"))  # type: ignore[arg-type]


# -- devices ---------------------------------------------------------------------------------------


def test_print_job_needs_data_and_a_content_type() -> None:
    with pytest.raises(ValueError, match="PrintJob 'Order 1042' has no data to print"):
        PrintJob(data=b"", content_type="application/zpl", title="Order 1042")
    with pytest.raises(ValueError, match="content_type must look like 'application/zpl'"):
        PrintJob(data=b"^XA^XZ", content_type="zpl")


def test_scale_reading_carries_a_weight_only_when_there_is_one() -> None:
    assert ScaleReading(state="stable", weight_g=1250).stable
    assert not ScaleReading(state=ScaleState.UNSTABLE, weight_g=1190).stable
    assert ScaleReading(state="overload").weight_g is None
    with pytest.raises(ValueError, match="state 'overload' cannot carry a weight"):
        ScaleReading(state="overload", weight_g=99999)
    with pytest.raises(TypeError, match="ScaleReading.weight_g must be an int"):
        ScaleReading(state="stable")


# -- settings schemas ------------------------------------------------------------------------------


SCHEMA = SettingsSchema(
    name="chilexpress",
    title="Chilexpress",
    fields=(
        SettingField(
            key="api_url", label="API URL", kind="url", default="https://testservices.wschilexpress.com"
        ),
        SettingField(key="customer_code", label="Customer code", required=True),
        SettingField(
            key="label_type", label="Label type", kind="choice", choices=("epl", "image"), default="epl"
        ),
        SettingField(key="max_parcels", label="Max parcels", kind="int", default=10),
        SettingField(key="insure", label="Insure parcels", kind="bool", default=False),
        SettingField(key="api_key", label="API key", kind="secret"),
    ),
)


def test_settings_schema_fills_defaults_and_coerces_form_text() -> None:
    resolved = SCHEMA.resolve({"customer_code": "18578680", "max_parcels": "3", "insure": "yes"})
    assert resolved == {
        "api_url": "https://testservices.wschilexpress.com",
        "customer_code": "18578680",
        "label_type": "epl",
        "max_parcels": 3,
        "insure": True,
    }
    assert SCHEMA.secret_keys == ("api_key",)


def test_settings_schema_reports_every_problem_at_once() -> None:
    with pytest.raises(ValueError) as caught:
        SCHEMA.resolve({"max_parcels": "many", "label_type": "zpl", "api_key": "s3cret", "colour": "red"})
    message = str(caught.value)
    assert message.startswith("Settings for Chilexpress (chilexpress):")
    for expected in (
        "unknown setting(s) colour",
        "'customer_code' (Customer code) is required",
        "setting 'max_parcels' (Max parcels) must be a whole number, got 'many'",
        "setting 'label_type' (Label type) must be one of epl, image; got 'zpl'",
        "'api_key' is a secret: store it in the keyring",
    ):
        assert expected in message
    assert "s3cret" not in message  # a secret value never lands in an error message


def test_setting_fields_are_checked_when_a_plugin_declares_them() -> None:
    with pytest.raises(ValueError, match="is a choice but lists no choices"):
        SettingField(key="mode", label="Mode", kind="choice")
    with pytest.raises(ValueError, match="is a secret and cannot have a default"):
        SettingField(key="token", label="Token", kind="secret", default="abc")
    with pytest.raises(ValueError, match="repeats field"):
        SettingsSchema(
            name="x", title="X", fields=(SettingField(key="a", label="A"), SettingField(key="a", label="A"))
        )


# -- errors ----------------------------------------------------------------------------------------


def test_errors_say_which_plugin_and_whether_to_retry() -> None:
    limited = RateLimited("too many requests", plugin="mercadolibre", retry_after=2.5)
    assert isinstance(limited, TemporaryError) and limited.retryable and limited.retry_after == 2.5
    assert str(limited) == "mercadolibre: too many requests"
    assert not AuthenticationError("token expired").retryable

    class CarrierDown(CarrierError, TemporaryError):
        pass

    assert CarrierDown("Starken is not answering", plugin="starken").retryable
    copy = pickle.loads(pickle.dumps(limited))  # errors cross worker threads/processes intact
    assert (copy.plugin, copy.retry_after, copy.message) == ("mercadolibre", 2.5, "too many requests")
    assert isinstance(copy, StationPluginError)
