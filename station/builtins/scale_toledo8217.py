"""Built-in "toledo8217" scale protocol: the Mettler Toledo 8217 protocol (Ariva-S, Viva; option 3).

Line settings 9600 baud, 7 data bits, even parity, 1 stop bit. The host sends a single ``W``
(no terminator). The scale answers, framed by STX and CR, either

* a weight: ``STX 01.250 CR`` (an ``N`` after the number marks a net weight), in the unit the
  scale is set to - the frame carries no unit, so ``toledo8217`` reads kilograms and
  ``toledo8217-lb`` pounds. A weight without its decimal point is refused, not guessed; or
* a status: ``STX ? <status byte> CR``.

Status byte bits (bit 7 is parity and ignored):

====  ===========================  ==========================================================
bit   meaning                      what we report
====  ===========================  ==========================================================
0     scale in motion              UNSTABLE, with the last weight this connection saw
1     over capacity                OVERLOAD
2     under zero                   UNDERLOAD
3     outside zero-capture range   (information only)
4     centre of zero               STABLE 0 g (the scale says it is exactly at zero)
5     net weight                   (information only)
6     "bad command" per Odoo 18 /  ignored: the 8217 "confidence test" passes with ``?@``
      OpenPOS; also set by some    (0x40), so scales that keep status bytes printable set it
      scales to keep the byte      on every status
      printable
====  ===========================  ==========================================================

**An all-clear status** (none of bits 0, 1, 2, 4) answering ``W`` means "nothing new: the weight
has not changed", as some scales send the weight once and then only a clear status until it
changes (seen in pywebdriver). We report it as STABLE with the last weight this connection
parsed; with no weight seen yet it is an ERROR ("ask again"), never an invented number. In
motion before any weight, the reading is UNSTABLE 0 g with a message saying no weight came yet.
That memory is per connection: the hardware layer calls ``for_connection()`` for a fresh copy.

Zero (``Z``) and tare (``T``) are sent without waiting for an answer (none is documented); the
next reading shows the result (centre of zero, net weight).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Literal

from station.api import ScaleProtocol, ScaleReading, ScaleState, SerialSettings, SettingsSchema, hookimpl
from station.builtins.scale_sics import to_grams

STATION_API_VERSION = "1.0"

STX = b"\x02"
MOTION = 1 << 0
OVER_CAPACITY = 1 << 1
UNDER_ZERO = 1 << 2
OUTSIDE_ZERO_CAPTURE = 1 << 3
CENTRE_OF_ZERO = 1 << 4
NET_WEIGHT = 1 << 5
BAD_COMMAND = 1 << 6

_WEIGHT = re.compile(rb" *(\d*\.\d+|\d+\.\d*)(N?) *")
_FRAME = re.compile(rb"\x02(?:\?[\x00-\xff]?| *\d+(?:\.\d*)?N? *)\r", re.DOTALL)

Unit = Literal["kg", "lb"]


def describe_status(status: int) -> str:
    """The bits of a status byte in words, e.g. ``"in motion, net weight (status 0x61)"``."""
    names = [
        (MOTION, "in motion"),
        (OVER_CAPACITY, "over capacity"),
        (UNDER_ZERO, "under zero"),
        (OUTSIDE_ZERO_CAPTURE, "outside zero-capture range"),
        (CENTRE_OF_ZERO, "centre of zero"),
        (NET_WEIGHT, "net weight"),
    ]
    words = [text for bit, text in names if status & bit] or ["all clear"]
    return f"{', '.join(words)} (status 0x{status:02X})"


class Toledo8217Protocol:
    """Mettler Toledo 8217; ``unit`` is the unit the scale is set to (the frame does not say)."""

    title_by_unit = {"kg": "Mettler Toledo 8217 (kg)", "lb": "Mettler Toledo 8217 (lb)"}

    def __init__(self, unit: Unit = "kg") -> None:
        if unit not in ("kg", "lb"):
            raise ValueError(f"Toledo 8217 unit must be 'kg' or 'lb', got {unit!r}")
        self.unit: Unit = unit
        self.name = "toledo8217" if unit == "kg" else "toledo8217-lb"
        self.title = self.title_by_unit[unit]
        self.settings_schema = SettingsSchema(name=self.name, title=self.title)
        self.serial = SerialSettings(baudrate=9600, bytesize=7, parity="E", stopbits=1, timeout_s=1.0)
        self.reply_terminator = b"\r"
        # The pound variant cannot be told apart from the kilogram one by its replies.
        self.auto_detect = unit == "kg"
        self._last_weight_g: int | None = None
        self._lock = threading.Lock()

    def for_connection(self) -> Toledo8217Protocol:
        """A fresh copy for one connection: the "last weight" memory must not cross scales."""
        return Toledo8217Protocol(self.unit)

    def request_weight(self) -> bytes:
        return b"W"

    def parse_reply(self, data: bytes) -> ScaleReading:
        if not data.endswith(b"\r"):
            return _error(f"unexpected Toledo 8217 reply {data!r} (expected STX … CR)")
        # A raw status byte may itself be STX (over capacity) or CR (0x0D), so status frames are
        # found from the end: STX ? <status> CR, or STX ? CR when the status byte was the CR.
        if data[-4:-2] == b"\x02?":
            return self._status(data[-2] & 0x7F)
        if data[-3:] == b"\x02?\r":
            return self._status(0x0D)
        start = data.rfind(STX)  # anything before the last STX is noise from an earlier frame
        if start < 0:
            return _error(f"unexpected Toledo 8217 reply {data!r} (expected STX … CR)")
        body = data[start + 1 : -1]
        match = _WEIGHT.fullmatch(body)
        if match is None and body.strip().rstrip(b"N").isdigit():
            # Without its decimal point "01250" could be 1250 kg or 1.250 kg: refuse to guess.
            return _error(f"weight {body.decode('ascii')!r} has no decimal point; set the scale to send one")
        if match is None:
            return _error(f"unexpected Toledo 8217 reply {data!r}")
        try:
            grams = to_grams(match.group(1).decode("ascii"), self.unit)
        except ValueError as exc:  # pragma: no cover - the regex only lets numbers through
            return _error(f"Toledo 8217 weight: {exc}")
        with self._lock:
            self._last_weight_g = grams
        return ScaleReading(state=ScaleState.STABLE, weight_g=grams, message="net" if match.group(2) else "")

    def _status(self, status: int) -> ScaleReading:
        words = describe_status(status)
        with self._lock:
            if status & (OVER_CAPACITY | UNDER_ZERO):
                self._last_weight_g = None  # whatever we saw before is no longer on the scale
                if status & OVER_CAPACITY:
                    return ScaleReading(state=ScaleState.OVERLOAD, message=words)
                return ScaleReading(state=ScaleState.UNDERLOAD, message=words)
            if status & MOTION:
                if self._last_weight_g is None:
                    return ScaleReading(
                        state=ScaleState.UNSTABLE, weight_g=0, message=f"no weight received yet; {words}"
                    )
                return ScaleReading(state=ScaleState.UNSTABLE, weight_g=self._last_weight_g, message=words)
            if status & CENTRE_OF_ZERO:
                self._last_weight_g = 0
                return ScaleReading(state=ScaleState.STABLE, weight_g=0, message=words)
            if self._last_weight_g is None:
                return _error(f"only a status came, no weight yet; ask again ({words})")
            return ScaleReading(state=ScaleState.STABLE, weight_g=self._last_weight_g, message=f"unchanged; {words}")

    # -- optional capabilities the hardware layer probes for ---------------------------------

    def identifies(self, data: bytes) -> bool:
        """True only for an STX … CR frame, which neither MT-SICS nor CAS sends."""
        return _FRAME.fullmatch(data) is not None

    def zero_command(self) -> bytes:
        return b"Z"

    def tare_command(self) -> bytes:
        return b"T"


def _error(message: str) -> ScaleReading:
    return ScaleReading(state=ScaleState.ERROR, message=message)


@hookimpl
def station_register_scale_protocols(register: Callable[[ScaleProtocol], None]) -> None:
    register(Toledo8217Protocol("kg"))
    register(Toledo8217Protocol("lb"))
