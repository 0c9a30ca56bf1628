"""Protocol auto-detection: ask in each protocol's own words, bind the first that answers in kind.

**Order: MT-SICS, then Toledo 8217, then CAS, then other plugins' protocols (by name).** The
rule is *strictest first*. A loose pattern tried early binds the wrong driver (a no-name scale
was taken for an Adam scale in ellery-it/odoo-serial-scale-drivers#5), so:

1. **MT-SICS** first: ``SI`` only reads a weight (harmless), and the answer - a command echo,
   a one-letter status, CR LF (``S S     129.07 g``) - is the most specific of the three.
2. **Toledo 8217** next: ``W`` only reads a weight, and its answer is framed by STX … CR,
   which neither MT-SICS nor CAS sends. It needs 7E1, so the port is switched before asking.
3. **CAS** last: its frame is known only second-hand and the match is the loosest; it must
   not get a chance to claim a scale one of the others recognises.

A protocol takes part only if it has an ``identifies(reply) -> bool`` method (a strict check
that a reply is unmistakably its own) and does not set ``auto_detect = False`` (the ``lb``
variant of Toledo 8217 cannot be told from the kg one by its replies). Probes never zero or
tare: they only ask for a weight. A silent port costs one timeout per candidate.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping

from station.api import ScaleProtocol, SerialSettings
from station.hardware.scale.link import SerialLink

log = logging.getLogger(__name__)

#: Built-in protocols in the order they are probed (see the module docstring for why).
DETECTION_ORDER: tuple[str, ...] = ("sics", "toledo8217", "cas")


def detection_candidates(protocols: Mapping[str, ScaleProtocol]) -> list[ScaleProtocol]:
    """The protocols auto-detection tries, in order."""

    def takes_part(adapter: ScaleProtocol) -> bool:
        return callable(getattr(adapter, "identifies", None)) and getattr(adapter, "auto_detect", True) is not False

    ordered = [protocols[name] for name in DETECTION_ORDER if name in protocols]
    others = [protocols[name] for name in sorted(protocols) if name not in DETECTION_ORDER]
    return [adapter for adapter in (*ordered, *others) if takes_part(adapter)]


def effective_settings(adapter: ScaleProtocol, overrides: Mapping[str, object] | None) -> SerialSettings:
    """The protocol's line settings with the operator's overrides applied (and validated)."""
    if not overrides:
        return adapter.serial
    unknown = sorted(set(overrides) - {f.name for f in dataclasses.fields(SerialSettings)})
    if unknown:
        raise ValueError(
            f"unknown serial setting(s) {', '.join(unknown)}; use baudrate, bytesize, parity, stopbits, timeout_s"
        )
    return dataclasses.replace(adapter.serial, **overrides)  # type: ignore[arg-type]


def probe(link: SerialLink, adapter: ScaleProtocol, settings: SerialSettings) -> bytes | None:
    """The scale's answer to ``adapter``'s weight request if it is unmistakably in that
    protocol, else ``None``. The caller parses the answer: it is a real reading, and a Toledo
    8217 that sends a weight only once must not lose it to the probe.

    Raises pyserial/OS errors when the port itself fails (the caller reports the port)."""
    link.configure(settings)
    link.send(adapter.request_weight())
    # A streaming scale's first frame after the flush may be cut: give it one more.
    attempts = 2 if getattr(adapter, "streams", False) else 1
    for _ in range(attempts):
        frame = link.read_frame(adapter.reply_terminator, settings.timeout_s)
        if frame is None:
            return None
        if adapter.identifies(frame):  # type: ignore[attr-defined]
            return frame
        log.debug("Probe %s: %r is not its answer", adapter.name, frame)
    return None


def detect(
    link: SerialLink, protocols: Mapping[str, ScaleProtocol], overrides: Mapping[str, object] | None = None
) -> tuple[ScaleProtocol, bytes] | None:
    """The first candidate (see :data:`DETECTION_ORDER`) whose probe the scale answers, with
    that answer; ``None`` if none does. ``link`` is left set to the winner's line settings."""
    for adapter in detection_candidates(protocols):
        frame = probe(link, adapter, effective_settings(adapter, overrides))
        if frame is not None:
            log.info("Scale answers as %s (%s)", adapter.name, adapter.title)
            return adapter, frame
    return None
