"""Reading stock transfers: one by number, the list by status, units in transit for stock views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import (
    Location,
    LocationKind,
    Lot,
    StockQuant,
    StockTransfer,
    StockTransferLine,
    Tenant,
    TransferStatus,
    Variant,
    Warehouse,
)
from station.services.bin_moves import MoveError, warehouse_by_code


@dataclass(frozen=True)
class TransferLineView:
    sku: str
    name: str
    lot: str | None
    from_bin: str
    quantity: int
    received: int

    @property
    def outstanding(self) -> int:
        return self.quantity - self.received


@dataclass(frozen=True)
class TransferView:
    number: str
    client: str
    status: str  # draft, in_transit, received, cancelled
    from_warehouse: str
    to_warehouse: str
    note: str
    created_at: datetime | None
    dispatched_at: datetime | None
    received_at: datetime | None
    lines: tuple[TransferLineView, ...]

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def received(self) -> int:
        return sum(line.received for line in self.lines)


def find_transfer(session: Session, number: str, *, client: str | None = None, lock: bool = False) -> StockTransfer:
    """The transfer `number` (numbers count per client: `client`, a tenant code, picks one)."""
    query = select(StockTransfer).where(func.upper(StockTransfer.number) == number.strip().upper())
    if client:
        tenant_id = session.scalar(select(Tenant.id).where(func.upper(Tenant.code) == client.strip().upper()))
        if tenant_id is None:
            raise MoveError(f"No client {client.strip()!r}")
        query = query.where(StockTransfer.tenant_id == tenant_id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    found = session.scalars(query).all()
    if not found:
        raise MoveError(f"No transfer {number.strip()}" + (f" of client {client.strip()}" if client else ""))
    if len(found) > 1:
        clients = ", ".join(
            sorted(session.scalars(select(Tenant.code).where(Tenant.id.in_([t.tenant_id for t in found]))))
        )
        raise MoveError(f"Several clients have a transfer {number.strip()} ({clients}); say which client")
    return found[0]


def transfer_view(session: Session, transfer: StockTransfer, warehouses: dict[int, str] | None = None) -> TransferView:
    """The transfer as plain data; `warehouses` (id → code) saves a query per transfer in a list."""
    session.flush()
    if warehouses is None:
        warehouses = dict(session.execute(select(Warehouse.id, Warehouse.code)).all())
    client = session.scalar(select(Tenant.code).where(Tenant.id == transfer.tenant_id)) or ""
    rows = session.execute(
        select(StockTransferLine, Variant.sku, Variant.name, Lot.code, Location.code)
        .join(Variant, Variant.id == StockTransferLine.variant_id)
        .join(Location, Location.id == StockTransferLine.from_location_id)
        .outerjoin(Lot, Lot.id == StockTransferLine.lot_id)
        .where(StockTransferLine.transfer_id == transfer.id)
        .order_by(StockTransferLine.id)
    ).all()
    return TransferView(
        number=transfer.number,
        client=client,
        status=transfer.status.value,
        from_warehouse=warehouses[transfer.from_warehouse_id],
        to_warehouse=warehouses[transfer.to_warehouse_id],
        note=transfer.note,
        created_at=transfer.created_at,
        dispatched_at=transfer.dispatched_at,
        received_at=transfer.received_at,
        lines=tuple(
            TransferLineView(sku, name, lot, bin_code, line.quantity, line.quantity_received)
            for line, sku, name, lot, bin_code in rows
        ),
    )


def get_transfer(session: Session, number: str, *, client: str | None = None) -> TransferView:
    return transfer_view(session, find_transfer(session, number, client=client))


def list_transfers(
    session: Session, *, status: str | None = None, warehouse: str | None = None, limit: int | None = None
) -> list[TransferView]:
    """Transfers, newest first; `status` one of draft, in_transit, received, cancelled (or None: all);
    `warehouse` keeps those from or to it; `limit` the newest so many, drafts and transfers in transit
    always included (they are still work to do)."""
    newest = (StockTransfer.created_at.desc(), StockTransfer.id.desc())
    where = []
    if status:
        try:
            where.append(StockTransfer.status == TransferStatus(status.strip().lower()))
        except ValueError as exc:
            choices = ", ".join(s.value for s in TransferStatus)
            raise MoveError(f"No transfer status {status!r} (choose {choices})") from exc
    if warehouse:
        home = warehouse_by_code(session, warehouse)
        where.append((StockTransfer.from_warehouse_id == home.id) | (StockTransfer.to_warehouse_id == home.id))
    query = select(StockTransfer).where(*where).order_by(*newest)
    if limit is not None:
        open_ones = StockTransfer.status.in_([TransferStatus.DRAFT, TransferStatus.IN_TRANSIT])
        recent = select(StockTransfer.id).where(*where).order_by(*newest).limit(limit)
        query = query.where(open_ones | StockTransfer.id.in_(recent.scalar_subquery()))
    warehouses = dict(session.execute(select(Warehouse.id, Warehouse.code)).all())
    return [transfer_view(session, transfer, warehouses) for transfer in session.scalars(query).all()]


def in_transit_units(session: Session, variant_id: int, warehouse_id: int | None = None) -> int:
    """Units of a SKU on their way to `warehouse_id` (or to any warehouse): on hand nowhere sellable yet."""
    query = (
        select(func.coalesce(func.sum(StockQuant.on_hand), 0))
        .join(Location, Location.id == StockQuant.location_id)
        .where(StockQuant.variant_id == variant_id, Location.kind == LocationKind.TRANSIT)
    )
    if warehouse_id is not None:
        query = query.where(Location.warehouse_id == warehouse_id)
    return int(session.scalar(query) or 0)


def warehouse_codes(session: Session) -> list[tuple[str, str]]:
    """(code, name) of every warehouse, for the destination picker."""
    return [
        (code, name) for code, name in session.execute(select(Warehouse.code, Warehouse.name).order_by(Warehouse.code))
    ]
