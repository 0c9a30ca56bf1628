"""A warehouse's layout (its walking network, `station.domain.layout.Layout`): load it, find where a
picker stands for a bin, derive it from bins that already exist, or generate bins and layout together.

The layout lives as JSON in `Warehouse.layout`; each bin's walkway and level in `Location.aisle` and
`Location.level`. Bins are storage and pick-face locations; docks and packing benches are the
layout's places (where routes start and end).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from station.db.models import Location, LocationKind, StockQuant, Warehouse
from station.domain.layout import Layout, LayoutError, Point
from station.domain.locations import InvalidLocationCode, InvalidLocationPattern, LocationPattern
from station.services.layout_floor import (
    BIN_KINDS,
    DEFAULT_AISLE_WIDTH,
    DEFAULT_RACK_DEPTH,
    first_segment,
    layout_from_locations,
    location_aisle_level,
    warehouse_pattern,
)

__all__ = [
    "BIN_KINDS",
    "GeneratedLayout",
    "LayoutSummary",
    "LayoutError",
    "bin_point",
    "derive_layout",
    "describe_layout",
    "generate_layout",
    "layout_from_locations",
    "load_layout",
    "location_aisle_level",
    "warehouse_by_code",
    "warehouse_pattern",
]


# -- reading ---------------------------------------------------------------------------------------


def warehouse_by_code(session: Session, code: str) -> Warehouse:
    warehouse = session.scalars(select(Warehouse).where(func.upper(Warehouse.code) == code.upper())).one_or_none()
    if warehouse is None:
        known = ", ".join(session.scalars(select(Warehouse.code).order_by(Warehouse.code))) or "none"
        raise LayoutError(f"unknown warehouse {code!r} (known: {known})")
    return warehouse


def load_layout(session: Session, warehouse_id: int) -> Layout:
    """The warehouse's walking network; LayoutError naming the warehouse when it has none (or a bad one)."""
    warehouse = session.get(Warehouse, warehouse_id)
    if warehouse is None:
        raise LayoutError(f"there is no warehouse with id {warehouse_id}")
    if not warehouse.layout:
        raise LayoutError(
            f"warehouse {warehouse.code} has no layout yet: generate one "
            f"(station layout generate {warehouse.code} …) or derive it from its bins "
            f"(station layout derive {warehouse.code})"
        )
    try:
        return Layout.from_json(warehouse.layout)
    except LayoutError as error:
        raise LayoutError(f"warehouse {warehouse.code}: {error}") from error


def bin_point(layout: Layout, location: Location) -> Point:
    """Where someone stands to reach `location`: on its aisle level with a bin's middle, else at a place."""
    if location.kind in BIN_KINDS:
        aisle = location.aisle or first_segment(location.code)
        return layout.pick_point(aisle, location.y + location.height // 2)
    if any(place.code == location.code for place in layout.places):
        return layout.place_point(location.code)
    return Point(location.x + location.width // 2, location.y + location.height // 2)


# -- deriving a layout from bins -------------------------------------------------------------------


def derive_layout(session: Session, warehouse: Warehouse) -> Layout:
    """Derive and store the layout of a warehouse whose bins exist; fills each bin's aisle and level.

    Running it again gives the same layout (bins keep the aisle and level they were given).
    """
    locations = list(
        session.scalars(select(Location).where(Location.warehouse_id == warehouse.id).order_by(Location.code))
    )
    try:
        layout, assigned = layout_from_locations(locations, warehouse_pattern(warehouse))
    except LayoutError as error:
        raise LayoutError(f"warehouse {warehouse.code}: {error}") from error
    for index, (aisle, level) in assigned.items():
        location = locations[index]
        if (location.aisle, location.level) != (aisle, level):
            location.aisle, location.level = aisle, level
    warehouse.layout = layout.to_json()
    session.flush()
    return layout


# -- generating bins and layout --------------------------------------------------------------------

FLUE = 20  # gap between back-to-back racks
LEFT_MARGIN = 100
DOCK_WIDTH, DOCK_DEPTH, DOCK_PITCH = 900, 400, 1100
BENCH_WIDTH, BENCH_DEPTH, BENCH_PITCH, BENCH_Y = 200, 90, 350, 550
FRONT_ZONE_BEFORE_AISLE = 700  # docks and benches, then a front cross-aisle an aisle wide


@dataclass(frozen=True)
class GeneratedLayout:
    warehouse: str
    layout: Layout
    bins: int
    pick_faces: int
    places: tuple[str, ...]  # codes of the docks and benches (created or kept)
    removed: int  # bins the replace took away


def letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (like spreadsheet columns)."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def generate_layout(
    session: Session,
    warehouse: Warehouse,
    *,
    aisles: int,
    racks: int,
    levels: int,
    aisle_width_cm: int = DEFAULT_AISLE_WIDTH,
    rack_depth_cm: int = DEFAULT_RACK_DEPTH,
    bay_length_cm: int = 120,
    middle_cross_aisles: int = 0,
    docks: int = 1,
    pack_stations: int = 4,
    pick_face_racks: int = 0,
    pick_face_levels: int = 2,
    capacity: int = 120,
    pick_face_capacity: int = 40,
    pattern: str | None = None,
    replace: bool = False,
) -> GeneratedLayout:
    """Create `aisles` × `racks` × `levels` bins, docks and benches, and the layout that walks them.

    Each aisle is a walkway with odd racks on its left and even racks on its right (01 faces 02), racks
    of neighbouring aisles back to back; levels are strips across a rack's depth, the first nearest
    the walkway. `middle_cross_aisles` split the racks into blocks with a gap one aisle wide. Bins are
    coded with the warehouse's location pattern, or with `pattern` (a spec such as
    "{aisle:AA}-{rack:00}-{level:A}"), which then becomes the warehouse's pattern. The caller commits
    (one transaction).
    """
    _check_sizes(
        aisles, racks, levels, aisle_width_cm, rack_depth_cm, bay_length_cm, middle_cross_aisles, docks, pack_stations
    )
    removed = _clear_bins(session, warehouse, replace)
    if pattern is not None and pattern != warehouse.location_pattern:
        try:
            warehouse.location_pattern = LocationPattern(pattern).spec  # scans of the new bins read with it
        except InvalidLocationPattern as error:
            raise LayoutError(f"the location pattern {pattern!r} cannot be used: {error}") from error
    pattern_of_bins = warehouse_pattern(warehouse)
    bays = (racks + 1) // 2
    if middle_cross_aisles >= bays:
        raise LayoutError(f"{middle_cross_aisles} middle cross-aisle(s) need more than {bays} bay(s) per aisle")
    strip = rack_depth_cm // levels
    pitch = 2 * rack_depth_cm + aisle_width_cm + FLUE
    first_y = FRONT_ZONE_BEFORE_AISLE + aisle_width_cm
    bins: list[Location] = []
    for a in range(aisles):
        left = LEFT_MARGIN + a * pitch
        for rack in range(1, racks + 1):
            bay = (rack - 1) // 2
            y = first_y + bay * bay_length_cm + (bay * (middle_cross_aisles + 1) // bays) * aisle_width_cm
            for level in range(levels):
                if rack % 2:
                    x = left + rack_depth_cm - (level + 1) * strip
                else:
                    x = left + rack_depth_cm + aisle_width_cm + level * strip
                pick_face = rack <= pick_face_racks and level < pick_face_levels
                segments = {"aisle": letters(a), "rack": rack, "level": letters(level)}
                try:
                    code = pattern_of_bins.format({k: v for k, v in segments.items() if k in pattern_of_bins.names})
                except InvalidLocationCode as error:
                    raise LayoutError(
                        f"cannot code the bins of {warehouse.code} with {pattern_of_bins.spec!r}: {error}"
                    ) from error
                bins.append(
                    Location(
                        warehouse_id=warehouse.id,
                        code=code,
                        kind=LocationKind.PICK_FACE if pick_face else LocationKind.STORAGE,
                        x=x,
                        y=y,
                        width=strip,
                        height=bay_length_cm,
                        capacity=pick_face_capacity if pick_face else capacity,
                        aisle=letters(a),
                        level=letters(level),
                    )
                )
    codes = [b.code for b in bins]
    if len(set(codes)) < len(codes):
        twice = next(code for code in codes if codes.count(code) > 1)
        raise LayoutError(
            f"the pattern {pattern_of_bins.spec!r} gives two bins the code {twice}: it needs rack and level"
        )
    existing = {
        location.code.upper(): location
        for location in session.scalars(select(Location).where(Location.warehouse_id == warehouse.id))
    }
    if clash := next((b.code for b in bins if b.code.upper() in existing), None):
        raise LayoutError(f"warehouse {warehouse.code} already has a location {clash}")
    places = _places(warehouse.id, docks, pack_stations)
    new_places = [place for place in places if place.code.upper() not in existing]
    session.add_all([*bins, *new_places])
    session.flush()
    every = list(session.scalars(select(Location).where(Location.warehouse_id == warehouse.id).order_by(Location.code)))
    layout, _ = layout_from_locations(every, pattern_of_bins, aisle_width=aisle_width_cm, rack_depth=rack_depth_cm)
    warehouse.layout = layout.to_json()
    session.flush()
    return GeneratedLayout(
        warehouse.code,
        layout,
        len(bins),
        sum(b.kind == LocationKind.PICK_FACE for b in bins),
        tuple(place.code for place in places),
        removed,
    )


def _check_sizes(*sizes: int) -> None:
    names = (
        "aisles",
        "racks",
        "levels",
        "aisle width",
        "rack depth",
        "bay length",
        "cross-aisles",
        "docks",
        "pack stations",
    )
    for name, value, minimum in zip(names, sizes, (1, 1, 1, 50, 10, 10, 0, 0, 0), strict=True):
        if value < minimum:
            raise LayoutError(f"{name} must be at least {minimum}, not {value}")
    if sizes[2] > sizes[4]:
        raise LayoutError(f"{sizes[2]} levels do not fit as strips in a {sizes[4]} cm deep rack")


def _places(warehouse_id: int, docks: int, pack_stations: int) -> list[Location]:
    made = [
        Location(
            warehouse_id=warehouse_id,
            code=f"DOCK-{n:02d}",
            kind=LocationKind.DOCK,
            x=200 + (n - 1) * DOCK_PITCH,
            y=0,
            width=DOCK_WIDTH,
            height=DOCK_DEPTH,
        )
        for n in range(1, docks + 1)
    ]
    first_bench = 200 + docks * DOCK_PITCH + 200
    made += [
        Location(
            warehouse_id=warehouse_id,
            code=f"PACK-{n:02d}",
            kind=LocationKind.PACKING,
            x=first_bench + (n - 1) * BENCH_PITCH,
            y=BENCH_Y,
            width=BENCH_WIDTH,
            height=BENCH_DEPTH,
        )
        for n in range(1, pack_stations + 1)
    ]
    return made


def _clear_bins(session: Session, warehouse: Warehouse, replace: bool) -> int:
    """Refuse when the warehouse has bins (unless replacing), or when a bin to replace holds stock."""
    bins = select(Location.id).where(Location.warehouse_id == warehouse.id, Location.kind.in_(BIN_KINDS))
    bin_count = session.scalar(select(func.count()).select_from(bins.subquery())) or 0
    if not bin_count:
        return 0
    if not replace:
        raise LayoutError(
            f"warehouse {warehouse.code} already has {bin_count} bin(s); to throw them away and generate "
            f"new ones, ask for a replace (--replace), or derive the layout from them (station layout derive)"
        )
    holding = list(
        session.execute(
            select(Location.code, func.sum(StockQuant.on_hand))
            .join(StockQuant, StockQuant.location_id == Location.id)
            .where(Location.id.in_(bins), StockQuant.on_hand > 0)
            .group_by(Location.code)
            .order_by(Location.code)
        )
    )
    if holding:
        shown = ", ".join(f"{code} ({units})" for code, units in holding[:5])
        more = f" and {len(holding) - 5} more" if len(holding) > 5 else ""
        raise LayoutError(
            f"cannot replace the bins of {warehouse.code}: {len(holding)} of them hold stock ({shown}{more}); "
            f"move it out first"
        )
    try:
        with session.begin_nested():
            session.execute(delete(StockQuant).where(StockQuant.location_id.in_(bins)))
            session.execute(delete(Location).where(Location.id.in_(bins)))
    except IntegrityError as error:
        raise LayoutError(
            f"cannot replace the bins of {warehouse.code}: their history (moves, counts, picks) still refers to them"
        ) from error
    session.expire_all()
    return bin_count


# -- describing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LayoutSummary:
    warehouse: str
    layout: Layout
    bins_per_aisle: dict[str, int]  # aisle code -> bins walked from it
    levels: tuple[str, ...]
    depth: int  # y of the back cross-aisle plus half an aisle: how deep the floor plan is

    @property
    def bins(self) -> int:
        return sum(self.bins_per_aisle.values())


def describe_layout(session: Session, warehouse: Warehouse) -> LayoutSummary:
    """The warehouse's layout and how many bins each aisle serves (LayoutError when it has none)."""
    layout = load_layout(session, warehouse.id)
    rows = session.execute(
        select(Location.aisle, Location.level, func.count())
        .where(Location.warehouse_id == warehouse.id, Location.kind.in_(BIN_KINDS))
        .group_by(Location.aisle, Location.level)
    ).all()
    per_aisle: dict[str, int] = defaultdict(int)
    for aisle, _level, count in rows:
        per_aisle[aisle or "?"] += count
    ordered = {a.code: per_aisle.pop(a.code, 0) for a in layout.aisles} | dict(sorted(per_aisle.items()))
    levels = tuple(sorted({level for _, level, _ in rows if level}, key=lambda lv: (len(lv), lv)))
    return LayoutSummary(warehouse.code, layout, ordered, levels, layout.back + layout.aisle_width // 2)
