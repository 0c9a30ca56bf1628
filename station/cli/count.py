"""`station count …`: cycle counts from the command line (open a zone, record, finish, approve)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from sqlalchemy import select

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.db.models import Warehouse
from station.services.counts import CountError, accuracy, approve, finish, open_counts, record, sheet
from station.services.stock import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("count", help="cycle counts: open a zone, record counts, approve variances")
    actions = parser.add_subparsers(dest="count_action", metavar="ACTION", required=True)
    opened = actions.add_parser("open", help="open a count for every storage bin whose code starts with ZONE")
    opened.add_argument("zone", help="bin code prefix, e.g. A- or A-01")
    opened.add_argument("--warehouse", default="", help="warehouse code (default: the first)")
    opened.add_argument("--blind", action="store_true", help="print the sheets without expected quantities")
    opened.set_defaults(handler=_open)
    counted = actions.add_parser("record", help="record what was found of a SKU in a count's bin")
    counted.add_argument("count", type=int)
    counted.add_argument("sku")
    counted.add_argument("quantity", type=int)
    counted.add_argument("--lot", default=None)
    counted.set_defaults(handler=_record)
    finished = actions.add_parser("finish", help="close counting (uncounted lines count 0) and list the variances")
    finished.add_argument("counts", type=int, nargs="+")
    finished.set_defaults(handler=_finish)
    approved = actions.add_parser("approve", help="turn the variances into adjustments (reason count_correction)")
    approved.add_argument("counts", type=int, nargs="+")
    approved.set_defaults(handler=_approve)
    for action in (opened, finished, approved):
        action.add_argument("--json", action="store_true")


def _run(args: argparse.Namespace, work) -> int:
    settings = load_settings()
    database = Database(resolve_database_url(args.database_url, settings))
    try:
        with database.unit_of_work() as uow:
            output = work(uow.session, Actor(station=settings.station_name))
            uow.commit()
    except CountError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if output is not None:
        print(json.dumps(output, indent=2, default=str) if getattr(args, "json", False) else _text(output))
    return 0


def _text(output: object) -> str:
    if isinstance(output, dict) and "sheets" in output:
        lines = []
        for count_id, rows in output["sheets"].items():
            lines.append(f"count #{count_id}")
            lines.extend(
                f"  {row['location']:<10} {row['sku']:<16} {row['lot'] or '':<10} "
                f"{'' if row['expected'] is None else row['expected']:>6}"
                for row in rows
            )
        return "\n".join(lines)
    if isinstance(output, dict) and "variances" in output:
        rows = [f"  {v['location']:<10} {v['sku']:<16} {v['lot'] or '':<10} {v['on_hand']:>6} → {v['counted']:<6} ({v['counted'] - v['on_hand']:+d})" for v in output["variances"]]
        return "\n".join([f"{len(rows)} variance(s)", *rows])
    return str(output)


def _open(args: argparse.Namespace) -> int:
    def work(session, _actor):
        query = select(Warehouse.id).order_by(Warehouse.id)
        if args.warehouse:
            query = query.where(Warehouse.code == args.warehouse)
        warehouse_id = session.scalar(query.limit(1))
        if warehouse_id is None:
            raise CountError(f"No warehouse {args.warehouse!r}" if args.warehouse else "No warehouse yet")
        ids = open_counts(session, warehouse_id, location_prefix=args.zone)
        return {"sheets": {count_id: [asdict(line) for line in sheet(session, count_id, blind=args.blind)] for count_id in ids}}

    return _run(args, work)


def _record(args: argparse.Namespace) -> int:
    return _run(args, lambda session, _actor: record(session, args.count, args.sku, args.quantity, lot=args.lot))


def _finish(args: argparse.Namespace) -> int:
    def work(session, _actor):
        found = [variance for count_id in args.counts for variance in finish(session, count_id)]
        return {"variances": [{**asdict(v)} for v in found]}

    return _run(args, work)


def _approve(args: argparse.Namespace) -> int:
    def work(session, actor):
        applied = sum(approve(session, count_id, actor) for count_id in args.counts)
        return {"adjustments": applied, "accuracy": round(accuracy(session, args.counts), 4)}

    return _run(args, work)
