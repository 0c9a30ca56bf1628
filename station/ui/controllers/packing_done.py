"""Confirming (Enter), the done panel, and the label keys: reprint (Ctrl+L) and void (Ctrl+Shift+L).

Part of the packing controller. A confirm that failed half-way is resumed by the next Enter
from where it stopped (the label is never bought or printed twice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from station.hardware.printing import TicketEvent
from station.services.dispatch import PurchasedLabel, ShippedOrder
from station.services.packing_queries import LabelOnRecord
from station.ui.controllers.packing_dispatch import LABEL, Confirmation, PackingDispatch
from station.ui.controllers.packing_packages import WeightState
from station.ui.views.packing_panels import set_kind
from station.ui.views.packing_view import PackingView

if TYPE_CHECKING:
    from station.ui.controllers.packing_controller import PackingController


class DoneController(QObject):
    sig_label_bought = Signal(str)  # tracking number
    sig_order_shipped = Signal(str)  # tracking number
    sig_confirm_failed = Signal(str)  # the message shown
    sig_print_changed = Signal(str, str)  # "label" or "slip", state ("queued", "held", "printed" …)
    sig_label_voided = Signal(str)  # tracking number
    sig_reprinting = Signal(str)  # tracking number

    def __init__(self, controller: PackingController, view: PackingView, dispatch: PackingDispatch) -> None:
        super().__init__(controller)
        self.controller = controller
        self.view = view
        self.dispatch = dispatch
        self.job: Confirmation | None = None
        self.shown = False
        self.last_order: tuple[int, str] | None = None  # (id, number) of the order shipped last
        self.void_record: LabelOnRecord | None = None
        self.print_problems: dict[str, str] = {}  # "label"/"slip" → what the packer must fix
        dispatch.sig_label_bought.connect(self._bought)
        dispatch.sig_order_shipped.connect(self._shipped)
        dispatch.sig_confirm_failed.connect(self._failed)
        dispatch.sig_print_changed.connect(self._print_changed)
        dispatch.sig_print_failed.connect(self._print_failed)
        dispatch.sig_nothing_to_print.connect(self._nothing_to_print)
        dispatch.sig_label_voided.connect(self._voided)
        dispatch.sig_action_failed.connect(self._action_failed)

    @property
    def texts(self):
        return self.controller.texts

    def hide(self) -> None:
        self.shown = False

    # -- confirm -----------------------------------------------------------------------------------

    def confirm(self) -> None:
        c = self.controller
        if c.session is None or c.bench is None:
            return
        if not c.complete:
            c.refuse(self.texts.items_missing(c.session.order.lines))
            return
        status = c.weighing.status()
        if status is None or not status.confirmable:
            if status is not None and status.state == WeightState.OUT_OF_TOLERANCE and status.check is not None:
                c.refuse(self.texts.weight_warning(status.check), "warning")
            else:
                c.refuse(self.texts.no_weight(status) if status is not None else self.texts.nothing_open())
            return
        if not self.dispatch.ready:
            c.refuse(self.texts.plugins_loading())
            return
        job = self.job
        if job is None or job.order_id != c.bench.order.order_id or job.purchased is None:
            rate = c.carrier.chosen
            if rate is None:
                c.refuse(self.texts.no_rate(c.carrier.shopping))
                return
            serials = {line.line_id: list(line.serials) for line in c.session.order.lines if line.serials}
            job = Confirmation(c.bench, rate, c.weighing.planner.plans(), serials)
        self.job = job
        if job.purchased is None:
            for label in (self.view.done_panel.label_state, self.view.done_panel.slip_state):
                label.clear()
            self.print_problems.clear()
        c.busy = True
        c.say(self.texts.buying(c.carrier.title_of(job.rate)))
        c.render()
        self.dispatch.confirm(job)

    def _bought(self, purchased: PurchasedLabel) -> None:
        self.controller.say(self.texts.bought(purchased.label.tracking_number))
        self.sig_label_bought.emit(purchased.label.tracking_number)

    def _failed(self, stage: str, message: str) -> None:
        c = self.controller
        c.busy = False
        job = self.job
        if stage == LABEL or job is None or job.purchased is None:
            text = self.texts.label_failed(message)
        else:
            text = self.texts.ship_failed(job.purchased.label.tracking_number, message)
        c.refuse(text)
        c.render()
        self.sig_confirm_failed.emit(text)

    def _shipped(self, shipped: ShippedOrder) -> None:
        c = self.controller
        job = self.job
        assert job is not None
        c.busy = False
        self.last_order = (job.order_id, job.bench.order.number)
        panel = self.view.done_panel
        panel.title.setText(self.texts.shipped(shipped.order_number))
        panel.tracking.setText(shipped.tracking_number)
        panel.carrier.setText(self.texts.shipped_with(c.carrier.title_of(job.rate), job.rate.service_name, len(job.plans)))
        panel.next.setText(self.texts.next_hint())
        for kind, label in ((LABEL, panel.label_state), ("slip", panel.slip_state)):
            if not label.text():
                self._show_print(kind, "queued")
            label.show()
        c.bench, c.session = None, None
        c.items.reset()
        c.lines_model.set_lines([])
        c.weighing.stop()
        c.carrier.clear()
        self.shown = True
        self.view.show_done()
        if self.print_problems:  # the label or slip is held or failed: that stays on top until it prints
            c.say(next(iter(self.print_problems.values())), "error")
        else:
            c.say(self.texts.shipped(shipped.order_number) + " · " + shipped.tracking_number, "success")
        c.render()
        self.sig_order_shipped.emit(shipped.tracking_number)

    # -- printing ----------------------------------------------------------------------------------

    def _show_print(self, kind: str, state: str, problems: tuple[str, ...] = (), error: str | None = None) -> None:
        colour, text = self.texts.print_state(kind, state, problems, error)
        label = self.view.done_panel.label_state if kind == LABEL else self.view.done_panel.slip_state
        set_kind(label, colour)
        label.setText(text)

    def _print_changed(self, kind: str, event: TicketEvent) -> None:
        state = str(event.state)
        self._show_print(kind, state, event.problems, event.error)
        _colour, text = self.texts.print_state(kind, state, event.problems, event.error)
        if state in ("held", "failed"):
            self.print_problems[kind] = text
            self.controller.refuse(text)
        elif state == "printed" and self.print_problems.pop(kind, None) is not None:
            # Fixed: say so, unless the other printer still has a problem (that stays on top).
            others = list(self.print_problems.values())
            self.controller.say(others[0] if others else text, "error" if others else "success")
        self.sig_print_changed.emit(kind, state)

    def _print_failed(self, kind: str, message: str) -> None:
        self._show_print(kind, "failed", error=message)
        text = self.texts.print_state(kind, "failed", (), message)[1]
        self.print_problems[kind] = text
        self.controller.refuse(text)
        self.sig_print_changed.emit(kind, "failed")

    def _nothing_to_print(self, code: str) -> None:
        label = self.view.done_panel.label_state
        set_kind(label, "ok")
        label.setText(self.texts.pickup_code(code))

    # -- reprint and void ----------------------------------------------------------------------------

    def _target(self) -> tuple[int, str] | None:
        c = self.controller
        if c.bench is not None:
            return c.bench.order.order_id, c.bench.order.number
        return self.last_order

    def _with_label(self, then) -> None:
        target = self._target()
        if target is None:
            self.controller.refuse(self.texts.no_order_for_label())
            return
        task = self.dispatch.find_label(target[0])

        def found(record: LabelOnRecord | None) -> None:
            if record is None:
                self.controller.refuse(self.texts.no_label(target[1]))
            else:
                then(record)

        task.sig_finished.connect(found)
        task.sig_failed.connect(self._action_failed)

    def reprint(self) -> None:
        if self.controller.busy:
            return

        def reprint(record: LabelOnRecord) -> None:
            self.controller.say(self.texts.reprinting(record.label.tracking_number))
            if self.shown:
                self._show_print(LABEL, "queued")
            self.dispatch.reprint(record)
            self.sig_reprinting.emit(record.label.tracking_number)

        self._with_label(reprint)

    def ask_void(self) -> None:
        if self.controller.busy or not self.dispatch.ready:
            return

        def ask(record: LabelOnRecord) -> None:
            from station.ui.controllers.packing_controller import Prompt  # noqa: PLC0415 - circular at import

            self.void_record = record
            question, hint = self.texts.void_question(record.label.tracking_number, record.order_number)
            self.controller.ask(Prompt.VOID, question, hint, with_answer=False)

        self._with_label(ask)

    def void_confirmed(self) -> None:
        record, self.void_record = self.void_record, None
        if record is None:
            return
        self.controller.busy = True
        self.controller.say(self.texts.voiding(record.label.tracking_number))
        self.dispatch.void(record)

    def _voided(self, record: LabelOnRecord) -> None:
        c = self.controller
        c.busy = False
        self.job = None
        text = self.texts.voided(record.label.tracking_number, record.order_number)
        if self.shown or c.bench is not None:
            self.shown = False
            c.reset(text, "success")
        else:
            c.say(text, "success")
        self.sig_label_voided.emit(record.label.tracking_number)

    def _action_failed(self, message: str) -> None:
        self.controller.busy = False
        self.controller.refuse(self.texts.action_failed(message))
