"""The Inventory page's Alerts tab: what is low, what to reorder, which lots expire; thresholds set from it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from alerts_sample import build_alerting_world
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from station.config import Settings, StationPaths
from station.db import Database
from station.services.auth import LoggedInUser, Role
from station.services.stock_alerts import load_alerts
from station.ui.controllers.alerts_controller import AlertsController, build_alerts_tab
from station.ui.controllers.inventory_controller import InventoryContext, InventoryController
from station.ui.tasks import TaskRunner
from station.ui.views.inventory_view import InventoryView


@pytest.fixture
def page(qtbot: QtBot, database: Database, runner: TaskRunner, station_home: StationPaths) -> InventoryController:
    build_alerting_world(database)
    context = InventoryContext(
        database, LoggedInUser(1, "lead", "Lea Lead", Role.LEAD), Settings(), station_home, runner
    )
    view = InventoryView("Inventory")
    qtbot.addWidget(view)
    controller = InventoryController(
        view, context, lambda shown, total: f"{shown}/{total}", factories=(build_alerts_tab,)
    )
    view.resize(1400, 800)
    view.show()
    return controller


def open_alerts(qtbot: QtBot, page: InventoryController) -> AlertsController:
    alerts = page.tabs["alerts"].controller
    assert isinstance(alerts, AlertsController)
    with qtbot.waitSignal(alerts.sig_loaded, timeout=10_000):
        page.show_tab("alerts")
    return alerts


def column(alerts: AlertsController, key: str, number: int) -> list[str]:
    model = alerts.view.tables[key].model()
    return [model.index(row, number).data() for row in range(model.rowCount())]


def tab_text(page: InventoryController) -> str:
    return page.view.tabs.tabText(page.view.tab_keys().index("alerts"))


def test_the_tab_lists_a_sku_under_its_threshold_and_counts_in_its_heading(
    qtbot: QtBot, page: InventoryController
) -> None:
    alerts = open_alerts(qtbot, page)
    assert alerts.view.sku_field.hasFocus()
    assert column(alerts, "low_stock", 0) == ["TAZ-01"]
    assert [column(alerts, "low_stock", number) for number in (1, 2, 3)] == [["SCL1"], ["9"], ["9"]]
    assert column(alerts, "reorder", 0) == ["POL-M-ROJ"] and column(alerts, "reorder", 4) == ["27"]
    assert column(alerts, "expiring", 1) == ["L-SOON"]
    assert column(alerts, "expiring", 2) == [f"{date.today() + timedelta(days=10):%d-%m-%Y}"]
    assert column(alerts, "blocked", 1) == ["L-HELD", "L-OLD"]
    assert column(alerts, "blocked", 5) == ["quarantined", "expired"]
    headings = {key: label.text() for key, label in alerts.view.headings.items()}
    assert headings == {
        "low_stock": "Low stock (1)",
        "reorder": "Reorder suggestions (1)",
        "expiring": "Lots expiring within 30 days (1)",
        "blocked": "Expired or blocked lots (2)",
    }
    assert tab_text(page) == "Alerts (5)"
    assert alerts.view.summary.text() == "5 alerts"


def test_a_shorter_horizon_drops_the_lot_and_ctrl_r_reloads(
    qtbot: QtBot, page: InventoryController, database: Database
) -> None:
    alerts = open_alerts(qtbot, page)
    alerts.view.horizon.setValue(5)
    with qtbot.waitSignal(alerts.sig_loaded, timeout=10_000):
        alerts.view.horizon.editingFinished.emit()
    assert column(alerts, "expiring", 1) == []
    assert alerts.view.headings["expiring"].text() == "Lots expiring within 5 days (0)"
    with qtbot.waitSignal(alerts.sig_loaded, timeout=10_000):
        task = page.refresh_current()  # what Ctrl+R does on this tab
    assert task is not None and tab_text(page) == "Alerts (4)"


def test_a_threshold_typed_for_a_sku_puts_it_on_the_list(
    qtbot: QtBot, page: InventoryController, database: Database
) -> None:
    alerts = open_alerts(qtbot, page)
    qtbot.keyClicks(alerts.view.sku_field, "pol-m-roj")
    QTest.keyClick(alerts.view.sku_field, Qt.Key.Key_Return)
    assert alerts.view.threshold.hasFocus()
    qtbot.keyClicks(alerts.view.threshold, "20")
    with (
        qtbot.waitSignal(alerts.sig_threshold_set, timeout=10_000),
        qtbot.waitSignal(alerts.sig_loaded, timeout=10_000),
    ):
        QTest.keyClick(alerts.view.threshold, Qt.Key.Key_Return)
    assert alerts.view.message.text() == "POL-M-ROJ in SCL1: alert when 20 or fewer units are free."
    assert alerts.view.message.objectName() == "successMessage"
    assert column(alerts, "low_stock", 0) == ["POL-M-ROJ", "TAZ-01"]  # 10 free under 20, then 9 at 9
    assert tab_text(page) == "Alerts (6)"
    assert [r.sku for r in load_alerts(database, date.today()).low_stock] == ["POL-M-ROJ", "TAZ-01"]


def test_picking_a_row_fills_the_sku_and_a_typo_is_named(
    qtbot: QtBot, page: InventoryController, database: Database
) -> None:
    alerts = open_alerts(qtbot, page)
    alerts.view.tables["low_stock"].selectRow(0)
    assert (alerts.view.sku_field.text(), alerts.view.warehouse_field.currentText(), alerts.view.threshold.value()) == (
        "TAZ-01",
        "SCL1",
        9,
    )
    alerts.view.sku_field.setText("TAZ-10")
    with qtbot.waitSignal(alerts.sig_threshold_failed, timeout=10_000):
        alerts.view.set_button.click()
    assert alerts.view.message.objectName() == "errorMessage"
    assert "No SKU 'TAZ-10'" in alerts.view.message.text() and "TAZ-01" in alerts.view.message.text()
    assert [(r.sku, r.threshold) for r in load_alerts(database, date.today()).low_stock] == [("TAZ-01", 9)]
    alerts.view.sku_field.clear()
    assert alerts.set_threshold() is None
    assert alerts.view.message.text() == "Scan, type or pick a SKU first."
