"""The printed pick list: code, totes ↔ orders, the route against the S-shape walk, and the lines in
walking order, each with its bin as a scannable Code 128, the item's barcode, quantity and tote.

The words come in `PicklistTexts` (English by default) so the page can print them in the station's
language; services never import Qt.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from station.hardware.documents.pdf_label import draw_code128
from station.hardware.printing.layout import code128_modules
from station.services.picking_queries import PicklistView, picklist_view

ORANGE = colors.HexColor("#F97316")


@dataclass(frozen=True)
class PicklistTexts:
    title: str = "Pick list"
    route: str = "This route %1 m; S-shape %2 m (%3 %); largest gap %4 m"
    totes: str = "Totes"
    columns: tuple[str, ...] = ("#", "Bin", "Item", "Qty", "Tote")
    lot: str = "Lot"
    order: str = "order"


def metres(cm: int) -> str:
    return f"{cm / 100:,.0f}".replace(",", ".")


def route_summary(view: PicklistView, texts: PicklistTexts = PicklistTexts()) -> str:
    """'This route 212 m; S-shape 318 m (−33 %); largest gap 290 m'."""
    saving = view.saving_percent
    sign = "−" if saving < 0 else "+"
    return (
        texts.route.replace("%1", metres(view.route_cm))
        .replace("%2", metres(view.s_shape_cm))
        .replace("%3", f"{sign}{abs(saving)}")
        .replace("%4", metres(view.largest_gap_cm))
    )


class _Code128(Flowable):
    """A code as Code 128 bars with the code written under it."""

    def __init__(self, data: str, *, height: float = 9 * mm, max_width: float = 48 * mm) -> None:
        super().__init__()
        self.data = data
        self.bar_height = height
        self.module = min(0.9, max_width / code128_modules(data))
        self.width = code128_modules(data) * self.module
        self.height = height + 10

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_code128(self.canv, self.data, 0, self.height, self.module, self.bar_height)
        self.canv.setFont("Helvetica-Bold", 9)
        self.canv.drawCentredString(self.width / 2, 1, self.data)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_picklist(view: PicklistView, texts: PicklistTexts = PicklistTexts()) -> bytes:
    """The pick list as PDF bytes (A4; long lists flow onto more pages, the table header repeats)."""
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=10, leading=13)
    title = ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=18, leading=22)
    cell = ParagraphStyle("cell", parent=base, fontSize=9, leading=11)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"{texts.title} {view.code}",
    )
    totes = ", ".join(f"{tote} = {number}" for tote, number in view.totes)
    header = Table(
        [
            [
                [
                    Paragraph(f"{_escape(texts.title)} {_escape(view.code)}", title),
                    Paragraph(_escape(route_summary(view, texts)), base),
                    Paragraph(f"<b>{_escape(texts.totes)}:</b> {_escape(totes)}", base),
                ],
                _Code128(view.code, height=12 * mm, max_width=60 * mm),
            ]
        ],
        colWidths=[None, 65 * mm],
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    rows: list[list[object]] = [list(texts.columns)]
    for line in view.lines:
        item = f"<b>{_escape(line.sku)}</b> {_escape(line.name)}"
        if line.lot:
            item += f"<br/>{_escape(texts.lot)} {_escape(line.lot)}"
        item += f"<br/>{_escape(texts.order)} {_escape(line.order_number)}"
        rows.append(
            [
                str(line.sequence),
                _Code128(line.location),
                [Paragraph(item, cell), _Code128(line.barcode, height=7 * mm, max_width=45 * mm)],
                str(line.quantity),
                line.tote,
            ]
        )
    table = Table(rows, colWidths=[9 * mm, 52 * mm, None, 13 * mm, 14 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, ORANGE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#CCCCCC")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (3, 0), (-1, -1), "CENTER"),
                ("FONTSIZE", (0, 1), (-1, -1), 12),
                ("FONTNAME", (3, 1), (-1, -1), "Helvetica-Bold"),
            ]
        )
    )
    document.build([header, Spacer(1, 6 * mm), table])
    return buffer.getvalue()


def picklist_pdf(session: Session, picklist_id: int, texts: PicklistTexts = PicklistTexts()) -> bytes:
    return render_picklist(picklist_view(session, picklist_id), texts)
