"""GS1 barcodes as scanners deliver them: element strings, AIM prefixes, EAN/UPC.

A scanner hands the station one of these for a GS1 barcode (GS1-128, GS1 DataMatrix, GS1 QR, DataBar):

- the raw element string, application identifier (AI) then data, AI then data, with FNC1 sent as the
  ASCII group separator ``GS`` (0x1D) after every variable-length field that is not last;
- the same behind an AIM symbology identifier (``]C1`` GS1-128, ``]e0`` DataBar, ``]d2`` DataMatrix,
  ``]Q3`` QR, ``]J1`` DotCode) when the scanner is programmed to send one;
- the human-readable form printed under the bars, ``(01)07801234567894(10)LOT42(17)261231`` (what a
  person types, or a scanner set to "HRI" output).

Which fields need no separator is not a property of each AI but of its first two digits: the table of
element strings with predefined length in the GS1 General Specifications (§7.8, "Processing of data
from a GS1 symbology using GS1 Application Identifiers") — 00, 01, 02, 03, 04, 11–20, 31–36, 41.
Every other AI ends at GS or at the end of the data, even when its format has a fixed length (8005 N6).

Dates are YYMMDD; DD = 00 means the last day of that month, and the century follows §7.12 (a
two-digit year is placed within 49 years before and 50 years after the current one).

>>> data = parse_gs1("]C10107801234567894" "10LOT42\\x1d" "17261231", today=date(2025, 1, 1))
>>> data.gtin, data.lot, data.expiry
('07801234567894', 'LOT42', datetime.date(2026, 12, 31))
>>> classify_scan("036000291452").keys
('036000291452', '0036000291452', '00036000291452')
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from station.domain.errors import DomainError
from station.domain.gs1_ais import AI_TABLE, CHECK_DIGIT_LENGTHS, AiSpec

__all__ = [
    "AI_TABLE",
    "GS",
    "GS1_SYMBOLOGIES",
    "AiSpec",
    "ClassifiedScan",
    "Gs1Data",
    "Gs1Element",
    "InvalidGs1",
    "InvalidScan",
    "ScanKind",
    "build_element_string",
    "classify_scan",
    "format_hri",
    "gs1_check_digit",
    "gtin_keys",
    "is_valid_check_digit",
    "parse_gs1",
]

GS = "\x1d"
"""ASCII group separator: how a scanner transmits FNC1 between fields."""

GS1_SYMBOLOGIES: Mapping[str, str] = MappingProxyType(
    {"]C1": "GS1-128", "]e0": "GS1 DataBar", "]d2": "GS1 DataMatrix", "]Q3": "GS1 QR Code", "]J1": "GS1 DotCode"}
)
"""AIM symbology identifiers (ISO/IEC 15424) that announce GS1 element strings."""

_DATE_AIS = frozenset({"11", "12", "13", "15", "16", "17"})
_AIM_RE = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_HRI_AI_RE = re.compile(r"\((\d{2,4})\)")
_LEADS_WITH_AI = re.compile(r"\x1d*\d\d")
_BLANKS = " \t\r\n"  # never str.strip(): Python counts GS (0x1D) as whitespace and would eat it


class InvalidScan(DomainError, ValueError):
    """A scan that cannot be read; ``position`` is the 0-based index in the text as scanned."""

    def __init__(self, message: str, *, position: int | None = None) -> None:
        self.position = position
        super().__init__(message)


class InvalidGs1(InvalidScan):
    """A GS1 barcode whose data breaks the GS1 rules: names the AI and where in the scan."""

    def __init__(self, message: str, *, ai: str | None = None, position: int | None = None) -> None:
        self.ai = ai
        where = f" (character {position + 1})" if position is not None else ""
        super().__init__(f"AI {ai} {message}{where}" if ai else f"{message}{where}", position=position)


def gs1_check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit for ``digits`` (everything but the check digit).

    Weights 3 and 1 alternate from the right (GS1 General Specifications §7.9.1):

    >>> gs1_check_digit("629104150021")
    3
    """
    if not (digits.isascii() and digits.isdigit()):
        raise InvalidScan(f"a check digit needs digits only, got {digits!r}")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def is_valid_check_digit(number: str) -> bool:
    """Whether the last digit of ``number`` is its GS1 check digit (GTIN, SSCC, GLN …)."""
    return (
        len(number) >= 2 and number.isascii() and number.isdigit() and gs1_check_digit(number[:-1]) == int(number[-1])
    )


@dataclass(frozen=True)
class Gs1Element:
    """One AI and its data, and where the AI started in the text as scanned (0-based).

    Elements compare by AI and data only: the same data scanned in another form is equal.
    """

    ai: str
    value: str
    position: int = field(default=0, compare=False)

    @property
    def title(self) -> str:
        return AI_TABLE[self.ai].title


@dataclass(frozen=True)
class Gs1Data:
    """What a GS1 barcode said. ``ais`` maps every AI to its data; the rest are the usual ones, decoded."""

    elements: tuple[Gs1Element, ...]
    symbology: str = ""  # the AIM identifier it came with, e.g. "]C1"; empty if none
    gtin: str | None = None  # AI 01, 14 digits
    content_gtin: str | None = None  # AI 02: the GTIN of the items inside a logistic unit
    lot: str | None = None  # AI 10
    serial: str | None = None  # AI 21
    sscc: str | None = None  # AI 00, 18 digits
    expiry: date | None = None  # AI 17
    best_before: date | None = None  # AI 15
    production_date: date | None = None  # AI 11
    net_weight_g: int | None = None  # AI 310n (kg), else 320n (lb), in whole grams
    count: int | None = None  # AI 30, else AI 37
    ais: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def element_string(self) -> str:
        """The data as a barcode carries it: GS after each variable-length field but the last."""
        return build_element_string((e.ai, e.value) for e in self.elements)

    @property
    def hri(self) -> str:
        """The human-readable form: ``(01)07801234567894(10)LOT42``."""
        return format_hri((e.ai, e.value) for e in self.elements)


def parse_gs1(text: str, *, today: date | None = None) -> Gs1Data:
    """Read GS1 data in any form a scanner or a person delivers it (see the module docstring).

    ``today`` places two-digit years in their century (default: the real today). Raises
    :class:`InvalidGs1` naming the AI and the character where the data stops making sense.
    """
    body = text.strip(_BLANKS)
    symbology = ""
    if _AIM_RE.match(body):
        symbology, body = body[:3], body[3:]
    offset = len(text) - len(text.lstrip(_BLANKS)) + len(symbology)
    if not body.strip(GS):
        raise InvalidGs1("the scan holds no GS1 data", position=offset)
    if body.startswith("("):
        elements = _parse_hri(body, offset)
    else:
        elements = _parse_raw(body, offset)
    return _decode(tuple(elements), symbology, today or date.today())


def _match_ai(data: str, i: int, position: int) -> AiSpec:
    for size in (2, 3, 4):
        spec = AI_TABLE.get(data[i : i + size])
        if spec is not None:
            return spec
    head = data[i : i + 4]
    if not head[:2].isdigit():
        raise InvalidGs1(f"expected an application identifier (digits), got {head!r}", position=position)
    raise InvalidGs1(f"unknown application identifier at {head!r}", position=position)


def _parse_raw(data: str, offset: int) -> list[Gs1Element]:
    elements = []
    i = 0
    while i < len(data):
        if data[i] == GS:  # a separator: leading, trailing or doubled ones are harmless
            i += 1
            continue
        spec = _match_ai(data, i, offset + i)
        start = i + len(spec.ai)
        if spec.predefined:
            value = data[start : start + spec.max_length].split(GS, 1)[0]
        else:
            end = data.find(GS, start)
            value = data[start : len(data) if end == -1 else end]
        elements.append(_element(spec, value, offset + i, raw=True))
        i = start + len(value)
    return elements


def _parse_hri(data: str, offset: int) -> list[Gs1Element]:
    matches = list(_HRI_AI_RE.finditer(data))
    if not matches or matches[0].start() != 0:
        raise InvalidGs1("expected '(AI)' at the start of the human-readable form", position=offset)
    elements = []
    for match, following in zip(matches, [*matches[1:], None]):
        spec = AI_TABLE.get(match[1])
        if spec is None:
            raise InvalidGs1(f"unknown application identifier ({match[1]})", position=offset + match.start())
        value = data[match.end() : following.start() if following else len(data)].strip(_BLANKS)
        elements.append(_element(spec, value, offset + match.start(), raw=False))
    return elements


def _element(spec: AiSpec, value: str, position: int, *, raw: bool) -> Gs1Element:
    if not spec.matches(value):
        hint = ""
        if raw and not spec.predefined and len(value) > spec.max_length:
            hint = "; is a GS separator missing?"
        raise InvalidGs1(f"expects {spec.describe()}, got {value!r}{hint}", ai=spec.ai, position=position)
    checked = CHECK_DIGIT_LENGTHS.get(spec.ai)
    if checked and not is_valid_check_digit(value[:checked]):
        expected = gs1_check_digit(value[: checked - 1])
        raise InvalidGs1(
            f"{value[:checked]} has check digit {value[checked - 1]}, expected {expected}",
            ai=spec.ai,
            position=position,
        )
    return Gs1Element(spec.ai, value, position)


def _decode(elements: tuple[Gs1Element, ...], symbology: str, today: date) -> Gs1Data:
    ais: dict[str, str] = {}
    dates: dict[str, date] = {}
    for element in elements:
        if ais.setdefault(element.ai, element.value) != element.value:
            raise InvalidGs1(
                f"appears twice with different data: {ais[element.ai]!r} and {element.value!r}",
                ai=element.ai,
                position=element.position,
            )
        if element.ai in _DATE_AIS:
            dates[element.ai] = _yymmdd(element, today)
    count = ais.get("30", ais.get("37"))
    return Gs1Data(
        elements=elements,
        symbology=symbology,
        gtin=ais.get("01"),
        content_gtin=ais.get("02"),
        lot=ais.get("10"),
        serial=ais.get("21"),
        sscc=ais.get("00"),
        expiry=dates.get("17"),
        best_before=dates.get("15"),
        production_date=dates.get("11"),
        net_weight_g=_net_weight_g(ais),
        count=int(count) if count is not None else None,
        ais=MappingProxyType(ais),
    )


def _yymmdd(element: Gs1Element, today: date) -> date:
    yy, mm, dd = (int(element.value[i : i + 2]) for i in (0, 2, 4))
    if not 1 <= mm <= 12:
        raise InvalidGs1(f"has month {mm:02d} in date {element.value!r}", ai=element.ai, position=element.position)
    # §7.12: a year 51–99 ahead of this one is last century's, 50–99 behind is next century's.
    century = today.year - today.year % 100
    difference = yy - today.year % 100
    year = century + yy + (-100 if difference >= 51 else 100 if difference <= -50 else 0)
    last_day = calendar.monthrange(year, mm)[1]
    if dd > last_day:
        raise InvalidGs1(f"has day {dd:02d} in date {element.value!r}", ai=element.ai, position=element.position)
    return date(year, mm, dd or last_day)  # DD = 00: the last day of the month


def _net_weight_g(ais: Mapping[str, str]) -> int | None:
    for base, grams_per_unit_num, grams_per_unit_den in (("310", 1000, 1), ("320", 45_359_237, 100_000)):
        for decimals in range(6):
            value = ais.get(f"{base}{decimals}")
            if value is not None:
                # value / 10**decimals units, times grams per unit; round halves up, integers only.
                numerator = int(value) * grams_per_unit_num
                denominator = 10**decimals * grams_per_unit_den
                return (2 * numerator + denominator) // (2 * denominator)
    return None


def build_element_string(elements: Iterable[tuple[str, str]]) -> str:
    """Join ``(ai, value)`` pairs as a barcode carries them: GS after variable-length fields but the last.

    Every value is checked against its AI's format first (:class:`InvalidGs1` if it does not fit).
    """
    checked = [_element(_spec(ai), value, 0, raw=False) for ai, value in elements]
    parts = []
    for index, element in enumerate(checked):
        parts.append(element.ai + element.value)
        if not AI_TABLE[element.ai].predefined and index < len(checked) - 1:
            parts.append(GS)
    return "".join(parts)


def format_hri(elements: Iterable[tuple[str, str]]) -> str:
    """The human-readable form of ``(ai, value)`` pairs: ``(01)07801234567894(17)261231``."""
    return "".join(f"({_spec(ai).ai}){value}" for ai, value in elements)


def _spec(ai: str) -> AiSpec:
    spec = AI_TABLE.get(ai)
    if spec is None:
        raise InvalidGs1(f"unknown application identifier {ai!r}")
    return spec


class ScanKind(StrEnum):
    """What a scanned code is, as far as the digits and the scanner's AIM prefix tell."""

    EAN13 = "ean13"
    UPC_A = "upc_a"
    EAN8 = "ean8"
    GTIN14 = "gtin14"  # ITF-14 on cartons, or a GTIN-14 typed in
    GS1 = "gs1"  # element string (GS1-128, DataMatrix, QR, DataBar) or its human-readable form
    PLAIN = "plain"  # anything else: our SKUs, order numbers, Code 128 free text


@dataclass(frozen=True)
class ClassifiedScan:
    """A scan made sense of.

    ``code`` is what was scanned without AIM prefix and surrounding blanks (for GS1: the element
    string with GS separators); ``keys`` are the codes to look it up by, best first — a UPC-A is
    also tried as the EAN-13 with a leading 0, a GS1 scan by its GTIN in every length.
    """

    kind: ScanKind
    code: str
    symbology: str = ""
    keys: tuple[str, ...] = ()
    gs1: Gs1Data | None = None


_GTIN_KINDS = {8: ScanKind.EAN8, 12: ScanKind.UPC_A, 13: ScanKind.EAN13, 14: ScanKind.GTIN14}
_GTIN_NAMES = {ScanKind.EAN8: "EAN-8", ScanKind.UPC_A: "UPC-A", ScanKind.EAN13: "EAN-13", ScanKind.GTIN14: "GTIN-14"}


def gtin_keys(gtin: str) -> tuple[str, ...]:
    """A GTIN as given, then as GTIN-13, -12, -14 and -8 where only leading zeros differ."""
    full = gtin.zfill(14)
    keys = [gtin]
    for length in (13, 12, 14, 8):
        if full[: 14 - length].strip("0") == "" and full[14 - length :] not in keys:
            keys.append(full[14 - length :])
    return tuple(keys)


def classify_scan(text: str, *, today: date | None = None) -> ClassifiedScan:
    """Tell an EAN-13/UPC-A/EAN-8/GTIN-14, a GS1 element string and a plain code apart.

    An AIM prefix settles it when there is one (``]C1`` GS1-128, ``]E0`` EAN/UPC, ``]C0`` plain Code 128
    …). Without one: a GS anywhere or a leading ``(NN)`` means GS1; 8, 12, 13 or 14 digits with a
    valid check digit mean a GTIN; a string that starts with AI 00 or 01 and a valid check digit is
    GS1 if it parses completely (scanners often drop the leading FNC1); anything else is plain.

    Raises :class:`InvalidGs1` when the scan is GS1 or EAN/UPC by its prefix or its GS but broken,
    and :class:`InvalidScan` when it is empty.
    """
    body = text.strip(_BLANKS)
    symbology = ""
    if _AIM_RE.match(body):
        symbology, body = body[:3], body[3:]
    if not body:
        raise InvalidScan("the scan is empty", position=0)
    # Without an AIM prefix: a GS after an AI's digits, or "(NN)", means GS1. Other data with GS in it
    # (ISO/IEC 15434 "[)>" on carrier labels, a Code 128 with ]C0) is not GS1 and stays plain.
    undeclared_gs1 = not symbology and bool(GS in body and _LEADS_WITH_AI.match(body) or _HRI_AI_RE.match(body))
    if symbology in GS1_SYMBOLOGIES or undeclared_gs1:
        return _gs1_scan(parse_gs1(text, today=today))
    is_digits = body.isascii() and body.isdigit()
    kind = _GTIN_KINDS.get(len(body)) if is_digits else None
    if kind is not None and symbology[:2] in ("", "]E", "]I", "]X"):
        if is_valid_check_digit(body):
            return ClassifiedScan(kind, body, symbology, gtin_keys(body))
        if symbology[:2] == "]E":  # the scanner says EAN/UPC, so a wrong check digit is a misread
            expected = gs1_check_digit(body[:-1])
            raise InvalidGs1(f"{_GTIN_NAMES[kind]} {body} has check digit {body[-1]}, expected {expected}")
    if not symbology and _looks_like_bare_gs1(body):
        try:
            return _gs1_scan(parse_gs1(body, today=today))
        except InvalidGs1:
            pass  # digits that only look like GS1: a plain code after all
    return ClassifiedScan(ScanKind.PLAIN, body, symbology, (body,))


def _looks_like_bare_gs1(body: str) -> bool:
    size = {"00": 18, "01": 14}.get(body[:2])
    return size is not None and len(body) >= 2 + size and is_valid_check_digit(body[2 : 2 + size])


def _gs1_scan(data: Gs1Data) -> ClassifiedScan:
    identifier = data.gtin or data.content_gtin
    keys = gtin_keys(identifier) if identifier else (data.sscc,) if data.sscc else (data.element_string,)
    return ClassifiedScan(ScanKind.GS1, data.element_string, data.symbology, keys, data)
