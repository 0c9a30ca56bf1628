"""What goes to the printers after a label is bought: the carrier's label (or our own when the
carrier prints none, as for customer pickup) and the packing slip."""

from __future__ import annotations

from sqlalchemy.orm import Session

from station.api import CONTENT_TYPE_PDF, CONTENT_TYPE_ZPL, PrintJob
from station.api import Label as CarrierLabel
from station.db.models import Channel, Order
from station.hardware.documents import PackingSlipData, PackingSlipLine, render_packing_slip, render_pdf_label
from station.hardware.printing.epl import render_epl_label
from station.hardware.printing.graphics import label_print_job
from station.hardware.printing.layout import ShippingLabelData
from station.hardware.printing.zpl import render_zpl_label
from station.services.dispatch import destination_address, origin_address


def label_jobs(
    session: Session,
    order_id: int,
    label: CarrierLabel,
    parcel_weights_g: list[int],
    *,
    language: str = "zpl",
    size: str = "4x6",
    dpi: int = 203,
) -> list[PrintJob]:
    """The carrier's label as the printer needs it; our own labels (one per parcel) when it sent none."""
    order = session.get(Order, order_id)
    title = f"{order.number} {label.tracking_number}"
    if label.data:
        return [label_print_job(label, language=language, dpi=dpi, size=size, title=title)]
    sender, recipient = origin_address(session, order), destination_address(order)
    jobs = []
    count = len(parcel_weights_g) or 1
    for index, weight in enumerate(parcel_weights_g or [0], start=1):
        data = ShippingLabelData(
            carrier=label.carrier,
            service=label.extra.get("service", "") if label.extra else "",
            tracking_number=label.tracking_number,
            reference=order.number,
            sender=sender,
            recipient=recipient,
            weight_g=weight,
            package_index=index,
            package_count=count,
        )
        if language == "pdf":
            jobs.append(PrintJob(data=render_pdf_label(data), content_type=CONTENT_TYPE_PDF, title=f"{title} {index}"))
        elif language == "epl":
            jobs.append(PrintJob(data=render_epl_label(data, size=size, dpi=dpi), content_type="application/epl", title=f"{title} {index}"))
        else:
            jobs.append(PrintJob(data=render_zpl_label(data, size=size, dpi=dpi), content_type=CONTENT_TYPE_ZPL, title=f"{title} {index}"))
    return jobs


def packing_slip_job(session: Session, order_id: int) -> PrintJob:
    """The packing slip (PDF, our order number as a barcode) for the box."""
    order = session.get(Order, order_id)
    channel = session.get(Channel, order.channel_id) if order.channel_id else None
    slip = PackingSlipData(
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
    )
    return PrintJob(data=render_packing_slip(slip), content_type=CONTENT_TYPE_PDF, title=f"Packing slip {order.number}")
