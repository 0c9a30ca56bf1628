"""Stock transfers between warehouses: draft → in transit → received (or cancelled while a draft).

* `create_transfer` checks every line (SKU, source bin in the source warehouse, lot, enough units in
  the bin and free in the warehouse) and writes the draft; a lot-tracked SKU without a lot takes the
  bin's lots first to expire first, one transfer line per lot.
* `dispatch` moves each line's units from its bin to the destination warehouse's transit location
  (code ``TRANSIT``, kind ``transit``, created on first use): on hand at the source drops at once,
  and units in transit are never sellable (transit is not a sellable kind of location).
* `receive` moves units from transit onto a bin of the destination, the dock by default; a partial
  receipt records `quantity_received` per line, and the transfer is received when everything arrived.
* `cancel` cancels a draft. A transfer in transit is NOT cancelled: its units are on the road and
  must be received where they arrive (then sent back with a new transfer if they were not wanted).

Each function is one user action in the caller's transaction (the caller commits); the ledger rows
are of kind ``transfer``, with the transfer's number as reference, the user and the time. Any
refusal raises `MoveError` before the caller commits, so nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.base import utcnow
from station.db.engine import upsert_insert
from station.db.models import (
    Location,
    LocationKind,
    StockLevel,
    StockTransfer,
    StockTransferLine,
    Tenant,
    TransferStatus,
    Variant,
    Warehouse,
)
from station.domain.stock import InsufficientStock
from station.services.bin_moves import (
    HANDLED_KINDS,
    MoveError,
    bin_by_code,
    item_by_code,
    ledger_error,
    lot_by_code,
    move_units,
    quantity_of,
    split_by_lot,
    units_at,
    warehouse_by_code,
)
from station.services.stock import SELLABLE_KINDS, Actor, StockError, StockLedger
from station.services.transfer_queries import (
    TransferLineView,
    TransferView,
    find_transfer,
    get_transfer,
    in_transit_units,
    list_transfers,
    transfer_view,
    warehouse_codes,
)

__all__ = [
    "TRANSIT_CODE",
    "MoveError",
    "TransferLineView",
    "TransferView",
    "cancel",
    "create_transfer",
    "dispatch",
    "find_transfer",
    "get_transfer",
    "in_transit_units",
    "list_transfers",
    "receive",
    "transfer_view",
    "warehouse_codes",
]

TRANSIT_CODE = "TRANSIT"
NUMBER_PREFIX = "TR-"

# (sku or barcode, quantity, source bin[, lot]) as typed or scanned
LineRequest = tuple[str, int, str] | tuple[str, int, str, str | None]
# (sku or barcode, quantity[, lot]) for a partial receipt
ReceiptRequest = tuple[str, int] | tuple[str, int, str | None]


def create_transfer(
    session: Session,
    from_warehouse: str,
    to_warehouse: str,
    lines: Sequence[LineRequest],
    actor: Actor,
    *,
    note: str = "",
    client: str | None = None,
    now: datetime | None = None,
) -> TransferView:
    """A draft transfer of `lines` from one warehouse to another, numbered TR-000001… per client
    (`client`, a tenant code, reads the SKUs as that client's when two clients use the same code)."""
    tenant_id = _client_id(session, client)
    source, destination = warehouse_by_code(session, from_warehouse), warehouse_by_code(session, to_warehouse)
    if source.id == destination.id:
        raise MoveError(f"{source.code} is both the source and the destination; pick another warehouse")
    if not lines:
        raise MoveError("A transfer needs at least one line")
    planned: list[tuple[Variant, Location, int | None, int]] = []
    for index, request in enumerate(lines, start=1):
        sku, quantity, from_bin, lot = (*request, None)[:4]  # type: ignore[misc]
        where = f"Line {index} ({str(sku).strip()})"
        quantity = quantity_of(quantity, where)
        try:
            variant = item_by_code(session, str(sku), tenant_id=tenant_id)
            location = bin_by_code(session, str(from_bin), source)
        except MoveError as exc:
            raise MoveError(f"{where}: {exc}") from exc
        if location.kind not in HANDLED_KINDS:
            raise MoveError(f"{where}: {location.code} is a transit location, not a bin to send from")
        planned.extend(
            (variant, location, lot_id, units)
            for lot_id, _, units in _parts(session, variant, location, quantity, lot, where)
        )
    tenants = {variant.tenant_id for variant, *_ in planned}
    if len(tenants) > 1:
        names = ", ".join(session.scalars(select(Tenant.code).where(Tenant.id.in_(tenants)).order_by(Tenant.code)))
        raise MoveError(f"A transfer carries one client's goods; these lines belong to {names}")
    _check_enough(session, source, planned)
    owner = tenants.pop()
    transfer = StockTransfer(
        tenant_id=owner,
        number=_next_number(session, owner),
        from_warehouse_id=source.id,
        to_warehouse_id=destination.id,
        status=TransferStatus.DRAFT,
        note=note.strip()[:500],
        created_by=actor.user_id,
        created_at=now or utcnow(),
    )
    session.add(transfer)
    session.flush()
    session.add_all(
        StockTransferLine(
            transfer_id=transfer.id, variant_id=variant.id, lot_id=lot_id, from_location_id=location.id, quantity=units
        )
        for variant, location, lot_id, units in planned
    )
    session.flush()
    return transfer_view(session, transfer)


def _client_id(session: Session, client: str | None) -> int | None:
    if not client:
        return None
    tenant_id = session.scalar(select(Tenant.id).where(func.upper(Tenant.code) == client.strip().upper()))
    if tenant_id is None:
        raise MoveError(f"No client {client.strip()!r}")
    return tenant_id


def _parts(session: Session, variant: Variant, location: Location, quantity: int, lot: str | None, where: str):
    try:
        return split_by_lot(session, variant, location, quantity, lot)
    except MoveError as exc:
        raise MoveError(f"{where}: {exc}") from exc


def _check_enough(
    session: Session, source: Warehouse, planned: list[tuple[Variant, Location, int | None, int]]
) -> None:
    """The lines together fit in their bins, and in what is free (not reserved) in the warehouse."""
    per_bin: dict[tuple[Variant, Location, int | None], int] = {}
    sellable_per_sku: dict[Variant, int] = {}
    for variant, location, lot_id, units in planned:
        per_bin[(variant, location, lot_id)] = per_bin.get((variant, location, lot_id), 0) + units
        if location.kind in SELLABLE_KINDS:  # units in quarantine or returns are promised to no one
            sellable_per_sku[variant] = sellable_per_sku.get(variant, 0) + units
    for (variant, location, lot_id), units in per_bin.items():
        held = units_at(session, variant.id, location.id, lot_id)
        if held < units:
            raise MoveError(f"Only {held} of {variant.sku} at {location.code}; {units} requested in all")
    for variant, units in sellable_per_sku.items():
        level = session.execute(
            select(StockLevel.on_hand, StockLevel.reserved).where(
                StockLevel.warehouse_id == source.id, StockLevel.variant_id == variant.id
            )
        ).one_or_none()
        free = max(level[0] - level[1], 0) if level else 0
        if free < units:
            raise MoveError(
                f"Only {free} of {variant.sku} free in {source.code} (the rest is reserved for orders); "
                f"{units} requested"
            )


def _next_number(session: Session, tenant_id: int) -> str:
    # The tenant's row is locked so that two stations creating transfers never draw the same number.
    session.scalars(select(Tenant.id).where(Tenant.id == tenant_id).with_for_update()).one()
    numbers = session.scalars(
        select(StockTransfer.number).where(
            StockTransfer.tenant_id == tenant_id, StockTransfer.number.like(f"{NUMBER_PREFIX}%")
        )
    ).all()
    highest = max((int(n[len(NUMBER_PREFIX) :]) for n in numbers if n[len(NUMBER_PREFIX) :].isdigit()), default=0)
    return f"{NUMBER_PREFIX}{highest + 1:06d}"


def transit_location(session: Session, warehouse_id: int) -> Location:
    """The warehouse's transit location, created on first use (safe when two stations race for it)."""
    session.execute(
        upsert_insert(session, Location)
        .values(
            warehouse_id=warehouse_id,
            code=TRANSIT_CODE,
            kind=LocationKind.TRANSIT,
            x=0,
            y=0,
            width=100,
            height=100,
            active=True,
        )
        .on_conflict_do_nothing(index_elements=["warehouse_id", "code"])
    )
    location = session.scalars(
        select(Location).where(Location.warehouse_id == warehouse_id, Location.code == TRANSIT_CODE)
    ).one()
    if location.kind is not LocationKind.TRANSIT:
        raise MoveError(f"Location {TRANSIT_CODE} of this warehouse is a {location.kind.value} location, not transit")
    return location


def dispatch(
    session: Session, number: str, actor: Actor, *, client: str | None = None, now: datetime | None = None
) -> TransferView:
    """Send a draft: every line's units leave their bin for the destination's transit location."""
    transfer = find_transfer(session, number, client=client, lock=True)
    if transfer.status is not TransferStatus.DRAFT:
        raise MoveError(f"{transfer.number} is {_status_text(transfer.status)}; only a draft can be dispatched")
    transit = transit_location(session, transfer.to_warehouse_id)
    ledger = _ledger(session, actor, now)
    for line in transfer.lines:
        variant, source = session.get(Variant, line.variant_id), session.get(Location, line.from_location_id)
        try:
            move_units(ledger, variant, source, transit, line.quantity, lot_id=line.lot_id, reference=transfer.number)
        except (StockError, InsufficientStock) as exc:
            raise MoveError(f"{transfer.number} cannot leave: {ledger_error(exc)}") from exc
    transfer.status = TransferStatus.IN_TRANSIT
    transfer.dispatched_at = ledger.clock()
    session.flush()
    return transfer_view(session, transfer)


def receive(
    session: Session,
    number: str,
    actor: Actor,
    *,
    lines: Iterable[ReceiptRequest] | None = None,
    to_bin: str | None = None,
    client: str | None = None,
    now: datetime | None = None,
) -> TransferView:
    """Units of a transfer in transit arrive at `to_bin` of the destination (default: its dock).

    `lines` — (sku or barcode, quantity[, lot]) — receives part of it; None receives all that is
    still on its way. The transfer is received once every line has arrived in full.
    """
    transfer = find_transfer(session, number, client=client, lock=True)
    if transfer.status is not TransferStatus.IN_TRANSIT:
        raise MoveError(
            f"{transfer.number} is {_status_text(transfer.status)}; only a transfer in transit can be received"
        )
    destination = session.get(Warehouse, transfer.to_warehouse_id)
    target = _receiving_bin(session, destination, to_bin)
    transit = transit_location(session, destination.id)
    arrivals = _arrivals(session, transfer, lines)
    ledger = _ledger(session, actor, now)
    for line, units in arrivals:
        variant = session.get(Variant, line.variant_id)
        try:
            move_units(ledger, variant, transit, target, units, lot_id=line.lot_id, reference=transfer.number)
        except (StockError, InsufficientStock) as exc:
            raise MoveError(f"{transfer.number}: {ledger_error(exc)}") from exc
        line.quantity_received += units
    if all(line.quantity_received >= line.quantity for line in transfer.lines):
        transfer.status = TransferStatus.RECEIVED
        transfer.received_at = ledger.clock()
    session.flush()
    return transfer_view(session, transfer)


def _ledger(session: Session, actor: Actor, now: datetime | None) -> StockLedger:
    """The ledger, stamping its rows with `now` when given (the demo writes a past it chose)."""
    return StockLedger(session, actor) if now is None else StockLedger(session, actor, clock=lambda: now)


def _receiving_bin(session: Session, destination: Warehouse, to_bin: str | None) -> Location:
    if to_bin and to_bin.strip():
        location = bin_by_code(session, to_bin, destination)
        if location.kind not in HANDLED_KINDS:
            raise MoveError(f"{location.code} is the transit location; receive onto a dock or a bin")
        return location
    dock = session.scalars(
        select(Location)
        .where(Location.warehouse_id == destination.id, Location.kind == LocationKind.DOCK, Location.active.is_(True))
        .order_by(Location.code)
    ).first()
    if dock is None:
        raise MoveError(f"Warehouse {destination.code} has no dock; scan the bin to receive onto")
    return dock


def _arrivals(
    session: Session, transfer: StockTransfer, requests: Iterable[ReceiptRequest] | None
) -> list[tuple[StockTransferLine, int]]:
    open_lines = [line for line in transfer.lines if line.quantity_received < line.quantity]
    if requests is None:
        return [(line, line.quantity - line.quantity_received) for line in open_lines]
    arrivals: dict[int, int] = {}
    for request in requests:
        sku, quantity, lot = (*request, None)[:3]  # type: ignore[misc]
        quantity = quantity_of(quantity, f"Receiving {str(sku).strip()}")
        variant = item_by_code(session, str(sku), tenant_id=transfer.tenant_id)
        lot_id = lot_by_code(session, variant, lot).id if lot else None
        matching = [
            line for line in open_lines if line.variant_id == variant.id and (lot_id is None or line.lot_id == lot_id)
        ]
        if not any(line.variant_id == variant.id for line in transfer.lines):
            raise MoveError(f"{variant.sku} is not on {transfer.number}")
        left = quantity
        for line in matching:
            take = min(left, line.quantity - line.quantity_received - arrivals.get(line.id, 0))
            if take > 0:
                arrivals[line.id] = arrivals.get(line.id, 0) + take
                left -= take
        if left:
            outstanding = quantity - left
            raise MoveError(
                f"Only {outstanding} more of {variant.sku} on its way in {transfer.number}; {quantity} received"
            )
    lines = {line.id: line for line in transfer.lines}
    return [(lines[line_id], units) for line_id, units in arrivals.items()]


def cancel(session: Session, number: str, actor: Actor, *, client: str | None = None) -> TransferView:
    """Cancel a draft (nothing moved yet). A transfer in transit is refused: receive it instead."""
    transfer = find_transfer(session, number, client=client, lock=True)
    if transfer.status is TransferStatus.IN_TRANSIT:
        destination = session.scalar(select(Warehouse.code).where(Warehouse.id == transfer.to_warehouse_id))
        raise MoveError(
            f"{transfer.number} is already on its way; receive it at {destination} "
            "(and send the units back with a new transfer) instead of cancelling"
        )
    if transfer.status is not TransferStatus.DRAFT:
        raise MoveError(f"{transfer.number} is {_status_text(transfer.status)}; only a draft can be cancelled")
    transfer.status = TransferStatus.CANCELLED
    transfer.note = (
        transfer.note + f" [cancelled by {actor.station}{_by(actor)} at {utcnow():%Y-%m-%d %H:%M} UTC]"
    ).strip()[:500]
    session.flush()
    return transfer_view(session, transfer)


def _by(actor: Actor) -> str:
    return f", user #{actor.user_id}" if actor.user_id is not None else ""


def _status_text(status: TransferStatus) -> str:
    return {"in_transit": "in transit"}.get(status.value, status.value)
