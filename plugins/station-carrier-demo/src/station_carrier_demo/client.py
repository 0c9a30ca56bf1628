"""HTTP calls to the Demo Courier API, and what each failure means to a packer.

Every call goes through :meth:`DemoApi.call`, so every answer that is not a success becomes a
station error with a message naming the courier and what to do:

=============================  ==============================================================
HTTP answer                    station error
=============================  ==============================================================
401, 403                       ``AuthenticationError``: fix the ``api_key`` secret
422 (validation)               ``CarrierError`` naming the field the courier refused
429                            ``RateLimited`` with ``retry_after`` from ``Retry-After``
5xx, timeout, no connection    ``TemporaryError``: the station retries with backoff
other 4xx (404, 409 …)         ``CarrierError`` with the courier's own message
=============================  ==============================================================
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from station.api import (
    AdapterContext,
    AuthenticationError,
    CarrierError,
    RateLimited,
    StationPluginError,
    TemporaryError,
)

CARRIER = "Demo Courier"


class DemoApi:
    """The Demo Courier API, called through one adapter context (its HTTP client, settings, secret)."""

    def __init__(self, ctx: AdapterContext) -> None:
        self.ctx = ctx
        self.base_url = str(ctx.settings.get("base_url") or "").rstrip("/")
        if not self.base_url:
            raise CarrierError(f"{CARRIER} has no API address: set the `base_url` setting", plugin=ctx.plugin)

    def quote(self, body: Mapping[str, Any]) -> dict[str, Any]:
        return self.call("POST", "/v1/quotes", "quote", body=body)

    def create_shipment(self, idempotency_key: str, body: Mapping[str, Any]) -> dict[str, Any]:
        # The same key always returns the same shipment: a retry never buys a second label.
        return self.call("POST", "/v1/shipments", "buy a label", body=body, headers={"Idempotency-Key": idempotency_key})

    def void(self, tracking_number: str) -> None:
        # Voiding twice (a retry after a lost answer) is not an error: the label is void either way.
        self.call("POST", f"/v1/shipments/{tracking_number}/void", f"void {tracking_number}", tolerate=("already_voided",))

    def events(self, tracking_number: str) -> dict[str, Any]:
        return self.call("GET", f"/v1/shipments/{tracking_number}/events", f"track {tracking_number}")

    def call(
        self,
        method: str,
        path: str,
        what: str,
        *,
        body: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        tolerate: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """Send one request; return the JSON answer or raise the station error for the failure.
        ``what`` completes "Demo Courier could not …" in messages; error codes in ``tolerate`` count as success."""
        sent = {"Authorization": f"Bearer {self.ctx.secret('api_key')}", "Accept": "application/json", **(headers or {})}
        try:
            response = self.ctx.http.request(method, self.base_url + path, json=body, headers=sent)
        except httpx.TimeoutException as exc:
            raise TemporaryError(f"{CARRIER} did not answer in time, so we could not {what}; try again",
                                 plugin=self.ctx.plugin) from exc
        except httpx.TransportError as exc:
            raise TemporaryError(f"cannot reach {CARRIER} at {self.base_url} to {what} ({exc}); check the network "
                                 "and the `base_url` setting, then try again", plugin=self.ctx.plugin) from exc
        if response.is_success:
            with reading(self.ctx, what):
                answer = response.json()
                if not isinstance(answer, dict):
                    raise TypeError(f"expected a JSON object, got {type(answer).__name__}")
                return answer
        code, field, message = error_detail(response)
        if code and code in tolerate:
            return {}
        raise error_for(response.status_code, field, message, what, response.headers.get("Retry-After"), self.ctx)


def error_detail(response: httpx.Response) -> tuple[str, str, str]:
    """(code, field, message) of a Demo Courier error body ``{"error": {...}}``, as far as it has them."""
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        error = None
    error = error if isinstance(error, dict) else {}
    message = str(error.get("message") or response.reason_phrase or "no reason given")
    return str(error.get("code") or ""), str(error.get("field") or ""), message


def error_for(
    status: int, field: str, message: str, what: str, retry_after: str | None, ctx: AdapterContext
) -> StationPluginError:
    """The station error for a failed answer (see the table at the top of this module)."""
    plugin = ctx.plugin
    if status in (401, 403):
        return AuthenticationError(f"{CARRIER} rejected the API key: check the `api_key` secret", plugin=plugin)
    if status == 429:
        seconds = retry_after_seconds(retry_after, ctx)
        when = f"in {seconds:g} s" if seconds is not None else "in a moment"
        return RateLimited(f"{CARRIER} asks us to slow down; we try again {when}", plugin=plugin, retry_after=seconds)
    if status >= 500:
        return TemporaryError(f"{CARRIER} had a problem on its side (HTTP {status}), so we could not {what}; "
                              "try again in a moment", plugin=plugin)
    if field:
        return CarrierError(f"{CARRIER} could not {what}: {message} (field {field})", plugin=plugin)
    return CarrierError(f"{CARRIER} could not {what}: {message}", plugin=plugin)


def retry_after_seconds(value: str | None, ctx: AdapterContext) -> float | None:
    """``Retry-After`` in seconds: it is either a number of seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return max(0.0, (when - ctx.now()).total_seconds())


@contextmanager
def reading(ctx: AdapterContext, what: str) -> Iterator[None]:
    """Turn a surprise in a successful answer (missing key, wrong type) into a CarrierError."""
    try:
        yield
    except (KeyError, TypeError, ValueError) as exc:
        raise CarrierError(f"{CARRIER} sent an answer we cannot read when asked to {what} ({exc!r})",
                           plugin=ctx.plugin) from exc
