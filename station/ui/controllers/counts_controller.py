"""The Counts tab, scanner first: open a zone's count (or the due schedules'), scan a bin, scan its
items (+1 each, or a typed number sets the last item's count), finish, review the variances, and a
lead approves them into adjustments — one transaction — and sees the accuracy.

The tab works on the warehouse's counts not yet approved: what was open when the tab loaded plus
what it opens. Database work runs on the db lane (`counts_jobs`); results come back by signal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from station.services.auth import Role
from station.services.count_scans import Batch, BinSheet, ItemCounted, VarianceRow
from station.services.stock import Actor
from station.ui import packing_sound
from station.ui.controllers import counts_jobs
from station.ui.controllers.counts_jobs import ApprovedWithHistory, Loaded, Refusal
from station.ui.controllers.counts_texts import CountsTexts
from station.ui.controllers.inventory_tab import (
    InventoryContext,
    InventoryTab,
    add_shortcuts,
    controller_tab,
    listen_for_scans,
)
from station.ui.models.counts_models import (
    CountAccuracyModel,
    SheetModel,
    VarianceModel,
    WeeklyAccuracyModel,
    percent,
    units,
)
from station.ui.views.counts_view import COUNTING, DONE, REVIEW, CountsView, fit_columns

APPROVERS = (Role.LEAD, Role.ADMIN)
MAX_TYPED_QUANTITY_DIGITS = 4  # a longer number is a barcode (EAN-8, UPC, EAN-13), not a quantity


class CountsController(QObject):
    sig_loaded = Signal()
    sig_opened = Signal(int)  # how many bin counts were opened
    sig_sheet_shown = Signal(str)  # the bin now being counted
    sig_counted = Signal(str)  # the message shown
    sig_refused = Signal(str)  # the message shown
    sig_reviewing = Signal(int)  # how many variances
    sig_approved = Signal(int)  # how many adjustments

    def __init__(self, view: CountsView, context: InventoryContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.context = context
        self.actor = Actor(station=context.settings.station_name, user_id=context.user.id)
        self.can_approve = context.user.role in APPROVERS
        self.texts = CountsTexts(self)
        self.warehouse = None
        self.open_ids: list[int] = []  # counts being counted
        self.counted_ids: list[int] = []  # finished, waiting for approval
        self.bins_opened: list[str] = []  # the bins of the counts this tab opened last
        self.visited: set[int] = set()
        self.sheet: BinSheet | None = None
        self.last_item: tuple[str, str | None] | None = None  # (SKU, lot) a typed number applies to
        self.finish_armed = False
        self.queued_scans: list[str] = []  # scans that came while the last one was being saved
        self.busy = False
        self.loading = False
        self.loaded_once = False
        self.sheet_model = SheetModel(self)
        self.variance_model = VarianceModel(self)
        self.accuracy_model = CountAccuracyModel(self)
        self.history_model = WeeklyAccuracyModel(self)
        for table, model in (
            (view.sheet_table, self.sheet_model),
            (view.variance_table, self.variance_model),
            (view.accuracy_table, self.accuracy_model),
            (view.history_table, self.history_model),
        ):
            table.setModel(model)
            fit_columns(table)
        view.zone_field.returnPressed.connect(self.open_zone)
        view.open_button.clicked.connect(self.open_zone)
        view.due_button.clicked.connect(self.run_due)
        self.scanner = listen_for_scans(view.scan_field, self.handle_scan, self)
        view.finish_button.clicked.connect(self.finish)
        view.approve_button.clicked.connect(self.approve)
        view.new_button.clicked.connect(self.new_count)
        add_shortcuts(
            view,
            {
                "Ctrl+Return": self._confirm,
                "Ctrl+Enter": self._confirm,
                "Ctrl+D": self.run_due,
                "Ctrl+B": view.blind_check.toggle,
                "Ctrl+N": self.new_count,
            },
        )
        self._show_counting()

    # -- loading -----------------------------------------------------------------------------------

    def refresh(self):
        self.loading = True
        task = self.context.runner.submit(counts_jobs.load, self.context.database, self.context.settings.warehouse_code)
        task.sig_finished.connect(self._loaded)
        task.sig_failed.connect(self._failed)
        return task

    def _loaded(self, loaded: Loaded) -> None:
        self.loading = False
        self.loaded_once = True
        self.warehouse = loaded.warehouse
        self.open_ids, self.counted_ids = list(loaded.open_ids), list(loaded.counted_ids)
        if self.counted_ids and not self.open_ids:
            self._review(loaded.variances)
        else:
            if self.view.page != COUNTING:
                self._show_counting()
            if self.open_ids:
                self.view.set_message(
                    "info",
                    self.tr(
                        "%n bin count(s) open in this warehouse: scan a bin to count it.", None, len(self.open_ids)
                    ),
                )
            elif loaded.due:
                self.view.set_message(
                    "info", self.tr("%n count schedule(s) due: Ctrl+D opens their counts.", None, loaded.due)
                )
        self._update_heading()
        self.sig_loaded.emit()

    def focus(self) -> None:
        """The tab came on screen: the cursor where the next scan goes; load once."""
        self._focus_field()
        if not self.loaded_once and not self.loading:
            self.refresh()

    def _focus_field(self) -> None:
        if self.view.page == COUNTING:
            (self.view.scan_field if self.open_ids else self.view.zone_field).setFocus()
        else:
            self.view.setFocus()

    # -- opening -----------------------------------------------------------------------------------

    def open_zone(self) -> None:
        zone = self.view.zone_field.text().strip()
        if not self._ready():
            return
        if not zone:
            self.refuse(self.tr("Type or scan a zone first: the start of the bin codes, e.g. B-03."))
            return
        self._submit(
            counts_jobs.open_zone, self.warehouse.id, zone, self.view.blind_check.isChecked(), done=self._opened
        )

    def run_due(self) -> None:
        if self.view.page == COUNTING and self._ready():
            self._submit(counts_jobs.run_due, done=self._opened)

    def _opened(self, batch: Batch) -> None:
        self.busy = False
        self.open_ids += [count_id for count_id in batch.count_ids if count_id not in self.open_ids]
        self.bins_opened = list(batch.bins)
        self.finish_armed = False
        self.view.set_message(*self.texts.opened(batch))
        self.view.zone_field.clear()
        self._update_heading()
        self._focus_field()
        self.sig_opened.emit(len(batch.count_ids))

    # -- counting ----------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        self.view.scan_field.clear()
        code = text.strip(" \r\n\t")
        if not code:
            return
        if self.busy:  # a fast scanner: count every scan, in order
            self.queued_scans.append(code)
            return
        if not self._ready():
            return
        quantity = None
        lot = None
        if code.isdigit() and len(code) <= MAX_TYPED_QUANTITY_DIGITS and self.last_item is not None:
            quantity = int(code)
            code, lot = self.last_item
        count_id = self.sheet.count_id if self.sheet else None
        self._submit(counts_jobs.scan, self.warehouse.id, count_id, code, quantity, lot, done=self._scanned)

    def _scanned(self, result: BinSheet | ItemCounted | Refusal) -> None:
        self.busy = False
        self._show_scan(result)
        if self.queued_scans:
            self.handle_scan(self.queued_scans.pop(0))

    def _show_scan(self, result: BinSheet | ItemCounted | Refusal) -> None:
        if isinstance(result, Refusal):
            self.refuse(self.texts.refusal(result))
            return
        if isinstance(result, BinSheet):
            self._show_sheet(result)
            self.last_item = None
            self.view.last_scan.setText("")
            verb = self.tr("Scan each item in the bin (a number + Enter sets the last one's count).")
            self.view.set_message("info", self.tr("Counting bin %1.").replace("%1", result.location) + " " + verb)
            self.sig_sheet_shown.emit(result.location)
            return
        self._show_sheet(result.sheet)
        self.last_item = (result.sku, result.lot)
        self.view.last_scan.setText(self.texts.last_item(result))
        kind, text = self.texts.item_counted(result)
        self.view.set_message(kind, text)
        if kind == "warning":
            packing_sound.error_sound()
        self.sig_counted.emit(text)

    def _show_sheet(self, sheet: BinSheet) -> None:
        self.sheet = sheet
        self.visited.add(sheet.count_id)
        if sheet.count_id not in self.open_ids:
            self.open_ids.append(sheet.count_id)
        self.finish_armed = False
        blind = " · " + self.tr("blind count") if sheet.blind else ""
        self.view.bin_heading.setText(
            self.tr("Bin %1 · count #%2").replace("%1", sheet.location).replace("%2", str(sheet.count_id)) + blind
        )
        self.sheet_model.set_rows(sheet.lines)
        self._update_heading()

    # -- finishing and approving -------------------------------------------------------------------

    def _confirm(self) -> None:
        if self.view.page == COUNTING:
            self.finish()
        elif self.view.page == REVIEW:
            self.approve()

    def finish(self) -> None:
        if not self._ready():
            return
        if not self.open_ids:
            self.refuse(self.tr("Nothing to finish: open a zone's count first."))
            return
        unscanned = [count_id for count_id in self.open_ids if count_id not in self.visited]
        if unscanned and not self.finish_armed:
            self.finish_armed = True
            self.view.set_message(
                "warning",
                self.tr("%n bin(s) not scanned yet count as empty.", None, len(unscanned))
                + " "
                + self.tr("Press Ctrl+Enter again to finish anyway."),
            )
            packing_sound.error_sound()
            return
        self._submit(counts_jobs.finish, self.open_ids + self.counted_ids, self.context.user.id, done=self._finished)

    def _finished(self, variances: list[VarianceRow]) -> None:
        self.busy = False
        self.counted_ids += self.open_ids
        self.open_ids = []
        self._review(variances)

    def _review(self, variances: list[VarianceRow]) -> None:
        self.variance_model.set_rows(variances)
        self.view.show_page(REVIEW)
        self.view.review_heading.setText(self.texts.review_heading(len(self.counted_ids), variances))
        self.view.review_summary.setText(self.texts.review_summary(variances))
        self.view.approve_button.setEnabled(self.can_approve)
        if not self.can_approve:
            self.view.set_message("info", self.tr("A lead approves these variances: ask one to sign in here."))
        elif variances:
            self.view.set_message("info", self.tr("Check the differences; Ctrl+Enter books them as stock adjustments."))
        else:
            self.view.set_message("success", self.tr("No differences. Ctrl+Enter closes the counts."))
        self._set_shortcuts()
        self._update_heading()
        self.view.setFocus()
        self.sig_reviewing.emit(len(variances))

    def approve(self) -> None:
        if not self._ready():
            return
        if not self.can_approve:
            self.refuse(self.tr("Only a lead or an admin can approve count variances."))
            return
        self._submit(
            counts_jobs.approve,
            self.counted_ids,
            self.actor,
            self.context.user.role,
            self.warehouse.id,
            done=self._approved,
        )

    def _approved(self, result: ApprovedWithHistory) -> None:
        self.busy = False
        approved, history = result.approved, result.history
        self.counted_ids = []
        self.accuracy_model.set_rows(sorted(approved.counts, key=lambda count: count.location))
        self.history_model.set_rows(history.periods)
        self.view.show_page(DONE)
        accuracy = approved.accuracy
        self.view.done_heading.setText(
            self.tr("Accuracy of this count: %1 of lines right, %2 of units.")
            .replace("%1", percent(accuracy.line_accuracy))
            .replace("%2", percent(accuracy.unit_accuracy))
        )
        self.view.set_message(
            "success", self.tr("Approved: %n stock adjustment(s) booked.", None, approved.adjustments)
        )
        self._set_shortcuts()
        self._update_heading()
        self.view.setFocus()
        self.sig_approved.emit(approved.adjustments)

    def new_count(self) -> None:
        if self.view.page != DONE or self.busy:
            return
        self.view.set_message("", "")
        self._show_counting()
        self.refresh()

    # -- helpers -----------------------------------------------------------------------------------

    def _show_counting(self) -> None:
        self.sheet = None
        self.last_item = None
        self.visited = set()
        self.finish_armed = False
        self.sheet_model.set_rows([])
        self.view.bin_heading.setText(self.tr("Scan a bin to count it."))
        self.view.last_scan.setText("")
        self.view.show_page(COUNTING)
        self._set_shortcuts()
        self._focus_field()

    def _update_heading(self) -> None:
        code = self.warehouse.code if self.warehouse else "…"
        text = self.tr("Cycle counts in %1").replace("%1", code)
        if self.counted_ids and not self.open_ids:
            text += " — " + self.tr("%n bin count(s) wait for approval", None, len(self.counted_ids))
        if self.open_ids:
            text += " — " + self.tr("%n bin(s) to count", None, len(self.open_ids))
            scanned = len([i for i in self.open_ids if i in self.visited])
            self.view.progress.setText(
                self.tr("%1 of %2 bins scanned").replace("%1", units(scanned)).replace("%2", units(len(self.open_ids)))
            )
        else:
            self.view.progress.setText(self.tr("Open a zone to start counting."))
        self.view.heading.setText(text)

    def _set_shortcuts(self) -> None:
        self.view.set_shortcuts(self.texts.shortcuts(self.view.page))

    def _ready(self) -> bool:
        if self.busy:
            self.refuse(self.tr("One moment: the last scan is still being saved."))
            return False
        if self.warehouse is None:
            self.refuse(self.tr("One moment: the counts are still loading."))
            return False
        return True

    def _submit(self, fn, *args, done) -> None:
        self.busy = True
        task = self.context.runner.submit(fn, self.context.database, *args, lane="db")
        task.sig_finished.connect(done)
        task.sig_failed.connect(self._failed)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.loading = False
        self.queued_scans.clear()  # what came after a failure would count against the wrong state
        self.refuse(message)

    def refuse(self, message: str) -> None:
        self.view.set_message("error", message)
        packing_sound.error_sound()
        self.sig_refused.emit(message)


def build_counts_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = CountsView()
    controller = CountsController(view, context, parent)
    title = QCoreApplication.translate("CountsController", "Counts")
    return controller_tab("counts", title, view, controller, controller.refresh)
