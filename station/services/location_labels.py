"""Bin labels: a Code 128 of the bin code above the code in big letters, 4 × 2 in, ZPL or PDF.

`select_location_codes` picks the bins of a warehouse for one bin (``A-01-B``), an aisle or any
prefix (``A`` , ``A-01``), or a range (``A-01-A..A-03-C``, in natural order: A-02 before A-10), so
the whole aisle prints in the order it is walked.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Location
from station.domain.locations import InvalidLocationCode, location_sort_key
from station.hardware.documents.pdf_label import draw_code128
from station.hardware.printing.layout import METRICS_FONT, code128_modules, fit_height, text_width
from station.hardware.printing.zpl import zpl_escape

WIDTH_IN, HEIGHT_IN = 4.0, 2.0
RANGE_SEPARATOR = ".."


class LocationLabelError(ValueError):
    """A selection that names no bins, or a range whose ends are not bin codes."""


def natural_key(code: str) -> tuple[int, tuple[object, ...] | str]:
    """Codes of the warehouse's pattern in natural order, then anything else (PACK-01, DOCK) by text."""
    try:
        return (0, location_sort_key(code))
    except InvalidLocationCode:
        return (1, code)


def select_location_codes(session: Session, warehouse_id: int, selection: str) -> list[str]:
    """The bin codes for one bin, a prefix (aisle) or a range ``FIRST..LAST``, naturally sorted."""
    selection = selection.strip().upper()
    codes = list(
        session.scalars(select(Location.code).where(Location.warehouse_id == warehouse_id, Location.active.is_(True)))
    )
    if RANGE_SEPARATOR in selection:
        first, _, last = (part.strip() for part in selection.partition(RANGE_SEPARATOR))
        try:
            low, high = location_sort_key(first), location_sort_key(last)
        except InvalidLocationCode as exc:
            raise LocationLabelError(f"Range {selection}: {exc}") from exc
        chosen = [code for code in codes if natural_key(code)[0] == 0 and low <= location_sort_key(code) <= high]
    elif selection in {code.upper() for code in codes}:
        chosen = [code for code in codes if code.upper() == selection]
    else:
        chosen = [code for code in codes if code.upper().startswith(selection)]
    if not chosen:
        raise LocationLabelError(f"No bins match {selection!r}")
    return sorted(chosen, key=natural_key)


def _zpl_label(code: str, dpi: int) -> str:
    width, height = round(WIDTH_IN * dpi), round(HEIGHT_IN * dpi)
    margin = dpi // 8
    module = max(1, min(dpi // 50, (width - 2 * margin) // max(code128_modules(code), 1)))
    bar_height = round(height * 0.45)
    bar_x = max(margin, (width - module * code128_modules(code)) // 2)
    text_height = fit_height(code, round(height * 0.32), dpi // 10, width - 2 * margin)
    text_x = max(margin, round((width - text_width(code, text_height)) / 2))
    text_y = margin + bar_height + margin // 2
    return "\n".join(
        [
            "^XA",
            "^CI28",
            f"^PW{width}",
            f"^LL{height}",
            "^LH0,0",
            f"^FO{bar_x},{margin}^BY{module},2,{bar_height}^BCN,{bar_height},N,N,N^FH^FD{zpl_escape(code)}^FS",
            f"^FO{text_x},{text_y}^A0N,{text_height},{text_height}^FH^FD{zpl_escape(code)}^FS",
            "^XZ",
        ]
    )


def location_labels_zpl(codes: Iterable[str], dpi: int = 203) -> bytes:
    """One 4 × 2 in label per code, UTF-8 ZPL, ready for the printer spooler."""
    labels = [_zpl_label(code, dpi) for code in codes]
    if not labels:
        raise LocationLabelError("No bin codes to print")
    return ("\n".join(labels) + "\n").encode("utf-8")


def location_labels_pdf(codes: Iterable[str]) -> bytes:
    """The same labels as a PDF, one 4 × 2 in page each (office printers, or sticker sheets)."""
    from reportlab.pdfgen.canvas import Canvas

    codes = list(codes)
    if not codes:
        raise LocationLabelError("No bin codes to print")
    width, height = WIDTH_IN * 72, HEIGHT_IN * 72
    margin = 9.0
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    canvas.setTitle("Location labels")
    for code in codes:
        modules = code128_modules(code)
        module = min(1.5, (width - 2 * margin) / modules)
        bar_height = height * 0.45
        draw_code128(canvas, code, (width - module * modules) / 2, height - margin, module, bar_height)
        size = float(fit_height(code, round(height * 0.32), 10, round(width - 2 * margin)))
        canvas.setFont(METRICS_FONT, size)
        canvas.drawCentredString(width / 2, margin + 4, code)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
