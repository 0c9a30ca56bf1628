"""The packer's verification: find the order, scan its items (and serials), until every line is there.

`find_order` and `load_order` read the database; `PackingSession` is plain in-memory state the
packing view drives scan by scan, so a scan answers in well under a millisecond. Nothing is written
until the order is confirmed (`station.services.dispatch`); a packer who walks away just rescans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import (
    AuditEntry,
    Barcode,
    Channel,
    Location,
    LocationKind,
    Order,
    OrderLine,
    PackageType,
    Picklist,
    PicklistLine,
    SerialNumber,
    StockQuant,
    Tracking,
    Variant,
)
from station.domain.orders import OrderState, hold
from station.domain.packing import BoxSize, ItemSize
from station.domain.weights import WeightCheck, WeightTolerance, check_weight, expected_weight_g
from station.services.removal import pick_plan

# An order can be packed once paid; "packed" again after a voided label.
PACKABLE_STATES = frozenset(
    {OrderState.PAID, OrderState.ALLOCATED, OrderState.PICKING, OrderState.PICKED, OrderState.PACKED}
)
QUEUE_ORDER = (OrderState.PICKED, OrderState.PACKED, OrderState.ALLOCATED, OrderState.PAID, OrderState.PICKING)


class PackingError(Exception):
    """Something the packer must see; the message names what was scanned and what was expected."""


class UnknownCode(PackingError):
    pass


class OrderNotPackable(PackingError):
    pass


class WrongItem(PackingError):
    def __init__(self, code: str, sku: str | None, expected: list[str]) -> None:
        self.code, self.sku, self.expected = code, sku, expected
        what = f"{sku} ({code})" if sku else code
        super().__init__(f"Scanned {what}: not in this order. Expected: {', '.join(expected) or 'nothing left'}")


class OverScan(PackingError):
    def __init__(self, sku: str, expected: int) -> None:
        self.sku, self.expected = sku, expected
        super().__init__(f"{sku}: all {expected} already scanned; put the extra one back")


@dataclass
class PackLine:
    line_id: int
    variant_id: int
    sku: str
    name: str
    expected: int
    weight_g: int
    length_mm: int
    width_mm: int
    height_mm: int
    tracking: Tracking
    bin_code: str  # where the packer finds it (the bench it was picked to, else its bin)
    image_path: str | None = None
    codes: frozenset[str] = frozenset()  # SKU and barcodes, upper-case
    serials_in_stock: frozenset[str] = frozenset()
    verified: int = 0
    serials: list[str] = field(default_factory=list)

    @property
    def remaining(self) -> int:
        return self.expected - self.verified

    @property
    def done(self) -> bool:
        return self.verified == self.expected


@dataclass
class PackingOrder:
    order_id: int
    number: str
    state: OrderState
    channel: str
    external_id: str | None
    customer_name: str
    street: str
    comuna: str
    region: str
    service_level: str
    lines: list[PackLine]


@dataclass(frozen=True)
class ScanOutcome:
    line: PackLine
    needs_serial: bool = False  # the next scan must be this unit's serial number
    message: str = ""


def find_order(session: Session, code: str) -> int:
    """Our order number, the channel's order id, or a picklist (tote) label → the order's id."""
    text = code.strip()
    if not text:
        raise UnknownCode("Empty scan")
    by_number = session.scalar(select(Order.id).where(func.upper(Order.number) == text.upper()))
    if by_number is not None:
        return by_number
    by_external = session.scalars(select(Order.id).where(Order.external_id == text)).all()
    if len(by_external) == 1:
        return by_external[0]
    if len(by_external) > 1:
        raise UnknownCode(f"{text} is an order id on {len(by_external)} channels: scan our order number instead")
    picklist_orders = session.execute(
        select(Order.id, Order.placed_at)
        .join(OrderLine, OrderLine.order_id == Order.id)
        .join(PicklistLine, PicklistLine.order_line_id == OrderLine.id)
        .join(Picklist, Picklist.id == PicklistLine.picklist_id)
        .where(func.upper(Picklist.code) == text.upper(), Order.state.in_(PACKABLE_STATES))
        .order_by(Order.placed_at, Order.id)
        .distinct()
    ).all()
    if picklist_orders:
        return picklist_orders[0].id
    raise UnknownCode(f"No order, channel order id or tote label {text!r}")


def next_order(session: Session, *, exclude: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The order that waits longest, picked ones first (skipping the ids in `exclude`)."""
    for state in QUEUE_ORDER:
        query = select(Order.id).where(Order.state == state)
        if exclude:
            query = query.where(Order.id.not_in(exclude))
        order_id = session.scalar(query.order_by(Order.placed_at, Order.id).limit(1))
        if order_id is not None:
            return order_id
    return None


def load_order(
    session: Session, order_id: int, *, bench_location_id: int | None = None, today: date | None = None
) -> PackingOrder:
    order = session.get(Order, order_id)
    if order is None:
        raise UnknownCode(f"No order #{order_id}")
    if order.state not in PACKABLE_STATES:
        raise OrderNotPackable(_why_not_packable(order))
    channel = session.get(Channel, order.channel_id) if order.channel_id else None
    today = today or date.today()
    lines = [_pack_line(session, line, bench_location_id, today) for line in order.lines]
    return PackingOrder(
        order_id=order.id,
        number=order.number,
        state=order.state,
        channel=channel.name if channel else "",
        external_id=order.external_id,
        customer_name=order.customer_name,
        street=f"{order.ship_street} {order.ship_number}".strip(),
        comuna=order.ship_comuna,
        region=order.ship_region,
        service_level=order.service_level,
        lines=lines,
    )


def _why_not_packable(order: Order) -> str:
    if order.state == OrderState.NEW:
        return f"Order {order.number} is not paid yet"
    if order.state == OrderState.ON_HOLD:
        return f"Order {order.number} is on hold: {order.hold_reason or 'no reason given'}"
    if order.state in (OrderState.SHIPPED, OrderState.DELIVERED):
        return f"Order {order.number} is already {order.state.value}"
    return f"Order {order.number} is {order.state.value}; it cannot be packed"


def _pack_line(session: Session, line: OrderLine, bench_location_id: int | None, today: date) -> PackLine:
    variant = session.get(Variant, line.variant_id)
    assert variant is not None
    barcodes = session.scalars(select(Barcode.code).where(Barcode.variant_id == variant.id)).all()
    serials: frozenset[str] = frozenset()
    if variant.product.tracking == Tracking.SERIAL:
        serials = frozenset(
            session.scalars(
                select(SerialNumber.serial).where(
                    SerialNumber.variant_id == variant.id, SerialNumber.location_id.is_not(None)
                )
            )
        )
    return PackLine(
        line_id=line.id,
        variant_id=variant.id,
        sku=variant.sku,
        name=variant.name,
        expected=line.quantity,
        weight_g=variant.weight_g,
        length_mm=variant.length_mm,
        width_mm=variant.width_mm,
        height_mm=variant.height_mm,
        tracking=variant.product.tracking,
        bin_code=_where_to_find(session, variant.id, line.quantity, bench_location_id, today),
        image_path=variant.image_path,
        codes=frozenset(code.upper() for code in (variant.sku, *barcodes)),
        serials_in_stock=serials,
    )


def _where_to_find(session: Session, variant_id: int, quantity: int, bench_location_id: int | None, today: date) -> str:
    """The bench, if units of the SKU wait there; else the bin the removal plan opens first."""
    rows = session.execute(
        select(Location.id, Location.code, Location.warehouse_id)
        .join(StockQuant, StockQuant.location_id == Location.id)
        .where(StockQuant.variant_id == variant_id, StockQuant.on_hand > 0)
        .order_by(StockQuant.on_hand.desc())
    ).all()
    for location_id, code, _ in rows:
        if location_id == bench_location_id:
            return code
    if bench_location_id is not None:
        bench = session.get(Location, bench_location_id)
        plan = pick_plan(session, variant_id, bench.warehouse_id, quantity, today=today) if bench else []
        if plan:
            return plan[0].location
    return rows[0][1] if rows else ""


class PackingSession:
    """Scan-by-scan verification of one order, in memory."""

    def __init__(self, order: PackingOrder) -> None:
        self.order = order
        self.awaiting_serial: PackLine | None = None

    @property
    def complete(self) -> bool:
        return all(line.done for line in self.order.lines)

    def scan(self, code: str) -> ScanOutcome:
        """One scanned item (or, right after a serial-tracked item, its serial number)."""
        text = code.strip()
        if not text:
            raise UnknownCode("Empty scan")
        if self.awaiting_serial is not None:
            return self.scan_serial(text)
        line = self._line_for(text)
        if line.tracking == Tracking.SERIAL:
            self.awaiting_serial = line
            return ScanOutcome(line, needs_serial=True, message=f"{line.sku}: now scan its serial number")
        line.verified += 1
        return ScanOutcome(line, message=f"{line.sku}: {line.verified} of {line.expected}")

    def scan_serial(self, serial: str) -> ScanOutcome:
        line = self.awaiting_serial
        if line is None:
            raise PackingError("No item waits for a serial number; scan the item first")
        serial = serial.strip()
        if serial.upper() in line.codes:
            raise PackingError(f"{line.sku}: that is the product barcode; scan the serial number label")
        if serial in line.serials:
            raise PackingError(f"Serial {serial} is already scanned for {line.sku}")
        if line.serials_in_stock and serial not in line.serials_in_stock:
            raise PackingError(f"Serial {serial} is not a {line.sku} in stock here; check the unit")
        line.serials.append(serial)
        line.verified += 1
        self.awaiting_serial = None
        return ScanOutcome(line, message=f"{line.sku} serial {serial}: {line.verified} of {line.expected}")

    def add_units(self, line_id: int, quantity: int) -> ScanOutcome:
        """The quantity prompt: count several identical units at once (not for serial-tracked items)."""
        line = next((line for line in self.order.lines if line.line_id == line_id), None)
        if line is None:
            raise PackingError(f"No line #{line_id} in order {self.order.number}")
        if line.tracking == Tracking.SERIAL:
            raise PackingError(f"{line.sku} is serial-tracked: scan each unit's serial number")
        if quantity < 1:
            raise PackingError("Type how many units, 1 or more")
        if quantity > line.remaining:
            raise OverScan(line.sku, line.expected)
        line.verified += quantity
        return ScanOutcome(line, message=f"{line.sku}: {line.verified} of {line.expected}")

    def _line_for(self, code: str) -> PackLine:
        keys = {code.upper()}
        if len(code) == 12 and code.isdigit():  # UPC-A read where an EAN-13 was stored, and back
            keys.add("0" + code)
        if len(code) == 13 and code.startswith("0") and code.isdigit():
            keys.add(code[1:])
        matching = [line for line in self.order.lines if line.codes & keys]
        if not matching:
            raise WrongItem(code, None, [line.sku for line in self.order.lines if not line.done])
        open_lines = [line for line in matching if not line.done]
        if not open_lines:
            raise OverScan(matching[0].sku, matching[0].expected)
        return open_lines[0]

    # -- weighing ------------------------------------------------------------------------------

    def items_weight_g(self) -> int:
        return expected_weight_g((line.weight_g for line in self.order.lines for _ in range(line.expected)), 0)

    def check_weight(self, measured_g: int, tare_g: int, tolerance: WeightTolerance) -> WeightCheck:
        return check_weight(measured_g, self.items_weight_g() + tare_g, tolerance)

    def item_sizes(self) -> list[ItemSize]:
        return [
            ItemSize(line.length_mm, line.width_mm, line.height_mm, line.weight_g, line.expected)
            for line in self.order.lines
        ]


def package_types(session: Session) -> list[BoxSize]:
    """The active boxes and envelopes, smallest first."""
    rows = session.scalars(select(PackageType).where(PackageType.active.is_(True))).all()
    boxes = [BoxSize(r.code, r.name, r.length_mm, r.width_mm, r.height_mm, r.tare_g, r.max_weight_g) for r in rows]
    return sorted(boxes, key=lambda box: box.volume_mm3)


def bench_location(session: Session, code: str = "") -> Location:
    """This station's packing bench: the configured code, else the first packing location."""
    query = select(Location).where(Location.kind == LocationKind.PACKING, Location.active.is_(True))
    if code:
        query = query.where(func.upper(Location.code) == code.strip().upper())
    bench = session.scalars(query.order_by(Location.code).limit(1)).first()
    if bench is None:
        where = f"location {code!r}" if code else "any packing location"
        raise PackingError(f"This station has no packing bench: {where} not found (Settings → Packing)")
    return bench


def put_on_hold(session: Session, order_id: int, reason: str, *, station: str, user_id: int | None) -> None:
    """Hold an order with a reason (the caller commits); it is released to the state it was in."""
    reason = reason.strip()
    if not reason:
        raise PackingError("Say why the order is put on hold")
    order = session.get(Order, order_id, with_for_update=True)
    if order is None:
        raise UnknownCode(f"No order #{order_id}")
    order.held_from = order.state
    order.state = hold(order.state)
    order.hold_reason = reason
    session.add(
        AuditEntry(
            user_id=user_id,
            station=station,
            action="hold",
            entity="order",
            entity_id=order.number,
            detail={"reason": reason},
        )
    )
