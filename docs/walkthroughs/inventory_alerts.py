"""Walkthrough: the Inventory page's Alerts tab on demo data — low stock, reorder suggestions, lots
expiring and expired or blocked — and a lead setting a SKU's low-stock threshold from the keyboard.

The demo data is dated around its own "now" (see station.ui.walkthrough), so the tab is shown as of that day.

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/inventory_alerts.py resources/screenshots [--language es]
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from station.db.models import Order
from station.services.inventory import list_stock
from station.ui.controllers.alerts_controller import AlertsController
from station.ui.walkthrough import demo_window


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo:
        with demo.database.unit_of_work() as uow:  # the demo's "now": its latest order
            latest = uow.session.scalar(select(func.max(Order.placed_at)))
        demo_now = (latest or datetime.now(UTC)).replace(tzinfo=UTC)
        demo.controller.show_page("inventory")
        inventory = demo.controller.inventory
        assert inventory is not None
        alerts = inventory.tabs["alerts"].controller
        assert isinstance(alerts, AlertsController)
        alerts.clock = lambda: demo_now
        inventory.show_tab("alerts")
        demo.settle(lambda: alerts.loaded_once)

        # The lead picks the SKU of the first expiring lot (the list fills the SKU field), presses Enter,
        # types a threshold above its free units and presses Enter again: the SKU joins the low-stock list.
        view = alerts.view
        view.tables["expiring"].selectRow(0)
        sku = view.sku_field.text()
        free = sum(row.available for row in list_stock(demo.database) if row.sku == sku)
        view.sku_field.setFocus()
        QTest.keyClick(view.sku_field, Qt.Key.Key_Return)  # → the threshold box
        QTest.keyClicks(view.threshold, str((free // 10 + 2) * 10))
        reloaded: list[object] = []
        alerts.sig_loaded.connect(reloaded.append)
        QTest.keyClick(view.threshold, Qt.Key.Key_Return)  # sets it; the lists reload
        demo.settle(lambda: bool(reloaded) or view.message.objectName() == "errorMessage")
        demo.save("inventory-alerts-threshold")


if __name__ == "__main__":
    main()
