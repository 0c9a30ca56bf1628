"""The Putaway tab, keyboard and scanner only: choose what to put away, scan the bin, it moves.

The work list is `pending_putaway` for the warehouse's docks, each line with the bin `suggest_bin`
chose and why. Scan an item (SKU, EAN/UPC, GS1-128) or pick a line with ↑/↓; then scan a bin: the
suggested one, or any other active storage bin with room, moves every unit of that line in one
transaction. A code that is no such bin is refused in red, naming it, and nothing moves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from station.services.receiving_queries import (
    PutawayDone,
    PutawayItem,
    StationWarehouse,
    confirm_item,
    list_putaway,
)
from station.ui import packing_sound
from station.ui.controllers.inventory_tab import (
    InventoryContext,
    InventoryTab,
    ScanTabController,
    add_shortcuts,
    controller_tab,
    listen_for_scans,
)
from station.ui.models.putaway_model import PutawayModel
from station.ui.tasks import Task
from station.ui.views.putaway_view import PutawayView
from station.ui.views.widgets import select_row, step_selection


class PutawayController(ScanTabController[PutawayView]):
    sig_loaded = Signal(int)  # how many lines wait on the dock
    sig_selected = Signal(str)  # the SKU of the line now chosen
    sig_put_away = Signal(str)  # a move is done: the message shown
    sig_refused = Signal(str)  # the message shown

    def __init__(self, view: PutawayView, context: InventoryContext, parent: QObject | None = None) -> None:
        super().__init__(view, context, parent)
        self.warehouse: StationWarehouse | None = None
        self.model = PutawayModel(self)
        view.table.setModel(self.model)
        view.fit_columns()
        view.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.scanner = listen_for_scans(view.scan_field, self.handle_scan, self)
        view.refresh_button.clicked.connect(self.refresh)
        add_shortcuts(
            view, {"Up": lambda: step_selection(view.table, -1), "Down": lambda: step_selection(view.table, 1)}
        )
        view.set_shortcuts(
            [
                (self.tr("scan an item"), self.tr("choose its line")),
                ("↑/↓", self.tr("choose")),
                (self.tr("scan a bin"), self.tr("put the line away there")),
                ("Ctrl+R", self.tr("refresh")),
            ]
        )

    # -- the work list ---------------------------------------------------------------------------------

    def refresh(self) -> Task:
        self.loading = True
        task = self.runner.submit(list_putaway, self.database, self.settings.warehouse_code, lane="db")
        task.sig_finished.connect(self._loaded)
        task.sig_failed.connect(self._failed)
        return task

    def _loaded(self, result: tuple[StationWarehouse, list[PutawayItem]]) -> None:
        self.loading = False
        self.loaded_once = True
        keep = self.selected
        self.warehouse, items = result
        docks = ", ".join(sorted({item.dock_code for item in items})) or self.tr("the dock")
        self.view.heading.setText(
            self.tr("%n line(s) waiting on %1 in %2", None, len(items))
            .replace("%1", docks)
            .replace("%2", self.warehouse.code)
        )
        self.model.set_rows(items)
        row = next(
            (
                n
                for n, item in enumerate(items)
                if keep and (item.variant_id, item.lot_id) == (keep.variant_id, keep.lot_id)
            ),
            0,
        )
        if items:
            select_row(self.view.table, row)
            if not self.view.message.isVisible() or self.view.message.objectName() == "infoMessage":
                self.view.set_message(
                    "info", self.tr("Scan an item (or choose it with ↑/↓), then scan the bin's label.")
                )
        else:
            self._show_current()
            if self.view.message.objectName() != "successMessage":
                self.view.set_message("info", self.tr("Nothing waits on the dock: every received unit is put away."))
        self.sig_loaded.emit(len(items))

    def _failed(self, message: str) -> None:
        self.loading = False
        self.busy = False
        self.refuse(message)

    def focus(self) -> None:
        """The tab came on screen: the cursor to the scan field, and the list read again."""
        self.view.scan_field.setFocus()
        if not self.loading:
            self.refresh()

    @property
    def selected(self) -> PutawayItem | None:
        rows = self.view.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _show_current(self) -> None:
        item = self.selected
        if item is None:
            self.view.current.setText("")
            return
        lot = self.tr(" lot %1").replace("%1", item.lot_code) if item.lot_code else ""
        text = self.tr("%1%2 × %3 → scan bin %4").replace("%1", item.sku).replace("%2", lot)
        text = text.replace("%3", QLocale().toString(item.quantity)).replace("%4", item.bin_code or "…")
        self.view.current.setText(text)
        self.sig_selected.emit(item.sku)

    # -- scans -------------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        self.view.scan_field.clear()
        code = text.strip(" \r\n\t")
        if not code:
            return
        if self.busy:
            self.refuse(self.tr("One moment: the last move is still being saved."))
            return
        row = next((n for n, item in enumerate(self.model.rows) if item.matches(code)), -1)
        if row >= 0:
            item = self.model.rows[row]
            if self.selected is item:
                self._show_current()  # chosen again: say so all the same
            else:
                select_row(self.view.table, row)
            self.view.set_message(
                "info",
                self.tr("%1: now scan the bin (suggested: %2).")
                .replace("%1", item.sku)
                .replace("%2", item.bin_code or "—"),
            )
            return
        item = self.selected
        if item is None:
            self.refuse(self.tr("%1 is not on the dock: scan an item of the list first.").replace("%1", code))
            return
        self.busy = True
        task = self.runner.submit(confirm_item, self.database, item, code, self.actor, lane="db")
        task.sig_finished.connect(self._done)
        task.sig_failed.connect(self._failed)

    def _done(self, done: PutawayDone) -> None:
        self.busy = False
        text = (
            self.tr("%1 × %2 put away in %3.").replace("%1", QLocale().toString(done.quantity)).replace("%2", done.sku)
        )
        text = text.replace("%3", done.bin_code)
        if done.suggested and done.suggested.upper() != done.bin_code.upper():
            text += " " + self.tr("(Suggested was %1.)").replace("%1", done.suggested)
        self.view.set_message("success", text)
        self.sig_put_away.emit(text)
        self.refresh()

    def refuse(self, message: str) -> None:
        self.view.set_message("error", message)
        packing_sound.error_sound()
        self.sig_refused.emit(message)


def build_putaway_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = PutawayView()
    controller = PutawayController(view, context, parent)
    title = QCoreApplication.translate("PutawayController", "Putaway")
    return controller_tab("putaway", title, view, controller, controller.refresh)
