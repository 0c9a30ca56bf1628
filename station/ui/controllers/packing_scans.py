"""What a scan or a typed line means at the bench, before the packing session sees it (no Qt).

* A GS1 scan (GS1-128 with FNC1 sent as the GS character, an AIM prefix such as ``]C1``, or the
  human-readable ``(01)…(21)…`` form) is read with `station.domain.gs1.classify_scan`: its GTIN
  finds the item (in every length: GTIN-14, EAN-13, UPC-A) and its serial number (AI 21), if any,
  is the unit's serial.
* A short number typed on its own (1 to 4 digits, not a code of this order) is a count for the
  next item scanned ("3", Enter, then scan the item: three units).
* Anything else is a code: SKU, EAN-13, UPC-A (also tried as EAN-13), Code 128, a serial number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from station.domain.gs1 import InvalidScan, ScanKind, classify_scan

MAX_COUNT_DIGITS = 4


@dataclass(frozen=True)
class ScanInput:
    text: str  # what arrived, without surrounding blanks
    codes: tuple[str, ...] = ()  # what to look the item up by, best first
    serial: str | None = None  # the unit's serial number, when a GS1 scan carried one (AI 21)
    count: int | None = None  # a typed count for the next item
    gs1: bool = False

    @property
    def code(self) -> str:
        """The code to name in messages: the GTIN of a GS1 scan, else what was scanned."""
        return self.codes[0] if self.codes else self.text


class UnreadableScan(ValueError):
    """A GS1 or EAN/UPC scan that cannot be read (wrong check digit, broken element string)."""


def read_scan(text: str, order_codes: Iterable[str] = ()) -> ScanInput:
    """What the packer scanned or typed. `order_codes`: the order's SKUs and barcodes (upper case),
    so that a short numeric barcode of this order is never mistaken for a count."""
    raw = text.strip(" \r\n\t")
    if raw.isdigit() and len(raw) <= MAX_COUNT_DIGITS and raw.upper() not in set(order_codes) and int(raw) > 0:
        return ScanInput(raw, count=int(raw))
    try:
        scan = classify_scan(raw)
    except InvalidScan as exc:
        raise UnreadableScan(str(exc)) from exc
    if scan.kind == ScanKind.GS1 and scan.gs1 is not None:
        return ScanInput(raw, codes=scan.keys, serial=scan.gs1.serial or None, gs1=True)
    codes = scan.keys or (scan.code,)
    return ScanInput(raw, codes=tuple(dict.fromkeys((scan.code, *codes))))
