"""The statements on the reservation hot path, built once as Core statements with bind parameters.

Building an ORM statement per call costs more Python time than PostgreSQL spends running it; these
are compiled once per dialect and reused from SQLAlchemy's cache.
"""

from __future__ import annotations

from sqlalchemy import JSON, String, bindparam, cast, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite

from station.db.base import UTCDateTime
from station.db.models import (
    Channel,
    Listing,
    ListingStatus,
    OutboxMessage,
    OutboxStatus,
    Reservation,
    ReservationStatus,
    StockLevel,
)

_levels = StockLevel.__table__
_reservations = Reservation.__table__
_listings = Listing.__table__
_channels = Channel.__table__

# Parameters are named unlike the columns, as UPDATE … SET requires.
# Reserve: the one conditional UPDATE that makes overselling impossible under any concurrency.
RESERVE_UNITS = (
    update(_levels)
    .where(
        _levels.c.warehouse_id == bindparam("in_warehouse"),
        _levels.c.variant_id == bindparam("in_variant"),
        _levels.c.on_hand - _levels.c.reserved >= bindparam("units"),
    )
    .values(reserved=_levels.c.reserved + bindparam("units"))
    .returning(_levels.c.tenant_id, _levels.c.on_hand, _levels.c.reserved)
)

UNRESERVE_UNITS = (
    update(_levels)
    .where(_levels.c.warehouse_id == bindparam("in_warehouse"), _levels.c.variant_id == bindparam("in_variant"))
    .values(reserved=_levels.c.reserved - bindparam("units"))
    .returning(_levels.c.tenant_id, _levels.c.on_hand, _levels.c.reserved)
)

INSERT_RESERVATION = _reservations.insert().returning(_reservations.c.id)

END_RESERVATION = (
    update(_reservations)
    .where(_reservations.c.id == bindparam("reservation_id"), _reservations.c.status == ReservationStatus.ACTIVE.value)
    .values(status=bindparam("new_status"))
    .returning(_reservations.c.warehouse_id, _reservations.c.variant_id, _reservations.c.quantity)
)

_OUTBOX_COLUMNS = [
    "tenant_id", "channel_id", "listing_id", "kind", "pending_key", "payload", "status", "attempts",
    "next_attempt_at", "created_at", "updated_at",
]
_now = bindparam("now", type_=UTCDateTime())
_pending_stock_pushes = (
    select(
        bindparam("tenant_id"),
        _listings.c.channel_id,
        _listings.c.id,
        literal("stock"),
        literal("stock:") + cast(_listings.c.id, String),
        literal({}, JSON),
        literal(OutboxStatus.PENDING.value),
        literal(0),
        _now,
        _now,
        _now,
    )
    .join(_channels, _channels.c.id == _listings.c.channel_id)
    .where(
        _listings.c.variant_id == bindparam("variant_id"),
        _listings.c.status == ListingStatus.ACTIVE.value,
        _channels.c.active,
    )
)

# One pending `stock` message per active listing of a SKU; `pending_key` coalesces repeats.
QUEUE_STOCK_PUSHES = {
    name: dialect_insert(OutboxMessage.__table__)
    .from_select(_OUTBOX_COLUMNS, _pending_stock_pushes)
    .on_conflict_do_nothing(index_elements=["pending_key"])
    for name, dialect_insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}
