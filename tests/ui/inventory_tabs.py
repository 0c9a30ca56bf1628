"""One Inventory tab on its own in a test: its view shown, its controller made and loaded."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from station.config import Settings, station_paths
from station.db import Database
from station.services.auth import LoggedInUser
from station.ui.controllers.inventory_tab import InventoryContext
from station.ui.tasks import TaskRunner

View = TypeVar("View", bound=QWidget)
Controller = TypeVar("Controller")


def context(database: Database, user: LoggedInUser, settings: Settings, runner: TaskRunner) -> InventoryContext:
    return InventoryContext(database, user, settings, station_paths(), runner)


def open_tab(
    qtbot: QtBot,
    view: View,
    make: Callable[[View, InventoryContext], Controller],
    tab_context: InventoryContext,
    loaded: str,
    size: tuple[int, int] = (1200, 760),
) -> Controller:
    """Show `view`, make its controller and focus it; wait for the signal named `loaded` (its first load)."""
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    controller = make(view, tab_context)
    with qtbot.waitSignal(getattr(controller, loaded), timeout=10_000):
        controller.focus()  # type: ignore[attr-defined]
    return controller
