"""The receiving tab's questions: the lot of a lot-tracked SKU, and what an unknown barcode is.

The answer panel (`AnswerPanel`) asks; Enter answers, Esc skips (nothing counted). An unknown code is
mapped to a SKU or becomes a new SKU on the database lane (committed at once: the catalogue learns
it), then the code is scanned again and counted. A scanner works in the panel too: a lot label goes
into the lot field, a GS1-128 carrying the lot answers on its own, a SKU label answers "which SKU".
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from station.domain.gs1 import InvalidScan, classify_scan
from station.services.receiving import ReceiptLine
from station.services.receiving_queries import create_code_sku, map_code
from station.ui.controllers.receiving_texts import parse_expiry

if TYPE_CHECKING:
    from station.ui.controllers.receiving_controller import ReceivingController


class Ask(StrEnum):
    NONE = ""
    LOT = "lot"
    MAP = "map"
    CREATE = "create"


class ReceivingAnswers(QObject):
    def __init__(self, controller: ReceivingController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.panel = controller.view.answer
        self.texts = controller.texts
        self.ask = Ask.NONE
        self.code = ""  # the scan the question is about
        self.quantity: int | None = None
        self.panel.first.returnPressed.connect(self.answer)
        self.panel.second.returnPressed.connect(self.answer)

    @property
    def open(self) -> bool:
        return self.ask is not Ask.NONE

    # -- asking ----------------------------------------------------------------------------------------

    def ask_lot(self, sku: str, code: str, quantity: int | None) -> None:
        question, hint = self.texts.ask_lot(sku)
        first, second, placeholders = self.texts.lot_labels()
        self._ask(Ask.LOT, code, quantity)
        self.panel.ask(question, hint, first, second, placeholders)
        self.controller.say("", question)  # the panel asks; the message line steps aside

    def ask_map(self, code: str, quantity: int | None) -> None:
        question, hint = self.texts.ask_map(code)
        label, placeholders = self.texts.map_labels()
        self._ask(Ask.MAP, code, quantity)
        self.panel.ask(question, hint, label, "", placeholders)
        self.controller.view.set_message("error", self.texts.unknown(code))
        self.controller.sig_scan_handled.emit(question)

    def ask_create(self) -> None:
        """Ctrl+N while asked which SKU an unknown code is: a new SKU instead."""
        if self.ask is not Ask.MAP:
            return
        question, hint = self.texts.ask_create(self.code)
        first, second, placeholders = self.texts.create_labels()
        self.ask = Ask.CREATE
        self.panel.ask(question, hint, first, second, placeholders)
        self.controller.sig_scan_handled.emit(question)

    def _ask(self, ask: Ask, code: str, quantity: int | None) -> None:
        self.ask, self.code, self.quantity = ask, code, quantity

    # -- answering -------------------------------------------------------------------------------------

    def scanned(self, code: str) -> None:
        """A scanner's code while the panel is open."""
        if self.ask is Ask.LOT and _carries_lot(code):
            self.finish()
            self.controller.handle_scan(code)  # the GS1-128 answers the question itself
            return
        field = self.panel.second if self.panel.second.hasFocus() else self.panel.first
        field.setText(code)
        if self.ask is Ask.MAP:
            self.answer()
        elif field is self.panel.first and self.panel.second.isVisible() and not self.panel.second.text():
            self.panel.second.setFocus()  # the lot scanned: now the expiry (or Enter), the name of a new SKU

    def answer(self) -> None:
        first, second = self.panel.answers()
        controller = self.controller
        if controller.busy or controller.receiving is None:
            return
        if self.ask is Ask.LOT:
            expiry = parse_expiry(second)
            if not first or (second and expiry is None):
                controller.refuse(self.texts.bad_expiry(second) if first else self.texts.lot_missing())
                return
            code, quantity = self.code, self.quantity
            self.finish()
            controller.scan_item(code, quantity=quantity, lot=first, expiry=expiry)
        elif self.ask is Ask.MAP:
            if not first:
                controller.refuse(self.texts.sku_missing())
                return
            self._catalogue(map_code, controller.database, controller.receiving, self.code, first)
        elif self.ask is Ask.CREATE:
            self._catalogue(create_code_sku, controller.database, controller.receiving, self.code, first, second)

    def _catalogue(self, job: object, *args: object) -> None:
        """Map or create on the database lane; then the code is scanned again, and counted."""
        controller = self.controller
        controller.busy = True
        task = controller.runner.submit(job, *args, lane="db")  # type: ignore[arg-type]
        code, quantity = self.code, self.quantity

        def done(line: ReceiptLine) -> None:
            controller.busy = False
            self.finish()
            controller.show_line(line)
            controller.note = self.texts.mapped(code, line.sku)
            controller.scan_item(code, quantity=quantity)
            controller.note = ""

        def failed(message: str) -> None:
            controller.busy = False
            controller.refuse(message)
            self.panel.first.setFocus()

        task.sig_finished.connect(done)
        task.sig_failed.connect(failed)

    def skip(self) -> str:
        """Esc: the question is dropped, nothing counted; returns the code it was about."""
        code = self.code
        self.finish()
        return code

    def finish(self) -> None:
        self._ask(Ask.NONE, "", None)
        self.panel.hide()
        self.controller.view.scan_field.setFocus()


def _carries_lot(code: str) -> bool:
    try:
        data = classify_scan(code).gs1
    except InvalidScan:
        return False
    return data is not None and bool(data.lot)
