"""The adapter protocols plugins register, and the context the host hands every adapter call.

Adapters are plain objects (any class) with the attributes and methods below; they need not
inherit from these ``Protocol`` classes. They are synchronous: the host runs them off the UI
thread. Every method receives an :class:`AdapterContext` first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Literal, Protocol

from station.api.devices import PrintJob, ScaleReading, SerialSettings
from station.api.errors import AuthenticationError
from station.api.marketplace import ChannelOrder, StockPushResult, StockUpdate
from station.api.payments import PaymentIntent, Refund
from station.api.settings import SettingsSchema
from station.api.shipping import Label, LabelRequest, Rate, RateRequest, TrackingEvent

AdapterKind = Literal["payment_gateway", "carrier", "marketplace", "scale_protocol", "printer_transport", "sandbox"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AdapterContext:
    """Everything an adapter call may use from the outside world, given by the host.

    ``http`` is an ``httpx.Client`` (typed ``Any`` because ``station.api`` does not import
    httpx) with timeouts, connection retries, our ``User-Agent`` and request logging already
    set; tests swap its transport or base URL. ``settings`` are the operator's values for the
    adapter's :class:`SettingsSchema` (defaults filled in); ``secrets`` its keyring entries
    (read-only; never log them). ``clock`` returns the current aware UTC time (fixed in
    tests). ``plugin`` is the adapter's name.
    """

    plugin: str
    http: Any
    settings: Mapping[str, object] = field(default_factory=dict)
    secrets: Mapping[str, str] = field(default_factory=dict)
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger("station.plugins"))

    def __post_init__(self) -> None:
        # Read-only views: an adapter must not change the operator's configuration in passing.
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))
        object.__setattr__(self, "secrets", MappingProxyType(dict(self.secrets)))

    def now(self) -> datetime:
        return self.clock()

    def secret(self, key: str) -> str:
        """The secret ``key``, or :class:`AuthenticationError` naming what to set up."""
        value = self.secrets.get(key)
        if not value:
            raise AuthenticationError(
                f"secret {key!r} is not set; add it to the keyring for plugin {self.plugin!r}",
                plugin=self.plugin,
            )
        return value


class PaymentGateway(Protocol):
    """Collects and refunds payments (Webpay, Mercado Pago, Flow, Khipu, Stripe, manual)."""

    name: str
    title: str
    settings_schema: SettingsSchema

    def create_payment(self, ctx: AdapterContext, intent: PaymentIntent) -> PaymentIntent:
        """Start collecting ``intent``; return it with ``external_id``, ``status`` and, for
        redirect flows, ``redirect_url`` set. Same ``idempotency_key`` → same payment."""
        ...

    def get_payment(self, ctx: AdapterContext, external_id: str) -> PaymentIntent:
        """The gateway's current view of a payment. Gateways with nothing to ask remotely
        raise :class:`~station.api.errors.NotSupportedError`."""
        ...

    def refund(self, ctx: AdapterContext, refund: Refund) -> Refund:
        """Refund all or part of a payment; return the refund with ``status`` and ``external_id``."""
        ...


class Carrier(Protocol):
    """Quotes, buys labels, voids them and tracks parcels."""

    name: str
    title: str
    settings_schema: SettingsSchema

    def rates(self, ctx: AdapterContext, request: RateRequest) -> tuple[Rate, ...]:
        """Every service that can carry the parcels, cheapest first is nice but not required.
        An empty tuple means "no service covers this destination"."""
        ...

    def buy_label(self, ctx: AdapterContext, request: LabelRequest) -> Label:
        """Buy (emit) the label. Must be idempotent on ``request.idempotency_key``."""
        ...

    def void_label(self, ctx: AdapterContext, tracking_number: str) -> None:
        """Cancel an unused label. Raise ``CarrierError`` if the carrier refuses (already
        picked up), ``NotSupportedError`` if it cannot void at all."""
        ...

    def track(self, ctx: AdapterContext, tracking_number: str) -> tuple[TrackingEvent, ...]:
        """All known events for the parcel, oldest first."""
        ...


class Marketplace(Protocol):
    """A sales channel: Mercado Libre, Falabella, Paris, Shopify, WooCommerce …"""

    name: str
    title: str
    settings_schema: SettingsSchema

    def fetch_orders(self, ctx: AdapterContext, since: datetime) -> tuple[ChannelOrder, ...]:
        """Orders created or changed at or after ``since`` (aware UTC). Returning an order
        again is fine: the core de-duplicates on ``(channel, external_id)``."""
        ...

    def push_stock(
        self, ctx: AdapterContext, updates: tuple[StockUpdate, ...]
    ) -> tuple[StockPushResult, ...]:
        """Set available quantities (and prices). One result per update, same order.
        Raise :class:`~station.api.errors.RateLimited` / ``TemporaryError`` when the whole
        call should be retried later."""
        ...


class ScaleProtocol(Protocol):
    """How to talk to one family of serial scales (MT-SICS, Toledo 8217, CAS …).

    The hardware layer owns the port. For each reading it writes ``request_weight()``, reads
    until ``reply_terminator`` (or ``serial.timeout_s``, which it reports as
    ``ScaleState.TIMEOUT``) and hands the bytes read, terminator included, to ``parse_reply``.
    """

    name: str
    title: str
    settings_schema: SettingsSchema
    serial: SerialSettings
    reply_terminator: bytes

    def request_weight(self) -> bytes:
        """The command that asks for one weight reading (e.g. ``b"SI\\r\\n"`` for MT-SICS)."""
        ...

    def parse_reply(self, data: bytes) -> ScaleReading:
        """Turn one reply into a reading. Unparseable data → ``ScaleState.ERROR`` with a message."""
        ...


class PrinterTransport(Protocol):
    """Gets a print job to a printer: raw TCP 9100, serial, CUPS, Windows spooler, a folder …

    Where to send it (host, port, queue, folder) comes from ``ctx.settings``, described by the
    transport's ``settings_schema``.

    **Optional: two-way transports.** A transport whose line also carries the printer's answers
    (raw TCP 9100, serial) may add ``exchange(ctx, data, *, terminator, count=1, timeout_s)``;
    see :class:`TwoWayPrinterTransport`. The station then asks the printer for its status
    (Zebra ``~HS``) before printing, and tells the packer "Out of labels" instead of losing the
    label. Transports without it (CUPS, Windows spooler, folder) still print; the host checks
    for the method with ``callable(getattr(transport, "exchange", None))`` and never requires it.
    """

    name: str
    title: str
    settings_schema: SettingsSchema

    def send(self, ctx: AdapterContext, job: PrintJob) -> str | None:
        """Deliver ``job`` or raise :class:`~station.api.errors.DeviceError` naming the device.
        May return a short note of where it went (shown to the packer), e.g. a file path."""
        ...


class TwoWayPrinterTransport(PrinterTransport, Protocol):
    """A :class:`PrinterTransport` that can also read the printer's answer (the optional
    capability; see there). Used for status queries such as Zebra's ``~HS``."""

    def exchange(
        self, ctx: AdapterContext, data: bytes, *, terminator: bytes, count: int = 1, timeout_s: float
    ) -> bytes:
        """Send ``data`` (a query, not a label) and return the bytes the printer sent back, read
        until ``terminator`` has arrived ``count`` times (``~HS`` answers three ``ETX``-ended
        lines: ``terminator=b"\\x03", count=3``) or until ``timeout_s`` seconds have passed.

        A silent printer is not an error here: return what arrived, possibly ``b""``, and let
        the caller judge. Raise :class:`~station.api.errors.DeviceError` naming the printer only
        when it cannot be reached at all (connection refused, port missing).
        """
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class SandboxSession:
    """A running sandbox: how to point the adapter at it (``settings``, ``secrets`` — the vendor's
    published test values, never real credentials) and how to stop it."""

    url: str
    settings: Mapping[str, object]
    secrets: Mapping[str, str]
    stop: Callable[[], None]


class Sandbox(Protocol):
    """A local stand-in for a vendor's API that ``station demo`` starts, so a new user sees the
    whole flow without accounts. ``name`` is the adapter it serves and ``serves`` that adapter's
    kind (e.g. ``"carrier"``); ``start()`` serves on loopback and returns the session.

    .. versionadded:: 1.0
    """

    name: str
    title: str
    serves: str

    def start(self) -> SandboxSession:
        """Start serving on 127.0.0.1 (a free port) in the background and return the session."""
        ...


@dataclass(frozen=True, slots=True)
class AdapterSpec:
    """What the host checks when a plugin registers an adapter of ``kind``."""

    kind: AdapterKind
    protocol: type
    hook: str
    attributes: Mapping[str, type | tuple[type, ...]]
    methods: tuple[str, ...]


_COMMON: Mapping[str, type | tuple[type, ...]] = {
    "name": str,
    "title": str,
    "settings_schema": SettingsSchema,
}

#: Adapter kinds, the hook that registers each, and the shape the host validates.
ADAPTER_SPECS: Mapping[AdapterKind, AdapterSpec] = MappingProxyType(
    {
        "payment_gateway": AdapterSpec(
            "payment_gateway",
            PaymentGateway,
            "station_register_payment_gateways",
            _COMMON,
            ("create_payment", "get_payment", "refund"),
        ),
        "carrier": AdapterSpec(
            "carrier",
            Carrier,
            "station_register_carriers",
            _COMMON,
            ("rates", "buy_label", "void_label", "track"),
        ),
        "marketplace": AdapterSpec(
            "marketplace",
            Marketplace,
            "station_register_marketplaces",
            _COMMON,
            ("fetch_orders", "push_stock"),
        ),
        "scale_protocol": AdapterSpec(
            "scale_protocol",
            ScaleProtocol,
            "station_register_scale_protocols",
            {**_COMMON, "serial": SerialSettings, "reply_terminator": bytes},
            ("request_weight", "parse_reply"),
        ),
        "printer_transport": AdapterSpec(
            "printer_transport",
            PrinterTransport,
            "station_register_printer_transports",
            _COMMON,
            ("send",),
        ),
        "sandbox": AdapterSpec(
            "sandbox",
            Sandbox,
            "station_register_sandboxes",
            {"name": str, "title": str, "serves": str},
            ("start",),
        ),
    }
)


_ADAPTER_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def adapter_problem(kind: AdapterKind, adapter: Any) -> str | None:
    """Why ``adapter`` cannot be registered as a ``kind`` adapter, or ``None`` if it can.

    This is the check the host runs on everything passed to ``register()``; plugin tests can
    call it too: ``assert adapter_problem("carrier", MyCarrier()) is None``.
    """
    spec = ADAPTER_SPECS[kind]
    label = kind.replace("_", " ")
    if isinstance(adapter, type):
        return (
            f"{label} {adapter.__name__}: register() needs an instance; call register({adapter.__name__}())"
        )
    shown = getattr(adapter, "name", None)
    who = f"{label} {shown!r}" if isinstance(shown, str) else f"{label} {type(adapter).__name__}"
    for attr, expected in spec.attributes.items():
        value = getattr(adapter, attr, None)
        if not isinstance(value, expected):
            wanted = (
                expected.__name__ if isinstance(expected, type) else " or ".join(t.__name__ for t in expected)
            )
            return f"{who}: attribute {attr!r} must be {wanted}, got {type(value).__name__}"
    name: str = adapter.name
    if not _ADAPTER_NAME.match(name):
        return f"{who}: name must be lowercase letters, digits, '-' or '_' (at most 64), e.g. 'chilexpress'"
    schema: SettingsSchema | None = getattr(adapter, "settings_schema", None) if "settings_schema" in spec.attributes else None
    if schema is not None and schema.name != name:
        return f"{who}: settings_schema.name is {schema.name!r}; it must equal the adapter name"
    missing = [m for m in spec.methods if not callable(getattr(adapter, m, None))]
    if missing:
        return f"{who}: missing method(s) {', '.join(missing)} required by {spec.protocol.__name__}"
    return None
