"""The data model of DESIGN §3, one module per family; import everything from here."""

from station.db.models.catalog import Barcode, Lot, Product, SerialNumber, Symbology, Tracking, Variant
from station.db.models.channels import Channel, Listing, ListingStatus, OutboxMessage, OutboxStatus
from station.db.models.fulfilment import (
    Package,
    PackageType,
    Picklist,
    PicklistLine,
    PicklistStatus,
    Return,
    ReturnLine,
    ReturnStatus,
    Shipment,
    ShipmentStatus,
    TrackingEvent,
    Wave,
)
from station.db.models.orders import Order, OrderLine, Payment, PaymentStatus, Refund, RefundStatus
from station.db.models.replenishment import StockThreshold
from station.db.models.stock import (
    CycleCount,
    CycleCountLine,
    CycleCountStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    Reservation,
    ReservationStatus,
    StockLevel,
    StockMove,
    StockQuant,
)
from station.db.models.tenancy import AuditEntry, Role, Tenant, User
from station.db.models.warehouse import Location, LocationKind, Warehouse

__all__ = [
    "AuditEntry", "Barcode", "Channel", "CycleCount", "CycleCountLine", "CycleCountStatus", "Listing",
    "ListingStatus", "Location", "LocationKind", "Lot", "Order", "OrderLine", "OutboxMessage", "OutboxStatus",
    "Package", "PackageType", "Payment", "PaymentStatus", "Picklist", "PicklistLine", "PicklistStatus", "Product",
    "PurchaseOrder", "PurchaseOrderLine", "PurchaseOrderStatus", "Refund", "RefundStatus", "Reservation",
    "ReservationStatus", "Return", "ReturnLine", "ReturnStatus", "Role", "SerialNumber", "Shipment",
    "ShipmentStatus", "StockLevel", "StockMove", "StockQuant", "StockThreshold", "Symbology", "Tenant", "TrackingEvent",
    "Tracking", "User", "Variant", "Warehouse", "Wave",
]
