"""Slotting: which SKUs are picked most, and moving the fast movers closer to dispatch.

**ABC of SKUs** (`classify_skus`), from the pick history of the last `days` days: ledger moves of kind
``pick`` or ``ship`` out of a storage bin or pick face of the warehouse. A *pick* is one visit to a
bin: the moves of one order (reference) from one bin count once (serial-tracked units move one
ledger row per unit); a move without a reference counts on its own. SKUs are ranked by picks, most
first; those that together make the first 80 % of the picks are **A**, the next 15 % **B**, the rest
**C** (a SKU is in the class where its first pick falls, as for bins in count_schedules).

**Suggestions** (`suggest`): for each A-class SKU, from the bin it was picked from most (that still
holds it), the closest free bin — active, empty, of the same kind or a pick face, with room for the
SKU's units there, and not promised to another open suggestion or move task — or, when no free bin
is closer, a swap with the closest bin holding a single C-class SKU (that SKU's units go to the A's
old bin). A bin's round trip is twice the walk (`Layout.distance`) from the nearest dispatch place
(pack station or dock) to where a picker stands for it (`bin_point`); the walk saved per day is
``picks/day × (round trip to the old bin − round trip to the new bin)``, with picks/day counted from
that bin over `days` (for a swap, minus what the C SKU's picks then walk more). Suggestions are stored
as proposed SlottingSuggestion rows, best first; a SKU whose bin already has an open suggestion is
left alone. Accepting one makes the MoveTask(s) (reason ``slotting``) that the floor does by scanning.

Every function works in the caller's session; the caller commits once per user action.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.base import utcnow
from station.db.models import (
    Location,
    LocationKind,
    MoveTask,
    SlottingSuggestion,
    StockMove,
    StockQuant,
    SuggestionStatus,
    TaskStatus,
    Variant,
    Warehouse,
)
from station.domain.layout import Layout, LayoutError, Point
from station.domain.stock import InsufficientStock, MoveKind
from station.services.bin_moves import MoveError, ledger_error, move_units, split_by_lot
from station.services.layout import bin_point, load_layout
from station.services.stock import Actor, StockError, StockLedger

__all__ = [
    "DISPATCH_KINDS",
    "SkuClass",
    "SlottingError",
    "SuggestionRow",
    "TaskRow",
    "accept",
    "classify_skus",
    "dispatch_round_trips",
    "station_warehouse",
    "station_warehouse_code",
    "do_task",
    "list_suggestions",
    "open_tasks",
    "reject",
    "suggest",
]

A_SHARE, B_SHARE = 0.80, 0.95  # cumulative share of picks where A ends and where B ends
DISPATCH_KINDS = ("packing", "dock")  # layout places a pick walk starts from and returns to
PICKED_KINDS = (LocationKind.STORAGE, LocationKind.PICK_FACE)


class SlottingError(ValueError):
    """A slotting action that cannot be done as asked; the message names the suggestion, task or bin."""


@dataclass(frozen=True)
class SkuClass:
    variant_id: int
    sku: str
    name: str
    picks: int  # visits to its bins
    units: int
    picks_per_day: float
    abc_class: str


@dataclass(frozen=True)
class _Pick:
    variant_id: int
    location_id: int
    visits: int
    units: int


def _pick_history(session: Session, warehouse_id: int, since: datetime, now: datetime) -> list[_Pick]:
    rows = session.execute(
        select(StockMove.variant_id, StockMove.from_location_id, StockMove.reference, StockMove.quantity)
        .join(Location, Location.id == StockMove.from_location_id)
        .where(
            Location.warehouse_id == warehouse_id,
            Location.kind.in_(PICKED_KINDS),
            StockMove.kind.in_((MoveKind.PICK, MoveKind.SHIP)),
            StockMove.at >= since,
            StockMove.at <= now,
        )
        .order_by(StockMove.id)
    ).all()
    visits: dict[tuple[int, int], set[object]] = defaultdict(set)
    units: dict[tuple[int, int], int] = defaultdict(int)
    for index, (variant_id, location_id, reference, quantity) in enumerate(rows):
        key = (variant_id, location_id)
        visits[key].add(reference or ("row", index))  # one order at one bin is one visit
        units[key] += quantity
    return [_Pick(v, loc, len(visits[(v, loc)]), units[(v, loc)]) for v, loc in visits]


def station_warehouse(session: Session, code: str = "") -> tuple[int, str]:
    """(id, code) of the warehouse to slot: the one named, else the first one with a layout, else the first."""
    query = select(Warehouse.id, Warehouse.code, Warehouse.layout).order_by(Warehouse.id)
    if code.strip():
        query = query.where(func.upper(Warehouse.code) == code.strip().upper())
    rows = session.execute(query).all()
    if not rows:
        known = ", ".join(session.scalars(select(Warehouse.code).order_by(Warehouse.code))) or "none"
        raise SlottingError(
            f"No warehouse {code.strip()!r} (warehouses: {known})" if code.strip() else "No warehouse yet"
        )
    chosen = next((row for row in rows if row.layout), rows[0])
    return chosen.id, chosen.code


def station_warehouse_code(session: Session, warehouse_id: int) -> str:
    warehouse = session.get(Warehouse, warehouse_id)
    if warehouse is None:
        raise SlottingError(f"No warehouse #{warehouse_id}")
    return warehouse.code


def _window(session: Session, warehouse_id: int, days: int, now: datetime | None) -> tuple[datetime, datetime]:
    if session.get(Warehouse, warehouse_id) is None:
        raise SlottingError(f"No warehouse #{warehouse_id}")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise SlottingError(f"days must be a whole number ≥ 1, not {days!r}")
    end = now or utcnow()
    return end - timedelta(days=days), end


def classify_skus(
    session: Session, warehouse_id: int, *, days: int = 30, now: datetime | None = None
) -> list[SkuClass]:
    """Every SKU picked in the warehouse over the last `days` days with its picks and ABC class, most
    picked first (ties by SKU). SKUs never picked in that time are not listed (they are C)."""
    since, end = _window(session, warehouse_id, days, now)
    picks: dict[int, int] = defaultdict(int)
    units: dict[int, int] = defaultdict(int)
    for pick in _pick_history(session, warehouse_id, since, end):
        picks[pick.variant_id] += pick.visits
        units[pick.variant_id] += pick.units
    names = {
        row.id: (row.sku, row.name)
        for row in session.execute(select(Variant.id, Variant.sku, Variant.name).where(Variant.id.in_(list(picks))))
    }
    total = sum(picks.values())
    ranked = sorted(picks, key=lambda variant_id: (-picks[variant_id], names[variant_id][0]))
    result, before = [], 0
    for variant_id in ranked:
        share = before / total
        abc = "A" if share < A_SHARE else "B" if share < B_SHARE else "C"
        before += picks[variant_id]
        sku, name = names[variant_id]
        result.append(
            SkuClass(variant_id, sku, name, picks[variant_id], units[variant_id], picks[variant_id] / days, abc)
        )
    return result


def dispatch_round_trips(layout: Layout, points: dict[int, Point]) -> dict[int, int]:
    """Location id → twice the walk from the nearest pack station or dock to its pick point (cm)."""
    starts = [Point(place.x, place.y) for place in layout.places if place.kind in DISPATCH_KINDS]
    if not starts:
        raise LayoutError("the layout has no pack station or dock to measure walks from")
    return {
        location_id: 2 * min(layout.distance(start, point) for start in starts) for location_id, point in points.items()
    }


@dataclass
class _Bin:
    location: Location
    round_trip: int
    contents: dict[int, int]  # variant id → units on hand


def _bins(session: Session, warehouse_id: int) -> tuple[dict[int, _Bin], Layout]:
    layout = load_layout(session, warehouse_id)
    locations = session.scalars(
        select(Location).where(
            Location.warehouse_id == warehouse_id, Location.kind.in_(PICKED_KINDS), Location.active.is_(True)
        )
    ).all()
    points = {}
    for location in locations:
        try:
            points[location.id] = bin_point(layout, location)
        except LayoutError:
            continue  # a bin the layout does not reach (an aisle not drawn): never a target
    trips = dispatch_round_trips(layout, points)
    contents: dict[int, dict[int, int]] = defaultdict(dict)
    for location_id, variant_id, units in session.execute(
        select(StockQuant.location_id, StockQuant.variant_id, func.sum(StockQuant.on_hand))
        .join(Location, Location.id == StockQuant.location_id)
        .where(Location.warehouse_id == warehouse_id, StockQuant.on_hand > 0)
        .group_by(StockQuant.location_id, StockQuant.variant_id)
    ):
        contents[location_id][variant_id] = int(units)
    bins = {
        location.id: _Bin(location, trips[location.id], contents.get(location.id, {}))
        for location in locations
        if location.id in trips
    }
    return bins, layout


def _taken_bins(session: Session, warehouse_id: int) -> tuple[set[int], set[tuple[int, int]]]:
    """Bins promised to open suggestions or move tasks, and (SKU, bin) pairs already proposed."""
    taken: set[int] = set()
    proposed: set[tuple[int, int]] = set()
    for variant_id, source, target in session.execute(
        select(SlottingSuggestion.variant_id, SlottingSuggestion.from_location_id, SlottingSuggestion.to_location_id)
        .where(SlottingSuggestion.warehouse_id == warehouse_id, SlottingSuggestion.status == SuggestionStatus.PROPOSED)
    ):  # fmt: skip
        taken.update((source, target))
        proposed.add((variant_id, source))
    for source, target in session.execute(
        select(MoveTask.from_location_id, MoveTask.to_location_id).where(
            MoveTask.warehouse_id == warehouse_id, MoveTask.status == TaskStatus.OPEN
        )
    ):
        taken.update((source, target))
    return taken, proposed


def _fits(target: Location, units: int) -> bool:
    return target.capacity is None or target.capacity >= units


def suggest(
    session: Session, warehouse_id: int, *, days: int = 30, now: datetime | None = None, limit: int = 20
) -> list[SuggestionRow]:
    """New proposed suggestions for the A-class SKUs, best first (at most `limit`); see the module."""
    since, end = _window(session, warehouse_id, days, now)
    classes = {row.variant_id: row.abc_class for row in classify_skus(session, warehouse_id, days=days, now=end)}
    bins, _layout = _bins(session, warehouse_id)
    taken, proposed = _taken_bins(session, warehouse_id)
    history = _pick_history(session, warehouse_id, since, end)
    visits = {(pick.variant_id, pick.location_id): pick.visits for pick in history}
    # Each A SKU's main bin: the one it was picked from most that still holds it.
    homes: dict[int, tuple[int, int]] = {}
    for pick in sorted(history, key=lambda p: (-p.visits, p.location_id)):
        source = bins.get(pick.location_id)
        if classes.get(pick.variant_id) == "A" and pick.variant_id not in homes and source is not None:
            if source.contents.get(pick.variant_id):
                homes[pick.variant_id] = (pick.location_id, pick.visits)
    free = sorted(
        (b for b in bins.values() if not b.contents and b.location.id not in taken),
        key=lambda b: (b.round_trip, b.location.code),
    )
    made: list[SlottingSuggestion] = []
    for variant_id, (source_id, picks) in sorted(homes.items(), key=lambda item: (-item[1][1], item[0])):
        source = bins[source_id]
        if (variant_id, source_id) in proposed or source_id in taken:
            continue
        units = source.contents[variant_id]
        kinds = {source.location.kind, LocationKind.PICK_FACE}
        per_day = picks / days
        target = next(
            (
                b
                for b in free
                if b.location.kind in kinds and _fits(b.location, units) and b.round_trip < source.round_trip
            ),
            None,
        )
        saved = per_day * (source.round_trip - target.round_trip) if target else 0.0
        swap = _best_swap(bins, classes, visits, taken, source, variant_id, units, kinds, days)
        if swap is not None and swap[1] > saved:
            target, saved = swap
        if target is None or round(saved) <= 0:
            continue
        suggestion = SlottingSuggestion(
            warehouse_id=warehouse_id,
            variant_id=variant_id,
            from_location_id=source_id,
            to_location_id=target.location.id,
            abc_class="A",
            picks_per_day=round(per_day, 3),
            saved_cm_per_day=round(saved),
        )
        made.append(suggestion)
        taken.update((source_id, target.location.id))
        free = [b for b in free if b is not target]
    made.sort(key=lambda s: -s.saved_cm_per_day)
    made = made[:limit]
    session.add_all(made)
    session.flush()
    wanted = {s.id for s in made}
    return [row for row in list_suggestions(session, warehouse_id) if row.id in wanted]


def _best_swap(
    bins: dict[int, _Bin],
    classes: dict[int, str],
    visits: dict[tuple[int, int], int],
    taken: set[int],
    source: _Bin,
    variant_id: int,
    units: int,
    kinds: set[LocationKind],
    days: int,
) -> tuple[_Bin, float] | None:
    """The closer bin holding one C-class SKU (or one never picked) that saves the most when the two swap."""
    best: tuple[_Bin, float] | None = None
    for other in bins.values():
        if other.location.id in taken or other.round_trip >= source.round_trip or len(other.contents) != 1:
            continue
        ((other_variant, other_units),) = other.contents.items()
        if other_variant == variant_id or classes.get(other_variant, "C") != "C" or other.location.kind not in kinds:
            continue
        if not (_fits(other.location, units) and _fits(source.location, other_units)):
            continue
        gain = visits.get((variant_id, source.location.id), 0) / days * (source.round_trip - other.round_trip)
        cost = visits.get((other_variant, other.location.id), 0) / days * (source.round_trip - other.round_trip)
        if best is None or gain - cost > best[1]:
            best = (other, gain - cost)
    return best


# -- reading -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SuggestionRow:
    id: int
    sku: str
    name: str
    abc_class: str
    picks_per_day: float
    from_bin: str
    to_bin: str
    from_xy: tuple[int, int]  # the bins' centres on the floor plan (cm), for the map's arrows
    to_xy: tuple[int, int]
    saved_cm_per_day: int
    status: str
    swap_sku: str  # the C-class SKU in the target bin that moves to the old bin, or ""


@dataclass(frozen=True)
class TaskRow:
    id: int
    sku: str
    name: str
    quantity: int
    from_bin: str
    to_bin: str
    reason: str
    status: str


def _centre(location: Location) -> tuple[int, int]:
    return location.x + location.width // 2, location.y + location.height // 2


def list_suggestions(
    session: Session, warehouse_id: int, status: SuggestionStatus | None = SuggestionStatus.PROPOSED
) -> list[SuggestionRow]:
    """The warehouse's suggestions (open ones by default), most metres saved first."""
    query = select(SlottingSuggestion).where(SlottingSuggestion.warehouse_id == warehouse_id)
    if status is not None:
        query = query.where(SlottingSuggestion.status == status)
    suggestions = session.scalars(
        query.order_by(SlottingSuggestion.saved_cm_per_day.desc(), SlottingSuggestion.id)
    ).all()
    return [_suggestion_row(session, s) for s in suggestions]


def _suggestion_row(session: Session, suggestion: SlottingSuggestion) -> SuggestionRow:
    variant = session.get(Variant, suggestion.variant_id)
    source = session.get(Location, suggestion.from_location_id)
    target = session.get(Location, suggestion.to_location_id)
    others = [v for v in _contents(session, target.id) if v != suggestion.variant_id]
    swap = session.get(Variant, others[0]).sku if len(others) == 1 else ""
    return SuggestionRow(
        suggestion.id, variant.sku, variant.name, suggestion.abc_class, suggestion.picks_per_day, source.code,
        target.code, _centre(source), _centre(target), suggestion.saved_cm_per_day, suggestion.status.value, swap,
    )  # fmt: skip


def _contents(session: Session, location_id: int) -> dict[int, int]:
    return {
        variant_id: int(units)
        for variant_id, units in session.execute(
            select(StockQuant.variant_id, func.sum(StockQuant.on_hand))
            .where(StockQuant.location_id == location_id, StockQuant.on_hand > 0)
            .group_by(StockQuant.variant_id)
        )
    }


def open_tasks(session: Session, warehouse_id: int) -> list[TaskRow]:
    """The warehouse's open move tasks, oldest first."""
    tasks = session.scalars(
        select(MoveTask)
        .where(MoveTask.warehouse_id == warehouse_id, MoveTask.status == TaskStatus.OPEN)
        .order_by(MoveTask.id)
    ).all()
    return [_task_row(session, task) for task in tasks]


def _task_row(session: Session, task: MoveTask) -> TaskRow:
    variant = session.get(Variant, task.variant_id)
    source, target = session.get(Location, task.from_location_id), session.get(Location, task.to_location_id)
    return TaskRow(
        task.id, variant.sku, variant.name, task.quantity, source.code, target.code, task.reason, task.status.value
    )


# -- deciding and doing ----------------------------------------------------------------------------


def _open_suggestion(session: Session, suggestion_id: int) -> SlottingSuggestion:
    suggestion = session.get(SlottingSuggestion, suggestion_id, with_for_update=True)
    if suggestion is None:
        raise SlottingError(f"No slotting suggestion #{suggestion_id}")
    if suggestion.status is not SuggestionStatus.PROPOSED:
        raise SlottingError(f"Slotting suggestion #{suggestion_id} was already {suggestion.status.value}")
    return suggestion


def accept(session: Session, suggestion_id: int, actor: Actor, *, now: datetime | None = None) -> list[TaskRow]:
    """Accept a proposed suggestion: a move task for the SKU's units in its bin (and, for a swap, one
    for the other SKU's units back to the old bin). Returns the new tasks."""
    suggestion = _open_suggestion(session, suggestion_id)
    variant = session.get(Variant, suggestion.variant_id)
    source = session.get(Location, suggestion.from_location_id)
    target = session.get(Location, suggestion.to_location_id)
    units = _contents(session, source.id).get(variant.id, 0)
    if not units:
        raise SlottingError(f"{variant.sku} is no longer at {source.code}; reject suggestion #{suggestion_id}")
    moves = [(variant.id, source, target, units)]
    others = {v: n for v, n in _contents(session, target.id).items() if v != variant.id}
    if len(others) > 1:
        raise SlottingError(f"{target.code} now holds several SKUs; reject suggestion #{suggestion_id}")
    if others:  # a swap: only with a slow mover (the bin may have filled since it was proposed)
        fast = {
            row.variant_id for row in classify_skus(session, suggestion.warehouse_id, now=now) if row.abc_class != "C"
        }
        if set(others) & fast:
            occupant = session.get(Variant, next(iter(others))).sku
            raise SlottingError(
                f"{target.code} now holds {occupant}, no slow mover; reject suggestion #{suggestion_id}"
            )
    moves += [(v, target, source, n) for v, n in others.items()]  # the swap's way back
    tasks = [
        MoveTask(
            warehouse_id=suggestion.warehouse_id,
            variant_id=v,
            from_location_id=a.id,
            to_location_id=b.id,
            quantity=n,
            reason="slotting",
            created_by=actor.user_id,
        )  # fmt: skip
        for v, a, b, n in moves
    ]
    session.add_all(tasks)
    session.flush()
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.decided_by = actor.user_id
    suggestion.move_task_id = tasks[0].id
    session.flush()
    return [_task_row(session, task) for task in tasks]


def reject(session: Session, suggestion_id: int, actor: Actor) -> SuggestionRow:
    suggestion = _open_suggestion(session, suggestion_id)
    suggestion.status = SuggestionStatus.REJECTED
    suggestion.decided_by = actor.user_id
    session.flush()
    return _suggestion_row(session, suggestion)


def do_task(session: Session, task_id: int, scanned_from: str, scanned_to: str, actor: Actor) -> TaskRow:
    """Do an open move task: the scanned bins must be the task's; moves its units (or what is left
    of them in the bin) and marks it done."""
    task = session.get(MoveTask, task_id, with_for_update=True)
    if task is None:
        raise SlottingError(f"No move task #{task_id}")
    if task.status is not TaskStatus.OPEN:
        raise SlottingError(f"Move task #{task_id} is already {task.status.value}")
    source, target = session.get(Location, task.from_location_id), session.get(Location, task.to_location_id)
    for scanned, wanted, what in ((scanned_from, source, "from"), (scanned_to, target, "to")):
        if scanned.strip().upper() != wanted.code.upper():
            raise SlottingError(
                f"Scanned {scanned.strip() or 'nothing'}, but move task #{task_id} moves {what} {wanted.code}"
            )
    variant = session.get(Variant, task.variant_id)
    held = _contents(session, source.id).get(variant.id, 0)
    if not held:
        raise SlottingError(f"No {variant.sku} left at {source.code} for move task #{task_id}")
    ledger = StockLedger(session, actor)
    try:
        for lot_id, _code, units in split_by_lot(session, variant, source, min(held, task.quantity), None):
            move_units(ledger, variant, source, target, units, lot_id=lot_id, reference=f"MOVE-{task.id}")
    except (StockError, InsufficientStock) as exc:
        raise SlottingError(str(ledger_error(exc))) from exc
    except MoveError as exc:
        raise SlottingError(str(exc)) from exc
    task.quantity = min(held, task.quantity)
    task.status = TaskStatus.DONE
    task.done_at = utcnow()
    task.done_by = actor.user_id
    session.flush()
    return _task_row(session, task)
