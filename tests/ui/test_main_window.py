"""The main window: every view by its shortcut, orders and inventory lists, the status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from ui_sample import Sample
from ui_windows import show_and_activate

from station.config import DeviceSettings, Settings, StationPaths
from station.db import Database
from station.pluginhost import PluginInfo
from station.ui.app import create_main_window
from station.ui.navigation import PAGES, page_title
from station.ui.tasks import TaskRunner
from station.ui.views.main_window import MainWindow


@pytest.fixture
def window(
    qtbot: QtBot, database: Database, sample: Sample, runner: TaskRunner, settings: Settings, station_home: StationPaths
):
    main = create_main_window(database, sample.admin, settings=settings, paths=station_home, runner=runner)
    show_and_activate(qtbot, main)
    # The admin starts on Orders, which loads on the database lane.
    qtbot.waitUntil(lambda: main.controller.tables["orders"].loaded_once, timeout=10_000)
    return main


def _cells(window: MainWindow, key: str) -> list[list[str]]:
    proxy = window.controller.tables[key].proxy
    return [
        [proxy.index(row, column).data() for column in range(proxy.columnCount())] for row in range(proxy.rowCount())
    ]


def test_every_view_opens_with_its_function_key(qtbot: QtBot, window: MainWindow):
    for page in PAGES:
        with qtbot.waitSignal(window.controller.sig_page_shown, timeout=5_000) as shown:
            qtbot.keyClick(window.focusWidget() or window, getattr(Qt.Key, f"Key_{page.shortcut}"))
        assert shown.args == [page.key]
        current: QWidget = window.pages.currentWidget()
        titles = [label.text() for label in current.findChildren(QLabel, "viewTitle")]
        assert titles == [page_title(page.key)]
        if not page.built:
            assert current.findChild(QLabel, "placeholderTitle").text() == f"{page_title(page.key)} is not built yet."
    qtbot.waitUntil(lambda: window.controller.tables["inventory"].loaded_once, timeout=10_000)


def test_orders_lists_the_orders_with_clp_totals(qtbot: QtBot, window: MainWindow):
    rows = {cells[0]: cells for cells in _cells(window, "orders")}
    assert set(rows) == {"JLS-000101", "JLS-000102", "JLS-000103"}
    assert rows["JLS-000101"][1:6] == ["Mercado Libre", "Camila Rojas", "Providencia", "Paid", "$9.990"]
    assert rows["JLS-000102"][1] == "Direct"
    assert rows["JLS-000102"][5] == "$1.234.500"
    assert rows["JLS-000103"][4] == "On hold"
    assert window.controller.tables["orders"].view.summary.text() == "3 orders"


def test_the_orders_filter_keeps_matching_rows(qtbot: QtBot, window: MainWindow):
    orders = window.controller.tables["orders"]
    qtbot.keyClicks(orders.view.filter_field, "JORGE")  # any column, any case
    assert [cells[0] for cells in _cells(window, "orders")] == ["JLS-000102"]
    assert orders.view.summary.text() == "1 of 3 orders"


def test_inventory_shows_on_hand_reserved_and_available(qtbot: QtBot, window: MainWindow):
    with qtbot.waitSignal(window.controller.tables["inventory"].sig_rows_loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F4)
    rows = {cells[0]: cells for cells in _cells(window, "inventory")}
    assert rows["POL-M-ROJ"][1:] == ["Polera M roja", "ACME", "1,250", "250", "1,000", "0"]
    assert rows["TAZ-01"][3:] == ["3", "5", "0", "0"]  # never below zero; nothing on the road
    assert window.controller.tables["inventory"].view.summary.text() == "2 SKUs"


def test_refresh_shows_new_orders(qtbot: QtBot, window: MainWindow, database: Database):
    from ui_sample import add_order

    add_order(database, "JLS-000104", total=500)
    with qtbot.waitSignal(window.controller.tables["orders"].sig_rows_loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "JLS-000104" in [cells[0] for cells in _cells(window, "orders")]


def test_status_bar_names_the_database_station_user_devices(window: MainWindow, database: Database, database_url: str):
    label = window.database_label.text()
    if database_url.startswith("sqlite"):
        assert label.startswith("SQLite ") and label.endswith("station.db")
    else:
        assert label.startswith("PostgreSQL 127.0.0.1:")
    assert window.station_label.text() == "Station: bench-7"
    assert "Ana Admin" in window.user_label.text()
    assert window.devices_label.text() == "Scale: not configured · Printer: not configured"
    assert window.plugins_label.text() == "Plugins: loading…"


def test_status_bar_shows_configured_devices_and_plugin_failures(
    qtbot: QtBot, database: Database, sample: Sample, runner: TaskRunner, station_home: StationPaths
):
    settings = Settings(
        station_name="bench-1",
        devices=DeviceSettings(scale_url="socket://10.0.0.5:4001", printer_url="tcp://10.0.0.9:9100"),
    )
    main = create_main_window(database, sample.packer, settings=settings, paths=station_home, runner=runner)
    qtbot.addWidget(main)
    assert main.devices_label.text() == "Scale: socket://10.0.0.5:4001 · Printer: tcp://10.0.0.9:9100"

    class FakeHost:
        def plugins(self) -> list[PluginInfo]:
            infos = [PluginInfo(f"p{n}", "1.0") for n in range(6)]
            return [*infos, PluginInfo("starken", "0.3", status="failed", error="ImportError: no module named zeep")]

    main.controller.set_plugin_host(FakeHost())
    assert main.plugins_label.text() == "7 plugins, 1 failed"
    assert main.plugins_label.toolTip() == "starken: ImportError: no module named zeep"
    assert main.controller.current_page == "packing"  # a packer starts at the bench
