"""Read-only: where a scanned SKU (or its barcode) sits, or what a scanned bin holds.

`stock_at` answers the Inventory page's "By location" tab. One scan decides the question:

- a SKU or one of its barcodes (EAN/UPC, a GS1-128 carrying its GTIN) → every location and lot that
  holds it, with the SKU's totals per warehouse (on hand, reserved, available and held units);
- a bin code → every SKU and lot in that bin.

Reservations are kept per SKU and warehouse, not per bin, so reserved and available are warehouse
totals; a location row says how many units sit there and whether they can be sold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from station.db.models import Barcode, Location, LocationKind, Lot, StockLevel, StockQuant, Tenant, Variant, Warehouse
from station.domain.gs1 import InvalidScan, ScanKind, classify_scan
from station.domain.stock import available
from station.services.location_labels import natural_key
from station.services.stock import SELLABLE_KINDS
from station.services.stock_queries import StockQueryError, find_variant


class LocationQueryError(LookupError):
    """The scan names no SKU, barcode or bin (the message names it and suggests close SKUs)."""


class Only(StrEnum):
    """Which units to show."""

    ALL = "all"
    HELD = "held"  # quarantine and returns: units that wait for inspection
    EXPIRED = "expired"  # lots past their expiry date


@dataclass(frozen=True)
class LocationFilter:
    warehouse: str | None = None  # a warehouse code; None: every warehouse
    hide_empty: bool = True  # leave out quants at 0 (a bin the SKU was in)
    only: Only = Only.ALL
    today: date | None = None  # what "expired" is measured against; None: today


@dataclass(frozen=True)
class PlaceRow:
    """Units of one SKU and lot at one location."""

    warehouse: str
    location: str
    location_kind: str
    sku: str
    name: str
    lot: str | None
    expires_on: date | None
    on_hand: int
    sellable: bool
    expired: bool


@dataclass(frozen=True)
class WarehouseLevel:
    """A SKU's totals in one warehouse: sellable on hand, reserved, available; held units apart."""

    warehouse: str
    on_hand: int
    reserved: int
    available: int
    held: int


@dataclass(frozen=True)
class LocationAnswer:
    """What a scan found: a SKU's places (`kind == "sku"`) or a bin's contents (`kind == "bin"`)."""

    kind: str  # "sku" or "bin"
    code: str  # the SKU or bin code as stored
    name: str  # the SKU's name; for a bin, its warehouse code(s)
    tenant: str = ""
    location_kind: str = ""  # for a bin: storage, quarantine …
    rows: list[PlaceRow] = field(default_factory=list)
    levels: list[WarehouseLevel] = field(default_factory=list)  # for a SKU

    @property
    def units(self) -> int:
        return sum(row.on_hand for row in self.rows)


def stock_at(session: Session, scan: str, filters: LocationFilter | None = None) -> LocationAnswer:
    """The SKU, barcode or bin `scan` names, with the quants the filters keep."""
    filters = filters or LocationFilter()
    text = scan.strip()
    if not text:
        raise LocationQueryError("Scan or type a SKU, a barcode or a bin code")
    warehouse_id = _warehouse_id(session, filters.warehouse)
    variant = variant_for_scan(session, text)
    if variant is not None:
        return _sku_answer(session, variant, warehouse_id, filters)
    bins = _bins(session, text, warehouse_id)
    if bins:
        return _bin_answer(session, bins, filters)
    try:
        find_variant(session, text)
    except StockQueryError as exc:  # names close SKUs
        message = str(exc).replace(f"No SKU '{text}'", f"No SKU, barcode or bin '{text}'", 1)
        try:
            classify_scan(text)
        except InvalidScan as unreadable:  # e.g. an EAN-13 with a wrong check digit: say so
            message += f" (as a barcode: {unreadable})"
        if filters.warehouse:
            message += f" (looked for bins in {filters.warehouse})"
        raise LocationQueryError(message) from exc
    raise LocationQueryError(f"No SKU, barcode or bin '{text}'")  # pragma: no cover - find_variant found it above


def warehouse_codes(session: Session) -> list[str]:
    return list(session.scalars(select(Warehouse.code).order_by(Warehouse.code)))


# -- internals ---------------------------------------------------------------------------------------


def _warehouse_id(session: Session, code: str | None) -> int | None:
    if not code:
        return None
    found = session.scalar(select(Warehouse.id).where(func.upper(Warehouse.code) == code.strip().upper()))
    if found is None:
        raise LocationQueryError(f"No warehouse '{code}'")
    return found


def variant_for_scan(session: Session, text: str) -> Variant | None:
    """The SKU itself, else the SKU whose barcode this is (a GS1 scan by its GTIN in any length)."""
    try:
        return find_variant(session, text)
    except StockQueryError as exc:
        if "several tenants" in str(exc):
            raise LocationQueryError(str(exc).replace("; pass --tenant", "")) from exc
    try:
        classified = classify_scan(text)
    except InvalidScan:
        return None  # not a barcode (a bin code, or digits with a wrong check digit)
    keys = list(classified.keys) if classified.kind is ScanKind.GS1 else [classified.code, *classified.keys]
    for key in keys:
        variant = session.scalars(
            select(Variant).join(Barcode, Barcode.variant_id == Variant.id).where(Barcode.code == key)
        ).first()
        if variant is not None:
            return variant
    return None


def _bins(session: Session, text: str, warehouse_id: int | None) -> list[Location]:
    query = select(Location).where(func.upper(Location.code) == text.upper())
    if warehouse_id is not None:
        query = query.where(Location.warehouse_id == warehouse_id)
    return list(session.scalars(query.order_by(Location.warehouse_id)))


def _quant_query(filters: LocationFilter) -> Select:
    query = (
        select(
            Warehouse.code,
            Location.code,
            Location.kind,
            Variant.sku,
            Variant.name,
            Lot.code,
            Lot.expires_on,
            StockQuant.on_hand,
        )
        .select_from(StockQuant)
        .join(Location, Location.id == StockQuant.location_id)
        .join(Warehouse, Warehouse.id == Location.warehouse_id)
        .join(Variant, Variant.id == StockQuant.variant_id)
        .outerjoin(Lot, Lot.id == StockQuant.lot_id)
    )
    if filters.hide_empty:
        query = query.where(StockQuant.on_hand > 0)
    if filters.only is Only.HELD:
        query = query.where(Location.kind.in_((LocationKind.QUARANTINE, LocationKind.RETURNS)))
    elif filters.only is Only.EXPIRED:
        query = query.where(Lot.expires_on < (filters.today or date.today()))
    return query


def _rows(session: Session, query: Select, today: date) -> list[PlaceRow]:
    return [
        PlaceRow(
            warehouse=warehouse,
            location=location,
            location_kind=kind.value,
            sku=sku,
            name=name,
            lot=lot,
            expires_on=expires_on,
            on_hand=on_hand,
            sellable=kind in SELLABLE_KINDS,
            expired=expires_on is not None and expires_on < today,
        )
        for warehouse, location, kind, sku, name, lot, expires_on, on_hand in session.execute(query)
    ]


def _sku_answer(
    session: Session, variant: Variant, warehouse_id: int | None, filters: LocationFilter
) -> LocationAnswer:
    query = _quant_query(filters).where(StockQuant.variant_id == variant.id)
    if warehouse_id is not None:
        query = query.where(Location.warehouse_id == warehouse_id)
    today = filters.today or date.today()
    rows = sorted(
        _rows(session, query, today),
        key=lambda r: (r.warehouse, natural_key(r.location), r.expires_on or date.max, r.lot or ""),
    )
    levels_query = (
        select(Warehouse.code, StockLevel.on_hand, StockLevel.reserved)
        .join(Warehouse, Warehouse.id == StockLevel.warehouse_id)
        .where(StockLevel.variant_id == variant.id)
        .order_by(Warehouse.code)
    )
    if warehouse_id is not None:
        levels_query = levels_query.where(StockLevel.warehouse_id == warehouse_id)
    held = _held_per_warehouse(session, variant.id, warehouse_id)
    levels = [
        WarehouseLevel(code, on_hand, reserved, available(on_hand, reserved), held.pop(code, 0))
        for code, on_hand, reserved in session.execute(levels_query)
    ]
    levels += [WarehouseLevel(code, 0, 0, 0, units) for code, units in sorted(held.items())]
    tenant = session.scalar(select(Tenant.code).where(Tenant.id == variant.tenant_id)) or ""
    return LocationAnswer("sku", variant.sku, variant.name, tenant, rows=rows, levels=levels)


def _held_per_warehouse(session: Session, variant_id: int, warehouse_id: int | None) -> dict[str, int]:
    """Units in quarantine and returns per warehouse (whatever the filters show)."""
    query = (
        select(Warehouse.code, func.sum(StockQuant.on_hand))
        .join(Location, Location.id == StockQuant.location_id)
        .join(Warehouse, Warehouse.id == Location.warehouse_id)
        .where(StockQuant.variant_id == variant_id, Location.kind.not_in(SELLABLE_KINDS), StockQuant.on_hand > 0)
        .group_by(Warehouse.code)
    )
    if warehouse_id is not None:
        query = query.where(Location.warehouse_id == warehouse_id)
    return {code: int(units) for code, units in session.execute(query)}


def _bin_answer(session: Session, bins: list[Location], filters: LocationFilter) -> LocationAnswer:
    query = _quant_query(filters).where(StockQuant.location_id.in_([b.id for b in bins]))
    today = filters.today or date.today()
    rows = sorted(
        _rows(session, query, today), key=lambda r: (r.warehouse, r.sku, r.expires_on or date.max, r.lot or "")
    )
    warehouses = {
        w.id: w.code for w in session.scalars(select(Warehouse).where(Warehouse.id.in_({b.warehouse_id for b in bins})))
    }
    where = ", ".join(warehouses[b.warehouse_id] for b in bins)
    return LocationAnswer("bin", bins[0].code, where, rows=rows, location_kind=bins[0].kind.value)
