from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from station.domain.removal import Candidate, RemovalStrategy, allocate, removal_order, strategy_for

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def lot(key: str, days: int, expiry: date | None = None, bin_code: str = "") -> Candidate:
    return Candidate(key=key, received_at=T0 + timedelta(days=days), expiry=expiry, location_code=bin_code)


OLD = lot("old", 0, date(2026, 9, 1))
NEW = lot("new", 10, date(2026, 3, 1))
NO_EXPIRY = lot("none", 5)


def keys(candidates):
    return [c.key for c in candidates]


def test_fifo_takes_the_oldest_receipt_first():
    assert keys(removal_order(RemovalStrategy.FIFO, [NEW, NO_EXPIRY, OLD])) == ["old", "none", "new"]


def test_lifo_takes_the_newest_receipt_first():
    assert keys(removal_order(RemovalStrategy.LIFO, [OLD, NEW, NO_EXPIRY])) == ["new", "none", "old"]


def test_fefo_takes_the_soonest_expiry_first_and_undated_units_last():
    assert keys(removal_order(RemovalStrategy.FEFO, [OLD, NO_EXPIRY, NEW])) == ["new", "old", "none"]


def test_ties_fall_back_to_the_bin_code_so_the_order_is_stable():
    a, b = lot("a", 0, bin_code="A-01-A"), lot("b", 0, bin_code="B-01-A")
    for strategy in RemovalStrategy:
        assert keys(removal_order(strategy, [b, a])) == ["a", "b"]


def test_the_product_strategy_wins_over_the_category_then_the_default_follows_expiry():
    assert strategy_for(RemovalStrategy.LIFO, RemovalStrategy.FEFO, has_expiry=True) is RemovalStrategy.LIFO
    assert strategy_for(None, RemovalStrategy.LIFO, has_expiry=True) is RemovalStrategy.LIFO
    assert strategy_for(None, None, has_expiry=True) is RemovalStrategy.FEFO
    assert strategy_for(None, None, has_expiry=False) is RemovalStrategy.FIFO


def test_allocate_spills_over_to_the_next_candidate_and_says_when_short():
    taken = allocate(RemovalStrategy.FIFO, [(NEW, 5), (OLD, 3)], 6)
    assert [(c.key, n) for c, n in taken] == [("old", 3), ("new", 3)]
    short = allocate(RemovalStrategy.FIFO, [(OLD, 2)], 5)
    assert sum(n for _, n in short) == 2


@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 9)), min_size=1, max_size=8),
    st.integers(0, 60),
    st.sampled_from(list(RemovalStrategy)),
)
def test_allocate_never_takes_more_than_asked_or_than_a_candidate_holds(rows, wanted, strategy):
    pairs = [(lot(str(i), day), units) for i, (day, units) in enumerate(rows)]
    taken = allocate(strategy, pairs, wanted)
    holds = {c.key: units for c, units in pairs}
    assert sum(n for _, n in taken) == min(wanted, sum(holds.values()))
    assert all(0 < n <= holds[c.key] for c, n in taken)
