"""Fills the Alerts tab from `station.services.stock_alerts` and sets low-stock thresholds from it.

Everything touching the database runs on the runner's "db" lane; results come back as dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QItemSelection, QObject, Signal

from station.services.expiry import DEFAULT_HORIZON_DAYS
from station.services.replenishment import LowStock
from station.services.stock_alerts import StockAlerts, ThresholdSet, load_alerts, set_sku_threshold
from station.ui.controllers.inventory_tab import InventoryContext, InventoryTab, controller_tab
from station.ui.models.alerts_models import BlockedLotsModel, ExpiringModel, LowStockModel, ReorderModel
from station.ui.models.rows_model import FilterProxyModel, RowsTableModel
from station.ui.tasks import Task
from station.ui.views.alerts_view import AlertsView


class AlertsController(QObject):
    sig_loaded = Signal(object)  # StockAlerts
    sig_load_failed = Signal(str)
    sig_threshold_set = Signal(object)  # ThresholdSet
    sig_threshold_failed = Signal(str)

    def __init__(self, view: AlertsView, context: InventoryContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.context = context
        self.alerts: StockAlerts | None = None
        # What "now" is: the wall clock, or the demo data's own day in the docs' walkthrough.
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._task: Task | None = None
        self._fitted = False
        self.models: dict[str, RowsTableModel] = {
            "low_stock": LowStockModel(self),
            "reorder": ReorderModel(self),
            "expiring": ExpiringModel(self),
            "blocked": BlockedLotsModel(self),
        }
        for key, model in self.models.items():
            proxy = FilterProxyModel(model, self)
            table = view.tables[key]
            table.setModel(proxy)
            table.selectionModel().selectionChanged.connect(partial(self._picked, key))
        view.horizon.setValue(DEFAULT_HORIZON_DAYS)
        view.horizon.editingFinished.connect(self._horizon_changed)
        view.refresh_button.clicked.connect(self.refresh)
        view.sku_field.returnPressed.connect(self._sku_entered)
        view.threshold.sig_enter.connect(self.set_threshold)
        view.set_button.clicked.connect(self.set_threshold)
        self._show_headings(None)

    @property
    def loaded_once(self) -> bool:
        return self.alerts is not None

    # -- loading ----------------------------------------------------------------------------------

    def refresh(self) -> Task:
        """Load every list again (Ctrl+R); a load still running is superseded."""
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self.view.summary.setText(self.tr("Loading…"))
        now = self.clock()
        today = now.astimezone().date()  # the station's local day
        task = self.context.runner.submit(
            load_alerts, self.context.database, today, self.view.horizon.value(), now, lane="db"
        )
        task.sig_finished.connect(self._loaded)
        task.sig_failed.connect(self._failed)
        self._task = task
        return task

    def _loaded(self, alerts: StockAlerts) -> None:
        self.alerts = alerts
        self._fill_warehouses(alerts.warehouses)
        self.models["low_stock"].set_rows(alerts.low_stock)
        self.models["reorder"].set_rows(alerts.reorder)
        self.models["expiring"].set_rows(alerts.expiring)
        self.models["blocked"].set_rows(alerts.blocked)
        if not self._fitted:
            self.view.fit_columns()
            self._fitted = True
        self._show_headings(alerts)
        self.sig_loaded.emit(alerts)

    def _fill_warehouses(self, codes: list[str]) -> None:
        combo = self.view.warehouse_field
        chosen = combo.currentText() or self.context.settings.warehouse_code
        if [combo.itemText(i) for i in range(combo.count())] == codes:
            return
        combo.clear()
        combo.addItems(codes)
        if chosen in codes:
            combo.setCurrentText(chosen)

    def _failed(self, message: str) -> None:
        self.view.summary.clear()
        self.view.show_message("error", self.tr("Could not load the alerts: %1").replace("%1", message))
        self.sig_load_failed.emit(message)

    def _show_headings(self, alerts: StockAlerts | None) -> None:
        def count(rows: list[object] | None) -> int:
            return len(rows) if rows is not None else 0

        headings = self.view.headings
        headings["low_stock"].setText(self.tr("Low stock (%n)", None, count(alerts and alerts.low_stock)))
        headings["reorder"].setText(self.tr("Reorder suggestions (%n)", None, count(alerts and alerts.reorder)))
        headings["expiring"].setText(
            self.tr("Lots expiring within %1 days (%n)", None, count(alerts and alerts.expiring)).replace(
                "%1", str(alerts.horizon_days if alerts else self.view.horizon.value())
            )
        )
        headings["blocked"].setText(self.tr("Expired or blocked lots (%n)", None, count(alerts and alerts.blocked)))
        total = alerts.count if alerts else 0
        self.view.summary.setText(self.tr("%n alert(s)", None, total) if alerts else "")
        self.view.set_tab_title(self.tab_title())

    def tab_title(self) -> str:
        if self.alerts is None:
            return self.tr("Alerts")
        return self.tr("Alerts (%1)").replace("%1", str(self.alerts.count))

    def _horizon_changed(self) -> None:
        if self.alerts is not None and self.view.horizon.value() != self.alerts.horizon_days:
            self.refresh()

    # -- thresholds -------------------------------------------------------------------------------

    def _picked(self, key: str, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        table = self.view.tables[key]
        proxy = table.model()
        assert isinstance(proxy, FilterProxyModel)
        row = self.models[key].rows[proxy.mapToSource(indexes[0]).row()]
        self.view.sku_field.setText(row.sku)
        if isinstance(row, LowStock):
            self.view.warehouse_field.setCurrentText(row.warehouse)
            self.view.threshold.setValue(row.threshold)

    def _sku_entered(self) -> None:
        if self.view.sku_field.text().strip():
            self.view.threshold.setFocus()
            self.view.threshold.selectAll()

    def set_threshold(self) -> Task | None:
        """Set the threshold typed for the SKU in the field; the lists reload after it is saved."""
        sku = self.view.sku_field.text().strip()
        if not sku:
            self.view.show_message("error", self.tr("Scan, type or pick a SKU first."))
            self.view.sku_field.setFocus()
            return None
        warehouse = self.view.warehouse_field.currentText() or self.context.settings.warehouse_code or None
        task = self.context.runner.submit(
            set_sku_threshold, self.context.database, sku, self.view.threshold.value(), warehouse, lane="db"
        )
        task.sig_finished.connect(self._threshold_set)
        task.sig_failed.connect(self._threshold_failed)
        return task

    def _threshold_set(self, result: ThresholdSet) -> None:
        text = self.tr("%1 in %2: alert when %3 or fewer units are free.")
        self.view.show_message(
            "success",
            text.replace("%1", result.sku).replace("%2", result.warehouse).replace("%3", str(result.threshold)),
        )
        self.view.sku_field.setFocus()
        self.view.sku_field.selectAll()
        self.sig_threshold_set.emit(result)
        self.refresh()

    def _threshold_failed(self, message: str) -> None:
        self.view.show_message("error", self.tr("Threshold not set: %1").replace("%1", message))
        self.view.sku_field.setFocus()
        self.view.sku_field.selectAll()
        self.sig_threshold_failed.emit(message)

    def focus(self) -> None:
        """The tab came on screen: the SKU field takes the keyboard; the lists load the first time."""
        self.view.sku_field.setFocus()
        if self.alerts is None and (self._task is None or self._task.done):
            self.refresh()


def build_alerts_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = AlertsView()
    controller = AlertsController(view, context, parent)
    return controller_tab("alerts", controller.tab_title(), view, controller, controller.refresh)
