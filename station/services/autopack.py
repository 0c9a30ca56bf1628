"""Packing an order with simulated scans but real device protocols: what `station demo --headless`
runs, and what the label benchmark measures. Every step is the one the packing view takes."""

from __future__ import annotations

import time
from dataclasses import dataclass

from station.api import RateRequest, ScaleState
from station.config import Settings
from station.db.engine import Database
from station.db.models import Order
from station.domain.packing import suggest_box
from station.domain.weights import WeightTolerance
from station.hardware.printing.graphics import label_print_job
from station.hardware.printing.spooler import PrintSpooler, TicketState
from station.hardware.scale.device import ScaleDevice
from station.hardware.scale.simulator import ScaleSimulator
from station.services.addresses import destination_address, origin_address, parcels_for
from station.services.carriers import CarrierGateway
from station.services.dispatch import ParcelPlan, purchase_label, ship_order
from station.services.labels import packing_slip_data, packing_slip_job
from station.services.packing import PackingError, PackingSession, bench_location, load_order, package_types
from station.services.stock import Actor

PRINT_TIMEOUT_S = 30.0
STABLE_WEIGHT_TRIES = 25


@dataclass(frozen=True)
class AutoPacked:
    order_number: str
    items: int
    weight_g: int
    box: str
    carrier: str
    service: str
    price: int
    currency: str
    tracking_number: str
    notes: tuple[str, ...]


class Bench:
    """The devices and connections one bench packs with."""

    def __init__(
        self,
        database: Database,
        gateway: CarrierGateway,
        settings: Settings,
        label_spooler: PrintSpooler,
        slip_spooler: PrintSpooler,
        scale: ScaleDevice,
        scale_simulator: ScaleSimulator | None,
        actor: Actor,
    ) -> None:
        self.database, self.gateway, self.settings = database, gateway, settings
        self.label_spooler, self.slip_spooler = label_spooler, slip_spooler
        self.scale, self.scale_simulator, self.actor = scale, scale_simulator, actor
        with database.unit_of_work() as uow:
            self.bench_id = bench_location(uow.session, settings.packing.bench).id
            self.boxes = package_types(uow.session)

    def pack(self, order_id: int, *, packer: str) -> AutoPacked:
        notes: list[str] = []
        with self.database.unit_of_work() as uow:
            session = PackingSession(load_order(uow.session, order_id, bench_location_id=self.bench_id))
        for line in session.order.lines:  # the simulated scans: a barcode, then its serial if tracked
            for _ in range(line.expected):
                session.scan(sorted(line.codes)[0])
                if session.awaiting_serial is not None:
                    free = sorted(line.serials_in_stock - set(line.serials))
                    if not free:
                        raise PackingError(f"{line.sku}: no serial number in stock to scan")
                    session.scan_serial(free[0])
        suggestion = suggest_box(session.item_sizes(), self.boxes)
        box = suggestion.box or (self.boxes[-1] if self.boxes else None)
        if box is None:
            raise PackingError("No package types are set up")
        if suggestion.box is None:
            notes.append(f"no box fits ({suggestion.reason}); used {box.name}")
        expected = session.items_weight_g() + box.tare_g
        measured = self._weigh(expected)
        tolerance = WeightTolerance(self.settings.packing.tolerance_basis_points, self.settings.packing.tolerance_g)
        check = session.check_weight(measured, box.tare_g, tolerance)
        if not check.ok:
            notes.append(f"weight acknowledged: {check.message}")
        plans = [ParcelPlan(box.code, box.length_mm, box.width_mm, box.height_mm, measured, expected)]

        with self.database.unit_of_work() as uow:
            order = uow.session.get(Order, order_id)
            request = RateRequest(
                origin=origin_address(uow.session, order), destination=destination_address(order), parcels=parcels_for(plans)
            )
        shop = self.gateway.shop(request, session.order.service_level)
        if shop.chosen is None:
            problems = "; ".join(f"{name}: {message}" for name, message in shop.problems.items())
            raise PackingError(f"{shop.reason}. {problems}".strip())
        bought = purchase_label(self.database, self.gateway, order_id, shop.chosen, plans)
        tickets = []
        if bought.label.data:  # empty: nothing to print (customer pickup); the tracking number is shown
            packing = self.settings.packing
            tickets.append(
                self.label_spooler.submit(
                    label_print_job(
                        bought.label, language=self.settings.devices.printer_language, dpi=packing.label_dpi,
                        size=packing.label_size, title=f"{session.order.number} {bought.label.tracking_number}",
                    )
                )
            )
        with self.database.unit_of_work() as uow:
            tickets.append(self.slip_spooler.submit(packing_slip_job(packing_slip_data(uow.session, order_id))))
        for ticket in tickets:
            state = ticket.wait(PRINT_TIMEOUT_S)
            if state != TicketState.PRINTED:
                event = ticket.event()
                why = "; ".join(event.problems) or event.error or f"still {state.value} after {PRINT_TIMEOUT_S:.0f} s"
                notes.append(f"{event.title} not printed: {why}")
        shipped = ship_order(
            self.database, self.gateway.host, order_id, bought.shipment_id,
            bench_location_id=self.bench_id, serials={line.line_id: line.serials for line in session.order.lines},
            actor=self.actor, packer=packer,
        )
        return AutoPacked(
            order_number=shipped.order_number,
            items=sum(line.expected for line in session.order.lines),
            weight_g=measured,
            box=box.code,
            carrier=shop.chosen.carrier,
            service=shop.chosen.service_name,
            price=shop.chosen.price.amount,
            currency=shop.chosen.price.currency,
            tracking_number=shipped.tracking_number,
            notes=tuple(notes),
        )

    def _weigh(self, expected_g: int) -> int:
        """Put the parcel on the (simulated) scale and read until the weight is stable."""
        if self.scale_simulator is not None:
            self.scale_simulator.set_weight(expected_g, stable=True)
        for _ in range(STABLE_WEIGHT_TRIES):
            reading = self.scale.read()
            if reading.state == ScaleState.STABLE and reading.weight_g is not None:
                return reading.weight_g
            time.sleep(0.1)  # a real scale settles within a second or two
        raise PackingError(f"The scale on {self.settings.devices.scale_url} gave no stable weight: {reading.message or reading.state}")
