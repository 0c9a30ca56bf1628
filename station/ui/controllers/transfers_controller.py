"""The Transfers tab: bin moves on top (`BinMoveController`), transfers between warehouses below.

Transfers, keyboard and scanner only:

* Ctrl+N starts a new transfer to the warehouse chosen in "Send to": scan a bin of this warehouse,
  then its items (type a count first for several), another bin and its items…; Ctrl+Enter creates
  the draft.
* Scan a transfer's number (or choose it with ↑/↓) to select it. Ctrl+D dispatches a draft,
  Ctrl+Del cancels it. A transfer on its way here is received by scanning its items and then the bin
  they go onto, or Ctrl+Enter for everything still on the way (or just the items scanned) onto the dock.
* Esc drops what was scanned; Tab jumps between the two scan fields. (F1…F11 are the window's pages.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from station.services.bin_moves import BinInfo
from station.services.transfer_desk import (
    Desk,
    ScannedItem,
    cancel_transfer,
    create_and_list,
    dispatch_transfer,
    identify,
    load_desk,
    receive_transfer,
)
from station.services.transfers import TransferView
from station.ui import packing_sound
from station.ui.controllers.inventory_tab import (
    InventoryContext,
    InventoryTab,
    ScanTabController,
    add_shortcuts,
    controller_tab,
    listen_for_scans,
)
from station.ui.controllers.packing_scans import UnreadableScan, read_scan
from station.ui.controllers.transfers_moves import BinMoveController
from station.ui.controllers.transfers_scans import Basket, Draft
from station.ui.controllers.transfers_texts import TransferTexts
from station.ui.models.transfers_model import TransfersTableModel
from station.ui.tasks import Task
from station.ui.views.transfers_view import TransfersView
from station.ui.views.widgets import select_row, step_selection

TRANSFER_NUMBER = re.compile(r"^TR-\d+$", re.IGNORECASE)


class TransfersController(ScanTabController[TransfersView]):
    sig_loaded = Signal(int)  # how many transfers are listed
    sig_done = Signal(str)  # an action succeeded: the message shown
    sig_refused = Signal(str)
    sig_scanned = Signal(str)

    def __init__(self, view: TransfersView, context: InventoryContext, parent: QObject | None = None) -> None:
        super().__init__(view, context, parent)
        self.warehouse = context.settings.warehouse_code
        self.texts = TransferTexts(self)
        self.desk: Desk | None = None
        self.draft: Draft | None = None  # a new transfer being scanned
        self.receipt = Basket()  # items of the selected transfer scanned on arrival
        self._select_after_load: tuple[str, str] | None = None
        self.moves = BinMoveController(view, context, self)
        self.model = TransfersTableModel(self)
        view.table.setModel(self.model)
        view.fit_columns()
        view.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.scanner = listen_for_scans(view.transfer_field, self.handle_scan, self)
        view.new_button.clicked.connect(self.new_or_create)
        view.dispatch_button.clicked.connect(self.dispatch_selected)
        view.receive_button.clicked.connect(self.receive_all)
        view.cancel_button.clicked.connect(self.cancel_selected)
        view.refresh_button.clicked.connect(self.refresh)
        # Ctrl keys: F1…F11 belong to the main window's pages.
        keys: dict[str, Callable[[], Any]] = {
            "Ctrl+N": self.new_or_create,
            "Ctrl+Return": self.confirm,
            "Ctrl+Enter": self.confirm,
            "Ctrl+D": self.dispatch_selected,
            "Ctrl+Del": self.cancel_selected,
            "Escape": self.escape,
            "Up": lambda: self._arrow(-1),
            "Down": lambda: self._arrow(1),
        }
        add_shortcuts(view, keys)
        view.set_shortcuts(self.texts.shortcuts())
        self._show_state()

    # -- the list --------------------------------------------------------------------------------

    def refresh(self) -> Task:
        self.loading = True
        task = self.runner.submit(load_desk, self.database, self.warehouse, lane="db")
        task.sig_finished.connect(self._loaded)
        task.sig_failed.connect(self._load_failed)
        return task

    def _loaded(self, desk: Desk) -> None:
        self.loading = False
        self.loaded_once = True
        keep = self._select_after_load or self._key(self.selected)
        self._select_after_load = None
        self.desk = desk
        self.view.warehouse_label.setText(self.texts.station_warehouse(desk.warehouse, desk.warehouse_name))
        chosen = self.view.destination.currentData()
        self.view.destination.clear()
        for code, name in desk.destinations:
            self.view.destination.addItem(f"{code} — {name}", code)
        if chosen is not None and (index := self.view.destination.findData(chosen)) >= 0:
            self.view.destination.setCurrentIndex(index)
        self.model.set_rows(desk.transfers)
        rows = [n for n, row in enumerate(desk.transfers) if self._key(row) == keep]
        if rows:
            select_row(self.view.table, rows[0])
        self._show_state()
        self.sig_loaded.emit(len(desk.transfers))

    def _load_failed(self, message: str) -> None:
        self.loading = False
        self.refuse(message)

    def focus(self) -> None:
        """The tab came on screen: the cursor to the bin-move scan field, the list read again."""
        if not (self.view.move_field.hasFocus() or self.view.transfer_field.hasFocus()):
            self.view.move_field.setFocus()
        if not self.loading:
            self.refresh()

    @staticmethod
    def _key(row: TransferView | None) -> tuple[str, str] | None:
        return (row.number, row.client) if row is not None else None

    @property
    def selected(self) -> TransferView | None:
        rows = self.view.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.receipt.clear()
        self._show_state()

    def _receivable(self, transfer: TransferView | None) -> bool:
        return (
            transfer is not None
            and transfer.status == "in_transit"
            and self.desk is not None
            and transfer.to_warehouse == self.desk.warehouse
        )

    # -- scans -----------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        self.view.transfer_field.clear()
        raw = text.strip(" \r\n\t")
        if not raw:
            return
        if self.busy or self.desk is None:
            self.refuse(self.texts.one_moment())
            return
        if TRANSFER_NUMBER.match(raw):
            self._choose(raw.upper())
            return
        try:
            scan = read_scan(raw)
        except UnreadableScan as exc:
            self.refuse(self.texts.unreadable(raw, str(exc)))
            return
        target = self.draft if self.draft is not None else self.receipt if self._receivable(self.selected) else None
        if target is None:
            self.refuse(self.texts.nothing_to_scan_for())
            return
        if scan.count is not None:
            target.count = scan.count
            self._say(self.texts.count_next(scan.count))
            return
        source = self.draft.bin if self.draft is not None else ""
        self._submit(identify, self.database, self.warehouse, scan.code, source, done=self._identified)

    def _choose(self, number: str) -> None:
        rows = [n for n, row in enumerate(self.model.rows) if row.number.upper() == number]
        if not rows:
            self.refuse(self.texts.no_such_transfer(number, self.desk.warehouse if self.desk else ""))
            return
        select_row(self.view.table, rows[0])
        self._say(self.texts.chosen(self.model.rows[rows[0]], self._receivable(self.model.rows[rows[0]])))

    def _identified(self, found: BinInfo | ScannedItem) -> None:
        if self.draft is not None:
            self._draft_scan(self.draft, found)
            return
        transfer = self.selected
        if not self._receivable(transfer):
            self.refuse(self.texts.nothing_to_scan_for())
            return
        assert transfer is not None
        if isinstance(found, BinInfo):
            self._receive(transfer, found.code)
            return
        sku = found.item.sku
        outstanding = sum(line.outstanding for line in transfer.lines if line.sku == sku)
        if not outstanding:
            self.refuse(self.texts.not_on_its_way(sku, transfer.number))
            return
        if self.receipt.would_hold(sku) > outstanding:
            self.receipt.count = None
            self.refuse(self.texts.too_many(sku, outstanding, transfer.number))
            return
        self.receipt.add(sku)
        self._say(self.texts.receipt_scanned(self.receipt.text(), transfer.number))

    def _draft_scan(self, draft: Draft, found: BinInfo | ScannedItem) -> None:
        if isinstance(found, BinInfo):
            draft.bin = found.code
            self._say(self.texts.draft_bin(found.code))
            return
        sku = found.item.sku
        if not draft.bin:
            self.refuse(self.texts.bin_first(sku))
            return
        wanted = draft.would_hold(sku)
        if wanted > found.in_bin:
            draft.count = None
            self.refuse(self.texts.bin_holds(draft.bin, found.in_bin, sku, wanted))
            return
        draft.add(sku)
        self._say(self.texts.draft_scanned(draft.text()))

    # -- actions ---------------------------------------------------------------------------------

    def confirm(self) -> None:
        """Ctrl+Enter: create the transfer being scanned, or else receive the chosen one onto the dock."""
        if self.draft is not None:
            self.new_or_create()
        else:
            self.receive_all()

    def new_or_create(self) -> None:
        if self.busy or self.desk is None:
            return
        if self.draft is None:
            if not self.desk.destinations:
                self.refuse(self.texts.no_destination(self.desk.warehouse))
                return
            self.draft = Draft()
            self.view.transfer_field.setFocus()
            self._say(self.texts.draft_started(self.view.destination.currentData()))
            return
        if not self.draft.lines:
            self.refuse(self.texts.draft_empty())
            return
        destination = self.view.destination.currentData()
        self._submit(
            create_and_list, self.database, self.warehouse, destination, self.draft.requests(), self.actor,
            done=self._created,
        )  # fmt: skip

    def _created(self, created: TransferView) -> None:
        self.draft = None
        self._finish(self.texts.created(created), created)

    def dispatch_selected(self) -> None:
        transfer = self._chosen_with("draft", self.texts.dispatch_needs_draft)
        if transfer is not None:
            self._submit(
                dispatch_transfer, self.database, transfer.number, transfer.client, self.actor, done=self._sent
            )

    def _sent(self, sent: TransferView) -> None:
        self._finish(self.texts.dispatched(sent), sent)

    def cancel_selected(self) -> None:
        transfer = self._chosen_with("draft", self.texts.cancel_needs_draft)
        if transfer is not None:
            self._submit(
                cancel_transfer, self.database, transfer.number, transfer.client, self.actor, done=self._cancelled
            )

    def _cancelled(self, cancelled: TransferView) -> None:
        self._finish(self.texts.cancelled(cancelled.number), cancelled)

    def receive_all(self) -> None:
        """The items scanned (or, with none scanned, everything on the way) onto the dock."""
        transfer = self.selected
        if self.busy or self.draft is not None:
            return
        if not self._receivable(transfer):
            self.refuse(self.texts.receive_needs_transit(self.desk.warehouse if self.desk else ""))
            return
        assert transfer is not None
        self._receive(transfer, None)

    def _receive(self, transfer: TransferView, to_bin: str | None) -> None:
        lines = self.receipt.items() or None
        self._submit(
            receive_transfer, self.database, transfer.number, transfer.client, self.actor, lines, to_bin,
            done=lambda arrived: self._arrived(arrived, to_bin),
        )  # fmt: skip

    def _arrived(self, arrived: TransferView, to_bin: str | None) -> None:
        units = sum(units for _, units in self.receipt.items()) or None
        self.receipt.clear()
        self._finish(self.texts.received(arrived, units, to_bin), arrived)

    def _chosen_with(self, status: str, refusal: Callable[[], str]) -> TransferView | None:
        if self.busy:
            return None
        transfer = self.selected
        if transfer is None or transfer.status != status:
            self.refuse(refusal())
            return None
        return transfer

    def escape(self) -> None:
        if self.view.move_field.hasFocus():
            self.moves.reset()
            return
        self.draft = None
        self.receipt.clear()
        self.view.set_transfer_message("", "")
        self._show_state()

    # -- plumbing --------------------------------------------------------------------------------

    def _submit(self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None]) -> None:
        self.busy = True
        task = self.runner.submit(fn, *args, lane="db")
        task.sig_finished.connect(lambda result: self._settle(done, result))
        task.sig_failed.connect(self._failed)

    def _settle(self, done: Callable[[Any], None], result: Any) -> None:
        self.busy = False
        done(result)

    def _failed(self, message: str) -> None:
        self.busy = False
        for basket in (self.draft, self.receipt):
            if basket is not None:
                basket.count = None
        self.refuse(message)

    def _finish(self, message: str, transfer: TransferView) -> None:
        self.view.set_transfer_message("success", message)
        self._select_after_load = (transfer.number, transfer.client)
        self._show_state()
        self.sig_done.emit(message)
        self.refresh()

    def refuse(self, message: str) -> None:
        self.view.set_transfer_message("error", message)
        self._show_state()
        packing_sound.error_sound()
        self.sig_refused.emit(message)

    def _say(self, message: str) -> None:
        self.view.set_transfer_message("info", message)
        self._show_state()
        self.sig_scanned.emit(message)

    def _show_state(self) -> None:
        self.view.new_button.setText(self.texts.new_button(self.draft is not None))
        self.view.transfer_state.setText(
            self.texts.state(self.draft, self.selected, self.receipt, self._receivable(self.selected))
        )

    def _arrow(self, step: int) -> None:
        if self.view.move_field.hasFocus():
            return
        step_selection(self.view.table, step)


def build_transfers_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = TransfersView()
    controller = TransfersController(view, context, parent)
    title = QCoreApplication.translate("TransfersController", "Transfers")
    return controller_tab("transfers", title, view, controller, controller.refresh)
