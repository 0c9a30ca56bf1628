"""Import rules for stock (added as receipts through the ledger) and locations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Location, LocationKind, Lot, Product, Tracking, Variant, Warehouse
from station.domain.locations import DEFAULT_PATTERN, InvalidLocationCode, LocationPattern
from station.services.imports.checks import FirstSeen, Problem, RowCheck
from station.services.imports.plan import Plan, Scope, in_chunks
from station.services.imports.table import Table
from station.services.stock import Actor, StockLedger

STOCK_COLUMNS = ("tenant", "warehouse", "sku", "location", "quantity", "lot", "expires_on")
STOCK_REQUIRED = ("sku", "location", "quantity")

LOCATION_COLUMNS = ("warehouse", "code", "kind", "x", "y", "width", "height", "capacity", "active")
YES, NO = ("true", "yes", "si", "sí", "1"), ("false", "no", "0")
LOCATION_REQUIRED = ("code",)


def plan_stock(session: Session, table: Table, scope: Scope, problems: list[Problem], actor: Actor) -> Plan:
    tenant, warehouse = scope.need_tenant(), scope.need_warehouse()
    skus = {row.get("sku") for row in table.rows}
    variants = {
        variant.sku: (variant.id, tracking)
        for variant, tracking in in_chunks(
            session,
            lambda chunk: select(Variant, Product.tracking)
            .join(Product, Product.id == Variant.product_id)
            .where(Variant.tenant_id == tenant.id, Variant.sku.in_(chunk)),
            skus,
        )
    }
    locations = {
        location.code.upper(): location
        for location in session.scalars(select(Location).where(Location.warehouse_id == warehouse.id))
    }
    lots = {
        (lot.variant_id, lot.code): lot
        for (lot,) in in_chunks(
            session,
            lambda chunk: select(Lot).where(Lot.variant_id.in_(chunk)),
            [variant_id for variant_id, _ in variants.values()],
        )
    }
    pattern = _pattern(warehouse.location_pattern)
    new_lots: dict[tuple[int, str], tuple[date | None, int]] = {}  # -> expiry, first row
    receipts: list[tuple[int, int, int, str | None]] = []  # variant, location, quantity, lot code
    for row in table.rows:
        check = RowCheck(row, problems)
        scope.check_tenant_cell(check)
        scope.check_warehouse_cell(check)
        sku = check.text("sku", required=True, max_length=64)
        code = check.text("location", required=True, max_length=32)
        quantity = check.whole("quantity", required=True, minimum=1, default=None)
        lot_code = check.text("lot", max_length=64)
        expires_on = check.day("expires_on")
        variant = variants.get(sku) if sku else None
        if sku and variant is None:
            check.problem("sku", f"unknown SKU {sku} for tenant {tenant.code}")
        location = _find_location(locations, pattern, code) if code else None
        if code and location is None:
            check.problem("location", f"unknown location {code} in warehouse {warehouse.code}")
        if variant is None or location is None or quantity is None or lot_code is None:
            continue
        variant_id, tracking = variant
        if tracking == Tracking.SERIAL:
            check.problem("sku", f"{sku} is serial-tracked; receive it by scanning each serial number")
            continue
        if tracking == Tracking.LOT and not lot_code:
            check.problem("lot", f"missing value: {sku} is lot-tracked")
            continue
        if tracking == Tracking.NONE and lot_code:
            check.problem("lot", f"{sku} is not lot-tracked; leave the lot empty")
            continue
        if row.get("expires_on") and not lot_code:
            check.problem("expires_on", "an expiry date needs a lot")
            continue
        if lot_code:
            key = (variant_id, lot_code)
            known = lots.get(key)
            if known is not None:
                if expires_on is not None and known.expires_on != expires_on:
                    check.problem("expires_on", f"lot {lot_code} already expires on {known.expires_on or 'no date'}")
                    continue
            elif key in new_lots:
                first_expiry, first_row = new_lots[key]
                if expires_on is not None and expires_on != first_expiry:
                    check.problem("expires_on", f"lot {lot_code} has expiry {first_expiry or 'empty'} on row {first_row}")
                    continue
            else:
                new_lots[key] = (expires_on, row.number)
        receipts.append((variant_id, location.id, quantity, lot_code or None))

    ledgers: list[StockLedger] = []

    def apply(session: Session) -> None:
        for (variant_id, lot_code), (expiry, _) in new_lots.items():
            lot = Lot(tenant_id=tenant.id, variant_id=variant_id, code=lot_code, expires_on=expiry)
            session.add(lot)
            lots[(variant_id, lot_code)] = lot
        session.flush()
        ledger = StockLedger(session, actor)
        ledgers.append(ledger)
        reference = f"import {table.path.name}"[:100]
        for variant_id, location_id, quantity, lot_code in receipts:
            lot_id = lots[(variant_id, lot_code)].id if lot_code else None
            ledger.receive(variant_id, location_id, quantity, lot_id=lot_id, reference=reference)

    units = sum(quantity for _, _, quantity, _ in receipts)
    return Plan(
        [f"receive {units} unit(s) in {len(receipts)} receipt(s) into {warehouse.code}", f"create {len(new_lots)} lot(s)"],
        apply,
        lambda: ledgers[0].changes() if ledgers else [],
    )


def _pattern(spec: str) -> LocationPattern:
    return LocationPattern(spec) if spec else DEFAULT_PATTERN


def _find_location(locations: dict[str, Location], pattern: LocationPattern, code: str) -> Location | None:
    found = locations.get(code.upper())
    if found is None:
        try:
            found = locations.get(pattern.parse(code).code)
        except InvalidLocationCode:
            return None
    return found


def plan_locations(session: Session, table: Table, scope: Scope, problems: list[Problem]) -> Plan:
    warehouse, rows = read_location_rows(session, table, scope, problems)
    locations = [location for _, location in rows]

    def apply(session: Session) -> None:
        session.add_all(locations)

    return Plan([f"create {len(locations)} location(s) in {warehouse.code}"], apply)


def read_location_rows(
    session: Session, table: Table, scope: Scope, problems: list[Problem], *, with_aisle_level: bool = False
) -> tuple[Warehouse, list[tuple[int, Location]]]:
    """The new locations the rows describe, each with its row number; problems collected, not raised."""
    warehouse = scope.need_warehouse()
    pattern = _pattern(warehouse.location_pattern)
    taken = {code.upper() for code in session.scalars(select(Location.code).where(Location.warehouse_id == warehouse.id))}
    in_file = FirstSeen()
    locations: list[tuple[int, Location]] = []
    for row in table.rows:
        check = RowCheck(row, problems)
        scope.check_warehouse_cell(check)
        raw = check.text("code", required=True, max_length=32)
        kind = check.choice("kind", tuple(k.value for k in LocationKind), default=LocationKind.STORAGE.value)
        code: str | None = None
        if raw and with_aisle_level and kind not in (LocationKind.STORAGE, LocationKind.PICK_FACE):
            code = raw.strip().upper()  # a layout's docks and benches (DOCK-01) are not coded like bins
        elif raw:
            try:
                code = pattern.parse(raw).code
            except InvalidLocationCode as exc:
                check.problem("code", f"{raw!r} does not fit the pattern of {warehouse.code}: {exc.reason}")
        x, y = check.whole("x"), check.whole("y")
        width, height = check.whole("width", minimum=1, default=100), check.whole("height", minimum=1, default=100)
        capacity = check.whole("capacity", default=None)
        active = check.choice("active", YES + NO, default="true")
        if code:
            if (earlier := in_file.seen(code, row.number)) is not None:
                check.problem("code", f"location {code} is already on row {earlier}")
                continue
            if code.upper() in taken:
                check.problem("code", f"location {code} already exists in {warehouse.code}")
                continue
        aisle = check.text("aisle", max_length=16) if with_aisle_level else None
        level = check.text("level", max_length=8) if with_aisle_level else None
        if None in (code, kind, x, y, width, height, active) or (row.get("capacity") and capacity is None):
            continue
        if with_aisle_level and None in (aisle, level):  # too long: the problem is on the list
            continue
        location = Location(
            warehouse_id=warehouse.id, code=code, kind=LocationKind(kind),
            x=x, y=y, width=width, height=height, capacity=capacity, active=active in YES,
        )
        location.aisle, location.level = (aisle or "").upper(), (level or "").upper()
        locations.append((row.number, location))
    return warehouse, locations
