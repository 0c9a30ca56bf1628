"""Walkthrough: slotting on the Bin map page with demo data: suggestions with the walk they save and
their arrows on the map, one accepted into a move task, the task done by scanning its two bins.

QT_QPA_PLATFORM=offscreen python docs/walkthroughs/slotting.py resources/screenshots [--language es]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QSplitter

from station.ui.controllers.slotting_controller import SlottingController
from station.ui.views.slotting_view import SlottingPanel
from station.ui.walkthrough import demo_window


def scan(field, code: str) -> None:
    """What a wedge scanner does: the code typed into the focused field, then Enter."""
    field.setFocus()
    QTest.keyClicks(field, code)
    QTest.keyClick(field, Qt.Key.Key_Return)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo:
        demo.controller.show_page("bin_map")
        bin_map = demo.controller.bin_map
        assert bin_map is not None
        panel = demo.window.findChild(SlottingPanel)
        slotting = panel.findChild(SlottingController)
        demo.settle(lambda: bin_map.data is not None and slotting.warehouse_id is not None)
        page = bin_map.page
        page.findChild(QSplitter).setSizes([860, 520])  # the side column dragged wider, for the table
        demo.pause(400)
        page.map.fit()  # the whole warehouse in the narrower map ("0")
        scroll = page.findChild(QScrollArea)

        panel.suggestions.setFocus()
        QTest.keyClick(panel.suggestions, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # Suggest
        demo.settle(lambda: slotting.suggestions.rowCount() > 0 and not slotting.busy)
        panel.suggestions.setFocus()  # the best one is selected: its arrow is on the map
        scroll.verticalScrollBar().setValue(panel.y() - 40)  # the side column scrolled to "Slotting"
        demo.pause(400)
        demo.save("slotting-1-suggestions")

        QTest.keyClick(panel.suggestions, Qt.Key.Key_Return)  # Accept
        demo.settle(lambda: slotting.tasks.rowCount() > 0 and not slotting.busy)
        task = slotting.tasks.rows[0]
        scan(panel.scan, task.from_bin)
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        demo.pause(400)
        demo.save("slotting-2-task")

        scan(panel.scan, task.to_bin)
        demo.settle(lambda: slotting.pending is None and not slotting.busy)
        demo.pause(400)
        demo.save("slotting-3-done")


if __name__ == "__main__":
    main()
