"""The order state machine (DESIGN §3).

Main line::

    new → paid → allocated → picking → picked → packed → shipped → delivered

Branches:

* ``on_hold``: from any state before shipping (new … packed). Releasing a
  hold returns the order to exactly the state it was held from, so callers
  keep that state (``Order.held_from``) and pass it to :func:`release_hold`
  or as ``held_from`` to :func:`transition`.
* ``cancelled``: from new … packed and from on_hold. A packed parcel that
  has not left can still be cancelled (and unpacked); once shipped, it cannot.
* ``returned``: from shipped (refused, back to sender) or delivered (RMA).

``cancelled`` and ``returned`` are terminal. A transition not in
:data:`TRANSITIONS` is an error, never a no-op: even "to the same state".
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from station.domain.errors import DomainError

__all__ = [
    "CANCELLABLE_STATES",
    "HOLDABLE_STATES",
    "TRANSITIONS",
    "IllegalTransition",
    "OrderState",
    "UnknownOrderState",
    "allowed_transitions",
    "can_transition",
    "cancel",
    "hold",
    "is_terminal",
    "release_hold",
    "to_state",
    "transition",
]


class OrderState(StrEnum):
    """Where an order is in its life. Values are stored in the database."""

    NEW = "new"
    PAID = "paid"
    ALLOCATED = "allocated"
    PICKING = "picking"
    PICKED = "picked"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"
    RETURNED = "returned"


class UnknownOrderState(DomainError, ValueError):
    """Text that is not one of the :class:`OrderState` values."""

    def __init__(self, value: object) -> None:
        self.value = value
        known = ", ".join(s.value for s in OrderState)
        super().__init__(f"Unknown order state {value!r}; known states: {known}")


class IllegalTransition(DomainError, ValueError):
    """A state change the table does not allow."""

    def __init__(self, current: OrderState, target: OrderState, detail: str = "") -> None:
        self.current = current
        self.target = target
        message = f"Order cannot go from {current.value!r} to {target.value!r}"
        if detail:
            message += f": {detail}"
        else:
            allowed = sorted(s.value for s in TRANSITIONS[current])
            message += f"; from {current.value!r} it can go to " + (
                ", ".join(repr(s) for s in allowed) if allowed else "no other state"
            )
        super().__init__(message)


_S = OrderState

HOLDABLE_STATES: frozenset[OrderState] = frozenset(
    {_S.NEW, _S.PAID, _S.ALLOCATED, _S.PICKING, _S.PICKED, _S.PACKED}
)
"""States an order can be put on hold from (and released back to)."""

CANCELLABLE_STATES: frozenset[OrderState] = HOLDABLE_STATES | {_S.ON_HOLD}
"""States an order can be cancelled from: anything not yet shipped."""

_FORWARD: dict[OrderState, OrderState] = {
    _S.NEW: _S.PAID,
    _S.PAID: _S.ALLOCATED,
    _S.ALLOCATED: _S.PICKING,
    _S.PICKING: _S.PICKED,
    _S.PICKED: _S.PACKED,
    _S.PACKED: _S.SHIPPED,
    _S.SHIPPED: _S.DELIVERED,
}


def _build_table() -> Mapping[OrderState, frozenset[OrderState]]:
    table: dict[OrderState, set[OrderState]] = {state: set() for state in OrderState}
    for state, following in _FORWARD.items():
        table[state].add(following)
    for state in HOLDABLE_STATES:
        table[state].add(_S.ON_HOLD)
        table[_S.ON_HOLD].add(state)  # release, only to the state held from
    for state in CANCELLABLE_STATES:
        table[state].add(_S.CANCELLED)
    table[_S.SHIPPED].add(_S.RETURNED)
    table[_S.DELIVERED].add(_S.RETURNED)
    # A label voided before the carrier picked the parcel up: the order is packed again, awaiting a label.
    table[_S.SHIPPED].add(_S.PACKED)
    return MappingProxyType({state: frozenset(nxt) for state, nxt in table.items()})


TRANSITIONS: Mapping[OrderState, frozenset[OrderState]] = _build_table()
"""Allowed next states for every state (read-only).

``TRANSITIONS[ON_HOLD]`` lists every state a hold may be released to; a
given order may only return to the one it was held from.
"""


def to_state(value: OrderState | str) -> OrderState:
    """Coerce ``'paid'`` (any case, blanks ignored) to :class:`OrderState`."""
    if isinstance(value, OrderState):
        return value
    if isinstance(value, str):
        try:
            return OrderState(value.strip().lower())
        except ValueError:
            pass
    raise UnknownOrderState(value)


def allowed_transitions(state: OrderState | str) -> frozenset[OrderState]:
    """The states ``state`` may move to (empty for terminal states)."""
    return TRANSITIONS[to_state(state)]


def is_terminal(state: OrderState | str) -> bool:
    """True for states nothing can follow: ``cancelled`` and ``returned``."""
    return not allowed_transitions(state)


def transition(
    current: OrderState | str,
    target: OrderState | str,
    *,
    held_from: OrderState | str | None = None,
) -> OrderState:
    """Check a state change and return the new state.

    Leaving ``on_hold`` for anything other than ``cancelled`` requires
    ``held_from`` (the state the order was in when it was held), and the
    target must be that state.

    Raises :class:`IllegalTransition`, e.g. "Order cannot go from 'shipped'
    to 'paid'; from 'shipped' it can go to 'delivered', 'returned'".
    """
    source, goal = to_state(current), to_state(target)
    if goal not in TRANSITIONS[source]:
        raise IllegalTransition(source, goal)
    if source is _S.ON_HOLD and goal is not _S.CANCELLED:
        if held_from is None:
            raise IllegalTransition(
                source, goal, "say which state the order was held from (held_from)"
            )
        previous = to_state(held_from)
        if previous is not goal:
            raise IllegalTransition(
                source,
                goal,
                f"it was held from {previous.value!r} and can only return there",
            )
    return goal


def can_transition(
    current: OrderState | str,
    target: OrderState | str,
    *,
    held_from: OrderState | str | None = None,
) -> bool:
    """True if :func:`transition` would accept the change."""
    try:
        transition(current, target, held_from=held_from)
    except IllegalTransition:
        return False
    return True


def hold(current: OrderState | str) -> OrderState:
    """Put an order on hold; returns ``ON_HOLD``. Remember ``current`` to release it."""
    return transition(current, _S.ON_HOLD)


def release_hold(current: OrderState | str, held_from: OrderState | str) -> OrderState:
    """Release a held order back to the state it was held from, and return it.

    Raises :class:`IllegalTransition` if the order is not on hold or
    ``held_from`` is not a state a hold can be placed from.
    """
    source, previous = to_state(current), to_state(held_from)
    if source is not _S.ON_HOLD:
        raise IllegalTransition(source, previous, f"it is not on hold (it is {source.value!r})")
    if previous not in HOLDABLE_STATES:
        raise IllegalTransition(
            source, previous, f"an order cannot have been held from {previous.value!r}"
        )
    return transition(source, previous, held_from=previous)


def cancel(current: OrderState | str) -> OrderState:
    """Cancel an order that has not shipped; returns ``CANCELLED``."""
    return transition(current, _S.CANCELLED)
