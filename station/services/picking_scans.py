"""Confirming picks by scanning: the bin, then each unit; and short picks.

A picker scans the bin (any bin with units still to take on the list; the message names the next bin
on the route when the scan is not one), then each unit. Every confirmed unit is a `StockLedger.pick`
from the bin to the pack station the walk ends at: the units stay reserved for their order and the
packing bench ships them from there (`station.services.bench_stock`). A wrong bin or item is refused
with a message naming what was expected, and remembered for the picker's accuracy.

A short pick (the bin has fewer units than the list says) takes what was found, records a
`PickException`, opens a recount of exactly that bin and takes the missing units from another bin
(`pick_plan` without that bin) as a new line of the same list, inserted where it costs the least walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.base import utcnow
from station.db.models import (
    AuditEntry,
    CycleCount,
    CycleCountStatus,
    Location,
    Order,
    OrderLine,
    PickException,
    Picklist,
    PicklistLine,
    PicklistStatus,
    Reservation,
    ReservationStatus,
    SerialNumber,
    Variant,
)
from station.domain.layout import LayoutError, Point, path_length
from station.domain.orders import OrderState, transition
from station.services.counts import open_bin_counts
from station.services.layout import bin_point, load_layout
from station.services.location_queries import variant_for_scan
from station.services.picking import OPEN_PICKLIST, PickingError, claimed_units, pack_point, pack_station, plan_units
from station.services.picking_queries import PickLineView, picklist_view
from station.services.stock import Actor, StockError, StockLedger

WRONG_SCAN = "pick_wrong_scan"
SHORT_PICK = "pick_short"


@dataclass(frozen=True)
class ScanOutcome:
    ok: bool
    message: str
    line: PickLineView | None = None  # the line the scan belongs to
    finished: bool = False  # the whole list is picked
    # What happened and its values, so the page can say it in the station's language (`message` is English):
    # nothing_left, at_bin, wrong_bin, wrong_item, too_many, picked, short
    key: str = ""
    values: dict[str, str] = field(default_factory=dict)


def scan_bin(session: Session, picklist_id: int, text: str, actor: Actor) -> ScanOutcome:
    """The picker is at a bin: the first open line there, or a refusal naming the next bin to go to."""
    picklist = _workable(session, picklist_id)
    view = picklist_view(session, picklist.id)
    expected = view.next_line
    if expected is None:
        return ScanOutcome(
            False,
            f"Pick list {picklist.code} has nothing left to pick",
            key="nothing_left",
            values={"code": picklist.code},
        )
    scanned = text.strip().upper()
    for line in view.lines:
        if not line.done and line.location.upper() == scanned:
            _start(picklist)
            values = {"bin": line.location, "units": str(line.open_units), "sku": line.sku, "tote": line.tote}
            message = f"{line.location}: take {line.open_units} × {line.sku} into tote {line.tote}"
            return ScanOutcome(True, message, line, key="at_bin", values=values)
    message = (
        f"Wrong bin: {text.strip() or '(empty scan)'} is not on this pick list now; "
        f"go to {expected.location} for {expected.sku}"
    )
    _remember_wrong_scan(session, picklist, actor, message)
    values = {"scanned": text.strip(), "bin": expected.location, "sku": expected.sku}
    return ScanOutcome(False, message, expected, key="wrong_bin", values=values)


def scan_item(
    session: Session,
    picklist_id: int,
    line_id: int,
    text: str,
    actor: Actor,
    *,
    quantity: int = 1,
) -> ScanOutcome:
    """One unit (or `quantity`) of the line's SKU scanned at its bin: picked to the pack station."""
    picklist = _workable(session, picklist_id)
    line = _open_line(session, picklist, line_id)
    variant = session.get(Variant, line.variant_id)
    scanned, serial = _scanned_variant(session, text, variant)
    if scanned is None or scanned.id != variant.id:
        what = f"{text.strip()} ({scanned.sku})" if scanned is not None else f"{text.strip() or '(empty scan)'}"
        bin_code = _code(session, line.location_id)
        message = f"Wrong item: {what} is not what bin {bin_code} should give; scan {variant.sku} {variant.name}"
        _remember_wrong_scan(session, picklist, actor, message)
        values = {"scanned": what, "bin": bin_code, "sku": variant.sku, "name": variant.name}
        return ScanOutcome(False, message, _line_view(session, picklist, line.id), key="wrong_item", values=values)
    open_units = line.quantity - line.picked_qty - line.short_qty
    if quantity < 1 or quantity > open_units:
        message = f"{variant.sku}: this line has {open_units} unit(s) left to pick, not {quantity}"
        values = {"sku": variant.sku, "left": str(open_units), "quantity": str(quantity)}
        return ScanOutcome(False, message, key="too_many", values=values)
    _pick(session, picklist, line, quantity, actor, serial_id=serial.id if serial else None)
    _start(picklist)
    finished = _finish_if_done(session, picklist)
    left = open_units - quantity
    message = f"{variant.sku} into tote {line.tote}" + (f"; {left} more here" if left else "; line done")
    values = {"sku": variant.sku, "tote": line.tote, "left": str(left)}
    return ScanOutcome(True, message, _line_view(session, picklist, line.id), finished, "picked", values)


def report_short(
    session: Session, picklist_id: int, line_id: int, found: int, actor: Actor, *, today: date | None = None
) -> ScanOutcome:
    """The bin has only `found` more of the line's units: pick those, record the exception, open a recount
    of that bin and take the rest from another bin as a new line. Flushes; the caller commits."""
    picklist = _workable(session, picklist_id)
    line = _open_line(session, picklist, line_id)
    open_units = line.quantity - line.picked_qty - line.short_qty
    if found < 0 or found >= open_units:
        raise PickingError(f"A short pick finds fewer than the {open_units} unit(s) the line still wants, not {found}")
    if found:
        _pick(session, picklist, line, found, actor)
    missing = open_units - found
    line.short_qty += missing
    bin_code = _code(session, line.location_id)
    exception = PickException(
        picklist_line_id=line.id, location_id=line.location_id, missing=missing, reported_by=actor.user_id
    )
    exception.recount_id = _recount(session, picklist.warehouse_id, line.location_id)
    claimed = claimed_units(session, picklist.warehouse_id)
    steps = plan_units(
        session,
        line.variant_id,
        picklist.warehouse_id,
        missing,
        claimed,
        today=today or date.today(),
        exclude=frozenset({line.location_id}),
    )
    new_lines = [
        PicklistLine(
            picklist_id=picklist.id,
            order_line_id=line.order_line_id,
            variant_id=line.variant_id,
            location_id=location.id,
            lot_id=lot_id,
            quantity=units,
            tote=line.tote,
        )
        for location, lot_id, units in steps
    ]
    session.add_all(new_lines)
    session.flush()
    found_elsewhere = sum(new.quantity for new in new_lines)
    sku = session.get(Variant, line.variant_id).sku
    where = ""
    if new_lines:
        exception.reallocated_location_id = new_lines[0].location_id
        _insert_on_route(session, picklist, line, new_lines)
        where = ", ".join(_code(session, new.location_id) for new in new_lines)
        message = f"Short pick at {bin_code}: {missing} × {sku} missing; recount opened; take them from {where}"
    else:
        message = f"Short pick at {bin_code}: {missing} × {sku} missing and no other bin has them; recount opened"
    if found_elsewhere < missing:
        exception.note = f"{missing - found_elsewhere} unit(s) not on any other shelf"
        message += f"; {missing - found_elsewhere} unit(s) are on no other shelf"
    session.add(exception)
    session.add(
        AuditEntry(
            user_id=actor.user_id,
            station=actor.station,
            action=SHORT_PICK,
            entity="picklist",
            entity_id=picklist.code,
            detail={"bin": bin_code, "sku": sku, "missing": missing, "found": found},
        )
    )
    session.flush()
    finished = _finish_if_done(session, picklist)
    values = {"bin": bin_code, "missing": str(missing), "sku": sku, "where": where}
    values["nowhere"] = str(missing - found_elsewhere)
    return ScanOutcome(True, message, _line_view(session, picklist, line.id), finished, "short", values)


# -- internals ---------------------------------------------------------------------------------------


def _workable(session: Session, picklist_id: int) -> Picklist:
    picklist = session.get(Picklist, picklist_id)
    if picklist is None:
        raise PickingError(f"No pick list with id {picklist_id}")
    if picklist.status not in OPEN_PICKLIST:
        raise PickingError(f"Pick list {picklist.code} is {picklist.status.value}: nothing more to pick on it")
    return picklist


def _open_line(session: Session, picklist: Picklist, line_id: int) -> PicklistLine:
    line = session.get(PicklistLine, line_id)
    if line is None or line.picklist_id != picklist.id:
        raise PickingError(f"Pick list {picklist.code} has no line {line_id}")
    if line.quantity - line.picked_qty - line.short_qty <= 0:
        raise PickingError(f"Line {line.sequence} of {picklist.code} is done already; scan the next bin")
    return line


def _scanned_variant(session: Session, text: str, expected: Variant) -> tuple[Variant | None, SerialNumber | None]:
    """The SKU the scan names (its SKU, a barcode, a GS1 string), or a serial number of the expected SKU."""
    if not text.strip():
        return None, None
    serial = session.scalars(
        select(SerialNumber).where(SerialNumber.variant_id == expected.id, SerialNumber.serial == text.strip())
    ).first()
    if serial is not None:
        return expected, serial
    try:
        return variant_for_scan(session, text.strip()), None
    except ValueError:
        return None, None


def _pick(
    session: Session, picklist: Picklist, line: PicklistLine, units: int, actor: Actor, *, serial_id: int | None = None
) -> None:
    order_line = session.get(OrderLine, line.order_line_id)
    reservation = session.scalars(
        select(Reservation)
        .where(Reservation.order_line_id == order_line.id, Reservation.status == ReservationStatus.ACTIVE)
        .order_by(Reservation.quantity.desc(), Reservation.id)
    ).first()
    if reservation is None:
        number = session.get(Order, order_line.order_id).number
        raise PickingError(f"Order {number}: {order_line.sku} has no units reserved any more; ask a lead")
    bench = pack_station(session, picklist)
    try:
        StockLedger(session, actor).pick(
            reservation.id,
            line.location_id,
            bench.id,
            units,
            lot_id=line.lot_id,
            reference=picklist.code,
            serial_id=serial_id,
        )
    except StockError as error:
        raise PickingError(f"{error}; if the bin is short, report a short pick") from error
    if serial_id is not None:
        session.get(SerialNumber, serial_id).location_id = bench.id
    line.picked_qty += units
    line.picked_at = utcnow()
    line.picked_by = actor.user_id
    order_line.picked_qty += units
    session.flush()


def _start(picklist: Picklist) -> None:
    if picklist.status == PicklistStatus.OPEN:
        picklist.status = PicklistStatus.IN_PROGRESS
        picklist.started_at = utcnow()


def _finish_if_done(session: Session, picklist: Picklist) -> bool:
    """Every line picked or short: the list is done and each order whose units are all picked is "picked"."""
    left = session.scalar(
        select(func.count())
        .select_from(PicklistLine)
        .where(
            PicklistLine.picklist_id == picklist.id,
            PicklistLine.quantity > PicklistLine.picked_qty + PicklistLine.short_qty,
        )
    )
    if left:
        return False
    picklist.status = PicklistStatus.DONE
    picklist.finished_at = utcnow()
    order_ids = session.scalars(
        select(OrderLine.order_id)
        .join(PicklistLine, PicklistLine.order_line_id == OrderLine.id)
        .where(PicklistLine.picklist_id == picklist.id)
        .distinct()
    ).all()
    for order in session.scalars(select(Order).where(Order.id.in_(order_ids))):
        if order.state == OrderState.PICKING and all(ol.picked_qty >= ol.quantity for ol in order.lines):
            order.state = transition(order.state, OrderState.PICKED)
    session.flush()
    return True


def _recount(session: Session, warehouse_id: int, location_id: int) -> int | None:
    """A count of exactly this bin (or the one already open on it)."""
    opened = open_bin_counts(session, warehouse_id, [location_id])
    if opened.count_ids:
        return opened.count_ids[0]
    return session.scalar(
        select(CycleCount.id).where(
            CycleCount.location_id == location_id,
            CycleCount.status.in_((CycleCountStatus.OPEN, CycleCountStatus.COUNTED)),
        )
    )


def _insert_on_route(session: Session, picklist: Picklist, short: PicklistLine, new_lines: list[PicklistLine]) -> None:
    """Put the new lines where they add the least walk among the stops still ahead, then redraw the route."""
    lines = list(
        session.scalars(
            select(PicklistLine)
            .where(PicklistLine.picklist_id == picklist.id, PicklistLine.id.not_in([n.id for n in new_lines]))
            .order_by(PicklistLine.sequence, PicklistLine.id)
        )
    )
    try:
        layout = load_layout(session, picklist.warehouse_id)
    except LayoutError:
        layout = None
    here = lines.index(short) + 1  # the stops behind the picker keep their place
    ahead = lines[here:]
    position = len(ahead)
    if layout is not None:
        point = {line.id: bin_point(layout, session.get(Location, line.location_id)) for line in [*lines, *new_lines]}
        new_point = point[new_lines[0].id]
        stops = [point[short.id], *(point[line.id] for line in ahead), pack_point(layout)]
        costs = [
            layout.distance(stops[i], new_point)
            + layout.distance(new_point, stops[i + 1])
            - layout.distance(stops[i], stops[i + 1])
            for i in range(len(stops) - 1)
        ]
        position = costs.index(min(costs))
    ordered = [*lines[:here], *ahead[:position], *new_lines, *ahead[position:]]
    for sequence, line in enumerate(ordered, start=1):
        line.sequence = sequence
    if layout is not None and picklist.route:
        start = tuple(picklist.route[0])
        seen = list(dict.fromkeys(point[line.id] for line in ordered))
        path = layout.route_path([_at(start), *seen, pack_point(layout)])
        picklist.route = [list(p) for p in path]
        picklist.route_cm = path_length(path)
    session.flush()


def _at(xy: tuple[int, int]) -> Point:
    return Point(int(xy[0]), int(xy[1]))


def _remember_wrong_scan(session: Session, picklist: Picklist, actor: Actor, message: str) -> None:
    session.add(
        AuditEntry(
            user_id=actor.user_id,
            station=actor.station,
            action=WRONG_SCAN,
            entity="picklist",
            entity_id=picklist.code,
            detail={"message": message},
        )
    )
    session.flush()


def _line_view(session: Session, picklist: Picklist, line_id: int) -> PickLineView | None:
    return next((line for line in picklist_view(session, picklist.id).lines if line.id == line_id), None)


def _code(session: Session, location_id: int) -> str:
    return session.get(Location, location_id).code
