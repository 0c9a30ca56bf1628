"""The stock-alert digest by e-mail: low stock, reorder suggestions, lots expiring and expired/blocked.

The mail is written in Spanish (es-CL) — the people who read it run a Chilean warehouse, and services
carry no Qt translations — with Chilean dates (24-11-2026) and numbers (1.250; 1,5). It has a plain-text
body and a simple HTML alternative with the same tables.

It goes out with the standard library's smtplib over STARTTLS, implicit TLS or plain SMTP, as the
`[smtp]` section of the settings says; the password comes from the OS keyring (owner "smtp", key = the
user name), never from a file. The worker sends it at most once a day per recipient set: the day of the
last send is kept in `alert-mail.json` in the station's data folder, written only after the server
accepted the message.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html import escape
from pathlib import Path

from station import secrets
from station.config import Settings, SmtpSettings, StationPaths
from station.db import Database
from station.services.stock_alerts import DEFAULT_COVER_DAYS, DEFAULT_LEAD_TIME_DAYS, StockAlerts, load_alerts

__all__ = [
    "RECORD_FILE",
    "SECRET_OWNER",
    "AlertMailError",
    "MailOutcome",
    "compose_alert_mail",
    "last_sent",
    "mail_alerts",
    "send_mail",
    "smtp_password",
]

SECRET_OWNER = "smtp"
RECORD_FILE = "alert-mail.json"
CLAIM_FILE = "alert-mail.lock"  # held while a worker sends, so two workers on one machine send once
STALE_CLAIM_SECONDS = 600  # a claim older than this was left by a worker that died mid-send


class AlertMailError(RuntimeError):
    """The alert mail cannot be sent; the message names the server (host:port) and the reason."""


# -- composing --------------------------------------------------------------------------------------


def _number(value: float, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"  # 1,250.5 → 1.250,5
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


Table = tuple[str, list[str], list[list[str]], set[int]]  # (heading, header, rows, right-aligned columns)


def _tables(alerts: StockAlerts) -> list[Table]:
    low = [[r.sku, r.name, r.warehouse, _number(r.available), _number(r.threshold)] for r in alerts.low_stock]
    reorder = [
        [
            r.sku + (" (URGENTE)" if r.urgent else ""),
            _number(r.velocity, 2),
            _number(r.available),
            _number(r.incoming),
            "-" if r.days_of_cover is None else _number(r.days_of_cover, 1),
            _day(r.stockout_date),
            _number(r.quantity),
        ]
        for r in alerts.reorder
    ]
    soon = [
        [r.sku, r.lot, _day(r.expires_on), r.location, _number(r.on_hand), str(r.days_left)] for r in alerts.expiring
    ]
    blocked = [
        [
            r.sku,
            r.lot,
            _day(r.expires_on),
            r.location,
            _number(r.on_hand),
            "en cuarentena" if r.quarantined else "vencido en venta",
        ]
        for r in alerts.blocked
    ]
    return [
        (f"Bajo el mínimo ({len(low)})", ["SKU", "Nombre", "Bodega", "Libres", "Mínimo"], low, {3, 4}),
        (
            f"Sugerencia de compra ({len(reorder)}): demora {DEFAULT_LEAD_TIME_DAYS} días, cobertura {DEFAULT_COVER_DAYS} días",
            ["SKU", "Venta/día", "Libres", "En camino", "Cobertura (días)", "Quiebre", "Pedir"],
            reorder,
            {1, 2, 3, 4, 6},
        ),
        (
            f"Lotes que vencen en {alerts.horizon_days} días ({len(soon)})",
            ["SKU", "Lote", "Vence", "Ubicación", "Unidades", "Días"],
            soon,
            {4, 5},
        ),
        (
            f"Lotes vencidos o bloqueados ({len(blocked)})",
            ["SKU", "Lote", "Venció", "Ubicación", "Unidades", "Estado"],
            blocked,
            {4},
        ),
    ]


def _text_table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=False)]
    lines = []
    for cells in (header, *rows):
        parts = [
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ]
        lines.append("  " + "  ".join(parts).rstrip())
    return lines


def _subject(alerts: StockAlerts) -> str:
    parts = [
        f"{len(alerts.low_stock)} bajo el mínimo",
        f"{len(alerts.reorder)} por reponer",
        f"{len(alerts.expiring)} lote(s) por vencer",
        f"{len(alerts.blocked)} vencido(s) o bloqueado(s)",
    ]
    return f"Alertas de inventario {_day(alerts.today)}: " + ", ".join(parts)


def compose_alert_mail(alerts: StockAlerts, smtp: SmtpSettings, station_name: str) -> EmailMessage:
    """The digest as a message from `smtp.from_address` to every `smtp.to_addresses`."""
    tables = _tables(alerts)
    intro = f"Alertas de inventario del {_day(alerts.today)}, enviadas por la estación {station_name}."
    text = [intro, ""]
    html = [f"<p>{escape(intro)}</p>"]
    for heading, header, rows, right in tables:
        text.append(heading)
        html.append(f"<h3>{escape(heading)}</h3>")
        if not rows:
            text += ["  (nada)", ""]
            html.append("<p>(nada)</p>")
            continue
        text += [*_text_table(header, rows, right), ""]
        html.append('<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">')
        html.append("<tr>" + "".join(f"<th>{escape(cell)}</th>" for cell in header) + "</tr>")
        for cells in rows:
            tds = (f"<td{' align=right' if i in right else ''}>{escape(cell)}</td>" for i, cell in enumerate(cells))
            html.append("<tr>" + "".join(tds) + "</tr>")
        html.append("</table>")
    footer = "Just Logistics Station: `station alerts` muestra lo mismo en la terminal."
    text.append(footer)
    message = EmailMessage()
    message["Subject"] = _subject(alerts)
    message["From"] = smtp.from_address
    message["To"] = ", ".join(smtp.to_addresses)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=smtp.from_address.rpartition("@")[2] or None)
    message["Content-Language"] = "es-CL"
    message.set_content("\n".join(text) + "\n")
    message.add_alternative("<html><body>" + "\n".join(html) + f"<p>{escape(footer)}</p></body></html>", subtype="html")
    return message


# -- sending ----------------------------------------------------------------------------------------


def smtp_password(smtp: SmtpSettings) -> str | None:
    """The SMTP password from the keyring; None when the server takes mail without logging in."""
    if not smtp.username:
        return None
    where = f"{smtp.host}:{smtp.port}"
    try:
        password = secrets.get_secret(SECRET_OWNER, smtp.username)
    except secrets.SecretsUnavailable as exc:
        raise AlertMailError(
            f"cannot read the password for {smtp.username} at {where} from the keyring: {exc}"
        ) from exc
    if password is None:
        raise AlertMailError(
            f"no password for {smtp.username} at {where} in the keyring; store it with `station alerts mail-password`"
        )
    return password


def send_mail(message: EmailMessage, smtp: SmtpSettings, password: str | None) -> None:
    """Hand `message` to the server; raises AlertMailError naming host:port when it does not take it."""
    where = f"{smtp.host}:{smtp.port}"
    context = ssl.create_default_context()
    try:
        if smtp.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout_seconds, context=context)
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_seconds)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=context)
            if smtp.username:
                client.login(smtp.username, password or "")
            refused = client.send_message(message)
    except smtplib.SMTPAuthenticationError as exc:
        raise AlertMailError(f"SMTP server {where} refused the login of {smtp.username}: {_reply(exc)}") from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise AlertMailError(f"SMTP server {where} does not offer {smtp.security.upper()}: {exc}") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise AlertMailError(f"SMTP server {where} refused every recipient: {', '.join(exc.recipients)}") from exc
    except smtplib.SMTPResponseException as exc:
        raise AlertMailError(f"SMTP server {where} refused the mail: {_reply(exc)}") from exc
    except (smtplib.SMTPException, OSError) as exc:  # refused, unreachable, timeout, TLS handshake
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        raise AlertMailError(f"cannot send mail through SMTP server {where}: {reason}") from exc
    if refused:
        raise AlertMailError(f"SMTP server {where} refused some recipients: {', '.join(sorted(refused))}")


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {text}"


# -- once a day -------------------------------------------------------------------------------------


def _recipients_key(smtp: SmtpSettings) -> str:
    return ",".join(sorted(address.strip().lower() for address in smtp.to_addresses))


def _record_path(paths: StationPaths) -> Path:
    return paths.data_dir / RECORD_FILE


def _read_record(paths: StationPaths) -> dict[str, str]:
    try:
        data = json.loads(_record_path(paths).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}  # never sent, or a damaged file: the worst case is one more mail
    return {str(key): str(value) for key, value in data.items()} if isinstance(data, dict) else {}


def last_sent(paths: StationPaths, smtp: SmtpSettings) -> date | None:
    """The day the digest last went to this recipient set, if ever."""
    value = _read_record(paths).get(_recipients_key(smtp))
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _mark_sent(paths: StationPaths, smtp: SmtpSettings, day: date) -> None:
    record = _read_record(paths)
    record[_recipients_key(smtp)] = day.isoformat()
    path = _record_path(paths.ensure())
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(record, indent=2, sort_keys=True), encoding="utf-8")
    temporary.replace(path)


@contextmanager
def _claim(paths: StationPaths) -> Iterator[bool]:
    """True while this process alone may send; False when another worker is sending right now."""
    claim = paths.ensure().data_dir / CLAIM_FILE
    try:
        if claim.exists() and time.time() - claim.stat().st_mtime > STALE_CLAIM_SECONDS:
            claim.unlink(missing_ok=True)
        os.close(os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        yield False
        return
    try:
        yield True
    finally:
        claim.unlink(missing_ok=True)


@dataclass(frozen=True)
class MailOutcome:
    status: str  # "sent", "dry-run", "not-configured", "nothing-to-report", "already-sent", "busy"
    summary: str  # one line for the CLI and the worker's log
    message: EmailMessage | None = None


NOT_CONFIGURED = (
    "alert mail is not configured: set host, from_address and to_addresses in the [smtp] section of the "
    "settings file; nothing was sent"
)


def mail_alerts(
    database: Database,
    settings: Settings,
    paths: StationPaths,
    *,
    today: date,
    dry_run: bool = False,
    daily: bool = False,
    password: Callable[[SmtpSettings], str | None] = smtp_password,
) -> MailOutcome:
    """Compose today's digest and send it (or, with `dry_run`, only return it).

    With `daily` (the worker) it is sent at most once a day per recipient set, and not at all when there
    is nothing to report. Raises AlertMailError when the server does not take it: nothing is recorded then.
    """
    smtp = settings.smtp
    if not smtp.configured and not dry_run:
        return MailOutcome("not-configured", NOT_CONFIGURED)
    if not daily or dry_run:
        return _compose_and_send(database, settings, paths, today, dry_run=dry_run, daily=False, password=password)
    with _claim(paths) as mine:
        if not mine:
            return MailOutcome("busy", "another worker is sending the alert mail right now")
        if last_sent(paths, smtp) == today:  # read under the claim: a worker that just sent has recorded it
            return MailOutcome("already-sent", f"alert mail already sent today to {', '.join(smtp.to_addresses)}")
        return _compose_and_send(database, settings, paths, today, dry_run=False, daily=True, password=password)


def _compose_and_send(
    database: Database,
    settings: Settings,
    paths: StationPaths,
    today: date,
    *,
    dry_run: bool,
    daily: bool,
    password: Callable[[SmtpSettings], str | None],
) -> MailOutcome:
    smtp = settings.smtp
    alerts = load_alerts(database, today)
    message = compose_alert_mail(alerts, smtp, settings.station_name)
    if dry_run:
        return MailOutcome("dry-run", "dry run: nothing was sent", message)
    if daily and alerts.count == 0:
        return MailOutcome("nothing-to-report", "no stock alerts today: no mail sent", message)
    send_mail(message, smtp, password(smtp))
    _mark_sent(paths, smtp, today)
    return MailOutcome(
        "sent",
        f"alert mail sent through {smtp.host}:{smtp.port} to {', '.join(smtp.to_addresses)} ({alerts.count} alert(s))",
        message,
    )
