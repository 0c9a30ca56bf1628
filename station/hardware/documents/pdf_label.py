"""The shipping label as a one-page PDF, drawn from the same layout as the ZPL label.

For stations with an office printer instead of a thermal one, for e-mailing a label, and for
looking at the layout on screen (``docs/images/label-preview.png`` is this PDF rasterised).
Helvetica's built-in encoding (WinAnsi) covers every Spanish letter, so no font is embedded.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from station.hardware.printing.layout import (
    METRICS_FONT,
    Barcode128,
    LabelLayout,
    QrCode,
    Rule,
    ShippingLabelData,
    TextLine,
    build_shipping_layout,
)

__all__ = ["draw_code128", "layout_to_pdf", "render_pdf_label"]

# Where a line's baseline sits below its top, as a share of the character height (Helvetica).
BASELINE = 0.8


def draw_code128(canvas: Canvas, data: str, x: float, y_top: float, module: float, height: float) -> float:
    """Draw ``data`` as Code 128 bars (python-barcode's encoding) with the top-left corner at
    ``(x, y_top)`` in PDF points (y grows upwards). Returns the symbol's width."""
    from barcode import Code128

    pattern = Code128(data).build()[0]
    run_start = None
    for index, bit in enumerate(pattern + "0"):
        if bit == "1" and run_start is None:
            run_start = index
        elif bit == "0" and run_start is not None:
            canvas.rect(x + run_start * module, y_top - height, (index - run_start) * module, height, stroke=0, fill=1)
            run_start = None
    return len(pattern) * module


def _draw_qr(canvas: Canvas, data: str, x: float, y_top: float, module: float) -> None:
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    qr = QRCode(None, QRErrorCorrectLevel.Q)
    qr.addData(data)
    qr.make()
    count = qr.getModuleCount()
    for row in range(count):
        for col in range(count):
            if qr.isDark(row, col):
                canvas.rect(x + col * module, y_top - (row + 1) * module, module, module, stroke=0, fill=1)


def layout_to_pdf(layout: LabelLayout, *, title: str = "Etiqueta") -> bytes:
    """One PDF page the size of the label, with every element of ``layout``."""
    k = 72 / layout.dpi  # points per printer dot
    page_w, page_h = layout.width * k, layout.height * k
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_w, page_h), pageCompression=1)
    canvas.setTitle(title)
    canvas.setFillColor(black)
    for element in layout.elements:
        if isinstance(element, TextLine):
            size = element.height * k
            canvas.setFont(METRICS_FONT, size)
            canvas.drawString(element.x * k, page_h - (element.y + BASELINE * element.height) * k, element.text)
        elif isinstance(element, Rule):
            canvas.rect(
                element.x * k,
                page_h - (element.y + element.height) * k,
                element.width * k,
                element.height * k,
                stroke=0,
                fill=1,
            )
        elif isinstance(element, Barcode128):
            top = page_h - element.y * k
            width = draw_code128(canvas, element.data, element.x * k, top, element.module * k, element.height * k)
            # The human-readable line, as the printer adds it under ^BC.
            text_size = max(8.0, element.module * 9 * k)
            canvas.setFont(METRICS_FONT, text_size)
            canvas.drawCentredString(
                element.x * k + width / 2, top - element.height * k - text_size * 1.1, element.data
            )
        elif isinstance(element, QrCode):
            _draw_qr(canvas, element.data, element.x * k, page_h - element.y * k, element.module * k)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_pdf_label(data: ShippingLabelData, *, size: str = "4x6") -> bytes:
    """One parcel's label as a PDF page of ``size`` (4×6 in or 100×150 mm)."""
    layout = build_shipping_layout(data, size=size, dpi=203)
    return layout_to_pdf(layout, title=f"{data.carrier} {data.tracking_number} · {data.reference}")
