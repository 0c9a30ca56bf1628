"""Open purchase orders of the demo: goods on their way to SCL-1, ready to be received at the dock.

Three orders in state ``ordered``: apparel for the retail client, lot-tracked food (with expiry) for
the food client, and a small mixed one with a serial-tracked electronics item. Every SKU on them is a
real catalogue SKU that already has stock (so the demo's "every unit came in through a received
order" stays true), each with its EAN-13 (a GTIN: its GS1-128 form carries lot, expiry and count).

This step draws from its own ``random.Random(seed + 1000)``, never from the shared one, so adding it
changed none of the demo's other data.
"""

from __future__ import annotations

import random
import re
from datetime import timedelta

from sqlalchemy import select

from station.db.models import PurchaseOrder, PurchaseOrderLine, PurchaseOrderStatus, Tracking
from station.services.demo.catalog import Sku
from station.services.demo.context import DemoContext
from station.services.demo.warehouse import WarehouseLayout

_NUMBER = re.compile(r"^OC-\d{4}-(\d+)$")
# (segment, tracking wanted, lines): one order each; a segment may be topped up with others.
PLANS = (
    (("apparel",), Tracking.NONE, 6),
    (("food",), Tracking.LOT, 4),
    (("electronics", "apparel"), None, 3),
)
PACKS = (6, 6, 12, 12, 12, 24, 24, 36, 48)


def create_open_purchase_orders(ctx: DemoContext, layout: WarehouseLayout, skus: list[Sku], seed: int) -> None:
    rng = random.Random(seed + 1000)
    session = ctx.session
    session.flush()
    received = set(session.scalars(select(PurchaseOrderLine.variant_id).where(PurchaseOrderLine.quantity_received > 0)))
    numbers = [_NUMBER.match(number) for number in session.scalars(select(PurchaseOrder.number))]
    next_number = max((int(match.group(1)) for match in numbers if match), default=0) + 1
    for segments, tracking, count in PLANS:
        stocked = [s for s in skus if s.segment in segments and s.variant.id in received]
        picked = _pick(rng, stocked, tracking, count)
        if not picked:
            continue
        ordered_at = ctx.ago(days=rng.randint(3, 12), hours=rng.randint(0, 8))
        order = PurchaseOrder(
            tenant_id=picked[0].variant.tenant_id,
            warehouse_id=layout.warehouse.id,
            number=f"OC-{ctx.now.year}-{next_number:04d}",
            supplier=picked[0].supplier,
            status=PurchaseOrderStatus.ORDERED,
            expected_at=(ctx.now + timedelta(days=rng.randint(0, 3))).replace(hour=9, minute=0, second=0),
            created_at=ordered_at,
        )
        next_number += 1
        session.add(order)
        session.flush()
        session.add_all(
            PurchaseOrderLine(
                purchase_order_id=order.id,
                variant_id=sku.variant.id,
                quantity_ordered=1 + rng.randrange(3) if sku.tracking is Tracking.SERIAL else rng.choice(PACKS),
            )
            for sku in picked
        )
    session.flush()
    ctx.progress("Open purchase orders: ready to receive")


def _pick(rng: random.Random, stocked: list[Sku], tracking: Tracking | None, count: int) -> list[Sku]:
    """``count`` SKUs of one client and one supplier: a mixed order gets one serial-tracked SKU first."""
    if not stocked:
        return []
    first = [s for s in stocked if s.tracking is (tracking or Tracking.SERIAL)] or stocked
    anchor = rng.choice(first)
    same = [
        s
        for s in stocked
        if s.variant.tenant_id == anchor.variant.tenant_id
        and s.variant.id != anchor.variant.id
        and (tracking is None or s.tracking is tracking)
        and (tracking is None or s.supplier == anchor.supplier)
    ]
    if tracking is None:  # the mixed order: the serial item plus plain ones of the same client
        same = [s for s in same if s.tracking is Tracking.NONE]
    return [anchor, *rng.sample(same, min(count - 1, len(same)))]
