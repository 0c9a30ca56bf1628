"""Which units leave first: a SKU's removal strategy and the pick plan it gives.

Reservations stay per SKU and warehouse (one conditional UPDATE on the level, DESIGN §3); the lot and
bin a unit comes from are chosen when it is picked, by `pick_plan`, in the order the SKU's strategy
says (`station.domain.removal`): a product's own strategy, else its category's rule, else FEFO for
lot-tracked products with expiry dates and FIFO for everything else.

When units "arrived" (what FIFO and LIFO sort on):

- a lot's units arrived when the lot first entered the warehouse: its oldest ledger row that brought
  units in from outside (a receipt, return or positive adjustment; no source location), else when the
  lot row was made. The age belongs to the units, so it survives moves between bins.
- units without a lot are not told apart, so a bin's age is its newest inbound ledger row for the SKU:
  every unit there arrived no later than that, and the bin restocked longest ago holds the oldest units.
  (A bin refilled after it ran empty is young again, which "the oldest move into it" would get wrong.)

Both are one grouped query over the SKU's ledger rows (`stock_moves.variant_id` is indexed).

Never picked: units of an expired lot (blocked until `station.services.expiry` moves them to
quarantine), units in quarantine, returns or transit (not sellable), and units on the dock or a packing
bench (not put away yet, or already picked for another order).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime
from typing import NamedTuple

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from station.db.models import (
    Location,
    LocationKind,
    Lot,
    Product,
    RemovalRule,
    StockMove,
    StockQuant,
    Tenant,
    Tracking,
    Variant,
)
from station.domain.removal import Candidate, RemovalStrategy, allocate, strategy_for
from station.services.stock_queries import StockQueryError, find_variant

# Where a picker takes units from: bins that hold stock put away and not yet promised to an order.
PICKABLE_KINDS = frozenset({LocationKind.PICK_FACE, LocationKind.STORAGE})
_LONG_AGO = datetime(1970, 1, 1, tzinfo=UTC)  # units with no ledger row at all: treated as the oldest


class RemovalError(ValueError):
    """A strategy that cannot be set as asked; the message names the SKU, category or value."""


class PickStep(NamedTuple):
    """Take `units` of a lot (or no lot) from a location."""

    location_id: int
    lot_id: int | None
    units: int
    location: str  # the location's code
    lot: str | None  # the lot's code
    expires_on: date | None


def parse_strategy(text: str | RemovalStrategy | None) -> RemovalStrategy | None:
    """'fifo', 'FEFO', 'lifo' → the strategy; None, '' or 'default' → None (fall back)."""
    if text is None or isinstance(text, RemovalStrategy):
        return text
    value = text.strip().lower()
    if value in ("", "default"):
        return None
    try:
        return RemovalStrategy(value)
    except ValueError:
        choices = ", ".join(s.value for s in RemovalStrategy)
        raise RemovalError(f"Unknown removal strategy {text!r}; use {choices} or default") from None


def strategy_of(session: Session, variant_id: int) -> RemovalStrategy:
    """The SKU's removal strategy: its product's, else its category's rule, else the default."""
    return explain_strategy(session, variant_id)[0]


def explain_strategy(session: Session, variant_id: int) -> tuple[RemovalStrategy, str]:
    """The SKU's removal strategy and where it comes from: "product", "category" or "default"."""
    row = session.execute(
        select(Product.removal_strategy, Product.category, Product.tenant_id, Product.tracking)
        .join(Variant, Variant.product_id == Product.id)
        .where(Variant.id == variant_id)
    ).one_or_none()
    if row is None:
        raise RemovalError(f"No SKU with id {variant_id}")
    own, category, tenant_id, tracking = row
    if own is not None:
        return own, "product"
    rule = session.scalar(
        select(RemovalRule.strategy).where(RemovalRule.tenant_id == tenant_id, RemovalRule.category == category)
    )
    if rule is not None:
        return rule, "category"
    has_expiry = tracking == Tracking.LOT and _has_expiry(session, variant_id)
    return strategy_for(None, None, has_expiry=has_expiry), "default"


def _has_expiry(session: Session, variant_id: int) -> bool:
    shelf_life = session.scalar(
        select(Product.shelf_life_days).join(Variant, Variant.product_id == Product.id).where(Variant.id == variant_id)
    )
    if shelf_life:
        return True
    return bool(session.scalar(select(exists().where(Lot.variant_id == variant_id, Lot.expires_on.is_not(None)))))


def set_product_strategy(
    session: Session, sku: str, strategy: str | RemovalStrategy | None, *, tenant: str | None = None
) -> tuple[str, RemovalStrategy]:
    """Set (or with None/'default', clear) the strategy of the product the SKU belongs to.

    Returns (product code, the strategy now in force). Flushes; the caller commits.
    """
    chosen = parse_strategy(strategy)
    try:
        variant = find_variant(session, sku, tenant=tenant)
    except StockQueryError as exc:
        raise RemovalError(str(exc)) from exc
    product = session.get(Product, variant.product_id)
    product.removal_strategy = chosen
    session.flush()
    return product.code, strategy_of(session, variant.id)


def set_category_strategy(
    session: Session, category: str, strategy: str | RemovalStrategy | None, *, tenant: str | None = None
) -> int:
    """Set (or with None/'default', remove) the rule of a category; returns how many products it covers.

    Products with a strategy of their own keep it. Flushes; the caller commits.
    """
    chosen = parse_strategy(strategy)
    tenant_id, name = _category(session, category, tenant)
    rule = session.scalars(
        select(RemovalRule).where(RemovalRule.tenant_id == tenant_id, RemovalRule.category == name)
    ).first()
    if chosen is None:
        if rule is not None:
            session.delete(rule)
    elif rule is None:
        session.add(RemovalRule(tenant_id=tenant_id, category=name, strategy=chosen))
    else:
        rule.strategy = chosen
    session.flush()
    return category_rule(session, name, tenant=tenant)[2]


def category_rule(
    session: Session, category: str, *, tenant: str | None = None
) -> tuple[str, RemovalStrategy | None, int]:
    """(the category as spelt on its products, its rule or None, how many products are in it)."""
    tenant_id, name = _category(session, category, tenant)
    rule = session.scalar(
        select(RemovalRule.strategy).where(RemovalRule.tenant_id == tenant_id, RemovalRule.category == name)
    )
    products = session.scalar(select(func.count()).where(Product.tenant_id == tenant_id, Product.category == name))
    return name, rule, products or 0


def _category(session: Session, category: str, tenant: str | None) -> tuple[int, str]:
    """The tenant's id and the category's own spelling (matched ignoring case); refused if no product has it."""
    tenant_id = _tenant_id(session, tenant)
    wanted = category.strip()
    if not wanted:
        raise RemovalError("Name the category (as in the products' category column)")
    categories = {
        name.upper(): name
        for name in session.scalars(select(Product.category).where(Product.tenant_id == tenant_id).distinct())
        if name
    }
    name = categories.get(wanted.upper())
    if name is None:
        known = ", ".join(sorted(categories.values())[:15]) or "none yet"
        raise RemovalError(f"No product is in category '{wanted}'; categories: {known}")
    return tenant_id, name


def _tenant_id(session: Session, tenant: str | None) -> int:
    rows = session.execute(select(Tenant.id, Tenant.code).order_by(Tenant.code)).all()
    if tenant:
        matching = [tid for tid, code in rows if code.upper() == tenant.strip().upper()]
        if not matching:
            raise RemovalError(f"No tenant '{tenant}'; tenants: {', '.join(code for _, code in rows) or 'none'}")
        return matching[0]
    if len(rows) == 1:
        return rows[0][0]
    if not rows:
        raise RemovalError("No tenant yet: import products first")
    raise RemovalError(f"Several tenants ({', '.join(code for _, code in rows)}); pass --tenant")


def pick_plan(
    session: Session,
    variant_id: int,
    warehouse_id: int,
    quantity: int,
    *,
    today: date,
    kinds: Collection[LocationKind] = PICKABLE_KINDS,
    strategy: RemovalStrategy | None = None,
    locations: Collection[int] | None = None,
) -> list[PickStep]:
    """Where to take `quantity` units of a SKU from, in removal order (fewer units if there are not enough).

    `locations` narrows the plan to those bins (a scanned serial's own bin).
    """
    scope = [StockQuant.location_id.in_(list(locations))] if locations is not None else []
    quants = session.execute(
        select(
            StockQuant.location_id,
            StockQuant.lot_id,
            StockQuant.on_hand,
            Location.code.label("location"),
            Location.kind,
            Lot.code.label("lot"),
            Lot.expires_on,
            Lot.created_at,
        )
        .join(Location, Location.id == StockQuant.location_id)
        .outerjoin(Lot, Lot.id == StockQuant.lot_id)
        .where(
            StockQuant.variant_id == variant_id,
            StockQuant.on_hand > 0,
            Location.warehouse_id == warehouse_id,
            Location.kind.in_(list(kinds)),
            Location.active.is_(True),
            *scope,
        )
    ).all()
    quants = [q for q in quants if q.expires_on is None or q.expires_on >= today]  # expired lots are blocked
    if not quants:
        return []
    lot_arrivals = _lot_arrivals(session, variant_id, {q.lot_id for q in quants if q.lot_id is not None})
    bin_arrivals = _bin_arrivals(session, variant_id, {q.location_id for q in quants if q.lot_id is None})
    candidates = []
    for q in quants:
        if q.lot_id is not None:
            received = lot_arrivals.get(q.lot_id) or q.created_at or _LONG_AGO
        else:
            received = bin_arrivals.get(q.location_id) or _LONG_AGO
        # Among equals (one lot in two bins), a pick face before storage, then by code.
        order_key = f"{0 if q.kind == LocationKind.PICK_FACE else 1}{q.location}"
        candidates.append(
            (Candidate(key=q, received_at=received, expiry=q.expires_on, location_code=order_key), q.on_hand)
        )
    chosen = strategy or strategy_of(session, variant_id)
    return [
        PickStep(c.key.location_id, c.key.lot_id, units, c.key.location, c.key.lot, c.key.expires_on)
        for c, units in allocate(chosen, candidates, quantity)
    ]


def blocked_units(session: Session, variant_id: int, warehouse_id: int, *, today: date) -> int:
    """Units of the SKU on pickable bins that no plan takes because their lot has expired."""
    return (
        session.scalar(
            select(func.coalesce(func.sum(StockQuant.on_hand), 0))
            .join(Location, Location.id == StockQuant.location_id)
            .join(Lot, Lot.id == StockQuant.lot_id)
            .where(
                StockQuant.variant_id == variant_id,
                Location.warehouse_id == warehouse_id,
                Location.kind.in_(list(PICKABLE_KINDS)),
                Lot.expires_on < today,
            )
        )
        or 0
    )


def _lot_arrivals(session: Session, variant_id: int, lot_ids: set[int]) -> dict[int, datetime]:
    """Each lot's first ledger row that brought units in from outside the warehouse."""
    if not lot_ids:
        return {}
    rows = session.execute(
        select(StockMove.lot_id, func.min(StockMove.at))
        .where(
            StockMove.variant_id == variant_id,
            StockMove.lot_id.in_(lot_ids),
            StockMove.from_location_id.is_(None),
            StockMove.to_location_id.is_not(None),
        )
        .group_by(StockMove.lot_id)
    ).all()
    return dict(rows)


def _bin_arrivals(session: Session, variant_id: int, location_ids: set[int]) -> dict[int, datetime]:
    """Each bin's newest ledger row that brought units of the SKU (without a lot) into it."""
    if not location_ids:
        return {}
    rows = session.execute(
        select(StockMove.to_location_id, func.max(StockMove.at))
        .where(
            StockMove.variant_id == variant_id,
            StockMove.lot_id.is_(None),
            StockMove.to_location_id.in_(location_ids),
        )
        .group_by(StockMove.to_location_id)
    ).all()
    return dict(rows)
