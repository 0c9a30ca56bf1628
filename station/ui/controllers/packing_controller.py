"""The packing bench, keyboard and scanner only: order → items → weight and box → carrier → label.

Orders are read on the database lane (`station.services.packing_queries`); item scans are checked
in memory on the UI thread (`PackingSession`), so a scan answers at once. The weight and box
panel (`WeighingController`), the carrier panel (`CarrierController`) and the label pipeline
(`PackingDispatch`) are separate pieces this controller drives. Every refusal is red, beeps
(`packing_sound.error_sound`) and changes nothing.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from station.config import Settings, StationPaths
from station.db.engine import Database
from station.domain.weights import WeightTolerance
from station.hardware.scanner import InvalidScannerSettings, ScannerSettings
from station.pluginhost import PluginHost
from station.services.auth import LoggedInUser
from station.services.packing import PackingSession
from station.services.packing_queries import BenchOrder
from station.services.stock import Actor
from station.ui import packing_sound
from station.ui.controllers.packing_carrier import CarrierController
from station.ui.controllers.packing_devices import SCALE_INTERVAL_S, ScaleBridge
from station.ui.controllers.packing_dispatch import GatewayFactory, PackingDispatch
from station.ui.controllers.packing_done import DoneController
from station.ui.controllers.packing_items import ItemScanner
from station.ui.controllers.packing_jobs import Refusal, hold, open_next_or_refuse, open_or_refuse
from station.ui.controllers.packing_texts import PackingTexts
from station.ui.controllers.packing_weighing import WeighingController
from station.ui.models.pack_lines_model import PackLinesModel
from station.ui.scanner import WedgeScanDetector
from station.ui.tasks import TaskRunner
from station.ui.views.packing_view import PackingView


class Prompt(StrEnum):
    NONE = ""
    COUNT = "count"
    HOLD = "hold"
    VOID = "void"
    LEAVE = "leave"


class PackingController(QObject):
    sig_scan_handled = Signal(str)  # a scan (or a line typed and Enter) was dealt with: the text
    sig_order_opened = Signal(str)  # order number
    sig_scan_accepted = Signal(str)  # the message shown
    sig_refused = Signal(str)  # any refusal (red, with the error sound): the message shown
    sig_order_complete = Signal(str)  # every item scanned
    sig_order_held = Signal(str)  # order number
    sig_order_left = Signal(str)  # order number

    def __init__(
        self,
        view: PackingView,
        database: Database,
        user: LoggedInUser,
        settings: Settings,
        paths: StationPaths,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        gateway_factory: GatewayFactory | None = None,
        scale_interval_s: float = SCALE_INTERVAL_S,
        print_retry_interval_s: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.database = database
        self.user = user
        self.settings = settings
        self.runner = runner
        self.texts = PackingTexts(self)
        self.bench: BenchOrder | None = None
        self.session: PackingSession | None = None
        self.prompt = Prompt.NONE
        self.busy = False  # an order is loading, being held or confirmed
        self.lines_model = PackLinesModel(self)
        view.lines_table.setModel(self.lines_model)
        view.fit_line_columns()

        actor = Actor(station=settings.station_name, user_id=user.id)
        extra = {} if print_retry_interval_s is None else {"print_retry_interval_s": print_retry_interval_s}
        self.dispatch = PackingDispatch(database, runner, settings, paths, actor, user.name, self,
                                        gateway_factory=gateway_factory, **extra)
        packing = settings.packing
        tolerance = WeightTolerance(basis_points=packing.tolerance_basis_points, grams=packing.tolerance_g)
        self.weighing = WeighingController(view.weigh_panel, self.texts, tolerance, bool(settings.devices.scale_url), self)
        self.carrier = CarrierController(view.rates_panel, self.texts, self.dispatch, self)
        self.items = ItemScanner(self, self.lines_model)
        self.done = DoneController(self, view, self.dispatch)
        self.scale = ScaleBridge(runner, self, interval_s=scale_interval_s)
        self.scale.sig_reading.connect(self.weighing.set_reading)
        self.weighing.sig_weight_changed.connect(lambda _status: self.render())
        self.weighing.sig_out_of_tolerance.connect(lambda check: self.refuse(self.texts.weight_warning(check), "warning"))
        self.weighing.sig_back_in_tolerance.connect(self._weight_fine)
        self.weighing.sig_parcels_changed.connect(self._parcels_changed)
        self.carrier.sig_rates_shown.connect(lambda _count: self.render())

        # A wedge scanner's burst becomes one scan (GS separators kept) whichever field has the focus;
        # a person's typing reaches the field as usual, and Enter there is a scan too.
        try:
            scanner_settings = ScannerSettings.from_mapping(settings.scanner)
            scanner_problem = ""
        except InvalidScannerSettings as exc:  # a typo in [scanner] must not keep the bench from starting
            scanner_settings, scanner_problem = ScannerSettings(), str(exc)
        self.scanner = WedgeScanDetector(scanner_settings, parent=self)
        for field in (view.scan_field, view.prompt.answer):
            field.installEventFilter(self.scanner)
        self.scanner.sig_scanned.connect(self.handle_scan)
        view.scan_field.returnPressed.connect(self._field_entered)
        view.prompt.answer.returnPressed.connect(self._prompt_entered)
        self._shortcuts()
        # Shown on the idle page until a first order is opened, so IT sees it at the bench.
        self.scanner_warning = self.texts.scanner_settings_ignored(scanner_problem) if scanner_problem else ""
        self.reset()

    # -- set-up and shutdown -----------------------------------------------------------------------

    def _shortcuts(self) -> None:
        keys = {
            "Ctrl+N": self.next_order, "Ctrl+Q": self.items.ask_count, "Ctrl+H": self.ask_hold,
            "Ctrl+B": lambda: self._box(1), "Ctrl+Shift+B": lambda: self._box(-1),
            "Ctrl+P": self._add_package, "Ctrl+Shift+P": self._remove_package, "Ctrl+W": self._accept_weight,
            "Ctrl+L": self.done.reprint, "Ctrl+Shift+L": self.done.ask_void, "Esc": self.escape,
            "Up": lambda: self._arrow(-1), "Down": lambda: self._arrow(1),
        }
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def set_plugin_host(self, host: PluginHost) -> None:
        self.dispatch.set_plugin_host(host)
        devices = self.settings.devices
        if devices.scale_url:
            self.scale.start(devices.scale_url, devices.scale_protocol, host.scale_protocols())

    def shutdown(self) -> None:
        self.scale.stop()
        self.dispatch.shutdown()

    def focus(self) -> None:
        target = self.view.prompt.answer if self.prompt in (Prompt.COUNT, Prompt.HOLD) else self.view.scan_field
        target.setFocus()

    def refresh(self) -> None:
        """Ctrl+R on the packing view: ask the carriers again."""
        if self.bench is not None and self.complete:
            self.carrier.request(self.bench, self._parcels(), at_once=True)

    # -- state -------------------------------------------------------------------------------------

    @property
    def complete(self) -> bool:
        return self.session is not None and self.session.complete

    @property
    def order_number(self) -> str:
        return self.bench.order.number if self.bench is not None else ""

    def reset(self, message: str = "", kind: str = "info") -> None:
        """Back to "scan an order"."""
        self.bench, self.session = None, None
        self.items.reset()
        self.lines_model.set_lines([])
        self.weighing.stop()
        self.carrier.clear()
        self.close_prompt()
        self.view.show_idle()
        title, hint = self.texts.idle()
        self.view.idle_text.setText(title)
        self.view.idle_hint.setText(hint)
        if not message and self.scanner_warning:
            message, kind = self.scanner_warning, "warning"
        self.view.set_message(kind, message)
        self.render()

    def render(self) -> None:
        """Step strip and shortcut bar for where the packer is."""
        view = self.view
        if self.prompt != Prompt.NONE:
            view.set_shortcuts(self.texts.keys_prompt())
        elif self.session is None:
            view.set_shortcuts(self.texts.keys_idle(self.done.shown))
        elif not self.complete:
            view.set_shortcuts(self.texts.keys_items())
        else:
            view.set_shortcuts(self.texts.keys_packing())
        if self.done.shown:
            step = 4
        elif self.session is None:
            step = 0
        elif not self.complete:
            step = 1
        else:
            status = self.weighing.status()
            weighed = status is not None and status.confirmable
            step = 3 if weighed and self.carrier.chosen is not None else 2
        view.set_steps(self.texts.steps(), step)

    # -- messages ----------------------------------------------------------------------------------

    def say(self, text: str, kind: str = "info") -> None:
        self.view.set_message(kind, text)

    def refuse(self, text: str, kind: str = "error") -> None:
        self.view.set_message(kind, text)
        packing_sound.error_sound()
        self.sig_refused.emit(text)

    # -- scans and Enter ---------------------------------------------------------------------------

    def _field_entered(self) -> None:
        text = self.view.scan_field.text()
        self.view.scan_field.clear()
        if not text.strip() and self.prompt in (Prompt.LEAVE, Prompt.VOID):
            self.prompt_confirmed()
        elif text.strip():
            self.handle_scan(text)
        elif self.complete and not self.busy:
            self.done.confirm()

    def handle_scan(self, text: str) -> None:
        """One scan (from the scanner or typed in the scan field and Enter)."""
        if self.prompt == Prompt.HOLD:
            self.view.prompt.answer.setText(text.strip())
        elif self.busy:
            self.refuse(self.texts.wait())
        else:
            if self.prompt != Prompt.NONE:
                self.close_prompt()
            if self.session is None:
                self.open(text)
            else:
                self.items.scan(text)
        self.sig_scan_handled.emit(text)

    def open(self, code: str) -> None:
        self._load(open_or_refuse, self.database, code.strip(), self.settings.packing.bench)

    def next_order(self) -> None:
        if self.session is not None and not self.busy:
            self.refuse(self.texts.order_busy(self.order_number))
        elif not self.busy:
            self._load(open_next_or_refuse, self.database, self.settings.packing.bench)

    def _load(self, job, *args: object) -> None:
        self.busy = True
        task = self.runner.submit(job, *args)
        task.sig_finished.connect(self._opened)
        task.sig_failed.connect(self._open_failed)

    def _opened(self, bench: BenchOrder | Refusal | None) -> None:
        self.busy = False
        if bench is None:
            self.refuse(self.texts.queue_empty(), "info")
            return
        if isinstance(bench, Refusal):
            unknown = bench.kind == "unknown"
            self.refuse(self.texts.unknown_order(bench.text) if unknown else self.texts.order_refused(bench.text))
            return
        self.done.hide()
        self.bench, self.session = bench, PackingSession(bench.order)
        order = bench.order
        self.items.reset()
        self.lines_model.set_lines(order.lines)
        self.carrier.clear()
        self.weighing.start(bench, self.session)
        self.view.order_label.setText(order.number)
        self.view.customer_label.setText(
            self.texts.customer(order.customer_name, order.comuna, order.region, order.service_level, order.channel,
                                order.external_id or "")
        )
        self.view.show_order()
        self.items.select_next_open()
        self.say(self.texts.order_opened(order.number))
        self.render()
        self.sig_order_opened.emit(order.number)
        if self.complete:  # an order with nothing left to scan
            self.items_complete()

    def _open_failed(self, message: str) -> None:
        self.busy = False
        self.refuse(self.texts.action_failed(message))

    def items_complete(self) -> None:
        self.view.lines_table.clearSelection()  # every line green
        self.weighing.items_complete()
        self.carrier.request(self.bench, self._parcels(), at_once=True)
        self.say(self.texts.all_scanned(), "success")
        self.render()
        self.sig_order_complete.emit(self.order_number)

    # -- weight, box, carrier keys -----------------------------------------------------------------

    def _parcels(self):
        planner = self.weighing.planner
        return planner.parcels_for_quote() if planner is not None else ()

    def _parcels_changed(self) -> None:
        if self.complete and self.bench is not None:
            self.carrier.request(self.bench, self._parcels())

    def _box(self, step: int) -> None:
        if self.session is None or self.busy:
            return
        self.weighing.change_box(step)

    def _add_package(self) -> None:
        if self.session is None or self.busy:
            return
        problem = self.weighing.add_package()
        if problem:
            self.refuse(problem)
        else:
            self.say(self.texts.package_added(self.weighing.planner.count))

    def _remove_package(self) -> None:
        if self.session is None or self.busy:
            return
        if self.weighing.remove_package():
            self.say(self.texts.package_removed(self.weighing.planner.count))
        else:
            self.refuse(self.texts.single_package())

    def _accept_weight(self) -> None:
        if not self.complete or self.busy:
            return
        if self.weighing.acknowledge():
            self.say(self.texts.weight_accepted(), "success")
        else:
            self.refuse(self.texts.nothing_to_accept(), "info")

    def _weight_fine(self) -> None:
        if self.view.message_kind == "warning":
            status = self.weighing.status()
            self.say(self.texts.weight_accepted() if status.acknowledged else self.texts.weight_ready(), "success")
        self.render()

    def _arrow(self, step: int) -> None:
        if self.prompt != Prompt.NONE or self.busy:
            return
        if self.complete:
            if self.carrier.move(step):
                self.render()
        elif self.session is not None:
            self.items.move_selection(step)

    # -- prompts -----------------------------------------------------------------------------------

    def ask(self, prompt: Prompt, question: str, hint: str, *, with_answer: bool, placeholder: str = "") -> None:
        self.prompt = prompt
        self.view.prompt.ask(question, hint, with_answer=with_answer, placeholder=placeholder)
        self.render()
        self.focus()

    def close_prompt(self) -> None:
        self.prompt = Prompt.NONE
        self.view.prompt.hide()
        self.render()
        self.focus()

    def _prompt_entered(self) -> None:
        answer = self.view.prompt.answer.text().strip()
        prompt = self.prompt
        if prompt == Prompt.COUNT:
            self.items.count_answered(answer)
        elif prompt == Prompt.HOLD:
            self._hold(answer)

    def escape(self) -> None:
        """Esc: close the question, cancel a count or a serial wait, else offer to leave the order."""
        if self.prompt != Prompt.NONE:
            self.close_prompt()
        elif self.items.cancel():
            return
        elif self.session is not None and not self.busy:
            question, hint = self.texts.leave_question(self.order_number)
            self.ask(Prompt.LEAVE, question, hint, with_answer=False)

    def prompt_confirmed(self) -> None:
        """Enter on a yes/no question (the scan field has the focus then)."""
        prompt = self.prompt
        self.close_prompt()
        if prompt == Prompt.LEAVE and self.session is not None:
            number = self.order_number
            self.reset(self.texts.left(number))
            self.sig_order_left.emit(number)
        elif prompt == Prompt.VOID:
            self.done.void_confirmed()

    # -- hold --------------------------------------------------------------------------------------

    def ask_hold(self) -> None:
        if self.session is None or self.busy:
            self.refuse(self.texts.nothing_open())
            return
        question, hint = self.texts.hold_question(self.order_number)
        self.ask(Prompt.HOLD, question, hint, with_answer=True, placeholder=self.texts.hold_placeholder())

    def _hold(self, reason: str) -> None:
        if not reason:
            self.refuse(self.texts.hold_needs_reason())
            return
        assert self.bench is not None
        self.close_prompt()
        self.busy = True
        task = self.runner.submit(
            hold, self.database, self.bench.order.order_id, reason, self.settings.station_name, self.user.id
        )

        def held(number: str) -> None:
            self.busy = False
            self.reset(self.texts.held(number, reason), "warning")
            self.sig_order_held.emit(number)

        def failed(message: str) -> None:
            self.busy = False
            self.refuse(self.texts.action_failed(message))

        task.sig_finished.connect(held)
        task.sig_failed.connect(failed)
