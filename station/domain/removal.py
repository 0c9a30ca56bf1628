"""Removal strategies: which units leave first when stock is allocated or picked.

FIFO takes the oldest receipt first, LIFO the newest, FEFO the soonest expiry (units without an
expiry date go last, then oldest receipt). A product's own strategy wins over its category's; with
neither, lot-tracked products with expiry dates use FEFO and everything else FIFO.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class RemovalStrategy(StrEnum):
    FIFO = "fifo"  # first in, first out: oldest receipt first
    FEFO = "fefo"  # first expired, first out: soonest expiry first
    LIFO = "lifo"  # last in, first out: newest receipt first


@dataclass(frozen=True)
class Candidate:
    """Units that could leave: a quant (location + lot) with when it arrived and when it expires."""

    key: object  # the caller's handle (a quant id, a (location, lot) pair …)
    received_at: datetime
    expiry: date | None = None
    location_code: str = ""  # last tie-breaker, so the order is stable and walkable


def strategy_for(
    product_strategy: RemovalStrategy | None,
    category_strategy: RemovalStrategy | None,
    *,
    has_expiry: bool,
) -> RemovalStrategy:
    if product_strategy is not None:
        return product_strategy
    if category_strategy is not None:
        return category_strategy
    return RemovalStrategy.FEFO if has_expiry else RemovalStrategy.FIFO


def removal_order(strategy: RemovalStrategy, candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates in the order their units should leave under `strategy`."""
    items = list(candidates)
    if strategy is RemovalStrategy.FEFO:
        return sorted(
            items,
            key=lambda c: (c.expiry is None, c.expiry or date.max, c.received_at, c.location_code),
        )
    if strategy is RemovalStrategy.LIFO:
        newest_first = sorted(items, key=lambda c: c.location_code)
        return sorted(newest_first, key=lambda c: c.received_at, reverse=True)
    return sorted(items, key=lambda c: (c.received_at, c.location_code))


def allocate(
    strategy: RemovalStrategy, candidates: Iterable[tuple[Candidate, int]], quantity: int
) -> list[tuple[Candidate, int]]:
    """Take `quantity` units from (candidate, units available) pairs in removal order.

    Returns (candidate, units taken) pairs; fewer units in all than asked when there are not enough.
    """
    pairs = list(candidates)
    units_of = {id(candidate): units for candidate, units in pairs}
    taken: list[tuple[Candidate, int]] = []
    remaining = quantity
    for candidate in removal_order(strategy, (candidate for candidate, _ in pairs)):
        if remaining <= 0:
            break
        units = min(units_of[id(candidate)], remaining)
        if units > 0:
            taken.append((candidate, units))
            remaining -= units
    return taken
