"""Builds the main window's views and wires navigation, shortcuts and the status bar."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from station.config import Settings, StationPaths
from station.db.engine import Database
from station.pluginhost import PluginHost
from station.services.auth import LoggedInUser, Role
from station.services.orders import ORDER_LIST_LIMIT, list_orders
from station.ui.controllers.bin_map_controller import BinMapController
from station.ui.controllers.inventory_controller import InventoryContext, InventoryController
from station.ui.controllers.packing_controller import PackingController
from station.ui.controllers.picking_controller import PickingController
from station.ui.controllers.settings_controller import SettingsController
from station.ui.controllers.slotting_controller import mount_slotting
from station.ui.controllers.status_controller import StatusController
from station.ui.controllers.table_controller import TableController
from station.ui.models.orders_model import ORDERS_PLACED_COLUMN, OrdersTableModel
from station.ui.navigation import PAGES, REFRESH_SHORTCUT, coming_with, page_title
from station.ui.tasks import Task, TaskRunner
from station.ui.views.bin_map_view import BinMapPage
from station.ui.views.inventory_view import InventoryView
from station.ui.views.main_window import MainWindow
from station.ui.views.packing_view import PackingView
from station.ui.views.picking_view import PickingView
from station.ui.views.placeholder_view import PlaceholderView
from station.ui.views.settings_view import SettingsView
from station.ui.views.table_view import TablePageView


class Summaries(QObject):
    """The line above each table: how many rows it shows (translated with plural forms)."""

    def orders(self, shown: int, total: int) -> str:
        if shown == total:
            text = self.tr("%n order(s)", None, total)
        else:
            text = self.tr("%1 of %n order(s)", None, total).replace("%1", str(shown))
        if total >= ORDER_LIST_LIMIT:
            text += " " + self.tr("(the newest)")
        return text

    def inventory(self, shown: int, total: int) -> str:
        if shown == total:
            return self.tr("%n SKU(s)", None, total)
        return self.tr("%1 of %n SKU(s)", None, total).replace("%1", str(shown))


class MainController(QObject):
    sig_page_shown = Signal(str)  # the key of the view now on screen

    def __init__(
        self,
        window: MainWindow,
        database: Database,
        user: LoggedInUser,
        settings: Settings,
        paths: StationPaths,
        runner: TaskRunner,
        plugin_host: PluginHost | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.database = database
        self.user = user
        self.runner = runner
        self.tables: dict[str, TableController] = {}
        self.status = StatusController(window, self)
        self.summaries = Summaries(self)
        self.packing: PackingController | None = None
        self.settings: SettingsController | None = None
        self.inventory: InventoryController | None = None
        self.bin_map: BinMapController | None = None
        self.picking: PickingController | None = None

        for page in PAGES:
            window.add_page(page.key, page_title(page.key), page.shortcut, self._build_page(page.key, settings, paths))
            # Parented to the window: works whichever widget has the focus, scan fields included.
            shortcut = QShortcut(QKeySequence(page.shortcut), window)
            shortcut.activated.connect(partial(self.show_page, page.key))
        if self.picking is not None and self.bin_map is not None:
            self.picking.sig_show_route.connect(self._show_route_on_map)
        refresh = QShortcut(QKeySequence(REFRESH_SHORTCUT), window)
        refresh.activated.connect(self.refresh_current)
        window.navigation.currentRowChanged.connect(self._row_chosen)

        self.status.show_user(user)
        self.status.show_database(database.info)
        self.status.show_station(settings)
        self.status.show_devices(settings)
        if plugin_host is not None:
            self.set_plugin_host(plugin_host)
        else:
            self.status.show_plugins_loading()

        self.show_page("packing" if user.role == Role.PACKER else "orders")

    def _build_page(self, key: str, settings: Settings, paths: StationPaths) -> QWidget:
        title = page_title(key)
        if key == "packing":
            packing_view = PackingView(title)
            self.packing = PackingController(packing_view, self.database, self.user, settings, paths, self.runner, self)
            return packing_view
        if key == "picking":
            picking_view = PickingView(title)
            self.picking = PickingController(picking_view, self.database, self.user, settings, paths, self.runner, self)
            return picking_view
        if key == "orders":
            view = TablePageView(title, self.tr("Filter: number, customer, comuna, state…"), stretch_column=2)
            self.tables[key] = TableController(
                view,
                OrdersTableModel(self),
                partial(list_orders, self.database),
                self.runner,
                self.summaries.orders,
                self,
                sort=(ORDERS_PLACED_COLUMN, Qt.SortOrder.DescendingOrder),  # newest first
            )
            return view
        if key == "inventory":
            inventory_view = InventoryView(title)
            context = InventoryContext(self.database, self.user, settings, paths, self.runner)
            self.inventory = InventoryController(inventory_view, context, self.summaries.inventory, self)
            self.tables[key] = self.inventory.stock
            return inventory_view
        if key == "bin_map":
            bin_map_page = BinMapPage(title)
            self.bin_map = BinMapController(bin_map_page, self.database, self.runner, self)
            mount_slotting(bin_map_page, self.bin_map, self.database, self.user, settings, self.runner)
            return bin_map_page
        if key == "settings":
            settings_view = SettingsView(title)
            self.settings = SettingsController(
                settings_view, settings, self.database.info, paths, self, runner=self.runner
            )
            self.settings.sig_settings_saved.connect(self.status.show_station)
            self.settings.sig_settings_saved.connect(self.status.show_devices)
            return settings_view
        return PlaceholderView(title, coming_with(key))

    def _show_route_on_map(self, picklist_id: int) -> None:
        """The picking page's "Show on map": the bin map comes up with the pick list's route drawn."""
        assert self.bin_map is not None
        self.show_page("bin_map")
        self.bin_map.show_picklist(picklist_id)

    @property
    def current_page(self) -> str:
        return self.window.page_keys()[self.window.pages.currentIndex()]

    def show_page(self, key: str) -> None:
        row = self.window.page_keys().index(key)
        if self.window.navigation.currentRow() == row:
            self._row_chosen(row)
        else:
            self.window.navigation.setCurrentRow(row)  # → _row_chosen

    def _row_chosen(self, row: int) -> None:
        if row < 0:
            return
        self.window.show_page_at(row)
        key = self.window.page_keys()[row]
        table = self.tables.get(key)
        if table is not None and not table.loaded_once and not table.loading:
            table.refresh()
        page = self.window.pages.currentWidget()
        focus = getattr(page, "filter_field", None) or getattr(page, "station_name", None)
        if key == "packing" and self.packing is not None:
            self.packing.focus()
        elif key == "inventory" and self.inventory is not None:
            self.inventory.page_shown()
        elif key == "bin_map" and self.bin_map is not None:
            self.bin_map.page_shown()
        elif key == "picking" and self.picking is not None:
            self.picking.page_shown()
        elif focus is not None:
            focus.setFocus()
        self.sig_page_shown.emit(key)

    def refresh_current(self) -> Task | None:
        if self.current_page == "packing" and self.packing is not None:
            self.packing.refresh()
            return None
        if self.current_page == "inventory" and self.inventory is not None:
            return self.inventory.refresh_current()
        if self.current_page == "bin_map" and self.bin_map is not None:
            self.bin_map.refresh()
            return None
        if self.current_page == "picking" and self.picking is not None:
            return self.picking.refresh()
        table = self.tables.get(self.current_page)
        return table.refresh() if table is not None else None

    def set_plugin_host(self, plugin_host: PluginHost) -> None:
        self.status.show_plugins(plugin_host.plugins())
        if isinstance(plugin_host, PluginHost):  # carriers, printers, scales
            if self.packing is not None:
                self.packing.set_plugin_host(plugin_host)
            if self.settings is not None:
                self.settings.set_plugin_host(plugin_host)

    def shutdown(self) -> None:
        """Stop what runs beside the window (the scale's monitor, the print queues)."""
        if self.packing is not None:
            self.packing.shutdown()
        if self.settings is not None:
            self.settings.shutdown()
        if self.inventory is not None:
            self.inventory.shutdown()

    def show_plugin_load_failed(self, message: str) -> None:
        self.status.show_plugins_failed(message)
