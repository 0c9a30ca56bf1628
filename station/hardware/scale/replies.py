"""What a simulated scale says: reply formatters and per-protocol command handling.

Written from the protocol descriptions, independently of the parsers in ``station.builtins``,
so tests that run the parsers against these replies check one reading of the spec against
another. All values are exact: grams go out through :class:`~decimal.Decimal`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Literal

SimProtocol = Literal["sics", "toledo8217", "cas"]
SIM_PROTOCOLS: tuple[SimProtocol, ...] = ("sics", "toledo8217", "cas")
Condition = Literal["weight", "overload", "underload"]

#: Grams per unit, and how many decimals the simulator prints: enough that any whole number of
#: grams survives the round trip (1e-3 lb is 0.45 g, under half a gram).
UNITS: dict[str, tuple[Decimal, int]] = {
    "g": (Decimal(1), 1),
    "kg": (Decimal(1000), 3),
    "lb": (Decimal("453.59237"), 3),
    "oz": (Decimal("28.349523125"), 3),
}
STX, CR, LF = "\x02", "\r", "\n"
SICS_SERIAL = "SIM0001"
# Toledo 8217 status bits; the simulator keeps bit 6 set so the byte stays printable ('@' = clear).
MOTION, OVER_CAPACITY, UNDER_ZERO, CENTRE_OF_ZERO, PRINTABLE = 0x01, 0x02, 0x04, 0x10, 0x40


def in_unit(weight_g: int, unit: str) -> str:
    """``weight_g`` written in ``unit`` with the simulator's decimals (``1250, "kg"`` → ``"1.250"``)."""
    factor, decimals = UNITS[unit]
    value = (Decimal(weight_g) / factor).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    return f"{value:f}"


def sics_weight(weight_g: int, *, stable: bool = True, unit: str = "g") -> bytes:
    """``S S     1250.0 g`` (value right-aligned in 10 characters, as MT-SICS does)."""
    return f"S {'S' if stable else 'D'} {in_unit(weight_g, unit):>10} {unit}\r\n".encode("ascii")


def toledo_weight(weight_g: int, *, unit: str = "kg", net: bool = False) -> bytes:
    """``STX 01.250 CR``: at least two integer digits, 3 decimals; ``N`` marks a net weight."""
    text = in_unit(weight_g, unit)
    return f"{STX}{text:0>6}{'N' if net else ''}{CR}".encode("ascii")


def toledo_status(bits: int) -> bytes:
    """``STX ? <status> CR`` with bit 6 set (printable)."""
    return f"{STX}?{chr(PRINTABLE | bits)}{CR}".encode("ascii")


def cas_frame(weight_g: int, *, stable: bool = True, unit: str = "kg", net: bool = False) -> bytes:
    """``ST,GS,+  1.500kg CR LF``: sign, value right-aligned in 7, unit right after."""
    sign = "-" if weight_g < 0 else "+"
    value = in_unit(abs(weight_g), unit)
    return f"{'ST' if stable else 'US'},{'NT' if net else 'GS'},{sign}{value:>7}{unit}{CR}{LF}".encode("ascii")


@dataclass(slots=True)
class ScaleModel:
    """The simulated platform. ``weight_g`` is what is on it minus zero offset and tare."""

    weight_g: int = 0
    stable: bool = True
    condition: Condition = "weight"
    silent: bool = False
    tare_g: int = 0


class Responder:
    """Turns the bytes one client sent into the scale's replies, for one protocol.

    One per connection (it keeps a partial MT-SICS line); the :class:`ScaleModel` is shared and
    guarded by ``lock``.
    """

    def __init__(
        self,
        protocol: SimProtocol,
        model: ScaleModel,
        lock: threading.Lock,
        *,
        unit: str,
        status_after_weight: bool = False,
    ) -> None:
        self.protocol = protocol
        self.model = model
        self.lock = lock
        self.unit = unit
        self.status_after_weight = status_after_weight
        self._line = bytearray()
        self._last_sent: tuple[int, bool] | None = None
        self.commands = 0

    def feed(self, data: bytes) -> bytes:
        """Replies to everything complete in ``data`` (empty while the scale is silent)."""
        out = bytearray()
        for command in self._commands(data):
            self.commands += 1
            with self.lock:
                if self.model.silent:
                    continue
                out += self._answer(command)
        return bytes(out)

    def frame(self) -> bytes:
        """What a streaming (continuous-mode) scale sends unasked: the current weight frame."""
        with self.lock:
            return b"" if self.model.silent else self._weight_reply()

    def _commands(self, data: bytes) -> list[bytes]:
        if self.protocol != "sics":
            # Toledo 8217 and CAS commands are single letters; line ends are ignored.
            return [bytes([byte]) for byte in data if byte not in (0x0A, 0x0D)]
        self._line += data
        lines = []
        while (end := self._line.find(b"\n")) >= 0:
            lines.append(bytes(self._line[:end]).rstrip(b"\r"))
            del self._line[: end + 1]
        return lines

    def _answer(self, command: bytes) -> bytes:
        if self.protocol == "sics":
            return self._sics(command.decode("ascii", "replace").strip())
        if self.protocol == "toledo8217":
            return self._toledo(command)
        return self._weight_reply() if command == b"W" else b""

    def _weight_reply(self) -> bytes:
        model = self.model
        if self.protocol == "sics":
            if model.condition != "weight":
                return b"S +\r\n" if model.condition == "overload" else b"S -\r\n"
            return sics_weight(model.weight_g, stable=model.stable, unit=self.unit)
        if self.protocol == "cas":
            if model.condition == "overload":
                return f"OL,GS,+{'OL':>7}{self.unit}\r\n".encode("ascii")
            weight = -10 if model.condition == "underload" else model.weight_g
            return cas_frame(weight, stable=model.stable, unit=self.unit, net=model.tare_g != 0)
        return self._toledo_weight()

    def _toledo_weight(self) -> bytes:
        model = self.model
        if model.condition == "overload" or model.condition == "underload" or model.weight_g < 0:
            self._last_sent = None  # the host forgets the weight too (see the 8217 parser)
            return toledo_status(OVER_CAPACITY if model.condition == "overload" else UNDER_ZERO)
        if not model.stable:
            return toledo_status(MOTION)
        if self.status_after_weight and self._last_sent == (model.weight_g, True):
            return toledo_status(0)  # "nothing new": some 8217 scales answer this way
        self._last_sent = (model.weight_g, True)
        return toledo_weight(model.weight_g, unit=self.unit, net=model.tare_g != 0)

    def _toledo(self, command: bytes) -> bytes:
        if command == b"W":
            return self._toledo_weight()
        if command == b"Z" and self.model.stable and self.model.condition == "weight":
            self.model.weight_g, self.model.tare_g = 0, 0
        elif command == b"T" and self.model.stable and self.model.condition == "weight":
            self.model.tare_g, self.model.weight_g = self.model.weight_g, 0
        elif command == b"C":
            self.model.weight_g, self.model.tare_g = self.model.weight_g + self.model.tare_g, 0
        return b""  # the 8217 documents no answer to Z, T, C; other letters are ignored

    def _sics(self, command: str) -> bytes:
        model = self.model
        if command == "SI":
            return self._weight_reply()
        if command == "S":  # stable weight only
            return self._weight_reply() if model.stable or model.condition != "weight" else b"S I\r\n"
        if command in ("I4", "@"):
            return f'I4 A "{SICS_SERIAL}"\r\n'.encode("ascii")
        if command in ("Z", "T"):
            if model.condition != "weight":
                return f"{command} {'+' if model.condition == 'overload' else '-'}\r\n".encode("ascii")
            if not model.stable:
                return f"{command} I\r\n".encode("ascii")
            if command == "Z":
                model.weight_g, model.tare_g = 0, 0
                return b"Z A\r\n"
            model.tare_g, model.weight_g = model.tare_g + model.weight_g, 0
            return f"T S {in_unit(model.tare_g, self.unit):>10} {self.unit}\r\n".encode("ascii")
        return b"ES\r\n"
