"""ZPL II shipping labels for Zebra printers and compatibles.

Every label starts with ``^CI28`` (UTF-8), because the printer keeps the last character set
between jobs and a label after someone else's ``^CI0`` would print "PeÃ±alolÃ©n". Every data
field is written with ``^FH`` and its ``^``, ``~`` and ``_`` as hex escapes (``_5E``, ``_7E``,
``_5F``), so a customer called "Ana ^XZ" cannot end the label early or send a ``~`` command.
The placement comes from :mod:`.layout`, shared with the EPL and PDF renderers.

References: ZPL II Programming Guide extracts (``^CI``, ``^FH``, ``^BY``, ``^BC``, ``^BQ``) as
summarised in shared/reference/hardware-and-wms.md §A3.
"""

from __future__ import annotations

from station.hardware.printing.layout import (
    Barcode128,
    LabelLayout,
    QrCode,
    Rule,
    ShippingLabelData,
    TextLine,
    build_shipping_layout,
    build_test_layout,
    clean_text,
)

__all__ = ["ShippingLabelData", "layout_to_zpl", "render_test_label", "render_zpl_label", "zpl_escape"]


def zpl_escape(text: str) -> str:
    """Field data safe after ``^FH``: control characters become spaces; ``_``, ``^`` and ``~``
    become hex escapes (``_`` first, or the escapes themselves would be escaped again)."""
    return clean_text(text).replace("_", "_5F").replace("^", "_5E").replace("~", "_7E")


def _field(command: str, value: str) -> str:
    return f"{command}^FH^FD{zpl_escape(value)}^FS"


def layout_to_zpl(layout: LabelLayout) -> bytes:
    """The ZPL for a laid-out label, UTF-8 encoded, one command per line for readable dumps."""
    lines = [
        "^XA",
        "^CI28",  # UTF-8: accents and ñ print as they are
        f"^PW{layout.width}",
        f"^LL{layout.height}",
        "^LH0,0",
    ]
    for element in layout.elements:
        if isinstance(element, TextLine):
            h = element.height
            lines.append(f"^FO{element.x},{element.y}^A0N,{h},{h}" + _field("", element.text))
        elif isinstance(element, Rule):
            thickness = min(element.width, element.height)
            lines.append(f"^FO{element.x},{element.y}^GB{element.width},{element.height},{thickness}^FS")
        elif isinstance(element, Barcode128):
            # ^BY module width, ratio (ignored by Code 128), height; ^BC auto mode (A) with the
            # interpretation line printed below.
            lines.append(
                f"^BY{element.module},2,{element.height}"
                f"^FO{element.x},{element.y}^BCN,{element.height},Y,N,N,A" + _field("", element.data)
            )
        elif isinstance(element, QrCode):
            # Model 2, magnification = module dots; "QA," = error correction Q, automatic input.
            lines.append(f"^FO{element.x},{element.y}^BQN,2,{element.module}" + _field("", f"QA,{element.data}"))
    lines.append("^XZ")
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_zpl_label(data: ShippingLabelData, *, size: str = "4x6", dpi: int = 203) -> bytes:
    """One parcel's label as ZPL II. ``size`` is ``"4x6"`` (inches) or ``"100x150"`` (mm);
    ``dpi`` is the printer's resolution, 203 or 300."""
    return layout_to_zpl(build_shipping_layout(data, size=size, dpi=dpi))


def render_test_label(station_name: str, dpi: int = 203, *, size: str = "4x6") -> bytes:
    """A printer test label: frame at the edges, the station's name, accents, barcode and QR."""
    return layout_to_zpl(build_test_layout(station_name, size=size, dpi=dpi))
