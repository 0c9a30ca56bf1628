"""`station alerts low-stock|reorder|threshold|mail|mail-password`: low-stock list, reorder suggestions,
per-SKU thresholds, and the stock-alert digest by e-mail (see docs/alerts.md)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from datetime import date
from email.message import EmailMessage

from station import secrets
from station.config import SettingsError, load_settings, resolve_database_url, station_paths
from station.db.engine import Database
from station.db.models import Warehouse
from station.services.alert_mail import SECRET_OWNER, AlertMailError, mail_alerts
from station.services.replenishment import (
    DEFAULT_HISTORY_DAYS,
    LowStock,
    ReorderSuggestion,
    ReplenishmentError,
    low_stock,
    reorder_suggestions,
    set_threshold,
)
from station.services.stock_queries import StockQueryError, find_variant


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("alerts", help="low-stock alerts, reorder suggestions and thresholds")
    actions = parser.add_subparsers(dest="alerts_action", metavar="ACTION", required=True)

    low = actions.add_parser("low-stock", help="SKUs at or under their threshold, per warehouse")
    low.add_argument("--json", action="store_true", help="print JSON instead of a table")
    low.set_defaults(handler=_low_stock)

    reorder = actions.add_parser("reorder", help="what to order now, from sales velocity")
    reorder.add_argument("--lead-time", type=int, default=7, help="days a purchase order takes to arrive (default 7)")
    reorder.add_argument("--cover", type=int, default=30, help="days of stock wanted after it arrives (default 30)")
    reorder.add_argument(
        "--history",
        type=int,
        default=DEFAULT_HISTORY_DAYS,
        help=f"days of sales to measure (default {DEFAULT_HISTORY_DAYS})",
    )
    reorder.add_argument("--json", action="store_true", help="print JSON instead of a table")
    reorder.set_defaults(handler=_reorder)

    threshold = actions.add_parser("threshold", help="set a SKU's low-stock threshold in a warehouse")
    threshold.add_argument("sku")
    threshold.add_argument("threshold", type=int, help="alert when free units are at or under this")
    threshold.add_argument("--warehouse", default=None, help="warehouse code (needed when there are several)")
    threshold.add_argument("--tenant", default=None, help="tenant code, when several tenants use the same SKU")
    threshold.set_defaults(handler=_threshold)

    mail = actions.add_parser("mail", help="send the stock-alert digest by e-mail now ([smtp] in the settings)")
    mail.add_argument("--dry-run", action="store_true", help="print the mail instead of sending it")
    mail.set_defaults(handler=_mail)

    password = actions.add_parser(
        "mail-password", help="store the SMTP password in the OS keyring (read from the terminal, or stdin)"
    )
    password.set_defaults(handler=_mail_password)


def _database(args: argparse.Namespace) -> Database:
    return Database(resolve_database_url(args.database_url, load_settings()))


def _low_stock(args: argparse.Namespace) -> int:
    database = _database(args)
    try:
        with database.unit_of_work() as uow:
            rows = low_stock(uow.session)
    finally:
        database.dispose()
    print(json.dumps([asdict(row) for row in rows], indent=2) if args.json else render_low_stock(rows))
    return 0


def render_low_stock(rows: list[LowStock]) -> str:
    if not rows:
        return "No SKU is at or under its threshold."
    lines = [
        f"{'Tenant':<8} {'SKU':<18} {'Warehouse':<10} {'On hand':>8} {'Reserved':>9} {'Free':>6} {'Threshold':>10}"
    ]
    for r in rows:
        lines.append(
            f"{r.tenant:<8} {r.sku:<18} {r.warehouse:<10} {r.on_hand:>8} {r.reserved:>9} {r.available:>6} {r.threshold:>10}"
        )
    return "\n".join(lines)


def _reorder(args: argparse.Namespace) -> int:
    database = _database(args)
    try:
        with database.unit_of_work() as uow:
            rows = reorder_suggestions(uow.session, args.lead_time, args.cover, history_days=args.history)
    except ReplenishmentError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        database.dispose()
    print(json.dumps([reorder_json(row) for row in rows], indent=2) if args.json else render_reorder(rows))
    return 0


def reorder_json(row: ReorderSuggestion) -> dict[str, object]:
    data = asdict(row)
    data["velocity"] = round(row.velocity, 3)
    data["days_of_cover"] = None if row.days_of_cover is None else round(row.days_of_cover, 1)
    data["stockout_date"] = row.stockout_date.isoformat() if row.stockout_date else None
    return data


def render_reorder(rows: list[ReorderSuggestion]) -> str:
    if not rows:
        return "Nothing to reorder."
    lines = [
        f"{'Tenant':<8} {'SKU':<18} {'Per day':>8} {'Free':>6} {'Incoming':>9} {'Cover':>7} {'Stockout':<10} {'Order':>6}"
    ]
    for r in rows:
        cover = "-" if r.days_of_cover is None else f"{r.days_of_cover:.1f}"
        stockout = r.stockout_date.isoformat() if r.stockout_date else "-"
        lines.append(
            f"{r.tenant:<8} {r.sku:<18} {r.velocity:>8.2f} {r.available:>6} {r.incoming:>9} {cover:>7} {stockout:<10} "
            f"{r.quantity:>6}{'  URGENT' if r.urgent else ''}"
        )
    if any(r.urgent for r in rows):
        lines += ["", "URGENT: runs out before an order placed today would arrive."]
    return "\n".join(lines)


def _threshold(args: argparse.Namespace) -> int:
    database = _database(args)
    try:
        with database.unit_of_work() as uow:
            variant = find_variant(uow.session, args.sku, tenant=args.tenant)
            row = set_threshold(uow.session, variant, args.threshold, warehouse=args.warehouse)
            warehouse = uow.session.get(Warehouse, row.warehouse_id)
            message = f"{variant.sku} in {warehouse.code if warehouse else '?'}: low-stock threshold {row.threshold}"
            uow.commit()
    except (StockQueryError, ReplenishmentError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(message)
    return 0


def _mail(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    database = Database(resolve_database_url(args.database_url, settings))
    try:
        outcome = mail_alerts(database, settings, station_paths(), today=date.today(), dry_run=args.dry_run)
    except AlertMailError as exc:
        print(f"error: {exc}; nothing was sent", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if outcome.status == "not-configured":
        print(outcome.summary, file=sys.stderr)
        return 2
    if outcome.message is not None and args.dry_run:
        print(render_mail(outcome.message))
    print(outcome.summary, file=sys.stderr if args.dry_run else sys.stdout)
    return 0


def render_mail(message: EmailMessage) -> str:
    """Headers and the plain-text body, as the recipients would read them."""
    headers = "\n".join(f"{name}: {message[name]}" for name in ("From", "To", "Subject"))
    body = message.get_body(preferencelist=("plain",))
    return f"{headers}\n\n{body.get_content() if body else ''}"


def _mail_password(args: argparse.Namespace) -> int:
    try:
        smtp = load_settings().smtp
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not smtp.username:
        print(
            "error: [smtp] username is empty in the settings file; a server without login needs no password",
            file=sys.stderr,
        )
        return 2
    prompt = f"SMTP password for {smtp.username} at {smtp.host}:{smtp.port}: "
    password = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if not password:
        print("error: empty password; nothing was stored", file=sys.stderr)
        return 1
    try:
        secrets.set_secret(SECRET_OWNER, smtp.username, password)
    except secrets.SecretsUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"password for {smtp.username} stored in the keyring")
    return 0
