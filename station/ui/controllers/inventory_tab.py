"""What an Inventory tab is given (`InventoryContext`) and what it hands back (`InventoryTab`).

A module of its own so that every tab's controller can import it without importing
`inventory_controller`, which imports every tab's factory.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

from station.config import Settings, StationPaths
from station.db.engine import Database
from station.services.auth import LoggedInUser
from station.services.stock import Actor
from station.ui.scanner import WedgeScanDetector
from station.ui.tasks import TaskRunner


@dataclass(frozen=True)
class InventoryContext:
    """What every inventory tab may use: the database, who is signed in, this station, the task lanes."""

    database: Database
    user: LoggedInUser
    settings: Settings
    paths: StationPaths
    runner: TaskRunner

    def actor(self) -> Actor:
        """Who does what this tab writes: the signed-in user at this station."""
        return Actor(station=self.settings.station_name, user_id=self.user.id)


@dataclass
class InventoryTab:
    key: str  # stable identifier, used in code and tests
    title: str  # translated
    widget: QWidget
    controller: QObject
    focus: Callable[[], None] | None = None  # put the cursor where a scan goes
    refresh: Callable[[], object] | None = None  # Ctrl+R on this tab
    shutdown: Callable[[], None] | None = None  # the window closes


View = TypeVar("View", bound=QWidget)


class ScanTabController(QObject, Generic[View]):
    """The state every scanning tab's controller keeps: its view, where the work goes, who does it."""

    def __init__(self, view: View, context: InventoryContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.database = context.database
        self.settings = context.settings
        self.runner = context.runner
        self.actor = context.actor()
        self.busy = False  # a booking runs on the database lane: scans wait for it
        self.loading = False
        self.loaded_once = False


class TabController(Protocol):
    def focus(self) -> None: ...


def controller_tab(
    key: str, title: str, view: QWidget, controller: TabController, refresh: Callable[[], object] | None = None
) -> InventoryTab:
    """The usual tab: the controller's focus() puts the cursor in place, `refresh` answers Ctrl+R."""
    assert isinstance(controller, QObject)
    return InventoryTab(key, title, view, controller, focus=controller.focus, refresh=refresh)


def add_shortcuts(widget: QWidget, keys: Mapping[str, Callable[[], object]]) -> None:
    """Keys that work anywhere inside `widget` (a tab), whichever of its fields has the focus."""
    for key, slot in keys.items():
        shortcut = QShortcut(QKeySequence(key), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)


def listen_for_scans(field: QLineEdit, handle: Callable[[str], object], owner: QObject) -> WedgeScanDetector:
    """A scanner's burst into `field` (arriving whole, GS separators kept), or Enter there, goes to `handle`."""
    scanner = WedgeScanDetector(parent=owner)
    field.installEventFilter(scanner)
    scanner.sig_scanned.connect(handle)
    field.returnPressed.connect(lambda: handle(field.text()))
    return scanner
