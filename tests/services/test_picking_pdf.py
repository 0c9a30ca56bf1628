"""The printed pick list: header with the route comparison, lines in walking order (read back with pdftotext)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from picking_world import ACTOR, add_allocated_order, build_pick_world

from station.services.picking import build_picklist
from station.services.picking_queries import picklist_view
from station.services.picklist_pdf import PicklistTexts, picklist_pdf, route_summary


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_the_pdf_lists_the_bins_in_route_order(database, tmp_path):
    world = build_pick_world(database)
    ids = [
        add_allocated_order(database, world, "JLS-1", [("LAP-AZ", 2), ("CUA-A5", 1)]),
        add_allocated_order(database, world, "JLS-2", [("TIJ-01", 2)]),
    ]
    with database.unit_of_work() as uow:
        picklist_id = build_picklist(uow.session, world.warehouse_id, ids, ACTOR)
        uow.commit()
    with database.unit_of_work() as uow:
        view = picklist_view(uow.session, picklist_id)
        pdf = picklist_pdf(uow.session, picklist_id)
    path = tmp_path / "pl.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Pick list PL-000001" in text
    assert route_summary(view) in text and "S-shape" in text
    assert "T1 = JLS-1, T2 = JLS-2" in text
    positions = [text.index(line.location) for line in view.lines]
    assert positions == sorted(positions) and len(set(view.lines)) == 3
    assert all(line.barcode in text for line in view.lines)


def test_route_summary_in_other_words():
    from station.services.picking_queries import PicklistView

    view = PicklistView(1, "PL-1", "open", 21_200, 31_800, 29_000, [], [], [])
    assert route_summary(view) == "This route 212 m; S-shape 318 m (−33 %); largest gap 290 m"
    spanish = PicklistTexts(route="Esta ruta %1 m; en S %2 m (%3 %)")
    assert route_summary(view, spanish) == "Esta ruta 212 m; en S 318 m (−33 %)"
