"""Walkthrough: a cycle count of zone B-03 on demo data, as a lead, scanner first.

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/inventory_counts.py resources/screenshots [--language es]

Open the zone (type B-03, Enter), scan each bin's label, scan each item's label (+1) or type the
quantity after the first scan, finish (Ctrl+Enter), review the variances, approve (Ctrl+Enter).
Two things go "wrong" on purpose: a shirt is missing in the first bin, and one bin is found one unit
over — so the review has something to show.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from station.ui.views.counts_view import DONE, REVIEW
from station.ui.walkthrough import DemoWindow, demo_window

ZONE = "B-03"


def type_into(demo: DemoWindow, field, text: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return, modifier)


def scan(demo: DemoWindow, controller, code: str) -> None:
    """Type the code and Enter, as a scanner does; wait until the tab answered."""
    answers: list[str] = []
    signals = (controller.sig_sheet_shown, controller.sig_counted, controller.sig_refused)
    for signal in signals:
        signal.connect(answers.append)
    type_into(demo, controller.view.scan_field, code)
    demo.settle(lambda: bool(answers) and not controller.busy)
    for signal in signals:
        signal.disconnect(answers.append)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo:
        demo.controller.show_page("inventory")
        inventory = demo.controller.inventory  # type: ignore[union-attr]
        inventory.show_tab("counts")
        counts = inventory.tabs["counts"].controller
        demo.settle(lambda: counts.loaded_once)

        type_into(demo, counts.view.zone_field, ZONE)
        demo.settle(lambda: not counts.busy and counts.open_ids)
        demo.save("inventory-counts-1-opened")

        bins = list(counts.bins_opened)
        for number, bin_code in enumerate(bins):
            scan(demo, counts, bin_code)
            lines = [line for line in counts.sheet.lines if line.expected]
            for index, line in enumerate(lines):
                scan(demo, counts, line.sku)  # the item's label: +1
                found = line.expected
                if number == 0 and index == 0:
                    found -= 1  # a shirt went missing
                if number == 2 and index == len(lines) - 1:
                    found += 1  # one unit too many, put away in the wrong bin
                if found != 1:
                    scan(demo, counts, str(found))  # the rest counted by hand and typed
            if number == 0:
                demo.save("inventory-counts-2-scanning")

        QTest.keyClick(counts.view.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        demo.settle(lambda: not counts.busy and counts.view.page == REVIEW)
        demo.save("inventory-counts-3-review")

        QTest.keyClick(counts.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        demo.settle(lambda: not counts.busy and counts.view.page == DONE)
        demo.save("inventory-counts-4-approved")


if __name__ == "__main__":
    main()
