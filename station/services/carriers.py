"""Talking to the carrier plugins: rate shopping, buying labels with retries, voiding, tracking.

Carrier calls go over the network, so the UI runs these on its network lane. Settings come from the
station's settings file (`[plugins.<carrier>]`), secrets from the keyring; a carrier whose required
settings are missing is reported as "not configured" instead of failing the whole rate shop.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from station import secrets as secret_store
from station.api import (
    AdapterContext,
    Carrier,
    Label,
    LabelRequest,
    Rate,
    RateLimited,
    RateRequest,
    StationPluginError,
    TemporaryError,
    TrackingEvent,
)
from station.pluginhost import PluginHost

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_DELAYS_S = (0.5, 1.0, 2.0)  # after the 1st, 2nd and 3rd temporary failure; then give up
MAX_RETRY_AFTER_S = 10.0  # a carrier asking us to wait longer is reported instead of blocking the bench


class CarrierUnavailable(Exception):
    """A carrier call that failed after its retries; the message names the carrier and what to do."""


@dataclass(frozen=True)
class RateShop:
    """Every quote we got, the one chosen, and why; carriers that could not quote, and why."""

    rates: tuple[Rate, ...]
    chosen: Rate | None
    reason: str
    problems: Mapping[str, str] = field(default_factory=dict)  # carrier name -> message


# Carriers whose "delivery" is the customer collecting at the warehouse: only for orders that chose it.
PICKUP_CARRIERS = frozenset({"pickup"})


def choose_rate(rates: tuple[Rate, ...], service_level: str) -> tuple[Rate | None, str]:
    """Pickup orders get the pickup service; express orders the fastest service (cheapest among the
    fastest); the rest the cheapest delivery."""
    if service_level == "pickup":
        pickup = [rate for rate in rates if rate.carrier in PICKUP_CARRIERS]
        if pickup:
            return pickup[0], "The customer collects the order at the warehouse"
        return None, "The customer chose pickup, but the pickup service is disabled"
    rates = tuple(rate for rate in rates if rate.carrier not in PICKUP_CARRIERS)
    if not rates:
        return None, "No carrier quoted this parcel"
    if service_level == "express":
        chosen = min(rates, key=lambda r: (r.estimated_days if r.estimated_days is not None else 99, r.price.amount))
        return chosen, f"Express order: fastest service ({_days(chosen)}), cheapest among the fastest"
    chosen = min(rates, key=lambda r: (r.price.amount, r.estimated_days if r.estimated_days is not None else 99))
    return chosen, f"Standard order: cheapest service ({_days(chosen)})"


def _days(rate: Rate) -> str:
    if rate.estimated_days is None:
        return f"{rate.service_name}, no delivery estimate"
    return f"{rate.service_name}, {rate.estimated_days} day(s)"


class CarrierGateway:
    def __init__(
        self,
        host: PluginHost,
        plugin_settings: Mapping[str, Mapping[str, object]],
        *,
        get_secret: Callable[[str, str], str | None] = secret_store.get_secret,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.host = host
        self.plugin_settings = plugin_settings
        self.get_secret = get_secret
        self.sleep = sleep

    def carriers(self) -> dict[str, Carrier]:
        return self.host.carriers()

    def context(self, carrier: str) -> AdapterContext:
        adapter = self.host.adapter("carrier", carrier)
        secrets = {}
        for key in adapter.settings_schema.secret_keys:
            value = self.get_secret(carrier, key)
            if value is not None:
                secrets[key] = value
        return self.host.make_context(carrier, self.plugin_settings.get(carrier, {}), secrets, kind="carrier")

    def shop(self, request: RateRequest, service_level: str) -> RateShop:
        """Ask every carrier at once; a carrier that fails or is not configured is listed, not fatal."""
        names = sorted(self.carriers())
        problems: dict[str, str] = {}
        rates: list[Rate] = []
        with ThreadPoolExecutor(max_workers=max(1, len(names))) as pool:
            futures = {name: pool.submit(self._quote, name, request) for name in names}
        for name, future in futures.items():
            try:
                rates.extend(future.result())
            except (CarrierUnavailable, ValueError) as exc:
                problems[name] = str(exc).removeprefix(f"{name}: ")
        chosen, reason = choose_rate(tuple(rates), service_level)
        return RateShop(tuple(rates), chosen, reason, problems)

    def _quote(self, carrier: str, request: RateRequest) -> tuple[Rate, ...]:
        try:
            context = self.context(carrier)
        except ValueError as exc:  # settings missing or wrong
            raise ValueError(f"not configured ({exc})") from exc
        return self._with_retries(carrier, "quote", lambda: tuple(self.carriers()[carrier].rates(context, request)))

    def buy_label(self, carrier: str, request: LabelRequest) -> Label:
        """Buy with retries; the idempotency key makes every retry return the same label."""
        context = self.context(carrier)
        label = self._with_retries(carrier, "label", lambda: self.carriers()[carrier].buy_label(context, request))
        if label.idempotency_key != request.idempotency_key:
            raise CarrierUnavailable(f"{carrier} answered for another shipment ({label.idempotency_key}); not recorded")
        return label

    def void(self, carrier: str, tracking_number: str) -> None:
        context = self.context(carrier)
        self._with_retries(carrier, "void", lambda: self.carriers()[carrier].void_label(context, tracking_number))

    def track(self, carrier: str, tracking_number: str) -> tuple[TrackingEvent, ...]:
        context = self.context(carrier)
        return self._with_retries(carrier, "tracking", lambda: tuple(self.carriers()[carrier].track(context, tracking_number)))

    def _with_retries(self, carrier: str, what: str, call: Callable[[], T]) -> T:
        delays = iter(RETRY_DELAYS_S)
        while True:
            try:
                return call()
            except RateLimited as exc:
                wait = exc.retry_after if exc.retry_after is not None else next(delays, None)
                if wait is None or wait > MAX_RETRY_AFTER_S:
                    raise CarrierUnavailable(f"{carrier} is limiting requests ({what}); try again in a minute") from exc
                log.warning("%s rate-limited the %s call; waiting %.1f s", carrier, what, wait)
                self.sleep(wait)
            except TemporaryError as exc:
                wait = next(delays, None)
                if wait is None:
                    raise CarrierUnavailable(f"{carrier} did not answer the {what} request: {exc}. Try again") from exc
                log.warning("%s %s call failed (%s); retrying in %.1f s", carrier, what, exc, wait)
                self.sleep(wait)
            except StationPluginError as exc:
                raise CarrierUnavailable(str(exc) if exc.plugin else f"{carrier}: {exc}") from exc
