"""Wires the slotting panel: suggestions (Ctrl+G), accept (Enter / Ctrl+Enter) and reject (Del) of the
selected ones, the preview arrows for the bin map, and open move tasks done by scanning two bins.

Every database call runs on the runner's database lane, one transaction per action (an accept of
several selected suggestions is one action: all or none).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from station.config import Settings
from station.db import Database
from station.services import slotting
from station.services.auth import LoggedInUser
from station.services.slotting import SuggestionRow, TaskRow
from station.services.stock import Actor
from station.ui.controllers.bin_map_controller import BinMapController
from station.ui.controllers.inventory_tab import add_shortcuts, listen_for_scans
from station.ui.models.slotting_model import suggestions_model, tasks_model
from station.ui.tasks import Task, TaskRunner
from station.ui.views.bin_map_view import BinMapPage
from station.ui.views.slotting_view import SlottingPanel
from station.ui.views.widgets import show_message

Pair = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class Lists:
    warehouse_id: int
    warehouse_code: str
    suggestions: list[SuggestionRow]
    tasks: list[TaskRow]


def _lists(database: Database, warehouse_code: str, warehouse_id: int | None) -> Lists:
    with database.unit_of_work() as uow:
        session = uow.session
        if warehouse_id is None:
            warehouse_id, warehouse_code = slotting.station_warehouse(session, warehouse_code)
        else:
            warehouse_code = slotting.station_warehouse_code(session, warehouse_id)
        return Lists(
            warehouse_id,
            warehouse_code,
            slotting.list_suggestions(session, warehouse_id),
            slotting.open_tasks(session, warehouse_id),
        )


def _suggest(database: Database, warehouse_id: int) -> int:
    with database.unit_of_work() as uow:
        made = slotting.suggest(uow.session, warehouse_id)
        uow.commit()
    return len(made)


def _decide(database: Database, ids: list[int], actor: Actor, accepting: bool) -> int:
    """Accept (→ move tasks) or reject every suggestion of `ids`; returns the tasks made."""
    with database.unit_of_work() as uow:
        made = 0
        for suggestion_id in ids:
            if accepting:
                made += len(slotting.accept(uow.session, suggestion_id, actor))
            else:
                slotting.reject(uow.session, suggestion_id, actor)
        uow.commit()
    return made


def _do(database: Database, task_id: int, scanned_from: str, scanned_to: str, actor: Actor) -> TaskRow:
    with database.unit_of_work() as uow:
        done = slotting.do_task(uow.session, task_id, scanned_from, scanned_to, actor)
        uow.commit()
    return done


class SlottingController(QObject):
    sig_preview = Signal(list)  # [((x, y) from, (x, y) to)] of the selected suggestions, floor cm
    sig_moved = Signal()  # a move task was done: the map's stock changed

    def __init__(
        self,
        panel: SlottingPanel,
        database: Database,
        user: LoggedInUser,
        settings: Settings,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel, self.database, self.settings, self.runner = panel, database, settings, runner
        self.actor = Actor(station=settings.station_name, user_id=user.id)
        self.warehouse_id: int | None = None
        self.busy = False
        self.pending: TaskRow | None = None  # the task whose from-bin was scanned
        self.suggestions = suggestions_model(self)
        self.tasks = tasks_model(self)
        panel.suggestions.setModel(self.suggestions)
        panel.tasks.setModel(self.tasks)
        panel.fit_columns()
        panel.suggestions.selectionModel().selectionChanged.connect(lambda *_: self._preview())
        panel.suggest_button.clicked.connect(self.suggest)
        panel.accept_button.clicked.connect(self.accept_selected)
        panel.reject_button.clicked.connect(self.reject_selected)
        add_shortcuts(panel, {"Ctrl+G": self.suggest, "Ctrl+Return": self.accept_selected, "Ctrl+T": self.focus_scan})
        add_shortcuts(
            panel.suggestions,
            {"Return": self.accept_selected, "Enter": self.accept_selected, "Delete": self.reject_selected},
        )
        self._scanner = listen_for_scans(panel.scan, self.scan, self)
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------------------

    def load(self, warehouse_id: int | None = None) -> Task:
        """The open suggestions and tasks of `warehouse_id` (default: the station's warehouse)."""
        wanted = warehouse_id if warehouse_id is not None else self.warehouse_id
        task = self.runner.submit(_lists, self.database, self.settings.warehouse_code, wanted, lane="db")
        task.sig_finished.connect(self._loaded)
        task.sig_failed.connect(lambda message: self._say("error", message))
        return task

    def set_warehouse(self, warehouse_id: int) -> Task | None:
        """Show another warehouse's suggestions (the bin map's warehouse)."""
        if warehouse_id == self.warehouse_id:
            return None
        self.pending = None
        return self.load(warehouse_id)

    def _loaded(self, lists: Lists) -> None:
        self.warehouse_id = lists.warehouse_id
        self.suggestions.set_rows(lists.suggestions)
        self.tasks.set_rows(lists.tasks)
        saved = sum(row.saved_cm_per_day for row in lists.suggestions) / 100
        summary = self.tr("%n open suggestion(s) in %1", None, len(lists.suggestions)).replace(
            "%1", lists.warehouse_code
        )
        if lists.suggestions:
            metres = QLocale().toString(saved, "f", 0)
            summary += " · " + self.tr("%1 m a day to save").replace("%1", metres)
        self.panel.summary.setText(summary)
        if lists.suggestions:
            self.select_rows([0])
        self._preview()
        self._show_step()
        self._update_buttons()

    # -- suggestions -------------------------------------------------------------------------------

    def select_rows(self, rows: list[int]) -> None:
        """Select these suggestions (whatever keys are held: selectRow would toggle with Ctrl down)."""
        selection = QItemSelection()
        for row in rows:
            selection.select(
                self.suggestions.index(row, 0), self.suggestions.index(row, self.suggestions.columnCount() - 1)
            )
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.panel.suggestions.selectionModel().select(selection, flags)
        if rows:
            self.panel.suggestions.selectionModel().setCurrentIndex(
                self.suggestions.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def selected(self) -> list[SuggestionRow]:
        rows = sorted(index.row() for index in self.panel.suggestions.selectionModel().selectedRows())
        return [self.suggestions.rows[row] for row in rows]

    def _preview(self) -> None:
        pairs: list[Pair] = [(row.from_xy, row.to_xy) for row in self.selected()]
        self.sig_preview.emit(pairs)
        self._update_buttons()

    def suggest(self) -> Task | None:
        if self.busy or self.warehouse_id is None:
            return None
        self._start(self.tr("Looking for bins nearer to the pack stations…"))
        task = self.runner.submit(_suggest, self.database, self.warehouse_id, lane="db")
        task.sig_finished.connect(self._suggested)
        task.sig_failed.connect(self._failed)
        return task

    def _suggested(self, made: int) -> None:
        self.busy = False
        if made:
            self._say("success", self.tr("%n new suggestion(s), best first", None, made))
        else:
            self._say("info", self.tr("No new suggestions: the fast movers are as near as the free bins allow."))
        self.load()

    def accept_selected(self) -> Task | None:
        return self._decide(accepting=True)

    def reject_selected(self) -> Task | None:
        return self._decide(accepting=False)

    def _decide(self, *, accepting: bool) -> Task | None:
        chosen = self.selected()
        if self.busy or not chosen:
            return None
        self._start(self.tr("Accepting…") if accepting else self.tr("Rejecting…"))
        ids = [row.id for row in chosen]
        task = self.runner.submit(_decide, self.database, ids, self.actor, accepting, lane="db")
        task.sig_finished.connect(lambda made: self._decided(accepting, len(ids), made))
        task.sig_failed.connect(self._failed)
        return task

    def _decided(self, accepting: bool, count: int, made: int) -> None:
        self.busy = False
        if accepting:
            self._say("success", self.tr("Accepted: %n move task(s) to do, scan the bin to move from", None, made))
        else:
            self._say("info", self.tr("%n suggestion(s) rejected", None, count))
        self.load()

    # -- move tasks by scanning --------------------------------------------------------------------

    def focus_scan(self) -> None:
        self.panel.scan.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def scan(self, text: str) -> Task | None:
        """First the bin to move from (it picks the task), then the bin to move to (it does the task)."""
        code = text.strip()
        self.panel.scan.clear()
        if not code or self.busy:
            return None
        if self.pending is None or code.upper() == self.pending.from_bin.upper():
            task = self._task_from(code)
            if task is None:
                self._say("error", self.tr("No open move task takes units from %1").replace("%1", code))
                return None
            self.pending = task
            self.panel.message.hide()
            self._show_step()
            return None
        pending = self.pending
        self._start(self.tr("Moving…"))
        job = self.runner.submit(_do, self.database, pending.id, pending.from_bin, code, self.actor, lane="db")
        job.sig_finished.connect(self._done)
        job.sig_failed.connect(self._failed)
        return job

    def _task_from(self, code: str) -> TaskRow | None:
        tasks = self.tasks.rows
        chosen = [index.row() for index in self.panel.tasks.selectionModel().selectedRows()]
        ordered = [tasks[row] for row in chosen] + tasks
        return next((task for task in ordered if task.from_bin.upper() == code.upper()), None)

    def _done(self, task: TaskRow) -> None:
        self.busy = False
        self.pending = None
        self._say(
            "success",
            self.tr("Task %1 done: %n unit(s) of %2 moved from %3 to %4", None, task.quantity)
            .replace("%1", str(task.id))
            .replace("%2", task.sku)
            .replace("%3", task.from_bin)
            .replace("%4", task.to_bin),
        )
        self.sig_moved.emit()
        self.load()

    def _show_step(self) -> None:
        task = self.pending
        if task is None:
            self.panel.scan.setPlaceholderText(self.tr("Scan the bin to move from"))
            self.panel.step.setText("")
            self.panel.step.hide()
            return
        self.panel.scan.setPlaceholderText(self.tr("Scan the bin to move to"))
        self.panel.step.setText(
            self.tr("Task %1: take %n unit(s) of %2 from %3, then scan %4", None, task.quantity)
            .replace("%1", str(task.id))
            .replace("%2", task.sku)
            .replace("%3", task.from_bin)
            .replace("%4", task.to_bin)
        )
        self.panel.step.show()

    # -- messages ----------------------------------------------------------------------------------

    def _start(self, text: str) -> None:
        self.busy = True
        self._say("info", text)
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self.busy = False
        self._say("error", message)
        self._update_buttons()

    def _say(self, kind: str, text: str) -> None:
        show_message(self.panel.message, kind, text)

    def _update_buttons(self) -> None:
        chosen = bool(self.panel.suggestions.selectionModel().selectedRows()) and not self.busy
        self.panel.accept_button.setEnabled(chosen)
        self.panel.reject_button.setEnabled(chosen)
        self.panel.suggest_button.setEnabled(not self.busy and self.warehouse_id is not None)


def build_slotting_panel(
    database: Database, user: LoggedInUser, settings: Settings, runner: TaskRunner, parent: QWidget | None = None
) -> tuple[QWidget, SlottingController]:
    """The panel and its controller, loading the station's warehouse; `controller.set_warehouse(id)`
    follows another one, `sig_preview` feeds `BinMapView.show_moves`."""
    panel = SlottingPanel(parent)
    controller = SlottingController(panel, database, user, settings, runner, panel)
    controller.load()
    return panel, controller


def mount_slotting(
    page: BinMapPage,
    bin_map: BinMapController,
    database: Database,
    user: LoggedInUser,
    settings: Settings,
    runner: TaskRunner,
) -> SlottingController:
    """The slotting panel in the Bin map page's side column: it follows the map's warehouse, its
    selection draws before → after arrows on the map, and a done move redraws the map's stock."""
    panel = SlottingPanel(page)
    controller = SlottingController(panel, database, user, settings, runner, panel)  # loads with the map
    page.add_side_panel(QCoreApplication.translate("SlottingController", "Slotting"), panel)
    controller.sig_preview.connect(page.map.show_moves)
    bin_map.sig_loaded.connect(lambda data: controller.set_warehouse(data.warehouse_id))
    controller.sig_moved.connect(bin_map.load)
    return controller
