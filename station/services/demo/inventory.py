"""Stock for the demo: purchase orders received through the real stock ledger into bins, lots with
expiry dates for food, serial numbers for electronics, and an in-memory book of where units are,
so orders can be allocated, picked and shipped without reading it all back."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from station.db.models import (
    Location,
    LocationKind,
    Lot,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    SerialNumber,
    Tracking,
)
from station.services.demo.catalog import Sku
from station.services.demo.context import DEMO_ACTOR, DemoContext
from station.services.demo.tenancy import FOOD, RETAIL
from station.services.demo.warehouse import WarehouseLayout
from station.services.stock import StockLedger

ZONES = {RETAIL: "ABCDEFGHI", FOOD: "JKL"}  # aisles of each client
OUT_OF_STOCK_SHARE = 0.04
SECOND_BIN_SHARE = 0.08  # besides every pick-face SKU, whose reserve stock sits in storage
RECEIVED_BEFORE = timedelta(days=45)  # stock arrived before the first demo order was placed


@dataclass
class Quant:
    location: Location
    lot: Lot | None
    on_hand: int


@dataclass
class StockBook:
    """Where each SKU's units are (mirrors the quants the ledger wrote) and how many are spoken for."""

    ledger: StockLedger
    warehouse_id: int
    quants: dict[int, list[Quant]] = field(default_factory=dict)  # variant id -> quants
    reserved: dict[int, int] = field(default_factory=dict)
    serials: dict[tuple[int, int], list[SerialNumber]] = field(default_factory=dict)  # (variant, location)

    def on_hand(self, variant_id: int) -> int:
        return sum(q.on_hand for q in self.quants.get(variant_id, ()))

    def available(self, variant_id: int) -> int:
        return self.on_hand(variant_id) - self.reserved.get(variant_id, 0)

    def quant_with(self, variant_id: int, quantity: int, kinds: tuple[LocationKind, ...]) -> Quant | None:
        """The quant to take `quantity` from, among locations of the given kinds: first to expire first."""
        fitting = [q for q in self.quants.get(variant_id, ()) if q.on_hand >= quantity and q.location.kind in kinds]
        fitting.sort(key=lambda q: (q.lot.expires_on if q.lot and q.lot.expires_on else date.max, q.location.code))
        return fitting[0] if fitting else None

    def add(self, variant_id: int, location: Location, lot: Lot | None, quantity: int) -> None:
        for quant in self.quants.setdefault(variant_id, []):
            if quant.location is location and quant.lot is lot:
                quant.on_hand += quantity
                return
        self.quants[variant_id].append(Quant(location, lot, quantity))


@dataclass
class _Receipt:
    sku: Sku
    location: Location
    quantity: int
    lot_key: int = 0  # receipts of one SKU with the same key share a lot
    lot: Lot | None = None


def stock_warehouse(ctx: DemoContext, layout: WarehouseLayout, skus: list[Sku]) -> StockBook:
    receipts: list[_Receipt] = []
    for tenant_code, aisles in ZONES.items():
        zone_skus = [s for s in skus if s.tenant_code == tenant_code and ctx.rng.random() >= OUT_OF_STOCK_SHARE]
        receipts.extend(_place(ctx, layout, aisles, zone_skus))
    _create_lots(ctx, receipts)
    received_at = ctx.now - RECEIVED_BEFORE
    book = StockBook(StockLedger(ctx.session, DEMO_ACTOR, clock=lambda: received_at), layout.warehouse.id)
    _receive(ctx, layout, receipts, book)
    _create_serials(ctx, receipts, book)
    units = sum(r.quantity for r in receipts)
    ctx.progress(f"Stock: {units:,} units received in {len(receipts):,} receipts")
    return book


def _place(ctx: DemoContext, layout: WarehouseLayout, aisles: str, skus: list[Sku]) -> list[_Receipt]:
    """Decide bins and quantities: the most popular SKUs get a pick face (and reserve stock in
    storage); the rest fill storage bins in walking order, a product's SKUs side by side."""
    rng = ctx.rng
    bins = [b for aisle in aisles for b in layout.bins[aisle]]
    pick_faces = [b for b in bins if b.kind is LocationKind.PICK_FACE]
    storage = [b for b in bins if b.kind is LocationKind.STORAGE]
    ranked = sorted(skus, key=lambda s: -s.popularity)
    fast = {s.variant.sku for s in ranked[: len(pick_faces)]}
    free_faces, next_storage, last_storage = iter(pick_faces), 0, len(storage)
    receipts: list[_Receipt] = []
    for sku in skus:
        total = _quantity(rng, sku)
        if sku.variant.sku in fast:
            primary = next(free_faces)
        else:
            primary, next_storage = storage[next_storage], next_storage + 1
        second: Location | None = None
        if total > 1 and (primary.kind is LocationKind.PICK_FACE or rng.random() < SECOND_BIN_SHARE):
            last_storage -= 1  # reserve stock fills the zone from its far end
            second = storage[last_storage]
        if next_storage > last_storage:
            raise RuntimeError(f"the demo zone {aisles[0]}-{aisles[-1]} has too few bins for its SKUs")
        limit = total if second is None else min(primary.capacity or total, max(1, total // 2))
        lot_count = min(total, rng.choice((1, 2, 2, 3))) if sku.tracking is Tracking.LOT else 1
        for lot_key, quantity in enumerate(_split(total, lot_count)):
            here = min(limit, quantity)
            limit -= here
            if here:
                receipts.append(_Receipt(sku, primary, here, lot_key))
            if quantity > here:
                assert second is not None
                receipts.append(_Receipt(sku, second, quantity - here, lot_key))
    return receipts


def _split(total: int, parts: int) -> list[int]:
    share = total // parts
    return [share] * (parts - 1) + [total - share * (parts - 1)]


def _quantity(rng: random.Random, sku: Sku) -> int:
    boost = 0.6 + min(sku.popularity, 2.5) * 0.4
    if sku.segment == "apparel":
        return max(2, round(rng.randint(4, 30) * boost))
    if sku.segment == "electronics":
        return max(2, round(rng.randint(2, 10) * boost)) if sku.family.serial else rng.randint(10, 60)
    return max(6, round(rng.randint(12, 60) * boost))


def _create_lots(ctx: DemoContext, receipts: list[_Receipt]) -> None:
    """Food arrives in lots: produced some time ago, expiring after the shelf life; a few lots
    expire within two weeks, so the demo has something to act on."""
    today = ctx.now.date()
    lots: dict[tuple[str, int], Lot] = {}
    codes: set[tuple[str, str]] = set()
    for receipt in receipts:
        sku, shelf = receipt.sku, receipt.sku.family.shelf_life_days
        if shelf is None:
            continue
        key = (sku.variant.sku, receipt.lot_key)
        if key not in lots:
            if ctx.rng.random() < 0.06:
                produced = today - timedelta(days=shelf - ctx.rng.randint(3, 14))
            else:
                produced = today - timedelta(days=ctx.rng.randint(5, max(6, int(shelf * 0.7))))
            code, suffix = f"L{produced:%y%m%d}", 0
            while (sku.variant.sku, code) in codes:
                suffix += 1
                code = f"L{produced:%y%m%d}-{suffix}"
            codes.add((sku.variant.sku, code))
            lots[key] = Lot(
                tenant_id=sku.variant.tenant_id,
                variant_id=sku.variant.id,
                code=code,
                expires_on=produced + timedelta(days=shelf),
                created_at=ctx.ago(days=(today - produced).days),
            )
        receipt.lot = lots[key]
    ctx.session.add_all(lots.values())
    ctx.session.flush()


def _receive(ctx: DemoContext, layout: WarehouseLayout, receipts: list[_Receipt], book: StockBook) -> None:
    """One received purchase order per client and supplier, booked through the stock ledger."""
    by_po: dict[tuple[str, str], list[_Receipt]] = {}
    for receipt in receipts:
        by_po.setdefault((receipt.sku.tenant_code, receipt.sku.supplier), []).append(receipt)
    numbers: dict[str, int] = {}
    year = ctx.now.year
    for (tenant_code, supplier), po_receipts in by_po.items():
        numbers[tenant_code] = numbers.get(tenant_code, 0) + 1
        ordered_at = ctx.ago(days=ctx.rng.randint(20, 60))
        order = PurchaseOrder(
            tenant_id=po_receipts[0].sku.variant.tenant_id,
            warehouse_id=layout.warehouse.id,
            number=f"OC-{year}-{numbers[tenant_code]:04d}",
            supplier=supplier,
            status=PurchaseOrderStatus.RECEIVED,
            expected_at=ordered_at + timedelta(days=7),
            created_at=ordered_at,
        )
        ctx.session.add(order)
        ctx.session.flush()
        per_variant: dict[int, int] = {}
        for receipt in po_receipts:
            variant_id = receipt.sku.variant.id
            lot_id = receipt.lot.id if receipt.lot else None
            book.ledger.receive(
                variant_id, receipt.location.id, receipt.quantity, lot_id=lot_id, reference=order.number
            )
            book.add(variant_id, receipt.location, receipt.lot, receipt.quantity)
            per_variant[variant_id] = per_variant.get(variant_id, 0) + receipt.quantity
        ctx.session.add_all(
            PurchaseOrderLine(purchase_order_id=order.id, variant_id=v, quantity_ordered=q, quantity_received=q)
            for v, q in per_variant.items()
        )
    ctx.session.flush()


def _create_serials(ctx: DemoContext, receipts: list[_Receipt], book: StockBook) -> None:
    serials: list[SerialNumber] = []
    for receipt in receipts:
        if receipt.sku.tracking is not Tracking.SERIAL:
            continue
        variant = receipt.sku.variant
        key = (variant.id, receipt.location.id)
        for _ in range(receipt.quantity):
            serial = SerialNumber(
                tenant_id=variant.tenant_id,
                variant_id=variant.id,
                serial=f"{receipt.sku.family.code}{len(serials) + 1:06d}{ctx.rng.randrange(16**4):04X}",
                location_id=receipt.location.id,
                created_at=ctx.ago(days=20),
            )
            serials.append(serial)
            book.serials.setdefault(key, []).append(serial)
    ctx.session.add_all(serials)
    ctx.session.flush()
