"""The Inventory page's Catalogue tab: a new product's variant matrix typed in, previewed, saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_sample import Sample
from ui_windows import show_and_activate

from station.config import Settings, StationPaths
from station.db import Database
from station.services.variant_matrix_queries import search_products
from station.ui.controllers.catalogue_controller import CatalogueController, build_catalogue_tab
from station.ui.controllers.inventory_controller import InventoryContext, InventoryController
from station.ui.models.catalogue_model import BARCODE, DIMENSIONS, IMAGE, PRICE, SKU, WEIGHT
from station.ui.tasks import TaskRunner
from station.ui.views.inventory_view import InventoryView


@pytest.fixture
def page(
    qtbot: QtBot, database: Database, sample: Sample, runner: TaskRunner, station_home: StationPaths
) -> InventoryController:
    context = InventoryContext(database, sample.admin, Settings(station_name="bench-7"), station_home, runner)
    view = InventoryView("Inventory")
    qtbot.addWidget(view)
    controller = InventoryController(
        view, context, lambda shown, total: f"{shown}/{total}", factories=(build_catalogue_tab,)
    )
    view.resize(1400, 860)
    view.show()
    return controller


def open_catalogue(qtbot: QtBot, page: InventoryController) -> CatalogueController:
    catalogue = page.tabs["catalogue"].controller
    assert isinstance(catalogue, CatalogueController)
    with qtbot.waitSignal(catalogue.sig_searched, timeout=10_000):
        page.show_tab("catalogue")
    return catalogue


def png(path: Path, colour: str) -> Path:
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def type_axis(catalogue: CatalogueController, name: str, values: str) -> None:
    view = catalogue.view
    QTest.keyClicks(view.axis_name, name)
    QTest.keyClick(view.axis_name, Qt.Key.Key_Return)  # on to the values
    assert view.axis_values.hasFocus()
    QTest.keyClicks(view.axis_values, values)
    QTest.keyClick(view.axis_values, Qt.Key.Key_Return)  # adds the axis


def column(catalogue: CatalogueController, number: int) -> list[str]:
    model = catalogue.view.grid.model()
    return [model.index(row, number).data() for row in range(model.rowCount())]


def states(catalogue: CatalogueController) -> list[str]:
    """What each row's tooltip says it is: new, saved, back, deactivated."""
    model = catalogue.view.grid.model()
    return [
        model.index(row, SKU).data(Qt.ItemDataRole.ToolTipRole).rsplit(" · ", 1)[1] for row in range(model.rowCount())
    ]


def edit_cell(catalogue: CatalogueController, row: int, number: int, text: str) -> None:
    grid = catalogue.view.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(row, number))
    QTest.keyClicks(grid, text[0])  # typing over a cell opens its editor (F2 belongs to the Orders page)
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    assert editor is not grid
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_a_new_product_with_three_sizes_and_two_colours_is_saved_with_six_skus_and_an_image(
    qtbot: QtBot, page: InventoryController, database: Database, station_home: StationPaths, tmp_path: Path
) -> None:
    catalogue = open_catalogue(qtbot, page)
    view = catalogue.view
    assert view.search_field.hasFocus()
    view.new_button.click()
    assert view.code.hasFocus()
    QTest.keyClicks(view.code, "POL-300")
    QTest.keyClicks(view.name, "Polera Lino")
    type_axis(catalogue, "size", "S, M, L")
    type_axis(catalogue, "colour", "Rojo, Azul")

    assert view.axes.count() == 2
    assert column(catalogue, SKU) == [f"POL-300-{s}-{c}" for s in "SML" for c in ("ROJ", "AZU")]
    assert set(states(catalogue)) == {"new"} and set(column(catalogue, BARCODE)) == {"on save"}
    assert view.grid_heading.text().startswith("6 SKU") and view.grid_heading.text().endswith(" · 6 new")

    edit_cell(catalogue, 0, WEIGHT, "250")
    edit_cell(catalogue, 0, DIMENSIONS, "300x220 x 30")
    edit_cell(catalogue, 0, PRICE, "12.990")
    assert column(catalogue, WEIGHT)[0] == "250" and column(catalogue, PRICE)[0] == "$12.990"
    assert column(catalogue, DIMENSIONS)[:2] == ["300 × 220 × 30", "0 × 0 × 0"]
    picture = png(tmp_path / "azul-s.png", "#0EA5E9")
    catalogue.choose_image = lambda parent: picture
    view.grid.setCurrentIndex(view.grid.model().index(1, SKU))
    view.image_button.click()
    assert isinstance(view.grid.model().index(1, IMAGE).data(Qt.ItemDataRole.DecorationRole), QPixmap)

    with qtbot.waitSignal(catalogue.sig_saved, timeout=10_000):
        view.save_button.click()

    assert view.message.objectName() == "successMessage"
    assert view.message.text().startswith("Saved POL-300: 6 new SKU")
    assert set(states(catalogue)) == {"saved"}
    barcodes = column(catalogue, BARCODE)
    assert len(set(barcodes)) == 6 and all(code.startswith("200") and len(code) == 13 for code in barcodes)
    assert column(catalogue, WEIGHT)[0] == "250" and column(catalogue, PRICE)[0] == "$12.990"
    assert column(catalogue, DIMENSIONS)[0] == "300 × 220 × 30"
    stored = station_home.data_dir / "images" / "ACME" / "POL-300-S-AZU.png"
    assert stored.is_file()
    assert isinstance(view.grid.model().index(1, IMAGE).data(Qt.ItemDataRole.DecorationRole), QPixmap)
    assert view.code.isReadOnly()  # a stored product's code is its key

    # Later: one more size adds only its two combinations.
    view.axes.setCurrentRow(0)  # size: S, M, L → into the fields
    assert (view.axis_name.text(), view.axis_values.text()) == ("size", "S, M, L")
    view.axis_values.setFocus()
    QTest.keyClicks(view.axis_values, ", XL")
    QTest.keyClick(view.axis_values, Qt.Key.Key_Return)
    assert states(catalogue).count("new") == 2
    with qtbot.waitSignal(catalogue.sig_saved, timeout=10_000):
        view.save_button.click()
    assert view.message.text().startswith("Saved POL-300: 2 new SKU")
    assert [row.skus for row in search_products(database, "ACME", "POL-300")] == [8]

    # Dropping a size deactivates its SKUs (struck through until saved).
    view.axes.setCurrentRow(0)
    view.axis_values.setText("M, L, XL")
    QTest.keyClick(view.axis_values, Qt.Key.Key_Return)
    assert states(catalogue).count("deactivated") == 2
    assert view.grid_heading.text().endswith(" · 2 to deactivate")
    with qtbot.waitSignal(catalogue.sig_saved, timeout=10_000):
        view.save_button.click()
    assert view.message.text().startswith("Saved POL-300: 0 new SKU") and view.message.text().endswith(
        ", 2 deactivated"
    )
    assert [row.skus for row in search_products(database, "ACME", "POL-300")] == [6]


def test_a_missing_image_is_named_and_nothing_is_saved(
    qtbot: QtBot, page: InventoryController, database: Database, tmp_path: Path
) -> None:
    catalogue = open_catalogue(qtbot, page)
    view = catalogue.view
    view.new_button.click()
    QTest.keyClicks(view.code, "GOR-1")
    QTest.keyClicks(view.name, "Gorro")
    type_axis(catalogue, "colour", "Negro")
    missing = tmp_path / "gone.png"
    catalogue.choose_image = lambda parent: missing
    view.grid.setCurrentIndex(view.grid.model().index(0, SKU))
    view.image_button.click()

    with qtbot.waitSignal(catalogue.sig_failed, timeout=10_000):
        view.save_button.click()
    assert view.message.objectName() == "errorMessage"
    assert view.message.text() == f"Image {missing} does not exist"
    assert search_products(database, "ACME", "GOR") == []


def test_a_product_found_by_name_opens_with_its_skus(qtbot: QtBot, page: InventoryController) -> None:
    catalogue = open_catalogue(qtbot, page)
    view = catalogue.view
    QTest.keyClicks(view.search_field, "poler")
    with qtbot.waitSignal(catalogue.sig_loaded, timeout=10_000):
        QTest.keyClick(view.search_field, Qt.Key.Key_Return)
    assert view.code.text() == "P1" and view.name.text() == "Polera"
    assert sorted(column(catalogue, SKU)) == ["POL-M-ROJ", "TAZ-01"]


def test_the_keyboard_walks_from_the_search_to_a_product_and_saves_it(qtbot: QtBot, page: InventoryController) -> None:
    show_and_activate(qtbot, page.view)
    catalogue = open_catalogue(qtbot, page)
    view = catalogue.view
    QTest.keyClicks(view.search_field, "p1")
    with qtbot.waitSignal(catalogue.sig_searched, timeout=10_000):
        pass  # the search runs once typing pauses
    QTest.keyClick(view.search_field, Qt.Key.Key_Down)
    assert view.products.hasFocus()
    with qtbot.waitSignal(catalogue.sig_loaded, timeout=10_000):
        QTest.keyClick(view.products, Qt.Key.Key_Return)
    assert view.code.text() == "P1"
    # P1's two SKUs carry no attributes: one is the product's single SKU, the other is flagged
    assert view.message.objectName() == "infoMessage" and view.message.text().endswith(": TAZ-01")

    view.axis_name.setFocus()
    type_axis(catalogue, "size", "M")
    view.grid.setFocus()
    with qtbot.waitSignal(catalogue.sig_saved, timeout=10_000):
        QTest.keyClick(view.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.message.text().startswith("Saved P1: 1 new SKU")
    assert "2 deactivated" in view.message.text()  # POL-M-ROJ and TAZ-01 had no size
