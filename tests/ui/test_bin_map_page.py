"""The Bin map page, real widgets on SQLite and PostgreSQL: drawn, coloured, searched, clicked, exported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station.config import Settings, StationPaths
from station.db import Database
from station.db.base import utcnow
from station.db.models import Location, Lot, Picklist, PicklistStatus, Product, Tenant, Variant, Warehouse
from station.services.layout import generate_layout
from station.services.stock import Actor, StockLedger
from station.ui.app import create_main_window
from station.ui.controllers.bin_map_controller import BinMapController
from station.ui.tasks import TaskRunner
from station.ui.views.bin_map_view import BinMapPage
from station.ui.views.widgets import message_kind

WAIT = 10_000


@dataclass(frozen=True)
class SmallWarehouse:
    bins: dict[str, int]
    picklist_id: int


def build_small_warehouse(database: Database) -> SmallWarehouse:
    """2 aisles × 4 racks × 2 levels: shirts in A-01-A (100 of 120) and B-03-B, jam by lot in A-02-A."""
    with database.unit_of_work() as uow:
        s = uow.session
        tenant, warehouse = Tenant(code="ACME", name="Acme"), Warehouse(code="SCL9", name="Santiago 9")
        s.add_all([tenant, warehouse])
        s.flush()
        generate_layout(s, warehouse, aisles=2, racks=4, levels=2, docks=1, pack_stations=1)
        bins = {loc.code: loc.id for loc in s.scalars(select(Location).where(Location.warehouse_id == warehouse.id))}
        product = Product(tenant_id=tenant.id, code="P", name="P")
        s.add(product)
        s.flush()
        shirt = Variant(tenant_id=tenant.id, product_id=product.id, sku="POL-M", name="Polera M")
        jam = Variant(tenant_id=tenant.id, product_id=product.id, sku="MER-01", name="Mermelada")
        s.add_all([shirt, jam])
        s.flush()
        lot = Lot(
            tenant_id=tenant.id, variant_id=jam.id, code="L-2611", expires_on=utcnow().date() + timedelta(days=20)
        )
        s.add(lot)
        s.flush()
        ledger = StockLedger(s, Actor(station="test"))
        ledger.receive(shirt.id, bins["A-01-A"], 100)
        ledger.receive(shirt.id, bins["B-03-B"], 4)
        ledger.receive(jam.id, bins["A-02-A"], 5, lot_id=lot.id)
        picklist = Picklist(
            warehouse_id=warehouse.id,
            code="PL-7",
            status=PicklistStatus.OPEN,
            route=[[50, 50], [500, 50], [500, 900]],
            route_cm=1300,
        )
        s.add(picklist)
        s.flush()
        world = SmallWarehouse(bins, picklist.id)
        uow.commit()
    return world


@pytest.fixture
def opened(qtbot: QtBot, database: Database, runner: TaskRunner) -> tuple[BinMapController, SmallWarehouse]:
    world = build_small_warehouse(database)
    page = BinMapPage("Bin map")
    page.resize(1300, 800)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    controller = BinMapController(page, database, runner, page)
    with qtbot.waitSignal(controller.sig_loaded, timeout=WAIT):
        controller.page_shown()
    return controller, world


def pixel(controller: BinMapController, location_id: int) -> QColor:
    """The colour on screen at a bin's centre."""
    view = controller.page.map
    image: QImage = view.viewport().grab().toImage()
    point = view.mapFromScene(view.scene_point_of(location_id))
    return image.pixelColor(point)


def english(text: str) -> str:
    """The text with its plural forms as the English translator writes them (until it has these)."""
    return text.replace("(s)", "s")


def close_to(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_the_page_draws_every_bin(opened) -> None:
    controller, world = opened
    page = controller.page
    assert page.map.bins is not None
    assert {b.id for b in page.map.bins.bins} == set(world.bins.values())
    assert page.warehouse.currentText() == "SCL9"
    assert english(page.message.text()) == f"{len(world.bins)} bins on the map."
    for location_id in world.bins.values():
        bin_ = page.map.bin(location_id)
        if bin_.kind == "storage":
            assert close_to(pixel(controller, location_id), page.map.colour_of(location_id)), bin_.code


def test_colour_modes_follow_the_data(qtbot: QtBot, opened) -> None:
    controller, world = opened
    page = controller.page
    full, empty = world.bins["A-01-A"], world.bins["A-03-A"]
    assert not close_to(pixel(controller, full), pixel(controller, empty))  # occupancy: 83 % vs empty
    assert page.map.colour_of(full) == QColor("#fb8c00")  # 76–100 %
    page.mode.setCurrentIndex(page.mode.findData("empty"))
    assert close_to(pixel(controller, empty), QColor("#1e88e5"))
    assert close_to(pixel(controller, full), QColor("#e0e0e0"))
    assert any("Empty (" in text for text in page.legend.labels)
    page.mode.setCurrentIndex(page.mode.findData("expiry"))
    assert close_to(pixel(controller, world.bins["A-02-A"]), QColor("#fb8c00"))  # within 30 days


def test_searching_a_sku_highlights_exactly_its_bins(qtbot: QtBot, opened) -> None:
    controller, world = opened
    page = controller.page
    page.search_field.setText("pol-m")
    with qtbot.waitSignal(controller.sig_searched, timeout=WAIT):
        qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert set(page.map.highlighted_ids()) == {world.bins["A-01-A"], world.bins["B-03-B"]}
    assert message_kind(page.message) == "success"
    assert english(page.message.text()) == "SKU POL-M Polera M: 2 bins"
    page.search_field.setText("NOPE")
    with qtbot.waitSignal(controller.sig_searched, timeout=WAIT):
        qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert page.map.highlighted_ids() == []
    assert message_kind(page.message) == "error"
    assert "NOPE" in page.message.text()


def test_clicking_a_bin_shows_what_it_holds(qtbot: QtBot, opened) -> None:
    controller, world = opened
    view = controller.page.map
    where = view.mapFromScene(view.scene_point_of(world.bins["A-02-A"]))
    with qtbot.waitSignal(controller.sig_details, timeout=WAIT) as shown:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert shown.args[0].code == "A-02-A"
    details = controller.page.details
    assert "A-02-A" in details.heading.text() and "5 units of 120" in english(details.heading.text())
    assert "MER-01" in details.contents.text() and "L-2611" in details.contents.text()
    assert "Receipt" in details.moves.text()


def test_the_level_selector_filters(qtbot: QtBot, opened) -> None:
    controller, world = opened
    page = controller.page
    assert [page.level.itemData(i) for i in range(page.level.count())] == ["", "A", "B"]
    with qtbot.waitSignal(controller.sig_loaded, timeout=WAIT):
        controller.select_level("B")
    levels = {b.level for b in page.map.bins.bins}
    assert levels == {"B", ""}
    assert page.map.bin(world.bins["A-01-A"]) is None and page.map.bin(world.bins["B-03-B"]) is not None
    assert page.level.currentData() == "B"
    page.search_field.setText("POL-M")
    with qtbot.waitSignal(controller.sig_searched, timeout=WAIT):
        qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert page.map.highlighted_ids() == [world.bins["B-03-B"]]
    assert english(page.message.text()) == "SKU POL-M Polera M: 2 bins (1 on other levels)"
    with qtbot.waitSignal(controller.sig_loaded, timeout=WAIT):
        controller.select_level(None)
    assert set(page.map.highlighted_ids()) == {world.bins["A-01-A"], world.bins["B-03-B"]}  # found again


def test_export_writes_a_png_and_a_pdf(qtbot: QtBot, opened, tmp_path: Path) -> None:
    controller, _world = opened
    with qtbot.waitSignal(controller.sig_exported, timeout=WAIT):
        controller.export_to(tmp_path / "map.png")
    image = QImage(str(tmp_path / "map.png"))
    assert image.width() == controller.page.map.viewport().width() and not image.isNull()
    controller.export_to(tmp_path / "map.pdf")
    assert (tmp_path / "map.pdf").read_bytes().startswith(b"%PDF")
    assert "map.pdf" in controller.page.message.text()


def test_show_picklist_draws_its_stored_route(qtbot: QtBot, opened, database: Database) -> None:
    controller, world = opened
    from station.db.models import Order, OrderLine, PicklistLine  # noqa: PLC0415 - only this test needs them

    with database.unit_of_work() as uow:
        s = uow.session
        variant = s.scalars(select(Variant).where(Variant.sku == "MER-01")).one()
        order = Order(tenant_id=variant.tenant_id, number="JLS-9", state="allocated", customer_name="Ana", total=0)
        s.add(order)
        s.flush()
        line = OrderLine(
            tenant_id=variant.tenant_id,
            order_id=order.id,
            variant_id=variant.id,
            sku="MER-01",
            title="x",
            quantity=1,
            unit_price=1,
        )
        s.add(line)
        s.flush()
        for sequence, code in enumerate(("A-02-A", "B-03-B"), start=1):
            s.add(
                PicklistLine(
                    picklist_id=world.picklist_id,
                    order_line_id=line.id,
                    variant_id=variant.id,
                    location_id=world.bins[code],
                    quantity=1,
                    sequence=sequence,
                )
            )
        uow.commit()
    with qtbot.waitSignal(controller.sig_route_shown, timeout=WAIT):
        controller.show_picklist(world.picklist_id)
    overlay = controller.page.map.overlay
    assert [(p.x(), p.y()) for p in overlay.route] == [(50, 50), (500, 50), (500, 900)]
    assert [label for _point, label in overlay.stops] == ["1 A-02-A", "2 B-03-B"]
    assert set(controller.page.map.highlighted_ids()) == {world.bins["A-02-A"], world.bins["B-03-B"]}
    assert "PL-7" in controller.page.message.text() and "13 m" in controller.page.message.text()
    route_point = controller.page.map.mapFromScene(QPointF(500, 400))
    image = controller.page.map.viewport().grab().toImage()
    assert close_to(image.pixelColor(route_point), QColor("#0d47a1"), tolerance=40)  # the route is drawn
    controller.page.map.clear_overlays()
    assert controller.page.map.overlay.is_empty()


def test_scanning_a_bin_code_shows_what_it_holds(qtbot: QtBot, opened) -> None:
    controller, world = opened
    page = controller.page
    page.search_field.setText("A-02-A")
    with qtbot.waitSignal(controller.sig_details, timeout=WAIT) as shown:
        qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert shown.args[0].code == "A-02-A"
    assert page.map.highlighted_ids() == [world.bins["A-02-A"]]
    assert "MER-01" in page.details.contents.text()
    qtbot.keyClick(page.search_field, Qt.Key.Key_Escape)
    assert page.search_field.text() == "" and page.map.highlighted_ids() == []


def test_move_arrows_are_drawn_from_bin_to_bin(opened) -> None:
    controller, world = opened
    view = controller.page.map
    before, after = view.scene_point_of(world.bins["A-01-A"]), view.scene_point_of(world.bins["B-03-B"])
    view.show_moves([((int(before.x()), int(before.y())), (int(after.x()), int(after.y())))])
    middle = view.mapFromScene((before + after) / 2)
    assert close_to(view.viewport().grab().toImage().pixelColor(middle), QColor("#2e7d32"), tolerance=40)
    view.clear_overlays()
    assert view.overlay.moves == []


def test_a_warehouse_without_layout_draws_its_bins_and_says_so(
    qtbot: QtBot, database: Database, runner: TaskRunner
) -> None:
    with database.unit_of_work() as uow:
        warehouse = Warehouse(code="BARE", name="Bare")
        uow.session.add(warehouse)
        uow.session.flush()
        uow.session.add_all(
            [
                Location(warehouse_id=warehouse.id, code=f"A-0{i}-A", kind="storage", x=100 * i, y=0, level="A")
                for i in (1, 2)
            ]
        )
        uow.commit()
    page = BinMapPage("Bin map")
    qtbot.addWidget(page)
    controller = BinMapController(page, database, runner, page)
    with qtbot.waitSignal(controller.sig_loaded, timeout=WAIT):
        controller.page_shown()
    assert len(page.map.bins.bins) == 2
    assert "No layout: run `station layout derive`" in page.message.text()


def test_f5_opens_the_bin_map_in_the_main_window(
    qtbot: QtBot, database: Database, runner: TaskRunner, settings: Settings, station_home: StationPaths, sample
) -> None:
    build_small_warehouse_in(database)
    main = create_main_window(database, sample.admin, settings=settings, paths=station_home, runner=runner)
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=WAIT)
    bin_map = main.controller.bin_map
    with qtbot.waitSignal(bin_map.sig_loaded, timeout=WAIT):
        qtbot.keyClick(main.focusWidget() or main, Qt.Key.Key_F5)
    assert main.controller.current_page == "bin_map"
    assert bin_map.page.warehouse.currentText() == "SCL8"  # the warehouse with the most bins
    assert bin_map.page.search_field.hasFocus()


def build_small_warehouse_in(database: Database) -> None:
    """A generated warehouse beside the sample's (which has no bins), for the main-window test."""
    with database.unit_of_work() as uow:
        warehouse = Warehouse(code="SCL8", name="Santiago 8")
        uow.session.add(warehouse)
        uow.session.flush()
        generate_layout(uow.session, warehouse, aisles=2, racks=2, levels=1, docks=1, pack_stations=1)
        uow.commit()
