"""`station set-aside add|list|release`: keep stock for a channel, a customer (RUT) or a segment."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime

from sqlalchemy import select

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.db.models import Channel
from station.domain.stock import InsufficientStock
from station.services.replenishment import ReplenishmentError, find_warehouse
from station.services.set_asides import (
    SetAside,
    SetAsideError,
    SetAsideFor,
    list_set_asides,
    release_set_aside,
    set_aside,
)
from station.services.stock import Actor, StockError, StockLedger
from station.services.stock_queries import StockQueryError, find_variant


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("set-aside", help="keep stock for a channel, a customer or a segment")
    actions = parser.add_subparsers(dest="set_aside_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="set units of a SKU aside")
    add.add_argument("sku")
    add.add_argument("quantity", type=int)
    _target_arguments(add)
    add.add_argument("--until", type=datetime.fromisoformat, help="when it ends (ISO date/time; default: never)")
    add.set_defaults(handler=_add)

    release = actions.add_parser("release", help="give a SKU's set-aside units back to free stock")
    release.add_argument("sku")
    _target_arguments(release)
    release.set_defaults(handler=_release)

    listing = actions.add_parser("list", help="every active set-aside")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=_list)


def _target_arguments(parser: argparse.ArgumentParser) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--channel", help="channel code, e.g. MELI")
    who.add_argument("--customer", help="customer RUT, e.g. 76.086.428-5")
    who.add_argument("--segment", help="customer segment, e.g. MAYORISTA or VIP")
    parser.add_argument("--warehouse", default=None, help="warehouse code (needed when there are several)")
    parser.add_argument("--tenant", default=None, help="tenant code, when several tenants use the same SKU")


def _database(args: argparse.Namespace) -> Database:
    return Database(resolve_database_url(args.database_url, load_settings()))


def _target(session, args: argparse.Namespace) -> SetAsideFor:
    if args.channel is not None:
        channel_id = session.scalar(select(Channel.id).where(Channel.code == args.channel))
        if channel_id is None:
            codes = ", ".join(session.scalars(select(Channel.code).order_by(Channel.code))) or "none"
            raise SetAsideError(f"no channel {args.channel!r} (channels: {codes})")
        return SetAsideFor(channel_id=channel_id)
    if args.customer is not None:
        return SetAsideFor(customer_rut=args.customer)
    return SetAsideFor(segment=args.segment)


def _run(args: argparse.Namespace, action) -> int:
    database = _database(args)
    try:
        with database.unit_of_work() as uow:
            session = uow.session
            variant = find_variant(session, args.sku, tenant=args.tenant)
            warehouse = find_warehouse(session, args.warehouse)
            ledger = StockLedger(session, Actor(station=load_settings().station_name))
            message = action(session, ledger, variant.id, warehouse.id, _target(session, args))
            uow.commit()
    except (SetAsideError, ReplenishmentError, StockError, StockQueryError, InsufficientStock) as error:
        print(f"station set-aside: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(message)
    return 0


def _add(args: argparse.Namespace) -> int:
    until = args.until if args.until is None or args.until.tzinfo else args.until.astimezone()  # local time

    def add(session, ledger, variant_id, warehouse_id, target) -> str:
        set_aside(session, ledger, variant_id, warehouse_id, args.quantity, target, until=until)
        return f"{args.quantity} × {args.sku} set aside ({target.ref.removeprefix('set-aside:')})"

    return _run(args, add)


def _release(args: argparse.Namespace) -> int:
    def release(session, ledger, variant_id, warehouse_id, target) -> str:
        units = release_set_aside(session, ledger, variant_id, warehouse_id, target)
        return f"{units} × {args.sku} back to free stock"

    return _run(args, release)


def _list(args: argparse.Namespace) -> int:
    database = _database(args)
    try:
        with database.unit_of_work() as uow:
            rows = list_set_asides(uow.session)
    finally:
        database.dispose()
    print(json.dumps([asdict(row) for row in rows], indent=2, default=str) if args.json else render(rows))
    return 0


def render(rows: list[SetAside]) -> str:
    if not rows:
        return "Nothing is set aside."
    lines = [f"{'SKU':<18} {'For':<34} {'Units':>6}  Ends"]
    for row in rows:
        ends = row.expires_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if row.expires_at else "never"
        target = row.ref.removeprefix("set-aside:")
        if row.channel_code and target == "channel":
            target = f"channel:{row.channel_code}"
        lines.append(f"{row.sku:<18} {target:<34} {row.quantity:>6}  {ends}")
    return "\n".join(lines)
