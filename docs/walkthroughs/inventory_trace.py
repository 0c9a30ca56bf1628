"""Walkthrough: the Inventory page's "By location", "Movements" and "Trace" tabs on demo data.

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/inventory_trace.py resources/screenshots [--language es]

It picks, from the demo's ledger, the lot that left in the most shipped orders, then does what a lead
does at the keyboard: types the SKU on "By location", the SKU and lot on "Movements", and the lot's
GS1-128 (its product's GTIN plus AI 10) on "Trace", each followed by Enter.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from station.db.models import Barcode, Variant
from station.services.movement_queries import MoveFilter, list_moves
from station.ui.walkthrough import DemoWindow, demo_window


def shipped_lot(demo: DemoWindow) -> tuple[str, str, str | None]:
    """(SKU, lot, EAN of the SKU) of the lot that left in the most orders."""
    with demo.database.unit_of_work() as uow:
        ships = list_moves(uow.session, MoveFilter(kind="ship"), limit=100_000).rows
        orders = Counter((m.sku, m.lot) for m in ships if m.lot)
        (sku, lot), _ = orders.most_common(1)[0]
        ean = uow.session.scalar(
            select(Barcode.code).join(Variant, Variant.id == Barcode.variant_id).where(Variant.sku == sku).limit(1)
        )
    return sku, lot, ean


def type_and_enter(demo: DemoWindow, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)
    demo.pause(100)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo:
        sku, lot, ean = shipped_lot(demo)
        demo.controller.show_page("inventory")
        inventory = demo.controller.inventory  # type: ignore[union-attr]

        inventory.show_tab("locations")
        places = inventory.tabs["locations"].controller
        type_and_enter(demo, places.view.scan_field, sku)
        demo.settle(lambda: places.answer is not None)
        demo.save("inventory-locations-sku")

        inventory.show_tab("moves")
        moves = inventory.tabs["moves"].controller
        demo.settle(lambda: moves.page is not None)
        moves.view.lot.setText(lot)
        type_and_enter(demo, moves.view.sku, sku)
        demo.settle(lambda: moves.applied is not None and moves.applied.lot == lot)
        demo.save("inventory-moves-filtered")

        inventory.show_tab("trace")
        trace = inventory.tabs["trace"].controller
        label = f"(01){ean.zfill(14)}(10){lot}" if ean else f"{sku} {lot}"
        type_and_enter(demo, trace.view.scan_field, label)
        demo.settle(lambda: trace.answer is not None and trace.answer.kind == "lot")
        demo.save("inventory-trace-lot")

        first_order = sorted(trace.answer.shipping)[0]
        type_and_enter(demo, trace.view.scan_field, first_order)
        demo.settle(lambda: trace.answer is not None and trace.answer.kind == "order")
        demo.save("inventory-trace-order")


if __name__ == "__main__":
    main()
