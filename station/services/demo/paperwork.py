"""Payments (and refunds of cancelled paid orders) and shipments with packages and tracking events
for the demo orders."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta

from station.db.models import (
    Order,
    Package,
    Payment,
    PaymentStatus,
    Refund,
    RefundStatus,
    Shipment,
    ShipmentStatus,
    TrackingEvent,
)
from station.domain.orders import OrderState
from station.services.demo.context import DemoContext
from station.services.demo.orders import OrderPlan
from station.services.demo.people import SANTIAGO

CARRIERS = (("chilexpress", 35), ("starken", 25), ("blueexpress", 25), ("correoschile", 15))
BOXES = (  # code, inner dimensions (mm), tare (g)
    ("SOBRE-M", (350, 250, 40), 30),
    ("CAJA-S", (250, 200, 100), 120),
    ("CAJA-M", (350, 250, 150), 200),
    ("CAJA-L", (450, 350, 250), 350),
    ("CAJA-XL", (600, 400, 400), 600),
)
WAREHOUSE_PLACE = "Centro de distribución Pudahuel"


@dataclass
class Paperwork:
    ctx: DemoContext
    variants: dict[int, tuple[int, int]]  # variant id -> (weight g, volume mm³)
    payments: int = 0
    refunds: int = 0
    shipments: list[tuple[Shipment, Order]] = field(default_factory=list)

    def record_payment(self, order: Order, plan: OrderPlan) -> None:
        """Paid orders carry the channel's payment; a cancelled paid order was refunded in full."""
        if not plan.paid:
            return
        rng = self.ctx.rng
        plugin = plan.channel.spec.plugin
        if plugin == "mercadolibre":
            gateway = "mercadopago"
        elif plugin == "shopify":
            gateway = "webpay" if rng.random() < 0.6 else "mercadopago"
        else:
            gateway = "manual"  # the marketplace collects and settles with the client
        external_id = {
            "mercadopago": str(rng.randint(10**10, 10**11 - 1)),
            "webpay": f"{rng.getrandbits(128):032x}",
            "manual": None,
        }[gateway]
        refunded = plan.final is OrderState.CANCELLED
        payment = Payment(
            tenant_id=order.tenant_id,
            order_id=order.id,
            gateway=gateway,
            external_id=external_id,
            amount=order.total,
            currency=order.currency,
            status=PaymentStatus.REFUNDED if refunded else PaymentStatus.PAID,
            idempotency_key=f"demo-payment-{order.number}",
            created_at=order.placed_at + timedelta(minutes=rng.randint(1, 20)),
        )
        self.ctx.session.add(payment)
        self.payments += 1
        if refunded:
            self.ctx.session.flush()
            self.ctx.session.add(
                Refund(
                    tenant_id=order.tenant_id,
                    payment_id=payment.id,
                    amount=order.total,
                    reason="Pedido anulado",
                    status=RefundStatus.SUCCEEDED,
                    external_id=None if gateway == "manual" else f"R{rng.randint(10**9, 10**10 - 1)}",
                    idempotency_key=f"demo-refund-{order.number}",
                    created_at=payment.created_at + timedelta(hours=rng.randint(2, 30)),
                )
            )
            self.refunds += 1

    def plan_shipment(self, order: Order, plan: OrderPlan) -> None:
        if plan.final not in (OrderState.SHIPPED, OrderState.DELIVERED):
            return
        rng = self.ctx.rng
        carrier = rng.choices([c for c, _ in CARRIERS], weights=[w for _, w in CARRIERS])[0]
        shipped_at = order.placed_at + timedelta(hours=rng.randint(18, 28))
        shipment = Shipment(
            tenant_id=order.tenant_id,
            order_id=order.id,
            carrier=carrier,
            service_code=order.service_level,
            status=ShipmentStatus.DELIVERED if plan.final is OrderState.DELIVERED else ShipmentStatus.SHIPPED,
            tracking_number=_tracking_number(carrier, rng),
            price=(2490 if order.ship_region == SANTIAGO else 4290) + (1500 if order.service_level == "express" else 0),
            currency="CLP",
            label_format="zpl",
            idempotency_key=f"demo-label-{order.number}",
            shipped_at=shipped_at,
            created_at=shipped_at - timedelta(hours=2),
        )
        self.shipments.append((shipment, order))

    def write_shipments(self) -> None:
        """Shipments first (for their ids), then one package and the tracking history of each."""
        self.ctx.session.add_all(shipment for shipment, _ in self.shipments)
        self.ctx.session.flush()
        for shipment, order in self.shipments:
            events = self._events(shipment, order)
            self.ctx.session.add(self._package(shipment, order))
            self.ctx.session.add_all(events)
            order.updated_at = max(event.at for event in events)
        self.ctx.session.flush()

    def _package(self, shipment: Shipment, order: Order) -> Package:
        weight = sum(self.variants[line.variant_id][0] * line.quantity for line in order.lines)
        volume = sum(self.variants[line.variant_id][1] * line.quantity for line in order.lines)
        code, dims, tare = next((box for box in BOXES if box[1][0] * box[1][1] * box[1][2] >= volume * 1.3), BOXES[-1])
        expected = weight + tare
        return Package(
            shipment_id=shipment.id,
            sequence=1,
            box_code=code,
            length_mm=dims[0],
            width_mm=dims[1],
            height_mm=dims[2],
            expected_weight_g=expected,
            measured_weight_g=expected + self.ctx.rng.randint(-15, 25),
            tracking_number=shipment.tracking_number,
        )

    def _events(self, shipment: Shipment, order: Order) -> list[TrackingEvent]:
        assert shipment.shipped_at is not None
        start = shipment.shipped_at
        steps = [
            (start - timedelta(hours=2), "label_created", "Etiqueta emitida", WAREHOUSE_PLACE),
            (start, "picked_up", "Retirado por el transportista", WAREHOUSE_PLACE),
            (
                start + timedelta(hours=9),
                "in_transit",
                f"En tránsito hacia {order.ship_comuna}",
                "Centro de distribución",
            ),
        ]
        if shipment.status is ShipmentStatus.DELIVERED:
            out = start + timedelta(days=1 if order.ship_region == SANTIAGO else 2, hours=self.ctx.rng.randint(0, 3))
            first_name = order.customer_name.split()[0]
            steps += [
                (out, "out_for_delivery", "En reparto", order.ship_comuna),
                (
                    out + timedelta(hours=self.ctx.rng.randint(1, 8)),
                    "delivered",
                    f"Entregado a {first_name}",
                    order.ship_comuna,
                ),
            ]
        return [
            TrackingEvent(shipment_id=shipment.id, at=at, status=status, description=text, location=place)
            for at, status, text, place in steps
            if at <= self.ctx.now  # nothing from the future
        ]


def _tracking_number(carrier: str, rng: random.Random) -> str:
    if carrier == "correoschile":
        return f"CH{rng.randint(10**8, 10**9 - 1)}CL"
    digits = 12 if carrier == "chilexpress" else 10
    return str(rng.randint(10 ** (digits - 1), 10**digits - 1))
