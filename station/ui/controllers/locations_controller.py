"""The "By location" tab: a scan (SKU, barcode or bin) → where the SKU is, or what the bin holds.

The look-up runs on the database lane; a newer scan supersedes one still running. Changing a filter
asks the same question again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from station.config import Settings
from station.db.engine import Database
from station.hardware.scanner import InvalidScannerSettings, ScannerSettings
from station.services.location_queries import (
    LocationAnswer,
    LocationFilter,
    LocationQueryError,
    Only,
    stock_at,
    warehouse_codes,
)
from station.ui.controllers.inventory_tab import InventoryContext, InventoryTab, controller_tab
from station.ui.models.locations_model import LevelsModel, PlacesModel, location_kind_title
from station.ui.models.rows_model import FilterProxyModel
from station.ui.scanner import WedgeScanDetector
from station.ui.tasks import Task, TaskRunner
from station.ui.views.locations_view import LocationsView, fit_columns, fit_height, fit_width


@dataclass(frozen=True)
class NotFound:
    """The scan named nothing known; `message` says what and suggests close SKUs."""

    message: str


def look_up(database: Database, scan: str, filters: LocationFilter) -> LocationAnswer | NotFound:
    with database.unit_of_work() as uow:
        try:
            return stock_at(uow.session, scan, filters)
        except LocationQueryError as exc:
            return NotFound(str(exc))


def list_warehouses(database: Database) -> list[str]:
    with database.unit_of_work() as uow:
        return warehouse_codes(uow.session)


def scanner_for(settings: Settings, parent: QObject) -> WedgeScanDetector:
    """A wedge scanner's burst becomes one scan (GS1 separators kept); a bad [scanner] setting falls back."""
    try:
        scanner_settings = ScannerSettings.from_mapping(settings.scanner)
    except InvalidScannerSettings:
        scanner_settings = ScannerSettings()
    return WedgeScanDetector(scanner_settings, parent=parent)


class LocationsController(QObject):
    sig_answered = Signal(object)  # the LocationAnswer shown
    sig_not_found = Signal(str)  # the message shown

    def __init__(
        self,
        view: LocationsView,
        database: Database,
        runner: TaskRunner,
        settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.database = database
        self.runner = runner
        self.answer: LocationAnswer | None = None
        self._scan = ""
        self._task: Task | None = None
        self._warehouses_loaded = False
        self.sku_model = PlacesModel(by_bin=False, parent=self)
        self.bin_model = PlacesModel(by_bin=True, parent=self)
        self.sku_proxy = FilterProxyModel(self.sku_model, self)
        self.bin_proxy = FilterProxyModel(self.bin_model, self)
        self.levels_model = LevelsModel(self)
        view.levels_table.setModel(self.levels_model)
        view.table.setModel(self.sku_proxy)

        view.warehouse.addItem(self.tr("All warehouses"), "")
        for label, only in (
            (self.tr("Everything"), Only.ALL),
            (self.tr("Quarantine and returns"), Only.HELD),
            (self.tr("Expired lots"), Only.EXPIRED),
        ):
            view.only.addItem(label, only.value)
        self.scanner = scanner_for(settings, self)
        view.scan_field.installEventFilter(self.scanner)
        self.scanner.sig_scanned.connect(self.scan)
        view.scan_field.returnPressed.connect(lambda: self.scan(view.scan_field.text()))
        view.show_button.clicked.connect(lambda: self.scan(view.scan_field.text()))
        view.warehouse.currentIndexChanged.connect(self._filters_changed)
        view.only.currentIndexChanged.connect(self._filters_changed)
        view.hide_empty.toggled.connect(self._filters_changed)
        view.heading.setText(
            self.tr("Scan a SKU to see every location and lot holding it, or a bin to see what it holds.")
        )

    # -- what the user does ---------------------------------------------------------------------

    def focus(self) -> None:
        if not self._warehouses_loaded:
            self._warehouses_loaded = True
            self.runner.submit(list_warehouses, self.database, lane="db").sig_finished.connect(self._warehouses)
        self.view.scan_field.setFocus()
        self.view.scan_field.selectAll()

    def filters(self) -> LocationFilter:
        return LocationFilter(
            warehouse=self.view.warehouse.currentData() or None,
            hide_empty=self.view.hide_empty.isChecked(),
            only=Only(self.view.only.currentData() or Only.ALL.value),
        )

    def scan(self, text: str) -> Task | None:
        """Show what `text` (a SKU, barcode or bin code) names, with the filters as set."""
        code = text.strip()
        if self.view.scan_field.text() != code:
            self.view.scan_field.setText(code)
        if not code:
            self.view.show_message(self.tr("Scan or type a SKU, a barcode or a bin code first."), "errorMessage")
            return None
        self._scan = code
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self.view.clear_message()
        self.view.heading.setText(self.tr("Looking up %1…").replace("%1", code))
        task = self.runner.submit(look_up, self.database, code, self.filters(), lane="db")
        task.sig_finished.connect(self._show)
        task.sig_failed.connect(self._failed)
        self._task = task
        return task

    def refresh(self) -> Task | None:
        return self.scan(self._scan) if self._scan else None

    # -- results --------------------------------------------------------------------------------

    def _filters_changed(self) -> None:
        if self._scan:
            self.scan(self._scan)
        self.view.scan_field.setFocus()

    def _warehouses(self, codes: list[str]) -> None:
        for code in codes:
            self.view.warehouse.addItem(code, code)

    def _show(self, answer: LocationAnswer | NotFound) -> None:
        self.view.scan_field.selectAll()  # the next scan replaces this one
        if isinstance(answer, NotFound):
            self.answer = None
            self.view.heading.clear()
            self.view.levels_table.hide()
            self.sku_model.set_rows([])
            self.bin_model.set_rows([])
            self.view.show_message(answer.message, "errorMessage")
            self.sig_not_found.emit(answer.message)
            return
        self.answer = answer
        if answer.kind == "sku":
            self._show_sku(answer)
        else:
            self._show_bin(answer)
        if not answer.rows:
            self.view.show_message(self.tr("Nothing here with these filters."))
        fit_columns(self.view.table, stretch_column=1 if answer.kind == "bin" else 6)
        self.sig_answered.emit(answer)

    def _show_sku(self, answer: LocationAnswer) -> None:
        heading = f"{answer.code} — {answer.name}"
        if answer.tenant:
            heading += " · " + self.tr("client %1").replace("%1", answer.tenant)
        places = self.tr("%n location(s)", None, len({(r.warehouse, r.location) for r in answer.rows}))
        self.view.heading.setText(heading + " · " + places + " · " + self.tr("%n unit(s)", None, answer.units))
        self.sku_model.set_rows(answer.rows)
        self.levels_model.set_rows(answer.levels)
        self.view.table.setModel(self.sku_proxy)
        self.view.levels_table.setVisible(bool(answer.levels))
        fit_columns(self.view.levels_table, stretch_column=-1, widest=180)
        for column in range(1, self.levels_model.columnCount()):
            self.view.levels_table.setColumnWidth(column, max(self.view.levels_table.columnWidth(column), 130))
        fit_height(self.view.levels_table, len(answer.levels))
        fit_width(self.view.levels_table)

    def _show_bin(self, answer: LocationAnswer) -> None:
        heading = (
            self.tr("Bin %1 (%2, %3)")
            .replace("%1", answer.code)
            .replace("%2", location_kind_title(answer.location_kind))
            .replace("%3", answer.name)
        )
        skus = self.tr("%n SKU(s)", None, len({r.sku for r in answer.rows}))
        self.view.heading.setText(heading + " · " + skus + " · " + self.tr("%n unit(s)", None, answer.units))
        self.bin_model.set_rows(answer.rows)
        self.view.table.setModel(self.bin_proxy)
        self.view.levels_table.hide()

    def _failed(self, message: str) -> None:
        self.view.heading.clear()
        self.view.show_message(self.tr("Could not look it up: %1").replace("%1", message), "errorMessage")


def build_locations_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = LocationsView()
    controller = LocationsController(view, context.database, context.runner, context.settings, parent)
    title = QCoreApplication.translate("LocationsController", "By location")
    return controller_tab("locations", title, view, controller, controller.refresh)
