"""Exports of stock, the ledger and locations; an exported stock sheet imports again."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sample_world import World
from sqlalchemy import select

from station.db import Database
from station.db.models import StockLevel
from station.domain.stock import AdjustmentReason
from station.services.exports import ExportError, export_file
from station.services.imports import import_file
from station.services.stock import Actor, StockLedger


def receive(database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor(station="test-station"))
        ledger.receive(world.shirt, world.bin_a, 5, reference="PO-1")
        ledger.receive(world.mug, world.bin_b, 2)
        ledger.adjust(world.mug, world.bin_b, -1, AdjustmentReason.DAMAGED, note="broken")
        uow.commit()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_stock_export_lists_on_hand_per_sku_location_and_lot(tmp_path: Path, database: Database, world: World) -> None:
    receive(database, world)
    assert export_file(database, "stock", tmp_path / "stock.csv") == 2
    rows = read_csv(tmp_path / "stock.csv")
    assert [(r["sku"], r["location"], r["quantity"], r["tenant"], r["warehouse"]) for r in rows] == [
        ("POL-M-ROJ", "A-01-A", "5", "ACME", "SCL1"),
        ("TAZ-01", "A-01-B", "1", "ACME", "SCL1"),
    ]


def test_moves_export_is_the_ledger(tmp_path: Path, database: Database, world: World) -> None:
    receive(database, world)
    export_file(database, "moves", tmp_path / "moves.csv", separator=";")
    text = (tmp_path / "moves.csv").read_text(encoding="utf-8")
    assert text.startswith("id;at;kind;tenant;sku;quantity;from_location;to_location")
    with (tmp_path / "moves.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [(r["kind"], r["sku"], r["quantity"], r["from_location"], r["to_location"], r["reason"]) for r in rows] == [
        ("receipt", "POL-M-ROJ", "5", "", "A-01-A", ""),
        ("receipt", "TAZ-01", "2", "", "A-01-B", ""),
        ("adjustment", "TAZ-01", "1", "A-01-B", "", "damaged"),
    ]
    assert {r["station"] for r in rows} == {"test-station"}
    assert rows[0]["reference"] == "PO-1"


def test_locations_export(tmp_path: Path, database: Database, world: World) -> None:
    export_file(database, "locations", tmp_path / "locations.csv", warehouse="SCL1")
    rows = read_csv(tmp_path / "locations.csv")
    assert [(r["code"], r["kind"]) for r in rows] == [
        ("A-01-A", "storage"), ("A-01-B", "storage"), ("PACK-01", "packing"), ("QUA-01", "quarantine")
    ]
    with pytest.raises(ExportError, match="unknown file type"):
        export_file(database, "locations", tmp_path / "locations.json")


def test_xlsx_round_trip_of_stock(tmp_path: Path, database: Database, world: World) -> None:
    pytest.importorskip("openpyxl")
    receive(database, world)
    export_file(database, "stock", tmp_path / "stock.xlsx")
    result = import_file(database, "stock", tmp_path / "stock.xlsx")  # received again: on hand doubles
    assert result.ok, result.report()
    with database.unit_of_work() as uow:
        levels = dict(uow.session.execute(select(StockLevel.variant_id, StockLevel.on_hand)).all())
    assert levels == {world.shirt: 10, world.mug: 2}
    export_file(database, "stock", tmp_path / "again.csv")
    assert [r["quantity"] for r in read_csv(tmp_path / "again.csv")] == ["10", "2"]


def test_xlsx_round_trip_of_locations_into_another_warehouse(tmp_path: Path, database: Database, world: World) -> None:
    pytest.importorskip("openpyxl")
    import openpyxl

    from station.db.models import Location, Warehouse

    with database.unit_of_work() as uow:
        uow.session.add(Warehouse(code="SCL2", name="Santiago 2"))
        uow.commit()
    export_file(database, "locations", tmp_path / "locations.xlsx", warehouse="SCL1")
    workbook = openpyxl.load_workbook(tmp_path / "locations.xlsx")
    sheet = workbook.worksheets[0]
    sheet.delete_cols(1)  # the warehouse column
    sheet.cell(3, sheet.max_column, "false")  # A-01-B: active -> false
    sheet.delete_rows(4, 2)  # PACK-01 and QUA-01 do not fit the default pattern
    workbook.save(tmp_path / "locations.xlsx")
    result = import_file(database, "locations", tmp_path / "locations.xlsx", warehouse="SCL2")
    assert result.ok, result.report()
    with database.unit_of_work() as uow:
        codes = uow.session.execute(
            select(Location.code, Location.active).join(Warehouse, Warehouse.id == Location.warehouse_id).where(Warehouse.code == "SCL2")
        ).all()
    assert sorted(codes) == [("A-01-A", True), ("A-01-B", False)]
