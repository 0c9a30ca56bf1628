"""Wires the Import tab: check (dry run) or import a file through `station.services.imports`, all or
nothing, and export stock, moves or locations through `station.services.exports`.

Every file is read and written on the runner's "db" lane; the report comes back as an `ImportResult`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog

from station.db.engine import Database
from station.services.exports import EXPORT_KINDS, export_file
from station.services.import_scopes import ImportScopes, import_scopes
from station.services.imports import KINDS, ImportResult, import_file
from station.services.stock import Actor
from station.ui.controllers.inventory_tab import InventoryContext, InventoryTab, controller_tab
from station.ui.models.import_problems_model import ImportProblemsModel
from station.ui.tasks import Task
from station.ui.views.import_view import ImportView


class ImportController(QObject):
    sig_result = Signal(object)  # ImportResult: checked or imported (ok or with problems)
    sig_failed = Signal(str)  # the file as a whole could not be used
    sig_exported = Signal(int)  # rows written

    def __init__(self, view: ImportView, context: InventoryContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.context = context
        self.model = ImportProblemsModel(self)
        self.result: ImportResult | None = None
        self.scopes: ImportScopes | None = None
        self._busy = False
        view.problems.setModel(self.model)
        kind_titles = {
            "products": self.tr("Products"),
            "variants": self.tr("SKUs (variants)"),
            "stock": self.tr("Stock"),
            "locations": self.tr("Locations"),
            "layout": self.tr("Layout (bins and places)"),
        }
        for kind in KINDS:
            view.kind.addItem(kind_titles.get(kind, kind), kind)
        export_titles = {
            "stock": self.tr("Stock on hand"),
            "moves": self.tr("Stock moves"),
            "locations": self.tr("Locations"),
        }
        for kind in EXPORT_KINDS:
            view.export_kind.addItem(export_titles.get(kind, kind), kind)
        view.kind.currentIndexChanged.connect(self._kind_changed)
        view.browse_button.clicked.connect(self.browse)
        view.path_field.returnPressed.connect(self.check)
        view.check_button.clicked.connect(self.check)
        view.import_button.clicked.connect(self.run_import)
        view.export_button.clicked.connect(self.export)
        self._kind_changed()

    # -- choosing ---------------------------------------------------------------------------------

    def set_kind(self, kind: str) -> None:
        self.view.kind.setCurrentIndex(self.view.kind.findData(kind))

    def _kind_changed(self) -> None:
        spec = KINDS[self.view.kind.currentData()]
        for widget in (self.view.tenant, self.view.tenant_label):
            widget.setVisible(spec.needs_tenant)
        for widget in (self.view.warehouse, self.view.warehouse_label):
            widget.setVisible(spec.needs_warehouse)
        optional = [column for column in spec.columns if column not in spec.required and column != "attr_"]
        hint = self.tr("Columns: %1; optional: %2.").replace("%1", ", ".join(spec.required))
        self.view.columns_hint.setText(hint.replace("%2", ", ".join(optional)))

    def load_scopes(self) -> Task:
        """The clients and warehouses to choose from (once, when the tab first shows)."""
        task = self.context.runner.submit(import_scopes, self.context.database, lane="db")
        task.sig_finished.connect(self._scopes_loaded)
        return task

    def _scopes_loaded(self, scopes: ImportScopes) -> None:
        self.scopes = scopes
        for combo, codes, preferred in (
            (self.view.tenant, scopes.tenants, ""),
            (self.view.warehouse, scopes.warehouses, self.context.settings.warehouse_code),
        ):
            combo.clear()
            if len(codes) > 1:
                combo.addItem(self.tr("choose…"), None)
            for code in codes:
                combo.addItem(code, code)
            if preferred and (index := combo.findData(preferred)) >= 0:
                combo.setCurrentIndex(index)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.view,
            self.tr("Choose a file to import"),
            self.view.path_field.text() or str(Path.home()),
            self.tr("CSV or Excel (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.view.path_field.setText(path)
            self.view.check_button.setFocus()

    # -- checking and importing -------------------------------------------------------------------

    def check(self) -> Task | None:
        """Read every row and report what would change; nothing is written."""
        return self._start(dry_run=True)

    def run_import(self) -> Task | None:
        """Import the file in one transaction when every row is right; otherwise report and write nothing."""
        return self._start(dry_run=False)

    def _start(self, *, dry_run: bool) -> Task | None:
        if self._busy:
            return None
        text = self.view.path_field.text().strip().strip('"')
        if not text:
            return self._refuse(self.tr("Type, paste or choose (Browse…) the file to import first."))
        path = Path(text).expanduser()
        if not path.is_file():
            return self._refuse(self.tr("There is no file %1.").replace("%1", str(path)))
        kind = self.view.kind.currentData()
        spec = KINDS[kind]
        tenant, warehouse = self.view.tenant.currentData(), self.view.warehouse.currentData()
        if spec.needs_tenant and tenant is None and self.view.tenant.count() > 1:
            return self._refuse(self.tr("Choose the client the rows belong to."), self.view.tenant)
        if spec.needs_warehouse and warehouse is None and self.view.warehouse.count() > 1:
            return self._refuse(self.tr("Choose the warehouse."), self.view.warehouse)
        self._set_busy(True)
        self.view.clear_result()
        self.view.show_message("info", self.tr("Checking %1…").replace("%1", path.name))
        actor = Actor(station=self.context.settings.station_name, user_id=self.context.user.id)
        task = self.context.runner.submit(
            _import, self.context.database, kind, path, tenant, warehouse, dry_run, actor, lane="db"
        )
        task.sig_finished.connect(self._finished)
        task.sig_failed.connect(self._failed)
        return task

    def _refuse(self, text: str, focus: QObject | None = None) -> None:
        self.view.clear_result()
        self.view.show_message("error", text)
        (focus or self.view.path_field).setFocus()
        return None

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.view.check_button, self.view.import_button, self.view.browse_button):
            button.setEnabled(not busy)

    def _finished(self, result: ImportResult) -> None:
        self._set_busy(False)
        self.result = result
        self.model.set_rows(result.problems)
        self.view.show_problems(bool(result.problems))
        if result.problems:
            text = self.tr("%1: %n problem(s) found. Nothing was imported.", None, len(result.problems))
            self.view.show_message("error", text.replace("%1", result.file))
            self.view.show_changes([])
        elif result.dry_run:
            text = self.tr(
                "%1: all %n row(s) are right. Nothing was written yet: Import writes them.", None, result.rows
            )
            self.view.show_message("info", text.replace("%1", result.file))
            self.view.show_changes([self.tr("would %1").replace("%1", line) for line in _changes(result)])
            self.view.import_button.setFocus()
        else:
            text = self.tr("%1: imported %n row(s).", None, result.rows)
            self.view.show_message("success", text.replace("%1", result.file))
            self.view.show_changes([self.tr("done: %1").replace("%1", line) for line in _changes(result)])
            self.view.path_field.setFocus()
        self.sig_result.emit(result)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.result = None
        self.model.set_rows([])
        self.view.clear_result()
        self.view.show_message("error", self.tr("Nothing was imported: %1").replace("%1", message))
        self.view.path_field.setFocus()
        self.sig_failed.emit(message)

    # -- exporting --------------------------------------------------------------------------------

    def export(self) -> Task | None:
        kind = self.view.export_kind.currentData()
        suggested = Path.home() / f"{kind}-{date.today():%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self.view, self.tr("Export to"), str(suggested), self.tr("CSV (*.csv);;Excel (*.xlsx)")
        )
        return self.export_to(kind, Path(path)) if path else None

    def export_to(self, kind: str, path: Path) -> Task:
        """Write `kind` (stock, moves, locations) to `path`; .csv or .xlsx by its extension."""
        task = self.context.runner.submit(export_file, self.context.database, kind, path, lane="db")
        task.sig_finished.connect(lambda count: self._exported(count, kind, path))
        task.sig_failed.connect(
            lambda message: self.view.show_message("error", self.tr("Export failed: %1").replace("%1", message))
        )
        return task

    def _exported(self, count: int, kind: str, path: Path) -> None:
        text = self.tr("Wrote %n row(s) of %1 to %2.", None, count)
        self.view.show_message(
            "success",
            text.replace("%1", self.view.export_kind.itemText(self.view.export_kind.findData(kind))).replace(
                "%2", str(path)
            ),
        )
        self.sig_exported.emit(count)

    def focus(self) -> None:
        self.view.path_field.setFocus()
        if self.scopes is None:
            self.load_scopes()


def _import(
    database: Database, kind: str, path: Path, tenant: str | None, warehouse: str | None, dry_run: bool, actor: Actor
) -> ImportResult:
    return import_file(database, kind, path, tenant=tenant, warehouse=warehouse, dry_run=dry_run, actor=actor)


def _changes(result: ImportResult) -> list[str]:
    return [line for line in result.summary if not line.startswith("create 0 ")]


def build_import_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = ImportView()
    controller = ImportController(view, context, parent)
    title = QCoreApplication.translate("ImportController", "Import / Export")
    return controller_tab("import", title, view, controller)
