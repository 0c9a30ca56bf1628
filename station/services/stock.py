"""The core stock operations: receive, move, adjust, reserve, release, pick, ship.

`StockLedger` works inside the caller's unit of work and never commits: one user action (which may
pick and ship several lines) is one transaction, committed by whoever owns the action. Every
operation that changes units on hand writes a ledger row, the quant changes, the SKU's level and
the outbox rows for its listings, all in that one transaction. The level counts sellable units only
(not quarantine or returns), so a reservation never promises units that still wait for inspection.

Concurrency: each operation first takes the SKU's `StockLevel` row (an UPDATE or SELECT … FOR UPDATE
on PostgreSQL; SQLite serialises writers with BEGIN IMMEDIATE), so changes to one SKU queue up
instead of interleaving. Reserving is a single conditional UPDATE, so it can never oversell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.api import StockChange
from station.db.base import utcnow
from station.db.engine import upsert_insert
from station.db.models import (
    Location,
    LocationKind,
    Reservation,
    ReservationStatus,
    SerialNumber,
    StockLevel,
    StockMove,
    StockQuant,
    Tenant,
    Variant,
    Warehouse,
)
from station.domain.stock import AdjustmentReason, InsufficientStock, MoveKind, available, check_quantity
from station.services import stock_statements as statements

DEFAULT_RESERVATION_TTL = timedelta(minutes=15)

# Units in these locations count as on hand for sale; quarantine and returns hold units that must be
# inspected first, so they are in the quants but not in the SKU's level.
SELLABLE_KINDS = frozenset({LocationKind.STORAGE, LocationKind.PICK_FACE, LocationKind.DOCK, LocationKind.PACKING})


@dataclass(frozen=True)
class Actor:
    """Who is acting, for the ledger: the station's name and the logged-in user, if any."""

    station: str
    user_id: int | None = None


class StockError(ValueError):
    """An operation that cannot be done as asked; the message says what and where."""


class StockLedger:
    def __init__(self, session: Session, actor: Actor, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.actor = actor
        self.clock = clock  # stamps ledger rows and reservations (tests and the demo set their own)
        # (warehouse_id, variant_id) -> (on_hand, reserved) after the latest operation on it
        self._totals: dict[tuple[int, int], tuple[int, int]] = {}

    def changes(self) -> list[StockChange]:
        """The SKUs whose totals this ledger changed, as they stand now (for `station_stock_did_change`).

        Call it after the commit and hand the result to `PluginHost.notify_stock_did_change`.
        """
        if not self._totals:
            return []
        variant_ids = {variant_id for _, variant_id in self._totals}
        warehouse_ids = {warehouse_id for warehouse_id, _ in self._totals}
        skus = {
            variant_id: (tenant, sku)
            for variant_id, tenant, sku in self.session.execute(
                select(Variant.id, Tenant.code, Variant.sku)
                .join(Tenant, Tenant.id == Variant.tenant_id)
                .where(Variant.id.in_(variant_ids))
            )
        }
        warehouses = dict(
            self.session.execute(select(Warehouse.id, Warehouse.code).where(Warehouse.id.in_(warehouse_ids))).all()
        )
        now = self.clock()
        return [
            StockChange(
                tenant=skus[variant_id][0],
                sku=skus[variant_id][1],
                warehouse=warehouses[warehouse_id],
                on_hand=on_hand,
                reserved=reserved,
                available=available(on_hand, reserved),
                at=now,
            )
            for (warehouse_id, variant_id), (on_hand, reserved) in self._totals.items()
        ]

    # -- operations that change units on hand --------------------------------------------------

    def receive(
        self,
        variant_id: int,
        location_id: int,
        quantity: int,
        *,
        lot_id: int | None = None,
        reference: str = "",
        kind: MoveKind = MoveKind.RECEIPT,
        serial_id: int | None = None,
        reservation_id: int | None = None,
    ) -> StockMove:
        """Units come into the warehouse: a receipt, or a return (`kind=MoveKind.RETURN`).

        `serial_id` names the one serial-tracked unit the row is about (then `quantity` must be 1);
        `reservation_id` the reservation units come back for (a voided label: they wait at the bench).
        """
        check_quantity(quantity)
        variant, location = self._variant(variant_id), self._location(location_id)
        self._check_serial(variant, serial_id, quantity)
        level = self._lock_level(location.warehouse_id, variant)
        self._quant(variant, location, lot_id).on_hand += quantity
        level.on_hand += quantity * sellable(location)
        return self._record(
            kind,
            variant,
            quantity,
            None,
            location,
            lot_id,
            reference=reference,
            serial_id=serial_id,
            reservation_id=reservation_id,
        )

    def move(
        self,
        variant_id: int,
        from_location_id: int,
        to_location_id: int,
        quantity: int,
        *,
        lot_id: int | None = None,
        kind: MoveKind = MoveKind.TRANSFER,
        reference: str = "",
        reservation_id: int | None = None,
        serial_id: int | None = None,
    ) -> StockMove:
        check_quantity(quantity)
        variant = self._variant(variant_id)
        source, target = self._location(from_location_id), self._location(to_location_id)
        if source.id == target.id:
            raise StockError(f"{variant.sku}: cannot move from {source.code} to itself")
        self._check_serial(variant, serial_id, quantity)
        if source.warehouse_id != target.warehouse_id:
            return self._move_between_warehouses(variant, source, target, quantity, lot_id, kind, reference, serial_id)
        level = self._lock_level(source.warehouse_id, variant)
        self._take(variant, source, lot_id, quantity)
        self._quant(variant, target, lot_id).on_hand += quantity
        # Into quarantine or returns the units stop being sellable; out of them, they start again.
        level.on_hand += quantity * (sellable(target) - sellable(source))
        return self._record(
            kind,
            variant,
            quantity,
            source,
            target,
            lot_id,
            reference=reference,
            reservation_id=reservation_id,
            serial_id=serial_id,
        )

    def _move_between_warehouses(
        self,
        variant: Variant,
        source: Location,
        target: Location,
        quantity: int,
        lot_id: int | None,
        kind: MoveKind,
        reference: str,
        serial_id: int | None = None,
    ) -> StockMove:
        """Units change warehouse only through a transit location (a stock transfer), never bin to bin.

        Both levels are locked in warehouse order, so two transfers in opposite directions cannot
        deadlock; units promised to customers (reserved) never leave.
        """
        if LocationKind.TRANSIT not in (source.kind, target.kind):
            raise StockError(
                f"{variant.sku}: {source.code} and {target.code} are in different warehouses; "
                "units change warehouse through a stock transfer"
            )
        levels = {wid: self._lock_level(wid, variant) for wid in sorted((source.warehouse_id, target.warehouse_id))}
        source_level, target_level = levels[source.warehouse_id], levels[target.warehouse_id]
        if sellable(source):
            free = source_level.on_hand - source_level.reserved
            if free < quantity:
                raise InsufficientStock(sku=variant.sku, location=None, requested=quantity, available=max(free, 0))
        self._take(variant, source, lot_id, quantity)
        self._quant(variant, target, lot_id).on_hand += quantity
        source_level.on_hand -= quantity * sellable(source)
        target_level.on_hand += quantity * sellable(target)
        return self._record(kind, variant, quantity, source, target, lot_id, reference=reference, serial_id=serial_id)

    def adjust(
        self,
        variant_id: int,
        location_id: int,
        delta: int,
        reason: AdjustmentReason,
        *,
        note: str = "",
        lot_id: int | None = None,
    ) -> StockMove:
        """Correct the units at a location by `delta` (negative for a loss), with a reason."""
        if delta == 0:
            raise StockError("an adjustment of 0 units changes nothing")
        variant, location = self._variant(variant_id), self._location(location_id)
        level = self._lock_level(location.warehouse_id, variant)
        if delta > 0:
            self._quant(variant, location, lot_id).on_hand += delta
            source, target = None, location
        else:
            self._take(variant, location, lot_id, -delta)
            source, target = location, None
        level.on_hand += delta * sellable(location)
        return self._record(
            MoveKind.ADJUSTMENT, variant, abs(delta), source, target, lot_id, reason=AdjustmentReason(reason), note=note
        )

    # -- reservations ---------------------------------------------------------------------------

    def reserve(
        self,
        variant_id: int,
        warehouse_id: int,
        quantity: int,
        *,
        order_line_id: int | None = None,
        checkout_ref: str | None = None,
        channel_id: int | None = None,
        ttl: timedelta | None = DEFAULT_RESERVATION_TTL,
        now: datetime | None = None,
    ) -> int:
        """Hold units for an order line or checkout and return the reservation's id.

        Raises InsufficientStock rather than oversell.
        """
        check_quantity(quantity)
        connection = self.session.connection()
        row = connection.execute(
            statements.RESERVE_UNITS, {"in_warehouse": warehouse_id, "in_variant": variant_id, "units": quantity}
        ).one_or_none()
        if row is None:
            level = self._level_row(warehouse_id, variant_id)
            free = available(level.on_hand, level.reserved) if level else 0
            raise InsufficientStock(
                sku=self._variant(variant_id).sku, location=None, requested=quantity, available=free
            )
        tenant_id, on_hand, reserved = row
        now = now or self.clock()
        reservation_id = connection.execute(
            statements.INSERT_RESERVATION,
            {
                "tenant_id": tenant_id,
                "warehouse_id": warehouse_id,
                "variant_id": variant_id,
                "quantity": quantity,
                "order_line_id": order_line_id,
                "checkout_ref": checkout_ref,
                "channel_id": channel_id,
                "status": ReservationStatus.ACTIVE,
                "expires_at": now + ttl if ttl is not None else None,
                "created_at": now,
            },
        ).scalar_one()
        self._totals[(warehouse_id, variant_id)] = (on_hand, reserved)
        self._queue_pushes(tenant_id, variant_id)
        return reservation_id

    def release(self, reservation_id: int, *, status: ReservationStatus = ReservationStatus.RELEASED) -> None:
        """Give a reservation's units back (status `released`, or `expired` when its time ran out)."""
        connection = self.session.connection()
        row = connection.execute(
            statements.END_RESERVATION, {"reservation_id": reservation_id, "new_status": status.value}
        ).one_or_none()
        if row is None:
            self._active_reservation(reservation_id)  # raises, saying why
        warehouse_id, variant_id, quantity = row
        tenant_id, on_hand, reserved = connection.execute(
            statements.UNRESERVE_UNITS, {"in_warehouse": warehouse_id, "in_variant": variant_id, "units": quantity}
        ).one()
        self._totals[(warehouse_id, variant_id)] = (on_hand, reserved)
        self._queue_pushes(tenant_id, variant_id)

    def expire_reservations(self, now: datetime | None = None, *, limit: int = 500) -> int:
        """Release active reservations past their expiry (at most `limit`); returns how many.

        Several workers may run this at once: rows another worker is expiring are skipped
        (FOR UPDATE SKIP LOCKED on PostgreSQL), so each reservation is released exactly once.
        """
        now = now or self.clock()
        expired = self.session.scalars(
            select(Reservation.id)
            .where(Reservation.status == ReservationStatus.ACTIVE, Reservation.expires_at <= now)
            .order_by(Reservation.expires_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        for reservation_id in expired:
            self.release(reservation_id, status=ReservationStatus.EXPIRED)
        return len(expired)

    # -- fulfilment -----------------------------------------------------------------------------

    def pick(
        self,
        reservation_id: int,
        from_location_id: int,
        to_location_id: int,
        quantity: int,
        *,
        lot_id: int | None = None,
        reference: str = "",
        serial_id: int | None = None,
    ) -> StockMove:
        """Move reserved units from their bin to the packing bench; they stay reserved."""
        reservation = self._active_reservation(reservation_id)
        if quantity > reservation.quantity:
            raise StockError(f"cannot pick {quantity}: reservation #{reservation.id} holds {reservation.quantity}")
        return self.move(
            reservation.variant_id,
            from_location_id,
            to_location_id,
            quantity,
            lot_id=lot_id,
            kind=MoveKind.PICK,
            reference=reference,
            reservation_id=reservation.id,
            serial_id=serial_id,
        )

    def ship(
        self,
        reservation_id: int,
        from_location_id: int,
        quantity: int,
        *,
        lot_id: int | None = None,
        reference: str = "",
        serial_id: int | None = None,
    ) -> StockMove:
        """Units leave the warehouse: on hand and reserved both go down; the reservation is consumed."""
        check_quantity(quantity)
        reservation = self._active_reservation(reservation_id)
        if quantity > reservation.quantity:
            raise StockError(f"cannot ship {quantity}: reservation #{reservation.id} holds {reservation.quantity}")
        variant, location = self._variant(reservation.variant_id), self._location(from_location_id)
        self._check_serial(variant, serial_id, quantity)
        level = self._lock_level(reservation.warehouse_id, variant)
        self._take(variant, location, lot_id, quantity)
        level.on_hand -= quantity * sellable(location)
        level.reserved -= quantity
        reservation.quantity -= quantity
        if reservation.quantity == 0:
            reservation.quantity = quantity  # the units of its last shipment (a reservation never holds 0)
            reservation.status = ReservationStatus.CONSUMED
        return self._record(
            MoveKind.SHIP,
            variant,
            quantity,
            location,
            None,
            lot_id,
            reference=reference,
            reservation_id=reservation.id,
            serial_id=serial_id,
        )

    # -- reading ---------------------------------------------------------------------------------

    def totals(self, warehouse_id: int, variant_id: int) -> tuple[int, int]:
        """(on hand, reserved) of a SKU in a warehouse."""
        row = self._level_row(warehouse_id, variant_id)
        return (row.on_hand, row.reserved) if row else (0, 0)

    # -- internals -------------------------------------------------------------------------------

    def _variant(self, variant_id: int) -> Variant:
        variant = self.session.get(Variant, variant_id)
        if variant is None:
            raise StockError(f"no SKU with id {variant_id}")
        return variant

    def _location(self, location_id: int) -> Location:
        location = self.session.get(Location, location_id)
        if location is None:
            raise StockError(f"no location with id {location_id}")
        return location

    def _check_serial(self, variant: Variant, serial_id: int | None, quantity: int) -> None:
        """A ledger row that names a serial is about that one unit, of that SKU."""
        if serial_id is None:
            return
        unit = self.session.get(SerialNumber, serial_id)
        if unit is None or unit.variant_id != variant.id:
            raise StockError(f"{variant.sku}: serial #{serial_id} is not a unit of this SKU")
        if quantity != 1:
            raise StockError(f"{variant.sku}: a move of serial {unit.serial} carries 1 unit, not {quantity}")

    def _active_reservation(self, reservation_id: int) -> Reservation:
        reservation = self.session.get(Reservation, reservation_id, with_for_update=True, populate_existing=True)
        if reservation is None:
            raise StockError(f"no reservation #{reservation_id}")
        if reservation.status != ReservationStatus.ACTIVE:
            raise StockError(f"reservation #{reservation_id} is {reservation.status.value}, not active")
        return reservation

    def _level_row(self, warehouse_id: int, variant_id: int) -> StockLevel | None:
        return self.session.scalars(
            select(StockLevel)
            .where(StockLevel.warehouse_id == warehouse_id, StockLevel.variant_id == variant_id)
            .execution_options(populate_existing=True)
        ).one_or_none()

    def _lock_level(self, warehouse_id: int, variant: Variant) -> StockLevel:
        """The SKU's level row, created if missing, locked until the transaction ends."""
        values = {"tenant_id": variant.tenant_id, "warehouse_id": warehouse_id, "variant_id": variant.id}
        self.session.execute(
            upsert_insert(self.session, StockLevel)
            .values(**values, on_hand=0, reserved=0)
            .on_conflict_do_nothing(index_elements=["warehouse_id", "variant_id"])
        )
        level = self.session.scalars(
            select(StockLevel)
            .where(StockLevel.warehouse_id == warehouse_id, StockLevel.variant_id == variant.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()
        return level

    def _quant(self, variant: Variant, location: Location, lot_id: int | None) -> StockQuant:
        lot_filter = StockQuant.lot_id.is_(None) if lot_id is None else StockQuant.lot_id == lot_id
        quant = self.session.scalars(
            select(StockQuant).where(
                StockQuant.location_id == location.id, StockQuant.variant_id == variant.id, lot_filter
            )
        ).one_or_none()
        if quant is None:
            quant = StockQuant(
                tenant_id=variant.tenant_id, variant_id=variant.id, location_id=location.id, lot_id=lot_id, on_hand=0
            )
            self.session.add(quant)
        return quant

    def _take(self, variant: Variant, location: Location, lot_id: int | None, quantity: int) -> None:
        quant = self._quant(variant, location, lot_id)
        if quant.on_hand < quantity:
            raise InsufficientStock(
                sku=variant.sku, location=location.code, requested=quantity, available=quant.on_hand
            )
        quant.on_hand -= quantity

    def _record(
        self,
        kind: MoveKind,
        variant: Variant,
        quantity: int,
        source: Location | None,
        target: Location | None,
        lot_id: int | None,
        **details: object,
    ) -> StockMove:
        move = StockMove(
            at=self.clock(),
            tenant_id=variant.tenant_id,
            kind=kind,
            variant_id=variant.id,
            lot_id=lot_id,
            quantity=quantity,
            from_location_id=source.id if source else None,
            to_location_id=target.id if target else None,
            user_id=self.actor.user_id,
            station=self.actor.station,
            **details,
        )
        self.session.add(move)
        self.session.flush()
        if sellable(source) != sellable(target):  # sellable units entered or left the sellable side's warehouse
            changed = source if sellable(source) else target
            self._after_change(changed.warehouse_id, variant)  # type: ignore[union-attr]
        return move

    def _after_change(self, warehouse_id: int, variant: Variant) -> None:
        """Remember the SKU's new totals and queue a stock push to each of its listings."""
        self.session.flush()
        self._totals[(warehouse_id, variant.id)] = self.totals(warehouse_id, variant.id)
        self._queue_pushes(variant.tenant_id, variant.id)

    def _queue_pushes(self, tenant_id: int, variant_id: int) -> None:
        """Queue a stock push to each active listing of the SKU, in the same transaction."""
        connection = self.session.connection()
        connection.execute(
            statements.QUEUE_STOCK_PUSHES[connection.dialect.name],
            {"tenant_id": tenant_id, "variant_id": variant_id, "now": self.clock()},
        )


def sum_quants(session: Session, warehouse_id: int, variant_id: int) -> int:
    """Sellable units of a SKU across a warehouse's quants (what its level's on hand must equal)."""
    return session.scalar(
        select(func.coalesce(func.sum(StockQuant.on_hand), 0))
        .join(Location, Location.id == StockQuant.location_id)
        .where(
            Location.warehouse_id == warehouse_id,
            StockQuant.variant_id == variant_id,
            Location.kind.in_(SELLABLE_KINDS),
        )
    )


def sellable(location: Location | None) -> int:
    """1 if units at `location` may be promised to customers, else 0 (quarantine, returns, outside)."""
    return int(location is not None and location.kind in SELLABLE_KINDS)
