"""Carriers and printers for the packing view: rate shopping, confirming, reprinting, voiding.

Confirming an order is a pipeline that can be retried from where it stopped, so a retry never
buys or prints twice:

1. buy the label (`purchase_label`, network lane; idempotent on the carrier's side too);
2. print it through the label printer's spooler (a held job prints once, when the printer is
   fixed), and the packing slip through the slip printer's (PDF; rendered on the network lane);
3. ship the order (`ship_order`, database lane) → `sig_order_shipped`.

Printing does not hold up shipping: the label is bought, so the parcel can leave as soon as the
label comes out; the done panel shows the print state live.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from station.api import Label, Rate, RateRequest
from station.config import Settings, StationPaths
from station.db.engine import Database
from station.hardware.documents import PackingSlipData
from station.hardware.printing.graphics import label_print_job
from station.pluginhost import PluginHost
from station.services.carriers import CarrierGateway
from station.services.dispatch import ParcelPlan, PurchasedLabel, ShippedOrder, purchase_label, ship_order, void_label
from station.services.labels import packing_slip_job
from station.services.packing_queries import BenchOrder, LabelOnRecord, last_label_on_record, packing_slip_data
from station.services.stock import Actor
from station.ui.controllers.packing_devices import PRINT_RETRY_INTERVAL_S, PrinterBridge, folder_url, open_printer
from station.ui.tasks import Task, TaskRunner

GatewayFactory = Callable[[PluginHost], CarrierGateway]
LABEL, SLIP = "label", "slip"


@dataclass
class Confirmation:
    """One order's confirm, remembered between retries."""

    bench: BenchOrder
    rate: Rate
    plans: list[ParcelPlan]
    serials: dict[int, list[str]]
    purchased: PurchasedLabel | None = None
    printing_started: bool = False
    shipped: ShippedOrder | None = None
    tickets: dict[str, int] = field(default_factory=dict)  # "label"/"slip" → spooler ticket id

    @property
    def order_id(self) -> int:
        return self.bench.order.order_id


class PackingDispatch(QObject):
    sig_rates_shopped = Signal(object)  # RateShop
    sig_rates_failed = Signal(str)
    sig_label_bought = Signal(object)  # PurchasedLabel
    sig_order_shipped = Signal(object)  # ShippedOrder
    sig_confirm_failed = Signal(str, str)  # stage ("label" or "ship"), message
    sig_print_changed = Signal(str, object)  # "label" or "slip", TicketEvent
    sig_print_failed = Signal(str, str)  # "label" or "slip", message: could not be sent at all
    sig_nothing_to_print = Signal(str)  # the carrier's label has no data (customer pickup): its code
    sig_label_voided = Signal(object)  # LabelOnRecord of the voided label
    sig_action_failed = Signal(str)  # reprint, void: message

    def __init__(
        self,
        database: Database,
        runner: TaskRunner,
        settings: Settings,
        paths: StationPaths,
        actor: Actor,
        packer: str,
        parent: QObject | None = None,
        *,
        gateway_factory: GatewayFactory | None = None,
        print_retry_interval_s: float = PRINT_RETRY_INTERVAL_S,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.settings = settings
        self.paths = paths
        self.actor = actor
        self.packer = packer
        self.gateway_factory = gateway_factory or (lambda host: CarrierGateway(host, settings.plugins))
        self.print_retry_interval_s = print_retry_interval_s
        self.host: PluginHost | None = None
        self.gateway: CarrierGateway | None = None
        self.printers: dict[str, PrinterBridge | None] = {LABEL: None, SLIP: None}
        self.printer_problems: dict[str, str] = {}

    # -- set-up ----------------------------------------------------------------------------------

    def set_plugin_host(self, host: PluginHost) -> None:
        self.shutdown()  # printers opened for an earlier host
        self.host = host
        self.gateway = self.gateway_factory(host)
        transports = host.printer_transports()
        devices, packing = self.settings.devices, self.settings.packing
        label_url = devices.printer_url or folder_url(self.paths.data_dir / "labels")
        slip_url = packing.slip_printer_url or folder_url(self.paths.data_dir / "slips")
        for kind, url, language in ((LABEL, label_url, devices.printer_language or "zpl"), (SLIP, slip_url, "pdf")):
            printer, problem = open_printer(url, transports, language=language, parent=self,
                                            retry_interval_s=self.print_retry_interval_s)
            self.printers[kind] = printer
            self.printer_problems[kind] = problem
            if printer is not None:
                printer.sig_ticket.connect(lambda event, kind=kind: self.sig_print_changed.emit(kind, event))

    @property
    def ready(self) -> bool:
        return self.gateway is not None

    def carrier_titles(self) -> dict[str, str]:
        if self.host is None:
            return {}
        return {name: getattr(carrier, "title", name) for name, carrier in self.host.carriers().items()}

    def shutdown(self) -> None:
        for kind, printer in self.printers.items():
            if printer is not None:
                printer.stop()
            self.printers[kind] = None

    # -- rates -------------------------------------------------------------------------------------

    def shop(self, request: RateRequest, service_level: str) -> Task | None:
        if self.gateway is None:
            return None
        task = self.runner.submit(self.gateway.shop, request, service_level, lane="net")
        task.sig_finished.connect(self.sig_rates_shopped)
        task.sig_failed.connect(self.sig_rates_failed)
        return task

    # -- confirming --------------------------------------------------------------------------------

    def confirm(self, job: Confirmation) -> None:
        """Run (or resume) the pipeline for `job`; progress comes back by signal."""
        if job.purchased is None:
            self._buy(job)
        elif job.shipped is None:
            self._print_and_ship(job)

    def _buy(self, job: Confirmation) -> None:
        assert self.gateway is not None
        label_format = self.settings.devices.printer_language or "zpl"
        task = self.runner.submit(
            _purchase, self.database, self.gateway, job.order_id, job.rate, job.plans, label_format, lane="net"
        )

        def bought(purchased: PurchasedLabel) -> None:
            job.purchased = purchased
            self.sig_label_bought.emit(purchased)
            self._print_and_ship(job)

        task.sig_finished.connect(bought)
        task.sig_failed.connect(lambda message: self.sig_confirm_failed.emit(LABEL, message))

    def _print_and_ship(self, job: Confirmation) -> None:
        assert job.purchased is not None and self.host is not None
        if not job.printing_started:
            job.printing_started = True
            self.print_label(job.purchased.label, job.bench.order.number, job)
            self._print_slip(job)
        task = self.runner.submit(_ship, self.database, self.host, job, self.actor, self.packer, lane="db")

        def shipped(result: ShippedOrder) -> None:
            job.shipped = result
            self.sig_order_shipped.emit(result)

        task.sig_finished.connect(shipped)
        task.sig_failed.connect(lambda message: self.sig_confirm_failed.emit("ship", message))

    def print_label(self, label: Label, order_number: str, job: Confirmation | None = None) -> None:
        if not label.data:
            self.sig_nothing_to_print.emit(label.tracking_number)
            return
        printer = self.printers[LABEL]
        if printer is None:
            self.sig_print_failed.emit(LABEL, self.printer_problems.get(LABEL, ""))
            return
        title = f"{order_number} {label.tracking_number}"
        packing = self.settings.packing
        task = self.runner.submit(
            _submit_label, printer, label, title, packing.label_dpi, packing.label_size, lane="net"
        )
        if job is not None:
            task.sig_finished.connect(lambda ticket_id: job.tickets.__setitem__(LABEL, ticket_id))
        task.sig_failed.connect(lambda message: self.sig_print_failed.emit(LABEL, message))

    def _print_slip(self, job: Confirmation) -> None:
        printer = self.printers[SLIP]
        if printer is None:
            self.sig_print_failed.emit(SLIP, self.printer_problems.get(SLIP, ""))
            return
        data = self.runner.submit(_slip_data, self.database, job.order_id, lane="db")

        def render(slip: PackingSlipData) -> None:
            task = self.runner.submit(_submit_slip, printer, slip, lane="net")
            task.sig_finished.connect(lambda ticket_id: job.tickets.__setitem__(SLIP, ticket_id))
            task.sig_failed.connect(lambda message: self.sig_print_failed.emit(SLIP, message))

        data.sig_finished.connect(render)
        data.sig_failed.connect(lambda message: self.sig_print_failed.emit(SLIP, message))

    # -- reprint and void --------------------------------------------------------------------------

    def find_label(self, order_id: int) -> Task:
        """The order's newest bought label (LabelOnRecord or None), from the database lane."""
        return self.runner.submit(last_label_on_record, self.database, order_id)

    def reprint(self, record: LabelOnRecord) -> None:
        self.print_label(record.label, record.order_number)

    def void(self, record: LabelOnRecord) -> None:
        assert self.gateway is not None
        task = self.runner.submit(_void, self.database, self.gateway, record, self.actor, lane="net")
        task.sig_finished.connect(self.sig_label_voided)
        task.sig_failed.connect(self.sig_action_failed)


# -- the work itself, on the lanes (no Qt) ---------------------------------------------------------


def _purchase(database, gateway, order_id, rate, plans, label_format) -> PurchasedLabel:
    return purchase_label(database, gateway, order_id, rate, plans, label_format=label_format)


def _ship(database: Database, host: PluginHost, job: Confirmation, actor: Actor, packer: str) -> ShippedOrder:
    assert job.purchased is not None
    return ship_order(
        database, host, job.order_id, job.purchased.shipment_id,
        bench_location_id=job.bench.bench_location_id, serials=job.serials, actor=actor, packer=packer,
    )


def _slip_data(database: Database, order_id: int) -> PackingSlipData:
    return packing_slip_data(database, order_id, packed_at=datetime.now(UTC))


def _submit_label(printer: PrinterBridge, label: Label, title: str, dpi: int, size: str) -> int:
    job = label_print_job(label, language=printer.language, dpi=dpi, size=size, title=title)
    return printer.submit(job).id


def _submit_slip(printer: PrinterBridge, slip: PackingSlipData) -> int:
    return printer.submit(packing_slip_job(slip)).id


def _void(database: Database, gateway: CarrierGateway, record: LabelOnRecord, actor: Actor) -> LabelOnRecord:
    void_label(database, gateway, record.shipment_id, actor=actor)
    return record
