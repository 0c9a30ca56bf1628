"""HTTP failures become station errors a packer can act on; retries never buy a second label."""

from __future__ import annotations

import httpx
import pytest

from station.api import AdapterContext, AuthenticationError, CarrierError, RateLimited, TemporaryError


def test_a_wrong_api_key_says_which_secret_to_fix(carrier, demo_ctx, samples, sandbox):
    with pytest.raises(AuthenticationError) as caught:
        carrier.buy_label(demo_ctx(api_key="demo-test-key-999"), samples.label_request())
    assert caught.value.message == "Demo Courier rejected the API key: check the `api_key` secret"
    assert caught.value.plugin == "demo" and not caught.value.retryable
    assert sandbox.labels_created == 0


def test_a_missing_api_key_says_what_to_set(carrier, demo_ctx, samples):
    with pytest.raises(AuthenticationError, match="secret 'api_key' is not set"):
        carrier.rates(demo_ctx(api_key=None), samples.rate_request())


def test_an_unknown_comuna_names_the_field_and_buys_nothing(carrier, demo_ctx, samples, sandbox):
    request = samples.label_request(destination=samples.customer("Springfield"))
    with pytest.raises(CarrierError) as caught:
        carrier.buy_label(demo_ctx(), request)
    assert caught.value.message == (
        "Demo Courier could not buy a label: unknown comuna 'Springfield' (field recipient.comuna)"
    )
    assert not caught.value.retryable
    assert sandbox.labels_created == 0


def test_too_many_requests_says_when_to_retry(carrier, demo_ctx, samples, sandbox):
    ctx = demo_ctx()
    sandbox.rate_limit_next(1, retry_after=3)
    with pytest.raises(RateLimited) as caught:
        carrier.rates(ctx, samples.rate_request())
    assert caught.value.retry_after == 3.0 and caught.value.retryable
    assert caught.value.message == "Demo Courier asks us to slow down; we try again in 3 s"
    assert carrier.rates(ctx, samples.rate_request())  # the limit has passed


def test_a_server_error_is_temporary_and_the_retry_buys_one_label(carrier, demo_ctx, samples, sandbox):
    ctx = demo_ctx()
    sandbox.fail_next(1, status=503)
    with pytest.raises(TemporaryError) as caught:
        carrier.buy_label(ctx, samples.label_request())
    assert caught.value.retryable and "Demo Courier had a problem on its side (HTTP 503)" in caught.value.message
    assert sandbox.labels_created == 0
    carrier.buy_label(ctx, samples.label_request())
    assert sandbox.labels_created == 1


def test_a_lost_answer_then_a_retry_gives_the_label_bought_the_first_time(carrier, demo_ctx, samples, sandbox):
    ctx = demo_ctx()
    sandbox.fail_next(1, status=500, after=True)  # the courier issues the label, the answer is lost
    with pytest.raises(TemporaryError):
        carrier.buy_label(ctx, samples.label_request())
    assert sandbox.labels_created == 1
    label = carrier.buy_label(ctx, samples.label_request())  # same idempotency key
    assert sandbox.labels_created == 1
    assert carrier.track(ctx, label.tracking_number)[0].tracking_number == label.tracking_number


def test_a_timeout_is_temporary_and_the_retry_buys_one_label(carrier, demo_ctx, samples, sandbox):
    settled = demo_ctx()
    with httpx.Client(timeout=0.2) as impatient:
        ctx = AdapterContext(plugin="demo", http=impatient, settings=settled.settings, secrets=settled.secrets)
        sandbox.latency_s = 1.0
        with pytest.raises(TemporaryError, match="Demo Courier did not answer in time, so we could not buy a label"):
            carrier.buy_label(ctx, samples.label_request())
        sandbox.latency_s = 0.0
        carrier.buy_label(ctx, samples.label_request())
    # Whichever of the two requests the courier finished first issued the label; the other replayed it.
    assert sandbox.labels_created == 1


def test_an_unreachable_courier_is_temporary_and_names_the_address(carrier, demo_ctx, samples, sandbox):
    ctx = demo_ctx()
    address = sandbox.url
    sandbox.stop()
    with pytest.raises(TemporaryError) as caught:
        carrier.track(ctx, "DC7000000001")
    assert caught.value.message.startswith(f"cannot reach Demo Courier at {address} to track DC7000000001")
    assert "`base_url` setting" in caught.value.message


def test_a_missing_address_names_the_setting(carrier, adapter_context, samples):
    ctx = adapter_context("demo", secrets={"api_key": "demo-test-key-000"})
    with pytest.raises(CarrierError, match="Demo Courier has no API address: set the `base_url` setting"):
        carrier.rates(ctx, samples.rate_request())
