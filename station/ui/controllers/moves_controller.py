"""The "Movements" tab: the ledger newest first, filtered; the filtered moves exported to CSV or XLSX.

Queries run on the database lane; a newer one supersedes one still running. The SKU field takes a
scan (a SKU, its barcode or a GS1-128 with its GTIN); Enter in any field applies the filters.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog

from station.config import Settings
from station.db.engine import Database
from station.services.movement_queries import (
    DEFAULT_LIMIT,
    MOVE_KINDS,
    REASONS,
    MoveFilter,
    MovePage,
    MoveQueryError,
    export_moves,
    list_moves,
    move_users,
)
from station.ui.controllers.inventory_tab import (
    InventoryContext,
    InventoryTab,
    add_shortcuts,
    controller_tab,
)
from station.ui.controllers.locations_controller import NotFound, scanner_for
from station.ui.models.moves_model import MovesModel, kind_title, reason_title
from station.ui.models.rows_model import FilterProxyModel, units
from station.ui.tasks import Task, TaskRunner
from station.ui.views.locations_view import fit_columns
from station.ui.views.moves_view import MovesView

SERIAL_COLUMN, REASON_COLUMN = 4, 8  # of the moves table


class BadDate(ValueError):
    """A date filter that is not YYYY-MM-DD."""


def load_moves(database: Database, filters: MoveFilter, limit: int) -> MovePage | NotFound:
    with database.unit_of_work() as uow:
        try:
            return list_moves(uow.session, filters, limit=limit)
        except MoveQueryError as exc:
            return NotFound(str(exc))


def load_users(database: Database) -> list[str]:
    with database.unit_of_work() as uow:
        return move_users(uow.session)


def write_export(database: Database, filters: MoveFilter, path: Path) -> int | NotFound:
    try:
        return export_moves(database, filters, path)
    except MoveQueryError as exc:
        return NotFound(str(exc))


class MovesController(QObject):
    sig_loaded = Signal(object)  # the MovePage shown
    sig_refused = Signal(str)  # a filter names nothing, or a date cannot be read
    sig_exported = Signal(int, str)  # moves written, file

    def __init__(
        self,
        view: MovesView,
        database: Database,
        runner: TaskRunner,
        settings: Settings,
        parent: QObject | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.database = database
        self.runner = runner
        self.limit = limit
        self.applied: MoveFilter | None = None  # what the table shows
        self.page: MovePage | None = None
        self._task: Task | None = None
        self._loaded_once = False
        self.model = MovesModel(self)
        self.proxy = FilterProxyModel(self.model, self)
        view.table.setModel(self.proxy)
        view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first, as loaded

        view.kind.addItem(self.tr("Any kind"), "")
        for kind in MOVE_KINDS:
            view.kind.addItem(kind_title(kind), kind)
        view.reason.addItem(self.tr("Any reason"), "")
        for reason in REASONS:
            view.reason.addItem(reason_title(reason), reason)
        view.user.addItem(self.tr("Anyone"), "")

        self.scanner = scanner_for(settings, self)
        view.sku.installEventFilter(self.scanner)
        self.scanner.sig_scanned.connect(self.scan_sku)
        for field in view.text_fields:
            field.returnPressed.connect(self.apply)
        for combo in (view.kind, view.reason, view.user):
            combo.activated.connect(lambda _index: self.apply())
        view.apply_button.clicked.connect(self.apply)
        view.clear_button.clicked.connect(self.clear)
        view.export_button.clicked.connect(self.export)
        add_shortcuts(view, {"Ctrl+E": self.export})

    # -- what the user does ---------------------------------------------------------------------

    def focus(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            self.runner.submit(load_users, self.database, lane="db").sig_finished.connect(self._users)
            self.apply()
        self.view.sku.setFocus()
        self.view.sku.selectAll()

    def scan_sku(self, code: str) -> Task | None:
        self.view.sku.setText(code.strip())
        return self.apply()

    def filters(self) -> MoveFilter:
        """The filters as typed; raises BadDate naming the field whose date cannot be read."""
        v = self.view
        return MoveFilter(
            sku=v.sku.text().strip(),
            location=v.location.text().strip(),
            lot=v.lot.text().strip(),
            kind=v.kind.currentData() or "",
            reason=v.reason.currentData() or "",
            user=v.user.currentData() or "",
            reference=v.reference.text().strip(),
            since=self._date(v.since.text(), self.tr("From")),
            until=self._date(v.until.text(), self.tr("To")),
        )

    def apply(self) -> Task | None:
        """Show the newest moves the filters keep."""
        try:
            filters = self.filters()
        except BadDate as exc:
            self._refuse(str(exc))
            return None
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self.view.clear_message()
        self.view.summary.setText(self.tr("Loading…"))
        task = self.runner.submit(load_moves, self.database, filters, self.limit, lane="db")
        task.sig_finished.connect(lambda result: self._loaded(filters, result))
        task.sig_failed.connect(self._failed)
        self._task = task
        return task

    def clear(self) -> Task | None:
        for field in self.view.text_fields:
            field.clear()
        for combo in (self.view.kind, self.view.reason, self.view.user):
            combo.setCurrentIndex(0)
        self.view.sku.setFocus()
        return self.apply()

    def ask_export_path(self) -> Path | None:
        """The file to write, chosen in a save dialog (CSV or Excel)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self.view,
            self.tr("Export movements"),
            str(Path.home() / f"movements-{date.today().isoformat()}.csv"),
            self.tr("CSV (*.csv);;Excel (*.xlsx)"),
        )
        return Path(chosen) if chosen else None

    def export(self) -> Task | None:
        """Write every move the shown filters keep (not only the newest on screen) to a file."""
        if self.applied is None:
            self._refuse(self.tr("Apply the filters first: the export writes the moves they keep."))
            return None
        path = self.ask_export_path()
        if path is None:
            return None
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".csv")
        self.view.show_message(self.tr("Exporting to %1…").replace("%1", str(path)))
        task = self.runner.submit(write_export, self.database, self.applied, path, lane="db")
        task.sig_finished.connect(lambda result: self._exported(result, path))
        task.sig_failed.connect(self._failed)
        return task

    # -- results --------------------------------------------------------------------------------

    def _date(self, text: str, field: str) -> date | None:
        text = text.strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise BadDate(
                self.tr("%1: '%2' is not a date; write it as YYYY-MM-DD").replace("%1", field).replace("%2", text)
            ) from None

    def _users(self, logins: list[str]) -> None:
        for login in logins:
            self.view.user.addItem(login, login)

    def _loaded(self, filters: MoveFilter, result: MovePage | NotFound) -> None:
        if isinstance(result, NotFound):
            self.model.set_rows([])
            self.view.summary.clear()
            self._refuse(result.message)
            return
        self.applied, self.page = filters, result
        self.model.set_rows(result.rows)
        if result.more:
            summary = self.tr("Showing the newest %1 moves; narrow the filters to see older ones.").replace(
                "%1", units(result.limit)
            )
        else:
            summary = self.tr("%n move(s)", None, len(result.rows))
        self.view.summary.setText(summary)
        # Serial and reason columns only when a move on screen has one: room for the rest.
        self.view.table.setColumnHidden(SERIAL_COLUMN, not any(row.serial for row in result.rows))
        self.view.table.setColumnHidden(REASON_COLUMN, not any(row.reason for row in result.rows))
        fit_columns(self.view.table, stretch_column=self.model.columnCount() - 1, widest=200, air=2)
        self.view.sku.selectAll()
        self.sig_loaded.emit(result)

    def _exported(self, result: int | NotFound, path: Path) -> None:
        if isinstance(result, NotFound):
            self._refuse(result.message)
            return
        self.view.show_message(
            self.tr("%n move(s) exported to %1", None, result).replace("%1", str(path)), "successMessage"
        )
        self.sig_exported.emit(result, str(path))

    def _refuse(self, message: str) -> None:
        self.view.show_message(message, "errorMessage")
        self.sig_refused.emit(message)

    def _failed(self, message: str) -> None:
        self.view.summary.clear()
        self.view.show_message(self.tr("Could not load the movements: %1").replace("%1", message), "errorMessage")


def build_moves_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = MovesView()
    controller = MovesController(view, context.database, context.runner, context.settings, parent)
    title = QCoreApplication.translate("MovesController", "Movements")
    return controller_tab("moves", title, view, controller, controller.apply)
