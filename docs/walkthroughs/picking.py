"""Walkthrough: batch picking on demo data, as a lead: ten allocated orders chosen, the batch built
with its route against the S-shape walk, the printed pick list, the route drawn on the bin map, a scan
in progress.

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/picking.py resources/screenshots [--language es]
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from station.ui.walkthrough import demo_window


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo:
        demo.controller.show_page("picking")
        picking = demo.controller.picking
        assert picking is not None
        page = picking.view
        demo.settle(lambda: picking.loaded_once)
        picking.select_orders(10)  # what Space does on each of the first ten rows
        demo.save("picking-1-orders")

        QTest.keyClick(page, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        demo.settle(lambda: picking.picklist is not None)
        demo.settle(lambda: page.orders_heading.text() != "" and not picking.runner.pending)
        demo.save("picking-2-batch")

        printed: list[Path] = []
        picking.open_file = printed.append  # the docs keep the PDF instead of opening a viewer
        QTest.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        demo.settle(lambda: bool(printed))
        first_page = args.out_dir / f"picking-3-pdf{demo.suffix}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", "1", "-l", "1", str(printed[0]), str(first_page)],
            check=True,
        )
        print(f"{first_page}.png")

        # Ctrl+M: the bin map comes up with the batch's walk drawn and compared with the S-shape walk
        bin_map = demo.controller.bin_map
        assert bin_map is not None
        shown: list[object] = []
        bin_map.sig_route_shown.connect(shown.append)
        QTest.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        demo.settle(lambda: bool(shown))
        demo.pause(300)
        demo.save("picking-5-route-on-map")
        demo.controller.show_page("picking")

        # the first line with two units or more, so the screenshot shows a bin half picked
        line = next((line for line in picking.picklist.lines if line.quantity > 1), picking.picklist.lines[0])
        for text in (line.location, line.barcode):
            page.scan_field.setText(text)
            QTest.keyClick(page.scan_field, Qt.Key.Key_Return)
            demo.settle(lambda: not picking.runner.pending)
            demo.pause(300)
        demo.save("picking-4-scan")


if __name__ == "__main__":
    main()
