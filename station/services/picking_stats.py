"""The pickers' leaderboard: lines, units, picks per hour and accuracy since a moment (a shift's start).

Picks per hour counts the units a picker confirmed between their first and last pick of the period;
accuracy is 1 − (short picks + wrong scans) / (scans), scans being confirmed units plus both mistakes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import AuditEntry, Location, PicklistLine, StockMove, User
from station.domain.stock import MoveKind
from station.services.picking_scans import SHORT_PICK, WRONG_SCAN


@dataclass(frozen=True)
class PickerScore:
    user_id: int | None
    picker: str
    lines: int
    units: int
    picks_per_hour: float
    accuracy: float  # 0 … 1
    shorts: int
    wrong_scans: int


def leaderboard(session: Session, warehouse_id: int, since: datetime) -> list[PickerScore]:
    """Every picker with picks since `since`, the most picks per hour first."""
    moves = session.execute(
        select(StockMove.user_id, StockMove.quantity, StockMove.at)
        .join(Location, Location.id == StockMove.from_location_id)
        .where(
            StockMove.kind == MoveKind.PICK,
            StockMove.at >= since,
            StockMove.reference.like("PL-%"),
            Location.warehouse_id == warehouse_id,
        )
    ).all()
    units: dict[int | None, int] = defaultdict(int)
    times: dict[int | None, list[datetime]] = defaultdict(list)
    for user_id, quantity, at in moves:
        units[user_id] += quantity
        times[user_id].append(at)
    lines = dict(
        session.execute(
            select(PicklistLine.picked_by, func.count())
            .join(Location, Location.id == PicklistLine.location_id)
            .where(
                PicklistLine.picked_at >= since,
                PicklistLine.picked_qty >= PicklistLine.quantity,
                Location.warehouse_id == warehouse_id,
            )
            .group_by(PicklistLine.picked_by)
        ).all()
    )
    mistakes: dict[tuple[int | None, str], int] = defaultdict(int)
    for user_id, action in session.execute(
        select(AuditEntry.user_id, AuditEntry.action).where(
            AuditEntry.at >= since, AuditEntry.action.in_((SHORT_PICK, WRONG_SCAN)), AuditEntry.entity == "picklist"
        )
    ):
        mistakes[(user_id, action)] += 1
    pickers = set(units) | {user_id for user_id, _ in mistakes}
    names = dict(session.execute(select(User.id, User.name).where(User.id.in_([p for p in pickers if p]))).all())
    scores = []
    for user_id in pickers:
        shorts, wrong = mistakes[(user_id, SHORT_PICK)], mistakes[(user_id, WRONG_SCAN)]
        scans = units[user_id] + shorts + wrong
        stamps = sorted(times[user_id])
        hours = (stamps[-1] - stamps[0]).total_seconds() / 3600 if len(stamps) > 1 else 0
        scores.append(
            PickerScore(
                user_id,
                names.get(user_id, "—") if user_id else "—",
                int(lines.get(user_id, 0)),
                units[user_id],
                round(units[user_id] / hours, 1) if hours else 0.0,
                round(1 - (shorts + wrong) / scans, 3) if scans else 1.0,
                shorts,
                wrong,
            )
        )
    return sorted(scores, key=lambda s: (-s.picks_per_hour, -s.units, s.picker))
