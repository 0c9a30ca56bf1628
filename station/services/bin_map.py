"""The bin map's data: every bin of a warehouse with what colours it, look-ups that light bins up, one bin's details.

`load_bin_map` answers in a handful of set-based queries (locations, stock per bin, last count per bin,
picks per bin for the ABC class), so a warehouse of 50,000 bins loads in well under a second. The map
draws the warehouse's walking network too when it has one (`station layout derive` makes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from station.db.base import utcnow
from station.db.models import (
    CycleCount,
    CycleCountStatus,
    Location,
    LocationKind,
    Lot,
    Order,
    OrderLine,
    Picklist,
    PicklistLine,
    StockMove,
    StockQuant,
    Variant,
    Warehouse,
)
from station.domain.layout import Layout, LayoutError
from station.services.count_schedules import classify_bins
from station.services.layout import load_layout
from station.services.location_queries import LocationQueryError, variant_for_scan
from station.services.removal import pick_plan

HIDDEN_KINDS = (LocationKind.TRANSIT,)  # not a place on the floor
STOCKED_KINDS = (LocationKind.STORAGE, LocationKind.PICK_FACE)  # the bins "empty" is about
DETAIL_MOVES = 10


class BinMapError(LookupError):
    """The map cannot be drawn or searched as asked; the message names the warehouse, bin or text."""


@dataclass(frozen=True, slots=True)
class MapBin:
    id: int
    code: str
    kind: str
    aisle: str
    level: str
    x: int
    y: int
    width: int
    height: int
    capacity: int | None
    units: int
    occupancy: float | None  # % of capacity; None when the bin has no capacity
    abc: str | None  # "A", "B", "C" for stocked bins by units picked, None for docks and benches
    soonest_expiry: date | None
    days_since_count: int | None  # None: never counted
    empty: bool  # a stocked bin holding nothing


@dataclass(frozen=True)
class BinMapData:
    warehouse_id: int
    warehouse_code: str
    level: str | None  # the level shown; None = every level
    levels: list[str]  # every level the warehouse has, for the selector
    bins: list[MapBin]
    layout: Layout | None
    layout_message: str  # why there is no layout drawn; "" when there is one
    today: date


@dataclass(frozen=True)
class BinSearch:
    text: str
    kind: str  # "bin", "sku", "lot", "order", "picklist" or "" when nothing matched
    title: str  # what was found, e.g. "SKU POL-M-ROJ Polera M roja"
    subject: str  # the same without the kind's word: "POL-M-ROJ Polera M roja"
    location_ids: list[int]
    message: str  # for the person: how many bins, or why none


@dataclass(frozen=True)
class BinContent:
    sku: str
    name: str
    lot: str | None
    expires_on: date | None
    on_hand: int


@dataclass(frozen=True)
class BinMoveRow:
    at: datetime
    kind: str
    sku: str
    quantity: int
    source: str
    target: str
    reference: str


@dataclass(frozen=True)
class BinDetails:
    id: int
    code: str
    kind: str
    aisle: str
    level: str
    capacity: int | None
    units: int
    contents: list[BinContent]
    moves: list[BinMoveRow]  # newest first, at most DETAIL_MOVES


@dataclass(frozen=True)
class PicklistRoute:
    picklist_id: int
    code: str
    path: list[tuple[int, int]]  # the stored walking route; [] when none was planned
    stops: list[tuple[int, int, str]]  # each line's bin centre in walking order, labelled "1 A-01-B"
    location_ids: list[int]
    route_cm: int | None
    s_shape_cm: int | None = None  # the same picks walked S-shape, for comparison
    warehouse_id: int | None = None


def warehouse_choices(session: Session) -> list[tuple[int, str, int]]:
    """(id, code, number of bins) of every warehouse, by code, for the page's selector."""
    query = (
        select(Warehouse.id, Warehouse.code, func.count(Location.id))
        .outerjoin(Location, Location.warehouse_id == Warehouse.id)
        .group_by(Warehouse.id, Warehouse.code)
        .order_by(Warehouse.code)
    )
    return [(id_, code, bins) for id_, code, bins in session.execute(query)]


def load_bin_map(
    session: Session, warehouse_id: int, *, level: str | None = None, now: datetime | None = None
) -> BinMapData:
    """Every active bin of the warehouse (of one level, plus the places that have none) with its colours' data."""
    warehouse = session.get(Warehouse, warehouse_id)
    if warehouse is None:
        raise BinMapError(f"No warehouse #{warehouse_id}")
    now = now or utcnow()
    today = now.date()
    where = [Location.warehouse_id == warehouse_id, Location.active.is_(True), Location.kind.not_in(HIDDEN_KINDS)]
    levels = sorted(value for value in session.scalars(select(Location.level).where(*where).distinct()) if value)
    if level:
        where.append(or_(Location.level == level, Location.level == ""))
    stock = {
        location_id: (units or 0, soonest)
        for location_id, units, soonest in session.execute(
            select(StockQuant.location_id, func.sum(StockQuant.on_hand), func.min(Lot.expires_on))
            .join(Location, Location.id == StockQuant.location_id)
            .outerjoin(Lot, Lot.id == StockQuant.lot_id)
            .where(*where, StockQuant.on_hand > 0)
            .group_by(StockQuant.location_id)
        )
    }
    counted = dict(
        session.execute(
            select(CycleCount.location_id, func.max(CycleCount.completed_at))
            .where(
                CycleCount.warehouse_id == warehouse_id,
                CycleCount.status.in_((CycleCountStatus.COUNTED, CycleCountStatus.APPLIED)),
                CycleCount.completed_at.is_not(None),
            )
            .group_by(CycleCount.location_id)
        ).all()
    )
    classes = classify_bins(session, warehouse_id, now=now)
    rows = session.execute(
        select(
            Location.id,
            Location.code,
            Location.kind,
            Location.aisle,
            Location.level,
            Location.x,
            Location.y,
            Location.width,
            Location.height,
            Location.capacity,
        )
        .where(*where)
        .order_by(Location.code)
    )
    bins = []
    for id_, code, kind, aisle, bin_level, x, y, width, height, capacity in rows:
        units, soonest = stock.get(id_, (0, None))
        last_count = counted.get(id_)
        bins.append(
            MapBin(
                id_,
                code,
                str(kind),
                aisle,
                bin_level,
                x,
                y,
                width,
                height,
                capacity,
                units,
                100.0 * units / capacity if capacity else None,
                classes.get(id_),
                soonest,
                None if last_count is None else max(0, (today - last_count.date()).days),
                units == 0 and kind in STOCKED_KINDS,
            )
        )
    layout, message = _layout(session, warehouse)
    return BinMapData(warehouse_id, warehouse.code, level or None, levels, bins, layout, message, today)


def _layout(session: Session, warehouse: Warehouse) -> tuple[Layout | None, str]:
    """The walking network, or None and a sentence saying how to get one."""
    try:
        return load_layout(session, warehouse.id), ""
    except LayoutError:
        return None, f"Warehouse {warehouse.code} has no layout: run `station layout derive {warehouse.code}`"


def search_bins(session: Session, warehouse_id: int, text: str, *, today: date | None = None) -> BinSearch:
    """The bins a scan or typed text points at: a bin code, a SKU or barcode, a lot, an order, a picklist."""
    warehouse = session.get(Warehouse, warehouse_id)
    if warehouse is None:
        raise BinMapError(f"No warehouse #{warehouse_id}")
    text = text.strip()
    if not text:
        return BinSearch(text, "", "", "", [], "Type or scan a bin, SKU, barcode, lot, order or picklist")
    today = today or utcnow().date()
    found = (
        _bin_search(session, warehouse_id, text)
        or _picklist_search(session, warehouse_id, text)
        or _order_search(session, warehouse_id, text, today)
        or _sku_search(session, warehouse_id, text)
        or _lot_search(session, warehouse_id, text)
    )
    if found is None:
        return BinSearch(
            text,
            "",
            "",
            "",
            [],
            f"Nothing in {warehouse.code} is called '{text}': not a bin, SKU, barcode, lot, order or picklist",
        )
    kind, title, ids = found
    subject = title.split(" ", 1)[1]
    if not ids:
        return BinSearch(text, kind, title, subject, [], f"{title}: no bin of {warehouse.code} holds it")
    return BinSearch(text, kind, title, subject, ids, f"{title}: {len(ids)} bin(s)")


Found = tuple[str, str, list[int]] | None


def _unique(ids) -> list[int]:
    return list(dict.fromkeys(ids))


def _bin_search(session: Session, warehouse_id: int, text: str) -> Found:
    location_id = session.scalar(
        select(Location.id).where(Location.warehouse_id == warehouse_id, func.upper(Location.code) == text.upper())
    )
    return None if location_id is None else ("bin", f"Bin {text.upper()}", [location_id])


def _picklist_search(session: Session, warehouse_id: int, text: str) -> Found:
    picklist = session.scalars(select(Picklist).where(func.upper(Picklist.code) == text.upper())).first()
    if picklist is None or picklist.warehouse_id != warehouse_id:
        return None
    ids = session.scalars(
        select(PicklistLine.location_id)
        .where(PicklistLine.picklist_id == picklist.id)
        .order_by(PicklistLine.sequence, PicklistLine.id)
    )
    return "picklist", f"Picklist {picklist.code}", _unique(ids)


def _order_search(session: Session, warehouse_id: int, text: str, today: date) -> Found:
    order = session.scalars(select(Order).where(func.upper(Order.number) == text.upper())).first()
    if order is None:
        return None
    lines = session.execute(
        select(OrderLine.id, OrderLine.variant_id, OrderLine.quantity).where(OrderLine.order_id == order.id)
    ).all()
    planned = session.execute(
        select(PicklistLine.order_line_id, PicklistLine.location_id)
        .join(Picklist, Picklist.id == PicklistLine.picklist_id)
        .where(PicklistLine.order_line_id.in_([line.id for line in lines]), Picklist.warehouse_id == warehouse_id)
        .order_by(PicklistLine.sequence, PicklistLine.id)
    ).all()
    ids = [location_id for _, location_id in planned]
    on_picklists = {order_line_id for order_line_id, _ in planned}
    for line in lines:
        if line.id not in on_picklists:  # not on a picklist yet: where the removal strategy would take it from
            ids += [
                step.location_id
                for step in pick_plan(session, line.variant_id, warehouse_id, line.quantity, today=today)
            ]
    return "order", f"Order {order.number}", _unique(ids)


def _sku_search(session: Session, warehouse_id: int, text: str) -> Found:
    try:
        variant = variant_for_scan(session, text)
    except LocationQueryError as exc:
        raise BinMapError(str(exc)) from exc
    if variant is None:
        return None
    ids = session.scalars(
        select(StockQuant.location_id)
        .join(Location, Location.id == StockQuant.location_id)
        .where(StockQuant.variant_id == variant.id, StockQuant.on_hand > 0, Location.warehouse_id == warehouse_id)
        .order_by(Location.code)
    )
    return "sku", f"SKU {variant.sku} {variant.name}", _unique(ids)


def _lot_search(session: Session, warehouse_id: int, text: str) -> Found:
    lots = session.execute(select(Lot.id, Lot.code).where(func.upper(Lot.code) == text.upper())).all()
    if not lots:
        return None
    ids = session.scalars(
        select(StockQuant.location_id)
        .join(Location, Location.id == StockQuant.location_id)
        .where(
            StockQuant.lot_id.in_([lot.id for lot in lots]),
            StockQuant.on_hand > 0,
            Location.warehouse_id == warehouse_id,
        )
        .order_by(Location.code)
    )
    return "lot", f"Lot {lots[0].code}", _unique(ids)


def bin_details(session: Session, location_id: int) -> BinDetails:
    """What a bin holds (by SKU and lot, soonest expiry first) and its last moves in or out."""
    location = session.get(Location, location_id)
    if location is None:
        raise BinMapError(f"No bin #{location_id}")
    contents = [
        BinContent(sku, name, lot, expires_on, on_hand)
        for sku, name, lot, expires_on, on_hand in session.execute(
            select(Variant.sku, Variant.name, Lot.code, Lot.expires_on, StockQuant.on_hand)
            .join(Variant, Variant.id == StockQuant.variant_id)
            .outerjoin(Lot, Lot.id == StockQuant.lot_id)
            .where(StockQuant.location_id == location_id, StockQuant.on_hand > 0)
        )
    ]
    contents.sort(key=lambda c: (c.sku, c.expires_on or date.max, c.lot or ""))
    source, target = aliased(Location), aliased(Location)
    moves = [
        BinMoveRow(at, str(kind), sku, quantity, source_code or "", target_code or "", reference)
        for at, kind, sku, quantity, source_code, target_code, reference in session.execute(
            select(
                StockMove.at,
                StockMove.kind,
                Variant.sku,
                StockMove.quantity,
                source.code,
                target.code,
                StockMove.reference,
            )
            .join(Variant, Variant.id == StockMove.variant_id)
            .outerjoin(source, source.id == StockMove.from_location_id)
            .outerjoin(target, target.id == StockMove.to_location_id)
            .where(or_(StockMove.from_location_id == location_id, StockMove.to_location_id == location_id))
            .order_by(StockMove.at.desc(), StockMove.id.desc())
            .limit(DETAIL_MOVES)
        )
    ]
    return BinDetails(
        location.id,
        location.code,
        str(location.kind),
        location.aisle,
        location.level,
        location.capacity,
        sum(c.on_hand for c in contents),
        contents,
        moves,
    )


def picklist_route(session: Session, picklist_id: int) -> PicklistRoute:
    """A picklist's stored walking route and its lines' bins in walking order, for the map."""
    picklist = session.get(Picklist, picklist_id)
    if picklist is None:
        raise BinMapError(f"No picklist #{picklist_id}")
    stops: list[tuple[int, int, str]] = []
    ids: list[int] = []
    rows = session.execute(
        select(Location.id, Location.code, Location.x, Location.y, Location.width, Location.height)
        .join(PicklistLine, PicklistLine.location_id == Location.id)
        .where(PicklistLine.picklist_id == picklist_id)
        .order_by(PicklistLine.sequence, PicklistLine.id)
    )
    for id_, code, x, y, width, height in rows:
        if id_ in ids:
            continue
        ids.append(id_)
        stops.append((x + width // 2, y + height // 2, f"{len(ids)} {code}"))
    path = [(int(point[0]), int(point[1])) for point in picklist.route or []]
    return PicklistRoute(
        picklist.id, picklist.code, path, stops, ids, picklist.route_cm, picklist.s_shape_cm, picklist.warehouse_id
    )
