"""PDF label and packing slip, and carrier labels converted for a ZPL printer."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from printing_samples import CUSTOMER, make_label

from station.api import Label
from station.hardware.documents import PackingSlipData, PackingSlipLine, render_packing_slip, render_pdf_label
from station.hardware.printing.graphics import LabelConversionError, image_to_zpl, label_print_job, pdf_to_zpl


def pdf_text(pdf: bytes, tmp_path: Path) -> str | None:
    """The PDF's text via poppler's pdftotext, or None where it is not installed."""
    if shutil.which("pdftotext") is None:
        return None
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_page_size(pdf: bytes) -> tuple[float, float]:
    match = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert match, "no MediaBox"
    return float(match.group(1)), float(match.group(2))


def test_the_pdf_label_is_a_4x6_page_with_the_same_content(tmp_path: Path) -> None:
    pdf = render_pdf_label(make_label())
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert pdf_page_size(pdf) == (288.0, 432.0)  # 4 × 6 in
    assert pdf_page_size(render_pdf_label(make_label(), size="100x150")) == pytest.approx((283.3, 425.0), abs=0.5)
    text = pdf_text(pdf, tmp_path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for expected in ("Chilexpress", "Peñalolén", "Región Metropolitana", "JL-1042", "CX123456789CL", "1 de 2", "Peso 1,25 kg"):
        assert expected in text, expected


def slip(**changes: object) -> PackingSlipData:
    values: dict[str, object] = {
        "order_reference": "JL-1042",
        "customer": CUSTOMER,
        "lines": (
            PackingSlipLine(sku="POL-NEG-M", name="Polera algodón negra, talla M", quantity=2, unit_price_minor=9990),
            PackingSlipLine(sku="CAL-AZ-42", name="Calcetines azules & <pack 3>", quantity=1, unit_price_minor=4990),
        ),
        "shipping_minor": 3990,
        "channel": "Mercado Libre",
        "external_id": "2000001234",
        "packed_at": datetime(2026, 3, 2, 12, 30),
        "note": "Regalo: sin boleta en la caja",
    }
    values.update(changes)
    return PackingSlipData(**values)  # type: ignore[arg-type]


def test_the_packing_slip_shows_order_address_lines_and_clp_totals(tmp_path: Path) -> None:
    data = slip()
    assert (data.subtotal_minor, data.grand_total_minor) == (24970, 28960)
    pdf = render_packing_slip(data)
    assert pdf.startswith(b"%PDF-")
    assert pdf_page_size(pdf) == pytest.approx((595.3, 841.9), abs=0.1)  # A4
    assert pdf_page_size(render_packing_slip(slip(page_size="Letter"))) == (612.0, 792.0)
    text = pdf_text(pdf, tmp_path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for expected in (
        "Pedido JL-1042", "Ana María Pérez Soto", "Peñalolén, Región Metropolitana", "POL-NEG-M",
        "Polera algodón negra, talla M", "Calcetines azules & <pack 3>", "$9.990", "$19.980", "$3.990", "$28.960",
    ):
        assert expected in text, expected


def test_a_long_order_flows_onto_more_pages(tmp_path: Path) -> None:
    lines = tuple(PackingSlipLine(sku=f"SKU-{i:03d}", name=f"Producto {i}", quantity=1, unit_price_minor=1000) for i in range(120))
    pdf = render_packing_slip(slip(lines=lines))
    assert len(re.findall(rb"/Type /Page\b", pdf)) >= 3
    text = pdf_text(pdf, tmp_path)
    if text is not None:
        assert "SKU-119" in text and "$123.990" in text


def black_square_png(size: tuple[int, int] = (400, 600)) -> bytes:
    image = Image.new("RGBA", size, (255, 255, 255, 0))  # transparent: must print as white
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 2 - 1, size[1] - 1), fill=(0, 0, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_image_label_becomes_a_ZPL_graphic_the_size_of_the_label() -> None:
    zpl = image_to_zpl(black_square_png(), dpi=203)
    match = re.search(rb"\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS", zpl)
    assert match and zpl.startswith(b"^XA") and zpl.rstrip().endswith(b"^XZ")
    x, y, total, total_again, per_row, data = match.groups()
    assert total == total_again and int(total) * 2 == len(data)
    rows = int(total) // int(per_row)
    assert (int(per_row), rows) == (102, 1218)  # 812 dots wide → 101.5 bytes, padded to 102
    assert (int(x), int(y)) == (0, 0)
    first_row = bytes.fromhex(data[: int(per_row) * 2].decode())
    assert first_row[:50] == b"\xff" * 50 and first_row[52:] == b"\x00" * 50  # left half black, right white


def test_carrier_labels_pass_through_or_are_converted() -> None:
    zpl_label = Label(carrier="starken", tracking_number="ST1", format="zpl", data=b"^XA^FDx^FS^XZ", idempotency_key="k")
    job = label_print_job(zpl_label, language="zpl")
    assert (job.data, job.content_type, job.title) == (b"^XA^FDx^FS^XZ", "application/zpl", "starken ST1")
    png_label = Label(carrier="blue", tracking_number="B1", format="pdf", data=black_square_png(), idempotency_key="k")
    assert label_print_job(png_label, language="zpl").data.startswith(b"^XA\n^PW812")
    with pytest.raises(LabelConversionError, match="sent a ZPL label but this printer takes EPL"):
        label_print_job(zpl_label, language="epl")


def test_a_pdf_label_is_rasterised_for_a_zpl_printer() -> None:
    pytest.importorskip("pypdfium2")
    zpl = pdf_to_zpl(render_pdf_label(make_label()), dpi=203)
    assert zpl.count(b"^XA") == 1 and b"^GFA," in zpl
    per_row = int(re.search(rb"\^GFA,\d+,\d+,(\d+),", zpl).group(1))  # type: ignore[union-attr]
    assert per_row == 102


def test_without_pypdfium2_the_error_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pdfium(name: str, *args: object, **kwargs: object) -> object:
        if name == "pypdfium2":
            raise ImportError("No module named 'pypdfium2'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pdfium)
    with pytest.raises(LabelConversionError, match=r"needs the Python package pypdfium2 \(pip install pypdfium2\)"):
        pdf_to_zpl(b"%PDF-1.4")
