"""The products import's optional `removal_strategy` column: set, left to the default, or refused by row."""

from __future__ import annotations

from pathlib import Path

from sample_world import World
from sqlalchemy import func, select

from station.db import Database
from station.db.models import Product
from station.domain.removal import RemovalStrategy
from station.services.imports import import_file


def test_products_import_sets_the_removal_strategy(tmp_path: Path, database: Database, world: World) -> None:
    path = tmp_path / "products.csv"
    path.write_text(
        "code,name,category,tracking,removal_strategy\n"
        "P2,Leche,Lácteos,lot,FEFO\nP3,Tornillos,Ferretería,none,lifo\nP4,Polera,Ropa,none,\nP5,Gorro,Ropa,none,default\n",
        encoding="utf-8",
    )
    result = import_file(database, "products", path)
    assert result.ok, result.report()
    with database.unit_of_work() as uow:
        strategies = dict(
            uow.session.execute(select(Product.code, Product.removal_strategy).where(Product.code != "P1")).all()
        )
    assert strategies == {"P2": RemovalStrategy.FEFO, "P3": RemovalStrategy.LIFO, "P4": None, "P5": None}


def test_an_unknown_strategy_is_named_with_its_row_and_nothing_is_imported(
    tmp_path: Path, database: Database, world: World
) -> None:
    path = tmp_path / "products.csv"
    path.write_text("code,name,removal_strategy\nP2,Leche,fefo\nP3,Tornillos,newest\n", encoding="utf-8")
    result = import_file(database, "products", path)
    assert not result.ok
    report = result.report()
    assert (
        "removal_strategy" in report and "'newest' is not one of fifo, fefo, lifo, default" in report and "3" in report
    )
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Product)) == 1  # only the sample's
