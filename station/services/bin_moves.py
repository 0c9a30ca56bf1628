"""Moving stock from one bin to another in the same warehouse, and the look-ups that scans need.

`move_stock` is one user action: the caller commits. Codes are read as typed or scanned (bins and
SKUs ignore case; an item may be scanned by any of its barcodes). A lot-tracked SKU moved without a
lot takes the bin's lots first to expire first (FEFO), one ledger row per lot. Serial-tracked units
move one ledger row per unit naming its serial, and the serial numbers' locations follow (the
lowest serials at the source bin, as no serial was scanned).
Every refusal names the SKU, bin, lot or warehouse it is about, before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import (
    Barcode,
    Location,
    LocationKind,
    Lot,
    SerialNumber,
    StockQuant,
    Tenant,
    Tracking,
    Variant,
    Warehouse,
)
from station.domain.stock import InsufficientStock, InvalidQuantity, MoveKind, check_quantity
from station.services.stock import Actor, StockError, StockLedger, sellable
from station.services.stock_queries import StockQueryError, find_variant

# Units may be moved into or out of these by hand; transit is reached only through a transfer.
HANDLED_KINDS = frozenset(set(LocationKind) - {LocationKind.TRANSIT})


class MoveError(ValueError):
    """A move or transfer that cannot be done as asked; the message names what is wrong and where."""


@dataclass(frozen=True)
class BinInfo:
    warehouse: str
    code: str
    kind: str


@dataclass(frozen=True)
class ItemInfo:
    tenant_id: int
    variant_id: int
    sku: str
    name: str
    tracking: str


@dataclass(frozen=True)
class MoveResult:
    sku: str
    from_bin: str
    to_bin: str
    quantity: int
    lots: tuple[str, ...] = ()


def quantity_of(value: object, what: str) -> int:
    try:
        return check_quantity(value)  # type: ignore[arg-type]
    except InvalidQuantity as exc:
        raise MoveError(f"{what}: {exc}") from exc


def warehouse_by_code(session: Session, code: str) -> Warehouse:
    warehouse = session.scalars(select(Warehouse).where(func.upper(Warehouse.code) == code.strip().upper())).first()
    if warehouse is None:
        known = ", ".join(session.scalars(select(Warehouse.code).order_by(Warehouse.code)))
        raise MoveError(f"No warehouse {code.strip()!r} (warehouses: {known or 'none'})")
    return warehouse


def bin_by_code(session: Session, code: str, warehouse: Warehouse | None = None) -> Location:
    """The bin with `code` in `warehouse`, or anywhere when it is unique across warehouses."""
    wanted = code.strip().upper()
    if not wanted:
        raise MoveError("Empty bin code")
    found = session.execute(
        select(Location, Warehouse.code)
        .join(Warehouse, Warehouse.id == Location.warehouse_id)
        .where(func.upper(Location.code) == wanted)
        .order_by(Warehouse.code)
    ).all()
    if warehouse is not None:
        here = [location for location, _ in found if location.warehouse_id == warehouse.id]
        if here:
            return _usable(here[0], warehouse.code)
        elsewhere = ", ".join(wh for _, wh in found)
        hint = f" (it is in {elsewhere})" if elsewhere else ""
        raise MoveError(f"No bin {code.strip()} in warehouse {warehouse.code}{hint}")
    if not found:
        raise MoveError(f"No bin {code.strip()} in any warehouse")
    if len(found) > 1:
        raise MoveError(f"Bin {code.strip()} exists in {', '.join(wh for _, wh in found)}; say which warehouse")
    return _usable(found[0][0], found[0][1])


def _usable(location: Location, warehouse_code: str) -> Location:
    if not location.active:
        raise MoveError(f"Bin {location.code} in {warehouse_code} is inactive")
    return location


def item_by_code(session: Session, code: str, *, tenant_id: int | None = None) -> Variant:
    """The SKU scanned or typed: its SKU code (any case) or one of its barcodes; `tenant_id` keeps to
    one client's SKUs (3PL: two clients may use the same code)."""
    text = code.strip()
    if not text:
        raise MoveError("Empty item code")
    query = select(Variant).join(Barcode, Barcode.variant_id == Variant.id).where(Barcode.code == text)
    if tenant_id is not None:
        query = query.where(Variant.tenant_id == tenant_id)
    by_barcode = session.scalars(query).all()
    if len(by_barcode) == 1:
        return by_barcode[0]
    tenant = session.scalar(select(Tenant.code).where(Tenant.id == tenant_id)) if tenant_id is not None else None
    try:
        return find_variant(session, text, tenant=tenant)
    except StockQueryError as exc:
        if by_barcode:
            raise MoveError(f"Barcode {text} belongs to several clients' SKUs; type the SKU") from exc
        raise MoveError(str(exc).replace("; pass --tenant", "; say which client")) from exc


def describe_bin(session: Session, location: Location) -> BinInfo:
    warehouse_code = session.scalar(select(Warehouse.code).where(Warehouse.id == location.warehouse_id)) or ""
    return BinInfo(warehouse_code, location.code, location.kind.value)


def describe_item(variant: Variant) -> ItemInfo:
    return ItemInfo(variant.tenant_id, variant.id, variant.sku, variant.name, variant.product.tracking.value)


def lot_by_code(session: Session, variant: Variant, lot: str) -> Lot:
    found = session.scalars(select(Lot).where(Lot.variant_id == variant.id, Lot.code == lot.strip())).first()
    if found is None:
        raise MoveError(f"{variant.sku}: no lot {lot.strip()!r}")
    return found


def units_at(
    session: Session, variant_id: int, location_id: int, lot_id: int | None = None, *, any_lot: bool = False
) -> int:
    query = select(func.coalesce(func.sum(StockQuant.on_hand), 0)).where(
        StockQuant.variant_id == variant_id, StockQuant.location_id == location_id
    )
    if not any_lot:
        query = query.where(StockQuant.lot_id.is_(None) if lot_id is None else StockQuant.lot_id == lot_id)
    return int(session.scalar(query) or 0)


def split_by_lot(
    session: Session, variant: Variant, source: Location, quantity: int, lot: str | None
) -> list[tuple[int | None, str | None, int]]:
    """(lot id, lot code, units) to take `quantity` of a SKU from a bin: the named lot, or the bin's
    lots first to expire first; raises when the bin holds too few."""
    if lot:
        chosen = lot_by_code(session, variant, lot)
        held = units_at(session, variant.id, source.id, chosen.id)
        if held < quantity:
            raise MoveError(f"Only {held} of {variant.sku} lot {chosen.code} at {source.code}; {quantity} requested")
        return [(chosen.id, chosen.code, quantity)]
    if variant.product.tracking is not Tracking.LOT:
        held = units_at(session, variant.id, source.id)
        if held < quantity:
            raise MoveError(f"Only {held} of {variant.sku} at {source.code}; {quantity} requested")
        return [(None, None, quantity)]
    quants = session.execute(
        select(StockQuant.lot_id, Lot.code, StockQuant.on_hand)
        .outerjoin(Lot, Lot.id == StockQuant.lot_id)
        .where(StockQuant.variant_id == variant.id, StockQuant.location_id == source.id, StockQuant.on_hand > 0)
        .order_by(func.coalesce(Lot.expires_on, date.max), Lot.code)
    ).all()
    held = sum(units for *_, units in quants)
    if held < quantity:
        raise MoveError(f"Only {held} of {variant.sku} at {source.code}; {quantity} requested")
    parts, left = [], quantity
    for lot_id, code, units in quants:
        take = min(units, left)
        parts.append((lot_id, code, take))
        left -= take
        if not left:
            break
    return parts


def move_units(
    ledger: StockLedger,
    variant: Variant,
    source: Location,
    target: Location,
    quantity: int,
    *,
    lot_id: int | None = None,
    reference: str = "",
) -> None:
    """Ledger move(s) of kind `transfer`. Serial-tracked units move one row per unit naming its
    serial, and each serial number's location follows (the lowest serials at the source, as none
    was scanned); units without a serial record there move in one row."""
    serials: list[SerialNumber] = []
    if variant.product.tracking is Tracking.SERIAL:
        serials = list(
            ledger.session.scalars(
                select(SerialNumber)
                .where(SerialNumber.variant_id == variant.id, SerialNumber.location_id == source.id)
                .order_by(SerialNumber.serial)
                .limit(quantity)
            )
        )
    for unit in serials:
        ledger.move(
            variant.id, source.id, target.id, 1, lot_id=lot_id, kind=MoveKind.TRANSFER, reference=reference,
            serial_id=unit.id,
        )  # fmt: skip
        unit.location_id = target.id
    if quantity > len(serials):
        ledger.move(
            variant.id, source.id, target.id, quantity - len(serials), lot_id=lot_id, kind=MoveKind.TRANSFER,
            reference=reference,
        )  # fmt: skip


def ledger_error(exc: Exception) -> MoveError:
    """The ledger's refusal, as a MoveError with its message."""
    if isinstance(exc, InsufficientStock):
        where = f" at {exc.location}" if exc.location else " free to move (the rest is reserved)"
        return MoveError(f"Only {exc.available} of {exc.sku}{where}; {exc.requested} requested")
    return MoveError(str(exc))


def move_stock(
    session: Session,
    sku: str,
    from_bin: str,
    to_bin: str,
    quantity: int,
    actor: Actor,
    *,
    lot: str | None = None,
    warehouse: str | None = None,
) -> MoveResult:
    """Move units of a SKU between two bins of one warehouse (a `transfer` ledger row per lot)."""
    quantity = quantity_of(quantity, f"Moving {sku.strip()}")
    home = warehouse_by_code(session, warehouse) if warehouse else None
    source = bin_by_code(session, from_bin, home)
    source_warehouse = home or session.get(Warehouse, source.warehouse_id)
    try:
        target = bin_by_code(session, to_bin, source_warehouse)
    except MoveError as exc:
        elsewhere = session.scalars(select(Location).where(func.upper(Location.code) == to_bin.strip().upper())).first()
        if elsewhere is not None:
            raise MoveError(
                f"{to_bin.strip()} is not in warehouse {source_warehouse.code}; units change warehouse through a transfer"
            ) from exc
        raise
    if source.id == target.id:
        raise MoveError(f"{source.code} is both the source and the destination")
    for location in (source, target):
        if location.kind not in HANDLED_KINDS:
            raise MoveError(f"{location.code} is a transit location; units reach it only through a transfer")
    variant = item_by_code(session, sku)
    parts = split_by_lot(session, variant, source, quantity, lot)
    ledger = StockLedger(session, actor)
    try:
        for lot_id, _code, units in parts:
            move_units(ledger, variant, source, target, units, lot_id=lot_id)
    except (StockError, InsufficientStock) as exc:
        raise ledger_error(exc) from exc
    if sellable(source) and not sellable(target):
        # Into quarantine or returns the units stop being for sale: never those promised to orders.
        on_hand, reserved = ledger.totals(source.warehouse_id, variant.id)
        if on_hand < reserved:
            raise MoveError(
                f"Only {on_hand + quantity - reserved} of {variant.sku} free in {source_warehouse.code} "
                f"(the rest is reserved for orders); {quantity} cannot go to {target.code}"
            )
    session.flush()
    return MoveResult(variant.sku, source.code, target.code, quantity, tuple(code for _, code, _ in parts if code))
