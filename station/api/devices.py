"""What device plugins exchange with the station: print jobs, scale readings, serial settings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from station.api._checks import require_choice, require_int, require_str

# Content types the station produces. Transports may accept others; these are the common ones.
CONTENT_TYPE_ZPL = "application/zpl"
CONTENT_TYPE_EPL = "application/epl"
CONTENT_TYPE_PDF = "application/pdf"
CONTENT_TYPE_TEXT = "text/plain"


@dataclass(frozen=True, slots=True, kw_only=True)
class PrintJob:
    """One document to print. ``content_type`` tells the transport what ``data`` is
    (``application/zpl``, ``application/epl``, ``application/pdf`` …); ``title`` is a short
    human name (order number, "Packing slip 1042") used by spoolers and file names."""

    data: bytes
    content_type: str
    title: str = "Station print job"
    copies: int = 1

    def __post_init__(self) -> None:
        if not isinstance(self.data, bytes):
            raise TypeError(f"PrintJob.data must be bytes, got {type(self.data).__name__}")
        if not self.data:
            raise ValueError(f"PrintJob {self.title!r} has no data to print")
        content_type = require_str("PrintJob", "content_type", self.content_type)
        if "/" not in content_type:
            raise ValueError(f"PrintJob.content_type must look like 'application/zpl', got {content_type!r}")
        require_str("PrintJob", "title", self.title)
        require_int("PrintJob", "copies", self.copies, minimum=1)


class ScaleState(StrEnum):
    """What the UI shows next to the weight."""

    STABLE = "stable"  # settled: safe to accept
    UNSTABLE = "unstable"  # still moving
    OVERLOAD = "overload"  # above capacity: no weight
    UNDERLOAD = "underload"  # below zero (tare problem): no weight
    TIMEOUT = "timeout"  # the scale did not answer in time
    DISCONNECTED = "disconnected"  # no scale: port missing, unplugged or not answering at all
    ERROR = "error"  # the scale answered something the protocol reports as an error


@dataclass(frozen=True, slots=True, kw_only=True)
class ScaleReading:
    """A parsed scale reply. ``weight_g`` is set for stable and unstable readings (integer grams,
    may be negative after a tare) and ``None`` otherwise; ``message`` explains errors."""

    state: ScaleState
    weight_g: int | None = None
    message: str = ""

    def __post_init__(self) -> None:
        require_choice("ScaleReading", "state", self.state, [s.value for s in ScaleState])
        object.__setattr__(self, "state", ScaleState(self.state))
        has_weight = self.state in (ScaleState.STABLE, ScaleState.UNSTABLE)
        if has_weight:
            require_int("ScaleReading", "weight_g", self.weight_g)
        elif self.weight_g is not None:
            raise ValueError(f"ScaleReading in state {self.state.value!r} cannot carry a weight")
        require_str("ScaleReading", "message", self.message, allow_empty=True)

    @property
    def stable(self) -> bool:
        """True when the weight has settled and may be accepted."""
        return self.state is ScaleState.STABLE


Parity = Literal["N", "E", "O", "M", "S"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SerialSettings:
    """Line settings a scale protocol expects by default (the operator can override them).
    Values follow pyserial: ``parity`` ``"N"``/``"E"``/``"O"``, ``stopbits`` 1 or 2."""

    baudrate: int = 9600
    bytesize: int = 8
    parity: Parity = "N"
    stopbits: int = 1
    timeout_s: float = 1.0

    def __post_init__(self) -> None:
        require_int("SerialSettings", "baudrate", self.baudrate, minimum=1)
        require_choice("SerialSettings", "bytesize", str(self.bytesize), ("5", "6", "7", "8"))
        require_choice("SerialSettings", "parity", self.parity, ("N", "E", "O", "M", "S"))
        require_choice("SerialSettings", "stopbits", str(self.stopbits), ("1", "2"))
        if not isinstance(self.timeout_s, (int, float)) or self.timeout_s <= 0:
            raise ValueError(
                f"SerialSettings.timeout_s must be a positive number of seconds, got {self.timeout_s!r}"
            )
