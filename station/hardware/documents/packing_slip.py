"""The packing slip that goes in the box: order number as Code 128, customer, address, lines, totals.

A4 (Chile's paper) or Letter. Amounts are integers of the currency's minor unit, written with
``format_money`` (CLP: ``$9.990``). Long orders flow onto more pages; the table header repeats.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from station.api import Address
from station.domain.money import format_money
from station.hardware.documents.pdf_label import draw_code128
from station.hardware.printing.layout import code128_modules

__all__ = ["PackingSlipData", "PackingSlipLine", "render_packing_slip"]

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
ORANGE = colors.HexColor("#F97316")


@dataclass(frozen=True, slots=True, kw_only=True)
class PackingSlipLine:
    sku: str
    name: str
    quantity: int
    unit_price_minor: int = 0

    @property
    def total_minor(self) -> int:
        return self.quantity * self.unit_price_minor


@dataclass(frozen=True, slots=True, kw_only=True)
class PackingSlipData:
    """What the slip shows. ``shipping_minor`` and ``discount_minor`` are added to / taken from
    the lines' sum; ``total_minor`` overrides the computed total when the channel says otherwise."""

    order_reference: str
    customer: Address
    lines: tuple[PackingSlipLine, ...]
    currency: str = "CLP"
    shipping_minor: int = 0
    discount_minor: int = 0
    total_minor: int | None = None
    channel: str = ""
    external_id: str = ""
    packed_at: datetime | None = None
    company: str = "Just Logistics"
    note: str = ""
    page_size: str = "A4"

    def __post_init__(self) -> None:
        if not self.order_reference.strip():
            raise ValueError("PackingSlipData.order_reference must be non-empty")
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"page size must be A4 or Letter, got {self.page_size!r}")
        object.__setattr__(self, "lines", tuple(self.lines))

    @property
    def subtotal_minor(self) -> int:
        return sum(line.total_minor for line in self.lines)

    @property
    def grand_total_minor(self) -> int:
        if self.total_minor is not None:
            return self.total_minor
        return self.subtotal_minor + self.shipping_minor - self.discount_minor


class _Code128(Flowable):
    """The order number as a barcode with the number written under it."""

    def __init__(self, data: str, *, height: float = 16 * mm, max_width: float = 80 * mm) -> None:
        super().__init__()
        self.data = data
        self.bar_height = height
        self.module = min(1.0, max_width / code128_modules(data))  # points; ≥ 0.33 mm scans well
        self.width = code128_modules(data) * self.module
        self.height = height + 12

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        draw_code128(canvas, self.data, 0, self.height, self.module, self.bar_height)
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(self.width / 2, 1, self.data)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=10, leading=13)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444")),
        "title": ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=18, leading=22),
        "heading": ParagraphStyle("heading", parent=base, fontName="Helvetica-Bold", fontSize=11, leading=14),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12),
    }


def _escape(text: str) -> str:
    # Paragraph text is a tiny XML dialect: a customer called "A & B <C>" must print as typed.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _address_lines(address: Address) -> list[str]:
    lines = [address.name]
    if address.rut:
        lines.append(f"RUT {address.rut}")
    lines.append(f"{address.street} {address.number}".strip())
    lines.append(", ".join(p for p in (address.comuna, address.region) if p))
    if address.city and address.city != address.comuna:
        lines.append(address.city)
    contact = " · ".join(p for p in (address.phone, address.email) if p)
    if contact:
        lines.append(contact)
    return [_escape(line) for line in lines if line.strip()]


def render_packing_slip(slip: PackingSlipData) -> bytes:
    """The packing slip as PDF bytes."""
    styles = _styles()
    money = lambda amount: format_money(amount, slip.currency)  # noqa: E731 - local shorthand
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZES[slip.page_size],
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"Detalle de empaque {slip.order_reference}",
        author=slip.company,
    )
    story: list[Flowable] = []

    # Header: who we are and the order number, readable and scannable.
    facts = [f"<b>Pedido {_escape(slip.order_reference)}</b>"]
    if slip.channel:
        origin = f"{slip.channel} {slip.external_id}".strip()
        facts.append(f"Canal: {_escape(origin)}")
    if slip.packed_at is not None:
        facts.append(f"Empacado: {slip.packed_at:%d-%m-%Y %H:%M}")
    header = Table(
        [
            [
                [
                    Paragraph(_escape(slip.company), styles["title"]),
                    Paragraph("Detalle de empaque", styles["heading"]),
                    *[Paragraph(f, styles["base"]) for f in facts],
                ],
                _Code128(slip.order_reference),
            ]
        ],
        colWidths=[None, 85 * mm],
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    story += [header, Spacer(1, 8 * mm)]

    story.append(Paragraph("Despachar a", styles["heading"]))
    story += [Paragraph(line, styles["base"]) for line in _address_lines(slip.customer)]
    story.append(Spacer(1, 6 * mm))

    # Lines: SKU, name, quantity, unit price, total. The header row repeats on every page.
    rows: list[list[object]] = [["SKU", "Producto", "Cant.", "Precio", "Total"]]
    for line in slip.lines:
        rows.append(
            [
                Paragraph(_escape(line.sku), styles["cell"]),
                Paragraph(_escape(line.name), styles["cell"]),
                str(line.quantity),
                money(line.unit_price_minor),
                money(line.total_minor),
            ]
        )
    table = Table(rows, colWidths=[32 * mm, None, 15 * mm, 25 * mm, 27 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, ORANGE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#CCCCCC")),
                ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
            ]
        )
    )
    story.append(table)

    units = sum(line.quantity for line in slip.lines)
    totals = [["Unidades", str(units)], ["Subtotal", money(slip.subtotal_minor)]]
    if slip.shipping_minor:
        totals.append(["Envío", money(slip.shipping_minor)])
    if slip.discount_minor:
        totals.append(["Descuento", "-" + money(slip.discount_minor)])
    totals.append(["Total", money(slip.grand_total_minor)])
    summary = Table(totals, colWidths=[35 * mm, 32 * mm], hAlign="RIGHT")
    summary.setStyle(
        TableStyle(
            [
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
                ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
            ]
        )
    )
    closing: list[Flowable] = [Spacer(1, 4 * mm), summary]
    if slip.note:
        closing += [Spacer(1, 6 * mm), Paragraph(f"<b>Nota:</b> {_escape(slip.note)}", styles["base"])]
    closing += [Spacer(1, 8 * mm), Paragraph("Gracias por su compra.", styles["small"])]
    story.append(KeepTogether(closing))
    document.build(story)
    return buffer.getvalue()
