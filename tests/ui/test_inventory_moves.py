"""The Inventory page's "Movements" tab, real widgets on SQLite and PostgreSQL: the ledger newest first,
filters typed or scanned return exactly the matching moves, bad filters are named, and the filtered
moves export to a file."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sample_world import World, build_world

from station.config import Settings, StationPaths
from station.db import Database
from station.db.models import Lot, Role, User
from station.domain.stock import AdjustmentReason
from station.services.stock import Actor, StockLedger
from station.ui.controllers.moves_controller import MovesController
from station.ui.tasks import TaskRunner
from station.ui.views.moves_view import MovesView


@pytest.fixture
def world(database: Database) -> World:
    """Receipts of PO OC-5 by the dock, then ana moves two shirts, writes one off, and sends one to quarantine."""
    world = build_world(database)
    with database.unit_of_work() as uow:
        s = uow.session
        ana = User(login="ana", name="Ana", role=Role.LEAD, pin_hash="x")
        lot = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-7", expires_on=date(2099, 1, 31))
        s.add_all([ana, lot])
        s.flush()
        dock = StockLedger(s, Actor(station="dock-1"))
        dock.receive(world.shirt, world.bin_a, 6, lot_id=lot.id, reference="OC-5")
        dock.receive(world.mug, world.bin_a, 4, reference="OC-5")
        lead = StockLedger(s, Actor(station="rf-3", user_id=ana.id))
        lead.move(world.shirt, world.bin_a, world.bin_b, 2, lot_id=lot.id)
        lead.adjust(world.mug, world.bin_a, -1, AdjustmentReason.DAMAGED, note="cracked")
        lead.move(world.shirt, world.bin_b, world.quarantine, 1, lot_id=lot.id)
        uow.commit()
    return world


def make_tab(
    qtbot: QtBot, database: Database, runner: TaskRunner, settings: Settings, paths: StationPaths, limit: int = 1000
):
    view = MovesView()
    controller = MovesController(view, database, runner, settings, limit=limit)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    with qtbot.waitSignal(controller.sig_loaded, timeout=10_000):
        controller.focus()  # the first look loads the newest moves
    return view, controller


@pytest.fixture
def tab(
    qtbot: QtBot, database: Database, world: World, runner: TaskRunner, settings: Settings, station_home: StationPaths
):
    return make_tab(qtbot, database, runner, settings, station_home)


def shown(view: MovesView) -> list[list[str]]:
    model = view.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def enter(qtbot: QtBot, controller: MovesController, field) -> None:
    with qtbot.waitSignal(controller.sig_loaded, timeout=10_000):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_ledger_shows_newest_first_with_every_column(qtbot: QtBot, tab) -> None:
    view, controller = tab
    rows = shown(view)
    assert [row[1] for row in rows] == ["Transfer", "Adjustment", "Transfer", "Receipt", "Receipt"]
    headers = [view.table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(11)]
    assert headers == ["Time", "Kind", "SKU", "Lot", "Serial", "Qty", "From", "To", "Reason", "By", "Reference"]
    assert rows[0][2:] == ["POL-M-ROJ", "L-7", "—", "1", "A-01-B", "QUA-01", "", "ana@rf-3", ""]
    assert rows[1][8] == "Damaged" and rows[-1][9:] == ["dock-1", "OC-5"]
    assert "5 move" in view.summary.text()
    assert view.sku.hasFocus()


def test_filters_return_exactly_the_matching_moves(qtbot: QtBot, tab) -> None:
    view, controller = tab
    qtbot.keyClicks(view.sku, "pol-m-roj")
    enter(qtbot, controller, view.sku)
    assert [(row[1], row[6], row[7]) for row in shown(view)] == [
        ("Transfer", "A-01-B", "QUA-01"),
        ("Transfer", "A-01-A", "A-01-B"),
        ("Receipt", "—", "A-01-A"),
    ]
    qtbot.keyClicks(view.location, "QUA-01")
    enter(qtbot, controller, view.location)
    assert [row[1] for row in shown(view)] == ["Transfer"]

    with qtbot.waitSignal(controller.sig_loaded, timeout=10_000):
        controller.clear()
    view.kind.setCurrentIndex(view.kind.findData("receipt"))
    qtbot.keyClicks(view.reference, "oc-5")
    enter(qtbot, controller, view.reference)
    assert [row[2] for row in shown(view)] == ["TAZ-01", "POL-M-ROJ"]

    with qtbot.waitSignal(controller.sig_loaded, timeout=10_000):
        controller.clear()
    qtbot.waitUntil(lambda: view.user.findData("ana") >= 0, timeout=10_000)
    view.user.setCurrentIndex(view.user.findData("ana"))
    view.reason.setCurrentIndex(view.reason.findData("damaged"))
    qtbot.keyClicks(view.since, date.today().isoformat())
    enter(qtbot, controller, view.since)
    assert [(row[1], row[2], row[8]) for row in shown(view)] == [("Adjustment", "TAZ-01", "Damaged")]


def test_bad_filters_are_named_and_change_nothing(qtbot: QtBot, tab) -> None:
    view, controller = tab
    qtbot.keyClicks(view.until, "2025-02-30")
    with qtbot.waitSignal(controller.sig_refused, timeout=10_000) as refused:
        qtbot.keyClick(view.until, Qt.Key.Key_Return)
    assert refused.args == ["To: '2025-02-30' is not a date; write it as YYYY-MM-DD"]
    assert view.message.isVisible() and view.message.objectName() == "errorMessage"
    view.until.clear()
    qtbot.keyClicks(view.lot, "L-404")
    with qtbot.waitSignal(controller.sig_refused, timeout=10_000) as refused:
        qtbot.keyClick(view.lot, Qt.Key.Key_Return)
    assert refused.args == ["No lot 'L-404'"]
    assert shown(view) == []


def test_only_the_newest_are_shown_and_the_export_writes_every_filtered_move(
    qtbot: QtBot,
    database: Database,
    world: World,
    runner: TaskRunner,
    settings: Settings,
    station_home: StationPaths,
    tmp_path: Path,
) -> None:
    view, controller = make_tab(qtbot, database, runner, settings, station_home, limit=2)
    assert len(shown(view)) == 2
    assert view.summary.text() == "Showing the newest 2 moves; narrow the filters to see older ones."
    target = tmp_path / "shirts.csv"
    controller.ask_export_path = lambda: target  # the save dialog, answered
    qtbot.keyClicks(view.sku, "POL-M-ROJ")
    enter(qtbot, controller, view.sku)
    with qtbot.waitSignal(controller.sig_exported, timeout=10_000) as exported:
        qtbot.keyClick(view.sku, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported.args == [3, str(target)]  # all three of the SKU's moves, not only the two on screen
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["kind"], r["sku"], r["lot"], r["user"]) for r in rows] == [
        ("receipt", "POL-M-ROJ", "L-7", ""),
        ("transfer", "POL-M-ROJ", "L-7", "ana"),
        ("transfer", "POL-M-ROJ", "L-7", "ana"),
    ]
    assert view.message.objectName() == "successMessage" and str(target) in view.message.text()
