"""~200 demo orders over the channels: Chilean customers and addresses, lines drawn from each
channel's listings, CLP totals that add up, and a spread of states from new to delivered."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from station.db.models import LocationKind, Order, OrderLine
from station.domain.orders import OrderState
from station.services.demo.catalog import Sku
from station.services.demo.channels import ChannelPlan
from station.services.demo.context import DemoContext
from station.services.demo.inventory import StockBook
from station.services.demo.people import SANTIAGO, Address, random_address, random_customer

S = OrderState
MAIN_LINE = (S.NEW, S.PAID, S.ALLOCATED, S.PICKING, S.PICKED, S.PACKED, S.SHIPPED, S.DELIVERED)
# How many orders end in each state, and how long ago (days) they were placed.
STATE_PLAN: tuple[tuple[OrderState, int, float, float], ...] = (
    (S.DELIVERED, 44, 5, 30),
    (S.SHIPPED, 30, 1.2, 4),
    (S.PACKED, 14, 0.2, 1.2),
    (S.PICKED, 6, 0.1, 0.8),
    (S.PICKING, 12, 0.05, 0.5),
    (S.ALLOCATED, 30, 0.05, 1.5),
    (S.PAID, 24, 0.02, 0.6),
    (S.NEW, 20, 0.0, 0.3),
    (S.ON_HOLD, 9, 0.5, 5),
    (S.CANCELLED, 11, 1, 20),
)
HELD_FROM = ((S.NEW, 2), (S.PAID, 3), (S.ALLOCATED, 3), (S.PACKED, 1))
CANCELLED_FROM = ((S.NEW, 4), (S.PAID, 3), (S.ALLOCATED, 3))
HOLD_REASONS = (
    "Dirección incompleta: falta el número de departamento",
    "Pago en revisión por el equipo antifraude",
    "La clienta pidió cambiar la talla antes del despacho",
    "Comuna fuera de cobertura del courier elegido",
    "RUT de facturación no coincide con el del comprador",
    "Cliente pidió retener el despacho hasta el lunes",
)
FIRST_NUMBER = 1201
SHIPPING_FEES = {  # (Santiago?, service level) -> CLP the shopper pays
    (True, "standard"): 2990,
    (True, "express"): 4990,
    (False, "standard"): 4990,
    (False, "express"): 7990,
}


@dataclass
class OrderPlan:
    final: OrderState
    reached: OrderState  # furthest state on the main line (held from, or cancelled from)
    channel: ChannelPlan
    placed_at: datetime

    @property
    def holds_stock(self) -> bool:
        """Whether units were reserved for the order at some point."""
        return MAIN_LINE.index(self.reached) >= MAIN_LINE.index(S.ALLOCATED)

    @property
    def paid(self) -> bool:
        return MAIN_LINE.index(self.reached) >= MAIN_LINE.index(S.PAID)


def plan_orders(ctx: DemoContext, channels: list[ChannelPlan]) -> list[OrderPlan]:
    rng = ctx.rng
    weights = [plan.spec.order_weight for plan in channels]
    plans: list[OrderPlan] = []
    for state, count, oldest, newest in STATE_PLAN:
        for _ in range(count):
            reached = state
            if state is S.ON_HOLD:
                reached = _weighted(rng, HELD_FROM)
            elif state is S.CANCELLED:
                reached = _weighted(rng, CANCELLED_FROM)
            channel = rng.choices(channels, weights=weights)[0]
            placed_at = ctx.ago(days=rng.uniform(min(oldest, newest), max(oldest, newest)), minutes=1)
            plans.append(OrderPlan(state, reached, channel, placed_at))
    plans.sort(key=lambda p: p.placed_at)
    return plans


def _weighted(rng: random.Random, options: tuple[tuple[OrderState, int], ...]) -> OrderState:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def external_order_id(plugin: str, rng: random.Random) -> str:
    """An order id in the channel's own style."""
    if plugin == "mercadolibre":
        return str(2_000_000_000_000_000 + rng.randrange(10**13))
    if plugin == "shopify":
        return str(rng.randint(5 * 10**12, 6 * 10**12))
    if plugin == "falabella":
        return str(rng.randint(10**8, 10**9 - 1))
    return str(rng.randint(10**9, 2 * 10**9))


def shipping_fee(region: str, service_level: str, subtotal: int, free_from: int) -> int:
    if subtotal >= free_from and service_level == "standard":
        return 0
    return SHIPPING_FEES[(region == SANTIAGO, service_level)]


def build_order(ctx: DemoContext, plan: OrderPlan, number: int, external_id: str, book: StockBook) -> Order:
    """An Order with its lines (not yet added to the session); its state is the planned final one."""
    rng = ctx.rng
    customer, address = random_customer(rng), random_address(rng)
    express_odds = 0.3 if address.region == SANTIAGO else 0.1
    service_level = "express" if rng.random() < express_odds else "standard"
    lines = [
        OrderLine(
            tenant_id=sku.variant.tenant_id,
            variant_id=sku.variant.id,
            sku=sku.variant.sku,
            title=sku.variant.name,
            quantity=quantity,
            unit_price=sku.variant.price,
        )
        for sku, quantity in choose_lines(rng, plan, book)
    ]
    subtotal = sum(line.quantity * line.unit_price for line in lines)
    shipping = shipping_fee(address.region, service_level, subtotal, plan.channel.spec.free_shipping_from)
    discount = 0
    if plan.channel.spec.plugin == "shopify" and rng.random() < 0.15:
        discount = subtotal // 100 * 10  # a 10 % coupon, in whole tens of pesos
    order = Order(
        tenant_id=plan.channel.channel.tenant_id,
        number=f"JLS-{number:06d}",
        channel_id=plan.channel.channel.id,
        external_id=external_id,
        state=plan.final,
        held_from=plan.reached if plan.final is S.ON_HOLD else None,
        hold_reason=rng.choice(HOLD_REASONS) if plan.final is S.ON_HOLD else None,
        customer_name=customer.name,
        customer_rut=customer.rut,
        email=customer.email,
        phone=customer.phone,
        service_level=service_level,
        currency="CLP",
        subtotal=subtotal,
        shipping=shipping,
        discount=discount,
        total=subtotal + shipping - discount,
        placed_at=plan.placed_at,
        created_at=plan.placed_at + timedelta(minutes=rng.randint(1, 5)),
        updated_at=plan.placed_at,
        lines=lines,
    )
    _ship_to(order, address)
    return order


def _ship_to(order: Order, address: Address) -> None:
    order.ship_street = address.street
    order.ship_number = address.number
    order.ship_extra = address.extra
    order.ship_comuna = address.comuna
    order.ship_region = address.region


def choose_lines(rng: random.Random, plan: OrderPlan, book: StockBook) -> list[tuple[Sku, int]]:
    """1-4 distinct SKUs the channel sells, popular ones more often, each in stock in one bin."""
    candidates = plan.channel.sellable
    weights = [sku.popularity for sku in candidates]
    wanted = rng.choices((1, 2, 3, 4), weights=(55, 28, 12, 5))[0]
    chosen: list[tuple[Sku, int]] = []
    for _ in range(60):
        if len(chosen) == wanted:
            break
        sku = rng.choices(candidates, weights=weights)[0]
        if any(sku is taken for taken, _ in chosen):
            continue
        food = sku.segment == "food"
        quantity = rng.choices((1, 2, 3), weights=(60, 30, 10) if food else (85, 12, 3))[0]
        if book.available(sku.variant.id) < quantity:
            continue
        if book.quant_with(sku.variant.id, quantity, (LocationKind.PICK_FACE, LocationKind.STORAGE)) is None:
            continue
        chosen.append((sku, quantity))
    if not chosen:
        raise RuntimeError(f"no stock left to make a demo order on {plan.channel.spec.name}")
    return chosen
