"""Walkthrough: the Catalogue tab on demo data — a new polo shirt in 3 sizes × 2 colours, with images.

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/inventory_catalogue.py resources/screenshots [--language es]

Writes inventory-catalogue-1-open (a demo product found and opened), -2-matrix (the six SKUs before saving, images chosen) and
-3-saved (after Save: internal EAN-13s assigned, images copied into the station's data directory).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPolygonF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from station.ui.controllers.catalogue_controller import CatalogueController
from station.ui.models.catalogue_model import DIMENSIONS, PRICE, SKU, WEIGHT
from station.ui.walkthrough import DemoWindow, demo_window

COLOURS = {"Rojo": "#DC2626", "Azul": "#2563EB"}
# size → weight g, length × width × height mm, price CLP (as typed by the user)
SIZES = {
    "S": ("180", "300x220x30", "12.990"),
    "M": ("200", "310x230x30", "12.990"),
    "L": ("220", "320x240x35", "13.990"),
}


def shirt_image(path: Path, colour: str, size: str) -> Path:
    """A small product photo stand-in: a shirt of the colour with its size on it."""
    image = QImage(160, 160, QImage.Format.Format_ARGB32)
    image.fill(QColor("#F8FAFC"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor("#0F172A"))
    outline = [
        (50, 20),
        (110, 20),
        (150, 50),
        (130, 75),
        (115, 65),
        (115, 145),
        (45, 145),
        (45, 65),
        (30, 75),
        (10, 50),
    ]
    painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in outline]))
    painter.setPen(QColor("white"))
    painter.setFont(QFont("Sans", 34, QFont.Weight.Bold))
    painter.drawText(image.rect().adjusted(0, 30, 0, 0), Qt.AlignmentFlag.AlignCenter, size)
    painter.end()
    image.save(str(path))
    return path


def type_axis(catalogue: CatalogueController, name: str, values: str) -> None:
    view = catalogue.view
    view.axis_name.setFocus()
    QTest.keyClicks(view.axis_name, name)
    QTest.keyClick(view.axis_name, Qt.Key.Key_Return)
    QTest.keyClicks(view.axis_values, values)
    QTest.keyClick(view.axis_values, Qt.Key.Key_Return)


def edit_cell(catalogue: CatalogueController, row: int, column: int, text: str) -> None:
    grid = catalogue.view.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(row, column))
    QTest.keyClicks(grid, text[0])  # typing over a cell opens its editor (F2 belongs to the Orders page)
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    assert editor is not grid
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def walk(demo: DemoWindow, images: Path) -> None:
    demo.controller.show_page("inventory")
    inventory = demo.controller.inventory
    assert inventory is not None
    catalogue = inventory.tabs["catalogue"].controller  # type: ignore[union-attr]
    assert isinstance(catalogue, CatalogueController)
    found: list[int] = []
    catalogue.sig_searched.connect(found.append)
    inventory.show_tab("catalogue")
    demo.settle(lambda: bool(found))
    loaded: list[str] = []
    catalogue.sig_loaded.connect(loaded.append)
    QTest.keyClicks(catalogue.view.search_field, "polera")
    QTest.keyClick(catalogue.view.search_field, Qt.Key.Key_Return)  # opens the first product found
    demo.settle(lambda: bool(loaded))
    demo.save("inventory-catalogue-1-open")

    view = catalogue.view
    QTest.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view.new_button.click()  # the same, should the shortcut not reach an offscreen window
    QTest.keyClicks(view.code, "POL-900")
    view.name.setFocus()
    view.name.insert("Polera Piqué Andes")  # QTest types ASCII only; insert() is what typing does
    QTest.keyClicks(view.brand, "Andes Wear")
    QTest.keyClicks(view.category, "Poleras")
    type_axis(catalogue, "size", "S, M, L")
    type_axis(catalogue, "colour", "Rojo, Azul")
    model = view.grid.model()
    for row in range(model.rowCount()):
        size, colour = model.index(row, SKU).data().split("-")[-2], ("Rojo", "Azul")[row % 2]
        for column, text in zip((WEIGHT, DIMENSIONS, PRICE), SIZES[size], strict=True):
            edit_cell(catalogue, row, column, text)
        picture = shirt_image(images / f"{size}-{colour}.png", COLOURS[colour], size)
        catalogue.choose_image = lambda _parent, picture=picture: picture
        view.grid.setCurrentIndex(model.index(row, SKU))
        view.image_button.click()
    demo.pause()
    demo.save("inventory-catalogue-2-matrix")

    saved: list[object] = []
    catalogue.sig_saved.connect(saved.append)
    catalogue.sig_failed.connect(lambda message: saved.append(message))
    view.save_button.click()
    demo.settle(lambda: bool(saved))
    demo.pause()
    demo.save("inventory-catalogue-3-saved")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as images, demo_window(args.out_dir, language=args.language) as demo:
        walk(demo, Path(images))


if __name__ == "__main__":
    main()
