"""Importing a warehouse's bins with their rectangles (`import layout`): the walking network comes with
them in the same transaction; a broken row is named and nothing is written."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from station.db import Database
from station.db.models import Location, Warehouse
from station.services.imports import import_file
from station.services.layout import load_layout, warehouse_by_code

HEADER = "code,kind,x,y,width,height,capacity,aisle,level"


def floor_rows(*, aisles: str = "AB", racks: int = 4) -> list[str]:
    """Two levels per rack, odd racks left of each walkway and even right, 300 cm walkways."""
    rows = []
    for index, aisle in enumerate(aisles):
        left = 100 + index * 536
        for rack in range(1, racks + 1):
            y = 1000 + ((rack - 1) // 2) * 120
            for level, name in enumerate("AB"):
                x = left + 108 - (level + 1) * 54 if rack % 2 else left + 408 + level * 54
                rows.append(f"{aisle}-{rack:02d}-{name},storage,{x},{y},54,120,60,,")
    rows += ["DOCK-01,dock,200,0,900,400,,,", "PACK-01,packing,1500,550,200,90,,,"]
    return rows


def write(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "layout.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def add_warehouse(database: Database, code: str = "SCL-3") -> None:
    with database.unit_of_work() as uow:
        uow.session.add(Warehouse(code=code, name="Bodega nueva"))
        uow.commit()


def locations_in(database: Database, code: str) -> int:
    with database.unit_of_work() as uow:
        warehouse = warehouse_by_code(uow.session, code)
        return uow.session.scalar(select(func.count()).where(Location.warehouse_id == warehouse.id))


def test_a_layout_file_brings_bins_places_and_the_walking_network(tmp_path: Path, database: Database) -> None:
    add_warehouse(database)
    rows = floor_rows()
    rows[0] = rows[0].removesuffix(",,") + ",A,A"  # aisle and level may be given; the rest come from the codes
    result = import_file(database, "layout", write(tmp_path, rows), warehouse="SCL-3")
    assert result.ok, result.report()
    assert "lay out SCL-3: 2 aisle(s), 2 cross-aisle(s), 2 place(s)" in result.report()
    with database.unit_of_work() as uow:
        session = uow.session
        warehouse = warehouse_by_code(session, "SCL-3")
        layout = load_layout(session, warehouse.id)
        assert [(a.code, a.x) for a in layout.aisles] == [("A", 358), ("B", 894)]
        assert layout.cross_aisles == (850, 1390)
        assert [(p.code, p.kind, p.x, p.y) for p in layout.places] == [
            ("DOCK-01", "dock", 650, 200),
            ("PACK-01", "packing", 1600, 595),
        ]
        bins = session.scalars(select(Location).where(Location.warehouse_id == warehouse.id, Location.aisle != ""))
        assert sorted((b.code, b.aisle, b.level) for b in bins)[:3] == [
            ("A-01-A", "A", "A"),
            ("A-01-B", "A", "B"),
            ("A-02-A", "A", "A"),
        ]


def test_a_broken_layout_file_names_row_and_column_and_writes_nothing(tmp_path: Path, database: Database) -> None:
    add_warehouse(database)
    rows = floor_rows()
    rows[2] = "A-02-A,storage,wide,1000,54,120,60,,"  # row 4: x is not a number
    rows[5] = "A-03-B,storage,560,1000,54,120,60,,"  # row 7: on top of A-02-B
    rows.append("B-09-A,storage,700,3000,54,120,60,toolongaislename-x,")  # an aisle code too long
    result = import_file(database, "layout", write(tmp_path, rows), warehouse="SCL-3")
    assert not result.ok
    report = result.report()
    assert "nothing was imported" in report
    assert "row 4, column x: " in report
    assert "row 7, column x: bin A-03-B overlaps bin A-02-B on the map" in report
    assert f"row {len(rows) + 1}, column aisle: too long" in report
    assert locations_in(database, "SCL-3") == 0
    with database.unit_of_work() as uow:
        assert warehouse_by_code(uow.session, "SCL-3").layout == {}


def test_bins_beside_existing_ones_extend_the_layout(tmp_path: Path, database: Database) -> None:
    add_warehouse(database)
    rows = floor_rows()
    first = [row for row in rows if row.startswith(("A-", "DOCK", "PACK"))]
    assert import_file(database, "layout", write(tmp_path, first), warehouse="SCL-3").ok
    second = [row for row in rows if row.startswith("B-")]
    clash = import_file(
        database, "layout", write(tmp_path, [*second, "X-01-A,storage,100,1000,10,10,,,"]), warehouse="SCL-3"
    )
    assert "overlaps bin A-01-B" in clash.report() and not clash.ok
    assert import_file(database, "layout", write(tmp_path, second), warehouse="SCL-3").ok
    with database.unit_of_work() as uow:
        layout = load_layout(uow.session, warehouse_by_code(uow.session, "SCL-3").id)
        assert [a.code for a in layout.aisles] == ["A", "B"]
