"""The station plugin API: everything a plugin may import. Standard library only.

Versioning: ``API_VERSION`` is ``"MAJOR.MINOR"``. Minor versions only add (hooks, optional
fields, adapter methods the host probes for); major versions may remove or change. Declare what
your plugin needs with a module attribute ``STATION_API_VERSION = "1.0"``.

Modules: :mod:`.hookspecs` (the hooks), :mod:`.adapters` (what you register and the context
you get), :mod:`.errors`, and the value types re-exported here.
"""

from station.api.adapters import (
    ADAPTER_SPECS,
    AdapterContext,
    AdapterKind,
    AdapterSpec,
    Carrier,
    Marketplace,
    PaymentGateway,
    PrinterTransport,
    Sandbox,
    SandboxSession,
    ScaleProtocol,
    adapter_problem,
)
from station.api.devices import (
    CONTENT_TYPE_EPL,
    CONTENT_TYPE_PDF,
    CONTENT_TYPE_TEXT,
    CONTENT_TYPE_ZPL,
    PrintJob,
    ScaleReading,
    ScaleState,
    SerialSettings,
)
from station.api.errors import (
    AuthenticationError,
    CarrierError,
    DeviceError,
    MarketplaceError,
    NotSupportedError,
    PaymentError,
    RateLimited,
    StationPluginError,
    TemporaryError,
)
from station.api.events import CreatedShipment, PackedLine, PackedOrder, StockChange
from station.api.markers import PROJECT_NAME, hookimpl
from station.api.marketplace import ChannelOrder, ChannelOrderLine, StockPushResult, StockUpdate
from station.api.money import Money
from station.api.payments import PaymentIntent, PaymentStatus, Refund, RefundStatus
from station.api.settings import SettingField, SettingsSchema
from station.api.shipping import (
    Address,
    Label,
    LabelFormat,
    LabelRequest,
    Parcel,
    Rate,
    RateRequest,
    TrackingEvent,
    TrackingStatus,
)
from station.api.version import API_VERSION, API_VERSION_INFO, api_incompatibility, parse_api_version

__all__ = [
    "ADAPTER_SPECS",
    "API_VERSION",
    "API_VERSION_INFO",
    "CONTENT_TYPE_EPL",
    "CONTENT_TYPE_PDF",
    "CONTENT_TYPE_TEXT",
    "CONTENT_TYPE_ZPL",
    "PROJECT_NAME",
    "Address",
    "AdapterContext",
    "AdapterKind",
    "Sandbox",
    "SandboxSession",
    "AdapterSpec",
    "AuthenticationError",
    "Carrier",
    "CarrierError",
    "ChannelOrder",
    "ChannelOrderLine",
    "CreatedShipment",
    "DeviceError",
    "Label",
    "LabelFormat",
    "LabelRequest",
    "Marketplace",
    "MarketplaceError",
    "Money",
    "NotSupportedError",
    "PackedLine",
    "PackedOrder",
    "Parcel",
    "PaymentError",
    "PaymentGateway",
    "PaymentIntent",
    "PaymentStatus",
    "PrintJob",
    "PrinterTransport",
    "Rate",
    "RateLimited",
    "RateRequest",
    "Refund",
    "RefundStatus",
    "ScaleProtocol",
    "ScaleReading",
    "ScaleState",
    "SerialSettings",
    "SettingField",
    "SettingsSchema",
    "StationPluginError",
    "StockChange",
    "StockPushResult",
    "StockUpdate",
    "TemporaryError",
    "TrackingEvent",
    "TrackingStatus",
    "adapter_problem",
    "api_incompatibility",
    "hookimpl",
    "parse_api_version",
]
