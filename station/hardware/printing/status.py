"""What a Zebra printer says about itself: the ``~HS`` host status reply, parsed for a packer.

``~HS`` is answered with three frames, each ``<STX>…<ETX><CR><LF>``:

* string 1 ``aaa,b,c,dddd,eee,f,g,h,iii,j,k,l`` — comm settings, **b paper out**, **c pause**,
  label length (dots), formats in the receive buffer, **f buffer full**, diagnostic mode,
  partial format, unused, corrupt RAM, under temperature, **l over temperature**;
* string 2 ``mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www`` — function settings, unused, **o head up**,
  **p ribbon out**, q thermal-transfer mode, r print mode, print width mode, label waiting
  (peel-off), labels remaining in the batch, format while printing, graphics stored;
* string 3 ``xxxx,y`` — password, static RAM installed.

Source: ZPL II Programming Guide, "~HS Host Status Return" (pages 233–236), as extracted in the
public repository jaapieaapie1/zpl, ``docs/commands/zpl/HS_TILDE.md``; summarised in
shared/reference/hardware-and-wms.md §A3. The same page warns that a printer in MEDIA OUT,
RIBBON OUT, HEAD OPEN, REWINDER FULL or HEAD OVER-TEMPERATURE may not answer at all, so a
silent printer is "not ready", never "fine" (see :mod:`.device`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["HOST_STATUS_QUERY", "PrinterStatus", "StatusParseError", "parse_host_status"]

#: The query; the answer ends after the third ETX.
HOST_STATUS_QUERY = b"~HS"
STATUS_TERMINATOR = b"\x03"
STATUS_FRAMES = 3

OUT_OF_LABELS = "Out of labels"
HEAD_OPEN = "Print head open"
PAUSED = "Paused — press the pause button"
RIBBON_OUT = "Out of ribbon"
OVER_TEMPERATURE = "Print head too hot — let it cool down"
BUFFER_FULL = "Printer memory full — wait a moment"

PRINT_MODES = {
    "0": "rewind",
    "1": "peel-off",
    "2": "tear-off",
    "3": "cutter",
    "4": "applicator",
    "5": "delayed cut",
    "6": "linerless peel",
    "7": "linerless rewind",
    "8": "partial cutter",
    "9": "RFID",
    "K": "kiosk",
    "S": "kiosk cutstream",
    "A": "kiosk cutstream",
}


class StatusParseError(ValueError):
    """The bytes are not a complete ``~HS`` reply."""


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """Whether the printer can print now. ``problems`` are sentences for the packer, most
    urgent first ("Out of labels"); ``detail`` holds every parsed field for support."""

    ready: bool
    problems: tuple[str, ...] = ()
    detail: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "problems", tuple(self.problems))
        object.__setattr__(self, "detail", MappingProxyType(dict(self.detail)))

    @property
    def summary(self) -> str:
        """One line for a status bar: "Ready" or the problems joined."""
        return "Ready" if self.ready else "; ".join(self.problems) or "Not ready"

    def as_dict(self) -> dict[str, Any]:
        return {"ready": self.ready, "problems": list(self.problems), "detail": dict(self.detail)}


_FRAME = re.compile(rb"\x02([^\x02\x03]*)\x03")


def _flag(value: str) -> bool:
    return value.strip() == "1"


def _number(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def parse_host_status(reply: bytes) -> PrinterStatus:
    """Parse a ``~HS`` reply; :class:`StatusParseError` when it is incomplete or not one."""
    frames = [m.decode("ascii", "replace") for m in _FRAME.findall(reply)]
    if len(frames) < STATUS_FRAMES:
        raise StatusParseError(f"expected {STATUS_FRAMES} status lines from ~HS, got {len(frames)}: {reply!r}")
    first, second = frames[0].split(","), frames[1].split(",")
    if len(first) < 12 or len(second) < 11:
        raise StatusParseError(f"~HS lines have too few fields ({len(first)} and {len(second)}): {reply!r}")
    thermal_transfer = _flag(second[4])
    detail: dict[str, Any] = {
        "paper_out": _flag(first[1]),
        "paused": _flag(first[2]),
        "label_length_dots": _number(first[3]),
        "formats_in_buffer": _number(first[4]),
        "buffer_full": _flag(first[5]),
        "partial_format": _flag(first[7]),
        "corrupt_ram": _flag(first[9]),
        "under_temperature": _flag(first[10]),
        "over_temperature": _flag(first[11]),
        "head_open": _flag(second[2]),
        "ribbon_out": _flag(second[3]),
        "thermal_transfer": thermal_transfer,
        "print_mode": PRINT_MODES.get(second[5].strip(), second[5].strip()),
        "label_waiting": _flag(second[7]),
        "labels_remaining": _number(second[8]),
        "graphics_stored": _number(second[10]),
    }
    problems = []
    if detail["paper_out"]:
        problems.append(OUT_OF_LABELS)
    if detail["head_open"]:
        problems.append(HEAD_OPEN)
    # Direct-thermal printers have no ribbon; some still raise the flag, so only count it when
    # the printer is set to thermal transfer.
    if detail["ribbon_out"] and thermal_transfer:
        problems.append(RIBBON_OUT)
    if detail["over_temperature"]:
        problems.append(OVER_TEMPERATURE)
    if detail["buffer_full"]:
        problems.append(BUFFER_FULL)
    if detail["paused"]:
        problems.append(PAUSED)
    # Worth telling support, but the printer still prints: not problems.
    warnings = []
    if detail["under_temperature"]:
        warnings.append("Print head cold — first labels may print light")
    if detail["corrupt_ram"]:
        warnings.append("Printer lost its configuration — check its settings")
    detail["warnings"] = warnings
    return PrinterStatus(ready=not problems, problems=tuple(problems), detail=detail)
