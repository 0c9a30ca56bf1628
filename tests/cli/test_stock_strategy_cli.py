"""`station stock strategy` from the shell: set and show a product's and a category's removal strategy."""

from __future__ import annotations

import subprocess

from sample_world import build_world
from station_cli import run_station

from station.db import Database
from station.db.models import Product, RemovalRule
from station.domain.removal import RemovalStrategy


def station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_station(url, "stock", "strategy", *args)


def test_set_and_show_a_products_and_a_categorys_strategy(database: Database, database_url: str) -> None:
    build_world(database)
    with database.unit_of_work() as uow:
        uow.session.query(Product).update({Product.category: "Vestuario"})
        uow.commit()

    shown = station(database_url, "POL-M-ROJ")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "POL-M-ROJ (product P1): fifo, the default"

    by_category = station(database_url, "--category", "vestuario", "lifo")
    assert by_category.returncode == 0, by_category.stderr
    assert by_category.stdout.strip() == "Category Vestuario: lifo; 1 product(s)"
    assert station(database_url, "TAZ-01").stdout.strip() == "TAZ-01 (product P1): lifo, category Vestuario's rule"

    own = station(database_url, "pol-m-roj", "FEFO")
    assert own.returncode == 0, own.stderr
    assert own.stdout.strip() == "POL-M-ROJ (product P1): fefo, its own"
    with database.unit_of_work() as uow:
        assert uow.session.query(Product.removal_strategy).scalar() is RemovalStrategy.FEFO
        assert [(r.category, r.strategy) for r in uow.session.query(RemovalRule)] == [("Vestuario", RemovalStrategy.LIFO)]

    assert station(database_url, "POL-M-ROJ", "default").stdout.strip() == "POL-M-ROJ (product P1): lifo, category Vestuario's rule"
    cleared = station(database_url, "--category", "Vestuario", "default")
    assert cleared.stdout.strip() == "Category Vestuario: no rule (each product's own, else the default); 1 product(s)"


def test_bad_input_exits_with_a_message_and_changes_nothing(database: Database, database_url: str) -> None:
    build_world(database)
    wrong = station(database_url, "POL-M-ROJ", "newest")
    assert wrong.returncode == 1 and wrong.stdout == ""
    assert "Unknown removal strategy 'newest'; use fifo, fefo, lifo or default" in wrong.stderr
    typo = station(database_url, "POL-M-RJO", "fifo")
    assert typo.returncode == 1 and "No SKU 'POL-M-RJO'" in typo.stderr and "POL-M-ROJ" in typo.stderr
    no_category = station(database_url, "--category", "Zapatos", "fifo")
    assert no_category.returncode == 1 and "No product is in category 'Zapatos'; categories: none yet" in no_category.stderr
    assert station(database_url).returncode == 2
    with database.unit_of_work() as uow:
        assert uow.session.query(Product.removal_strategy).scalar() is None
