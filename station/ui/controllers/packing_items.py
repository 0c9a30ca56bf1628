"""Scanning the order's items: codes, GS1 with serials, counts for multiples, serial numbers.

Part of the packing controller (it holds the session); every check runs in memory on the UI
thread. A refused scan changes nothing: no count moves, no serial is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject

from station.services.packing import OverScan, PackingError, PackLine, ScanOutcome, WrongItem
from station.ui.controllers.packing_scans import ScanInput, UnreadableScan, read_scan
from station.ui.models.pack_lines_model import PackLinesModel

SERIAL = "serial"  # PackLine.tracking of serial-tracked items (a StrEnum value)

if TYPE_CHECKING:
    from station.ui.controllers.packing_controller import PackingController


class ItemScanner(QObject):
    def __init__(self, controller: PackingController, model: PackLinesModel) -> None:
        super().__init__(controller)
        self.controller = controller
        self.model = model
        self.count: int | None = None  # typed count waiting for the next item
        self.selected_line: int | None = None  # line id the count prompt (Ctrl+Q) is for

    @property
    def texts(self):
        return self.controller.texts

    def reset(self) -> None:
        self._set_count(None)
        self.selected_line = None

    def _set_count(self, count: int | None) -> None:
        self.count = count
        self.controller.view.set_count(count)

    # -- scanning ----------------------------------------------------------------------------------

    def scan(self, text: str) -> None:
        session = self.controller.session
        assert session is not None
        if session.awaiting_serial is not None:
            self._serial(text)
            return
        try:
            scan = read_scan(text, self._order_codes())
        except UnreadableScan as exc:
            self.controller.refuse(self.texts.unreadable(text.strip(), str(exc)))
            return
        if scan.count is not None:
            if session.complete:
                self.controller.refuse(self.texts.nothing_to_count())
                return
            self._set_count(scan.count)
            self.controller.say(self.texts.count_set(scan.count))
            return
        count = self.count or 1
        self._set_count(None)
        try:
            outcome = self._scan_codes(scan, count)
        except WrongItem as exc:
            self.controller.refuse(self.texts.wrong_item(scan.code, exc.sku, exc.expected))
            return
        except OverScan as exc:
            self.controller.refuse(self.texts.over_scan(exc.sku, exc.expected))
            return
        except PackingError as exc:
            self.controller.refuse(str(exc))
            return
        if outcome is None:
            return
        if outcome.needs_serial:
            self.model.set_awaiting_serial(outcome.line.line_id)
            self._select(outcome.line)
            self.controller.say(self.texts.needs_serial(outcome.line))
            return
        self._accepted(outcome)

    def _scan_codes(self, scan: ScanInput, count: int) -> ScanOutcome | None:
        """Count `count` units of the item `scan` names; None when already refused here."""
        session = self.controller.session
        assert session is not None
        first_error: WrongItem | None = None
        outcome = None
        for code in scan.codes:
            try:
                outcome = session.scan(code)
                break
            except WrongItem as exc:
                first_error = first_error or exc
        if outcome is None:
            assert first_error is not None
            raise first_error
        line = outcome.line
        if outcome.needs_serial:
            if count > 1:
                session.awaiting_serial = None
                self.controller.refuse(self.texts.count_serial(line.sku))
                return None
            if scan.serial:  # GS1 with AI 21: the serial came with the item
                return self._check_serial(line, scan.serial)
            return outcome
        if count > 1:
            if count - 1 > line.remaining:
                line.verified -= 1  # take back the unit just counted: nothing changes
                self.controller.refuse(self.texts.too_many(line.sku, count, line.remaining))
                return None
            outcome = session.add_units(line.line_id, count - 1)
        return outcome

    def _serial(self, text: str) -> None:
        session = self.controller.session
        line = session.awaiting_serial
        serial = text.strip()
        try:
            gs1 = read_scan(serial)
        except UnreadableScan:
            gs1 = None
        if gs1 is not None and gs1.gs1 and gs1.serial:
            serial = gs1.serial
        outcome = self._check_serial(line, serial)
        if outcome is not None:
            self.model.set_awaiting_serial(None)
            self._accepted(outcome)

    def _check_serial(self, line: PackLine, serial: str) -> ScanOutcome | None:
        """The serial for `line` (the session waits for it), or None after a refusal (still waiting)."""
        session = self.controller.session
        if serial.upper() in line.codes:
            message = self.texts.serial_is_barcode(line.sku)
        elif serial in line.serials:
            message = self.texts.serial_twice(serial, line.sku)
        elif line.serials_in_stock and serial not in line.serials_in_stock:
            message = self.texts.serial_not_in_stock(serial, line.sku)
        else:
            try:
                return session.scan_serial(serial)
            except PackingError as exc:
                message = str(exc)
        self.model.set_awaiting_serial(line.line_id)
        self.controller.refuse(message)
        return None

    def _accepted(self, outcome: ScanOutcome) -> None:
        self.model.refresh()
        line = outcome.line
        if line.tracking == SERIAL and line.serials:
            message = self.texts.serial_counted(line, line.serials[-1])
        else:
            message = self.texts.counted(line)
        self.controller.say(message, "success")
        self.controller.sig_scan_accepted.emit(message)
        if self.controller.complete:
            self.controller.items_complete()
        elif line.done:
            self.select_next_open()
        else:
            self._select(line)

    # -- counts (Ctrl+Q) -------------------------------------------------------------------------------

    def ask_count(self) -> None:
        session = self.controller.session
        if session is None or self.controller.busy:
            self.controller.refuse(self.texts.nothing_open())
            return
        line = self._selected()
        if line is None or line.done:
            self.controller.refuse(self.texts.nothing_to_count())
            return
        if line.tracking == SERIAL:
            self.controller.refuse(self.texts.count_serial(line.sku))
            return
        from station.ui.controllers.packing_controller import Prompt  # noqa: PLC0415 - circular at import

        question, hint = self.texts.count_question(line)
        self.controller.ask(Prompt.COUNT, question, hint, with_answer=True)

    def count_answered(self, answer: str) -> None:
        line = self._selected()
        session = self.controller.session
        if line is None or session is None:
            self.controller.close_prompt()
            return
        if not answer.isdigit() or not 1 <= int(answer) <= line.remaining:
            self.controller.refuse(self.texts.count_invalid(line.remaining))
            self.controller.view.prompt.answer.selectAll()
            return
        self.controller.close_prompt()
        self._accepted(session.add_units(line.line_id, int(answer)))

    def cancel(self) -> bool:
        """Esc: drop a typed count, or stop waiting for a serial. True if there was one."""
        session = self.controller.session
        if self.count is not None:
            self._set_count(None)
            self.controller.say("")
            return True
        if session is not None and session.awaiting_serial is not None:
            session.awaiting_serial = None
            self.model.set_awaiting_serial(None)
            self.controller.say(self.texts.serial_cancelled())
            return True
        return False

    # -- the highlighted line ------------------------------------------------------------------------

    def _order_codes(self) -> set[str]:
        session = self.controller.session
        return {code for line in session.order.lines for code in line.codes} if session else set()

    def _selected(self) -> PackLine | None:
        lines = self.model.lines
        return next((line for line in lines if line.line_id == self.selected_line), None)

    def _select(self, line: PackLine) -> None:
        self.selected_line = line.line_id
        row = self.model.row_of(line.line_id)
        table = self.controller.view.lines_table
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        table.selectionModel().select(self.model.index(row, 0), flags)
        table.scrollTo(self.model.index(row, 0))

    def select_next_open(self) -> None:
        lines = self.model.lines
        line = next((line for line in lines if not line.done), lines[0] if lines else None)
        if line is not None:
            self._select(line)

    def move_selection(self, step: int) -> None:
        lines = self.model.lines
        if not lines:
            return
        row = self.model.row_of(self.selected_line) if self.selected_line is not None else 0
        self._select(lines[max(0, min(len(lines) - 1, row + step))])
