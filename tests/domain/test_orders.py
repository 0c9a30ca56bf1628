"""Order state machine: every pair of states against the table, random walks."""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.domain.orders import (
    CANCELLABLE_STATES,
    HOLDABLE_STATES,
    TRANSITIONS,
    IllegalTransition,
    OrderState,
    UnknownOrderState,
    allowed_transitions,
    can_transition,
    cancel,
    hold,
    is_terminal,
    release_hold,
    to_state,
    transition,
)

S = OrderState

# The table written out by hand, independently of how the module builds it.
EXPECTED: dict[OrderState, set[OrderState]] = {
    S.NEW: {S.PAID, S.ON_HOLD, S.CANCELLED},
    S.PAID: {S.ALLOCATED, S.ON_HOLD, S.CANCELLED},
    S.ALLOCATED: {S.PICKING, S.ON_HOLD, S.CANCELLED},
    S.PICKING: {S.PICKED, S.ON_HOLD, S.CANCELLED},
    S.PICKED: {S.PACKED, S.ON_HOLD, S.CANCELLED},
    S.PACKED: {S.SHIPPED, S.ON_HOLD, S.CANCELLED},
    S.SHIPPED: {S.DELIVERED, S.RETURNED, S.PACKED},  # packed again: label voided before pickup
    S.DELIVERED: {S.RETURNED},
    S.ON_HOLD: {S.NEW, S.PAID, S.ALLOCATED, S.PICKING, S.PICKED, S.PACKED, S.CANCELLED},
    S.CANCELLED: set(),
    S.RETURNED: set(),
}


def test_state_values_are_the_stored_names() -> None:
    assert [s.value for s in OrderState] == [
        "new", "paid", "allocated", "picking", "picked", "packed",
        "shipped", "delivered", "on_hold", "cancelled", "returned",
    ]  # fmt: skip


def test_table_matches_the_design() -> None:
    assert {state: set(nxt) for state, nxt in TRANSITIONS.items()} == EXPECTED
    for state in OrderState:
        assert allowed_transitions(state) == frozenset(EXPECTED[state])
        assert allowed_transitions(state.value) == frozenset(EXPECTED[state])


def test_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        TRANSITIONS[S.SHIPPED] = frozenset({S.PAID})  # type: ignore[index]


@pytest.mark.parametrize(("current", "target"), list(product(OrderState, OrderState)))
def test_every_pair_of_states(current: OrderState, target: OrderState) -> None:
    held_from = target if current is S.ON_HOLD and target in HOLDABLE_STATES else None
    if target in EXPECTED[current]:
        assert transition(current, target, held_from=held_from) is target
        assert transition(current.value, target.value, held_from=held_from) is target
        assert can_transition(current, target, held_from=held_from)
    else:
        with pytest.raises(IllegalTransition) as excinfo:
            transition(current, target, held_from=held_from)
        assert f"Order cannot go from {current.value!r} to {target.value!r}" in str(excinfo.value)
        assert excinfo.value.current is current
        assert excinfo.value.target is target
        assert not can_transition(current, target, held_from=held_from)


def test_illegal_message_lists_what_is_allowed() -> None:
    with pytest.raises(IllegalTransition) as excinfo:
        transition("shipped", "paid")
    assert str(excinfo.value) == (
        "Order cannot go from 'shipped' to 'paid'; from 'shipped' it can go to 'delivered', 'packed', 'returned'"
    )
    with pytest.raises(IllegalTransition, match="to no other state"):
        transition(S.CANCELLED, S.NEW)


def test_staying_in_the_same_state_is_an_error_not_a_no_op() -> None:
    for state in OrderState:
        with pytest.raises(IllegalTransition):
            transition(state, state, held_from=state)


def test_terminal_states() -> None:
    assert {s for s in OrderState if is_terminal(s)} == {S.CANCELLED, S.RETURNED}
    assert not is_terminal("delivered")  # a delivered order can still come back


def test_cancel_rules() -> None:
    assert CANCELLABLE_STATES == {S.NEW, S.PAID, S.ALLOCATED, S.PICKING, S.PICKED, S.PACKED, S.ON_HOLD}
    assert cancel("packed") is S.CANCELLED
    for state in (S.SHIPPED, S.DELIVERED, S.CANCELLED, S.RETURNED):
        with pytest.raises(IllegalTransition):
            cancel(state)


@pytest.mark.parametrize("state", sorted(HOLDABLE_STATES))
def test_hold_and_release_returns_to_the_same_state(state: OrderState) -> None:
    assert hold(state) is S.ON_HOLD
    assert release_hold(S.ON_HOLD, state) is state
    assert transition(S.ON_HOLD, state, held_from=state) is state


def test_release_must_go_back_where_it_was_held_from() -> None:
    with pytest.raises(IllegalTransition, match="held from 'paid' and can only return there"):
        transition(S.ON_HOLD, S.PACKED, held_from=S.PAID)
    with pytest.raises(IllegalTransition, match="held_from"):
        transition(S.ON_HOLD, S.PACKED)
    assert transition(S.ON_HOLD, S.CANCELLED) is S.CANCELLED  # no held_from needed


def test_release_hold_validates_its_arguments() -> None:
    with pytest.raises(IllegalTransition, match="not on hold"):
        release_hold(S.PAID, S.NEW)
    with pytest.raises(IllegalTransition, match="cannot have been held from 'shipped'"):
        release_hold(S.ON_HOLD, S.SHIPPED)
    with pytest.raises(IllegalTransition):
        hold(S.SHIPPED)
    with pytest.raises(IllegalTransition):
        hold(S.ON_HOLD)


def test_state_coercion() -> None:
    assert to_state(" Paid ") is S.PAID
    assert to_state(S.PICKED) is S.PICKED
    for bad in ("payed", "", None, 3):
        with pytest.raises(UnknownOrderState) as excinfo:
            to_state(bad)  # type: ignore[arg-type]
        assert repr(bad) in str(excinfo.value)
        assert "on_hold" in str(excinfo.value)
    with pytest.raises(ValueError):
        transition("new", "teleported")


@given(st.lists(st.sampled_from(list(OrderState)), max_size=60))
def test_random_walks_only_pass_through_legal_states(attempts: list[OrderState]) -> None:
    """Try arbitrary targets; accepted steps must follow the table, rejected ones change nothing."""
    state = S.NEW
    held_from: OrderState | None = None
    path = [state]
    for target in attempts:
        try:
            new_state = transition(state, target, held_from=held_from)
        except IllegalTransition:
            legal_release = state is S.ON_HOLD and target is held_from
            assert target not in EXPECTED[state] or (state is S.ON_HOLD and not legal_release)
            continue
        assert new_state in EXPECTED[state]
        if new_state is S.ON_HOLD:
            held_from = state
        elif state is S.ON_HOLD:
            assert new_state in (held_from, S.CANCELLED)
            held_from = None
        state = new_state
        path.append(state)
    for before, after in zip(path, path[1:]):
        assert after in EXPECTED[before]
    if S.SHIPPED in path:  # once shipped, never back on the shelf (a voided label only un-ships to packed)
        after_ship = set(path[path.index(S.SHIPPED) :])
        assert not after_ship & {S.NEW, S.PAID, S.ALLOCATED, S.PICKING, S.PICKED}
    if S.DELIVERED in path:  # once delivered, only a return can follow
        assert set(path[path.index(S.DELIVERED) :]) <= {S.DELIVERED, S.RETURNED}


@given(st.data())
def test_random_walks_choosing_legal_steps_end_terminal_or_continue(data: st.DataObject) -> None:
    state = S.NEW
    held_from: OrderState | None = None
    for _ in range(30):
        options = sorted(allowed_transitions(state))
        if state is S.ON_HOLD:
            options = [s for s in options if s in (held_from, S.CANCELLED)]
        if not options:
            assert is_terminal(state)
            break
        target = data.draw(st.sampled_from(options))
        previous, state = state, transition(state, target, held_from=held_from)
        held_from = previous if state is S.ON_HOLD else None
