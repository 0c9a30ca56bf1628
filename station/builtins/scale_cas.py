"""Built-in "cas" scale protocol: the comma-separated frames of CAS indicators and bench scales.

**Second-hand.** No CAS specification was available; the frame below is what third-party
parsers and device notes agree on (see ``docs/hardware-scales.md`` for what is and is not
supported). Frames look like::

    ST,GS,+  1.500kg CR LF        (stable, gross)
    US,NT,-  0.120 kg CR LF       (unstable, net)
    OL,GS,+  OL    kg CR LF       (overload; the weight field is not a number)

* header 1: ``ST`` stable, ``US`` unstable, ``OL`` overload;
* header 2: ``GS`` gross, ``NT`` net (``TR``, a tare frame, is ignored as "not a weight");
* sign, then the weight right-aligned with spaces, then the unit (g, kg, lb, oz), with or
  without a space before it. Some models put STX before the frame; it is skipped.

A **negative gross** weight is reported as UNDERLOAD (the empty scale reads below zero: it needs
zeroing); a negative net weight is a real weight after a tare. We send ``W``, which polled
models are reported to answer; scales in continuous mode stream frames on their own, and the
hardware layer reads the next complete one (``streams = True``). Serial default 9600 8N1.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from station.api import ScaleProtocol, ScaleReading, ScaleState, SerialSettings, SettingsSchema, hookimpl
from station.builtins.scale_sics import to_grams

STATION_API_VERSION = "1.0"

_FRAME = re.compile(
    r"(?P<stability>ST|US|OL),(?P<mode>GS|NT|TR),(?P<sign>[+-]?) *(?P<value>[\d.]+|OL) *(?P<unit>[a-zA-Z]{1,2})"
)


class CasProtocol:
    """CAS "ST,GS,+  1.500kg" frames, polled with ``W`` or streamed."""

    name = "cas"
    title = "CAS (ST/US,GS/NT frames)"
    settings_schema = SettingsSchema(name="cas", title="CAS (ST/US,GS/NT frames)")
    serial = SerialSettings(baudrate=9600, bytesize=8, parity="N", stopbits=1, timeout_s=1.0)
    # CR ends the frame whether or not an LF follows; a leading LF is stripped from the next one.
    reply_terminator = b"\r"
    #: Continuous-mode scales send frames unasked; the first one read after flushing may be cut.
    streams = True

    def request_weight(self) -> bytes:
        return b"W"

    def parse_reply(self, data: bytes) -> ScaleReading:
        match = self._match(data)
        if match is None:
            return ScaleReading(state=ScaleState.ERROR, message=f"unexpected CAS frame {data!r}")
        if match["stability"] == "OL" or match["value"] == "OL":
            return ScaleReading(state=ScaleState.OVERLOAD, message="over capacity: take something off the scale")
        if match["mode"] == "TR":
            return ScaleReading(state=ScaleState.ERROR, message="the scale sent its tare value, not a weight")
        try:
            grams = to_grams(match["sign"] + match["value"], match["unit"].lower())
        except ValueError as exc:
            return ScaleReading(state=ScaleState.ERROR, message=f"CAS weight: {exc}")
        if grams < 0 and match["mode"] == "GS":
            return ScaleReading(
                state=ScaleState.UNDERLOAD, message=f"gross weight {grams} g is below zero: empty the scale and zero it"
            )
        state = ScaleState.STABLE if match["stability"] == "ST" else ScaleState.UNSTABLE
        return ScaleReading(state=state, weight_g=grams, message="net" if match["mode"] == "NT" else "")

    def identifies(self, data: bytes) -> bool:
        """True for one complete CAS frame (auto-detection tries CAS last: this is the loosest)."""
        return self._match(data) is not None

    @staticmethod
    def _match(data: bytes) -> re.Match[str] | None:
        try:
            text = data.decode("ascii")
        except UnicodeDecodeError:
            return None
        return _FRAME.fullmatch(text.strip("\x02\r\n "))


@hookimpl
def station_register_scale_protocols(register: Callable[[ScaleProtocol], None]) -> None:
    register(CasProtocol())
