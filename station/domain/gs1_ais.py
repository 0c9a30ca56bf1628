"""The GS1 application identifiers the station reads: data titles and formats.

Formats are written as in the GS1 General Specifications §3.2 (``N6`` six digits, ``X..20`` up to
twenty characters, ``N13+X..17`` thirteen digits then up to seventeen characters). Whether an element
string needs a GS after a field depends only on the AI's first two digits: the table of element
strings with predefined length (GS1 General Specifications §7.8) — :data:`PREDEFINED_LENGTH`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["AI_TABLE", "CHECK_DIGIT_LENGTHS", "PREDEFINED_LENGTH", "AiSpec"]

PREDEFINED_LENGTH = frozenset(
    ["00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"]
    + ["31", "32", "33", "34", "35", "36", "41"]
)
"""First two digits of the AIs whose data has a predefined length: no FNC1 follows them (GenSpecs §7.8)."""

CHECK_DIGIT_LENGTHS: Mapping[str, int] = MappingProxyType(
    {"00": 18, "01": 14, "02": 14, "03": 14, "253": 13, "402": 17, "8003": 14, "8006": 14, "8018": 18}
    | {f"41{n}": 13 for n in range(7)}
)
"""AI -> how many leading digits end in a GS1 mod-10 check digit (GTIN, SSCC, GLN, GDTI, GRAI …)."""

_PART_RE = re.compile(r"^([NX])(\.\.)?(\d+)$")


@dataclass(frozen=True)
class AiSpec:
    """One application identifier: its data title and format in GS1 notation (``N6``, ``X..20``)."""

    ai: str
    title: str
    format: str

    @property
    def predefined(self) -> bool:
        """True when the data has a predefined length, so no GS follows it in an element string."""
        return self.ai[:2] in PREDEFINED_LENGTH

    @property
    def max_length(self) -> int:
        return sum(int(part[-1]) for part in self._parts())

    @property
    def min_length(self) -> int:
        fixed = sum(int(part[-1]) for part in self._parts() if not part[1])
        return fixed or 1

    def describe(self) -> str:
        """What the data should look like, in words: ``'6 digits'``, ``'1 to 20 characters'``."""
        words = []
        for kind, variable, size in self._parts():
            noun = "digits" if kind == "N" else "characters"
            words.append(f"up to {size} {noun}" if variable else f"{size} {noun}")
        if len(words) == 1 and words[0].startswith("up to"):
            return f"1 to {words[0][6:]}"
        return " then ".join(words)

    def matches(self, value: str) -> bool:
        """Whether ``value`` has this AI's format (length and digits; any printable text for ``X``)."""
        if not self.min_length <= len(value) <= self.max_length:
            return False
        offset = 0
        for kind, variable, size in self._parts():
            chunk = value[offset:] if variable else value[offset : offset + int(size)]
            offset += len(chunk)
            if kind == "N" and not (chunk.isascii() and chunk.isdigit() or chunk == ""):
                return False
            # Lenient on purpose: labels in the wild carry characters outside GS1's set 82; only
            # control characters are refused, as they can only come from a mangled scan.
            if kind == "X" and not chunk.isprintable():
                return False
        return offset == len(value)

    def _parts(self) -> list[tuple[str, str, str]]:
        parts = []
        for part in self.format.split("+"):
            match = _PART_RE.match(part)
            assert match is not None, f"bad GS1 format {self.format!r} for AI {self.ai}"
            parts.append((match[1], match[2] or "", match[3]))
        return parts


def _table() -> dict[str, AiSpec]:
    rows = {
        "00": ("SSCC", "N18"), "01": ("GTIN", "N14"), "02": ("CONTENT", "N14"), "03": ("MTO GTIN", "N14"),
        "10": ("BATCH/LOT", "X..20"), "11": ("PROD DATE", "N6"), "12": ("DUE DATE", "N6"),
        "13": ("PACK DATE", "N6"), "15": ("BEST BEFORE", "N6"), "16": ("SELL BY", "N6"),
        "17": ("USE BY OR EXPIRY", "N6"), "20": ("VARIANT", "N2"), "21": ("SERIAL", "X..20"),
        "22": ("CPV", "X..20"), "235": ("TPX", "X..28"), "240": ("ADDITIONAL ID", "X..30"),
        "241": ("CUST. PART No.", "X..30"), "242": ("MTO VARIANT", "N..6"), "250": ("SECONDARY SERIAL", "X..30"),
        "251": ("REF. TO SOURCE", "X..30"), "253": ("GDTI", "N13+X..17"), "254": ("GLN EXTENSION", "X..20"),
        "30": ("VAR. COUNT", "N..8"), "37": ("COUNT", "N..8"), "400": ("ORDER NUMBER", "X..30"),
        "401": ("GINC", "X..30"), "402": ("GSIN", "N17"), "403": ("ROUTE", "X..30"),
        "410": ("SHIP TO LOC", "N13"), "411": ("BILL TO", "N13"), "412": ("PURCHASE FROM", "N13"),
        "413": ("SHIP FOR LOC", "N13"), "414": ("LOC No.", "N13"), "415": ("PAY TO", "N13"),
        "416": ("PROD/SERV LOC", "N13"), "420": ("SHIP TO POST", "X..20"), "421": ("SHIP TO POST", "N3+X..9"),
        "422": ("ORIGIN", "N3"), "7003": ("EXPIRY TIME", "N10"), "8003": ("GRAI", "N14+X..16"),
        "8004": ("GIAI", "X..30"), "8005": ("PRICE PER UNIT", "N6"), "8006": ("ITIP", "N14+N2+N2"),
        "8008": ("PROD TIME", "N8+N..4"), "8018": ("GSRN - PROVIDER", "N18"), "8020": ("REF No.", "X..25"),
        "90": ("INTERNAL", "X..30"),
    }  # fmt: skip
    rows |= {str(ai): ("INTERNAL", "X..90") for ai in range(91, 100)}
    measures = {"310": "NET WEIGHT (kg)", "311": "LENGTH (m)", "312": "WIDTH (m)", "313": "HEIGHT (m)",
                "314": "AREA (m²)", "315": "NET VOLUME (l)", "316": "NET VOLUME (m³)", "320": "NET WEIGHT (lb)",
                "330": "GROSS WEIGHT (kg)"}  # fmt: skip
    rows |= {f"{base}{n}": (title, "N6") for base, title in measures.items() for n in range(6)}
    rows |= {
        f"{base}{n}": (title, "N..15") for base, title in {"390": "AMOUNT", "392": "PRICE"}.items() for n in range(10)
    }
    return {ai: AiSpec(ai, title, fmt) for ai, (title, fmt) in rows.items()}


AI_TABLE: Mapping[str, AiSpec] = MappingProxyType(_table())
"""The application identifiers this station reads, from the GS1 General Specifications §3.2."""
