"""One shipping-label layout, drawn by every renderer (ZPL, EPL, PDF).

The layout is a list of elements in printer dots: text lines, filled rules, a Code 128 and a QR
code. It is designed once for a 4×6 in label at 203 dpi (812 × 1218 dots) and scaled to the
label's real size and resolution, so the ZPL, the EPL and the PDF preview put the same things in
the same places — the PDF is how we look at the layout without a printer.

Text is fitted here, once: long names shrink to a minimum size and are then cut with "…",
streets wrap onto two lines. Widths are measured with Helvetica-Bold metrics, which run wider
than Zebra's font 0 (CG Triumvirate Bold Condensed), so a line that fits here fits on paper.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from barcode import Code128
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.pdfbase.pdfmetrics import stringWidth

from station.api import Address

LabelSize = Literal["4x6", "100x150"]
LABEL_SIZES_MM: dict[str, tuple[float, float]] = {"4x6": (101.6, 152.4), "100x150": (100.0, 150.0)}
DPIS = (203, 300)

METRICS_FONT = "Helvetica-Bold"
DESIGN_WIDTH, DESIGN_HEIGHT = 812, 1218  # 4×6 in at 203 dpi
MARGIN = 30


@dataclass(frozen=True, slots=True, kw_only=True)
class ShippingLabelData:
    """What goes on one parcel's label. ``reference`` is our order number; ``package_index``
    counts from 1 ("Bulto 1 de 2"); ``weight_g`` is the weighed parcel in grams."""

    carrier: str
    service: str
    tracking_number: str
    reference: str
    sender: Address
    recipient: Address
    weight_g: int
    package_index: int = 1
    package_count: int = 1
    note: str = ""

    def __post_init__(self) -> None:
        for name in ("carrier", "tracking_number", "reference"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name).strip():
                raise ValueError(f"ShippingLabelData.{name} must be non-empty text")
        tracking = self.tracking_number
        if not all(32 < ord(c) < 127 for c in tracking):
            raise ValueError(
                f"tracking number {tracking!r} must be printable ASCII without spaces to go in a Code 128 barcode"
            )
        if not isinstance(self.sender, Address) or not isinstance(self.recipient, Address):
            raise TypeError("ShippingLabelData.sender and .recipient must be station.api.Address")
        if not isinstance(self.weight_g, int) or self.weight_g < 0:
            raise ValueError(f"ShippingLabelData.weight_g must be whole grams >= 0, got {self.weight_g!r}")
        if not 1 <= self.package_index <= self.package_count:
            raise ValueError(
                f"package {self.package_index} of {self.package_count}: the index must be between 1 and the count"
            )


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of text; ``(x, y)`` is its top-left corner, ``height`` the character height."""

    x: int
    y: int
    height: int
    text: str
    max_width: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A filled black rectangle (a line when thin)."""

    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Barcode128:
    """Code 128 with the human-readable line below it. ``modules`` is its width in modules."""

    x: int
    y: int
    module: int
    height: int
    data: str
    modules: int

    @property
    def width(self) -> int:
        return self.module * self.modules


@dataclass(frozen=True, slots=True)
class QrCode:
    """A QR code (model 2, error correction Q); ``size`` = ``module`` × module count."""

    x: int
    y: int
    module: int
    data: str
    count: int

    @property
    def size(self) -> int:
        return self.module * self.count


Element = TextLine | Rule | Barcode128 | QrCode


@dataclass(frozen=True, slots=True)
class LabelLayout:
    """A label's elements in dots, for a ``width`` × ``height`` dot label at ``dpi``."""

    width: int
    height: int
    dpi: int
    elements: tuple[Element, ...] = field(default=())

    def texts(self) -> list[str]:
        return [e.text for e in self.elements if isinstance(e, TextLine)]


def label_dots(size: str, dpi: int) -> tuple[int, int]:
    """Printable width and length in dots (4x6 at 203 dpi → 812 × 1218)."""
    if size not in LABEL_SIZES_MM:
        raise ValueError(f"label size must be one of {', '.join(LABEL_SIZES_MM)}, got {size!r}")
    if dpi not in DPIS:
        raise ValueError(f"printer resolution must be 203 or 300 dpi, got {dpi!r}")
    width_mm, height_mm = LABEL_SIZES_MM[size]
    return round(width_mm / 25.4 * dpi), round(height_mm / 25.4 * dpi)


def format_weight_kg(weight_g: int) -> str:
    """Grams as Chilean kilograms with two decimals: 1250 → "1,25 kg", 12000 → "12,00 kg"."""
    hundredths = (weight_g + 5) // 10  # half up, in integers: no float rounding surprises
    kilos, cents = divmod(hundredths, 100)
    return f"{kilos:,}".replace(",", ".") + f",{cents:02d} kg"


def clean_text(text: str) -> str:
    """Printable text: control characters (tabs, new lines) become spaces, runs of spaces one."""
    printable = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    return " ".join(printable.split())


def text_width(text: str, height: float) -> float:
    return stringWidth(text, METRICS_FONT, height)


def fit_line(text: str, height: int, max_width: int) -> str:
    """``text`` cut with "…" so that it fits ``max_width`` dots at ``height``."""
    text = clean_text(text)
    if text_width(text, height) <= max_width:
        return text
    while text and text_width(text + "…", height) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def fit_height(text: str, height: int, min_height: int, max_width: int) -> int:
    """The largest height from ``height`` down to ``min_height`` at which ``text`` fits."""
    text = clean_text(text)
    while height > min_height and text_width(text, height) > max_width:
        height -= 2
    return height


def wrap(text: str, height: int, max_width: int, max_lines: int) -> list[str]:
    """Word-wrap into at most ``max_lines`` lines; the last one is cut with "…" if needed."""
    words = clean_text(text).split(" ")
    lines: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if text_width(candidate, height) <= max_width or not current:
            current = candidate
            continue
        if len(lines) == max_lines - 1:
            current = " ".join([current, *words[index:]])
            break
        lines.append(current)
        current = word
    lines.append(current)
    return [fit_line(line, height, max_width) for line in lines[:max_lines] if line]


def code128_modules(data: str) -> int:
    """Width of a Code 128 symbol in modules (quiet zones excluded), as python-barcode encodes it."""
    return len(Code128(data).build()[0])


def qr_module_count(data: str) -> int:
    qr = QRCode(None, QRErrorCorrectLevel.Q)
    qr.addData(data)
    qr.make()
    return int(qr.getModuleCount())


def street_line(address: Address) -> str:
    return clean_text(f"{address.street} {address.number}")


def place_region(address: Address) -> str:
    return ", ".join(part for part in (clean_text(address.comuna), clean_text(address.region)) if part)


class _Scaler:
    """Turns design coordinates (4×6 at 203 dpi) into dots on the real label."""

    def __init__(self, width: int, height: int) -> None:
        self.sx = width / DESIGN_WIDTH
        self.sy = height / DESIGN_HEIGHT

    def x(self, value: float) -> int:
        return round(value * self.sx)

    def y(self, value: float) -> int:
        return round(value * self.sy)


def build_shipping_layout(data: ShippingLabelData, *, size: str = "4x6", dpi: int = 203) -> LabelLayout:
    """Lay out ``data`` on a ``size`` label for a ``dpi`` printer."""
    width, height = label_dots(size, dpi)
    s = _Scaler(width, height)
    full = s.x(DESIGN_WIDTH - 2 * MARGIN)
    left = s.x(MARGIN)
    elements: list[Element] = []

    def text(x: float, y: float, h: float, value: str, max_width: int) -> None:
        size_dots = s.y(h)
        if clean_text(value):
            elements.append(TextLine(s.x(x), s.y(y), size_dots, fit_line(value, size_dots, max_width), max_width))

    def shrinking(x: float, y: float, h: float, min_h: float, value: str, max_width: int) -> None:
        # Things that must stay whole (package count, comuna, order number) get smaller first.
        size_dots = fit_height(value, s.y(h), s.y(min_h), max_width)
        if clean_text(value):
            elements.append(TextLine(s.x(x), s.y(y), size_dots, fit_line(value, size_dots, max_width), max_width))

    def rule(y: float, thickness: float = 4) -> None:
        elements.append(Rule(left, s.y(y), full, max(2, s.y(thickness))))

    # Header: carrier and service; the package count on the right.
    shrinking(MARGIN, 28, 64, 44, data.carrier, s.x(540))
    text(MARGIN, 100, 36, data.service, s.x(540))
    text(600, 30, 26, "BULTO", s.x(182))
    shrinking(600, 62, 64, 36, f"{data.package_index} de {data.package_count}", s.x(182))
    rule(150)

    # Sender, small.
    sender = data.sender
    text(MARGIN, 164, 24, "REMITENTE", full)
    text(MARGIN, 194, 30, sender.name, full)
    text(MARGIN, 230, 28, street_line(sender), full)
    text(MARGIN, 264, 28, place_region(sender), full)
    rule(304)

    # Recipient, large: comuna and región are what the carrier sorts on.
    recipient = data.recipient
    text(MARGIN, 318, 26, "DESTINATARIO", full)
    shrinking(MARGIN, 352, 48, 34, recipient.name, full)
    street_h = s.y(40)
    for index, line in enumerate(wrap(street_line(recipient), street_h, full, 2)):
        elements.append(TextLine(left, s.y(410 + 46 * index), street_h, line, full))
    shrinking(MARGIN, 508, 88, 56, recipient.comuna, full)
    shrinking(MARGIN, 606, 50, 34, recipient.region, full)
    contact = " · ".join(p for p in (recipient.city, f"Tel. {recipient.phone}" if recipient.phone else "") if p)
    text(MARGIN, 664, 30, contact, full)
    rule(708)

    # Tracking number as Code 128, as wide as it can be up to 3 design dots per module.
    modules = code128_modules(data.tracking_number)
    module = max(1, min(s.x(3), full // modules))
    if module * modules > full:
        raise ValueError(f"tracking number {data.tracking_number!r} is too long for a Code 128 on this label")
    bar_x = left + (full - module * modules) // 2
    elements.append(Barcode128(bar_x, s.y(730), module, s.y(180), data.tracking_number, modules))
    rule(992)

    # Footer: our order number, weight and note on the left; the QR code on the right.
    text(MARGIN, 1004, 26, "PEDIDO", s.x(540))
    shrinking(MARGIN, 1034, 56, 36, data.reference, s.x(540))
    text(MARGIN, 1100, 40, f"Peso {format_weight_kg(data.weight_g)}", s.x(540))
    text(MARGIN, 1152, 28, data.note, s.x(540))
    count = qr_module_count(data.tracking_number)
    box = s.y(196)
    qr_module = max(1, min(10, box // count))
    elements.append(QrCode(width - left - qr_module * count, s.y(1004), qr_module, data.tracking_number, count))
    return LabelLayout(width, height, dpi, tuple(elements))


def build_test_layout(station_name: str, *, size: str = "4x6", dpi: int = 203) -> LabelLayout:
    """A printer check: a frame at the label's edges, the station name, accents and a barcode."""
    width, height = label_dots(size, dpi)
    s = _Scaler(width, height)
    full = s.x(DESIGN_WIDTH - 2 * MARGIN)
    left = s.x(MARGIN)
    frame = max(2, s.x(4))
    elements: list[Element] = [
        Rule(0, 0, width, frame),
        Rule(0, height - frame, width, frame),
        Rule(0, 0, frame, height),
        Rule(width - frame, 0, frame, height),
    ]
    lines = [
        (60, 64, "Prueba de impresora"),
        (140, 36, "Printer test"),
        (220, 44, station_name),
        (300, 36, f"{size} · {dpi} dpi · {width} × {height} puntos"),
        (360, 40, "Ñuñoa · Peñalolén · Concepción"),
        (420, 40, "ÁÉÍÓÚ áéíóú ñ ü ¿¡ $9.990"),
    ]
    for y, h, value in lines:
        elements.append(TextLine(left, s.y(y), s.y(h), fit_line(value, s.y(h), full), full))
    data = "TEST-203" if dpi == 203 else "TEST-300"
    modules = code128_modules(data)
    module = s.x(3)
    elements.append(Barcode128(left, s.y(520), module, s.y(160), data, modules))
    count = qr_module_count(data)
    elements.append(QrCode(width - left - s.x(8) * count, s.y(520), s.x(8), data, count))
    closing = fit_line("Si todo se ve completo, la impresora está lista.", s.y(30), full)
    elements.append(TextLine(left, s.y(780), s.y(30), closing, full))
    return LabelLayout(width, height, dpi, tuple(elements))
