"""`station pick …`: build a batch pick list, show it, print it as PDF, and the pickers' leaderboard."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.db.models import Order, Warehouse
from station.domain.layout import LayoutError
from station.services.layout import warehouse_by_code
from station.services.picking import PickingError, allocated_orders, build_picklist
from station.services.picking_queries import find_picklist, picklist_view
from station.services.picking_stats import leaderboard
from station.services.picklist_pdf import picklist_pdf, route_summary
from station.services.stock import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("pick", help="batch picking: build a pick list, show or print it, leaderboard")
    actions = parser.add_subparsers(dest="pick_action", metavar="ACTION", required=True)
    built = actions.add_parser("build", help="one batch pick list for these allocated orders (or the next N)")
    built.add_argument("orders", nargs="*", metavar="ORDER", help="order numbers, e.g. JLS-000123")
    built.add_argument("--next", type=int, default=0, metavar="N", help="the N oldest allocated orders")
    built.add_argument("--zone", default="", help="with --next: only orders with units in these aisles (A-C)")
    built.set_defaults(handler=_build)
    shown = actions.add_parser("show", help="a pick list's lines in walking order and its route")
    shown.add_argument("code", help="e.g. PL-000001")
    shown.set_defaults(handler=_show)
    printed = actions.add_parser("pdf", help="write a pick list as PDF")
    printed.add_argument("code")
    printed.add_argument("out", type=Path, metavar="OUT.pdf")
    printed.set_defaults(handler=_pdf)
    board = actions.add_parser("leaderboard", help="pickers' lines, units, picks per hour and accuracy")
    board.add_argument("--hours", type=float, default=12, help="since this many hours ago (default: 12)")
    board.set_defaults(handler=_leaderboard)
    for action in (built, shown, board):
        action.add_argument("--json", action="store_true")
    for action in (built, board):
        action.add_argument("--warehouse", default="", help="warehouse code (default: the first)")


def _run(args: argparse.Namespace, work) -> int:
    settings = load_settings()
    database = Database(resolve_database_url(args.database_url, settings))
    try:
        with database.unit_of_work() as uow:
            output = work(uow.session, Actor(station=settings.station_name))
            uow.commit()
    except (PickingError, LayoutError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if output is not None:
        print(json.dumps(output, indent=2, default=str) if getattr(args, "json", False) else output["text"])
    return 0


def _warehouse_id(session, code: str) -> int:
    if code:
        return warehouse_by_code(session, code).id
    found = session.scalar(select(Warehouse.id).order_by(Warehouse.id).limit(1))
    if found is None:
        raise PickingError("No warehouse yet")
    return found


def _build(args: argparse.Namespace) -> int:
    def work(session, actor):
        warehouse_id = _warehouse_id(session, args.warehouse)
        if args.orders:
            ids = []
            for number in args.orders:
                order_id = session.scalar(select(Order.id).where(func.upper(Order.number) == number.strip().upper()))
                if order_id is None:
                    raise PickingError(f"No order {number!r}")
                ids.append(order_id)
        elif args.next > 0:
            ids = [o.order_id for o in allocated_orders(session, warehouse_id, aisles=args.zone, limit=args.next)]
            if not ids:
                raise PickingError("No allocated orders are waiting to be picked")
        else:
            raise PickingError("Name the orders to pick, or pass --next N")
        picklist_id = build_picklist(session, warehouse_id, ids, actor)
        return _described(session, picklist_id)

    return _run(args, work)


def _show(args: argparse.Namespace) -> int:
    return _run(args, lambda session, actor: _described(session, find_picklist(session, args.code).id))


def _described(session, picklist_id: int) -> dict:
    view = picklist_view(session, picklist_id)
    lines = [
        f"{view.code} ({view.status}): {route_summary(view)}",
        "totes: " + ", ".join(f"{tote} = {number}" for tote, number in view.totes),
        *(
            f"  {line.sequence:>3} {line.location:<10} {line.sku:<16} {line.lot:<10} {line.quantity:>4} {line.tote:<4}"
            f" picked {line.picked}{f', short {line.short}' if line.short else ''}"
            for line in view.lines
        ),
    ]
    data = asdict(view)
    data["text"] = "\n".join(lines)
    return data


def _pdf(args: argparse.Namespace) -> int:
    def work(session, actor):
        pdf = picklist_pdf(session, find_picklist(session, args.code).id)
        args.out.write_bytes(pdf)
        return {"text": f"wrote {args.out} ({len(pdf):,} bytes)"}

    return _run(args, work)


def _leaderboard(args: argparse.Namespace) -> int:
    def work(session, actor):
        since = datetime.now(UTC) - timedelta(hours=args.hours)
        scores = leaderboard(session, _warehouse_id(session, args.warehouse), since)
        rows = [f"{'picker':<24} {'lines':>6} {'units':>6} {'picks/h':>8} {'accuracy':>9}"]
        rows += [
            f"{s.picker:<24} {s.lines:>6} {s.units:>6} {s.picks_per_hour:>8.1f} {s.accuracy:>9.1%}" for s in scores
        ]
        text = "\n".join(rows) if scores else f"no picks in the last {args.hours:g} hours"
        return {"text": text, "pickers": [asdict(s) for s in scores]}

    return _run(args, work)
