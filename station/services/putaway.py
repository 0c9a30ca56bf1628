"""Putaway: where received units should go, and the move once the bin is scanned.

`suggest_bin` applies these rules in order and says which one decided:

1. a fixed pick face (kind ``pick_face``) that already holds the SKU and has room;
2. a storage bin already holding the SKU with room (consolidate);
3. the nearest storage bin with room, by x/y distance from the dock — restricted to the aisle
   prefix of the product's category when `CATEGORY_AISLES` (or the ``category_aisles`` argument)
   has one and such a bin has room.

"Room" is the bin's capacity minus every unit on hand there (all SKUs); a bin without a capacity has
unlimited room. `confirm_putaway` checks the scanned bin against the suggestion and moves the units
with `MoveKind.PUTAWAY`; a wrong bin is refused, naming both, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import Location, LocationKind, Lot, Product, StockMove, StockQuant, Variant
from station.domain.stock import MoveKind
from station.services.stock import Actor, StockLedger

# Product category → bin code prefix (aisle) it belongs in. Edit for the site, or pass your own
# table as ``category_aisles``; an empty category or one not listed may go anywhere.
CATEGORY_AISLES: dict[str, str] = {
    "alimentos": "F-",  # food: the cool aisle
    "quimicos": "Q-",  # cleaning products and chemicals, apart from food
}


class PutawayError(ValueError):
    """A putaway that cannot be done as asked; the message names the bins and the SKU."""


@dataclass(frozen=True)
class Suggestion:
    location_code: str
    reason: str
    location_id: int
    room: int | None  # free units in that bin; None: unlimited


def _units_by_location(session: Session, warehouse_id: int) -> dict[int, int]:
    rows = session.execute(
        select(StockQuant.location_id, func.sum(StockQuant.on_hand))
        .join(Location, Location.id == StockQuant.location_id)
        .where(Location.warehouse_id == warehouse_id)
        .group_by(StockQuant.location_id)
    ).all()
    return {location_id: int(total or 0) for location_id, total in rows}


def _holding(session: Session, variant_id: int, warehouse_id: int) -> set[int]:
    return set(
        session.scalars(
            select(StockQuant.location_id)
            .join(Location, Location.id == StockQuant.location_id)
            .where(StockQuant.variant_id == variant_id, StockQuant.on_hand > 0, Location.warehouse_id == warehouse_id)
        )
    )


def _room(location: Location, units: dict[int, int]) -> int | None:
    return None if location.capacity is None else location.capacity - units.get(location.id, 0)


def _origin(session: Session, warehouse_id: int, dock_location_id: int | None) -> tuple[int, int]:
    dock = session.get(Location, dock_location_id) if dock_location_id is not None else None
    if dock is None:
        dock = session.scalars(
            select(Location).where(Location.warehouse_id == warehouse_id, Location.kind == LocationKind.DOCK).order_by(Location.id)
        ).first()
    return (dock.x, dock.y) if dock is not None else (0, 0)


def suggest_bin(
    session: Session,
    variant_id: int,
    quantity: int,
    warehouse_id: int,
    *,
    dock_location_id: int | None = None,
    category_aisles: Mapping[str, str] | None = None,
) -> Suggestion:
    """The bin for ``quantity`` units of a SKU, and the rule that chose it (see the module's docstring)."""
    variant = session.get(Variant, variant_id)
    if variant is None:
        raise PutawayError(f"No SKU with id {variant_id}")
    locations = session.scalars(
        select(Location).where(
            Location.warehouse_id == warehouse_id,
            Location.active.is_(True),
            Location.kind.in_([LocationKind.STORAGE, LocationKind.PICK_FACE]),
        )
    ).all()
    units = _units_by_location(session, warehouse_id)
    holding = _holding(session, variant_id, warehouse_id)

    def fits(location: Location) -> bool:
        room = _room(location, units)
        return room is None or room >= quantity

    def nearest(candidates: list[Location]) -> Location | None:
        ox, oy = _origin(session, warehouse_id, dock_location_id)
        return min(candidates, key=lambda loc: ((loc.x - ox) ** 2 + (loc.y - oy) ** 2, loc.code), default=None)

    def make(location: Location, reason: str) -> Suggestion:
        return Suggestion(location.code, reason, location.id, _room(location, units))

    faces = [loc for loc in locations if loc.kind is LocationKind.PICK_FACE and loc.id in holding and fits(loc)]
    if (face := nearest(faces)) is not None:
        return make(face, f"pick face of {variant.sku}")
    storage = [loc for loc in locations if loc.kind is LocationKind.STORAGE and fits(loc)]
    same = [loc for loc in storage if loc.id in holding]
    if (bin_ := nearest(same)) is not None:
        return make(bin_, f"consolidate: already holds {variant.sku}")
    category = session.scalar(select(Product.category).where(Product.id == variant.product_id)) or ""
    prefix = (CATEGORY_AISLES if category_aisles is None else category_aisles).get(category)
    if prefix:
        zoned = [loc for loc in storage if loc.code.upper().startswith(prefix.upper())]
        if (bin_ := nearest(zoned)) is not None:
            return make(bin_, f"nearest bin with room in {prefix} (category {category})")
    if (bin_ := nearest(storage)) is not None:
        return make(bin_, "nearest bin with room")
    raise PutawayError(f"No bin with room for {quantity} × {variant.sku}")


def confirm_putaway(
    session: Session,
    variant_id: int,
    lot_id: int | None,
    from_location: int,
    scanned_bin_code: str,
    quantity: int,
    actor: Actor,
    *,
    expected_bin: str | None = None,
) -> StockMove:
    """Move the units to the scanned bin if it is the expected one (default: `suggest_bin` now).

    The caller commits. A wrong bin raises :class:`PutawayError` naming both bins, before anything
    is written.
    """
    source = session.get(Location, from_location)
    if source is None:
        raise PutawayError(f"No location with id {from_location}")
    if expected_bin is None:
        expected_bin = suggest_bin(session, variant_id, quantity, source.warehouse_id, dock_location_id=source.id).location_code
    scanned = scanned_bin_code.strip().upper()
    if scanned != expected_bin.strip().upper():
        raise PutawayError(f"Wrong bin: scanned {scanned_bin_code.strip()}, expected {expected_bin}")
    target = session.scalars(
        select(Location).where(Location.warehouse_id == source.warehouse_id, func.upper(Location.code) == scanned)
    ).first()
    if target is None or not target.active:
        raise PutawayError(f"Bin {scanned_bin_code.strip()} does not exist or is inactive in this warehouse")
    return StockLedger(session, actor).move(variant_id, source.id, target.id, quantity, lot_id=lot_id, kind=MoveKind.PUTAWAY)


@dataclass(frozen=True)
class PutawayTask:
    """Units waiting on a dock, with where they should go (or why nowhere fits)."""

    variant_id: int
    sku: str
    lot_id: int | None
    lot_code: str | None
    quantity: int
    suggestion: Suggestion | None
    problem: str = ""


def pending_putaway(session: Session, dock_location_id: int) -> list[PutawayTask]:
    """Everything on hand at ``dock_location_id``, by SKU and lot, each with a suggested bin.

    Each suggestion is made on its own (two tasks may be sent to the same bin's last free room);
    `confirm_putaway` re-checks against the suggestion current when the bin is scanned.
    """
    dock = session.get(Location, dock_location_id)
    if dock is None:
        raise PutawayError(f"No location with id {dock_location_id}")
    rows = session.execute(
        select(StockQuant.variant_id, Variant.sku, StockQuant.lot_id, Lot.code, StockQuant.on_hand)
        .join(Variant, Variant.id == StockQuant.variant_id)
        .outerjoin(Lot, Lot.id == StockQuant.lot_id)
        .where(StockQuant.location_id == dock.id, StockQuant.on_hand > 0)
        .order_by(Variant.sku, Lot.code)
    ).all()
    tasks = []
    for variant_id, sku, lot_id, lot_code, quantity in rows:
        try:
            suggestion: Suggestion | None = suggest_bin(
                session, variant_id, quantity, dock.warehouse_id, dock_location_id=dock.id
            )
            problem = ""
        except PutawayError as exc:
            suggestion, problem = None, str(exc)
        tasks.append(PutawayTask(variant_id, sku, lot_id, lot_code, quantity, suggestion, problem))
    return tasks
