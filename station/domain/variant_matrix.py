"""The variant matrix: a product's attribute axes (size × colour × …) → one SKU per combination.

Pure planning, no storage: which combinations exist, what each SKU is called and how its code is
built, the internal EAN-13 numbers, and which files are images.

SKU codes are ``{product code}-{value code}-{value code}…`` in axis order, ASCII and upper case
(the product code keeps its dashes, as the demo catalogue's ``POL-001-M-ROJ``): accents are stripped and ``ñ`` becomes ``N`` ("Piña" → ``PIN``), spaces and punctuation dropped. A
value made only of letters and longer than three is cut to three letters (``Rojo`` → ``ROJ``), as in
the demo catalogue; when two values of one axis would share a code, the later one keeps its whole
folded text, then a number (``AZU``, ``AZULMARINO``, ``AZULMARINO2``), so codes already given to
earlier values never change when a value is added at the end.

Internal barcodes are GS1 *restricted circulation numbers* (RCN-13): GS1 never gives the prefixes
200–299 to a company, they are kept for numbers used inside one company or region, so ours can never
clash with a manufacturer's GTIN. We use ``200`` + a 9-digit running number + the check digit. They are
for the warehouse's own labels only: never send them to a marketplace as a GTIN (some countries use
parts of 20–29 for variable-measure items at the till).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from station.domain.errors import DomainError
from station.domain.gs1 import gs1_check_digit

__all__ = [
    "INTERNAL_EAN_PREFIX",
    "MAX_SKU_LENGTH",
    "Axis",
    "MatrixError",
    "PlannedVariant",
    "ascii_code",
    "check_axes",
    "combination_key",
    "image_kind",
    "internal_ean13",
    "next_internal_ean13",
    "parse_values",
    "plan_matrix",
    "product_code_part",
    "value_codes",
]

INTERNAL_EAN_PREFIX = "200"  # GS1 restricted circulation (RCN-13, prefixes 200–299)
MAX_SKU_LENGTH = 64  # the column's width
_NOT_CODE = re.compile(r"[^A-Z0-9]")
# The first bytes of each image format we keep, and the extension the copy gets.
_IMAGE_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)


class MatrixError(DomainError, ValueError):
    """The axes or codes cannot make a matrix; the message names the axis, value or code."""


@dataclass(frozen=True)
class Axis:
    name: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class PlannedVariant:
    """One combination of the matrix, named and coded."""

    attributes: dict[str, str] = field(hash=False)
    sku: str
    name: str

    @property
    def key(self) -> frozenset[tuple[str, str]]:
        return combination_key(self.attributes)


def combination_key(attributes: Mapping[str, object]) -> frozenset[tuple[str, str]]:
    """What identifies a combination whatever the order of its axes."""
    return frozenset((str(name), str(value)) for name, value in attributes.items())


def parse_values(text: str) -> tuple[str, ...]:
    """'S, M ,L,,M' → ('S', 'M', 'L'): comma-separated, trimmed, blanks and repeats dropped."""
    values: list[str] = []
    for part in text.split(","):
        value = " ".join(part.split())
        if value and value.casefold() not in {v.casefold() for v in values}:
            values.append(value)
    return tuple(values)


def ascii_code(text: str) -> str:
    """'Piña Colada 1,5 L' → 'PINACOLADA15L': accents stripped, ñ → N, upper case, letters and digits."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).upper()
    return _NOT_CODE.sub("", folded.replace("ß", "SS").replace("Ø", "O").replace("Æ", "AE"))


def product_code_part(code: str) -> str:
    """'pol-001 ñ' → 'POL-001-N': like `ascii_code`, but the code's own dashes stay (and spaces become dashes)."""
    parts = [ascii_code(part) for part in re.split(r"[\s\-]+", code)]
    return "-".join(part for part in parts if part)


def value_codes(axis: Axis) -> dict[str, str]:
    """The code of each value of an axis inside a SKU, unique within the axis."""
    codes: dict[str, str] = {}
    taken: set[str] = set()
    for value in axis.values:
        full = ascii_code(value)
        if not full:
            raise MatrixError(f"{axis.name}: value {value!r} has no letter or digit to put in a SKU")
        short = full[:3] if full.isalpha() and len(full) > 3 else full
        code = short if short not in taken else full
        number = 2
        while code in taken:
            code = f"{full}{number}"
            number += 1
        codes[value] = code
        taken.add(code)
    return codes


def check_axes(axes: Sequence[Axis]) -> None:
    names: set[str] = set()
    for axis in axes:
        if not axis.name.strip():
            raise MatrixError("An axis needs a name (size, colour …)")
        if axis.name.casefold() in names:
            raise MatrixError(f"Axis {axis.name!r} appears twice")
        names.add(axis.name.casefold())
        if not axis.values:
            raise MatrixError(f"Axis {axis.name!r} has no values")
        seen: set[str] = set()
        for value in axis.values:
            if not value.strip():
                raise MatrixError(f"Axis {axis.name!r} has an empty value")
            if value.casefold() in seen:
                raise MatrixError(f"Axis {axis.name!r}: value {value!r} appears twice")
            seen.add(value.casefold())


def plan_matrix(product_code: str, product_name: str, axes: Sequence[Axis]) -> list[PlannedVariant]:
    """Every combination of the axes once, in axis order; no axis at all gives the product's one SKU."""
    check_axes(axes)
    prefix = product_code_part(product_code)
    if not prefix:
        raise MatrixError(f"Product code {product_code!r} has no letter or digit to start its SKUs with")
    codes = [value_codes(axis) for axis in axes]
    planned: list[PlannedVariant] = []
    for values in itertools.product(*(axis.values for axis in axes)):
        sku = "-".join([prefix, *(axis_codes[value] for axis_codes, value in zip(codes, values, strict=True))])
        if len(sku) > MAX_SKU_LENGTH:
            raise MatrixError(
                f"SKU {sku} is longer than {MAX_SKU_LENGTH} characters: shorten the product code or a value"
            )
        attributes = {axis.name: value for axis, value in zip(axes, values, strict=True)}
        planned.append(PlannedVariant(attributes, sku, " ".join([product_name.strip(), *values])))
    return planned


def internal_ean13(number: int) -> str:
    """The restricted-circulation EAN-13 with running number `number` (1 … 999 999 999)."""
    if not 0 < number < 10**9:
        raise MatrixError(f"internal barcode number {number} is outside 1 … 999999999")
    first12 = f"{INTERNAL_EAN_PREFIX}{number:09d}"
    return first12 + str(gs1_check_digit(first12))


def next_internal_ean13(taken: Iterable[str], count: int) -> list[str]:
    """`count` new internal EAN-13s after the highest of ours in `taken` (other codes are ignored)."""
    highest = 0
    for code in taken:
        if len(code) == 13 and code.isdigit() and code.startswith(INTERNAL_EAN_PREFIX):
            highest = max(highest, int(code[3:12]))
    return [internal_ean13(highest + step) for step in range(1, count + 1)]


def image_kind(head: bytes) -> str | None:
    """The extension for an image file that starts with `head` (PNG, JPEG, GIF, BMP, WebP), else None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return next((ext for signature, ext in _IMAGE_SIGNATURES if head.startswith(signature)), None)
