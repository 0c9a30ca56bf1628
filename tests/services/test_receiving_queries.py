"""The receiving and putaway screens' queries and actions, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sample_world import World
from sqlalchemy import select

from station.db import Database
from station.db.models import (
    Location,
    LocationKind,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    Tenant,
    Warehouse,
)
from station.services.putaway import PutawayError
from station.services.receiving import ReceivingError
from station.services.receiving_queries import (
    book_receipt,
    confirm_item,
    list_open_orders,
    list_putaway,
    load_order,
    open_purchase_orders,
    station_warehouse,
    suggestion_rule,
)
from station.services.stock import Actor

ACTOR = Actor(station="RECV-1")


def add_po(
    database: Database,
    tenant_id: int,
    warehouse_id: int,
    number: str,
    status: PurchaseOrderStatus,
    lines: list[tuple[int, int, int]],
) -> int:
    with database.unit_of_work() as uow:
        order = PurchaseOrder(
            tenant_id=tenant_id, warehouse_id=warehouse_id, number=number, supplier="Textiles Maipú", status=status
        )
        uow.session.add(order)
        uow.session.flush()
        for variant_id, ordered, received in lines:
            uow.session.add(
                PurchaseOrderLine(
                    purchase_order_id=order.id,
                    variant_id=variant_id,
                    quantity_ordered=ordered,
                    quantity_received=received,
                )
            )
        uow.commit()
        return order.id


@pytest.fixture
def dock(database: Database, world: World) -> int:
    with database.unit_of_work() as uow:
        location = Location(warehouse_id=world.warehouse_id, code="DOCK-01", kind=LocationKind.DOCK)
        uow.session.add(location)
        uow.session.get(Location, world.bin_a).capacity = 5
        uow.commit()
        return location.id


def test_open_orders_of_the_warehouse_with_their_line_counts(database: Database, world: World, dock: int) -> None:
    add_po(
        database,
        world.tenant_id,
        world.warehouse_id,
        "OC-1",
        PurchaseOrderStatus.ORDERED,
        [(world.shirt, 3, 0), (world.mug, 4, 0)],
    )
    add_po(
        database,
        world.tenant_id,
        world.warehouse_id,
        "OC-2",
        PurchaseOrderStatus.PARTIALLY_RECEIVED,
        [(world.mug, 10, 6)],
    )
    add_po(database, world.tenant_id, world.warehouse_id, "OC-3", PurchaseOrderStatus.RECEIVED, [(world.mug, 1, 1)])
    add_po(database, world.tenant_id, world.warehouse_id, "OC-4", PurchaseOrderStatus.DRAFT, [(world.mug, 1, 0)])
    warehouse, orders = list_open_orders(database, "")
    assert (warehouse.code, warehouse.dock_id, warehouse.dock_code) == ("SCL1", dock, "DOCK-01")
    assert [(o.number, o.client, o.lines, o.units_ordered, o.units_open, o.status) for o in orders] == [
        ("OC-1", "Acme SpA", 2, 7, 7, "ordered"),
        ("OC-2", "Acme SpA", 1, 10, 4, "partially_received"),
    ]
    with database.unit_of_work() as uow:
        with pytest.raises(ReceivingError, match="No warehouse 'NOPE'"):
            station_warehouse(uow.session, "NOPE")


def test_an_order_opens_by_its_number_only_in_its_own_warehouse_and_once(
    database: Database, world: World, dock: int
) -> None:
    add_po(database, world.tenant_id, world.warehouse_id, "OC-1", PurchaseOrderStatus.ORDERED, [(world.shirt, 3, 0)])
    with database.unit_of_work() as uow:
        other = Warehouse(code="VAL1", name="Valparaíso")
        client = Tenant(code="BETA", name="Beta Ltda.")
        uow.session.add_all([other, client])
        uow.commit()
        other_id, client_id = other.id, client.id
    assert load_order(database, " oc-1 ", world.warehouse_id).number == "OC-1"
    with pytest.raises(ReceivingError, match="belongs to another warehouse"):
        load_order(database, "OC-1", other_id)
    with pytest.raises(ReceivingError, match="No purchase order OC-9"):
        load_order(database, "OC-9", world.warehouse_id)
    add_po(database, client_id, world.warehouse_id, "OC-1", PurchaseOrderStatus.ORDERED, [(world.mug, 1, 0)])
    with pytest.raises(ReceivingError, match="2 clients have a purchase order OC-1; choose it in the list"):
        load_order(database, "OC-1", world.warehouse_id)
    with database.unit_of_work() as uow:
        assert len(open_purchase_orders(uow.session, world.warehouse_id)) == 2


def test_putaway_goes_to_any_storage_bin_with_room_and_refuses_the_rest(
    database: Database, world: World, dock: int
) -> None:
    add_po(database, world.tenant_id, world.warehouse_id, "OC-1", PurchaseOrderStatus.ORDERED, [(world.shirt, 8, 0)])
    receiving = load_order(database, "OC-1", world.warehouse_id)
    receiving.scan("POL-M-ROJ", quantity=8)
    assert book_receipt(database, receiving, dock, ACTOR).status is PurchaseOrderStatus.RECEIVED
    _, [item] = list_putaway(database, "")
    assert (item.sku, item.quantity, item.dock_code, item.bin_code) == ("POL-M-ROJ", 8, "DOCK-01", "A-01-B")
    assert item.matches("pol-m-roj") and not item.matches("A-01-B")
    with pytest.raises(PutawayError, match="Bin A-01-A has room for 5, not 8 × POL-M-ROJ"):
        confirm_item(database, item, "A-01-A", ACTOR)
    with pytest.raises(PutawayError, match="QUA-01 is a quarantine location, not a storage bin"):
        confirm_item(database, item, "QUA-01", ACTOR)
    with pytest.raises(PutawayError, match="NOPE is not a bin of this warehouse"):
        confirm_item(database, item, "NOPE", ACTOR)
    done = confirm_item(database, item, "A-01-B", ACTOR)
    assert (done.bin_code, done.suggested, done.quantity) == ("A-01-B", "A-01-B", 8)
    assert list_putaway(database, "")[1] == []
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(PurchaseOrder.status)) is PurchaseOrderStatus.RECEIVED


def test_every_reason_of_suggest_bin_names_its_rule() -> None:
    assert suggestion_rule("pick face of POL-M-ROJ") == ("pick_face", "")
    assert suggestion_rule("consolidate: already holds POL-M-ROJ") == ("consolidate", "")
    assert suggestion_rule("nearest bin with room in F- (category alimentos)") == ("aisle", "F-")
    assert suggestion_rule("nearest bin with room") == ("nearest", "")
    assert suggestion_rule("No bin with room for 8 × POL-M-ROJ") == ("", "")
