"""What a pick list shows: its totes and orders, its lines in walking order, the route and its savings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import Barcode, Location, Lot, Order, OrderLine, Picklist, PicklistLine, Variant, Warehouse


@dataclass(frozen=True)
class PickLineView:
    id: int
    sequence: int
    location_id: int
    location: str  # the bin's code
    sku: str
    name: str
    barcode: str  # the item's first barcode, else its SKU
    lot: str
    quantity: int
    picked: int
    short: int
    tote: str
    order_number: str

    @property
    def open_units(self) -> int:
        return self.quantity - self.picked - self.short

    @property
    def done(self) -> bool:
        return self.open_units <= 0


@dataclass(frozen=True)
class PicklistView:
    id: int
    code: str
    status: str
    route_cm: int
    s_shape_cm: int
    largest_gap_cm: int
    route: list[tuple[int, int]]
    totes: list[tuple[str, str]]  # (tote, order number)
    lines: list[PickLineView]

    @property
    def saving_percent(self) -> int:
        """How much shorter than the S-shape walk this route is, in whole per cent (negative = shorter)."""
        if not self.s_shape_cm:
            return 0
        return round(100 * (self.route_cm - self.s_shape_cm) / self.s_shape_cm)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def picked_units(self) -> int:
        return sum(line.picked for line in self.lines)

    @property
    def short_units(self) -> int:
        return sum(line.short for line in self.lines)

    @property
    def next_line(self) -> PickLineView | None:
        """The first line in walking order with units still to take."""
        return next((line for line in self.lines if not line.done), None)


def find_picklist(session: Session, code: str) -> Picklist:
    from station.services.picking import PickingError  # noqa: PLC0415 (picking imports this module)

    picklist = session.scalar(select(Picklist).where(func.upper(Picklist.code) == code.strip().upper()))
    if picklist is None:
        raise PickingError(f"No pick list {code.strip()!r}")
    return picklist


def picklist_view(session: Session, picklist_id: int) -> PicklistView:
    picklist = session.get(Picklist, picklist_id)
    rows = session.execute(
        select(PicklistLine, Location.code, Variant.sku, Variant.name, Lot.code, Order.number)
        .join(Location, Location.id == PicklistLine.location_id)
        .join(Variant, Variant.id == PicklistLine.variant_id)
        .join(OrderLine, OrderLine.id == PicklistLine.order_line_id)
        .join(Order, Order.id == OrderLine.order_id)
        .outerjoin(Lot, Lot.id == PicklistLine.lot_id)
        .where(PicklistLine.picklist_id == picklist_id)
        .order_by(PicklistLine.sequence, PicklistLine.id)
    ).all()
    barcodes = _barcodes(session, {line.variant_id for line, *_ in rows})
    lines = [
        PickLineView(
            line.id,
            line.sequence,
            line.location_id,
            location,
            sku,
            name,
            barcodes.get(line.variant_id, sku),
            lot or "",
            line.quantity,
            line.picked_qty,
            line.short_qty,
            line.tote,
            number,
        )
        for line, location, sku, name, lot, number in rows
    ]
    totes = sorted({(line.tote, line.order_number) for line in lines}, key=lambda t: (len(t[0]), t[0]))
    return PicklistView(
        picklist.id,
        picklist.code,
        picklist.status.value,
        picklist.route_cm or 0,
        picklist.s_shape_cm or 0,
        picklist.largest_gap_cm or 0,
        [(int(x), int(y)) for x, y in picklist.route or []],
        totes,
        lines,
    )


def open_picklists(session: Session, warehouse_id: int, limit: int = 50) -> list[tuple[int, str, str]]:
    """(id, code, status) of the newest pick lists not finished."""
    from station.services.picking import OPEN_PICKLIST  # noqa: PLC0415

    return [
        (row.id, row.code, row.status.value)
        for row in session.execute(
            select(Picklist.id, Picklist.code, Picklist.status)
            .where(Picklist.warehouse_id == warehouse_id, Picklist.status.in_(OPEN_PICKLIST))
            .order_by(Picklist.id.desc())
            .limit(limit)
        )
    ]


def _barcodes(session: Session, variant_ids: set[int]) -> dict[int, str]:
    if not variant_ids:
        return {}
    found: dict[int, str] = {}
    for variant_id, code in session.execute(
        select(Barcode.variant_id, Barcode.code).where(Barcode.variant_id.in_(variant_ids)).order_by(Barcode.id)
    ):
        found.setdefault(variant_id, code)
    return found


def station_warehouse(session: Session, code: str = "") -> tuple[int, str]:
    """(id, code) of the station's warehouse: the one its settings name, else the one with a layout and
    the most bins, else the first."""
    bins = dict(session.execute(select(Location.warehouse_id, func.count()).group_by(Location.warehouse_id)).all())
    rows = [
        (warehouse.id, warehouse.code, warehouse.layout, bins.get(warehouse.id, 0))
        for warehouse in session.scalars(select(Warehouse).order_by(Warehouse.code))
    ]
    if code.strip():
        for warehouse_id, found, _, _ in rows:
            if found.upper() == code.strip().upper():
                return warehouse_id, found
    if not rows:
        from station.services.picking import PickingError  # noqa: PLC0415

        raise PickingError("No warehouse yet: create one, or run `station demo`")
    laid_out = [row for row in rows if row[2]] or rows
    best = max(laid_out, key=lambda row: row[3])
    return best[0], best[1]
