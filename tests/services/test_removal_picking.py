"""Removal strategies at the packing bench: which lot and bin a shipped unit comes from under FIFO, FEFO
and LIFO (set per product or per category), expired lots never picked, and serial numbers named on
every ledger row from receipt to shipment; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sample_world import World, add_order
from shipping_sample import FixedCarrier, gateway_fixture, ship
from sqlalchemy import select

from station.db import Database
from station.db.models import (
    Barcode,
    Location,
    LocationKind,
    Lot,
    OrderLine,
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    SerialNumber,
    StockMove,
    StockQuant,
    Symbology,
    Tracking,
    Variant,
)
from station.domain.removal import RemovalStrategy
from station.domain.stock import MoveKind
from station.services.carriers import CarrierGateway
from station.services.dispatch import DispatchError, ParcelPlan, purchase_label, ship_order
from station.services.packing import load_order
from station.services.receiving import commit_receipt, load_receipt
from station.services.removal import (
    RemovalError,
    pick_plan,
    set_category_strategy,
    set_product_strategy,
    strategy_of,
)
from station.services.stock import Actor, StockLedger
from station.services.traceability import trace_serial

DOCK = Actor(station="dock-1")
BENCH = Actor(station="bench-1")
PARCEL = ParcelPlan("CAJA-S", 250, 200, 100, 500, 500)
T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
TODAY = date(2026, 6, 1)


CARRIER = FixedCarrier("quick", "Quick", "Q1", price=2990)
RATE = CARRIER.rate
gateway = gateway_fixture(CARRIER)


def two_lots(database: Database, world: World, *, old_expires: date = date(2027, 6, 30)) -> None:
    """The shirt, lot-tracked in category Poleras: lot OLD (received first, expires later) in A-01-A and
    lot NEW (received ten days later, expires sooner) in A-01-B, 5 units each."""
    with database.unit_of_work() as uow:
        s = uow.session
        shirts = Product(
            tenant_id=world.tenant_id, code="P-POL", name="Poleras", category="Poleras", tracking=Tracking.LOT
        )
        s.add(shirts)
        s.flush()
        s.get(Variant, world.shirt).product_id = shirts.id
        old = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="OLD", expires_on=old_expires)
        new = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="NEW", expires_on=date(2027, 3, 31))
        s.add_all([old, new])
        s.flush()
        StockLedger(s, DOCK, clock=lambda: T0).receive(world.shirt, world.bin_a, 5, lot_id=old.id, reference="OC-1")
        later = T0 + timedelta(days=10)
        StockLedger(s, DOCK, clock=lambda: later).receive(world.shirt, world.bin_b, 5, lot_id=new.id, reference="OC-2")
        uow.commit()


def ship_shirts(
    database: Database, world: World, gateway: CarrierGateway, quantity: int = 2
) -> list[tuple[str, str, str]]:
    """Pack and ship an order of `quantity` shirts; returns its (kind, from bin or '', lot) ledger rows."""
    ship(database, world, gateway, RATE, [(world.shirt, quantity)], parcel=PARCEL, today=TODAY)
    return moves_of(database, "JLS-000001")


def moves_of(database: Database, reference: str) -> list[tuple[str, str, str]]:
    with database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(StockMove.kind, Location.code, Lot.code)
            .outerjoin(Location, Location.id == StockMove.from_location_id)
            .outerjoin(Lot, Lot.id == StockMove.lot_id)
            .where(StockMove.reference == reference)
            .order_by(StockMove.id)
        ).all()
    return [(kind.value, code or "", lot or "") for kind, code, lot in rows]


@pytest.mark.parametrize(
    ("product", "category", "expected_bin", "expected_lot"),
    [
        ("fifo", None, "A-01-A", "OLD"),  # the oldest receipt
        ("lifo", None, "A-01-B", "NEW"),  # the newest receipt
        ("fefo", None, "A-01-B", "NEW"),  # the soonest expiry
        (None, "fifo", "A-01-A", "OLD"),  # the category's rule
        (None, "lifo", "A-01-B", "NEW"),
        ("fifo", "lifo", "A-01-A", "OLD"),  # the product's own strategy wins over its category's
        ("lifo", "fifo", "A-01-B", "NEW"),
        (None, None, "A-01-B", "NEW"),  # default: lot-tracked with expiry dates → FEFO
    ],
)
def test_units_leave_from_the_lot_and_bin_the_strategy_names(
    database: Database, world: World, gateway, product, category, expected_bin, expected_lot
) -> None:
    two_lots(database, world)
    with database.unit_of_work() as uow:
        if category:
            assert set_category_strategy(uow.session, "poleras", category) == 1
        if product:
            set_product_strategy(uow.session, "POL-M-ROJ", product)
        uow.commit()
    assert ship_shirts(database, world, gateway) == [
        ("pick", expected_bin, expected_lot),
        ("ship", "PACK-01", expected_lot),
    ]
    with database.unit_of_work() as uow:
        left = dict(
            uow.session.execute(
                select(Lot.code, StockQuant.on_hand)
                .join(Lot, Lot.id == StockQuant.lot_id)
                .where(StockQuant.location_id != world.bench)
            ).all()
        )
    assert left == {"OLD": 5, "NEW": 5, expected_lot: 3}


def test_a_plan_takes_the_next_lot_when_the_first_runs_out(database: Database, world: World) -> None:
    two_lots(database, world)
    with database.unit_of_work() as uow:
        set_product_strategy(uow.session, "POL-M-ROJ", "fifo")
        plan = pick_plan(uow.session, world.shirt, world.warehouse_id, 7, today=TODAY)
        short = pick_plan(uow.session, world.shirt, world.warehouse_id, 20, today=TODAY)
    assert [(step.location, step.lot, step.units) for step in plan] == [("A-01-A", "OLD", 5), ("A-01-B", "NEW", 2)]
    assert sum(step.units for step in short) == 10  # all there is, no more


def test_an_expired_lot_is_never_picked_even_when_it_is_the_oldest(database: Database, world: World, gateway) -> None:
    two_lots(database, world, old_expires=date(2026, 5, 31))  # expired the day before TODAY
    with database.unit_of_work() as uow:
        set_product_strategy(uow.session, "POL-M-ROJ", "fifo")
        uow.commit()
    assert ship_shirts(database, world, gateway) == [("pick", "A-01-B", "NEW"), ("ship", "PACK-01", "NEW")]


def test_only_expired_units_left_refuses_to_ship_and_says_why(database: Database, world: World, gateway) -> None:
    two_lots(database, world, old_expires=date(2026, 5, 31))
    with pytest.raises(DispatchError, match=r"POL-M-ROJ: 2 unit\(s\) .* not on any shelf \(5 more are in expired lots"):
        ship_shirts(database, world, gateway, quantity=7)
    assert moves_of(database, "JLS-000001") == []  # nothing half-written


def test_quarantined_and_returned_units_are_not_picked(database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        s = uow.session
        returns = Location(warehouse_id=world.warehouse_id, code="DEV-01", kind=LocationKind.RETURNS)
        s.add(returns)
        s.flush()
        ledger = StockLedger(s, DOCK)
        ledger.receive(world.mug, world.quarantine, 4)
        ledger.receive(world.mug, returns.id, 4, kind=MoveKind.RETURN)
        ledger.receive(world.mug, world.bin_b, 1)
        plan = pick_plan(s, world.mug, world.warehouse_id, 3, today=TODAY)
    assert [(step.location, step.units) for step in plan] == [("A-01-B", 1)]


def test_bins_without_lots_go_by_when_they_were_last_restocked(database: Database, world: World) -> None:
    with database.unit_of_work() as uow:
        s = uow.session
        StockLedger(s, DOCK, clock=lambda: T0).receive(world.mug, world.bin_b, 3)
        StockLedger(s, DOCK, clock=lambda: T0 + timedelta(days=1)).receive(world.mug, world.bin_a, 3)
        fifo = pick_plan(s, world.mug, world.warehouse_id, 1, today=TODAY, strategy=RemovalStrategy.FIFO)
        lifo = pick_plan(s, world.mug, world.warehouse_id, 1, today=TODAY, strategy=RemovalStrategy.LIFO)
        assert strategy_of(s, world.mug) is RemovalStrategy.FIFO  # untracked: FIFO by default
    assert (fifo[0].location, lifo[0].location) == ("A-01-B", "A-01-A")


def test_strategies_are_validated_with_clear_messages(database: Database, world: World) -> None:
    two_lots(database, world)
    with database.unit_of_work() as uow:
        s = uow.session
        with pytest.raises(RemovalError, match=r"Unknown removal strategy 'oldest'; use fifo, fefo, lifo or default"):
            set_product_strategy(s, "POL-M-ROJ", "oldest")
        with pytest.raises(RemovalError, match=r"No SKU 'POL-M-ROX'.*did you mean POL-M-ROJ"):
            set_product_strategy(s, "POL-M-ROX", "fifo")
        with pytest.raises(RemovalError, match=r"No product is in category 'Zapatos'; categories: Poleras"):
            set_category_strategy(s, "Zapatos", "lifo")
        assert set_product_strategy(s, "pol-m-roj", "LIFO") == ("P-POL", RemovalStrategy.LIFO)
        set_category_strategy(s, "Poleras", "fifo")
        assert set_product_strategy(s, "POL-M-ROJ", "default") == ("P-POL", RemovalStrategy.FIFO)  # the category's
        set_category_strategy(s, "Poleras", "default")
        assert strategy_of(s, world.shirt) is RemovalStrategy.FEFO  # back to the default for lots with expiry


def receive_serials(database: Database, world: World) -> int:
    """Two serial-tracked drills received by scanning on PO OC-77, then put away one per bin."""
    with database.unit_of_work() as uow:
        s = uow.session
        dock = Location(warehouse_id=world.warehouse_id, code="DOCK-01", kind=LocationKind.DOCK)
        drills = Product(tenant_id=world.tenant_id, code="P-TAL", name="Taladros", tracking=Tracking.SERIAL)
        s.add_all([dock, drills])
        s.flush()
        s.get(Variant, world.mug).product_id = drills.id
        s.add(Barcode(tenant_id=world.tenant_id, variant_id=world.mug, code="7801234567894", symbology=Symbology.EAN13))
        po = PurchaseOrder(
            tenant_id=world.tenant_id,
            warehouse_id=world.warehouse_id,
            number="OC-77",
            supplier="Herramientas Sur",
            status=PurchaseOrderStatus.ORDERED,
        )
        s.add(po)
        s.flush()
        s.add(PurchaseOrderLine(purchase_order_id=po.id, variant_id=world.mug, quantity_ordered=2))
        uow.commit()
        dock_id = dock.id
    with database.unit_of_work() as uow:
        s = uow.session
        receiving = load_receipt(s, "OC-77")
        for serial in ("SN-A", "SN-B"):
            receiving.scan("7801234567894")
            receiving.scan(serial)
        commit_receipt(s, receiving, dock_id, DOCK)
        uow.commit()
    with database.unit_of_work() as uow:  # put away: each unit to its own bin, the ledger naming it
        s = uow.session
        ledger = StockLedger(s, DOCK)
        for serial, bin_id in (("SN-A", world.bin_a), ("SN-B", world.bin_b)):
            unit = s.scalars(select(SerialNumber).where(SerialNumber.serial == serial)).one()
            ledger.move(world.mug, dock_id, bin_id, 1, kind=MoveKind.PUTAWAY, serial_id=unit.id)
            unit.location_id = bin_id
        uow.commit()
    return dock_id


def test_serials_are_named_on_every_ledger_row_from_receipt_to_shipment(
    database: Database, world: World, gateway
) -> None:
    receive_serials(database, world)
    with database.unit_of_work() as uow:
        receipts = uow.session.execute(
            select(SerialNumber.serial, StockMove.quantity)
            .join(SerialNumber, SerialNumber.id == StockMove.serial_id)
            .where(StockMove.kind == MoveKind.RECEIPT)
            .order_by(SerialNumber.serial)
        ).all()
    assert [tuple(row) for row in receipts] == [("SN-A", 1), ("SN-B", 1)]

    # SN-B was scanned: it leaves from its own bin, although FIFO would open A-01-A first
    ship(database, world, gateway, RATE, [(world.mug, 1)], serials={world.mug: ["SN-B"]}, parcel=PARCEL, today=TODAY)
    with database.unit_of_work() as uow:
        shipped = uow.session.execute(
            select(StockMove.kind, SerialNumber.serial, StockMove.quantity)
            .join(SerialNumber, SerialNumber.id == StockMove.serial_id)
            .where(StockMove.reference == "JLS-000001")
            .order_by(StockMove.id)
        ).all()
        trace = trace_serial(uow.session, "SN-B")
        other = trace_serial(uow.session, "SN-A")
    assert [tuple(row) for row in shipped] == [(MoveKind.PICK, "SN-B", 1), (MoveKind.SHIP, "SN-B", 1)]
    assert [(m.kind, m.from_location, m.to_location, m.inferred) for m in trace.moves] == [
        ("receipt", None, "DOCK-01", False),
        ("putaway", "DOCK-01", "A-01-B", False),
        ("pick", "A-01-B", "PACK-01", False),
        ("ship", "PACK-01", None, False),
    ]
    assert (trace.order, trace.location) == ("JLS-000001", None)
    assert [m.kind for m in other.moves] == ["receipt", "putaway"]  # SN-B's shipment is not SN-A's
    assert other.location == "A-01-A"


@pytest.mark.parametrize(("strategy", "expected_bin"), [("fifo", "A-01-A"), ("lifo", "A-01-B")])
def test_the_packer_is_sent_to_the_bin_the_plan_opens_first(
    database: Database, world: World, strategy, expected_bin
) -> None:
    two_lots(database, world)
    order_id = add_order(database, world, [(world.shirt, 2)])
    with database.unit_of_work() as uow:
        set_product_strategy(uow.session, "POL-M-ROJ", strategy)
        (line,) = load_order(uow.session, order_id, bench_location_id=world.bench, today=TODAY).lines
    assert line.bin_code == expected_bin


def test_a_voided_label_brings_the_lot_back_to_the_bench_and_the_next_confirm_ships_it(
    database: Database, world: World, gateway
) -> None:
    from station.services.dispatch import void_label  # noqa: PLC0415

    two_lots(database, world)
    with database.unit_of_work() as uow:
        set_product_strategy(uow.session, "POL-M-ROJ", "lifo")
        uow.commit()
    order_id = add_order(database, world, [(world.shirt, 2)])
    first = purchase_label(database, gateway, order_id, RATE, [PARCEL])
    confirm = dict(bench_location_id=world.bench, serials={}, actor=BENCH, packer="Ana", today=TODAY)
    ship_order(database, gateway.host, order_id, first.shipment_id, **confirm)
    void_label(database, gateway, first.shipment_id, actor=BENCH)
    with database.unit_of_work() as uow:
        bench = uow.session.execute(
            select(Lot.code, StockQuant.on_hand)
            .join(Lot, Lot.id == StockQuant.lot_id)
            .where(StockQuant.location_id == world.bench)
        ).all()
    assert [tuple(row) for row in bench] == [("NEW", 2)]  # back with its lot, at the bench
    with database.unit_of_work() as uow:  # meanwhile the strategy changes: the units at the bench still go first
        set_product_strategy(uow.session, "POL-M-ROJ", "fifo")
        uow.commit()
    again = purchase_label(database, gateway, order_id, RATE, [PARCEL])
    ship_order(database, gateway.host, order_id, again.shipment_id, **confirm)
    assert moves_of(database, "JLS-000001")[-1] == ("ship", "PACK-01", "NEW")
    assert [kind for kind, _, _ in moves_of(database, "JLS-000001")] == ["pick", "ship", "ship"]
    with database.unit_of_work() as uow:
        left = uow.session.execute(
            select(Location.code, Lot.code, StockQuant.on_hand)
            .join(Location, Location.id == StockQuant.location_id)
            .join(Lot, Lot.id == StockQuant.lot_id)
            .where(StockQuant.on_hand > 0)
            .order_by(Location.code)
        ).all()
    assert [tuple(row) for row in left] == [("A-01-A", "OLD", 5), ("A-01-B", "NEW", 3)]  # nothing lingers at the bench


def test_a_serial_back_from_a_voided_label_ships_again_under_its_own_name(
    database: Database, world: World, gateway
) -> None:
    from station.services.dispatch import void_label  # noqa: PLC0415

    receive_serials(database, world)
    order_id = add_order(database, world, [(world.mug, 1)])
    with database.unit_of_work() as uow:
        line_id = uow.session.scalars(select(OrderLine.id).where(OrderLine.order_id == order_id)).one()
    confirm = dict(bench_location_id=world.bench, serials={line_id: ["SN-A"]}, actor=BENCH, packer="Ana", today=TODAY)
    first = purchase_label(database, gateway, order_id, RATE, [PARCEL])
    ship_order(database, gateway.host, order_id, first.shipment_id, **confirm)
    void_label(database, gateway, first.shipment_id, actor=BENCH)
    again = purchase_label(database, gateway, order_id, RATE, [PARCEL])
    ship_order(database, gateway.host, order_id, again.shipment_id, **confirm)
    with database.unit_of_work() as uow:
        trace = trace_serial(uow.session, "SN-A")
        at_bench = uow.session.scalar(select(StockQuant.on_hand).where(StockQuant.location_id == world.bench))
    assert [(m.kind, m.from_location, m.to_location, m.inferred) for m in trace.moves] == [
        ("receipt", None, "DOCK-01", False),
        ("putaway", "DOCK-01", "A-01-A", False),
        ("pick", "A-01-A", "PACK-01", False),
        ("ship", "PACK-01", None, False),
        ("return", None, "PACK-01", False),
        ("ship", "PACK-01", None, False),
    ]
    assert (trace.order, at_bench) == ("JLS-000001", 0)
