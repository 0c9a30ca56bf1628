"""EPL2 shipping labels, for older Zebra/Eltron desktop printers (LP/TLP 2844 and friends).

The same layout as the ZPL label (:mod:`.layout`), drawn with EPL2's fixed bitmap fonts 1–4 and
their multipliers. EPL2 has no UTF-8: text is sent in Windows-1252 (``I8,A,001``), which holds
every Spanish letter (á é í ó ú ü ñ ¿ ¡). EPL2 printers outside Japan have no QR code, so the
EPL label carries the Code 128 only. Quotes and backslashes in data are escaped (``\\"``,
``\\\\``) so data cannot end a command early.

Reference: EPL2 Programmer's Manual (commands ``N``, ``I``, ``q``, ``Q``, ``A``, ``B``, ``LO``,
``P``), as summarised in shared/reference/hardware-and-wms.md §A3.
"""

from __future__ import annotations

from station.hardware.printing.layout import (
    Barcode128,
    LabelLayout,
    Rule,
    ShippingLabelData,
    TextLine,
    build_shipping_layout,
    clean_text,
)

__all__ = ["epl_quote", "layout_to_epl", "render_epl_label"]

# Character cell (width, height) in dots of fonts 1-4, by printer resolution. Font 5 is
# upper case only and left out.
FONTS: dict[int, dict[int, tuple[int, int]]] = {
    203: {1: (8, 12), 2: (10, 16), 3: (12, 20), 4: (14, 24)},
    300: {1: (12, 20), 2: (16, 28), 3: (20, 36), 4: (24, 44)},
}
GAP_DOTS = {203: 24, 300: 36}  # 3 mm, the usual gap between die-cut labels


def epl_quote(text: str) -> str:
    """A double-quoted EPL2 string: ``\\`` and ``"`` escaped, control characters removed."""
    return '"' + clean_text(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _font_for(text: str, height: int, max_width: int, dpi: int) -> tuple[int, int, int]:
    """(font, multiplier, cell width) for ``text``: as tall as possible without going over
    ``height`` or ``max_width``, preferring a bigger font to a bigger multiplier (multiplied
    bitmap fonts look blocky). The smallest cell when nothing fits (the text is then cut)."""
    candidates = [
        (h * mult, mult, font, w * mult)
        for font, (w, h) in FONTS[dpi].items()
        for mult in range(1, 7)
        if h * mult <= height and w * mult * len(text) <= max_width
    ]
    if not candidates:
        w, _ = FONTS[dpi][1]
        return 1, 1, w
    tallest = max(c[0] for c in candidates)
    near = [c for c in candidates if c[0] >= 0.85 * tallest]
    _, mult, font, cell_w = min(near, key=lambda c: (c[1], -c[0]))
    return font, mult, cell_w


def _fit_chars(text: str, cell_width: int, max_width: int) -> str:
    room = max(1, max_width // cell_width)
    return text if len(text) <= room else text[: max(0, room - 3)].rstrip() + "..."


def layout_to_epl(layout: LabelLayout) -> bytes:
    """The EPL2 for a laid-out label, Windows-1252 encoded."""
    dpi = layout.dpi
    lines = [
        "",  # a line feed first clears anything half-received (lprint does the same)
        "N",
        "I8,A,001",  # 8-bit, code page Windows-1252, country 001
        f"q{layout.width}",
        f"Q{layout.height},{GAP_DOTS[dpi]}",
    ]
    for element in layout.elements:
        if isinstance(element, TextLine):
            text = clean_text(element.text).replace("…", "...")
            font, mult, cell_w = _font_for(text, element.height, element.max_width, dpi)
            text = _fit_chars(text, cell_w, element.max_width)
            lines.append(f"A{element.x},{element.y},0,{font},{mult},{mult},N,{epl_quote(text)}")
        elif isinstance(element, Rule):
            lines.append(f"LO{element.x},{element.y},{element.width},{element.height}")
        elif isinstance(element, Barcode128):
            # Type 1 = Code 128 with automatic subsets; B = human-readable line below.
            lines.append(
                f"B{element.x},{element.y},0,1,{element.module},{element.module},{element.height},B,"
                + epl_quote(element.data)
            )
    lines.append("P1")
    return ("\n".join(lines) + "\n").encode("cp1252", errors="replace")


def render_epl_label(data: ShippingLabelData, *, size: str = "4x6", dpi: int = 203) -> bytes:
    """One parcel's label as EPL2 (no QR code: EPL2 has none outside Japanese models)."""
    return layout_to_epl(build_shipping_layout(data, size=size, dpi=dpi))
