"""Walkthrough: the Inventory page's Transfers tab on demo data — a bin move, a transfer scanned,
created and dispatched from SCL-1, and the demo's transfer in transit received at Concepción (CCP).

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/inventory_transfers.py resources/screenshots [--language es]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from station.db.models import Location, LocationKind, StockLevel, StockQuant, Variant, Warehouse
from station.ui.controllers.transfers_controller import TransfersController
from station.ui.walkthrough import DemoWindow, demo_window


def free_stock(demo: DemoWindow, how_many: int) -> list[tuple[str, str]]:
    """(bin, SKU) of SCL-1 shelves holding 6 units or more of a SKU no order holds, not lot-tracked."""
    with demo.database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(Location.code, Variant.sku)
            .select_from(StockQuant)
            .join(Location, Location.id == StockQuant.location_id)
            .join(Warehouse, Warehouse.id == Location.warehouse_id)
            .join(Variant, Variant.id == StockQuant.variant_id)
            .join(StockLevel, (StockLevel.variant_id == Variant.id) & (StockLevel.warehouse_id == Warehouse.id))
            .where(
                Warehouse.code == "SCL-1",
                Location.kind == LocationKind.STORAGE,
                StockQuant.on_hand >= 6,
                StockQuant.lot_id.is_(None),
                StockLevel.reserved == 0,
            )
            .order_by(Location.code)
            .limit(how_many)
        ).all()
    return [(code, sku) for code, sku in rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo:
        demo.controller.show_page("inventory")
        inventory = demo.controller.inventory
        assert inventory is not None
        inventory.show_tab("transfers")
        tab = inventory.tabs["transfers"].controller
        assert isinstance(tab, TransfersController)
        demo.settle(lambda: tab.loaded_once)
        events: list[str] = []
        for signal in (
            tab.sig_scanned, tab.sig_done, tab.sig_refused, tab.sig_loaded,
            tab.moves.sig_scanned, tab.moves.sig_moved, tab.moves.sig_refused,
        ):  # fmt: skip
            signal.connect(lambda *_: events.append("event"))

        def scan(field: QLineEdit, code: str) -> None:
            """What a wedge scanner does: the code and Enter, into the focused scan field."""
            field.setFocus()
            before = len(events)
            field.setText(code)
            QTest.keyClick(field, Qt.Key.Key_Return)
            demo.settle(lambda: len(events) > before)

        def key(field: QLineEdit, key: Qt.Key, wait_for_load: bool = True) -> None:
            """A Ctrl key; an action that saves reloads the list after its message."""
            field.setFocus()
            before = len(events)
            QTest.keyClick(field, key, Qt.KeyboardModifier.ControlModifier)
            demo.settle(lambda: len(events) > before + (1 if wait_for_load else 0))

        (move_bin, move_sku), (send_bin, send_sku) = free_stock(demo, 2)
        # 1. A bin move: the bin to take from, a count, the item, then the bin it goes to.
        move = tab.view.move_field
        scan(move, move_bin)
        scan(move, "2")
        scan(move, move_sku)
        demo.save("inventory-transfers-1-move-scanned")
        scan(move, "A-01-A" if move_bin != "A-01-A" else "A-01-B")
        demo.save("inventory-transfers-2-moved")

        # 2. A new transfer to CCP: Ctrl+N, the bin, a count and the item, Ctrl+Enter to create it.
        field = tab.view.transfer_field
        key(field, Qt.Key.Key_N, wait_for_load=False)
        scan(field, send_bin)
        scan(field, "3")
        scan(field, send_sku)
        demo.save("inventory-transfers-3-draft-scanned")
        key(field, Qt.Key.Key_Return)
        key(field, Qt.Key.Key_D)  # dispatch it: its units leave for CCP's transit location
        demo.save("inventory-transfers-4-dispatched")

        # 3. At Concepción's station (its settings name warehouse CCP): the demo's TR-000002 arrives.
        tab.warehouse = tab.moves.warehouse = "CCP"
        before = len(events)
        tab.refresh()
        demo.settle(lambda: len(events) > before)
        scan(field, "TR-000002")
        first = tab.selected.lines[0] if tab.selected else None
        if first is not None:
            scan(field, first.sku)
            scan(field, "A-01-A")  # a shelf of CCP: the scanned unit goes straight there
            demo.settle(lambda: not tab.loading)
        demo.save("inventory-transfers-5-received-part")
        key(field, Qt.Key.Key_Return)  # the rest onto the dock
        demo.save("inventory-transfers-6-received")


if __name__ == "__main__":
    main()
