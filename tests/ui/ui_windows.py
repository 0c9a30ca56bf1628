"""Showing a window in a UI test (its own module: `conftest` is ambiguous when the whole suite runs)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def show_and_activate(qtbot: QtBot, window: QWidget) -> None:
    """Show a window and wait until it is active: window shortcuts (F1 … F11) need that."""
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
