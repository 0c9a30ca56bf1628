"""Fills a table page from a job on the database lane, and filters it as the user types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from station.ui.models.rows_model import FilterProxyModel, RowsTableModel
from station.ui.tasks import Task, TaskRunner
from station.ui.views.table_view import TablePageView

Summary = Callable[[int, int], str]  # (rows shown, rows loaded) -> text


class TableController(QObject):
    sig_rows_loaded = Signal(int)  # how many rows arrived
    sig_load_failed = Signal(str)

    def __init__(
        self,
        view: TablePageView,
        model: RowsTableModel[Any],
        load: Callable[[], Sequence[Any]],
        runner: TaskRunner,
        summary: Summary,
        parent: QObject | None = None,
        *,
        sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.model = model
        self.proxy = FilterProxyModel(model, self)
        self._load = load
        self._runner = runner
        self._summary = summary
        self._task: Task | None = None
        self.loaded_once = False
        self._fitted = False

        view.table.setModel(self.proxy)
        view.table.sortByColumn(*sort)
        view.filter_field.textChanged.connect(self._filter_changed)
        view.refresh_button.clicked.connect(self.refresh)
        self.proxy.rowsInserted.connect(self._update_summary)
        self.proxy.rowsRemoved.connect(self._update_summary)
        self.proxy.modelReset.connect(self._update_summary)

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done and not self._task.cancelled

    def refresh(self) -> Task:
        """Load the rows again; a load still running is superseded."""
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self.view.summary.setText(self.tr("Loading…"))
        task = self._runner.submit(self._load, lane="db")
        task.sig_finished.connect(self._loaded)
        task.sig_failed.connect(self._failed)
        self._task = task
        return task

    def _loaded(self, rows: Sequence[Any]) -> None:
        self.loaded_once = True
        self.view.clear_problem()
        self.model.set_rows(rows)
        if not self._fitted:
            self.view.fit_columns()  # once: later loads keep the widths the user chose
            self._fitted = True
        self._update_summary()
        self.sig_rows_loaded.emit(len(rows))

    def _failed(self, message: str) -> None:
        self.view.summary.clear()
        self.view.show_problem(self.tr("Could not load the list: %1").replace("%1", message))
        self.sig_load_failed.emit(message)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())

    def _update_summary(self) -> None:
        if self.loaded_once:
            self.view.summary.setText(self._summary(self.proxy.rowCount(), self.model.rowCount()))
