"""The stock side of confirming an order at the packing bench: which units leave, from where, named how.

Units the line already has at the bench (picked there, or back from a voided label) leave first; the rest
are picked from the bins `station.services.removal.pick_plan` names, in the SKU's removal order (FIFO,
FEFO or LIFO; expired lots never). A scanned serial is picked from its own bin when it is there and gets
ledger rows of its own (quantity 1, `serial_id`); units without a serial move one row per bin and lot.
Reservations stay per SKU and warehouse: the lot is chosen here, at pick time. All of it runs inside the
confirm's transaction (`station.services.dispatch.ship_order`, `void_label`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Location, Order, Reservation, ReservationStatus, SerialNumber, StockMove, Variant
from station.domain.stock import MoveKind
from station.services.removal import blocked_units, pick_plan
from station.services.set_asides import reserve_for_order
from station.services.stock import StockLedger


class DispatchError(Exception):
    """A confirm that cannot go ahead; nothing was written and no label was bought.

    Defined here, where most of the refusals come from; `station.services.dispatch` exports it.
    """


def ship_line(
    session: Session, ledger: StockLedger, order: Order, line, bench: Location, units: list[SerialNumber], today: date
) -> None:
    """Reserve what is missing, pick to the bench what is not there yet, ship it all from the bench.

    Units already at the bench leave first; the rest come from the bins `pick_plan` names, in the SKU's
    removal order (FIFO, FEFO or LIFO; expired lots never). Each scanned serial rides on a ledger row of
    its own (quantity 1, `serial_id`), the units without a serial on one row per bin and lot.
    """
    reservations = session.scalars(
        select(Reservation).where(Reservation.order_line_id == line.id, Reservation.status == ReservationStatus.ACTIVE)
    ).all()
    held = sum(r.quantity for r in reservations)
    if held < line.quantity:
        reserve_for_order(  # what was set aside for this customer or channel first, then free stock
            session,
            ledger,
            line.variant_id,
            bench.warehouse_id,
            line.quantity - held,
            order_line_id=line.id,
            channel_id=order.channel_id,
            customer_rut=order.customer_rut,
        )
        reservations = session.scalars(
            select(Reservation).where(
                Reservation.order_line_id == line.id, Reservation.status == ReservationStatus.ACTIVE
            )
        ).all()
    # Units this line already has at the bench (picked, or back from a voided label) leave first, with the
    # serials their rows name; scanned serials at the bench go with the rest, the others come from their bin.
    waiting = units_at_bench(session, line.id, bench.id)
    named = {serial_id for _, serial_id in waiting if serial_id is not None}
    scanned = {unit.id for unit in units}
    serial_ids = [unit.id for unit in units if unit.location_id == bench.id and unit.id not in named]
    elsewhere = [unit for unit in units if unit.location_id != bench.id]
    for reservation in reservations:
        remaining = reservation.quantity
        for (lot_id, serial_id), ready in list(waiting.items()):
            take = min(ready, remaining)
            if take <= 0 or (serial_id is not None and units and serial_id not in scanned):
                continue  # the packer scanned other serials: this unit stays at the bench
            own = [serial_id] if serial_id is not None else serial_ids
            _ship_units(ledger, reservation.id, None, bench.id, lot_id, take, own, order.number)
            waiting[(lot_id, serial_id)] -= take
            remaining -= take
        while remaining and elsewhere:
            unit = elsewhere.pop(0)
            own_bin = pick_plan(
                session, line.variant_id, bench.warehouse_id, 1, today=today, locations=[unit.location_id or 0]
            )
            if not own_bin:  # not where the catalogue says: it rides on the plan's units instead
                serial_ids.append(unit.id)
                continue
            _ship_units(
                ledger, reservation.id, own_bin[0].location_id, bench.id, own_bin[0].lot_id, 1, [unit.id], order.number
            )
            remaining -= 1
        serial_ids += [unit.id for unit in elsewhere]
        elsewhere = []
        if remaining:
            for step in pick_plan(session, line.variant_id, bench.warehouse_id, remaining, today=today):
                _ship_units(
                    ledger,
                    reservation.id,
                    step.location_id,
                    bench.id,
                    step.lot_id,
                    step.units,
                    serial_ids,
                    order.number,
                )
                remaining -= step.units
        if remaining:
            sku = session.get(Variant, line.variant_id).sku
            blocked = blocked_units(session, line.variant_id, bench.warehouse_id, today=today)
            why = f" ({blocked} more are in expired lots, blocked from sale)" if blocked else ""
            raise DispatchError(f"{sku}: {remaining} unit(s) of order {order.number} are not on any shelf{why}")
    line.picked_qty = line.quantity
    line.packed_qty = line.quantity


def _ship_units(
    ledger: StockLedger,
    reservation_id: int,
    source_id: int | None,
    bench_id: int,
    lot_id: int | None,
    units: int,
    serial_ids: list[int],
    reference: str,
) -> None:
    """Pick `units` from `source_id` to the bench (unless they are there already) and ship them.

    Scanned serials are used up one unit at a time, so each names its own pick and ship rows.
    """
    while units > 0:
        serial_id = serial_ids.pop(0) if serial_ids else None
        take = 1 if serial_id is not None else units
        if source_id is not None:
            ledger.pick(
                reservation_id, source_id, bench_id, take, lot_id=lot_id, reference=reference, serial_id=serial_id
            )
        ledger.ship(reservation_id, bench_id, take, lot_id=lot_id, reference=reference, serial_id=serial_id)
        units -= take


def units_at_bench(session: Session, line_id: int, bench_id: int) -> dict[tuple[int | None, int | None], int]:
    """Units of an order line at the bench, not shipped, per (lot, serial): picked there under one of its
    reservations, or returned there when a label was voided (the return names the reservation they left under)."""
    moves = session.execute(
        select(StockMove.kind, StockMove.lot_id, StockMove.serial_id, StockMove.quantity)
        .join(Reservation, Reservation.id == StockMove.reservation_id)
        .where(
            Reservation.order_line_id == line_id,
            (StockMove.to_location_id == bench_id) | (StockMove.from_location_id == bench_id),
        )
    ).all()
    at_bench: dict[tuple[int | None, int | None], int] = {}
    for kind, lot_id, serial_id, quantity in moves:
        sign = -1 if kind == MoveKind.SHIP else 1
        at_bench[(lot_id, serial_id)] = at_bench.get((lot_id, serial_id), 0) + sign * quantity
    return {key: units for key, units in at_bench.items() if units > 0}


def out_with_the_carrier(
    session: Session, line_id: int, reference: str
) -> list[tuple[int | None, int | None, int, int]]:
    """(lot, serial, reservation, units) the line shipped and no voided label has brought back yet."""
    moves = session.execute(
        select(StockMove.kind, StockMove.lot_id, StockMove.serial_id, StockMove.reservation_id, StockMove.quantity)
        .join(Reservation, Reservation.id == StockMove.reservation_id)
        .where(
            Reservation.order_line_id == line_id,
            StockMove.kind.in_((MoveKind.SHIP, MoveKind.RETURN)),
            StockMove.reference.in_((reference, f"{reference} label voided")),
        )
        .order_by(StockMove.id)
    ).all()
    out: dict[tuple[int | None, int | None], tuple[int, int]] = {}
    for kind, lot_id, serial_id, reservation_id, quantity in moves:
        units, _ = out.get((lot_id, serial_id), (0, reservation_id))
        out[(lot_id, serial_id)] = (units + (quantity if kind == MoveKind.SHIP else -quantity), reservation_id)
    return [
        (lot_id, serial_id, reservation_id, units)
        for (lot_id, serial_id), (units, reservation_id) in out.items()
        if units > 0
    ]


def scanned_units(session: Session, variant_id: int, serials: list[str]) -> list[SerialNumber]:
    """The serial-number rows of the units scanned for a line (refused if one is unknown)."""
    units = []
    for serial in serials:
        unit = session.scalars(
            select(SerialNumber).where(SerialNumber.variant_id == variant_id, SerialNumber.serial == serial)
        ).one_or_none()
        if unit is None:
            raise DispatchError(f"Serial {serial} is unknown for this SKU")
        units.append(unit)
    return units


def mark_serials(units: list[SerialNumber], line_id: int) -> None:
    for unit in units:
        unit.location_id = None
        unit.order_line_id = line_id
