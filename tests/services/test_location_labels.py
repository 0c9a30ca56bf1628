"""Bin labels for one bin, an aisle or a range; ZPL with the ^BC of the bin code, and a PDF."""

from __future__ import annotations

import pytest
from sample_world import World

from station.db import Database
from station.db.models import Location, LocationKind
from station.services.location_labels import (
    LocationLabelError,
    location_labels_pdf,
    location_labels_zpl,
    select_location_codes,
)


@pytest.fixture
def aisles(database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        uow.session.add_all(
            Location(warehouse_id=world.warehouse_id, code=code, kind=LocationKind.STORAGE)
            for code in ("A-10-A", "A-02-C", "A-03-C", "A-03-D", "B-01-A")
        )
        uow.commit()


def select(database: Database, world: World, selection: str) -> list[str]:
    with database.unit_of_work() as uow:
        return select_location_codes(uow.session, world.warehouse_id, selection)


@pytest.mark.usefixtures("aisles")
def test_selection_by_bin_aisle_and_range(database: Database, world: World) -> None:
    assert select(database, world, "a-01-b") == ["A-01-B"]
    assert select(database, world, "A-") == ["A-01-A", "A-01-B", "A-02-C", "A-03-C", "A-03-D", "A-10-A"]
    assert select(database, world, "A-01-A..A-03-C") == ["A-01-A", "A-01-B", "A-02-C", "A-03-C"]
    assert select(database, world, "P") == ["PACK-01"]
    with pytest.raises(LocationLabelError, match="No bins match 'Z'"):
        select(database, world, "Z")
    with pytest.raises(LocationLabelError, match="Range"):
        select(database, world, "A-01-A..nonsense")


def test_zpl_labels_carry_a_code128_of_the_bin() -> None:
    zpl = location_labels_zpl(["A-01-A", "A-10-B"]).decode()
    assert zpl.count("^XA") == 2 and zpl.count("^XZ") == 2
    assert "^PW812" in zpl and "^LL406" in zpl  # 4 × 2 in at 203 dpi
    assert "^BCN,183,N,N,N^FH^FDA-01-A^FS" in zpl
    assert "^FDA-10-B^FS" in zpl
    big = location_labels_zpl(["A-01-A"], dpi=300).decode()
    assert "^PW1200" in big and "^LL600" in big
    with pytest.raises(LocationLabelError):
        location_labels_zpl([])


def test_pdf_has_a_page_per_bin() -> None:
    pdf = location_labels_pdf(["A-01-A", "A-01-B", "A-02-A"])
    assert pdf.startswith(b"%PDF") and b"/Count 3" in pdf
