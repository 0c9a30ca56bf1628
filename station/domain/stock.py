"""Pure stock arithmetic: availability, move kinds, quantity checks.

Quantities are whole units (``int``). On hand changes only together with a
stock move (DESIGN §3); these helpers hold the rules, the database layer
applies them in one transaction.
"""

from __future__ import annotations

from enum import StrEnum

from station.domain.errors import DomainError

__all__ = [
    "AdjustmentReason",
    "InsufficientStock",
    "InvalidQuantity",
    "MoveKind",
    "NegativeStock",
    "apply_delta",
    "available",
    "check_quantity",
    "ensure_available",
]


class MoveKind(StrEnum):
    """What a stock move (a ledger row) records."""

    RECEIPT = "receipt"  # goods arrive (purchase order, inbound)
    PUTAWAY = "putaway"  # from the dock to a storage location
    TRANSFER = "transfer"  # between two locations
    PICK = "pick"  # from a location into a pick tote / order
    PACK = "pack"  # into a parcel at the packing bench
    SHIP = "ship"  # leaves the warehouse with the carrier
    ADJUSTMENT = "adjustment"  # correction with an AdjustmentReason
    COUNT = "count"  # cycle-count result
    RETURN = "return"  # customer return coming back in


class AdjustmentReason(StrEnum):
    """Why stock was adjusted by hand; required on every adjustment move."""

    DAMAGED = "damaged"
    LOST = "lost"
    FOUND = "found"
    EXPIRED = "expired"
    COUNT_CORRECTION = "count_correction"
    OTHER = "other"


class InvalidQuantity(DomainError, ValueError):
    """A quantity that is not a whole number in the allowed range."""

    def __init__(self, quantity: object, rule: str) -> None:
        self.quantity = quantity
        super().__init__(f"Quantity {quantity!r} is not valid: {rule}")


class InsufficientStock(DomainError):
    """Fewer units are available than requested.

    ``location`` is a location code, or ``None`` when the shortage is for the
    SKU across the warehouse.
    """

    def __init__(self, sku: str, location: str | None, requested: int, available: int) -> None:
        self.sku = sku
        self.location = location
        self.requested = requested
        self.available = available
        where = f" at {location}" if location else ""
        super().__init__(
            f"Only {available} of SKU {sku} available{where}; {requested} requested"
        )


class NegativeStock(DomainError, ValueError):
    """A change that would leave fewer than zero units on hand."""

    def __init__(self, on_hand: int, delta: int) -> None:
        self.on_hand = on_hand
        self.delta = delta
        super().__init__(
            f"Cannot take {-delta} units: only {on_hand} on hand (stock would be {on_hand + delta})"
        )


def _whole(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidQuantity(value, f"{name} must be a whole number of units")
    return value


def check_quantity(qty: int, *, allow_zero: bool = False) -> int:
    """Return ``qty`` if it is a positive whole number of units.

    ``allow_zero=True`` also accepts 0 (e.g. a counted quantity).
    Raises :class:`InvalidQuantity` naming the value otherwise.
    """
    value = _whole(qty, "the quantity")
    if value < 0 or (value == 0 and not allow_zero):
        rule = "it cannot be negative" if value < 0 else "it must be at least 1"
        raise InvalidQuantity(qty, rule)
    return value


def available(on_hand: int, reserved: int) -> int:
    """Units free to promise: on hand minus reserved, never below zero."""
    return max(0, _whole(on_hand, "on hand") - _whole(reserved, "reserved"))


def ensure_available(
    sku: str, location: str | None, requested: int, on_hand: int, reserved: int = 0
) -> int:
    """Return what is available, or raise :class:`InsufficientStock` if it is short."""
    check_quantity(requested)
    free = available(on_hand, reserved)
    if requested > free:
        raise InsufficientStock(sku=sku, location=location, requested=requested, available=free)
    return free


def apply_delta(on_hand: int, delta: int) -> int:
    """The new on-hand after a signed change; raises :class:`NegativeStock` below zero."""
    current = _whole(on_hand, "on hand")
    if current < 0:
        raise InvalidQuantity(on_hand, "on hand cannot be negative")
    change = _whole(delta, "the change")
    if current + change < 0:
        raise NegativeStock(current, change)
    return current + change
