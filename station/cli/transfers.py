"""`station transfers …` (stock sent between warehouses) and `station move …` (bin to bin).

station transfers create --from SCL-1 --to CCP --line POL-M-ROJ 6 A-01-A [--line SKU QTY BIN [LOT]] [--note …]
station transfers dispatch TR-000001
station transfers receive TR-000001 [--bin A-01-A] [--line SKU QTY [LOT]]…   (default: all, onto the dock)
station transfers cancel TR-000001                                            (drafts only)
station transfers list [--status in_transit] [--warehouse CCP] [--json]
station transfers show TR-000001 [--json]
station move SKU QTY FROM_BIN TO_BIN [--lot L] [--warehouse SCL-1]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.db.models import User
from station.services.bin_moves import MoveError, MoveResult, move_stock
from station.services.stock import Actor
from station.services.transfers import (
    TransferView,
    cancel,
    create_transfer,
    dispatch,
    get_transfer,
    list_transfers,
    receive,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "transfers", help="send stock between warehouses: create, dispatch, receive, cancel, list"
    )
    actions = parser.add_subparsers(dest="transfers_action", metavar="ACTION", required=True)

    create = actions.add_parser("create", help="a draft transfer of units from bins of one warehouse to another")
    create.add_argument("--from", dest="source", required=True, help="source warehouse code")
    create.add_argument("--to", dest="destination", required=True, help="destination warehouse code")
    create.add_argument(
        "--line",
        action="append",
        nargs="+",
        required=True,
        metavar="VALUE",
        help="SKU QTY BIN [LOT] (repeat for more lines); a lot-tracked SKU without a lot takes the first to expire",
    )
    create.add_argument("--note", default="")
    create.add_argument("--client", default=None, help="client (tenant) code, when two clients use the same SKU")
    create.set_defaults(handler=_create)

    for name, helptext, handler in (
        ("dispatch", "send a draft: its units leave their bins and travel in transit", _dispatch),
        ("cancel", "cancel a draft (a transfer in transit must be received instead)", _cancel),
        ("show", "a transfer's lines, what was sent and what arrived", _show),
    ):
        action = actions.add_parser(name, help=helptext)
        action.add_argument("number", help="e.g. TR-000001")
        action.add_argument(
            "--client", default=None, help="client (tenant) code, when several clients have that number"
        )
        action.set_defaults(handler=handler)

    got = actions.add_parser("receive", help="units of a transfer in transit arrive at the destination")
    got.add_argument("number")
    got.add_argument("--client", default=None, help="client (tenant) code, when several clients have that number")
    got.add_argument("--bin", default=None, help="bin to receive onto (default: the destination's dock)")
    got.add_argument("--line", action="append", nargs="+", metavar="VALUE", help="SKU QTY [LOT]: a partial receipt")
    got.set_defaults(handler=_receive)

    listed = actions.add_parser("list", help="transfers, newest first")
    listed.add_argument("--status", default=None, help="draft, in_transit, received or cancelled")
    listed.add_argument("--warehouse", default=None, help="only transfers from or to this warehouse")
    listed.set_defaults(handler=_list)

    for action in (create, got, listed, *(actions.choices[name] for name in ("dispatch", "cancel", "show"))):
        action.add_argument("--json", action="store_true", help="print JSON instead of text")
        action.add_argument("--user", default=None, help="login of the user the ledger names (default: none)")

    move = subparsers.add_parser("move", help="move units of a SKU from one bin to another in the same warehouse")
    move.add_argument("sku", help="SKU or barcode")
    move.add_argument("quantity", type=int)
    move.add_argument("from_bin")
    move.add_argument("to_bin")
    move.add_argument("--lot", default=None)
    move.add_argument("--warehouse", default=None, help="warehouse code, when the bin code exists in several")
    move.add_argument("--user", default=None, help="login of the user the ledger names (default: none)")
    move.add_argument("--json", action="store_true")
    move.set_defaults(handler=_move)


def _run(args: argparse.Namespace, work: Callable[[Session, Actor], Any], *, writes: bool = True) -> int:
    settings = load_settings()
    database = Database(resolve_database_url(args.database_url, settings))
    try:
        with database.unit_of_work() as uow:
            actor = Actor(station=settings.station_name, user_id=_user_id(uow.session, args.user))
            output = work(uow.session, actor)
            if writes:
                uow.commit()
    except MoveError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(_plain(output), indent=2, default=str))
    else:
        print(_text(output))
    return 0


def _user_id(session: Session, login: str | None) -> int | None:
    if not login:
        return None
    user_id = session.scalar(select(User.id).where(func.lower(User.login) == login.strip().lower()))
    if user_id is None:
        raise MoveError(f"No user with login {login!r}")
    return user_id


def _plain(output: object) -> object:
    if isinstance(output, list):
        return [_plain(item) for item in output]
    if isinstance(output, TransferView):
        return {**asdict(output), "units": output.units, "received": output.received}
    return asdict(output)  # type: ignore[call-overload]


def _text(output: object) -> str:
    if isinstance(output, list):
        if not output:
            return "No transfers."
        rows = [f"{'Number':<10} {'Client':<14} {'From':<8} {'To':<8} {'Status':<11} {'Units':>6} {'Arrived':>8}"]
        rows += [
            f"{t.number:<10} {t.client:<14} {t.from_warehouse:<8} {t.to_warehouse:<8} {t.status:<11} {t.units:>6} {t.received:>8}"
            for t in output
        ]
        return "\n".join(rows)
    if isinstance(output, MoveResult):
        lots = f" (lot {', '.join(output.lots)})" if output.lots else ""
        return f"Moved {output.quantity} × {output.sku}{lots} from {output.from_bin} to {output.to_bin}"
    assert isinstance(output, TransferView)
    lines = [
        f"{output.number}  {output.from_warehouse} → {output.to_warehouse}  {output.status}  (client {output.client})",
        *([f"Note: {output.note}"] if output.note else []),
        f"  {'SKU':<18} {'Lot':<12} {'From bin':<10} {'Sent':>6} {'Arrived':>8}",
    ]
    lines += [
        f"  {line.sku:<18} {line.lot or '-':<12} {line.from_bin:<10} {line.quantity:>6} {line.received:>8}"
        for line in output.lines
    ]
    lines.append(f"  {output.units} unit(s), {output.received} arrived")
    return "\n".join(lines)


def _line(values: list[str], sizes: tuple[int, ...], shape: str) -> tuple[Any, ...]:
    if len(values) not in sizes:
        raise MoveError(f"--line {' '.join(values)}: expected {shape}")
    try:
        quantity = int(values[1])
    except ValueError as exc:
        raise MoveError(f"--line {' '.join(values)}: the quantity {values[1]!r} is not a whole number") from exc
    return (values[0], quantity, *values[2:])


def _create(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Actor) -> TransferView:
        lines = [_line(values, (3, 4), "SKU QTY BIN [LOT]") for values in args.line]
        return create_transfer(session, args.source, args.destination, lines, actor, note=args.note, client=args.client)

    return _run(args, work)


def _dispatch(args: argparse.Namespace) -> int:
    return _run(args, lambda session, actor: dispatch(session, args.number, actor, client=args.client))


def _cancel(args: argparse.Namespace) -> int:
    return _run(args, lambda session, actor: cancel(session, args.number, actor, client=args.client))


def _show(args: argparse.Namespace) -> int:
    return _run(args, lambda session, _actor: get_transfer(session, args.number, client=args.client), writes=False)


def _receive(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Actor) -> TransferView:
        lines = [_line(values, (2, 3), "SKU QTY [LOT]") for values in args.line] if args.line else None
        return receive(session, args.number, actor, lines=lines, to_bin=args.bin, client=args.client)

    return _run(args, work)


def _list(args: argparse.Namespace) -> int:
    return _run(
        args,
        lambda session, _actor: list_transfers(session, status=args.status, warehouse=args.warehouse),
        writes=False,
    )


def _move(args: argparse.Namespace) -> int:
    return _run(
        args,
        lambda session, actor: move_stock(
            session, args.sku, args.from_bin, args.to_bin, args.quantity, actor, lot=args.lot, warehouse=args.warehouse
        ),
    )
