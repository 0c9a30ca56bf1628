"""The orders list: the newest orders as plain rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from station.db.engine import Database
from station.db.models import Channel, Order
from station.domain.orders import OrderState

ORDER_LIST_LIMIT = 2000


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    channel: str  # the channel's name; empty for orders entered at the station
    customer: str
    comuna: str
    state: OrderState
    total: int  # minor units of `currency`
    currency: str
    placed_at: datetime  # UTC


def list_orders(database: Database, limit: int = ORDER_LIST_LIMIT) -> list[OrderRow]:
    """The newest `limit` orders, newest first."""
    query = (
        select(
            Order.id,
            Order.number,
            Channel.name,
            Order.customer_name,
            Order.ship_comuna,
            Order.state,
            Order.total,
            Order.currency,
            Order.placed_at,
        )
        .outerjoin(Channel, Channel.id == Order.channel_id)
        .order_by(Order.placed_at.desc(), Order.id.desc())
        .limit(limit)
    )
    with database.unit_of_work() as uow:
        return [
            OrderRow(id_, number, channel or "", customer, comuna, state, total, currency, placed_at)
            for id_, number, channel, customer, comuna, state, total, currency, placed_at in uow.session.execute(query)
        ]
