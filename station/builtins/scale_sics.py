"""Built-in "sics" scale protocol: Mettler Toledo MT-SICS (Standard Interface Command Set).

MT-SICS is ASCII, one command or reply per line ending in CR LF; the usual RS-232 default is
9600 baud, 8N1, no handshake. A reply is ``<command> <status> [fields...]``: fields are
separated by spaces, the weight is right-aligned (padded with spaces) and strings are in double
quotes. We ask with ``SI`` (send weight immediately) and get:

* ``S S     129.07 g`` - stable weight; ``S D     129.07 g`` - dynamic (still moving);
* ``S I`` - the scale is busy (taring, zeroing) and sends no weight;
* ``S +`` / ``S -`` - overload / underload;
* ``ES`` / ``ET`` / ``EL`` - syntax, transmission and logical errors (for any command).

Units g, kg, mg, lb and oz become integer grams through :class:`~decimal.Decimal` (never a float),
rounded half away from zero. Only ``S S`` counts as stable. ``Z`` (zero) and ``T`` (tare) are
offered through the optional ``zero_command`` / ``tare_command`` / ``command_problem`` methods the
hardware layer looks for (see ``docs/hardware-scales.md``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType

from station.api import ScaleProtocol, ScaleReading, ScaleState, SerialSettings, SettingsSchema, hookimpl

STATION_API_VERSION = "1.0"

#: Exact grams per unit. The pound is defined as exactly 0.45359237 kg; the ounce is 1/16 lb.
GRAMS_PER_UNIT: Mapping[str, Decimal] = MappingProxyType(
    {
        "g": Decimal(1),
        "kg": Decimal(1000),
        "mg": Decimal("0.001"),
        "lb": Decimal("453.59237"),
        "oz": Decimal("28.349523125"),
    }
)

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")

GENERIC_ERRORS: Mapping[str, str] = MappingProxyType(
    {
        "ES": "the scale did not understand the command (MT-SICS ES, syntax error)",
        "ET": "the scale received a garbled command (MT-SICS ET, transmission error); check the baud rate and cable",
        "EL": "the scale cannot carry out the command now (MT-SICS EL, logical error)",
    }
)


def to_grams(value: str, unit: str) -> int:
    """``value`` (as the scale wrote it, e.g. ``"-1.250"``) in ``unit``, as integer grams.

    Exact decimal arithmetic, rounded half away from zero (``0.0005 kg`` → 1 g, ``-0.0005 kg``
    → -1 g), so the same reply always gives the same grams. ``ValueError`` names what is wrong.
    """
    factor = GRAMS_PER_UNIT.get(unit)
    if factor is None:
        raise ValueError(f"unit {unit!r} is not supported; set the scale to g, kg, lb or oz")
    if not _NUMBER.fullmatch(value):
        raise ValueError(f"{value!r} is not a number")
    try:
        grams = Decimal(value) * factor
    except InvalidOperation:  # pragma: no cover - the regex already rules this out
        raise ValueError(f"{value!r} is not a number") from None
    return int(grams.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def tokenize(line: str) -> list[str]:
    """Split an MT-SICS line on spaces, keeping ``"quoted strings"`` together (quotes removed).

    ``I2 A "ICS469 OU 60.18 kg"`` → ``["I2", "A", "ICS469 OU 60.18 kg"]``. An unterminated
    quote is a ``ValueError``: the line was cut, so none of it can be trusted.
    """
    tokens: list[str] = []
    position = 0
    while position < len(line):
        char = line[position]
        if char == " ":
            position += 1
        elif char == '"':
            end = line.find('"', position + 1)
            if end < 0:
                raise ValueError(f"unterminated quoted string in {line!r}")
            tokens.append(line[position + 1 : end])
            position = end + 1
        else:
            end = line.find(" ", position)
            end = len(line) if end < 0 else end
            tokens.append(line[position:end])
            position = end
    return tokens


def decode_line(data: bytes) -> str:
    """The reply without its CR LF; ``ValueError`` for bytes that are not printable ASCII."""
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise ValueError(f"not ASCII: {data!r}; check the baud rate and data bits") from None
    text = text.strip("\r\n")
    if not text.isprintable():
        raise ValueError(f"unexpected control characters in {data!r}")
    return text


class MtSicsProtocol:
    """MT-SICS, asking with ``SI``."""

    name = "sics"
    title = "Mettler Toledo MT-SICS"
    settings_schema = SettingsSchema(name="sics", title="Mettler Toledo MT-SICS")
    serial = SerialSettings(baudrate=9600, bytesize=8, parity="N", stopbits=1, timeout_s=1.0)
    reply_terminator = b"\r\n"

    def request_weight(self) -> bytes:
        return b"SI\r\n"

    def parse_reply(self, data: bytes) -> ScaleReading:
        try:
            tokens = tokenize(decode_line(data))
        except ValueError as exc:
            return _error(f"unreadable MT-SICS reply: {exc}")
        if not tokens:
            return _error("empty MT-SICS reply")
        if tokens[0] in GENERIC_ERRORS:
            return _error(GENERIC_ERRORS[tokens[0]])
        if tokens[0] not in ("S", "SI") or len(tokens) < 2:
            return _error(f"unexpected MT-SICS reply {data!r}")
        status = tokens[1]
        if status == "+":
            return ScaleReading(state=ScaleState.OVERLOAD, message="over capacity: take something off the scale")
        if status == "-":
            return ScaleReading(state=ScaleState.UNDERLOAD, message="below zero: empty the scale and zero it")
        if status == "I":
            return _error('the scale is busy (taring or zeroing) and sent no weight (MT-SICS "S I")')
        if status not in ("S", "D") or len(tokens) < 4:
            return _error(f"unexpected MT-SICS reply {data!r}")
        try:
            grams = to_grams(tokens[2], tokens[3])
        except ValueError as exc:
            return _error(f"MT-SICS weight {tokens[2]} {tokens[3]}: {exc}")
        state = ScaleState.STABLE if status == "S" else ScaleState.UNSTABLE
        return ScaleReading(state=state, weight_g=grams)

    # -- optional capabilities the hardware layer probes for ---------------------------------

    def identifies(self, data: bytes) -> bool:
        """True only for an answer to ``SI`` no other protocol could give (auto-detection)."""
        return re.fullmatch(rb"SI? (?:[SD] +[+-]?[\d.]+ +[a-z]+|[I+-]) *\r\n", data) is not None

    def zero_command(self) -> bytes:
        """``Z``: zero once the weight is stable (the scale waits for stability itself)."""
        return b"Z\r\n"

    def tare_command(self) -> bytes:
        """``T``: tare once the weight is stable."""
        return b"T\r\n"

    def command_problem(self, data: bytes) -> str | None:
        """``None`` when the scale confirmed ``Z``/``T`` (``Z A``, ``T S …``), else why not."""
        try:
            tokens = tokenize(decode_line(data))
        except ValueError as exc:
            return f"unreadable MT-SICS reply: {exc}"
        if not tokens:
            return "empty MT-SICS reply"
        if tokens[0] in GENERIC_ERRORS:
            return GENERIC_ERRORS[tokens[0]]
        command, status = tokens[0], (tokens[1] if len(tokens) > 1 else "")
        action = {"Z": "zero", "T": "tare"}.get(command)
        if action is None:
            return f"unexpected MT-SICS reply {data!r}"
        if (command, status) in (("Z", "A"), ("T", "S")):
            return None
        reasons = {
            "I": "it is busy or the weight did not settle",
            "+": "the load is above its range: take everything off",
            "-": "the load is below its range",
            "L": "it refused the command (logical error)",
        }
        return f"the scale could not {action}: {reasons.get(status, f'unexpected reply {data!r}')}"


def _error(message: str) -> ScaleReading:
    return ScaleReading(state=ScaleState.ERROR, message=message)


@hookimpl
def station_register_scale_protocols(register: Callable[[ScaleProtocol], None]) -> None:
    register(MtSicsProtocol())
