"""The Inventory page's read-only questions on real stock operations, SQLite and PostgreSQL: a SKU by
location and a bin's contents, the ledger filtered, a scan resolved to a lot, serial or order trace."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sample_world import World
from shipping_sample import FixedCarrier, gateway_fixture, ship

from station.db import Database
from station.db.models import Barcode, Lot, PurchaseOrder, Role, SerialNumber, User
from station.db.models.catalog import Symbology
from station.domain.stock import AdjustmentReason
from station.services.carriers import CarrierGateway
from station.services.location_queries import LocationFilter, LocationQueryError, Only, stock_at
from station.services.movement_queries import MoveFilter, MoveQueryError, export_moves, list_moves, resolve_trace
from station.services.stock import Actor, StockLedger
from station.services.traceability import TraceError

GTIN = "07801234567894"


CARRIER = FixedCarrier("tracer", "Tracer Express", "TR-42")
gateway = gateway_fixture(CARRIER)


def history(database: Database, world: World) -> None:
    """PO OC-77 from Textiles Austral: lots L-1 (6) and L-2 (4) of the shirt into A-01-A, expired lot L-0 (2)
    into quarantine, serial SN-1 of the mug; then ana moves 2 of L-1 on, one into quarantine, and a unit of
    L-2 is written off as damaged."""
    with database.unit_of_work() as uow:
        s = uow.session
        ana = User(login="ana", name="Ana", role=Role.LEAD, pin_hash="x")
        lot1 = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-1", expires_on=date(2099, 1, 31))
        lot2 = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-2", expires_on=date(2099, 12, 31))
        lot0 = Lot(tenant_id=world.tenant_id, variant_id=world.shirt, code="L-0", expires_on=date(2020, 6, 30))
        unit = SerialNumber(tenant_id=world.tenant_id, variant_id=world.mug, serial="SN-1", location_id=world.bin_b)
        po = PurchaseOrder(
            tenant_id=world.tenant_id, warehouse_id=world.warehouse_id, number="OC-77", supplier="Textiles Austral"
        )
        barcode = Barcode(tenant_id=world.tenant_id, variant_id=world.shirt, code=GTIN[1:], symbology=Symbology.EAN13)
        s.add_all([ana, lot1, lot2, lot0, unit, po, barcode])
        s.flush()
        dock = StockLedger(s, Actor(station="dock-1"))
        dock.receive(world.shirt, world.bin_a, 6, lot_id=lot1.id, reference="OC-77")
        dock.receive(world.shirt, world.bin_a, 4, lot_id=lot2.id, reference="OC-77")
        dock.receive(world.shirt, world.quarantine, 2, lot_id=lot0.id, reference="OC-77")
        dock.receive(world.mug, world.bin_b, 1, reference="OC-77")
        lead = StockLedger(s, Actor(station="rf-3", user_id=ana.id))
        lead.move(world.shirt, world.bin_a, world.bin_b, 2, lot_id=lot1.id)
        lead.move(world.shirt, world.bin_b, world.quarantine, 1, lot_id=lot1.id)
        lead.adjust(world.shirt, world.bin_a, -1, AdjustmentReason.DAMAGED, lot_id=lot2.id, note="torn")
        uow.commit()


def ship_order_one(database: Database, world: World, gateway: CarrierGateway) -> None:
    """Order JLS-000001: 2 shirts and the serial mug, shipped with tracking number TR-42."""
    ship(database, world, gateway, CARRIER.rate, [(world.shirt, 2), (world.mug, 1)], serials={world.mug: ["SN-1"]})


def test_a_sku_by_location_shows_each_lot_and_the_warehouse_totals(database: Database, world: World) -> None:
    history(database, world)
    with database.unit_of_work() as uow:
        answer = stock_at(uow.session, "pol-m-roj")
        by_barcode = stock_at(uow.session, GTIN[1:])
        by_gs1 = stock_at(uow.session, f"(01){GTIN}(10)L-1")
        held = stock_at(uow.session, "POL-M-ROJ", LocationFilter(only=Only.HELD))
        expired = stock_at(uow.session, "POL-M-ROJ", LocationFilter(only=Only.EXPIRED))
    assert (answer.kind, answer.code, answer.tenant) == ("sku", "POL-M-ROJ", "ACME")
    assert [(r.location, r.lot, r.on_hand, r.sellable) for r in answer.rows] == [
        ("A-01-A", "L-1", 4, True),  # earliest expiry first within a bin
        ("A-01-A", "L-2", 3, True),
        ("A-01-B", "L-1", 1, True),
        ("QUA-01", "L-0", 2, False),
        ("QUA-01", "L-1", 1, False),
    ]
    (level,) = answer.levels
    assert (level.warehouse, level.on_hand, level.reserved, level.available, level.held) == ("SCL1", 8, 0, 8, 3)
    assert by_barcode.rows == by_gs1.rows == answer.rows
    assert [(r.location, r.lot) for r in held.rows] == [("QUA-01", "L-0"), ("QUA-01", "L-1")]
    assert [(r.location, r.lot, r.expired) for r in expired.rows] == [("QUA-01", "L-0", True)]


def test_a_bin_lists_what_it_holds_and_unknown_codes_are_named(database: Database, world: World) -> None:
    history(database, world)
    with database.unit_of_work() as uow:
        s = uow.session
        bin_b = stock_at(s, "a-01-b")
        with_empty = stock_at(s, "A-01-B", LocationFilter(hide_empty=False))
        with pytest.raises(LocationQueryError, match=r"No SKU, barcode or bin 'POL-M-RO'; did you mean POL-M-ROJ"):
            stock_at(s, "POL-M-RO")
        with pytest.raises(
            LocationQueryError, match=r"No SKU, barcode or bin '\]E07801234567890' \(as a barcode: EAN-13"
        ):
            stock_at(s, "]E07801234567890")  # the scanner says EAN-13, the check digit says misread
        with pytest.raises(LocationQueryError, match="No warehouse 'XX'"):
            stock_at(s, "A-01-B", LocationFilter(warehouse="XX"))
    assert (bin_b.kind, bin_b.code, bin_b.name, bin_b.location_kind) == ("bin", "A-01-B", "SCL1", "storage")
    assert [(r.sku, r.lot, r.on_hand) for r in bin_b.rows] == [("POL-M-ROJ", "L-1", 1), ("TAZ-01", None, 1)]
    assert len(with_empty.rows) == len(bin_b.rows)  # no emptied quant in that bin yet


def test_movement_filters_return_exactly_the_matching_moves(database: Database, world: World) -> None:
    history(database, world)
    with database.unit_of_work() as uow:
        s = uow.session
        every = list_moves(s)
        assert [m.kind for m in every.rows] == ["adjustment", "transfer", "transfer", *["receipt"] * 4]
        assert not every.more
        assert [
            (m.quantity, m.from_location, m.to_location)
            for m in list_moves(s, MoveFilter(user="ANA", kind="transfer")).rows
        ] == [
            (1, "A-01-B", "QUA-01"),
            (2, "A-01-A", "A-01-B"),
        ]
        assert [m.kind for m in list_moves(s, MoveFilter(location="qua-01")).rows] == ["transfer", "receipt"]
        assert [(m.lot, m.reason, m.note) for m in list_moves(s, MoveFilter(reason="damaged")).rows] == [
            ("L-2", "damaged", "torn")
        ]
        assert [m.sku for m in list_moves(s, MoveFilter(reference="oc-77")).rows] == ["TAZ-01", *["POL-M-ROJ"] * 3]
        assert len(list_moves(s, MoveFilter(sku="POL-M-ROJ", lot="L-1")).rows) == 3
        assert len(list_moves(s, MoveFilter(sku="TAZ-01")).rows) == 1
        today = date.today()
        assert (
            len(list_moves(s, MoveFilter(since=today - timedelta(days=1), until=today + timedelta(days=1))).rows) == 7
        )
        assert list_moves(s, MoveFilter(until=today - timedelta(days=2))).rows == []
        newest = list_moves(s, limit=2)
        assert (len(newest.rows), newest.more) == (2, True)
        assert newest.rows[0].at.tzinfo is not None and newest.rows[0].at <= datetime.now(newest.rows[0].at.tzinfo)
        for filters, message in (
            (MoveFilter(sku="NOPE"), "No SKU 'NOPE'"),
            (MoveFilter(location="Z-99"), "No bin 'Z-99'"),
            (MoveFilter(sku="TAZ-01", lot="L-1"), "No lot of SKU 'TAZ-01' 'L-1'"),
            (MoveFilter(user="zoe"), "No user 'zoe'"),
        ):
            with pytest.raises(MoveQueryError, match=message):
                list_moves(s, filters)


def test_the_filtered_moves_export_to_csv_and_xlsx(database: Database, world: World, tmp_path: Path) -> None:
    history(database, world)
    filters = MoveFilter(sku="POL-M-ROJ", kind="receipt")
    assert export_moves(database, filters, tmp_path / "moves.csv") == 3
    lines = (tmp_path / "moves.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,at,kind,sku,lot,serial,quantity")
    assert [line.split(",")[4] for line in lines[1:]] == ["L-1", "L-2", "L-0"]
    assert export_moves(database, filters, tmp_path / "moves.xlsx") == 3
    sheet = openpyxl.load_workbook(tmp_path / "moves.xlsx").active
    assert [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["POL-M-ROJ"] * 3
    with pytest.raises(MoveQueryError, match=r"moves.txt: unknown file type .txt"):
        export_moves(database, filters, tmp_path / "moves.txt")


def test_a_scanned_lot_is_traced_from_its_purchase_order_to_the_shipped_order(
    database: Database, world: World, gateway
) -> None:
    history(database, world)
    ship_order_one(database, world, gateway)
    with database.unit_of_work() as uow:
        s = uow.session
        by_code = resolve_trace(s, "l-1")
        by_gs1 = resolve_trace(s, f"]C101{GTIN}10L-1")
        typed = resolve_trace(s, "POL-M-ROJ L-1")
    assert by_code.kind == by_gs1.kind == typed.kind == "lot"
    trace = by_code.lot
    assert (trace.sku, trace.lot, trace.received, trace.shipped) == ("POL-M-ROJ", "L-1", 6, 2)
    assert trace.moves[0].kind == "receipt" and trace.moves[-1].kind == "ship"
    assert by_code.purchase_orders["OC-77"].supplier == "Textiles Austral"
    shipped = by_code.shipping["JLS-000001"]
    assert (shipped.customer, shipped.carrier, shipped.tracking_number) == ("María José Pérez", "tracer", "TR-42")
    assert by_gs1.lot == typed.lot == trace


def test_a_serial_and_an_order_are_traced_and_unknown_scans_named(database: Database, world: World, gateway) -> None:
    history(database, world)
    ship_order_one(database, world, gateway)
    with database.unit_of_work() as uow:
        s = uow.session
        unit = resolve_trace(s, "sn-1")
        order = resolve_trace(s, "JLS-000001")
        for scan, message in (
            ("L-404", "No lot, serial number or order 'L-404'"),
            (f"(01){GTIN}(17)270101", "carries no lot"),
            ("(01)07809999999998(10)L-1", "No SKU has the barcode GTIN 07809999999998"),
        ):
            with pytest.raises(TraceError, match=message):
                resolve_trace(s, scan)
        with pytest.raises(TraceError, match="No lot 'L-9' of SKU 'POL-M-ROJ'"):
            resolve_trace(s, "L-9", sku="POL-M-ROJ")
        with pytest.raises(TraceError, match=r"cannot be read: AI 01 07801234567890 has check digit 0"):
            resolve_trace(s, "(01)07801234567890(10)L-1")
        with pytest.raises(TraceError, match="No lot, serial number or order '12345678'"):
            resolve_trace(s, "12345678")  # digits, not a valid EAN-8: looked up as a code
        # A GS1 label whose GTIN is not on file, with the SKU typed beside it.
        assert resolve_trace(s, "(01)07809999999998(10)L-1", sku="POL-M-ROJ").lot.lot == "L-1"
    assert unit.kind == "serial" and unit.serial.order == "JLS-000001" and unit.inferred
    assert unit.purchase_orders["OC-77"].supplier == "Textiles Austral"
    assert unit.shipping["JLS-000001"].tracking_number == "TR-42"
    assert order.kind == "order"
    assert sorted((line.sku, line.lot, line.quantity) for line in order.order.lots) == [
        ("POL-M-ROJ", "L-1", 2),
        ("TAZ-01", None, 1),
    ]
    assert order.order.serials == [{"sku": "TAZ-01", "serial": "SN-1"}]
