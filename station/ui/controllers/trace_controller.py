"""The "Trace" tab: a scan (GS1-128 with a lot or serial, a lot code, "SKU LOT", a serial number or an
order number) → where it came from and where it went.

The look-up runs on the database lane; `resolve_trace` decides what the scan is. Moves the service
could only infer (a serial's receipt, its order's moves) are marked and explained.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from station.config import Settings
from station.db.engine import Database
from station.domain.orders import OrderState
from station.services.movement_queries import TraceAnswer, resolve_trace
from station.services.traceability import TraceError
from station.ui.controllers.inventory_tab import InventoryContext, InventoryTab, controller_tab
from station.ui.controllers.locations_controller import NotFound, scanner_for
from station.ui.labels import format_local_time, order_state_label
from station.ui.models.rows_model import units
from station.ui.models.trace_model import LeftModel, ShippedModel, TimelineModel, left_rows, shipped_rows, timeline_rows
from station.ui.tasks import Task, TaskRunner
from station.ui.views.locations_view import fit_columns, fit_height
from station.ui.views.trace_view import TraceView

LOT_COLUMN, NOTE_COLUMN = 5, 7  # of the timeline
SUMMARY_ROWS = 5  # the orders table grows to this many rows, then scrolls


def look_up(database: Database, scan: str, sku: str) -> TraceAnswer | NotFound:
    with database.unit_of_work() as uow:
        try:
            return resolve_trace(uow.session, scan, sku=sku)
        except TraceError as exc:
            return NotFound(str(exc))


class TraceController(QObject):
    sig_traced = Signal(object)  # the TraceAnswer shown
    sig_not_found = Signal(str)  # the message shown

    def __init__(
        self, view: TraceView, database: Database, runner: TaskRunner, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.database = database
        self.runner = runner
        self.answer: TraceAnswer | None = None
        self._last: tuple[str, str] | None = None
        self._task: Task | None = None
        self.timeline_model = TimelineModel(self)
        self.shipped_model = ShippedModel(self)
        self.left_model = LeftModel(self)
        view.timeline.setModel(self.timeline_model)
        view.timeline.setSortingEnabled(False)  # a timeline reads in time order
        view.summary_table.setSortingEnabled(False)
        self.scanner = scanner_for(settings, self)
        view.scan_field.installEventFilter(self.scanner)  # the SKU field is typed into
        self.scanner.sig_scanned.connect(self.scan)
        view.scan_field.returnPressed.connect(lambda: self.trace(view.scan_field.text(), view.sku_field.text()))
        view.sku_field.returnPressed.connect(lambda: self.trace(view.scan_field.text(), view.sku_field.text()))
        view.trace_button.clicked.connect(lambda: self.trace(view.scan_field.text(), view.sku_field.text()))
        view.heading.setText(self.tr("Scan a lot, a serial number or an order number."))
        view.facts.setText(
            self.tr(
                "A lot's GS1-128 label carries its product and lot; a lot code typed alone needs its SKU when several SKUs use it."
            )
        )

    # -- what the user does ---------------------------------------------------------------------

    def focus(self) -> None:
        self.view.scan_field.setFocus()
        self.view.scan_field.selectAll()

    def scan(self, code: str) -> Task | None:
        """A scanner's burst: a GS1 label, a serial or an order number, traced at once."""
        self.view.scan_field.setText(code.strip())
        self.view.scan_field.setFocus()
        return self.trace(code, self.view.sku_field.text())

    def trace(self, scan: str, sku: str = "") -> Task | None:
        scan, sku = scan.strip(), sku.strip()
        if not scan:
            self.view.show_message(
                self.tr("Scan or type a lot, a serial number or an order number first."), "errorMessage"
            )
            return None
        if self.view.scan_field.text() != scan:
            self.view.scan_field.setText(scan)
        if self.view.sku_field.text() != sku:
            self.view.sku_field.setText(sku)
        self._last = (scan, sku)
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self.view.clear_message()
        self.view.heading.setText(self.tr("Tracing %1…").replace("%1", scan))
        self.view.facts.clear()
        task = self.runner.submit(look_up, self.database, scan, sku, lane="db")
        task.sig_finished.connect(self._show)
        task.sig_failed.connect(self._failed)
        self._task = task
        return task

    def refresh(self) -> Task | None:
        return self.trace(*self._last) if self._last else None

    # -- results --------------------------------------------------------------------------------

    def _show(self, answer: TraceAnswer | NotFound) -> None:
        self.view.scan_field.selectAll()  # the next scan replaces this one
        if isinstance(answer, NotFound):
            self.answer = None
            self.view.heading.clear()
            self.view.facts.clear()
            self.view.show_tables(False)
            self.view.show_message(answer.message, "errorMessage")
            self.sig_not_found.emit(answer.message)
            return
        self.answer = answer
        heading, facts = {"lot": self._lot, "serial": self._serial, "order": self._order}[answer.kind](answer)
        self.view.heading.setText(heading)
        self.view.facts.setText(facts)
        self.timeline_model.set_rows(timeline_rows(answer))
        if answer.kind == "order":
            self.left_model.set_rows(left_rows(answer))
            self.view.summary_table.setModel(self.left_model)
            self.view.summary_title.setText(self.tr("Left in this order"))
            count = self.left_model.rowCount()
        else:
            self.shipped_model.set_rows(shipped_rows(answer))
            self.view.summary_table.setModel(self.shipped_model)
            self.view.summary_title.setText(self.tr("Shipped in"))
            count = self.shipped_model.rowCount()
        self.view.show_tables(True)
        self.view.summary_table.setVisible(count > 0)
        if count == 0:
            self.view.summary_title.setText(
                self.tr("Nothing has left in an order yet.")
                if answer.kind != "order"
                else self.tr("Nothing has left in this order.")
            )
        fit_columns(self.view.summary_table, stretch_column=self.view.summary_table.model().columnCount() - 1)
        fit_height(self.view.summary_table, max(1, min(count, SUMMARY_ROWS)))
        # Room for the details: a lot's own code and an empty "inferred" column say nothing.
        self.view.timeline.setColumnHidden(LOT_COLUMN, answer.kind == "lot")
        self.view.timeline.setColumnHidden(NOTE_COLUMN, not answer.inferred)
        fit_columns(self.view.timeline, stretch_column=self.timeline_model.columnCount() - 1, widest=220, air=4)
        if answer.inferred:
            self.view.show_message(
                self.tr(
                    "Moves marked “inferred” do not carry this serial number in the ledger: its receipt is the inbound "
                    "move of its SKU recorded together with it, and its order's moves are that order's moves of its SKU."
                )
            )
        self.sig_traced.emit(answer)

    def _received_from(self, answer: TraceAnswer) -> str:
        return "; ".join(
            self.tr("received on PO %1 from %2 (%3)")
            .replace("%1", po.number)
            .replace("%2", po.supplier)
            .replace("%3", format_local_time(po.created_at).split(" ")[0])
            for po in answer.purchase_orders.values()
        )

    def _lot(self, answer: TraceAnswer) -> tuple[str, str]:
        lot = answer.lot
        assert lot is not None
        heading = self.tr("Lot %1 of %2").replace("%1", lot.lot).replace("%2", lot.sku)
        if lot.expires_on:
            heading += " · " + self.tr("expires %1").replace("%1", lot.expires_on.isoformat())
        facts = (
            self.tr("Received %1 · shipped %2 · on hand %3")
            .replace("%1", units(lot.received))
            .replace("%2", units(lot.shipped))
            .replace("%3", units(lot.on_hand))
        )
        received = self._received_from(answer)
        return heading, facts + (" · " + received if received else "")

    def _serial(self, answer: TraceAnswer) -> tuple[str, str]:
        unit = answer.serial
        assert unit is not None
        heading = self.tr("Serial number %1 of %2").replace("%1", unit.serial).replace("%2", unit.sku)
        if unit.order:
            where = self.tr("left in order %1 to %2").replace("%1", unit.order).replace("%2", unit.customer or "")
        elif unit.location:
            where = self.tr("now in %1").replace("%1", unit.location)
        else:
            where = self.tr("not in any location")
        received = self._received_from(answer)
        return heading, where + (" · " + received if received else "")

    def _order(self, answer: TraceAnswer) -> tuple[str, str]:
        order = answer.order
        assert order is not None
        heading = (
            self.tr("Order %1 (%2) for %3")
            .replace("%1", order.order)
            .replace("%2", order_state_label(OrderState(order.state)))
            .replace("%3", order.customer)
        )
        facts = [part for part in (order.customer_rut, order.comuna) if part]
        facts += [self._shipment(shipment) for shipment in order.shipments]
        if not order.shipments:
            facts.append(self.tr("no shipment yet"))
        return heading, " · ".join(facts)

    def _shipment(self, shipment: dict[str, str | None]) -> str:
        """Carrier, tracking number, status and ship date of one of the order's shipments."""
        parts = [part for part in (shipment.get("carrier"), shipment.get("tracking_number")) if part]
        status = shipment.get("status") or ""
        shipped = shipment.get("shipped_at")
        if shipped:
            status += ", " + self.tr("shipped %1").replace("%1", format_local_time(datetime.fromisoformat(shipped)))
        return " ".join(parts) + (f" ({status})" if status else "")

    def _failed(self, message: str) -> None:
        self.view.heading.clear()
        self.view.show_message(self.tr("Could not trace it: %1").replace("%1", message), "errorMessage")


def build_trace_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = TraceView()
    controller = TraceController(view, context.database, context.runner, context.settings, parent)
    title = QCoreApplication.translate("TraceController", "Trace")
    return controller_tab("trace", title, view, controller, controller.refresh)
