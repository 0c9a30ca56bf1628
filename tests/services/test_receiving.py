"""Receiving a purchase order by scanning, on SQLite and PostgreSQL, with real stock operations."""

from __future__ import annotations

from datetime import date

import pytest
from sample_world import World
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db import Database
from station.db.models import (
    Barcode,
    Location,
    LocationKind,
    Lot,
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    SerialNumber,
    StockLevel,
    StockMove,
    StockQuant,
    Symbology,
    Tracking,
    Variant,
)
from station.domain.gs1 import GS, gs1_check_digit
from station.services.receiving import (
    OverReceipt,
    ReceivingError,
    ReceivingSession,
    ScanStatus,
    commit_receipt,
    create_sku,
    load_receipt,
    map_barcode,
)
from station.services.stock import Actor, MoveKind

ACTOR = Actor(station="RECV-1")


def ean13(stem: str) -> str:
    return stem + str(gs1_check_digit(stem))


SHIRT_EAN = ean13("780000000001")
MUG_EAN = ean13("780000000002")
NEW_EAN = ean13("780000000099")


def setup_po(database: Database, world: World, lines: list[tuple[int, int]], *, number: str = "OC-1001") -> int:
    """A dock, EANs on both SKUs, the mug lot-tracked, and an ordered PO of ``lines``; returns the dock's id."""
    with database.unit_of_work() as uow:
        s = uow.session
        dock = Location(warehouse_id=world.warehouse_id, code="DOCK-01", kind=LocationKind.DOCK)
        cups = Product(tenant_id=world.tenant_id, code="P2", name="Tazas", tracking=Tracking.LOT)
        s.add_all([dock, cups])
        s.flush()
        s.get(Variant, world.mug).product_id = cups.id
        s.add_all(
            [
                Barcode(tenant_id=world.tenant_id, variant_id=world.shirt, code=SHIRT_EAN, symbology=Symbology.EAN13),
                Barcode(tenant_id=world.tenant_id, variant_id=world.mug, code=MUG_EAN, symbology=Symbology.EAN13),
            ]
        )
        order = PurchaseOrder(
            tenant_id=world.tenant_id, warehouse_id=world.warehouse_id, number=number, supplier="Textiles Maipú",
            status=PurchaseOrderStatus.ORDERED,
        )
        s.add(order)
        s.flush()
        for variant_id, quantity in lines:
            s.add(PurchaseOrderLine(purchase_order_id=order.id, variant_id=variant_id, quantity_ordered=quantity))
        uow.commit()
        return dock.id


def on_hand(database: Database, variant_id: int, location_id: int) -> int:
    with database.unit_of_work() as uow:
        return int(
            uow.session.scalar(
                select(func.coalesce(func.sum(StockQuant.on_hand), 0)).where(
                    StockQuant.variant_id == variant_id, StockQuant.location_id == location_id
                )
            )
        )


def test_po_received_by_scans_with_gs1_lot_and_expiry(database: Database, world: World) -> None:
    dock = setup_po(database, world, [(world.shirt, 3), (world.mug, 12)])
    gs1 = f"]C101{ean13('780000000002').zfill(14)}17270630" f"10L-77A{GS}3712"
    with database.unit_of_work() as uow:
        receiving = load_receipt(uow.session, "OC-1001")
        assert [(line.sku, line.ordered, line.received) for line in receiving.lines] == [("POL-M-ROJ", 3, 0), ("TAZ-01", 12, 0)]
        for code in (SHIRT_EAN, "pol-m-roj", SHIRT_EAN):  # EAN and our SKU, case-insensitive
            assert receiving.scan(code).status is ScanStatus.RECEIVED
        outcome = receiving.scan(gs1)
        assert (outcome.line.sku, outcome.quantity, outcome.lot, outcome.expiry) == ("TAZ-01", 12, "L-77A", date(2027, 6, 30))
        assert receiving.discrepancies() == []
        result = commit_receipt(uow.session, receiving, dock, ACTOR)
        uow.commit()
    assert result.status is PurchaseOrderStatus.RECEIVED and result.units == 15
    assert on_hand(database, world.shirt, dock) == 3 and on_hand(database, world.mug, dock) == 12
    with database.unit_of_work() as uow:
        s = uow.session
        lot = s.scalars(select(Lot).where(Lot.variant_id == world.mug)).one()
        assert (lot.code, lot.expires_on) == ("L-77A", date(2027, 6, 30))
        moves = s.scalars(select(StockMove).where(StockMove.kind == MoveKind.RECEIPT).order_by(StockMove.id)).all()
        assert [(m.variant_id, m.quantity, m.lot_id, m.reference, m.station) for m in moves] == [
            (world.shirt, 3, None, "OC-1001", "RECV-1"),
            (world.mug, 12, lot.id, "OC-1001", "RECV-1"),
        ]
        levels = dict(s.execute(select(StockLevel.variant_id, StockLevel.on_hand)).all())
        assert levels == {world.shirt: 3, world.mug: 12}
        received = dict(s.execute(select(PurchaseOrderLine.variant_id, PurchaseOrderLine.quantity_received)).all())
        assert received == {world.shirt: 3, world.mug: 12}


def test_over_receipt_is_flagged_within_tolerance_and_refused_beyond(database: Database, world: World) -> None:
    dock = setup_po(database, world, [(world.mug, 10)])
    with database.unit_of_work() as uow:
        receiving = load_receipt(uow.session, "OC-1001")
        assert not receiving.scan(MUG_EAN, quantity=10, lot="A").over_receipt
        flagged = receiving.scan(MUG_EAN, lot="A")  # 11 of 10: within 10 %
        assert flagged.over_receipt and "over-receipt" in flagged.message
        with pytest.raises(OverReceipt, match="TAZ-01: 12 would exceed the 10 ordered on OC-1001"):
            receiving.scan(MUG_EAN, lot="A")
        assert receiving.lines[0].received == 11  # the refused scan counted nothing
        [discrepancy] = receiving.discrepancies()
        assert (discrepancy.sku, discrepancy.difference) == ("TAZ-01", 1)
        commit_receipt(uow.session, receiving, dock, ACTOR)
        uow.commit()
    assert on_hand(database, world.mug, dock) == 11


def test_under_receipt_leaves_the_order_partially_received(database: Database, world: World) -> None:
    dock = setup_po(database, world, [(world.shirt, 5), (world.mug, 2)])
    with database.unit_of_work() as uow:
        receiving = load_receipt(uow.session, "OC-1001")
        receiving.scan(SHIRT_EAN, quantity=4)
        lot_needed = receiving.scan(MUG_EAN)
        assert lot_needed.status is ScanStatus.NEEDS_LOT and receiving.lines[1].received == 0
        under = {d.sku: d.difference for d in receiving.discrepancies()}
        assert under == {"POL-M-ROJ": -1, "TAZ-01": -2}
        result = commit_receipt(uow.session, receiving, dock, ACTOR)
        uow.commit()
    assert result.status is PurchaseOrderStatus.PARTIALLY_RECEIVED
    with database.unit_of_work() as uow:  # the rest arrives later: earlier receipts count
        receiving = load_receipt(uow.session, "OC-1001")
        assert [line.previously_received for line in receiving.lines] == [4, 0]
        receiving.scan(SHIRT_EAN)
        receiving.scan(MUG_EAN, quantity=2, lot="B-1")
        assert commit_receipt(uow.session, receiving, dock, ACTOR).status is PurchaseOrderStatus.RECEIVED
        uow.commit()
    assert on_hand(database, world.shirt, dock) == 5
    with database.unit_of_work() as uow, pytest.raises(ReceivingError, match="OC-1001 is received"):
        load_receipt(uow.session, "OC-1001")


def test_unknown_barcode_is_mapped_then_received(database: Database, world: World) -> None:
    dock = setup_po(database, world, [(world.shirt, 2)])
    with database.unit_of_work() as uow:
        receiving = load_receipt(uow.session, "OC-1001")
        unknown = receiving.scan(NEW_EAN)
        assert unknown.status is ScanStatus.UNKNOWN and unknown.code == NEW_EAN
        map_barcode(uow.session, receiving, NEW_EAN, "POL-M-ROJ")
        assert receiving.scan(NEW_EAN, quantity=2).line.sku == "POL-M-ROJ"
        commit_receipt(uow.session, receiving, dock, ACTOR)
        uow.commit()
    assert on_hand(database, world.shirt, dock) == 2
    with database.unit_of_work() as uow:
        barcode = uow.session.scalars(select(Barcode).where(Barcode.code == NEW_EAN)).one()
        assert (barcode.variant_id, barcode.symbology) == (world.shirt, Symbology.EAN13)
        other = load_receipt_for_new_po(uow.session, world)
        with pytest.raises(ReceivingError, match=f"Barcode {SHIRT_EAN} already belongs to POL-M-ROJ, not TAZ-01"):
            map_barcode(uow.session, other, SHIRT_EAN, "TAZ-01")


def load_receipt_for_new_po(session: Session, world: World) -> ReceivingSession:
    order = PurchaseOrder(
        tenant_id=world.tenant_id, warehouse_id=world.warehouse_id, number="OC-2", supplier="X", status=PurchaseOrderStatus.ORDERED
    )
    session.add(order)
    session.flush()
    session.add(PurchaseOrderLine(purchase_order_id=order.id, variant_id=world.mug, quantity_ordered=1))
    session.flush()
    return load_receipt(session, "OC-2")


def test_unknown_barcode_creates_a_sku_with_serials(database: Database, world: World) -> None:
    dock = setup_po(database, world, [(world.shirt, 1)])
    with database.unit_of_work() as uow:
        s = uow.session
        receiving = load_receipt(s, "OC-1001")
        assert receiving.scan(NEW_EAN).status is ScanStatus.UNKNOWN
        line = create_sku(s, receiving, NEW_EAN, "ESC-01", "Escáner", category="electronica", tracking=Tracking.SERIAL)
        assert line.line_id is None and line.ordered == 0
        assert receiving.scan(NEW_EAN).status is ScanStatus.NEEDS_SERIAL
        with pytest.raises(ReceivingError, match="ESC-01: scan the unit's serial number, not a product code"):
            receiving.scan(NEW_EAN)
        outcome = receiving.scan("SN-0001")
        assert outcome.serial == "SN-0001" and outcome.over_receipt
        gs1 = f"01{NEW_EAN.zfill(14)}21SN-0002"
        assert receiving.scan(gs1).serial == "SN-0002"
        receiving.scan(SHIRT_EAN)
        result = commit_receipt(s, receiving, dock, ACTOR)
        uow.commit()
    assert result.status is PurchaseOrderStatus.RECEIVED
    with database.unit_of_work() as uow:
        s = uow.session
        variant = s.scalars(select(Variant).where(Variant.sku == "ESC-01")).one()
        assert s.get(Product, variant.product_id).category == "electronica"
        serials = s.scalars(select(SerialNumber).where(SerialNumber.variant_id == variant.id).order_by(SerialNumber.serial)).all()
        assert [(row.serial, row.location_id) for row in serials] == [("SN-0001", dock), ("SN-0002", dock)]
        moved = s.execute(
            select(StockMove.quantity, SerialNumber.serial)
            .join(SerialNumber, SerialNumber.id == StockMove.serial_id)
            .where(StockMove.variant_id == variant.id)
            .order_by(SerialNumber.serial)
        ).all()
        assert [tuple(row) for row in moved] == [(1, "SN-0001"), (1, "SN-0002")]  # one receipt row per serial
        assert s.scalar(select(func.count()).select_from(StockMove).where(StockMove.variant_id == variant.id)) == 2
        line = s.scalars(select(PurchaseOrderLine).where(PurchaseOrderLine.variant_id == variant.id)).one()
        assert (line.quantity_ordered, line.quantity_received) == (0, 2)


def test_a_failed_commit_books_nothing(database: Database, world: World) -> None:
    dock = setup_po(database, world, [(world.mug, 5)])
    with database.unit_of_work() as uow:  # the lot is on file with another expiry
        uow.session.add(Lot(tenant_id=world.tenant_id, variant_id=world.mug, code="L1", expires_on=date(2026, 1, 1)))
        uow.commit()
    with database.unit_of_work() as uow:
        receiving = load_receipt(uow.session, "OC-1001")
        receiving.scan(MUG_EAN, quantity=2, lot="L2")
        receiving.scan(f"01{MUG_EAN.zfill(14)}17270101" f"10L1{GS}302")
        with pytest.raises(ReceivingError, match="Lot L1 is on file with expiry 2026-01-01"):
            commit_receipt(uow.session, receiving, dock, ACTOR)
    assert on_hand(database, world.mug, dock) == 0
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(StockMove)) == 0
        assert uow.session.scalars(select(PurchaseOrder.status)).one() is PurchaseOrderStatus.ORDERED


def test_two_stations_receiving_the_same_order(database: Database, world: World) -> None:
    dock = setup_po(database, world, [(world.shirt, 4), (world.mug, 1)])
    receipts = []
    for _ in range(2):  # each station loads the order, then scans for a while
        with database.unit_of_work() as uow:
            receipts.append(load_receipt(uow.session, "OC-1001"))
    for receiving in receipts:
        receiving.scan(SHIRT_EAN, quantity=4)
    with database.unit_of_work() as uow:
        commit_receipt(uow.session, receipts[0], dock, ACTOR)
        uow.commit()
    with database.unit_of_work() as uow, pytest.raises(ReceivingError, match="POL-M-ROJ was received elsewhere meanwhile"):
        commit_receipt(uow.session, receipts[1], dock, ACTOR)
    assert on_hand(database, world.shirt, dock) == 4
