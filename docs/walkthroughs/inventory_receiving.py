"""Walkthrough: receiving a purchase order by scanning, then putting it away, on demo data.

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/inventory_receiving.py resources/screenshots [--language es]

Drives the Inventory page's Receiving and Putaway tabs as a scanner does (the code into the scan
field, then Enter) and saves inventory-receiving-*.png and inventory-putaway-*.png.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from station.domain.gs1 import GS
from station.services.receiving_queries import open_receipt_by_id
from station.ui.walkthrough import DemoWindow, demo_window

UNKNOWN_EAN = "7809990001236"  # on no demo SKU: the receiver is asked what it is


def press(
    demo: DemoWindow, field: QLineEdit, text: str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """What a keyboard-wedge scanner does: the code, then Enter."""
    field.setFocus()
    field.setText(text)
    QTest.keyClick(field, Qt.Key.Key_Return, modifier)
    demo.pause(150)


def ean_of(codes: set[str]) -> str:
    return next(code for code in sorted(codes) if code.isdigit() and len(code) == 13)


def lot_orders(demo: DemoWindow, receiving: object) -> list[str]:
    """Numbers of the open orders whose SKUs are tracked by lot (the food client's)."""
    with demo.database.unit_of_work() as uow:
        return [
            order.number
            for order in receiving.orders_model.rows  # type: ignore[attr-defined]
            if any(line.tracking.value == "lot" for line in open_receipt_by_id(uow.session, order.id).lines)
        ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo:
        demo.controller.show_page("inventory")
        inventory = demo.controller.inventory  # type: ignore[union-attr]
        inventory.show_tab("receiving")
        receiving = inventory.tabs["receiving"].controller
        view = receiving.view
        demo.settle(lambda: receiving.loaded_once)
        demo.save("inventory-receiving-orders")

        # The apparel order (the one with the most lines): scanned by its number.
        order = max(receiving.orders_model.rows, key=lambda o: o.lines)
        press(demo, view.scan_field, order.number)
        demo.settle(lambda: receiving.receiving is not None)
        demo.save("inventory-receiving-opened")

        lines = receiving.receiving.lines
        # One line complete, the biggest a little over (within the 10 % tolerance), one short.
        biggest = max(lines, key=lambda line: line.ordered)
        others = [line for line in lines if line is not biggest]
        plan = [
            (others[0], others[0].ordered),
            (biggest, biggest.ordered + biggest.ordered // 10),
            (others[1], others[1].ordered // 2),
        ]
        for line, count in plan:
            press(demo, view.scan_field, str(count))
            press(demo, view.scan_field, ean_of(line.codes))
        press(demo, view.scan_field, UNKNOWN_EAN)
        demo.save("inventory-receiving-unknown")
        press(demo, view.answer.first, others[2].sku)  # "map to SKU": the code is now that SKU's, one unit counted
        demo.settle(lambda: not receiving.busy and not view.answer.isVisible())
        demo.save("inventory-receiving-scanned")

        press(demo, view.scan_field, "", Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter: book it
        demo.settle(lambda: receiving.last_result is not None and not receiving.busy)
        demo.pause(300)
        demo.save("inventory-receiving-booked")

        putaway = inventory.tabs["putaway"].controller
        QTest.keyClick(view.scan_field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P: put away now
        demo.settle(lambda: putaway.loaded_once and not putaway.loading)
        demo.save("inventory-putaway-list")

        item = putaway.model.rows[0]
        press(
            demo, putaway.view.scan_field, ean_of(set(item.codes)) if any(c.isdigit() for c in item.codes) else item.sku
        )
        press(demo, putaway.view.scan_field, item.bin_code)
        demo.settle(lambda: not putaway.busy and not putaway.loading)
        demo.pause(300)
        demo.save("inventory-putaway-done")

        # Lot-tracked food: the lot is asked for, or comes in the GS1-128 with expiry and count.
        inventory.show_tab("receiving")
        food = next(o for o in receiving.orders_model.rows if any(o.number == n for n in lot_orders(demo, receiving)))
        press(demo, view.scan_field, food.number)
        demo.settle(lambda: receiving.receiving is not None)
        first, second = receiving.receiving.lines[:2]
        press(demo, view.scan_field, ean_of(first.codes))
        view.answer.second.setText("2027-10-31")
        view.answer.first.setText("L-2504A")
        demo.save("inventory-receiving-lot")
        press(demo, view.answer.first, view.answer.first.text())
        gtin = ean_of(second.codes).zfill(14)
        expiry = "270131"  # AI 17: 2027-01-31
        press(demo, view.scan_field, f"]C101{gtin}17{expiry}10L-88B{GS}30{second.ordered}")
        demo.save("inventory-receiving-gs1")


if __name__ == "__main__":
    main()
