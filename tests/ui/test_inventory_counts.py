"""The Counts tab as a counter and a lead use it: open a zone, scan bins and items, finish, review the
variances, approve — the stock follows and the accuracy shows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sample_world import World, build_world

from station.config import Settings, StationPaths
from station.db import Database
from station.db.models import Barcode, Symbology
from station.services.auth import LoggedInUser, Role, create_user
from station.services.count_schedules import create_schedule
from station.services.stock import Actor, StockLedger
from station.services.stock_queries import stock_by_location
from station.ui.controllers.counts_controller import CountsController, build_counts_tab
from station.ui.controllers.inventory_controller import InventoryContext
from station.ui.tasks import TaskRunner
from station.ui.views.counts_view import COUNTING, DONE, REVIEW, CountsView

MUG_EAN = "7801234567894"
WAIT = 10_000


@dataclass
class Tab:
    view: CountsView
    controller: CountsController


def stocked_world(database: Database) -> World:
    world = build_world(database)
    with database.unit_of_work() as uow:
        ledger = StockLedger(uow.session, Actor("setup"))
        ledger.receive(world.shirt, world.bin_a, 10)
        ledger.receive(world.mug, world.bin_a, 4)
        ledger.receive(world.mug, world.bin_b, 2)
        uow.session.add(
            Barcode(tenant_id=world.tenant_id, variant_id=world.mug, code=MUG_EAN, symbology=Symbology.EAN13)
        )
        uow.commit()
    return world


def user(database: Database, login: str, role: Role) -> LoggedInUser:
    with database.unit_of_work() as uow:
        created = create_user(uow.session, login, login.title(), role, "4321")
        uow.commit()
        return LoggedInUser(created.id, created.login, created.name, created.role)


@pytest.fixture
def make_tab(qtbot: QtBot, database: Database, runner: TaskRunner, station_home: StationPaths) -> Iterator:
    parents: list[QObject] = []

    def make(role: Role) -> Tab:
        context = InventoryContext(
            database, user(database, role.value, role), Settings(station_name="counter-2"), station_home, runner
        )
        parent = QObject()
        parents.append(parent)
        tab = build_counts_tab(context, parent)
        qtbot.addWidget(tab.widget)
        tab.widget.resize(1200, 760)
        tab.widget.show()
        with qtbot.waitSignal(tab.controller.sig_loaded, timeout=WAIT):
            tab.focus()
        return Tab(tab.widget, tab.controller)

    yield make
    parents.clear()


def scan(qtbot: QtBot, tab: Tab, code: str, signal) -> None:
    with qtbot.waitSignal(signal, timeout=WAIT):
        QTest.keyClicks(tab.view.scan_field, code)
        QTest.keyClick(tab.view.scan_field, Qt.Key.Key_Return)


def cells(table) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def ctrl_enter(qtbot: QtBot, tab: Tab, signal) -> None:
    with qtbot.waitSignal(signal, timeout=WAIT):
        QTest.keyClick(tab.view.focusWidget() or tab.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_count_a_zone_by_scanning_review_and_approve(qtbot: QtBot, database: Database, make_tab) -> None:
    stocked_world(database)
    tab = make_tab(Role.LEAD)
    assert tab.view.zone_field.hasFocus()
    QTest.keyClicks(tab.view.zone_field, "a-01")
    with qtbot.waitSignal(tab.controller.sig_opened, timeout=WAIT) as opened:
        QTest.keyClick(tab.view.zone_field, Qt.Key.Key_Return)
    assert opened.args == [2]
    assert "2 bin counts opened: A-01-A, A-01-B" in tab.view.message.text()
    assert tab.view.scan_field.hasFocus()

    scan(qtbot, tab, "A-01-A", tab.controller.sig_sheet_shown)
    assert "Bin A-01-A" in tab.view.bin_heading.text()
    assert cells(tab.view.sheet_table) == [
        ["POL-M-ROJ", "Polera M roja", "", "10", "—"],
        ["TAZ-01", "Taza", "", "4", "—"],
    ]
    for _ in range(3):
        scan(qtbot, tab, MUG_EAN, tab.controller.sig_counted)  # each scan +1
    assert tab.view.message_kind == "success" and "TAZ-01: 3 counted" in tab.view.message.text()
    scan(qtbot, tab, "POL-M-ROJ", tab.controller.sig_counted)
    scan(qtbot, tab, "10", tab.controller.sig_counted)  # a typed number sets the last item's count
    assert [row[4] for row in cells(tab.view.sheet_table)] == ["10", "3"]

    scan(qtbot, tab, "NO-SUCH-THING", tab.controller.sig_refused)
    assert tab.view.message_kind == "error"
    assert "Unknown barcode NO-SUCH-THING" in tab.view.message.text()

    scan(qtbot, tab, "A-01-B", tab.controller.sig_sheet_shown)
    scan(qtbot, tab, "pol-m-roj", tab.controller.sig_counted)  # a real SKU the bin should not hold
    assert tab.view.message_kind == "warning"
    assert "POL-M-ROJ is not expected in bin A-01-B: counted anyway (1)" in tab.view.message.text()
    assert "2 of 2 bins scanned" in tab.view.progress.text()

    ctrl_enter(qtbot, tab, tab.controller.sig_reviewing)  # finish; the mugs of A-01-B were not found
    assert tab.view.page == REVIEW
    assert [row[:2] + row[3:7] for row in cells(tab.view.variance_table)] == [
        ["A-01-A", "TAZ-01", "", "4", "3", "-1"],
        ["A-01-B", "POL-M-ROJ", "", "0", "1", "+1"],
        ["A-01-B", "TAZ-01", "", "2", "0", "-2"],
    ]
    assert "3 variances in 2 bins" in tab.view.review_heading.text()
    assert "Net difference: -2 units" in tab.view.review_summary.text()

    with qtbot.waitSignal(tab.controller.sig_approved, timeout=WAIT) as approved:
        QTest.keyClick(tab.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert approved.args == [3]
    assert tab.view.page == DONE
    assert "Approved: 3 stock adjustments booked." in tab.view.message.text()
    assert "25.0 % of lines right" in tab.view.done_heading.text()  # 1 of 4 lines matched
    assert [row[0] for row in cells(tab.view.accuracy_table)] == ["A-01-A", "A-01-B"]
    assert len(cells(tab.view.history_table)) == 1 and cells(tab.view.history_table)[0][1] == "2"

    with database.unit_of_work() as uow:
        mugs = {q.location: q.on_hand for q in stock_by_location(uow.session, "TAZ-01").quants}
        shirts = {q.location: q.on_hand for q in stock_by_location(uow.session, "POL-M-ROJ").quants}
    assert mugs == {"A-01-A": 3}
    assert shirts == {"A-01-A": 10, "A-01-B": 1}

    QTest.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.view.page == COUNTING and tab.controller.loaded_once and not tab.controller.loading)


def test_blind_count_unscanned_bins_and_a_packer_cannot_approve(qtbot: QtBot, database: Database, make_tab) -> None:
    stocked_world(database)
    tab = make_tab(Role.PACKER)
    QTest.keyClick(tab.view.zone_field, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert tab.view.blind_check.isChecked()
    QTest.keyClicks(tab.view.zone_field, "A-01")
    with qtbot.waitSignal(tab.controller.sig_opened, timeout=WAIT):
        QTest.keyClick(tab.view.zone_field, Qt.Key.Key_Return)
    scan(qtbot, tab, "A-01-A", tab.controller.sig_sheet_shown)
    assert "blind count" in tab.view.bin_heading.text()
    assert [row[3] for row in cells(tab.view.sheet_table)] == ["—", "—"]  # expected hidden
    scan(qtbot, tab, "PACK-01", tab.controller.sig_refused)
    assert "Bin PACK-01 has no open count" in tab.view.message.text()

    QTest.keyClick(tab.view.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.view.page == COUNTING and tab.view.message_kind == "warning"
    assert "1 bin not scanned yet counts as empty" in tab.view.message.text()
    ctrl_enter(qtbot, tab, tab.controller.sig_reviewing)  # again: finish anyway
    assert not tab.view.approve_button.isEnabled()
    assert "A lead approves these variances" in tab.view.message.text()
    with qtbot.waitSignal(tab.controller.sig_refused, timeout=WAIT):
        QTest.keyClick(tab.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Only a lead or an admin" in tab.view.message.text()

    lead = make_tab(Role.LEAD)  # another station: the lead finds the counts waiting for approval
    assert lead.view.page == REVIEW and len(cells(lead.view.variance_table)) == 3
    with qtbot.waitSignal(lead.controller.sig_approved, timeout=WAIT):
        QTest.keyClick(lead.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with database.unit_of_work() as uow:
        assert stock_by_location(uow.session, "TAZ-01").on_hand == 0


def test_due_schedules_open_with_ctrl_d(qtbot: QtBot, database: Database, make_tab) -> None:
    world = stocked_world(database)
    with database.unit_of_work() as uow:
        create_schedule(
            uow.session, world.warehouse_id, "Bin B blind", location_prefix="A-01-B", frequency_days=7, blind=True
        )
        uow.commit()
    tab = make_tab(Role.LEAD)
    assert "1 count schedule due: Ctrl+D opens its counts." in tab.view.message.text()
    with qtbot.waitSignal(tab.controller.sig_opened, timeout=WAIT) as opened:
        QTest.keyClick(tab.view.zone_field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [1] and "1 bin count opened: A-01-B" in tab.view.message.text()
    for code in ("A-01-B", MUG_EAN, MUG_EAN):  # a fast scanner: no scan waits for the one before
        tab.controller.handle_scan(code)
    qtbot.waitUntil(
        lambda: not tab.controller.busy and cells(tab.view.sheet_table) == [["TAZ-01", "Taza", "", "—", "2"]]
    )
    assert "blind count" in tab.view.bin_heading.text()  # the schedule's blind flag reached the count
    with qtbot.waitSignal(tab.controller.sig_opened, timeout=WAIT) as again:
        QTest.keyClick(tab.view.scan_field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert again.args == [0] and "No schedule is due" in tab.view.message.text()
