"""The packing view's work on the database lane: plain functions, plain data back (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from station.db.engine import Database
from station.services.packing import PackingError, UnknownCode
from station.services.packing_queries import BenchOrder, hold_order, open_next_order, open_order


@dataclass(frozen=True)
class Refusal:
    """Why a scanned code opened no order: "unknown" (no such order) or "refused" (the reason)."""

    kind: str
    text: str


def open_or_refuse(database: Database, code: str, bench: str) -> BenchOrder | Refusal:
    try:
        return open_order(database, code, bench=bench)
    except UnknownCode:
        return Refusal("unknown", code)
    except PackingError as exc:  # not packable (not paid, on hold, shipped …), no bench
        return Refusal("refused", str(exc))


def open_next_or_refuse(database: Database, bench: str) -> BenchOrder | Refusal | None:
    try:
        return open_next_order(database, bench=bench)
    except PackingError as exc:
        return Refusal("refused", str(exc))


def hold(database: Database, order_id: int, reason: str, station: str, user_id: int | None) -> str:
    return hold_order(database, order_id, reason, station=station, user_id=user_id)
