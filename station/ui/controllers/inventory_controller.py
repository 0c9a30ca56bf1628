"""Fills the Inventory page: the stock table first, then one tab per warehouse task.

Each task tab is built by a factory `build(context, parent) -> InventoryTab` from its own module
(view + controller); `TAB_FACTORIES` lists them in the order the tabs appear.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal

from station.services.inventory import list_stock
from station.ui.controllers.alerts_controller import build_alerts_tab
from station.ui.controllers.catalogue_controller import build_catalogue_tab
from station.ui.controllers.counts_controller import build_counts_tab
from station.ui.controllers.import_controller import build_import_tab
from station.ui.controllers.inventory_tab import InventoryContext, InventoryTab, add_shortcuts
from station.ui.controllers.locations_controller import build_locations_tab
from station.ui.controllers.moves_controller import build_moves_tab
from station.ui.controllers.putaway_controller import build_putaway_tab
from station.ui.controllers.receiving_controller import build_receiving_tab
from station.ui.controllers.table_controller import Summary, TableController
from station.ui.controllers.trace_controller import build_trace_tab
from station.ui.controllers.transfers_controller import build_transfers_tab
from station.ui.models.inventory_model import InventoryTableModel
from station.ui.tasks import Task
from station.ui.views.inventory_view import InventoryView
from station.ui.views.table_view import TablePageView

__all__ = ["TAB_FACTORIES", "InventoryContext", "InventoryController", "InventoryTab", "TabFactory"]

TabFactory = Callable[[InventoryContext, QObject], InventoryTab]

# Task tabs, in the order they appear after the stock table: where things are, then the day's
# work in the order goods flow (in, put away, moved, counted), then looking back, then the office.
TAB_FACTORIES: tuple[TabFactory, ...] = (
    build_locations_tab,
    build_receiving_tab,
    build_putaway_tab,
    build_transfers_tab,
    build_counts_tab,
    build_moves_tab,
    build_trace_tab,
    build_alerts_tab,
    build_import_tab,
    build_catalogue_tab,
)


class InventoryController(QObject):
    sig_tab_shown = Signal(str)  # the key of the tab now on screen

    def __init__(
        self,
        view: InventoryView,
        context: InventoryContext,
        summary: Summary,
        parent: QObject | None = None,
        factories: tuple[TabFactory, ...] = TAB_FACTORIES,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.context = context
        stock_view = TablePageView("", self.tr("Filter: SKU, name, client…"), stretch_column=1)
        self.stock = TableController(
            stock_view, InventoryTableModel(self), partial(list_stock, context.database), context.runner, summary, self
        )
        self.tabs: dict[str, InventoryTab] = {}
        self._add(
            InventoryTab(
                "stock",
                self.tr("Stock"),
                stock_view,
                self.stock,
                focus=stock_view.filter_field.setFocus,
                refresh=self.stock.refresh,
            )
        )
        for factory in factories:
            self._add(factory(context, self))
        add_shortcuts(
            view, {f"Alt+{n}": partial(self.show_tab_at, n - 1) for n in range(1, min(len(self.tabs), 9) + 1)}
        )
        view.tabs.currentChanged.connect(self._tab_changed)

    def _add(self, tab: InventoryTab) -> None:
        self.tabs[tab.key] = tab
        self.view.add_tab(tab.key, tab.title, tab.widget)

    def show_tab(self, key: str) -> None:
        self.show_tab_at(self.view.tab_keys().index(key))

    def show_tab_at(self, index: int) -> None:
        if self.view.tabs.currentIndex() == index:
            self._tab_changed(index)
        else:
            self.view.tabs.setCurrentIndex(index)  # → _tab_changed

    def _tab_changed(self, index: int) -> None:
        if index < 0:
            return
        key = self.view.tab_keys()[index]
        if key == "stock" and not self.stock.loaded_once and not self.stock.loading:
            self.stock.refresh()
        self.focus()
        self.sig_tab_shown.emit(key)

    def focus(self) -> None:
        tab = self.tabs[self.view.current_key]
        if tab.focus is not None:
            tab.focus()

    def page_shown(self) -> None:
        """The Inventory page came on screen: load what the current tab shows if it never loaded."""
        self._tab_changed(self.view.tabs.currentIndex())

    def refresh_current(self) -> Task | None:
        tab = self.tabs[self.view.current_key]
        result = tab.refresh() if tab.refresh is not None else None
        return result if isinstance(result, Task) else None

    def shutdown(self) -> None:
        for tab in self.tabs.values():
            if tab.shutdown is not None:
                tab.shutdown()
