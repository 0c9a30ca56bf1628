"""What goes to the printers after a label is bought: the carrier's label and the packing slip."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from station.api import CONTENT_TYPE_PDF, PrintJob
from station.db.models import Channel, Order
from station.hardware.documents import PackingSlipData, PackingSlipLine, render_packing_slip
from station.services.addresses import destination_address, origin_address


def packing_slip_data(session: Session, order_id: int, *, packed_at: datetime | None = None) -> PackingSlipData:
    """What the packing slip in the box shows: the order's lines with prices, totals, the customer."""
    order = session.get(Order, order_id)
    if order is None:
        raise LookupError(f"No order #{order_id}")
    channel = session.get(Channel, order.channel_id) if order.channel_id else None
    return PackingSlipData(
        order_reference=order.number,
        customer=destination_address(order),
        lines=tuple(
            PackingSlipLine(sku=line.sku, name=line.title, quantity=line.quantity, unit_price_minor=line.unit_price)
            for line in order.lines
        ),
        currency=order.currency,
        shipping_minor=order.shipping,
        discount_minor=order.discount,
        total_minor=order.total or None,
        channel=channel.name if channel else "",
        external_id=order.external_id or "",
        packed_at=packed_at,
        company=origin_address(session, order).name,
    )


def packing_slip_job(slip: PackingSlipData) -> PrintJob:
    """The packing slip as a PDF print job (our order number as a barcode on it)."""
    return PrintJob(data=render_packing_slip(slip), content_type=CONTENT_TYPE_PDF, title=f"Slip {slip.order_reference}")
