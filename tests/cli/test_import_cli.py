"""`station import` and `station export` as IT runs them: real subprocesses, exit codes, report text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sample_world import build_world
from sqlalchemy import func, select

from station.db import Database
from station.db.models import Variant


def station(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "STATION_HOME": str(tmp_path / "home"), "STATION_KEYRING": "file"}
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def variant_count(url: str) -> int:
    database = Database(url)
    try:
        with database.unit_of_work() as uow:
            return uow.session.scalar(select(func.count()).select_from(Variant))
    finally:
        database.dispose()


def test_import_cli_reports_every_bad_row_and_exits_1(tmp_path: Path, database_url: str) -> None:
    database = Database(database_url)
    build_world(database)
    database.dispose()
    path = tmp_path / "variants.csv"
    path.write_text(
        "\ufeffproduct_code;sku;name;ean\nP1;NEW-1;Nuevo;7801234567894\nP1;NEW-2;Malo;7801234567895\nP1;TAZ-01;Tomado;\n",
        encoding="utf-8",
    )
    before = variant_count(database_url)
    result = station(tmp_path, database_url, "import", "variants", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "variants.csv: 2 problem(s); nothing was imported" in result.stdout
    assert "row 3, column ean: check digit should be 4, got 5" in result.stdout
    assert "row 4, column sku: SKU TAZ-01 is already taken for tenant ACME" in result.stdout
    assert variant_count(database_url) == before

    path.write_text("product_code;sku;name;ean\nP1;NEW-1;Nuevo;7801234567894\n", encoding="utf-8")
    dry = station(tmp_path, database_url, "import", "variants", str(path), "--dry-run", "--tenant", "ACME")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "would create 1 SKU(s) with 1 barcode(s)" in dry.stdout
    assert variant_count(database_url) == before
    done = station(tmp_path, database_url, "import", "variants", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert variant_count(database_url) == before + 1


def test_import_and_export_cli_round_trip(tmp_path: Path, database_url: str) -> None:
    database = Database(database_url)
    build_world(database)
    database.dispose()
    stock = tmp_path / "stock.csv"
    stock.write_text("sku,location,quantity\nPOL-M-ROJ,A-01-A,4\n", encoding="utf-8")
    assert station(tmp_path, database_url, "import", "stock", str(stock), "--warehouse", "SCL1").returncode == 0
    exported = station(tmp_path, database_url, "export", "moves", str(tmp_path / "moves.xlsx"))
    assert exported.returncode == 0, exported.stderr
    assert "wrote 1 row(s) of moves" in exported.stdout
    assert (tmp_path / "moves.xlsx").stat().st_size > 0


def test_import_cli_exits_2_when_the_file_cannot_be_used(tmp_path: Path, database_url: str) -> None:
    result = station(tmp_path, database_url, "import", "products", str(tmp_path / "missing.csv"))
    assert result.returncode == 2
    assert "missing.csv: no such file" in result.stderr
    bad = tmp_path / "products.csv"
    bad.write_text("code,name\nP1,X\n", encoding="utf-8")
    result = station(tmp_path, database_url, "import", "products", str(bad))
    assert result.returncode == 2
    assert "there is no tenant in the database yet" in result.stderr


def test_import_cli_says_what_it_did(tmp_path: Path, database_url: str) -> None:
    database = Database(database_url)
    build_world(database)
    database.dispose()
    path = tmp_path / "locations.csv"
    path.write_text("code;kind;capacity\nc-3-a;pick_face;12\n", encoding="utf-8-sig")
    result = station(tmp_path, database_url, "import", "locations", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["locations.csv: 1 row(s) of locations are valid", "  done: create 1 location(s) in SCL1"]
