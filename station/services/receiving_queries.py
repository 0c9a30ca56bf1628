"""What the receiving and putaway screens read and do, one unit of work per user action.

Thin wrappers around `station.services.receiving` and `station.services.putaway` for the station's
warehouse (``warehouse_code`` from the settings; empty: the first warehouse): the open purchase
orders to receive, an order opened by its number, mapping or creating a SKU for an unknown barcode,
booking the receipt onto the dock, the putaway work list and a bin scan. Every function returns
plain data (dataclasses), never ORM objects, so the UI can hold the results on its thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.engine import Database
from station.db.models import (
    Barcode,
    Location,
    LocationKind,
    PurchaseOrder,
    PurchaseOrderLine,
    StockQuant,
    Tenant,
    Variant,
    Warehouse,
)
from station.domain.gs1 import InvalidScan, classify_scan
from station.services.putaway import PutawayError, confirm_putaway, pending_putaway, suggest_bin
from station.services.receiving import (
    RECEIVABLE,
    ReceiptLine,
    ReceiptResult,
    ReceivingError,
    ReceivingSession,
    commit_receipt,
    create_sku,
    load_receipt,
    map_barcode,
)
from station.services.stock import Actor

PUTAWAY_KINDS = (LocationKind.STORAGE, LocationKind.PICK_FACE)


@dataclass(frozen=True)
class StationWarehouse:
    id: int
    code: str
    name: str
    dock_id: int | None  # where receipts are booked: the warehouse's first dock
    dock_code: str


@dataclass(frozen=True)
class OpenPurchaseOrder:
    id: int
    tenant_id: int
    number: str
    client: str
    supplier: str
    status: str  # "ordered" or "partially_received"
    expected_at: datetime | None
    lines: int
    units_ordered: int
    units_received: int

    @property
    def units_open(self) -> int:
        return max(self.units_ordered - self.units_received, 0)


def station_warehouse(session: Session, warehouse_code: str = "") -> StationWarehouse:
    """The warehouse this station works in, and its dock."""
    query = select(Warehouse).order_by(Warehouse.id)
    if warehouse_code:
        query = query.where(Warehouse.code == warehouse_code)
    warehouse = session.scalars(query.limit(1)).first()
    if warehouse is None:
        raise ReceivingError(f"No warehouse {warehouse_code!r}" if warehouse_code else "No warehouse yet")
    dock = session.scalars(
        select(Location)
        .where(Location.warehouse_id == warehouse.id, Location.kind == LocationKind.DOCK, Location.active.is_(True))
        .order_by(Location.id)
        .limit(1)
    ).first()
    return StationWarehouse(
        warehouse.id, warehouse.code, warehouse.name, dock.id if dock else None, dock.code if dock else ""
    )


def open_purchase_orders(session: Session, warehouse_id: int) -> list[OpenPurchaseOrder]:
    """Orders of the warehouse still to receive (ordered or partially received), oldest expected first."""
    order = (
        PurchaseOrder.id,
        PurchaseOrder.tenant_id,
        PurchaseOrder.number,
        Tenant.name,
        PurchaseOrder.supplier,
        PurchaseOrder.status,
        PurchaseOrder.expected_at,
    )
    rows = session.execute(
        select(
            *order,
            func.count(PurchaseOrderLine.id),
            func.coalesce(func.sum(PurchaseOrderLine.quantity_ordered), 0),
            func.coalesce(func.sum(PurchaseOrderLine.quantity_received), 0),
        )
        .join(Tenant, Tenant.id == PurchaseOrder.tenant_id)
        .outerjoin(PurchaseOrderLine, PurchaseOrderLine.purchase_order_id == PurchaseOrder.id)
        .where(PurchaseOrder.warehouse_id == warehouse_id, PurchaseOrder.status.in_(list(RECEIVABLE)))
        .group_by(*order)
        .order_by(PurchaseOrder.expected_at.is_(None), PurchaseOrder.expected_at, PurchaseOrder.number)
    ).all()
    return [
        OpenPurchaseOrder(
            id_, tenant, number, client, supplier, status.value, expected, lines, int(ordered), int(received)
        )
        for id_, tenant, number, client, supplier, status, expected, lines, ordered, received in rows
    ]


def open_receipt(session: Session, number: str, warehouse_id: int) -> ReceivingSession:
    """A purchase order of this warehouse opened for receiving, by its number (as scanned or typed).

    Two clients may use the same number: then the refusal says so and the list must be used.
    """
    wanted = number.strip()
    if not wanted:
        raise ReceivingError("Scan or type a purchase order number")
    candidates = session.execute(
        select(PurchaseOrder.tenant_id, PurchaseOrder.warehouse_id, PurchaseOrder.status)
        .where(func.upper(PurchaseOrder.number) == wanted.upper())
        .order_by(PurchaseOrder.id)
    ).all()
    if not candidates:
        raise ReceivingError(f"No purchase order {wanted}")
    here = [row for row in candidates if row.warehouse_id == warehouse_id]
    if not here:
        raise ReceivingError(f"Purchase order {wanted} belongs to another warehouse")
    receivable = [row for row in here if row.status in RECEIVABLE] or here
    if len(receivable) > 1:
        raise ReceivingError(f"{len(receivable)} clients have a purchase order {wanted}; choose it in the list")
    stored = session.scalar(
        select(PurchaseOrder.number).where(
            func.upper(PurchaseOrder.number) == wanted.upper(), PurchaseOrder.tenant_id == receivable[0].tenant_id
        )
    )
    return load_receipt(session, stored or wanted, tenant_id=receivable[0].tenant_id)


def open_receipt_by_id(session: Session, purchase_order_id: int) -> ReceivingSession:
    order = session.get(PurchaseOrder, purchase_order_id)
    if order is None:
        raise ReceivingError(f"No purchase order with id {purchase_order_id}")
    return load_receipt(session, order.number, tenant_id=order.tenant_id)


# -- jobs for the database lane: one unit of work each ------------------------------------------------


def list_open_orders(database: Database, warehouse_code: str) -> tuple[StationWarehouse, list[OpenPurchaseOrder]]:
    with database.unit_of_work() as uow:
        warehouse = station_warehouse(uow.session, warehouse_code)
        return warehouse, open_purchase_orders(uow.session, warehouse.id)


def load_order(database: Database, number: str, warehouse_id: int) -> ReceivingSession:
    with database.unit_of_work() as uow:
        return open_receipt(uow.session, number, warehouse_id)


def load_order_by_id(database: Database, purchase_order_id: int) -> ReceivingSession:
    with database.unit_of_work() as uow:
        return open_receipt_by_id(uow.session, purchase_order_id)


def map_code(database: Database, receiving: ReceivingSession, code: str, sku: str) -> ReceiptLine:
    """Teach the catalogue that ``code`` means ``sku`` (committed at once), and attach it to the receipt."""
    with database.unit_of_work() as uow:
        line = map_barcode(uow.session, receiving, code, sku)
        uow.commit()
        return line


def create_code_sku(database: Database, receiving: ReceivingSession, code: str, sku: str, name: str) -> ReceiptLine:
    """A new product and SKU with ``code`` as its barcode (committed at once), attached to the receipt."""
    sku, name = sku.strip(), name.strip()
    if not sku or not name:
        raise ReceivingError("A new SKU needs both a SKU code and a name")
    with database.unit_of_work() as uow:
        line = create_sku(uow.session, receiving, code, sku, name)
        uow.commit()
        return line


def book_receipt(database: Database, receiving: ReceivingSession, dock_id: int, actor: Actor) -> ReceiptResult:
    """Every scanned unit onto the dock, the order's lines and status: one transaction, all or nothing."""
    with database.unit_of_work() as uow:
        result = commit_receipt(uow.session, receiving, dock_id, actor)
        uow.commit()
        return result


# -- putaway -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PutawayItem:
    """Units of one SKU (and lot) waiting on a dock, with the suggested bin and the rule behind it."""

    dock_id: int
    dock_code: str
    variant_id: int
    sku: str
    name: str
    lot_id: int | None
    lot_code: str | None
    quantity: int
    bin_code: str  # the suggestion; empty when no bin has room
    reason: str  # why that bin (or why none), as `suggest_bin` says it
    codes: frozenset[str] = field(default_factory=frozenset)  # SKU and barcodes, upper case
    rule: str = ""  # which rule chose the bin (see `suggestion_rule`); "" when none fits
    aisle: str = ""  # the aisle prefix of the "category aisle" rule

    def matches(self, scan: str) -> bool:
        return bool(scan_keys(scan) & self.codes)


RULE_PICK_FACE, RULE_CONSOLIDATE, RULE_AISLE, RULE_NEAREST = "pick_face", "consolidate", "aisle", "nearest"


def suggestion_rule(reason: str) -> tuple[str, str]:
    """The rule behind a `suggest_bin` reason, and its aisle prefix, so a screen can say it in its
    own language: ("aisle", "F-") for "nearest bin with room in F- (category alimentos)"."""
    if reason.startswith("pick face of "):
        return RULE_PICK_FACE, ""
    if reason.startswith("consolidate:"):
        return RULE_CONSOLIDATE, ""
    if reason.startswith("nearest bin with room in "):
        return RULE_AISLE, reason.removeprefix("nearest bin with room in ").split(" ", 1)[0]
    if reason == "nearest bin with room":
        return RULE_NEAREST, ""
    return "", ""


def scan_keys(scan: str) -> set[str]:
    """What a scan may mean as an item: the text itself and, for EAN/UPC/GS1, every GTIN form."""
    text = scan.strip().upper()
    try:
        classified = classify_scan(scan)
    except InvalidScan:
        return {text}
    return {text, classified.code.upper(), *(key.upper() for key in classified.keys)}


def putaway_items(session: Session, warehouse_id: int) -> list[PutawayItem]:
    """Everything on the warehouse's docks, by SKU and lot, each with its suggested bin."""
    docks = session.execute(
        select(Location.id, Location.code)
        .where(Location.warehouse_id == warehouse_id, Location.kind == LocationKind.DOCK)
        .order_by(Location.code)
    ).all()
    items: list[PutawayItem] = []
    for dock_id, dock_code in docks:
        tasks = pending_putaway(session, dock_id)
        variant_ids = {task.variant_id for task in tasks}
        names = dict(session.execute(select(Variant.id, Variant.name).where(Variant.id.in_(variant_ids))).all())
        codes: dict[int, set[str]] = {}
        for variant_id, code in session.execute(
            select(Barcode.variant_id, Barcode.code).where(Barcode.variant_id.in_(variant_ids))
        ):
            codes.setdefault(variant_id, set()).add(code.upper())
        for task in tasks:
            suggestion = task.suggestion
            rule, aisle = suggestion_rule(suggestion.reason) if suggestion else ("", "")
            items.append(
                PutawayItem(
                    dock_id,
                    dock_code,
                    task.variant_id,
                    task.sku,
                    names.get(task.variant_id, ""),
                    task.lot_id,
                    task.lot_code,
                    task.quantity,
                    suggestion.location_code if suggestion else "",
                    suggestion.reason if suggestion else task.problem,
                    frozenset({task.sku.upper(), *codes.get(task.variant_id, set())}),
                    rule,
                    aisle,
                )
            )
    return items


def list_putaway(database: Database, warehouse_code: str) -> tuple[StationWarehouse, list[PutawayItem]]:
    with database.unit_of_work() as uow:
        warehouse = station_warehouse(uow.session, warehouse_code)
        return warehouse, putaway_items(uow.session, warehouse.id)


@dataclass(frozen=True)
class PutawayDone:
    sku: str
    quantity: int
    lot_code: str | None
    bin_code: str
    suggested: str  # the bin suggested at the time of the scan
    reason: str


def put_away(session: Session, item: PutawayItem, scanned_bin: str, actor: Actor) -> PutawayDone:
    """Move ``item`` from its dock to the scanned bin: the suggestion, or any other active storage or
    pick-face bin of the warehouse with room. A code that is no such bin is refused, naming it."""
    code = scanned_bin.strip()
    dock = session.get(Location, item.dock_id)
    if dock is None:
        raise PutawayError(f"No dock with id {item.dock_id}")
    target = session.scalars(
        select(Location).where(Location.warehouse_id == dock.warehouse_id, func.upper(Location.code) == code.upper())
    ).first()
    if target is None:
        raise PutawayError(f"{code} is not a bin of this warehouse")
    if not target.active:
        raise PutawayError(f"Bin {target.code} is inactive")
    if target.kind not in PUTAWAY_KINDS:
        raise PutawayError(f"{target.code} is a {target.kind.value.replace('_', ' ')} location, not a storage bin")
    try:
        suggestion = suggest_bin(session, item.variant_id, item.quantity, dock.warehouse_id, dock_location_id=dock.id)
        suggested, reason = suggestion.location_code, suggestion.reason
    except PutawayError as exc:  # no bin has room by the rules; the one scanned may still do
        suggested, reason = "", str(exc)
    if target.code != suggested and target.capacity is not None:
        held = session.scalar(
            select(func.coalesce(func.sum(StockQuant.on_hand), 0)).where(StockQuant.location_id == target.id)
        )
        room = target.capacity - int(held or 0)
        if room < item.quantity:
            raise PutawayError(f"Bin {target.code} has room for {max(room, 0)}, not {item.quantity} × {item.sku}")
    confirm_putaway(
        session, item.variant_id, item.lot_id, dock.id, target.code, item.quantity, actor, expected_bin=target.code
    )
    return PutawayDone(item.sku, item.quantity, item.lot_code, target.code, suggested, reason)


def confirm_item(database: Database, item: PutawayItem, scanned_bin: str, actor: Actor) -> PutawayDone:
    with database.unit_of_work() as uow:
        done = put_away(uow.session, item, scanned_bin, actor)
        uow.commit()
        return done
