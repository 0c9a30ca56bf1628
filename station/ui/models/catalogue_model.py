"""The Catalogue tab's tables: products found by the search, and the SKU grid of the variant matrix.

The grid is the editor's preview: one row per combination (plus stored SKUs the new axes drop, greyed).
Weight, dimensions and price are edited in place; the image column shows a thumbnail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from station.domain.money import InvalidAmount, format_money, parse_money
from station.services.variant_matrix import RowStatus, VariantInput, VariantRow
from station.services.variant_matrix_queries import ProductRow
from station.ui.models.rows_model import Column, RowsTableModel

_Index = QModelIndex | QPersistentModelIndex
THUMBNAIL = 36  # pixels
SKU, NAME, BARCODE, WEIGHT, DIMENSIONS, PRICE, IMAGE = range(7)
NUMBER_FIELDS = {WEIGHT: "weight_g", PRICE: "price"}
DIMENSION_FIELDS = ("length_mm", "width_mm", "height_mm")
EDITABLE = (WEIGHT, DIMENSIONS, PRICE)
_DIMENSION_SEPARATORS = re.compile(r"\s*[x×X*]\s*|\s+")
_REMOVED_TEXT = QColor("#94A3B8")
_NEW_BACKGROUND = QColor("#F0FDF4")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def product_columns() -> list[Column[ProductRow]]:
    translate = QCoreApplication.translate
    return [
        Column(lambda: translate("CatalogueProducts", "Code"), lambda r: r.code, lambda r: r.code),
        Column(lambda: translate("CatalogueProducts", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
        Column(lambda: translate("CatalogueProducts", "SKUs"), lambda r: str(r.skus), lambda r: r.skus, numeric=True),
    ]


class CatalogueProductsModel(RowsTableModel[ProductRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(product_columns(), parent)


@dataclass(frozen=True)
class GridRow:
    """A preview row and what the user changed on it."""

    row: VariantRow
    edited: frozenset[str] = frozenset()  # fields typed in: weight_g, …, price
    new_image: Path | None = None  # chosen in this session, copied in on save

    @property
    def image(self) -> Path | None:
        return self.new_image or self.row.image

    def as_input(self) -> VariantInput:
        values = {name: getattr(self.row, name) for name in self.edited}
        return VariantInput(dict(self.row.attributes), image=self.new_image, **values)


class VariantsGridModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._pixmaps: dict[Path, QPixmap | None] = {}

    @property
    def rows(self) -> list[GridRow]:
        return list(self._rows)

    def set_rows(self, rows: list[VariantRow]) -> None:
        """New preview rows; what was typed or chosen for a combination still in the matrix is kept."""
        earlier = {frozenset(grid.row.attributes.items()): grid for grid in self._rows}
        merged: list[GridRow] = []
        for row in rows:
            before = earlier.get(frozenset(row.attributes.items()))
            if before is None or row.status is RowStatus.REMOVED:
                merged.append(GridRow(row))
                continue
            typed = {name: getattr(before.row, name) for name in before.edited}
            merged.append(replace(before, row=replace(row, **typed)))
        self.beginResetModel()
        self._rows = merged
        self.endResetModel()

    def inputs(self) -> list[VariantInput]:
        """What the user typed or chose, for the combinations that stay."""
        return [
            grid.as_input()
            for grid in self._rows
            if grid.row.status is not RowStatus.REMOVED and (grid.edited or grid.new_image)
        ]

    def set_image(self, row: int, path: Path) -> None:
        self._rows[row] = replace(self._rows[row], new_image=path)
        self._pixmaps.pop(path, None)
        self.dataChanged.emit(self.index(row, IMAGE), self.index(row, IMAGE))

    def is_removed(self, row: int) -> bool:
        return self._rows[row].row.status is RowStatus.REMOVED

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE and not self.is_removed(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        grid, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(grid, column)
        if role == Qt.ItemDataRole.EditRole and column in NUMBER_FIELDS:
            return str(getattr(grid.row, NUMBER_FIELDS[column]))
        if role == Qt.ItemDataRole.EditRole and column == DIMENSIONS:
            return "x".join(str(getattr(grid.row, name)) for name in DIMENSION_FIELDS)
        if role == Qt.ItemDataRole.DecorationRole and column == IMAGE:
            return self._thumbnail(grid.image)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == IMAGE:
                return str(grid.image) if grid.image is not None else None
            return f"{grid.row.name} · {self.state_text(grid.row.status)}"
        if role == Qt.ItemDataRole.FontRole and grid.row.status is RowStatus.REMOVED:
            font = QFont()
            font.setStrikeOut(True)  # deactivated on save
            return font
        if role == Qt.ItemDataRole.ForegroundRole and grid.row.status is RowStatus.REMOVED:
            return QBrush(_REMOVED_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and grid.row.status is RowStatus.NEW:
            return QBrush(_NEW_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column in EDITABLE else _LEFT)
        if role == Qt.ItemDataRole.SizeHintRole and column == IMAGE:
            return QSize(THUMBNAIL + 24, THUMBNAIL + 6)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE or self.is_removed(index.row()):
            return False
        if index.column() == DIMENSIONS:
            parts = [self._number(WEIGHT, part) for part in _DIMENSION_SEPARATORS.split(str(value).strip())]
            if len(parts) != 3 or None in parts:
                return False
            values = dict(zip(DIMENSION_FIELDS, parts, strict=True))
        else:
            number = self._number(index.column(), str(value))
            if number is None:
                return False
            values = {NUMBER_FIELDS[index.column()]: number}
        grid = self._rows[index.row()]
        self._rows[index.row()] = replace(grid, row=replace(grid.row, **values), edited=grid.edited | set(values))
        self.dataChanged.emit(index, index)
        return True

    @staticmethod
    def _number(column: int, text: str) -> int | None:
        text = text.strip() or "0"
        if column == PRICE:
            try:
                amount = parse_money(text, "CLP")
            except InvalidAmount:
                return None
            return amount if amount >= 0 else None
        digits = text.replace(".", "").replace(",", "").replace(" ", "")
        return int(digits) if digits.isdigit() else None

    def _display(self, grid: GridRow, column: int) -> str:
        row = grid.row
        if column == SKU:
            return row.sku
        if column == NAME:
            return row.name
        if column == BARCODE:
            return row.barcode or self.tr("on save")
        if column == WEIGHT:
            return QLocale().toString(row.weight_g)
        if column == DIMENSIONS:
            return " × ".join(QLocale().toString(getattr(row, name)) for name in DIMENSION_FIELDS)
        if column == PRICE:
            return format_money(row.price, "CLP")
        if column == IMAGE:
            return "" if grid.image is not None else self.tr("none")
        return ""

    def state_text(self, status: RowStatus) -> str:
        return {
            RowStatus.NEW: self.tr("new"),
            RowStatus.KEPT: self.tr("saved"),
            RowStatus.REACTIVATED: self.tr("back"),
            RowStatus.REMOVED: self.tr("deactivated"),
        }[status]

    def _thumbnail(self, path: Path | None) -> QPixmap | None:
        if path is None:
            return None
        if path not in self._pixmaps:
            pixmap = QPixmap(str(path)) if path.is_file() else QPixmap()
            self._pixmaps[path] = (
                None
                if pixmap.isNull()
                else pixmap.scaled(
                    THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        return self._pixmaps[path]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if section in EDITABLE else _LEFT)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("SKU"),
            self.tr("Name"),
            self.tr("Barcode"),
            self.tr("Weight g"),
            self.tr("L × W × H mm"),
            self.tr("Price CLP"),
            self.tr("Image"),
        )
        return headers[section] if 0 <= section < len(headers) else None
