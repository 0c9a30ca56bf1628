"""A label printer behind a URL: which transport, its settings, its status, printing.

Printer URLs (the ``[devices] printer_url`` setting; the scheme is the transport's name):

* ``tcp://10.0.0.5:9100`` — raw TCP (port defaults to 9100); two-way, status via ``~HS``;
* ``serial:///dev/ttyUSB0?baudrate=9600`` (``serial://COM3?baudrate=9600``) — two-way;
* ``cups://Zebra_ZD421`` (``?server=host:631``) — CUPS raw queue; one-way;
* ``win://ZDesigner ZD421-203dpi ZPL`` — Windows raw spooler; one-way;
* ``file:///srv/labels`` — a folder; one-way;
* any other scheme names a plugin transport, with its settings in the query string
  (``raw9100://?host=10.0.0.5&port=9100``).

Before every label the device asks a two-way ZPL printer for its status and refuses to send
(:class:`PrinterNotReady`) when it is out of labels, open, paused or silent, so a label is never
sent into a printer that will not print it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from station.api import AdapterContext, DeviceError, PrinterTransport, PrintJob, TemporaryError
from station.hardware.printing.status import (
    HOST_STATUS_QUERY,
    STATUS_FRAMES,
    STATUS_TERMINATOR,
    PrinterStatus,
    StatusParseError,
    parse_host_status,
)

__all__ = ["LANGUAGES", "PrinterDevice", "PrinterError", "PrinterNotReady", "transport_for_url"]

LANGUAGES = ("zpl", "epl", "pdf")
# What each printer language can be sent; text/plain is a test page any printer takes.
_ACCEPTS = {
    "zpl": {"application/zpl", "application/x-zpl", "text/plain"},
    "epl": {"application/epl", "application/x-epl", "text/plain"},
    "pdf": {"application/pdf", "text/plain"},
}
DEFAULT_STATUS_TIMEOUT_S = 2.0


class PrinterError(DeviceError):
    """Printing failed; the message names the printer. ``retryable`` follows the cause: a printer
    that did not accept the connection may be retried, one that stopped mid-label may not."""

    def __init__(self, message: str, *, plugin: str | None = None, retryable: bool = False) -> None:
        super().__init__(message, plugin=plugin)
        self.retryable = retryable


class PrinterNotReady(PrinterError, TemporaryError):
    """The printer cannot print now; nothing was sent. ``status.problems`` say why."""

    retryable = True

    def __init__(self, status: PrinterStatus, *, url: str, plugin: str | None = None) -> None:
        super().__init__(f"printer {url} is not ready: {status.summary}", plugin=plugin, retryable=True)
        self.status = status
        self.url = url


def transport_for_url(url: str) -> tuple[str, dict[str, object]]:
    """``(transport name, settings)`` for a printer URL; ``ValueError`` says how to write it."""
    text = url.strip()
    if "://" not in text:
        raise ValueError(f"printer URL {url!r} needs a scheme, e.g. tcp://10.0.0.5:9100 or cups://QUEUE")
    scheme, rest = text.split("://", 1)
    scheme = scheme.lower()
    rest, _, query_text = rest.partition("?")
    query: dict[str, object] = dict(parse_qsl(query_text, keep_blank_values=False))
    if scheme == "tcp":
        parts = urlsplit(f"tcp://{rest}")
        try:
            port = parts.port or 9100
        except ValueError:
            raise ValueError(f"printer URL {url!r}: the port must be a number, e.g. tcp://10.0.0.5:9100") from None
        if not parts.hostname:
            raise ValueError(f"printer URL {url!r} has no host; write tcp://HOST:9100")
        return "tcp", {**query, "host": parts.hostname, "port": port}
    if scheme == "serial":
        port_name = unquote(rest)
        if not port_name:
            raise ValueError(f"printer URL {url!r} has no port; write serial:///dev/ttyUSB0 or serial://COM3")
        return "serial", {**query, "port": port_name}
    if scheme in ("cups", "win"):
        name = unquote(rest).strip("/") if scheme == "cups" else unquote(rest)
        if not name.strip():
            example = "cups://QUEUE" if scheme == "cups" else "win://PRINTER NAME"
            raise ValueError(f"printer URL {url!r} names no printer; write {example}")
        return scheme, {**query, ("queue" if scheme == "cups" else "printer"): name}
    if scheme == "file":
        folder = unquote(rest)
        if not folder:
            raise ValueError(f"printer URL {url!r} names no folder; write file:///path/to/folder")
        return "file", {**query, "directory": folder}
    return scheme, query


class PrinterDevice:
    """One configured label printer. Thread-safe as far as the transport is (ours open a
    connection per call); the spooler uses one device from its own thread."""

    def __init__(
        self,
        url: str,
        transport: PrinterTransport,
        settings: Mapping[str, object],
        *,
        language: str = "zpl",
        status_timeout_s: float = DEFAULT_STATUS_TIMEOUT_S,
    ) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"printer language must be one of {', '.join(LANGUAGES)}, got {language!r}")
        self.url = url
        self.transport = transport
        self.language = language
        self.status_timeout_s = status_timeout_s
        self._ctx = AdapterContext(
            plugin=transport.name,
            http=None,  # printers need no HTTP client
            settings=settings,
            logger=logging.getLogger(f"station.plugins.{transport.name}"),
        )

    @classmethod
    def open(
        cls,
        url: str,
        *,
        transports: Mapping[str, PrinterTransport],
        language: str = "zpl",
        status_timeout_s: float = DEFAULT_STATUS_TIMEOUT_S,
    ) -> PrinterDevice:
        """The printer at ``url`` using one of ``transports`` (``PluginHost.printer_transports()``).
        Raises :class:`PrinterError` when the URL, transport or settings are wrong."""
        try:
            name, raw = transport_for_url(url)
        except ValueError as exc:
            raise PrinterError(str(exc)) from exc
        transport = transports.get(name)
        if transport is None:
            known = ", ".join(sorted(transports)) or "none"
            raise PrinterError(
                f"no printer transport {name!r} for {url} (installed: {known}); "
                "fix the printer URL or install the plugin that provides it"
            )
        try:
            settings = transport.settings_schema.resolve(raw)
        except ValueError as exc:
            raise PrinterError(f"printer URL {url}: {exc}", plugin=name) from exc
        return cls(url, transport, settings, language=language, status_timeout_s=status_timeout_s)

    @property
    def can_report_status(self) -> bool:
        """True when the printer can be asked how it is (ZPL over a two-way transport)."""
        return self.language == "zpl" and callable(getattr(self.transport, "exchange", None))

    def status(self) -> PrinterStatus:
        """Ask the printer how it is. One-way transports and non-ZPL printers cannot say, so they
        are reported ready with a note; a printer that does not answer is *not* ready."""
        if not self.can_report_status:
            why = f"over {self.transport.name}" if self.language == "zpl" else f"for {self.language.upper()} printers"
            return PrinterStatus(ready=True, detail={"answered": False, "note": f"status not available {why}"})
        exchange: Any = self.transport.exchange  # type: ignore[attr-defined]
        try:
            reply = exchange(
                self._ctx,
                HOST_STATUS_QUERY,
                terminator=STATUS_TERMINATOR,
                count=STATUS_FRAMES,
                timeout_s=self.status_timeout_s,
            )
        except DeviceError as exc:
            return self._no_answer(exc.message)
        except Exception as exc:  # a third-party transport's bug must not crash the bench
            return self._no_answer(f"the {self.transport.name!r} transport failed ({type(exc).__name__}: {exc})")
        if not reply:
            # Zebras stay silent to ~HS when out of media, open or overheated: say all of it.
            return self._no_answer(
                f"nothing within {self.status_timeout_s:g} s — check it is on, has labels and its head is closed"
            )
        try:
            parsed = parse_host_status(reply)
        except StatusParseError:
            return PrinterStatus(
                ready=False,
                problems=(f"The printer at {self.url} answered, but not like a ZPL printer — is it set to ZPL?",),
                detail={"answered": True, "raw": reply.decode("latin-1")},
            )
        return PrinterStatus(ready=parsed.ready, problems=parsed.problems, detail={"answered": True, **parsed.detail})

    def _no_answer(self, reason: str) -> PrinterStatus:
        return PrinterStatus(
            ready=False,
            problems=(f"No answer from the printer at {self.url}: {reason}",),
            detail={"answered": False, "reason": reason},
        )

    def print(self, job: PrintJob) -> str | None:
        """Check the status, then send ``job``. :class:`PrinterNotReady` (nothing sent) when the
        printer cannot print; :class:`PrinterError` naming the printer when sending fails."""
        accepted = _ACCEPTS[self.language]
        kind = job.content_type.split(";")[0].strip().lower()
        if kind not in accepted:
            raise PrinterError(
                f"printer {self.url} takes {self.language.upper()}, not {kind}; convert the label first "
                "(station.hardware.printing.graphics) or fix the printer language setting",
                plugin=self.transport.name,
            )
        status = self.status()
        if not status.ready:
            raise PrinterNotReady(status, url=self.url, plugin=self.transport.name)
        try:
            return self.transport.send(self._ctx, job)
        except DeviceError as exc:
            raise PrinterError(
                f"printer {self.url}: {exc.message}", plugin=exc.plugin or self.transport.name, retryable=exc.retryable
            ) from exc
        except Exception as exc:
            raise PrinterError(
                f"printer {self.url}: the {self.transport.name!r} transport failed ({type(exc).__name__}: {exc})",
                plugin=self.transport.name,
            ) from exc
