"""Carrier-supplied labels, made printable on our printer.

* ZPL or EPL from the carrier goes to a printer of the same language as it is.
* An image (PNG, GIF, BMP …) becomes a ZPL ``^GFA`` graphic: flattened onto white, scaled to
  fit the label at the printer's resolution, thresholded to black and white, each row padded
  to whole bytes, written as hex.
* A PDF is rendered page by page with ``pypdfium2`` (one label per page), then as an image.
  ``pypdfium2`` is optional: without it a PDF label for a ZPL printer raises
  :class:`LabelConversionError` naming the package to install.
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from station.api import CONTENT_TYPE_EPL, CONTENT_TYPE_PDF, CONTENT_TYPE_ZPL, Label, PrintJob
from station.hardware.printing.layout import label_dots

__all__ = ["LabelConversionError", "image_to_zpl", "label_print_job", "pdf_to_zpl"]

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF_MAGIC = b"%PDF"
DEFAULT_THRESHOLD = 160  # a little above mid-grey: thin grey carrier fonts stay black


class LabelConversionError(ValueError):
    """The carrier's label cannot be turned into something this printer prints."""


def image_to_zpl(
    image: bytes | Image.Image, *, dpi: int = 203, size: str = "4x6", threshold: int = DEFAULT_THRESHOLD
) -> bytes:
    """One label holding ``image`` as a ``^GFA`` graphic, scaled to fit ``size`` at ``dpi``."""
    picture = _open_image(image)
    width, height = label_dots(size, dpi)
    bitmap = _to_bitmap(picture, width, height, threshold)
    bytes_per_row = (bitmap.width + 7) // 8
    data = bitmap.tobytes()  # mode "1": rows padded to whole bytes, 1 bit = black here
    total = len(data)
    x = (width - bitmap.width) // 2
    y = (height - bitmap.height) // 2
    return (
        f"^XA\n^PW{width}\n^LL{height}\n^LH0,0\n^FO{x},{y}^GFA,{total},{total},{bytes_per_row},".encode("ascii")
        + data.hex().upper().encode("ascii")
        + b"^FS\n^XZ\n"
    )


def pdf_to_zpl(pdf: bytes, *, dpi: int = 203, size: str = "4x6", threshold: int = DEFAULT_THRESHOLD) -> bytes:
    """Each page of ``pdf`` as one ZPL graphic label (needs ``pypdfium2``)."""
    try:
        import pypdfium2  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        raise LabelConversionError(
            "printing a PDF label on a ZPL printer needs the Python package pypdfium2 "
            "(pip install pypdfium2), or ask the carrier for ZPL labels"
        ) from None
    try:
        document: Any = pypdfium2.PdfDocument(pdf)
    except Exception as exc:
        raise LabelConversionError(f"the carrier's PDF label cannot be read: {exc}") from exc
    width, height = label_dots(size, dpi)
    labels = []
    try:
        for index in range(len(document)):
            page = document[index]
            page_w, page_h = page.get_size()  # points
            scale = min(width / page_w, height / page_h)
            picture = page.render(scale=scale).to_pil()
            labels.append(image_to_zpl(picture, dpi=dpi, size=size, threshold=threshold))
    finally:
        document.close()
    if not labels:
        raise LabelConversionError("the carrier's PDF label has no pages")
    return b"".join(labels)


def label_print_job(
    label: Label, *, language: str, dpi: int = 203, size: str = "4x6", title: str | None = None
) -> PrintJob:
    """The print job for a carrier's ``label`` on a printer speaking ``language``."""
    job_title = title or f"{label.carrier} {label.tracking_number}"
    data = label.data
    fmt: str = label.format
    if not data:
        raise LabelConversionError(f"the {label.carrier} label {label.tracking_number} has nothing to print")
    if data.startswith(PNG_MAGIC):
        fmt = "png"  # some carriers hand over PNG whatever they call it
    if language == fmt:
        content_type = {"zpl": CONTENT_TYPE_ZPL, "epl": CONTENT_TYPE_EPL, "pdf": CONTENT_TYPE_PDF}[fmt]
        return PrintJob(data=data, content_type=content_type, title=job_title)
    if language == "zpl" and fmt == "pdf":
        return PrintJob(data=pdf_to_zpl(data, dpi=dpi, size=size), content_type=CONTENT_TYPE_ZPL, title=job_title)
    if language == "zpl" and fmt == "png":
        return PrintJob(data=image_to_zpl(data, dpi=dpi, size=size), content_type=CONTENT_TYPE_ZPL, title=job_title)
    raise LabelConversionError(
        f"{label.carrier} sent a {fmt.upper()} label but this printer takes {language.upper()}; "
        f"ask the carrier plugin for {language.upper()} labels or change the printer language"
    )


def _open_image(image: bytes | Image.Image) -> Image.Image:
    if isinstance(image, Image.Image):
        return image
    try:
        picture = Image.open(io.BytesIO(image))
        picture.load()
    except Exception as exc:
        raise LabelConversionError(f"the label image cannot be read: {exc}") from exc
    return picture


def _to_bitmap(picture: Image.Image, width: int, height: int, threshold: int) -> Image.Image:
    """Fit inside width × height, flatten transparency onto white, black = 1 bit."""
    rgba = picture.convert("RGBA")
    flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    flat.alpha_composite(rgba)
    grey = flat.convert("L")
    scale = min(width / grey.width, height / grey.height)
    target = (max(1, min(width, round(grey.width * scale))), max(1, min(height, round(grey.height * scale))))
    if target != grey.size:
        grey = grey.resize(target, Image.Resampling.LANCZOS)
    return grey.point(lambda value: 255 if value < threshold else 0, mode="1")
