"""Wires the Picking page: choose allocated orders, build a batch, walk it by scanning.

The scan field is a small state machine: no pick list → a pick list code opens one; a list and no bin
→ the scan is a bin; a bin → the scans are its items (another open bin of the list moves there);
after Ctrl+S → the quantity found. Every database call runs on the "db" lane (`picking_jobs`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from station.config import Settings, StationPaths
from station.db.engine import Database
from station.services.auth import LoggedInUser
from station.services.picking_queries import PickLineView, PicklistView
from station.services.picklist_pdf import route_summary
from station.services.stock import Actor
from station.ui.controllers import picking_jobs as jobs
from station.ui.controllers.inventory_tab import add_shortcuts, listen_for_scans
from station.ui.controllers.picking_texts import PickingTexts
from station.ui.models.picking_models import lines_model, orders_model, scores_model
from station.ui.tasks import Task, TaskRunner
from station.ui.views.picking_view import PickingView
from station.ui.views.widgets import shortcut_text, show_message

SHIFT = timedelta(hours=12)  # the leaderboard's period


class PickingController(QObject):
    sig_show_route = Signal(int)  # picklist id: the lead wires it to the Bin map page

    def __init__(
        self,
        view: PickingView,
        database: Database,
        user: LoggedInUser,
        settings: Settings,
        paths: StationPaths,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view, self.database, self.runner, self.paths, self.settings = view, database, runner, paths, settings
        self.actor = Actor(station=settings.station_name, user_id=user.id)
        self.texts = PickingTexts(self)
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.warehouse_id: int | None = None
        self.picklist: PicklistView | None = None
        self.line: PickLineView | None = None  # the bin the picker stands at
        self.awaiting_found = False
        self.loaded_once = False
        self.last_pdf: Path | None = None
        self.orders = orders_model(self)
        self.lines = lines_model(self)
        self.scores = scores_model(self)
        view.orders_table.setModel(self.orders)
        view.lines_table.setModel(self.lines)
        view.leaderboard_table.setModel(self.scores)
        view.orders_table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        view.build_button.clicked.connect(self.build_batch)
        view.print_button.clicked.connect(self.print_picklist)
        view.map_button.clicked.connect(self.show_on_map)
        view.short_button.clicked.connect(self.start_short_pick)
        for field in (view.zone_filter, view.carrier_filter, view.cutoff_filter):
            field.returnPressed.connect(self.refresh)
        listen_for_scans(view.scan_field, self.scan, self)
        add_shortcuts(
            view,
            {
                "Ctrl+B": self.build_batch,
                "Ctrl+P": self.print_picklist,
                "Ctrl+M": self.show_on_map,
                "Ctrl+S": self.start_short_pick,
                "Ctrl+A": self.select_all,
                "Esc": self.cancel_short_pick,
            },
        )
        view.shortcuts.setText(shortcut_text(self.texts.shortcuts()))
        self._show_picklist()

    # -- orders --------------------------------------------------------------------------------------

    def page_shown(self) -> None:
        if not self.loaded_once:
            self.refresh()
        (self.view.scan_field if self.picklist else self.view.orders_table).setFocus()

    def refresh(self) -> Task | None:
        try:
            cutoff = self._cutoff()
        except ValueError:
            show_message(self.view.message, "error", self.texts.bad_cutoff(self.view.cutoff_filter.text()))
            return None
        task = self.runner.submit(
            jobs.load_orders,
            self.database,
            self.settings.warehouse_code,
            self.view.zone_filter.text(),
            self.view.carrier_filter.text(),
            cutoff,
            datetime.now(UTC) - SHIFT,
        )
        task.sig_finished.connect(self._orders_loaded)
        task.sig_failed.connect(lambda message: show_message(self.view.message, "error", message))
        return task

    def _cutoff(self) -> datetime | None:
        text = self.view.cutoff_filter.text().strip()
        if not text:
            return None
        hours, _, minutes = text.partition(":")
        moment = time(int(hours), int(minutes or 0))
        return datetime.combine(datetime.now().date(), moment).astimezone(UTC)

    def _orders_loaded(self, loaded: jobs.OrdersLoaded) -> None:
        self.loaded_once = True
        self.warehouse_id = loaded.warehouse_id
        self.orders.set_rows(loaded.orders)
        self.scores.set_rows(loaded.scores)
        self.view.orders_heading.setText(self.texts.orders_heading(loaded.warehouse, len(loaded.orders)))
        self.view.fit_columns()
        self._show_selected()

    def select_all(self) -> None:
        self.view.orders_table.selectAll()

    def select_orders(self, count: int) -> None:
        """Select the first `count` orders (what Space on each row does)."""
        selection = self.view.orders_table.selectionModel()
        selection.clearSelection()
        for row in range(min(count, self.orders.rowCount())):
            selection.select(
                self.orders.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def selected_order_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.view.orders_table.selectionModel().selectedRows()})
        return [self.orders.rows[row].order_id for row in rows]

    def _show_selected(self) -> None:
        chosen = self.selected_order_ids()
        self.view.selected_label.setText(self.texts.selected(len(chosen)))
        self.view.build_button.setEnabled(bool(chosen))

    def build_batch(self) -> Task | None:
        chosen = self.selected_order_ids()
        if not chosen or self.warehouse_id is None:
            show_message(self.view.message, "error", self.texts.choose_orders())
            return None
        self.view.build_button.setEnabled(False)
        task = self.runner.submit(jobs.build, self.database, self.warehouse_id, chosen, self.actor)
        task.sig_finished.connect(self._built)
        task.sig_failed.connect(self._failed)
        return task

    def _built(self, view: PicklistView) -> None:
        self._set_picklist(view)
        show_message(self.view.message, "success", self.texts.built(view.code, len(view.totes)))
        self.refresh()

    def _failed(self, message: str) -> None:
        show_message(self.view.message, "error", message)
        self._show_selected()

    # -- the pick list -------------------------------------------------------------------------------

    def _set_picklist(self, view: PicklistView) -> None:
        self.picklist = view
        if self.line is not None:
            self.line = next((line for line in view.lines if line.id == self.line.id and not line.done), None)
        self._show_picklist()
        self.view.scan_field.setFocus()

    def _show_picklist(self) -> None:
        view, page = self.picklist, self.view
        has_list = view is not None
        for button in (page.print_button, page.map_button, page.short_button):
            button.setEnabled(has_list)
        if view is None:
            page.picklist_heading.setText(self.texts.picklist_heading(None))
            page.route_label.setText(self.texts.no_picklist())
            page.totes_label.clear()
            page.next_label.clear()
            page.progress.setRange(0, 1)
            page.progress.setValue(0)
            page.progress.setFormat("")
            self.lines.set_rows([])
            return
        page.picklist_heading.setText(self.texts.picklist_heading(view.code))
        page.route_label.setText(route_summary(view, self.texts.pdf()))
        page.totes_label.setText(self.texts.totes(view.totes))
        self.lines.set_rows(view.lines)
        page.progress.setRange(0, max(view.units, 1))
        page.progress.setValue(view.picked_units + view.short_units)
        page.progress.setFormat(self.texts.progress(view.picked_units, view.units))
        page.next_label.setText(self.texts.next_step(self.line, view.next_line))
        page.fit_columns()
        current = self.line or view.next_line
        if current is not None:  # the row the picker works on stays in sight
            row = next(i for i, line in enumerate(view.lines) if line.id == current.id)
            page.lines_table.selectRow(row)
            page.lines_table.scrollTo(self.lines.index(row, 0))

    def open_picklist(self, code: str) -> Task:
        task = self.runner.submit(jobs.open_by_code, self.database, code)
        task.sig_finished.connect(self._set_picklist)
        task.sig_failed.connect(lambda message: show_message(self.view.message, "error", message))
        return task

    def scan(self, text: str) -> Task | None:
        self.view.scan_field.clear()
        text = text.strip()
        if not text:
            return None
        if self.awaiting_found:
            return self.report_short(text)
        if self.picklist is None or text.upper().startswith("PL-"):
            if text.upper().startswith("PL-"):
                return self.open_picklist(text)
            show_message(self.view.message, "info", self.texts.build_first())
            return None
        line_id = self.line.id if self.line is not None else None
        task = self.runner.submit(jobs.scan, self.database, self.picklist.id, line_id, text, self.actor)
        task.sig_finished.connect(self._scanned)
        task.sig_failed.connect(lambda message: show_message(self.view.message, "error", message))
        return task

    def _scanned(self, scanned: jobs.Scanned) -> None:
        outcome = scanned.outcome
        if outcome.ok and outcome.line is not None and not outcome.line.done:
            self.line = outcome.line
        elif outcome.ok:
            self.line = None
        self._set_picklist(scanned.view)
        kind = "error" if not outcome.ok else ("success" if outcome.finished else "info")
        text = self.texts.finished(scanned.view.code) if outcome.finished else self.texts.outcome(outcome)
        show_message(self.view.message, kind, text)
        if outcome.finished:
            self.refresh()
        elif outcome.ok and self.warehouse_id is not None:
            task = self.runner.submit(jobs.scores, self.database, self.warehouse_id, datetime.now(UTC) - SHIFT)
            task.sig_finished.connect(self._scores_loaded)

    def _scores_loaded(self, scores: list) -> None:
        self.scores.set_rows(scores)
        self.view.fit_columns()

    # -- short picks, printing, the map ---------------------------------------------------------------

    def start_short_pick(self) -> None:
        line = self.line or (self.picklist.next_line if self.picklist else None)
        if line is None:
            show_message(self.view.message, "error", self.texts.no_line_for_short())
            return
        self.line = line
        self.awaiting_found = True
        show_message(self.view.message, "warning", self.texts.ask_found(line))
        self.view.scan_field.setFocus()

    def cancel_short_pick(self) -> None:
        if self.awaiting_found:
            self.awaiting_found = False
            show_message(self.view.message, "info", self.texts.short_cancelled())

    def report_short(self, text: str) -> Task | None:
        if not text.isdigit() or self.line is None or self.picklist is None:
            show_message(self.view.message, "error", self.texts.found_not_a_number(text))
            return None
        self.awaiting_found = False
        task = self.runner.submit(jobs.short, self.database, self.picklist.id, self.line.id, int(text), self.actor)
        task.sig_finished.connect(self._short_reported)
        task.sig_failed.connect(lambda message: show_message(self.view.message, "error", message))
        return task

    def _short_reported(self, scanned: jobs.Scanned) -> None:
        self.line = None
        self._set_picklist(scanned.view)
        show_message(self.view.message, "warning", self.texts.outcome(scanned.outcome))
        if scanned.outcome.finished:
            self.refresh()

    def print_picklist(self) -> Task | None:
        if self.picklist is None:
            show_message(self.view.message, "error", self.texts.build_first())
            return None
        folder = self.paths.data_dir / "picklists"
        task = self.runner.submit(jobs.write_pdf, self.database, self.picklist.id, folder, self.texts.pdf())
        task.sig_finished.connect(self._printed)
        task.sig_failed.connect(lambda message: show_message(self.view.message, "error", message))
        return task

    def _printed(self, path: Path) -> None:
        self.last_pdf = path
        self.open_file(path)
        show_message(self.view.message, "info", self.texts.printed(str(path)))

    def show_on_map(self) -> None:
        if self.picklist is not None:
            self.sig_show_route.emit(self.picklist.id)
