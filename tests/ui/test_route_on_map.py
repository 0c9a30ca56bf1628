"""From the Picking page to the Bin map: Ctrl+M brings the map up with the pick list's route drawn and
compared with the S-shape walk, even on the map's first visit."""

from __future__ import annotations

from picking_world import add_allocated_order, build_pick_world
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from station.services.auth import LoggedInUser, Role

TIMEOUT = 15_000


def test_show_on_map_draws_the_batch_route_on_the_bin_map(qtbot: QtBot, database, runner, settings, station_home):
    from ui_windows import show_and_activate  # noqa: PLC0415

    from station.ui.app import create_main_window  # noqa: PLC0415

    world = build_pick_world(database)
    add_allocated_order(database, world, "JLS-1", [("LAP-AZ", 1), ("TIJ-01", 1)])
    add_allocated_order(database, world, "JLS-2", [("CUA-A5", 2)])
    user = LoggedInUser(world.picker_id, "pia", "Pía Rojas", Role.LEAD)
    main = create_main_window(database, user, settings=settings, paths=station_home, runner=runner)
    show_and_activate(qtbot, main)
    QTest.keyClick(main, Qt.Key.Key_F3)
    picking = main.controller.picking
    qtbot.waitUntil(lambda: picking.orders.rowCount() == 2, timeout=TIMEOUT)
    picking.view.orders_table.setFocus()
    QTest.keyClick(picking.view.orders_table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(picking.view.orders_table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: picking.picklist is not None, timeout=TIMEOUT)

    bin_map = main.controller.bin_map
    with qtbot.waitSignal(bin_map.sig_route_shown, timeout=TIMEOUT) as shown:
        QTest.keyClick(picking.view.scan_field, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    route = shown.args[0]
    assert main.pages.currentWidget() is bin_map.page  # the map came up (its first visit)
    assert [label.split(" ")[0] for _x, _y, label in route.stops] == ["1", "2", "3"]  # three bins, numbered
    assert {label.split(" ")[1] for _x, _y, label in route.stops} <= set(world.bins)
    assert len(route.path) >= 2 and route.route_cm <= route.s_shape_cm
    message = bin_map.page.message.text()
    assert f"this route {route.route_cm / 100:,.0f} m; S-shape {route.s_shape_cm / 100:,.0f} m" in message
    main.controller.shutdown()
