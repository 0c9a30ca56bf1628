"""The ZPL and EPL shipping labels: what a carrier's scanner and a driver read off them."""

from __future__ import annotations

import re

import pytest
from printing_samples import CUSTOMER, make_label

from station.api import Address
from station.hardware.printing.epl import render_epl_label
from station.hardware.printing.layout import build_shipping_layout, format_weight_kg
from station.hardware.printing.zpl import render_test_label, render_zpl_label

FIELD = re.compile(r"\^FO(\d+),(\d+)(.*?)\^FD(.*?)\^FS", re.DOTALL)
HEX_ESCAPE = re.compile(rb"_([0-9A-Fa-f]{2})")


def unescape(data: str) -> str:
    """What the printer makes of ^FH field data (hex escapes are UTF-8 bytes under ^CI28)."""
    raw = HEX_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data.encode("utf-8"))
    return raw.decode("utf-8")


def fields(zpl: bytes) -> list[tuple[int, int, str, str]]:
    """(x, y, commands between ^FO and ^FD, printed text) of every field."""
    return [(int(x), int(y), cmds, unescape(data)) for x, y, cmds, data in FIELD.findall(zpl.decode("utf-8"))]


def test_the_barcode_carries_the_tracking_number_in_auto_mode() -> None:
    zpl = render_zpl_label(make_label(tracking_number="CX123456789CL"))
    barcodes = [(cmds, text) for _, _, cmds, text in fields(zpl) if "^BC" in cmds]
    assert len(barcodes) == 1
    commands, text = barcodes[0]
    assert text == "CX123456789CL"
    assert re.search(r"\^BCN,\d+,Y,N,N,A", commands)  # interpretation line below, automatic subsets
    qr = [text for _, _, cmds, text in fields(zpl) if "^BQ" in cmds]
    assert qr == ["QA,CX123456789CL"]


def test_every_label_is_one_utf8_format_with_accents_as_typed() -> None:
    zpl = render_zpl_label(make_label())
    assert zpl.startswith(b"^XA\n^CI28\n")
    assert zpl.count(b"^XA") == 1 and zpl.rstrip().endswith(b"^XZ")
    assert "Peñalolén".encode() in zpl and "Región Metropolitana".encode() in zpl
    texts = [text for *_, text in fields(zpl)]
    for expected in ("Chilexpress", "Día hábil siguiente", "Ana María Pérez Soto", "Peñalolén", "JL-1042", "1 de 2", "Peso 1,25 kg", "Frágil"):
        assert expected in texts, expected


def test_carets_tildes_and_underscores_in_data_cannot_break_the_label() -> None:
    nasty = "Ana ^XZ~JR_x _5E"
    recipient = Address(name=nasty, street="Calle ^FS", number="~1", comuna="Ñuñoa", region="RM")
    zpl = render_zpl_label(make_label(recipient=recipient, note="^XA~HS"))
    assert b"~" not in zpl  # no data byte can start a control command
    assert zpl.count(b"^XA") == 1 and zpl.count(b"^XZ") == 1
    # Exactly one ^FD…^FS per field and every data field is ^FH-escaped.
    assert zpl.count(b"^FD") == zpl.count(b"^FH") == len(fields(zpl))
    texts = [text for *_, text in fields(zpl)]
    assert nasty in texts and "Calle ^FS ~1" in texts and "^XA~HS" in texts and "Ñuñoa" in texts


@pytest.mark.parametrize(("size", "dpi", "width", "height"), [
    ("4x6", 203, 812, 1218), ("4x6", 300, 1200, 1800), ("100x150", 203, 799, 1199), ("100x150", 300, 1181, 1772),
])
def test_both_sizes_and_resolutions_fit_on_the_label(size: str, dpi: int, width: int, height: int) -> None:
    long_names = make_label(
        recipient=Address(
            name="Comercializadora de Productos Electrónicos del Pacífico Sur Limitada",
            street="Avenida Libertador General Bernardo O'Higgins",
            number="3363 oficina 1204 torre B",
            comuna="Pedro Aguirre Cerda",
            region="Región del Libertador General Bernardo O'Higgins",
        ),
        tracking_number="99001234567890123456",
        package_index=12,
        package_count=12,
    )
    zpl = render_zpl_label(long_names, size=size, dpi=dpi)
    assert f"^PW{width}".encode() in zpl and f"^LL{height}".encode() in zpl
    for x, y, _, _ in fields(zpl):
        assert 0 <= x < width and 0 <= y < height
    # The drawn extents too, not just the origins.
    layout = build_shipping_layout(long_names, size=size, dpi=dpi)
    for element in layout.elements:
        right = element.x + getattr(element, "max_width", 0) + getattr(element, "width", 0) + getattr(element, "size", 0)
        bottom = element.y + getattr(element, "height", 0) + getattr(element, "size", 0)
        assert right <= width and bottom <= height, element
    texts = layout.texts()
    assert any(t.startswith("Comercializadora") and t.endswith("…") for t in texts)
    assert "Pedro Aguirre Cerda" in texts  # the comuna shrinks rather than losing letters
    assert "12 de 12" in texts


def test_weights_are_written_in_chilean_kilograms() -> None:
    assert format_weight_kg(1250) == "1,25 kg"
    assert format_weight_kg(350) == "0,35 kg"
    assert format_weight_kg(12000) == "12,00 kg"
    assert format_weight_kg(1234567) == "1.234,57 kg"
    assert format_weight_kg(1994) == "1,99 kg" and format_weight_kg(1995) == "2,00 kg"


def test_label_data_is_checked_before_anything_prints() -> None:
    with pytest.raises(ValueError, match="package 3 of 2"):
        make_label(package_index=3, package_count=2)
    with pytest.raises(ValueError, match="printable ASCII"):
        make_label(tracking_number="CX 123")
    with pytest.raises(ValueError, match="203 or 300"):
        render_zpl_label(make_label(), dpi=600)
    with pytest.raises(ValueError, match="4x6, 100x150"):
        render_zpl_label(make_label(), size="A6")


def test_test_label_shows_the_station_and_frames_the_label() -> None:
    zpl = render_test_label("Mesa 3 — Ñuñoa", 300)
    assert zpl.startswith(b"^XA\n^CI28\n^PW1200\n^LL1800")
    texts = [text for *_, text in fields(zpl)]
    assert "Mesa 3 — Ñuñoa" in texts and "Ñuñoa · Peñalolén · Concepción" in texts
    assert zpl.count(b"^GB") == 4  # the frame


def test_epl_label_has_the_same_content_in_windows_1252() -> None:
    epl = render_epl_label(make_label(recipient=Address(
        name='Ana "La Flaca" Pérez\\', street=CUSTOMER.street, number=CUSTOMER.number, comuna="Peñalolén", region="RM"
    )))
    text = epl.decode("cp1252")
    assert text.startswith("\nN\nI8,A,001\nq812\nQ1218,24\n") and text.rstrip().endswith("P1")
    assert 'B172,730,0,1,3,3,180,B,"CX123456789CL"' in text or re.search(r'\nB\d+,\d+,0,1,\d,\d,\d+,B,"CX123456789CL"', text)
    assert '"Peñalolén"' in text
    assert '"Ana \\"La Flaca\\" Pérez\\\\"' in text  # quotes and backslashes escaped
    for line in text.splitlines():
        if line.startswith(("A", "B", "LO")):
            x, y = (int(v) for v in re.findall(r"\d+", line)[:2])
            assert x < 812 and y < 1218
