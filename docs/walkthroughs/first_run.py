"""Walkthrough: the first-run setup dialog on a fresh station (a temporary STATION_HOME), by keyboard:
the database (SQLite, and a PostgreSQL address tested), the station's name, scale and printer,
plugins, the administrator, and the setup running to the end.

QT_QPA_PLATFORM=offscreen python docs/walkthroughs/first_run.py resources/screenshots [--language es]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from station.config import station_paths  # noqa: E402
from station.services.setup import SetupValues  # noqa: E402
from station.ui.controllers.setup_controller import create_setup_wizard  # noqa: E402
from station.ui.i18n import install_translator  # noqa: E402
from station.ui.style import apply_style  # noqa: E402
from station.ui.tasks import TaskRunner  # noqa: E402
from station.ui.walkthrough import save, settle  # noqa: E402

# Nothing listens on port 1: the test fails at once, as with a server that is down.
SERVER_DOWN = "postgresql://station:secret@127.0.0.1:1/station"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def type_then(text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:
    QTest.keyClicks(focused(), text)
    press(key)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "en" else f"-{args.language}"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, args.language)
    apply_style(app)
    alt = Qt.KeyboardModifier.AltModifier
    with tempfile.TemporaryDirectory() as home:
        os.environ["STATION_HOME"] = str(Path(home) / "station")
        runner = TaskRunner()
        wizard = create_setup_wizard(station_paths(), runner, SetupValues(station_name="bench-1"))
        controller = wizard.controller  # type: ignore[attr-defined]
        wizard.show()
        wizard.activateWindow()
        settle(wizard.isActiveWindow)

        def shot(step: str) -> None:
            save(wizard, args.out_dir / f"first-run-{step}{suffix}.png")

        shot("1-database")
        press(Qt.Key.Key_P, alt)  # PostgreSQL server
        settle(wizard.database_page.postgres_choice.isChecked)
        press(Qt.Key.Key_Tab)
        QTest.keyClicks(focused(), SERVER_DOWN)
        press(Qt.Key.Key_E, alt)  # Test connection
        settle(
            lambda: (
                "127.0.0.1:1" in wizard.database_page.message.text() and wizard.database_page.test_button.isEnabled()
            )
        )
        shot("2-test-connection")
        press(Qt.Key.Key_T, alt)  # back to This computer
        settle(wizard.database_page.sqlite_choice.isChecked)
        press(Qt.Key.Key_Return)

        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(focused(), "Bench 1 - dispatch")
        shot("3-station")
        press(Qt.Key.Key_Return)

        wizard.devices_page.scale_address.setEditText("sim://sics")
        press(Qt.Key.Key_Tab)
        press(Qt.Key.Key_Tab)
        QTest.keyClicks(focused(), "tcp://10.0.0.30:9100")
        shot("4-devices")
        press(Qt.Key.Key_Return)

        settle(lambda: wizard.plugins_page.plugins.count() > 0)
        plugins = wizard.plugins_page.plugins
        last = plugins.count() - 1
        plugins.setCurrentRow(last)
        press(Qt.Key.Key_Space)  # untick the last one (the demo carrier)
        shot("5-plugins")
        press(Qt.Key.Key_Return)

        type_then("marta")
        type_then("Marta Rojas")
        type_then("2468")
        QTest.keyClicks(focused(), "2468")
        shot("6-admin")
        press(Qt.Key.Key_Return)
        settle(lambda: controller.result is not None or "nothing was saved" in wizard.finish_page.message.text())
        shot("7-done")
        wizard.close()
        runner.shutdown()


if __name__ == "__main__":
    main()
