"""The slotting panel: Ctrl+G lists suggestions, the selection previews its arrows for the bin map,
Del rejects, Enter accepts into a move task, and scanning the two bins does the task."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sample_world import build_world
from sqlalchemy import select
from ui_windows import show_and_activate

from station.config import Settings
from station.db import Database
from station.db.base import utcnow
from station.db.models import Location, Role, StockQuant, Warehouse
from station.domain.layout import Aisle, Layout, Place
from station.domain.stock import MoveKind
from station.services.auth import LoggedInUser, create_user
from station.services.stock import Actor, StockLedger
from station.ui.controllers.bin_map_controller import BinMapController
from station.ui.controllers.slotting_controller import SlottingController, build_slotting_panel, mount_slotting
from station.ui.tasks import TaskRunner
from station.ui.views.bin_map_view import BinMapPage

LAYOUT = Layout(aisles=(Aisle("A", 500),), cross_aisles=(1000, 3000), places=(Place("PACK-01", "packing", 500, 500),))


def fast_mover_at_the_back(database: Database) -> tuple[LoggedInUser, int]:
    """POL-M-ROJ picked once a day for 30 days from A-01-B at the back of aisle A; A-01-A by the front is empty."""
    world = build_world(database)
    with database.unit_of_work() as uow:
        session = uow.session
        session.get(Warehouse, world.warehouse_id).layout = LAYOUT.to_json()
        near, far = session.get(Location, world.bin_a), session.get(Location, world.bin_b)
        near.aisle = far.aisle = "A"
        near.y, far.y = 1000, 2800
        ledger = StockLedger(session, Actor("ui"), clock=lambda: utcnow() - timedelta(days=40))
        ledger.receive(world.shirt, world.bin_b, 50)
        for day in range(30):
            ledger.clock = lambda day=day: utcnow() - timedelta(days=day, hours=1)
            ledger.move(world.shirt, world.bin_b, world.bench, 1, kind=MoveKind.PICK, reference=f"JLS-{day}")
        lead = create_user(session, "lead", "Laura Lead", Role.ADMIN, "1234")
        user = LoggedInUser(lead.id, lead.login, lead.name, lead.role)
        uow.commit()
    return user, world.bin_a


def cells(controller: SlottingController, table: str = "suggestions") -> list[list[str]]:
    model = getattr(controller, table)
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def plain(text: str) -> str:
    """The English plural forms whether or not the translations are compiled yet: "1 unit(s)" → "1 unit"."""
    return re.sub(r"\b(\d+)( [^()\d]*?)\(s\)", lambda m: m[1] + m[2] + ("" if m[1] == "1" else "s"), text)


def scan(qtbot: QtBot, controller: SlottingController, code: str) -> None:
    field = controller.panel.scan
    field.setFocus()
    field.setText(code)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_suggest_preview_reject_accept_and_do_the_move_by_scanning(
    qtbot: QtBot, database: Database, runner: TaskRunner, settings: Settings
) -> None:
    user, near_bin = fast_mover_at_the_back(database)
    panel, controller = build_slotting_panel(database, user, settings, runner)
    show_and_activate(qtbot, panel)
    qtbot.waitUntil(lambda: controller.warehouse_id is not None)
    assert cells(controller) == [] and plain(panel.summary.text()) == "0 open suggestions in SCL1"

    panel.suggestions.setFocus()
    with qtbot.waitSignal(controller.sig_preview, timeout=10_000) as preview:
        QTest.keyClick(panel.suggestions, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert cells(controller) == [["POL-M-ROJ", "A-01-B → A-01-A", "36.0", "1.00", "A", "—"]]
    assert preview.args == [[((50, 2850), (50, 1050))]]  # the bins' centres: before → after
    assert plain(panel.message.text()) == "1 new suggestion, best first"
    assert "36 m a day to save" in panel.summary.text()

    QTest.keyClick(panel.suggestions, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: controller.suggestions.rowCount() == 0 and not controller.busy)
    assert plain(panel.message.text()) == "1 suggestion rejected"

    QTest.keyClick(panel.suggestions, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.suggestions.rowCount() == 1)
    panel.suggestions.setFocus()
    QTest.keyClick(panel.suggestions, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.tasks.rowCount() == 1 and controller.suggestions.rowCount() == 0)
    task_id = controller.tasks.rows[0].id
    assert cells(controller, "tasks") == [[str(task_id), "POL-M-ROJ", "A-01-B → A-01-A", "20"]]
    assert plain(panel.message.text()).startswith("Accepted: 1 move task to do")

    scan(qtbot, controller, "C-09-Z")
    assert panel.message.text() == "No open move task takes units from C-09-Z"
    scan(qtbot, controller, "a-01-b")
    assert plain(panel.step.text()) == f"Task {task_id}: take 20 units of POL-M-ROJ from A-01-B, then scan A-01-A"
    scan(qtbot, controller, "QUA-01")
    qtbot.waitUntil(lambda: "Scanned QUA-01" in panel.message.text())
    assert panel.message.text() == f"Scanned QUA-01, but move task #{task_id} moves to A-01-A"
    with qtbot.waitSignal(controller.sig_moved, timeout=10_000):
        scan(qtbot, controller, "A-01-A")
    qtbot.waitUntil(lambda: controller.tasks.rowCount() == 0)
    assert plain(panel.message.text()) == f"Task {task_id} done: 20 units of POL-M-ROJ moved from A-01-B to A-01-A"
    with database.unit_of_work() as uow:
        held = uow.session.scalar(select(StockQuant.on_hand).where(StockQuant.location_id == near_bin))
    assert held == 20


def test_the_bin_map_page_shows_the_panel_and_draws_the_selected_moves(
    qtbot: QtBot, database: Database, runner: TaskRunner, settings: Settings
) -> None:
    user, _near_bin = fast_mover_at_the_back(database)
    page = BinMapPage("Bin map")
    bin_map = BinMapController(page, database, runner)
    controller = mount_slotting(page, bin_map, database, user, settings, runner)
    show_and_activate(qtbot, page)
    assert controller.panel.isVisibleTo(page)
    bin_map.page_shown()
    qtbot.waitUntil(lambda: controller.warehouse_id is not None)  # it follows the map's warehouse
    with qtbot.waitSignal(controller.sig_preview, timeout=10_000):
        controller.suggest()
    qtbot.waitUntil(lambda: bool(page.map.overlay.moves))
    (arrow,) = page.map.overlay.moves
    assert (arrow.p1().toTuple(), arrow.p2().toTuple()) == ((50.0, 2850.0), (50.0, 1050.0))
