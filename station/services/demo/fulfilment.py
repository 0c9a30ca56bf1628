"""Puts each demo order's stock where its state says it is, through the real stock ledger:
allocated orders hold reservations (no expiry), picked and packed orders have their units on a
packing bench, shipped and delivered orders' units have left, cancelled ones released theirs.
Orders being picked get a picklist in an open wave; picked and packed ones a finished picklist."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from station.db.models import (
    Location,
    LocationKind,
    Order,
    OrderLine,
    Picklist,
    PicklistLine,
    PicklistStatus,
    User,
    Wave,
)
from station.domain.orders import OrderState
from station.services.demo.context import DemoContext
from station.services.demo.inventory import Quant, StockBook
from station.services.demo.orders import MAIN_LINE, OrderPlan
from station.services.demo.warehouse import WarehouseLayout

BINS = (LocationKind.PICK_FACE, LocationKind.STORAGE)
# When the ledger books an order's pick and its shipment, after the order was placed.
PICKED_AFTER = timedelta(hours=3)
SHIPPED_AFTER = timedelta(hours=6)


def _reached(plan: OrderPlan, state: OrderState) -> bool:
    return MAIN_LINE.index(plan.reached) >= MAIN_LINE.index(state)


@dataclass(frozen=True)
class Held:
    """A reservation the demo made: its id and what it holds."""

    id: int
    variant_id: int
    quantity: int


@dataclass
class Fulfiller:
    ctx: DemoContext
    book: StockBook
    layout: WarehouseLayout
    packers: list[User]
    waves: dict[PicklistStatus, Wave] = field(default_factory=dict)
    picklists: int = 0

    def apply(self, order: Order, plan: OrderPlan) -> None:
        if not plan.holds_stock:
            return
        reservations = [self._reserve(order, line) for line in order.lines]
        if plan.final is OrderState.CANCELLED:
            for reservation in reservations:
                self.book.ledger.release(reservation.id)
                self.book.reserved[reservation.variant_id] -= reservation.quantity
            return
        if not _reached(plan, OrderState.PICKING):  # allocated: waiting for a picklist
            return
        bench = self.ctx.rng.choice(self.layout.benches)
        sources = {line.id: self._source(line) for line in order.lines}
        # While picking, the first half of the lines are in the tote already.
        picked = order.lines if _reached(plan, OrderState.PICKED) else order.lines[: len(order.lines) // 2]
        for line, reservation in zip(order.lines, reservations, strict=True):
            if line in picked:
                self._pick(order, line, reservation, sources[line.id], bench)
        if not _reached(plan, OrderState.SHIPPED):  # picking, picked, packed: the picklist is on record
            self._picklist(order, sources, done=_reached(plan, OrderState.PICKED))
        if _reached(plan, OrderState.PACKED):
            for line in order.lines:
                line.packed_qty = line.quantity
        if _reached(plan, OrderState.SHIPPED):
            for line, reservation in zip(order.lines, reservations, strict=True):
                self._ship(order, line, reservation, sources[line.id], bench)

    # -- one stock step each -------------------------------------------------------------------

    def _reserve(self, order: Order, line: OrderLine) -> Held:
        reservation_id = self.book.ledger.reserve(
            line.variant_id,
            self.book.warehouse_id,
            line.quantity,
            order_line_id=line.id,
            channel_id=order.channel_id,
            ttl=None,
            now=order.placed_at,
        )
        self.book.reserved[line.variant_id] = self.book.reserved.get(line.variant_id, 0) + line.quantity
        return Held(reservation_id, line.variant_id, line.quantity)

    def _source(self, line: OrderLine) -> Quant:
        quant = self.book.quant_with(line.variant_id, line.quantity, BINS)
        if quant is None:  # orders.choose_lines only draws SKUs one bin can serve
            raise RuntimeError(f"demo order line {line.sku}: no bin holds {line.quantity}")
        return quant

    def _pick(self, order: Order, line: OrderLine, reservation: Held, source: Quant, bench: Location) -> None:
        ledger = self.book.ledger
        ledger.clock = lambda: order.placed_at + PICKED_AFTER
        lot_id = source.lot.id if source.lot else None
        ledger.pick(reservation.id, source.location.id, bench.id, line.quantity, lot_id=lot_id, reference=order.number)
        source.on_hand -= line.quantity
        self.book.add(line.variant_id, bench, source.lot, line.quantity)
        self._move_serials(line, source.location, bench)
        line.picked_qty = line.quantity

    def _ship(self, order: Order, line: OrderLine, reservation: Held, source: Quant, bench: Location) -> None:
        lot_id = source.lot.id if source.lot else None
        self.book.ledger.clock = lambda: order.placed_at + SHIPPED_AFTER
        self.book.ledger.ship(reservation.id, bench.id, line.quantity, lot_id=lot_id, reference=order.number)
        at_bench = next(q for q in self.book.quants[line.variant_id] if q.location is bench and q.lot is source.lot)
        at_bench.on_hand -= line.quantity
        self.book.reserved[line.variant_id] -= line.quantity
        self._move_serials(line, bench, None)

    def _move_serials(self, line: OrderLine, source: Location, target: Location | None) -> None:
        units = self.book.serials.get((line.variant_id, source.id))
        if not units:
            return
        moving, self.book.serials[(line.variant_id, source.id)] = units[: line.quantity], units[line.quantity :]
        for serial in moving:
            serial.location_id = target.id if target else None
        if target is not None:
            self.book.serials.setdefault((line.variant_id, target.id), []).extend(moving)

    # -- picklists ---------------------------------------------------------------------------------

    def _picklist(self, order: Order, sources: dict[int, Quant], *, done: bool) -> None:
        status = PicklistStatus.DONE if done else PicklistStatus.IN_PROGRESS
        wave = self._wave(status)
        self.picklists += 1
        picklist = Picklist(
            warehouse_id=self.book.warehouse_id,
            wave_id=wave.id,
            code=f"PL-{self.ctx.now:%y%m%d}-{self.picklists:03d}",
            status=status,
            assigned_user_id=self.ctx.rng.choice(self.packers).id,
            created_at=order.placed_at,
        )
        self.ctx.session.add(picklist)
        self.ctx.session.flush()
        ordered = sorted(order.lines, key=lambda line: (sources[line.id].location.code, line.id))
        self.ctx.session.add_all(
            PicklistLine(
                picklist_id=picklist.id,
                order_line_id=line.id,
                variant_id=line.variant_id,
                location_id=sources[line.id].location.id,
                lot_id=sources[line.id].lot.id if sources[line.id].lot else None,
                quantity=line.quantity,
                picked_qty=line.picked_qty,
                sequence=sequence,
            )
            for sequence, line in enumerate(ordered, start=1)
        )

    def _wave(self, status: PicklistStatus) -> Wave:
        if status not in self.waves:
            number = len(self.waves) + 1
            wave = Wave(
                warehouse_id=self.book.warehouse_id,
                code=f"OLA-{self.ctx.now:%y%m%d}-{number:02d}",
                status=status,
                created_at=self.ctx.ago(hours=6 - 3 * number),
            )
            self.ctx.session.add(wave)
            self.ctx.session.flush()
            self.waves[status] = wave
        return self.waves[status]
