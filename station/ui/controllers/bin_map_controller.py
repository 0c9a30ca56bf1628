"""The Bin map page's controller: loads the map, colours it, finds bins, shows a bin's details, exports.

Every database question runs on the db lane; a newer load or search supersedes one still running.
Other pages draw on the map through `page.map` (highlight, show_route, show_moves, clear_overlays)
and `show_picklist`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog

from station.db.engine import Database
from station.services.bin_map import (
    BinDetails,
    BinMapData,
    BinMapError,
    BinSearch,
    PicklistRoute,
    bin_details,
    load_bin_map,
    picklist_route,
    search_bins,
    warehouse_choices,
)
from station.ui.tasks import Task, TaskRunner
from station.ui.views.bin_map_colours import colour_mode
from station.ui.views.bin_map_view import BinMapPage
from station.ui.views.widgets import show_message


def _warehouses(database: Database) -> list[tuple[int, str, int]]:
    with database.unit_of_work() as uow:
        return warehouse_choices(uow.session)


def _load(database: Database, warehouse_id: int, level: str | None) -> BinMapData:
    with database.unit_of_work() as uow:
        return load_bin_map(uow.session, warehouse_id, level=level)


def _search(database: Database, warehouse_id: int, text: str) -> BinSearch:
    with database.unit_of_work() as uow:
        try:
            return search_bins(uow.session, warehouse_id, text)
        except BinMapError as exc:
            return BinSearch(text, "", "", "", [], str(exc))


def _details(database: Database, location_id: int) -> BinDetails:
    with database.unit_of_work() as uow:
        return bin_details(uow.session, location_id)


def _route(database: Database, picklist_id: int) -> PicklistRoute:
    with database.unit_of_work() as uow:
        return picklist_route(uow.session, picklist_id)


class BinMapController(QObject):
    sig_loaded = Signal(object)  # BinMapData drawn
    sig_searched = Signal(object)  # BinSearch shown
    sig_details = Signal(object)  # BinDetails shown
    sig_route_shown = Signal(object)  # PicklistRoute drawn
    sig_exported = Signal(str)  # the file written

    def __init__(self, page: BinMapPage, database: Database, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.database = database
        self.runner = runner
        self.data: BinMapData | None = None
        self._pending_picklist: int | None = None  # asked for before the map was drawn
        self.loaded_once = False
        self._load_task: Task | None = None
        self._search_task: Task | None = None
        page.warehouse.activated.connect(lambda _index: self.load())
        page.level.activated.connect(lambda _index: self.load())
        page.mode.currentIndexChanged.connect(lambda _index: self._recolour())
        page.search_field.returnPressed.connect(self.search)
        page.export_button.clicked.connect(self._ask_export)
        page.map.sig_bin_clicked.connect(self.show_bin)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.clear)

    # -- loading -----------------------------------------------------------------------------------

    def page_shown(self) -> None:
        """First visit: find the warehouses and draw the biggest one; later visits keep what is drawn."""
        self.page.search_field.setFocus()
        if self.loaded_once:
            return
        self.loaded_once = True
        task = self.runner.submit(_warehouses, self.database, lane="db")
        task.sig_finished.connect(self._warehouses_found)
        task.sig_failed.connect(self._failed)

    def refresh(self) -> None:
        if self.page.warehouse.count():
            self.load()
        else:
            self.loaded_once = False
            self.page_shown()

    def _warehouses_found(self, rows: list[tuple[int, str, int]]) -> None:
        combo = self.page.warehouse
        combo.clear()
        for id_, code, _bins in rows:
            combo.addItem(code, id_)
        if not rows:
            show_message(self.page.message, "info", self.tr("No warehouse yet: create one, or run `station demo`."))
            return
        biggest = max(range(len(rows)), key=lambda index: rows[index][2])
        combo.setCurrentIndex(biggest)
        self.load()

    def select_warehouse(self, code: str) -> None:
        self.page.warehouse.setCurrentIndex(self.page.warehouse.findText(code))
        self.load()

    def load(self) -> Task | None:
        warehouse_id = self.page.warehouse.currentData()
        if warehouse_id is None:
            return None
        level = self.page.level.currentData() if self.data and self.data.warehouse_id == warehouse_id else None
        if self._load_task is not None:
            self._load_task.cancel()
        self._load_task = self.runner.submit(_load, self.database, warehouse_id, level or None, lane="db")
        self._load_task.sig_finished.connect(self._loaded)
        self._load_task.sig_failed.connect(self._failed)
        return self._load_task

    def _loaded(self, data: BinMapData) -> None:
        self._load_task = None
        same_warehouse = self.data is not None and self.data.warehouse_id == data.warehouse_id
        if not same_warehouse:
            self.page.map.clear_overlays()
        self.data = data
        self._fill_levels(data)
        self.page.map.set_data(data, self.page.mode.currentData())
        self._show_legend()
        text = self.tr("%n bin(s) on the map.", None, len(data.bins))
        if data.layout is None:
            text += " " + self.tr("No layout: run `station layout derive` to draw the aisles.")
        show_message(self.page.message, "info", text)
        self.sig_loaded.emit(data)
        if self._pending_picklist is not None:
            picklist_id, self._pending_picklist = self._pending_picklist, None
            self.show_picklist(picklist_id)

    def _fill_levels(self, data: BinMapData) -> None:
        combo = self.page.level
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All levels"), "")
        for level in data.levels:
            combo.addItem(self.tr("Level %1").replace("%1", level), level)
        combo.setCurrentIndex(max(0, combo.findData(data.level or "")))
        combo.blockSignals(False)

    def select_level(self, level: str | None) -> Task | None:
        self.page.level.setCurrentIndex(max(0, self.page.level.findData(level or "")))
        return self.load()

    def _recolour(self) -> None:
        if self.data is None:
            return
        self.page.map.set_mode(self.page.mode.currentData())
        self._show_legend()

    def select_mode(self, key: str) -> None:
        self.page.mode.setCurrentIndex(self.page.mode.findData(key))

    def _show_legend(self) -> None:
        assert self.data is not None
        mode = colour_mode(self.page.mode.currentData(), self.data.today)
        counts = Counter(mode.classify(b) for b in self.data.bins)
        self.page.legend.show_mode(mode, [counts.get(index, 0) for index in range(len(mode.colours))])

    # -- finding and details -----------------------------------------------------------------------

    def search(self, text: str | None = None) -> Task | None:
        text = self.page.search_field.text() if text is None else text
        if self.data is None:
            return None
        if self._search_task is not None:
            self._search_task.cancel()
        self._search_task = self.runner.submit(_search, self.database, self.data.warehouse_id, text, lane="db")
        self._search_task.sig_finished.connect(self._searched)
        self._search_task.sig_failed.connect(self._failed)
        return self._search_task

    def _searched(self, found: BinSearch) -> None:
        self._search_task = None
        shown = self.page.map.highlight(found.location_ids)
        if found.location_ids:
            self.page.map.show_region(shown)
            hidden = len(found.location_ids) - len(shown)
            text = self.tr("%1: %n bin(s)", None, len(found.location_ids)).replace("%1", self._title(found))
            if hidden:
                text += " " + self.tr("(%n on other levels)", None, hidden)
            show_message(self.page.message, "success", text)
            if found.kind == "bin":  # a scanned bin: what it holds, without reaching for the mouse
                self.show_bin(found.location_ids[0])
        else:
            show_message(self.page.message, "error", found.message)
        self.page.search_field.selectAll()
        self.sig_searched.emit(found)

    def _title(self, found: BinSearch) -> str:
        words = {
            "bin": self.tr("Bin %1"),
            "sku": self.tr("SKU %1"),
            "lot": self.tr("Lot %1"),
            "order": self.tr("Order %1"),
            "picklist": self.tr("Picklist %1"),
        }
        return words[found.kind].replace("%1", found.subject) if found.kind in words else found.title

    def show_bin(self, location_id: int) -> Task:
        task = self.runner.submit(_details, self.database, location_id, lane="db")
        task.sig_finished.connect(self._details_found)
        task.sig_failed.connect(self._failed)
        return task

    def _details_found(self, details: BinDetails) -> None:
        self.page.details.show_details(details)
        self.sig_details.emit(details)

    def clear(self) -> None:
        self.page.search_field.clear()
        self.page.map.clear_overlays()
        show_message(self.page.message, "info", "")

    # -- for other pages ---------------------------------------------------------------------------

    def show_picklist(self, picklist_id: int) -> Task | None:
        """Draw a picklist's stored route and number its bins in walking order (once the map is drawn)."""
        if self.data is None:
            self._pending_picklist = picklist_id
            return None
        task = self.runner.submit(_route, self.database, picklist_id, lane="db")
        task.sig_finished.connect(self._route_found)
        task.sig_failed.connect(self._failed)
        return task

    def _route_found(self, route: PicklistRoute) -> None:
        index = self.page.warehouse.findData(route.warehouse_id)
        if self.data is not None and route.warehouse_id != self.data.warehouse_id and index >= 0:
            self._pending_picklist = route.picklist_id  # draw it once its warehouse is on the map
            self.page.warehouse.setCurrentIndex(index)
            self.load()
            return
        self.page.map.clear_overlays()
        self.page.map.show_route(route.path, route.stops)
        self.page.map.highlight(route.location_ids)
        self.page.map.show_region(route.location_ids)
        text = self.tr("Picklist %1: %n stop(s)", None, len(route.stops)).replace("%1", route.code)
        if route.route_cm and route.s_shape_cm:
            text += " · " + self.tr("this route %1 m; S-shape %2 m").replace(
                "%1", f"{route.route_cm / 100:,.0f}"
            ).replace("%2", f"{route.s_shape_cm / 100:,.0f}")
        elif route.route_cm:
            text += " · " + self.tr("%1 m walk").replace("%1", f"{route.route_cm / 100:,.0f}")
        elif not route.path:
            text += " · " + self.tr("no route planned yet")
        show_message(self.page.message, "info", text)
        self.sig_route_shown.emit(route)

    # -- export ------------------------------------------------------------------------------------

    def _ask_export(self) -> None:
        name = f"bin-map-{self.data.warehouse_code}.png" if self.data else "bin-map.png"
        path, _filter = QFileDialog.getSaveFileName(
            self.page, self.tr("Export the map"), name, self.tr("PNG image (*.png);;PDF document (*.pdf)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        try:
            self.page.map.export(path)
        except OSError as exc:
            show_message(self.page.message, "error", str(exc))
            return
        show_message(self.page.message, "success", self.tr("Map saved to %1").replace("%1", str(path)))
        self.sig_exported.emit(str(path))

    def _failed(self, message: str) -> None:
        show_message(self.page.message, "error", message)
