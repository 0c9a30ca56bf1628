"""`station slotting …`: which SKUs are picked most, and moving the fast movers nearer to dispatch.

station slotting abc [--days 30] [--warehouse SCL-1] [--json]
station slotting suggest [--days 30] [--limit 20] [--warehouse SCL-1] [--json]
station slotting accept ID [--user LOGIN]      (makes the move task(s))
station slotting reject ID [--user LOGIN]
station slotting tasks [--warehouse SCL-1] [--json]
station slotting do TASK FROM_BIN TO_BIN [--user LOGIN]   (the scans of a move task)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.db.models import User
from station.domain.layout import LayoutError
from station.services import slotting
from station.services.stock import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("slotting", help="ABC of SKUs by picks; move fast movers nearer to dispatch")
    actions = parser.add_subparsers(dest="slotting_action", metavar="ACTION", required=True)
    abc = actions.add_parser("abc", help="SKUs by picks over the last days, with their ABC class")
    suggest = actions.add_parser("suggest", help="propose moves of A-class SKUs to bins nearer the pack stations")
    suggest.add_argument("--limit", type=int, default=20, help="at most this many new suggestions (default 20)")
    for action in (abc, suggest):
        action.add_argument("--days", type=int, default=30, help="pick history to count (default 30 days)")
    accept = actions.add_parser("accept", help="accept a suggestion: it becomes a move task")
    reject = actions.add_parser("reject", help="reject a suggestion")
    for action in (accept, reject):
        action.add_argument("id", type=int, help="the suggestion's number (see suggest)")
    tasks = actions.add_parser("tasks", help="open move tasks")
    do = actions.add_parser("do", help="do a move task: the bins scanned from and to")
    do.add_argument("task", type=int)
    do.add_argument("from_bin")
    do.add_argument("to_bin")
    for action, handler in (
        (abc, _abc),
        (suggest, _suggest),
        (accept, _accept),
        (reject, _reject),
        (tasks, _tasks),
        (do, _do),
    ):
        action.add_argument(
            "--warehouse", default="", help="warehouse code (default: the station's, else the first with a layout)"
        )
        action.add_argument("--user", default=None, help="login of the user who decides (default: none)")
        action.add_argument("--json", action="store_true", help="print JSON instead of text")
        action.set_defaults(handler=handler)


def _run(args: argparse.Namespace, work: Callable[[Session, int, Actor], Any], text: Callable[[Any], str]) -> int:
    settings = load_settings()
    database = Database(resolve_database_url(args.database_url, settings))
    try:
        with database.unit_of_work() as uow:
            warehouse_id, _code = slotting.station_warehouse(uow.session, args.warehouse or settings.warehouse_code)
            actor = Actor(station=settings.station_name, user_id=_user_id(uow.session, args.user))
            output = work(uow.session, warehouse_id, actor)
            uow.commit()
    except (slotting.SlottingError, LayoutError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(json.dumps(_plain(output), indent=2, default=str) if args.json else text(output))
    return 0


def _user_id(session: Session, login: str | None) -> int | None:
    if not login:
        return None
    user_id = session.scalar(select(User.id).where(func.lower(User.login) == login.strip().lower()))
    if user_id is None:
        raise slotting.SlottingError(f"No user with login {login!r}")
    return user_id


def _plain(output: object) -> object:
    if isinstance(output, list):
        return [_plain(item) for item in output]
    return asdict(output) if is_dataclass(output) and not isinstance(output, type) else output


def _abc(args: argparse.Namespace) -> int:
    def text(rows: list[slotting.SkuClass]) -> str:
        if not rows:
            return f"Nothing picked in the last {args.days} days."
        lines = [f"{'SKU':<20} {'Class':<5} {'Picks':>6} {'Units':>6} {'Picks/day':>9}"]
        lines += [f"{r.sku:<20} {r.abc_class:<5} {r.picks:>6} {r.units:>6} {r.picks_per_day:>9.2f}" for r in rows]
        return "\n".join(lines)

    return _run(args, lambda session, wh, _actor: slotting.classify_skus(session, wh, days=args.days), text)


def _suggestions_text(rows: list[slotting.SuggestionRow]) -> str:
    if not rows:
        return "No new suggestions: the fast movers are as near dispatch as the free bins allow."
    lines = [f"{'ID':>5} {'SKU':<20} {'Class':<5} {'Picks/day':>9} {'From':<10} {'To':<10} {'m saved/day':>11}"]
    for r in rows:
        swap = f"  (swap with {r.swap_sku})" if r.swap_sku else ""
        lines.append(
            f"{r.id:>5} {r.sku:<20} {r.abc_class:<5} {r.picks_per_day:>9.2f} {r.from_bin:<10} {r.to_bin:<10} "
            f"{r.saved_cm_per_day / 100:>11.1f}{swap}"
        )
    return "\n".join(lines)


def _suggest(args: argparse.Namespace) -> int:
    def work(session: Session, wh: int, _actor: Actor) -> list[slotting.SuggestionRow]:
        return slotting.suggest(session, wh, days=args.days, limit=args.limit)

    return _run(args, work, _suggestions_text)


def _tasks_text(rows: list[slotting.TaskRow]) -> str:
    if not rows:
        return "No open move tasks."
    lines = [f"{'Task':>5} {'SKU':<20} {'Units':>6} {'From':<10} {'To':<10} {'Reason':<12} {'Status'}"]
    lines += [
        f"{t.id:>5} {t.sku:<20} {t.quantity:>6} {t.from_bin:<10} {t.to_bin:<10} {t.reason:<12} {t.status}" for t in rows
    ]
    return "\n".join(lines)


def _accept(args: argparse.Namespace) -> int:
    def text(rows: list[slotting.TaskRow]) -> str:
        return f"Suggestion {args.id} accepted.\n" + _tasks_text(rows)

    return _run(args, lambda session, _wh, actor: slotting.accept(session, args.id, actor), text)


def _reject(args: argparse.Namespace) -> int:
    return _run(
        args,
        lambda session, _wh, actor: slotting.reject(session, args.id, actor),
        lambda r: f"Suggestion {r.id} rejected.",
    )


def _tasks(args: argparse.Namespace) -> int:
    return _run(args, lambda session, wh, _actor: slotting.open_tasks(session, wh), _tasks_text)


def _do(args: argparse.Namespace) -> int:
    def work(session: Session, _wh: int, actor: Actor) -> slotting.TaskRow:
        return slotting.do_task(session, args.task, args.from_bin, args.to_bin, actor)

    return _run(args, work, lambda t: f"Task {t.id} done: moved {t.quantity} × {t.sku} from {t.from_bin} to {t.to_bin}")
