"""Walkthrough: the Bin map page on demo data: the whole warehouse, a heatmap, a SKU found.

QT_QPA_PLATFORM=offscreen python docs/walkthroughs/bin_map.py resources/screenshots [--language es]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from station.db.models import Location, StockQuant, Variant, Warehouse
from station.ui.walkthrough import demo_window


def spread_sku(database) -> str:
    """The demo SKU held in the most bins: the search worth showing."""
    with database.unit_of_work() as uow:
        return uow.session.scalar(
            select(Variant.sku)
            .join(StockQuant, StockQuant.variant_id == Variant.id)
            .join(Location, Location.id == StockQuant.location_id)
            .join(Warehouse, Warehouse.id == Location.warehouse_id)
            .where(StockQuant.on_hand > 0, Warehouse.code == "SCL-1")
            .group_by(Variant.sku)
            .order_by(func.count(func.distinct(StockQuant.location_id)).desc(), Variant.sku)
            .limit(1)
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    parser.add_argument("--sku", default="", help="the SKU to find (default: the one in most bins)")
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo:
        demo.controller.show_page("bin_map")
        bin_map = demo.controller.bin_map
        assert bin_map is not None
        demo.settle(lambda: bin_map.data is not None)
        demo.save("bin-map-1-whole")

        page = bin_map.page
        page.mode.setFocus()
        QTest.keyClick(page.mode, Qt.Key.Key_Down)  # occupancy → ABC class
        demo.pause()
        demo.save("bin-map-2-abc")

        found: list[object] = []
        bin_map.sig_searched.connect(found.append)
        page.search_field.setFocus()
        QTest.keyClicks(page.search_field, args.sku or spread_sku(demo.database))
        QTest.keyClick(page.search_field, Qt.Key.Key_Return)
        demo.settle(lambda: bool(found))
        demo.pause()
        demo.save("bin-map-3-sku-found")


if __name__ == "__main__":
    main()
