"""Walkthrough: the Inventory page's stock table on demo data.

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/inventory_stock.py resources/screenshots [--language es]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from station.ui.walkthrough import demo_window


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo:
        demo.controller.show_page("inventory")
        stock = demo.controller.inventory.stock  # type: ignore[union-attr]
        demo.settle(lambda: stock.loaded_once)
        demo.save("inventory-stock")


if __name__ == "__main__":
    main()
