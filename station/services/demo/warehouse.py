"""The demo warehouse SCL-1 in Pudahuel: 12 aisles of shelving (2,016 bins) plus dock, benches,
returns and quarantine, with map coordinates that look like a real floor plan.

Map coordinates are centimetres, with the origin at the front-left corner (the dock side); x grows
to the right, y into the building. Each aisle letter is a walkway with racks on both sides: odd racks
on its left, even racks on its right, numbered from the front, so rack 01 and 02 face each other.
Neighbouring aisles' racks stand back to back. A rack is a 120 cm bay, 108 cm deep; its six levels
(A at the floor) are drawn as strips across the depth, level A nearest the walkway, so every bin
has its own rectangle on the map. The warehouse's layout (`station.services.layout`) walks it: a centre
line per aisle, a cross-aisle just in front of the racks and one behind, the dock and benches as places.
"""

from __future__ import annotations

from dataclasses import dataclass

from station.db.models import Location, LocationKind, PackageType, Warehouse
from station.domain.locations import format_location
from station.services.demo.context import DemoContext
from station.services.layout import layout_from_locations

WAREHOUSE_CODE = "SCL-1"
AISLES = "ABCDEFGHIJKL"
RACKS_PER_AISLE = 28
LEVELS = "ABCDEF"
PICK_FACE_RACKS = 4  # racks 01-04 of every aisle, levels A-B: the fast movers, nearest the benches
PICK_FACE_LEVELS = "AB"

BAY_LENGTH = 120  # along the aisle
RACK_DEPTH = 108  # across; split into one strip per level
WALKWAY = 300
FLUE = 20  # gap between back-to-back racks
FRONT_ZONE = 1000  # dock, benches and areas in front of the racks
LEFT_MARGIN = 100
AISLE_PITCH = RACK_DEPTH + WALKWAY + RACK_DEPTH + FLUE


@dataclass(frozen=True)
class WarehouseLayout:
    warehouse: Warehouse
    bins: dict[str, list[Location]]  # aisle letter -> its bins in walking order (rack, then level)
    dock: Location
    benches: list[Location]
    returns: Location
    quarantine: Location

    @property
    def all_bins(self) -> list[Location]:
        return [location for aisle in AISLES for location in self.bins[aisle]]


def _bin(warehouse_id: int, aisle_index: int, rack: int, level_index: int) -> Location:
    aisle = AISLES[aisle_index]
    strip = RACK_DEPTH // len(LEVELS)
    left = LEFT_MARGIN + aisle_index * AISLE_PITCH
    if rack % 2:  # odd: left of the walkway, level A at its right edge
        x = left + RACK_DEPTH - (level_index + 1) * strip
    else:  # even: right of the walkway, level A at its left edge
        x = left + RACK_DEPTH + WALKWAY + level_index * strip
    y = FRONT_ZONE + ((rack - 1) // 2) * BAY_LENGTH
    level = LEVELS[level_index]
    pick_face = rack <= PICK_FACE_RACKS and level in PICK_FACE_LEVELS
    return Location(
        warehouse_id=warehouse_id,
        code=format_location({"aisle": aisle, "rack": rack, "level": level}),
        kind=LocationKind.PICK_FACE if pick_face else LocationKind.STORAGE,
        x=x,
        y=y,
        width=strip,
        height=BAY_LENGTH,
        capacity=40 if pick_face else (120 if level_index < 4 else 80),
        aisle=aisle,
        level=level,
    )


# The benches' boxes and envelopes: inner size (mm), tare and what each carries at most (g).
# fmt: off
PACKAGE_TYPES = (
    {"code": "SOBRE-M", "name": "Sobre acolchado M", "length_mm": 300, "width_mm": 220, "height_mm": 40, "tare_g": 25, "max_weight_g": 1_000},
    {"code": "SOBRE-L", "name": "Sobre acolchado L", "length_mm": 400, "width_mm": 300, "height_mm": 60, "tare_g": 40, "max_weight_g": 2_000},
    {"code": "CAJA-S", "name": "Caja S", "length_mm": 250, "width_mm": 200, "height_mm": 100, "tare_g": 150, "max_weight_g": 5_000},
    {"code": "CAJA-M", "name": "Caja M", "length_mm": 400, "width_mm": 300, "height_mm": 200, "tare_g": 300, "max_weight_g": 15_000},
    {"code": "CAJA-L", "name": "Caja L", "length_mm": 600, "width_mm": 400, "height_mm": 400, "tare_g": 600, "max_weight_g": 30_000},
)
# fmt: on


def build_warehouse(ctx: DemoContext) -> WarehouseLayout:
    warehouse = Warehouse(
        code=WAREHOUSE_CODE,
        name="Centro de distribución Pudahuel",
        street="Avenida Lo Boza 1500",
        comuna="Pudahuel",
        region="Metropolitana de Santiago",
        created_at=ctx.ago(days=400),
    )
    ctx.session.add(warehouse)
    ctx.session.flush()
    wid = warehouse.id
    bins = {
        aisle: [_bin(wid, index, rack, level) for rack in range(1, RACKS_PER_AISLE + 1) for level in range(len(LEVELS))]
        for index, aisle in enumerate(AISLES)
    }
    dock = Location(warehouse_id=wid, code="DOCK-01", kind=LocationKind.DOCK, x=200, y=0, width=900, height=400)
    benches = [
        Location(
            warehouse_id=wid,
            code=f"PACK-{n:02d}",
            kind=LocationKind.PACKING,
            x=1500 + (n - 1) * 350,
            y=550,
            width=200,
            height=90,
        )
        for n in range(1, 5)
    ]
    returns = Location(warehouse_id=wid, code="RET-01", kind=LocationKind.RETURNS, x=3000, y=0, width=500, height=400)
    quarantine = Location(
        warehouse_id=wid, code="QUA-01", kind=LocationKind.QUARANTINE, x=3700, y=0, width=400, height=400
    )
    ctx.session.add_all([*[b for aisle in AISLES for b in bins[aisle]], dock, *benches, returns, quarantine])
    ctx.session.add_all(PackageType(**box) for box in PACKAGE_TYPES)
    # The walking network: each aisle's centre line, cross-aisles just in front of and behind the racks,
    # the dock and the benches as places (read off the bins, as `station layout derive` would).
    walked, _ = layout_from_locations(
        [*(b for aisle in AISLES for b in bins[aisle]), dock, *benches], aisle_width=WALKWAY, rack_depth=RACK_DEPTH
    )
    warehouse.layout = walked.to_json()
    ctx.session.flush()
    layout = WarehouseLayout(warehouse, bins, dock, benches, returns, quarantine)
    ctx.progress(f"Warehouse {WAREHOUSE_CODE}: {len(layout.all_bins):,} bins, a dock, {len(benches)} packing benches")
    return layout
