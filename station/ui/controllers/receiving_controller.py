"""The Receiving tab, keyboard and scanner only: purchase order → item scans → book onto the dock.

Orders are read and booked on the database lane (`station.services.receiving_queries`); item scans
are checked in memory on the UI thread (`ReceivingSession.scan`), so a scan answers at once. A scan
that needs an answer (a lot, an unknown barcode's SKU) opens the answer panel; nothing is a dead end
and nothing is counted until it is answered. Every refusal is red, beeps and changes nothing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Signal

from station.services.receiving import (
    ReceiptResult,
    ReceivingError,
    ReceivingSession,
    ScanOutcome,
    ScanStatus,
)
from station.services.receiving_queries import (
    OpenPurchaseOrder,
    StationWarehouse,
    book_receipt,
    list_open_orders,
    load_order,
    load_order_by_id,
)
from station.ui import packing_sound
from station.ui.controllers.inventory_tab import (
    InventoryContext,
    InventoryTab,
    ScanTabController,
    add_shortcuts,
    controller_tab,
)
from station.ui.controllers.receiving_answers import ReceivingAnswers
from station.ui.controllers.receiving_texts import ReceivingTexts
from station.ui.models.receiving_models import OpenOrdersModel, ReceiptLinesModel
from station.ui.scanner import WedgeScanDetector
from station.ui.tasks import Task
from station.ui.views.receiving_view import LINES, ORDERS, ReceivingView, stretch_column
from station.ui.views.widgets import select_row, step_selection

MAX_COUNT_DIGITS = 4


class ReceivingController(ScanTabController[ReceivingView]):
    sig_orders_loaded = Signal(int)  # how many open orders are listed
    sig_order_opened = Signal(str)  # order number
    sig_scan_handled = Signal(str)  # a scan or an answer was dealt with: the message shown
    sig_refused = Signal(str)  # any refusal (red, with the error sound): the message shown
    sig_booked = Signal(str)  # the receipt is booked: the message shown
    sig_putaway_requested = Signal()

    def __init__(self, view: ReceivingView, context: InventoryContext, parent: QObject | None = None) -> None:
        super().__init__(view, context, parent)
        self.texts = ReceivingTexts(self)
        self.warehouse: StationWarehouse | None = None
        self.receiving: ReceivingSession | None = None
        self.count: int | None = None  # a typed count for the next item
        self.last_result: ReceiptResult | None = None
        self._discard_armed = False
        self.note = ""  # said before the next message (an unknown code just mapped)
        self.orders_model = OpenOrdersModel(self)
        self.lines_model = ReceiptLinesModel(self)
        view.orders_table.setModel(self.orders_model)
        view.lines_table.setModel(self.lines_model)
        stretch_column(view.orders_table, 2)
        stretch_column(view.lines_table, 1)

        self.answers = ReceivingAnswers(self)  # the lot and unknown-code questions
        self.scanner = WedgeScanDetector(parent=self)
        for field in (view.scan_field, view.answer.first, view.answer.second):
            field.installEventFilter(self.scanner)
        self.scanner.sig_scanned.connect(self._scanned)
        view.scan_field.returnPressed.connect(lambda: self.handle_scan(view.scan_field.text()))
        view.receive_button.clicked.connect(self.receive)
        view.putaway_button.clicked.connect(self.sig_putaway_requested)
        view.orders_table.doubleClicked.connect(lambda _index: self.open_selected())
        keys = {
            "Ctrl+Return": self.receive, "Ctrl+Enter": self.receive, "Esc": self.escape, "Ctrl+N": self.answers.ask_create,
            "Ctrl+P": self.sig_putaway_requested.emit, "Up": lambda: self._arrow(-1), "Down": lambda: self._arrow(1),
        }  # fmt: skip
        add_shortcuts(view, keys)
        view.set_shortcuts(self.texts.shortcuts_orders())

    # -- the list of open orders -------------------------------------------------------------------

    def refresh(self) -> Task:
        task = self.runner.submit(list_open_orders, self.database, self.settings.warehouse_code, lane="db")
        task.sig_finished.connect(self._orders_loaded)
        task.sig_failed.connect(self.refuse)
        return task

    def _orders_loaded(self, result: tuple[StationWarehouse, list[OpenPurchaseOrder]]) -> None:
        self.warehouse, orders = result
        self.loaded_once = True
        self.view.heading.setText(self.texts.heading(self.warehouse))
        self.orders_model.set_rows(orders)
        if orders:
            select_row(self.view.orders_table, 0)
        if self.view.page == ORDERS and self.view.message_kind not in ("success", "error"):
            self.view.set_message(
                "info", self.texts.choose_order(len(orders)) if orders else self.texts.no_open_orders()
            )
        self.sig_orders_loaded.emit(len(orders))

    def focus(self) -> None:
        if self.answers.open:
            self.view.answer.first.setFocus()
        else:
            self.view.scan_field.setFocus()
        if not self.busy and self.view.page == ORDERS:
            self.refresh()  # other stations may have received meanwhile

    # -- scans ---------------------------------------------------------------------------------------

    def _scanned(self, code: str) -> None:
        if self.answers.open:
            self.answers.scanned(code)
        else:
            self.handle_scan(code)

    def handle_scan(self, text: str) -> None:
        self.view.scan_field.clear()
        code = text.strip(" \r\n\t")
        if self.busy:
            self.refuse(self.texts.busy())
            return
        if self.view.page == ORDERS:
            if code:
                self._load(load_order, code, self._warehouse_id())
            else:
                self.open_selected()
            return
        if not code or self.receiving is None:
            return
        self._discard_armed = False
        if code.isdigit() and len(code) <= MAX_COUNT_DIGITS and int(code) > 0 and self.receiving.line_for(code) is None:
            self.count = int(code)
            self.say("info", self.texts.count_set(self.count))
            return
        quantity, self.count = self.count, None
        self.scan_item(code, quantity=quantity)

    def scan_item(
        self, code: str, *, quantity: int | None = None, lot: str | None = None, expiry: date | None = None
    ) -> None:
        assert self.receiving is not None
        try:
            outcome = self.receiving.scan(code, quantity=quantity, lot=lot, expiry=expiry)
        except ReceivingError as exc:  # over-receipt beyond tolerance, unreadable scan, serial twice …
            self.refuse(str(exc))
            return
        self._outcome(outcome, code, quantity)

    def _outcome(self, outcome: ScanOutcome, code: str, quantity: int | None) -> None:
        line = outcome.line
        if outcome.status is ScanStatus.UNKNOWN:
            self.answers.ask_map(outcome.code, quantity)
            packing_sound.error_sound()
            return
        assert line is not None
        self.show_line(line)
        if outcome.status is ScanStatus.NEEDS_LOT:
            self.answers.ask_lot(line.sku, code, quantity)
            return
        if outcome.status is ScanStatus.NEEDS_SERIAL:
            self.say("info", self.texts.ask_serial(line.sku))
            return
        text = self.texts.received(line, outcome.quantity, outcome.lot, outcome.expiry, outcome.serial)
        if outcome.over_receipt:
            self.say("warning", f"{text}\n{self.texts.over(line)}")
        else:
            self.say("success", text)

    def show_line(self, line: object) -> None:
        if self.receiving is not None:
            self.lines_model.set_rows(self.receiving.lines)
        row = self.lines_model.row_of(line)  # type: ignore[arg-type]
        if row >= 0:
            select_row(self.view.lines_table, row)
        if self.receiving is not None:
            self.view.summary.setText(self.texts.summary(self.receiving.lines))

    # -- opening, closing, booking ---------------------------------------------------------------------

    def open_selected(self) -> None:
        rows = self.view.orders_table.selectionModel().selectedRows()
        if self.busy or not rows:
            return
        order = self.orders_model.rows[rows[0].row()]
        self._load(load_order_by_id, order.id)

    def _warehouse_id(self) -> int:
        return self.warehouse.id if self.warehouse is not None else 0

    def _load(self, job: object, *args: object) -> Task:
        self.busy = True
        task = self.runner.submit(job, self.database, *args, lane="db")  # type: ignore[arg-type]
        task.sig_finished.connect(self._opened)
        task.sig_failed.connect(self._load_failed)
        return task

    def _load_failed(self, message: str) -> None:
        self.busy = False
        self.refuse(message)

    def _opened(self, receiving: ReceivingSession) -> None:
        self.busy = False
        self.receiving = receiving
        self.count = None
        self._discard_armed = False
        order = next((o for o in self.orders_model.rows if o.id == receiving.purchase_order_id), None)
        self.view.order_heading.setText(self.texts.order_heading(receiving.number, order))
        self.lines_model.set_rows(receiving.lines)
        self.view.summary.setText(self.texts.summary(receiving.lines))
        self.view.show_lines()
        self.view.putaway_button.hide()
        self.view.set_shortcuts(self.texts.shortcuts_lines())
        self.say("info", self.texts.opened(receiving.number))
        self.view.scan_field.setFocus()
        self.sig_order_opened.emit(receiving.number)

    def escape(self) -> None:
        if self.answers.open:
            self.say("info", self.texts.skipped(self.answers.skip()))
            return
        if self.view.page != LINES or self.receiving is None or self.busy:
            return
        if self.receiving.scanned and not self._discard_armed:
            self._discard_armed = True
            self.say("warning", self.texts.confirm_discard(self.receiving.scanned))
            return
        number = self.receiving.number
        self._close_order()
        self.say("info", self.texts.discarded(number))

    def _close_order(self) -> None:
        self.receiving = None
        self.lines_model.set_rows([])
        self.view.show_orders()
        self.view.set_shortcuts(self.texts.shortcuts_orders())
        self.view.scan_field.setFocus()

    def receive(self) -> Task | None:
        """Book every scanned unit onto the dock (Ctrl+Enter): one transaction, all or nothing."""
        problem = self._why_not_receive()
        if problem:
            self.refuse(problem)
            return None
        assert self.receiving is not None and self.warehouse is not None and self.warehouse.dock_id is not None
        receiving = self.receiving
        self.busy = True
        task = self.runner.submit(book_receipt, self.database, receiving, self.warehouse.dock_id, self.actor, lane="db")
        task.sig_finished.connect(self._booked)
        task.sig_failed.connect(self._load_failed)  # nothing booked: the order stays open as scanned
        return task

    def _why_not_receive(self) -> str:
        receiving = self.receiving
        if self.busy:
            return self.texts.busy()
        if receiving is None or self.view.page != LINES:
            return self.texts.no_order()
        if self.answers.open:
            return self.texts.answer_first()
        if receiving.pending_serial is not None:
            return self.texts.serial_pending(receiving.pending_serial.sku)
        if not receiving.scanned:
            return self.texts.nothing_scanned()
        if self.warehouse is None or self.warehouse.dock_id is None:
            return self.texts.no_dock()
        return ""

    def _booked(self, result: ReceiptResult) -> None:
        self.busy = False
        self.last_result = result
        dock = self.warehouse.dock_code if self.warehouse is not None else ""
        lines = [self.texts.booked(result, dock), self.texts.differences(result), self.texts.putaway_hint()]
        text = "\n".join(line for line in lines if line)
        self._close_order()
        self.view.putaway_button.show()
        self.say("success", text)
        self.sig_booked.emit(text)
        self.refresh()

    # -- helpers ---------------------------------------------------------------------------------------

    def say(self, kind: str, text: str) -> None:
        """Show a message (kind "" hides the message line) and tell the tests it was handled."""
        if self.note:
            text = f"{self.note}\n{text}"
        self.view.set_message(kind, text if kind else "")
        self.sig_scan_handled.emit(text)

    def refuse(self, message: str) -> None:
        if self.note:
            message = f"{self.note}\n{message}"
        self.view.set_message("error", message)
        packing_sound.error_sound()
        self.sig_refused.emit(message)

    def _arrow(self, step: int) -> None:
        step_selection(self.view.orders_table if self.view.page == ORDERS else self.view.lines_table, step)


def build_receiving_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = ReceivingView()
    controller = ReceivingController(view, context, parent)
    show_tab = getattr(parent, "show_tab", None)
    if show_tab is not None:
        controller.sig_putaway_requested.connect(lambda: show_tab("putaway") if "putaway" in parent.tabs else None)  # type: ignore[attr-defined]
    title = QCoreApplication.translate("ReceivingController", "Receiving")
    return controller_tab("receiving", title, view, controller, controller.refresh)
