"""Walkthrough: Settings → Plugins on demo data: the list, a wheel installed, one for another API refused.

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/plugins_install.py resources/screenshots [--language es]

The wheels are small real plugins zipped by the tests' helper (tests/plugin_wheels.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from station.ui.views.plugins_view import PluginsView
from station.ui.walkthrough import DemoWindow, demo_window

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from plugin_wheels import make_plugin_wheel  # noqa: E402 - the tests' wheel builder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    wheels = Path(tempfile.mkdtemp(prefix="wheels-"))
    good = make_plugin_wheel(wheels, "acme_notify", version="1.2.0")
    future = make_plugin_wheel(wheels, "acme_next", version="3.0.0", api="2.0")
    with demo_window(args.out_dir, language=args.language) as demo:
        demo.controller.show_page("settings")
        settings = demo.controller.settings
        assert settings is not None
        view = settings.view.plugins
        settings.view.tabs.setCurrentWidget(view)
        demo.settle(lambda: view.table.rowCount() > 0)
        demo.save("plugins-1-list")

        install(demo, view, good)
        demo.settle(lambda: "acme_notify" in plugin_names(view))
        view.table.scrollToBottom()
        demo.save("plugins-2-installed")

        install(demo, view, future)
        demo.save("plugins-3-refused")


def install(demo: DemoWindow, view: PluginsView, wheel: Path) -> None:
    """Type the wheel's path and press Enter, as at the bench; wait for the answer."""
    view.wheel_path.setFocus()
    view.wheel_path.clear()
    QTest.keyClicks(view.wheel_path, str(wheel))
    view.message.hide()
    QTest.keyClick(view.wheel_path, Qt.Key.Key_Return)
    demo.settle(lambda: view.message.isVisible() and view.install_button.isEnabled())


def plugin_names(view: PluginsView) -> list[str]:
    return [view.table.item(row, 0).text() for row in range(view.table.rowCount())]


if __name__ == "__main__":
    main()
