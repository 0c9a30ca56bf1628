"""Imports of products, variants, stock and locations: good files go in, bad files change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_world import World
from sqlalchemy import func, select

from station.db import Database
from station.db.models import Barcode, Location, Lot, Product, StockLevel, StockMove, StockQuant, Variant
from station.services.imports import ImportFileError, import_file

COUNTED = (Product, Variant, Barcode, Location, Lot, StockMove, StockQuant, StockLevel)


def counts(database: Database) -> dict[str, int]:
    with database.unit_of_work() as uow:
        return {model.__name__: uow.session.scalar(select(func.count()).select_from(model)) for model in COUNTED}


def write(tmp_path: Path, name: str, text: str, *, bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def test_products_then_variants_import(tmp_path: Path, database: Database, world: World) -> None:
    products = write(tmp_path, "products.csv", "code,name,brand,category,tracking\nP2,Pantalón,Acme,Ropa,none\nP3,Leche,Colun,Lácteos,lot\n")
    result = import_file(database, "products", products)
    assert result.ok, result.report()
    variants = write(
        tmp_path,
        "variants.csv",
        "product_code,sku,name,size,colour,weight_g,length_mm,width_mm,height_mm,price,ean\n"
        'P2,PAN-32-AZ,Pantalón 32 azul,32,azul,450,300,200,50,"$19.990",7801234567894\n'
        "P3,LEC-1L,Leche 1 L,,,1030,,,,990,\n",
    )
    result = import_file(database, "variants", variants)
    assert result.ok, result.report()
    with database.unit_of_work() as uow:
        pants = uow.session.scalars(select(Variant).where(Variant.sku == "PAN-32-AZ")).one()
        assert (pants.price, pants.weight_g, pants.height_mm) == (19990, 450, 50)
        assert pants.attributes == {"size": "32", "colour": "azul"}
        assert [b.code for b in pants.barcodes] == ["7801234567894"]
        assert uow.session.scalars(select(Product).where(Product.code == "P3")).one().tracking == "lot"
        assert uow.session.scalars(select(Product).where(Product.code == "P2")).one().attribute_axes == {
            "size": ["32"], "colour": ["azul"]
        }


def test_locations_import_normalises_codes_with_the_warehouse_pattern(tmp_path: Path, database: Database, world: World) -> None:
    path = write(tmp_path, "locations.csv", "code,kind,x,y,width,height,capacity\nb-2-c,storage,100,200,80,60,40\nB-02-D,pick_face,0,0,,,\n")
    result = import_file(database, "locations", path)
    assert result.ok, result.report()
    with database.unit_of_work() as uow:
        location = uow.session.scalars(select(Location).where(Location.code == "B-02-C")).one()
        assert (location.x, location.y, location.width, location.capacity) == (100, 200, 80, 40)


def test_stock_import_receives_through_the_ledger(tmp_path: Path, database: Database, world: World) -> None:
    path = write(tmp_path, "stock.csv", "sku;location;quantity\nPOL-M-ROJ;A-01-A;12\nTAZ-01;a-1-b;5\nPOL-M-ROJ;A-01-B;3\n", bom=True)
    result = import_file(database, "stock", path)
    assert result.ok, result.report()
    with database.unit_of_work() as uow:
        session = uow.session
        assert session.scalar(select(StockLevel.on_hand).where(StockLevel.variant_id == world.shirt)) == 15
        assert session.scalar(select(StockLevel.on_hand).where(StockLevel.variant_id == world.mug)) == 5
        moves = session.scalars(select(StockMove)).all()
        assert {move.kind for move in moves} == {"receipt"} and len(moves) == 3
        assert {move.reference for move in moves} == {"import stock.csv"}
    assert {(change.sku, change.on_hand) for change in result.stock_changes} == {("POL-M-ROJ", 15), ("TAZ-01", 5)}


def test_stock_import_creates_lots_for_lot_tracked_skus(tmp_path: Path, database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        uow.session.get(Product, uow.session.get(Variant, world.mug).product_id).tracking = "lot"
        uow.commit()
    path = write(tmp_path, "stock.csv", "sku,location,quantity,lot,expires_on\nTAZ-01,A-01-A,4,L1,31-12-2027\nTAZ-01,A-01-B,2,L1,\n")
    result = import_file(database, "stock", path)
    assert result.ok, result.report()
    with database.unit_of_work() as uow:
        lot = uow.session.scalars(select(Lot)).one()
        assert (lot.code, lot.expires_on.isoformat()) == ("L1", "2027-12-31")
        assert uow.session.scalar(select(func.sum(StockQuant.on_hand)).where(StockQuant.lot_id == lot.id)) == 6


BROKEN_VARIANTS = """product_code;sku;name;weight_g;price;ean;colour2
P1;OK-1;Fine;100;$9.990;7801234567894;
P1;OK-1;Same SKU again;100;990;;
NOPE;X-2;Unknown product;100;990;;
P1;X-3;Bad weight;heavy;990;;
P1;X-4;Bad EAN;100;990;7801234567895;
P1;;No SKU;100;990;;
P1;TAZ-01;Taken SKU;100;9.990,5;;
"""


def test_a_broken_file_names_every_bad_row_and_changes_nothing(tmp_path: Path, database: Database, world: World) -> None:
    before = counts(database)
    result = import_file(database, "variants", write(tmp_path, "variants.csv", BROKEN_VARIANTS))
    assert not result.ok
    report = result.report()
    assert "nothing was imported" in report
    assert "row 1, column colour2: unknown column" in report
    assert "row 3, column sku: SKU OK-1 is already on row 2" in report
    assert "row 4, column product_code: unknown product NOPE" in report
    assert "row 5, column weight_g: bad number 'heavy'" in report
    assert "row 6, column ean: check digit should be 4, got 5" in report
    assert "row 7, column sku: missing value" in report
    assert "row 8, column sku: SKU TAZ-01 is already taken" in report
    assert "row 8, column price:" in report
    assert {problem.row for problem in result.problems} == {1, 3, 4, 5, 6, 7, 8}
    assert counts(database) == before


def test_a_broken_stock_file_receives_nothing(tmp_path: Path, database: Database, world: World) -> None:
    before = counts(database)
    text = "sku,location,quantity,lot\nPOL-M-ROJ,A-01-A,5,\nPOL-M-ROJ,Z-99-Z,5,\nGHOST,A-01-A,1,\nTAZ-01,A-01-A,-2,\nTAZ-01,A-01-A,2,L9\n"
    result = import_file(database, "stock", write(tmp_path, "stock.csv", text))
    assert [(p.row, p.column) for p in result.problems] == [(3, "location"), (4, "sku"), (5, "quantity"), (6, "lot")]
    assert counts(database) == before


def test_dry_run_reports_and_writes_nothing(tmp_path: Path, database: Database, world: World) -> None:
    before = counts(database)
    path = write(tmp_path, "stock.csv", "sku,location,quantity\nPOL-M-ROJ,A-01-A,7\n")
    result = import_file(database, "stock", path, dry_run=True)
    assert result.ok
    assert "would receive 7 unit(s) in 1 receipt(s) into SCL1" in result.report()
    assert counts(database) == before


def test_xlsx_import(tmp_path: Path, database: Database, world: World) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Code", "Name", "Tracking"])
    sheet.append(["P9", "Jugo", "lot"])
    sheet.append([None, None, None])
    sheet.append(["P1", "Clash", "maybe"])
    workbook.save(tmp_path / "products.xlsx")
    result = import_file(database, "products", tmp_path / "products.xlsx")
    assert [str(p) for p in result.problems] == [
        "row 4, column code: product P1 already exists for tenant ACME",
        "row 4, column tracking: 'maybe' is not one of none, lot, serial",
    ]


def test_unknown_tenant_and_unreadable_files_are_refused(tmp_path: Path, database: Database, world: World) -> None:
    path = write(tmp_path, "products.csv", "code,name\nP5,X\n")
    with pytest.raises(ImportFileError, match="unknown tenant 'NOPE'"):
        import_file(database, "products", path, tenant="NOPE")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("code,name\nP5,Camión\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match="not UTF-8"):
        import_file(database, "products", latin1)
    with pytest.raises(ImportFileError, match="unknown file type"):
        import_file(database, "products", write(tmp_path, "products.json", "{}"))


def test_a_missing_required_column_is_reported_once(tmp_path: Path, database: Database, world: World) -> None:
    result = import_file(database, "stock", write(tmp_path, "stock.csv", "sku,location\nPOL-M-ROJ,A-01-A\nTAZ-01,A-01-B\n"))
    assert [str(problem) for problem in result.problems] == ["row 1, column quantity: required column is missing"]


def test_a_large_file_goes_in_and_a_late_bad_row_stops_it(tmp_path: Path, database: Database, world: World) -> None:
    lines = ["product_code,sku,name,ean"]
    lines += [f"P1,BIG-{i:05d},Item {i},{body}{(10 - sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(body)) % 10) % 10}"
              for i in range(2500) for body in [f"780{i:09d}"]]
    good = write(tmp_path, "big.csv", "\n".join(lines) + "\n")
    bad = write(tmp_path, "bad.csv", "\n".join([*lines, "P1,BIG-00007,Again,"]) + "\n")
    before = counts(database)
    result = import_file(database, "variants", bad)
    assert [str(p) for p in result.problems] == ["row 2502, column sku: SKU BIG-00007 is already on row 9"]
    assert counts(database) == before
    result = import_file(database, "variants", good)
    assert result.ok, result.report()
    after = counts(database)
    assert (after["Variant"] - before["Variant"], after["Barcode"] - before["Barcode"]) == (2500, 2500)


def test_an_ean_that_lost_its_leading_zero_in_excel_gets_a_hint(tmp_path: Path, database: Database, world: World) -> None:
    path = write(tmp_path, "variants.csv", "product_code,sku,name,ean\nP1,Z-1,Zero,40012345676\n")  # 0040012345676
    result = import_file(database, "variants", path)
    assert [str(p) for p in result.problems] == [
        "row 2, column ean: '40012345676' has 11 digits; an EAN-13 has 13, a UPC-A 12; "
        "Excel may have dropped leading zeros: format the column as Text"
    ]


def test_xlsx_stock_with_date_cells_and_a_stray_cell(tmp_path: Path, database: Database, world: World) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from datetime import datetime

    with database.unit_of_work() as uow:
        uow.session.get(Product, uow.session.get(Variant, world.mug).product_id).tracking = "lot"
        uow.commit()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["sku", "location", "quantity", "lot", "expires_on"])
    sheet.append(["TAZ-01", "A-01-A", 3, "L7", datetime(2027, 3, 1)])
    sheet.append(["TAZ-01", "A-01-B", 2.0, "L7", None, None, "oops"])
    workbook.save(tmp_path / "stock.xlsx")
    result = import_file(database, "stock", tmp_path / "stock.xlsx")
    assert [str(p) for p in result.problems] == ["row 3: cells under no column name: 'oops'"]
    sheet.delete_cols(7)
    workbook.save(tmp_path / "stock.xlsx")
    result = import_file(database, "stock", tmp_path / "stock.xlsx")
    assert result.ok, result.report()
    with database.unit_of_work() as uow:
        assert uow.session.scalars(select(Lot.expires_on)).one().isoformat() == "2027-03-01"
        assert uow.session.scalar(select(StockLevel.on_hand).where(StockLevel.variant_id == world.mug)) == 5
