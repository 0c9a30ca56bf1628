"""`station layout` from the shell: generate, show (text, JSON, a sketch), derive, import, and mistakes
named with exit code 1 and nothing changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from station.db import Database
from station.db.models import Location, Warehouse


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, *args],
        capture_output=True, text=True, timeout=120, env=os.environ,
    )  # fmt: skip


def add_warehouses(database: Database, *codes: str) -> None:
    with database.unit_of_work() as uow:
        uow.session.add_all(Warehouse(code=code, name=f"Bodega {code}") for code in codes)
        uow.commit()


def test_generate_show_and_derive_round_trip(database: Database, database_url: str) -> None:
    add_warehouses(database, "SCL-2")
    made = station(
        database_url, "layout", "generate", "scl-2", "--aisles", "3", "--racks", "10", "--levels", "4",
        "--cross-aisles", "1", "--pick-face-racks", "2", "--pack-stations", "2",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "SCL-2: 120 bin(s) created (12 pick face(s))" in made.stdout
    assert "Places: DOCK-01, PACK-01, PACK-02" in made.stdout

    shown = station(database_url, "layout", "show", "SCL-2")
    assert shown.returncode == 0, shown.stderr
    assert "SCL-2: 120 bin(s) on 4 level(s) (A B C D)" in shown.stdout
    assert "Aisles (3, 300 cm wide, racks 108 cm deep): A x=358, B x=894, C x=1430" in shown.stdout
    assert "Cross-aisles (3)" in shown.stdout and "Bins per aisle: A 40  B 40  C 40" in shown.stdout
    sketch = shown.stdout.splitlines()
    assert sum("+" in line for line in sketch) == 3  # one line per cross-aisle
    assert "#" in shown.stdout and "D" in sketch[-3] + sketch[-2] + sketch[-4]
    assert sketch[-1].split() == ["A", "B", "C"]

    as_json = json.loads(station(database_url, "layout", "show", "SCL-2", "--json").stdout)
    assert as_json["bins"] == 120 and as_json["levels"] == ["A", "B", "C", "D"]
    assert [a["code"] for a in as_json["layout"]["aisles"]] == ["A", "B", "C"]

    with database.unit_of_work() as uow:  # an older database: the bins are there, their aisle and the layout not
        warehouse = uow.session.scalars(select(Warehouse).where(Warehouse.code == "SCL-2")).one()
        warehouse.layout = {}
        for location in uow.session.scalars(select(Location).where(Location.warehouse_id == warehouse.id)):
            location.aisle = location.level = ""
        uow.commit()
    missing = station(database_url, "layout", "show", "SCL-2")
    assert missing.returncode == 1 and "warehouse SCL-2 has no layout yet" in missing.stderr
    derived = station(database_url, "layout", "derive", "SCL-2", "--json")
    assert derived.returncode == 0, derived.stderr
    assert json.loads(derived.stdout)["layout"] == as_json["layout"]
    assert json.loads(derived.stdout)["bins_per_aisle"] == {"A": 40, "B": 40, "C": 40}


def test_mistakes_are_named_and_change_nothing(database: Database, database_url: str) -> None:
    add_warehouses(database, "SCL-2")
    unknown = station(database_url, "layout", "generate", "NOPE", "--aisles", "1", "--racks", "2", "--levels", "2")
    assert unknown.returncode == 1 and "unknown warehouse 'NOPE' (known: SCL-2)" in unknown.stderr
    assert (
        station(
            database_url, "layout", "generate", "SCL-2", "--aisles", "1", "--racks", "2", "--levels", "2"
        ).returncode
        == 0
    )
    again = station(database_url, "layout", "generate", "SCL-2", "--aisles", "2", "--racks", "2", "--levels", "2")
    assert again.returncode == 1 and "already has 4 bin(s)" in again.stderr
    replaced = station(
        database_url, "layout", "generate", "SCL-2", "--aisles", "2", "--racks", "2", "--levels", "2", "--replace"
    )
    assert replaced.returncode == 0, replaced.stderr
    assert "8 bin(s) created (0 pick face(s)), 4 old bin(s) removed" in replaced.stdout
    bad = station(
        database_url, "layout", "generate", "SCL-2", "--aisles", "2", "--racks", "2", "--levels", "0", "--replace"
    )
    assert bad.returncode == 1 and "levels must be at least 1, not 0" in bad.stderr
    assert "8 bin(s)" in station(database_url, "layout", "show", "SCL-2").stdout


def test_import_a_layout_file(database: Database, database_url: str, tmp_path: Path) -> None:
    add_warehouses(database, "SCL-3", "CCP")
    rows = ["code,kind,x,y,width,height", "DOCK-01,dock,200,0,900,400"]
    rows += [f"A-0{rack}-A,storage,{154 if rack % 2 else 508},1000,54,120" for rack in (1, 2)]
    rows += [f"B-0{rack}-A,storage,{690 if rack % 2 else 1044},1000,54,120" for rack in (1, 2)]
    path = tmp_path / "floor.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = station(database_url, "import", "layout", str(path), "--warehouse", "SCL-3")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "lay out SCL-3: 2 aisle(s), 2 cross-aisle(s), 1 place(s)" in result.stdout
    shown = station(database_url, "layout", "show", "SCL-3")
    assert "A x=358, B x=894" in shown.stdout and "DOCK-01 (dock) at 650,200" in shown.stdout
