"""`station count …`: cycle counts from the command line (open a zone, record, finish, approve),
schedules (`schedule add|list`, `due`) and accuracy over time (`accuracy`)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from sqlalchemy import select

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.db.models import Warehouse
from station.services.count_schedules import (
    ScheduleError,
    accuracy_history,
    create_schedule,
    list_schedules,
    open_due_counts,
)
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
    scheduled = actions.add_parser("schedule", help="count schedules: which bins are counted how often")
    schedule_actions = scheduled.add_subparsers(dest="schedule_action", metavar="ACTION", required=True)
    added = schedule_actions.add_parser("add", help="a schedule: bins by zone and/or ABC class, every N days")
    added.add_argument("name")
    added.add_argument("--every", type=int, required=True, metavar="DAYS", help="count again after this many days")
    added.add_argument("--zone", default="", help="bin code prefix, e.g. B- or B-03 (default: every storage bin)")
    added.add_argument("--class", dest="abc_class", default=None, help="only bins of ABC class A, B or C")
    added.add_argument("--blind", action="store_true", help="counters do not see the expected quantities")
    added.add_argument("--warehouse", default="", help="warehouse code (default: the first)")
    added.set_defaults(handler=_schedule_add)
    listed = schedule_actions.add_parser("list", help="the schedules, when each last opened and comes due")
    listed.set_defaults(handler=_schedule_list)
    due = actions.add_parser("due", help="open the counts of every schedule that is due (what the worker does)")
    due.set_defaults(handler=_due)
    history = actions.add_parser("accuracy", help="accuracy of the counts approved in the last days, per week")
    history.add_argument("--days", type=int, default=90)
    history.add_argument("--by", choices=("day", "week", "month"), default="week")
    history.add_argument("--warehouse", default="", help="warehouse code (default: the first)")
    history.set_defaults(handler=_accuracy)
    for action in (opened, finished, approved, added, listed, due, history):
        action.add_argument("--json", action="store_true")


def _run(args: argparse.Namespace, work) -> int:
    settings = load_settings()
    database = Database(resolve_database_url(args.database_url, settings))
    try:
        with database.unit_of_work() as uow:
            output = work(uow.session, Actor(station=settings.station_name))
            uow.commit()
    except (CountError, ScheduleError) as exc:
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
        rows = [
            f"  {v['location']:<10} {v['sku']:<16} {v['lot'] or '':<10} {v['on_hand']:>6} → {v['counted']:<6} ({v['counted'] - v['on_hand']:+d})"
            for v in output["variances"]
        ]
        return "\n".join([f"{len(rows)} variance(s)", *rows])
    if isinstance(output, dict) and "schedules" in output:
        return "\n".join(_schedule_text(row) for row in output["schedules"]) or "no count schedules"
    if isinstance(output, dict) and "opened" in output:
        lines = [f"{len(output['opened'])} schedule(s) due"]
        for opened in output["opened"]:
            skipped = f", {len(opened['skipped'])} bin(s) skipped (a count still open)" if opened["skipped"] else ""
            lines.append(f"  {opened['name']}: {len(opened['count_ids'])} count(s) opened{skipped}")
        return "\n".join(lines)
    if isinstance(output, dict) and "history" in output:
        return _accuracy_text(output["history"])
    return str(output)


def _accuracy_text(history: dict) -> str:
    lines = [f"{'period':<12} {'counts':>6} {'lines':>6} {'lines ok':>8} {'units ok':>8}"]
    lines.extend(
        f"{p['start']!s:<12} {p['counts']:>6} {p['lines']:>6} {p['line_accuracy']:>8.1%} {p['unit_accuracy']:>8.1%}"
        for p in history["periods"]
    )
    overall = history["overall"]
    lines.append(
        f"{'all':<12} {len(history['counts']):>6} {overall['lines']:>6} "
        f"{overall['line_accuracy']:>8.1%} {overall['unit_accuracy']:>8.1%}  (last {history['days']} days)"
    )
    return "\n".join(lines)


def _schedule_text(row: dict) -> str:
    zone = f"zone {row['location_prefix']}" if row["location_prefix"] else ""
    abc = f"class {row['abc_class']}" if row["abc_class"] else ""
    scope = " ".join(part for part in (zone, abc) if part) or "every bin"
    flags = ", ".join(flag for flag, on in (("blind", row["blind"]), ("paused", not row["active"])) if on)
    last = row["last_opened_at"].strftime("%Y-%m-%d %H:%M") if row["last_opened_at"] else "never"
    return (
        f"#{row['id']:<4} {row['warehouse']:<8} {row['name']:<24} every {row['frequency_days']} day(s)  "
        f"{scope}{f'  ({flags})' if flags else ''}  last opened {last}"
    )


def _warehouse_id(session, code: str) -> int:
    query = select(Warehouse.id).order_by(Warehouse.id)
    if code:
        query = query.where(Warehouse.code == code)
    warehouse_id = session.scalar(query.limit(1))
    if warehouse_id is None:
        raise CountError(f"No warehouse {code!r}" if code else "No warehouse yet")
    return warehouse_id


def _open(args: argparse.Namespace) -> int:
    def work(session, _actor):
        warehouse_id = _warehouse_id(session, args.warehouse)
        ids = open_counts(session, warehouse_id, location_prefix=args.zone, blind=args.blind)
        return {
            "sheets": {
                count_id: [asdict(line) for line in sheet(session, count_id, blind=args.blind)] for count_id in ids
            }
        }

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


def _schedule_add(args: argparse.Namespace) -> int:
    def work(session, _actor):
        schedule_id = create_schedule(
            session,
            _warehouse_id(session, args.warehouse),
            args.name,
            frequency_days=args.every,
            location_prefix=args.zone,
            abc_class=args.abc_class,
            blind=args.blind,
        )
        return {"schedules": [asdict(row) for row in list_schedules(session) if row.id == schedule_id]}

    return _run(args, work)


def _schedule_list(args: argparse.Namespace) -> int:
    return _run(args, lambda session, _actor: {"schedules": [asdict(row) for row in list_schedules(session)]})


def _due(args: argparse.Namespace) -> int:
    return _run(args, lambda session, _actor: {"opened": [asdict(opened) for opened in open_due_counts(session)]})


def _accuracy(args: argparse.Namespace) -> int:
    def work(session, _actor):
        history = accuracy_history(session, _warehouse_id(session, args.warehouse), days=args.days, bucket=args.by)
        return {
            "history": {
                "days": args.days,
                "periods": [_accuracy_row({"start": p.start, "counts": p.counts}, p.accuracy) for p in history.periods],
                "counts": [
                    _accuracy_row(
                        {"count": c.count_id, "location": c.location, "approved_at": c.completed_at}, c.accuracy
                    )
                    for c in history.counts
                ],
                "overall": _accuracy_row({}, history.overall),
            }
        }

    return _run(args, work)


def _accuracy_row(head: dict, accuracy) -> dict:
    return {
        **head,
        "lines": accuracy.lines,
        "lines_right": accuracy.lines_right,
        "line_accuracy": round(accuracy.line_accuracy, 4),
        "unit_accuracy": round(accuracy.unit_accuracy, 4),
    }
