"""The Transfers tab's use cases: each opens its own unit of work, does one user action, commits, and
returns plain data (the UI never sees the database).

The station works in one warehouse (`Settings.warehouse_code`, empty: the first). Scans there are
bins of that warehouse or items (SKU or barcode); moves stay inside it; transfers leave it for
another warehouse, or arrive in it from one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.engine import Database
from station.db.models import Location, Warehouse
from station.services.bin_moves import (
    BinInfo,
    ItemInfo,
    MoveError,
    MoveResult,
    describe_bin,
    describe_item,
    item_by_code,
    move_stock,
    units_at,
)
from station.services.stock import Actor
from station.services.transfers import TransferView, cancel, create_transfer, dispatch, list_transfers, receive

DESK_LIMIT = 200  # received and cancelled transfers shown, newest first (open ones always are)


@dataclass(frozen=True)
class Desk:
    """What the tab shows: this station's warehouse, the others (destinations), the transfers."""

    warehouse: str
    warehouse_name: str
    destinations: tuple[tuple[str, str], ...]  # (code, name)
    transfers: tuple[TransferView, ...]


@dataclass(frozen=True)
class ScannedItem:
    item: ItemInfo
    in_bin: int  # units of it in the bin given (all lots), 0 when no bin was given


def _home(session: Session, warehouse_code: str) -> Warehouse:
    query = select(Warehouse).order_by(Warehouse.id)
    if warehouse_code:
        query = query.where(func.upper(Warehouse.code) == warehouse_code.strip().upper())
    warehouse = session.scalars(query.limit(1)).first()
    if warehouse is None:
        raise MoveError(f"No warehouse {warehouse_code!r}" if warehouse_code else "No warehouse yet")
    return warehouse


def load_desk(database: Database, warehouse_code: str = "") -> Desk:
    """This station's warehouse, where it can send to, and the transfers from or to it (newest first)."""
    with database.unit_of_work() as uow:
        home = _home(uow.session, warehouse_code)
        others = uow.session.execute(
            select(Warehouse.code, Warehouse.name).where(Warehouse.id != home.id).order_by(Warehouse.code)
        ).all()
        transfers = list_transfers(uow.session, warehouse=home.code, limit=DESK_LIMIT)
        return Desk(home.code, home.name, tuple((code, name) for code, name in others), tuple(transfers))


def identify(database: Database, warehouse_code: str, code: str, from_bin: str = "") -> BinInfo | ScannedItem:
    """A scan: a bin of this warehouse, or else an item (with its units in `from_bin`, if given)."""
    with database.unit_of_work() as uow:
        session = uow.session
        home = _home(session, warehouse_code)
        location = session.scalars(
            select(Location).where(Location.warehouse_id == home.id, func.upper(Location.code) == code.strip().upper())
        ).first()
        if location is not None:
            if not location.active:
                raise MoveError(f"Bin {location.code} in {home.code} is inactive")
            return describe_bin(session, location)
        try:
            variant = item_by_code(session, code)
        except MoveError as exc:
            raise MoveError(f"{code.strip()} is neither a bin of {home.code} nor a known item ({exc})") from exc
        held = 0
        if from_bin:
            source = session.scalars(
                select(Location).where(Location.warehouse_id == home.id, func.upper(Location.code) == from_bin.upper())
            ).one()
            held = units_at(session, variant.id, source.id, any_lot=True)
        return ScannedItem(describe_item(variant), held)


def move_items(
    database: Database, warehouse_code: str, from_bin: str, to_bin: str, items: Sequence[tuple[str, int]], actor: Actor
) -> list[MoveResult]:
    """Move every (SKU, units) from one bin to another, all in one transaction."""
    with database.unit_of_work() as uow:
        home = _home(uow.session, warehouse_code)
        moved = [
            move_stock(uow.session, sku, from_bin, to_bin, units, actor, warehouse=home.code) for sku, units in items
        ]
        uow.commit()
        return moved


def create_and_list(
    database: Database, warehouse_code: str, destination: str, lines: Sequence[tuple[str, int, str]], actor: Actor
) -> TransferView:
    """A draft transfer from this warehouse to `destination`, of (SKU, units, source bin) lines."""
    with database.unit_of_work() as uow:
        home = _home(uow.session, warehouse_code)
        created = create_transfer(uow.session, home.code, destination, lines, actor)
        uow.commit()
        return created


def dispatch_transfer(database: Database, number: str, client: str, actor: Actor) -> TransferView:
    with database.unit_of_work() as uow:
        sent = dispatch(uow.session, number, actor, client=client)
        uow.commit()
        return sent


def cancel_transfer(database: Database, number: str, client: str, actor: Actor) -> TransferView:
    with database.unit_of_work() as uow:
        cancelled = cancel(uow.session, number, actor, client=client)
        uow.commit()
        return cancelled


def receive_transfer(
    database: Database,
    number: str,
    client: str,
    actor: Actor,
    lines: Sequence[tuple[str, int]] | None = None,
    to_bin: str | None = None,
) -> TransferView:
    """Receive the scanned (SKU, units) — or, without lines, everything on its way — onto `to_bin`
    (default: the destination's dock)."""
    with database.unit_of_work() as uow:
        arrived = receive(uow.session, number, actor, lines=lines or None, to_bin=to_bin, client=client)
        uow.commit()
        return arrived
