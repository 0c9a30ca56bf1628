"""What every step of the demo seeding shares: the session, the one random source, the demo's "now"."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from station.services.stock import Actor

# The demo's clock: every timestamp it writes is relative to a base time drawn from the seed, never
# to the wall clock, so one seed always gives the same data.
DEMO_EPOCH = datetime(2025, 3, 3, 21, 0, tzinfo=UTC)
DEMO_ACTOR = Actor(station="demo-seed")


def base_time_for(rng: random.Random) -> datetime:
    """The demo's "now": an evening within half a year of the epoch, chosen by the seed."""
    return DEMO_EPOCH + timedelta(days=rng.randrange(0, 180))


@dataclass
class DemoContext:
    session: Session
    rng: random.Random
    now: datetime
    progress: Callable[[str], None]

    def ago(self, *, days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
        """A moment before the demo's "now", to the second."""
        moment = self.now - timedelta(days=days, hours=hours, minutes=minutes)
        return moment.replace(microsecond=0)
