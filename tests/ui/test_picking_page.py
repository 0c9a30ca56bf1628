"""The Picking page with real widgets on SQLite and PostgreSQL: choose allocated orders, build a batch
(route against S-shape on screen), scan bin then items, a wrong scan named, a short pick, print, map."""

from __future__ import annotations

import pytest
from picking_world import add_allocated_order, build_pick_world
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station.db.models import Order, Role
from station.domain.orders import OrderState
from station.services.auth import LoggedInUser
from station.ui.controllers.picking_controller import PickingController
from station.ui.views.picking_view import PickingView
from station.ui.views.widgets import message_kind

TIMEOUT = 15_000


@pytest.fixture
def page(qtbot: QtBot, database, runner, settings, station_home):
    world = build_pick_world(database)
    add_allocated_order(database, world, "JLS-1", [("LAP-AZ", 2), ("CUA-A5", 1)])
    add_allocated_order(database, world, "JLS-2", [("TIJ-01", 2)])
    view = PickingView("Picking")
    user = LoggedInUser(world.picker_id, "pia", "Pía Rojas", Role.PACKER)
    controller = PickingController(view, database, user, settings, station_home, runner)
    controller.open_file = lambda path: opened.append(path)
    opened: list = []
    qtbot.addWidget(view)
    view.resize(1400, 860)
    view.show()
    _wait(qtbot, controller.refresh())
    return view, controller, world, opened


def _wait(qtbot: QtBot, task) -> None:
    assert task is not None
    with qtbot.waitSignal(task.sig_finished, timeout=TIMEOUT):
        pass


def _scan(qtbot: QtBot, view: PickingView, controller: PickingController, text: str) -> None:
    done: list[bool] = []
    original = controller.runner.submit

    def spy(*args, **kwargs):
        task = original(*args, **kwargs)
        done.append(False)
        index = len(done) - 1
        task.sig_finished.connect(lambda _result: done.__setitem__(index, True))
        task.sig_failed.connect(lambda _message: done.__setitem__(index, True))
        return task

    controller.runner.submit = spy
    try:
        view.scan_field.setText(text)
        QTest.keyClick(view.scan_field, Qt.Key.Key_Return)
    finally:
        controller.runner.submit = original
    qtbot.waitUntil(lambda: all(done), timeout=TIMEOUT)
    qtbot.wait(10)  # the controller's own slot on the same signal


def test_build_a_batch_and_walk_it_by_scanning(qtbot, page, database):
    view, controller, world, opened = page
    assert controller.orders.rowCount() == 2 and view.orders_heading.text() == "Allocated orders in SCL9 (2)"
    assert not view.build_button.isEnabled()
    view.orders_table.setFocus()
    QTest.keyClick(view.orders_table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_label.text().startswith("2 order")  # "2 orders chosen" once the English plurals are built
    with qtbot.waitSignal(controller.sig_show_route, timeout=100, raising=False) as nothing:
        QTest.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert not nothing.signal_triggered  # no list yet
    _wait(qtbot, controller.build_batch())
    picklist = controller.picklist
    assert picklist.code == "PL-000001"
    assert view.route_label.text().startswith(f"This route {picklist.route_cm // 100} m; S-shape")
    assert view.totes_label.text() == "Totes: T1 = JLS-1, T2 = JLS-2"
    assert controller.lines.rowCount() == 3
    first = picklist.lines[0]
    assert view.next_label.text() == f"Go to {first.location} and scan the bin"

    _scan(qtbot, view, controller, "D-08-B")
    assert message_kind(view.message) == "error"
    assert (
        view.message.text() == f"Wrong bin: D-08-B is not on this pick list now; go to {first.location} for {first.sku}"
    )

    _scan(qtbot, view, controller, first.location)
    assert view.next_label.text().startswith(f"At {first.location}: scan {first.quantity} × {first.sku}")
    _scan(qtbot, view, controller, "7800000000017" if first.sku != "LAP-AZ" else "7800000000024")
    assert message_kind(view.message) == "error" and view.message.text().startswith("Wrong item:")
    _scan(qtbot, view, controller, world.barcodes[first.sku])
    assert controller.picklist.lines[0].picked == 1 and message_kind(view.message) == "info"

    # Ctrl+S on the next line: found 0 → another bin joins the list
    for line in controller.picklist.lines:
        if line.sku == "TIJ-01":
            _scan(qtbot, view, controller, line.location)
            QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            assert message_kind(view.message) == "warning" and "how many TIJ-01" in view.message.text()
            _scan(qtbot, view, controller, "1")
            assert view.message.text().startswith(f"Short pick at {line.location}: 1 × TIJ-01 missing")
            break
    assert controller.lines.rowCount() == 4

    with qtbot.waitSignal(controller.sig_show_route, timeout=1000) as shown:
        QTest.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert shown.args == [picklist.id]

    QTest.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened), timeout=TIMEOUT)
    assert opened[0].name == "PL-000001.pdf" and opened[0].read_bytes().startswith(b"%PDF")

    while controller.picklist.next_line is not None:
        line = controller.picklist.next_line
        _scan(qtbot, view, controller, line.location)
        for _ in range(controller.picklist.next_line.open_units):
            _scan(qtbot, view, controller, world.barcodes[line.sku])
    assert message_kind(view.message) == "success" and "PL-000001 is done" in view.message.text()
    with database.unit_of_work() as uow:
        assert set(uow.session.scalars(select(Order.state))) == {OrderState.PICKED}
    qtbot.waitUntil(lambda: controller.scores.rowCount() == 1, timeout=TIMEOUT)
    assert controller.scores.rows[0].picker == "Pía Rojas" and controller.scores.rows[0].wrong_scans == 2


def test_f3_opens_the_picking_page_in_the_main_window_and_its_keys_work(
    qtbot: QtBot, database, runner, settings, station_home
):
    from ui_windows import show_and_activate  # noqa: PLC0415

    from station.ui.app import create_main_window  # noqa: PLC0415

    world = build_pick_world(database)
    add_allocated_order(database, world, "JLS-1", [("LAP-AZ", 1)])
    user = LoggedInUser(world.picker_id, "pia", "Pía Rojas", Role.LEAD)
    main = create_main_window(database, user, settings=settings, paths=station_home, runner=runner)
    show_and_activate(qtbot, main)
    QTest.keyClick(main, Qt.Key.Key_F3)
    picking = main.controller.picking
    assert main.pages.currentWidget() is picking.view and picking.view.title.text() == "Picking"
    qtbot.waitUntil(lambda: picking.orders.rowCount() == 1, timeout=TIMEOUT)
    picking.view.orders_table.setFocus()
    QTest.keyClick(picking.view.orders_table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(picking.view.orders_table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: picking.picklist is not None, timeout=TIMEOUT)
    assert picking.view.scan_field.hasFocus()
    main.controller.shutdown()
