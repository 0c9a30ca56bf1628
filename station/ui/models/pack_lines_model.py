"""The order's lines at the packing bench: image, SKU, name, bin, verified of expected.

A line is green once every unit is scanned; the line waiting for a serial number is cyan. The
model holds the session's own `PackLine` objects; call `refresh()` after each scan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPixmap

from station.services.packing import PackLine

_Index = QModelIndex | QPersistentModelIndex
IMAGE, SKU, NAME, BIN, COUNT = range(5)
IMAGE_SIZE = 44
DONE_BACKGROUND = QColor("#DCFCE7")
WAITING_BACKGROUND = QColor("#E0F2FE")
_CENTER = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class PackLinesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[PackLine] = []
        self._awaiting_serial: int | None = None  # line id
        self._pixmaps: dict[str, QPixmap | None] = {}

    @property
    def lines(self) -> list[PackLine]:
        return list(self._lines)

    def set_lines(self, lines: list[PackLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._awaiting_serial = None
        self.endResetModel()

    def set_awaiting_serial(self, line_id: int | None) -> None:
        self._awaiting_serial = line_id
        self.refresh()

    def refresh(self) -> None:
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, COUNT))

    def row_of(self, line_id: int) -> int:
        return next((row for row, line in enumerate(self._lines) if line.line_id == line_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.DecorationRole and column == IMAGE:
            return self._pixmap(line.image_path)
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.line_id == self._awaiting_serial:
                return QBrush(WAITING_BACKGROUND)
            if line.done:
                return QBrush(DONE_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_CENTER if column in (IMAGE, COUNT) else _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and line.serials:
            return self.tr("Serial numbers: %1").replace("%1", ", ".join(line.serials))
        if role == Qt.ItemDataRole.SizeHintRole and column == IMAGE:
            return QSize(IMAGE_SIZE + 12, IMAGE_SIZE + 8)
        return None

    def _display(self, line: PackLine, column: int) -> str:
        if column == SKU:
            return line.sku
        if column == NAME:
            if line.serials:
                return f"{line.name}  ·  S/N {', '.join(line.serials)}"
            return line.name
        if column == BIN:
            return line.bin_code or "—"
        if column == COUNT:
            return f"{line.verified} / {line.expected}"
        return ""

    def _pixmap(self, path: str | None) -> QPixmap | None:
        if not path:
            return None
        if path not in self._pixmaps:
            pixmap = QPixmap(path) if Path(path).is_file() else QPixmap()
            self._pixmaps[path] = (
                None
                if pixmap.isNull()
                else pixmap.scaled(IMAGE_SIZE, IMAGE_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            )
        return self._pixmaps[path]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = (
                "", self.tr("SKU"), self.tr("Name"), self.tr("Bin"), self.tr("Scanned"),
            )
            return headers[section] if 0 <= section < len(headers) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_CENTER if section in (IMAGE, COUNT) else _LEFT)
        return None
