"""What the bin map paints: the bins (one item for all of them), the walking network, and overlays.

Fifty thousand QGraphicsRectItems make the scene slow to build and to index, so `BinsItem` is one item
that keeps the bins in a spatial grid and paints only the grid cells the view exposes, one
`drawRects` call per colour class and cell. Zoomed far out (a bin smaller than a pixel or two) it
paints a pre-rendered overview image instead: the level-of-detail that keeps panning fluid.
"""

from __future__ import annotations

import math
from collections import defaultdict

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from station.domain.layout import Layout
from station.services.bin_map import MapBin
from station.ui.views.bin_map_colours import ColourMode

GRID_CELLS = 64  # per side of the map's bounding box
LARGE = (-1, -1)  # the pseudo-cell of places larger than a cell
OVERVIEW_PIXELS = 4096  # the overview image's longer side
OVERVIEW_UPSCALE = 1.5  # the overview serves up to this much enlarged: bins are still only 2-3 px then
OUTLINE_FROM_PX = 5  # bins at least this many pixels across get an outline
LABEL_FROM_PX = 40  # … and their code written in them
PLACE_LABEL_FROM = 0.25  # pixels per cm from which docks and benches are named


class BinsItem(QGraphicsItem):
    """Every bin of the map, painted from a spatial grid in one colour per class."""

    def __init__(self, bins: list[MapBin]) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.bins = bins
        self.rects = [QRectF(b.x, b.y, max(b.width, 1), max(b.height, 1)) for b in bins]
        self.index_of = {b.id: index for index, b in enumerate(bins)}
        self._bounds = QRectF()
        for rect in self.rects:
            self._bounds = self._bounds.united(rect)
        if self._bounds.isEmpty():
            self._bounds = QRectF(0, 0, 1000, 1000)
        self._cell_w = max(self._bounds.width() / GRID_CELLS, 1.0)
        self._cell_h = max(self._bounds.height() / GRID_CELLS, 1.0)
        # A rect lives in the cell of its top-left corner; a look-up reaches back by the largest ordinary
        # bin. Places larger than a cell (a dock area) are kept aside and always looked at.
        self.cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.large: list[int] = []
        for index, rect in enumerate(self.rects):
            if rect.width() > self._cell_w or rect.height() > self._cell_h:
                self.large.append(index)
            else:
                self.cells[self._cell(rect.x(), rect.y())].append(index)
        large = set(self.large)
        self._reach = max((max(r.width(), r.height()) for i, r in enumerate(self.rects) if i not in large), default=0.0)
        # The typical bin's narrow side decides outlines and labels (a few odd places must not).
        sides = sorted(min(r.width(), r.height()) for r in self.rects)
        self._narrow = sides[len(sides) // 2] if sides else 100.0
        self.classes: list[int] = [0] * len(bins)
        self.mode: ColourMode | None = None
        self._batches: dict[tuple[int, int], list[tuple[QBrush, list[QRectF]]]] = {}
        self._overview: QImage | None = None
        self._overview_scale = 1.0
        self._smaller: list[tuple[float, QImage]] = []  # the overview halved, and halved again: less to shrink

    def _cell(self, x: float, y: float) -> tuple[int, int]:
        column = int((x - self._bounds.x()) / self._cell_w)
        row = int((y - self._bounds.y()) / self._cell_h)
        return min(max(column, 0), GRID_CELLS - 1), min(max(row, 0), GRID_CELLS - 1)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def set_mode(self, mode: ColourMode) -> None:
        """Colour every bin by `mode`; the batches per cell and the overview are rebuilt once here."""
        self.mode = mode
        self.classes = [mode.classify(b) for b in self.bins]
        brushes = [QBrush(colour) for colour in mode.colours]
        self._batches = {}
        for cell, indexes in [*self.cells.items(), (LARGE, self.large)]:
            by_class: dict[int, list[QRectF]] = defaultdict(list)
            for index in indexes:
                by_class[self.classes[index]].append(self.rects[index])
            self._batches[cell] = [(brushes[c], rects) for c, rects in sorted(by_class.items())]
        self._overview = self._render_overview()
        self._smaller = []
        image, scale = self._overview, self._overview_scale
        for _ in range(3):
            scale /= 2
            image = image.scaled(
                max(1, image.width() // 2),
                max(1, image.height() // 2),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self._smaller.append((scale, image))
        self.update()

    def colour_of(self, location_id: int) -> QColor:
        """The colour a bin is painted in now (for the legend, tests and tooltips)."""
        assert self.mode is not None
        return self.mode.colours[self.classes[self.index_of[location_id]]]

    def bin_at(self, point: QPointF) -> MapBin | None:
        """The bin under a scene point, if any."""
        for index in self._indexes_near(QRectF(point, point)):
            if self.rects[index].contains(point):
                return self.bins[index]
        return None

    def _cells_near(self, area: QRectF) -> list[tuple[int, int]]:
        """The cells whose bins may overlap `area`, and the pseudo-cell of the large places."""
        first = self._cell(area.left() - self._reach, area.top() - self._reach)
        last = self._cell(area.right(), area.bottom())
        near = [(c, r) for c in range(first[0], last[0] + 1) for r in range(first[1], last[1] + 1)]
        return [*near, LARGE]

    def _indexes_near(self, area: QRectF) -> list[int]:
        return [
            i for cell in self._cells_near(area) for i in (self.large if cell == LARGE else self.cells.get(cell, ()))
        ]

    def _render_overview(self) -> QImage:
        scale = OVERVIEW_PIXELS / max(self._bounds.width(), self._bounds.height())
        image = QImage(
            max(1, math.ceil(self._bounds.width() * scale)),
            max(1, math.ceil(self._bounds.height() * scale)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.translate(-self._bounds.topLeft())
        painter.setPen(Qt.PenStyle.NoPen)
        for batches in self._batches.values():
            for brush, rects in batches:
                painter.setBrush(brush)
                painter.drawRects(rects)
        painter.end()
        self._overview_scale = scale
        return image

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.mode is None:
            return
        pixels_per_cm = option.levelOfDetailFromTransform(painter.worldTransform())
        # QGraphicsView.render() exposes the whole item: keep to what the device can show.
        device = painter.device()
        on_device = painter.worldTransform().inverted()[0].mapRect(QRectF(0, 0, device.width(), device.height()))
        exposed = option.exposedRect.intersected(on_device)
        if pixels_per_cm <= self._overview_scale * OVERVIEW_UPSCALE and self._overview is not None:
            self._paint_overview(painter, exposed, pixels_per_cm)
            return
        outline = self._narrow * pixels_per_cm >= OUTLINE_FROM_PX
        painter.setPen(QPen(QColor("#78909c"), 0) if outline else Qt.PenStyle.NoPen)
        cells = self._cells_near(exposed)
        for cell in cells:
            for brush, rects in self._batches.get(cell, ()):
                painter.setBrush(brush)
                painter.drawRects(rects)
        if self._narrow * pixels_per_cm >= 12:
            self._paint_codes(painter, exposed, pixels_per_cm)

    def _paint_overview(self, painter: QPainter, exposed: QRectF, pixels_per_cm: float) -> None:
        """The overview image, or the smallest of its halvings still as sharp as the screen needs."""
        image, scale = self._overview, self._overview_scale
        for smaller_scale, smaller in self._smaller:
            if smaller_scale >= pixels_per_cm:
                image, scale = smaller, smaller_scale
        visible = exposed.intersected(self._bounds)
        source = QRectF(
            (visible.x() - self._bounds.x()) * scale,
            (visible.y() - self._bounds.y()) * scale,
            visible.width() * scale,
            visible.height() * scale,
        )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(visible, image, source)

    def _paint_codes(self, painter: QPainter, exposed: QRectF, pixels_per_cm: float) -> None:
        """Bin codes, where a bin is wide enough on screen to hold one (rotated along narrow strips)."""
        font = QFont()
        font.setPixelSize(11)
        painter.setFont(font)
        painter.setPen(QColor("#263238"))
        for index in self._indexes_near(exposed):
            rect = self.rects[index]
            if not rect.intersects(exposed):
                continue
            wide, tall = rect.width() * pixels_per_cm, rect.height() * pixels_per_cm
            if max(wide, tall) < LABEL_FROM_PX or min(wide, tall) < 12:
                continue
            painter.save()
            painter.translate(rect.center())
            painter.scale(1 / pixels_per_cm, 1 / pixels_per_cm)
            if tall > wide:
                painter.rotate(-90)
                wide, tall = tall, wide
            painter.drawText(
                QRectF(-wide / 2, -tall / 2, wide, tall), Qt.AlignmentFlag.AlignCenter, self.bins[index].code
            )
            painter.restore()


class LayoutItem(QGraphicsItem):
    """The walking network under the bins: aisle walkways, cross-aisles, places with their codes."""

    def __init__(self, layout: Layout, bins_bounds: QRectF) -> None:
        super().__init__()
        self.layout = layout
        half = layout.aisle_width / 2
        left = min(a.x for a in layout.aisles) - half - layout.rack_depth
        right = max(a.x for a in layout.aisles) + half + layout.rack_depth
        ys = [layout.front, layout.back, *(p.y for p in layout.places)]
        xs = [left, right, *(p.x for p in layout.places)]
        self._bounds = QRectF(min(xs), min(ys) - half, max(xs) - min(xs), max(ys) - min(ys) + 2 * half).united(
            bins_bounds
        )
        self._walkways = [
            QRectF(a.x - half, layout.front, layout.aisle_width, layout.back - layout.front) for a in layout.aisles
        ]
        self._crossings = [QRectF(left, y - half, right - left, layout.aisle_width) for y in layout.cross_aisles]

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds.adjusted(-200, -200, 200, 200)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pixels_per_cm = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#f5f1e6"))
        painter.drawRects([*self._walkways, *self._crossings])
        painter.setPen(QPen(QColor("#bcaaa4"), 0, Qt.PenStyle.DashLine))
        for aisle, walkway in zip(self.layout.aisles, self._walkways, strict=True):
            painter.drawLine(QLineF(aisle.x, walkway.top(), aisle.x, walkway.bottom()))
        font = QFont()
        font.setPixelSize(14)
        font.setBold(True)
        for aisle in self.layout.aisles:
            _label(
                painter,
                QPointF(aisle.x, self.layout.back + self.layout.aisle_width),
                aisle.code,
                pixels_per_cm,
                font,
                "#5d4037",
            )
        for place in self.layout.places:
            painter.setPen(QPen(QColor("#37474f"), 0))
            painter.setBrush(QColor("#90caf9") if place.kind == "packing" else QColor("#ffcc80"))
            size = 8 / pixels_per_cm
            painter.drawEllipse(QPointF(place.x, place.y), size, size)
            if pixels_per_cm >= PLACE_LABEL_FROM:  # benches stand close together: their codes overlap further out
                _label(painter, QPointF(place.x, place.y + 2.6 * size), place.code, pixels_per_cm, font, "#37474f")


def _label(painter: QPainter, at: QPointF, text: str, pixels_per_cm: float, font: QFont, colour: str) -> None:
    """Text of a constant size on screen, centred on a scene point."""
    painter.save()
    painter.translate(at)
    painter.scale(1 / pixels_per_cm, 1 / pixels_per_cm)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    painter.drawText(QRectF(-80, -10, 160, 20), Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


class OverlayItem(QGraphicsItem):
    """Highlighted bins, a walking route with numbered stops, move arrows: all of constant screen width."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(10)
        self.highlighted: list[QRectF] = []
        self.route: list[QPointF] = []
        self.stops: list[tuple[QPointF, str]] = []
        self.moves: list[QLineF] = []
        self._bounds = QRectF()

    def set_content(self, highlighted=None, route=None, stops=None, moves=None) -> None:
        self.prepareGeometryChange()
        if highlighted is not None:
            self.highlighted = highlighted
        if route is not None:
            self.route = route
        if stops is not None:
            self.stops = stops
        if moves is not None:
            self.moves = moves
        bounds = QRectF()
        for rect in self.highlighted:
            bounds = bounds.united(rect)
        points = [
            *self.route,
            *(p for p, _ in self.stops),
            *(m.p1() for m in self.moves),
            *(m.p2() for m in self.moves),
        ]
        if points:
            bounds = bounds.united(QPolygonF(points).boundingRect())
        self._bounds = bounds
        self.update()

    def is_empty(self) -> bool:
        return not (self.highlighted or self.route or self.stops or self.moves)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds.adjusted(-2000, -2000, 2000, 2000)  # room for markers sized in pixels

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pixels_per_cm = option.levelOfDetailFromTransform(painter.worldTransform())
        pixel = 1 / pixels_per_cm
        if self.highlighted:
            painter.setPen(_pen("#d500f9", 3))
            painter.setBrush(QColor(213, 0, 249, 90))
            for rect in self.highlighted:  # at least 12 px, so a bin found stays visible zoomed out
                grow_x = max(0.0, 12 * pixel - rect.width()) / 2
                grow_y = max(0.0, 12 * pixel - rect.height()) / 2
                painter.drawRect(rect.adjusted(-grow_x, -grow_y, grow_x, grow_y))
        if len(self.route) > 1:
            painter.setPen(_pen("#0d47a1", 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            path = QPainterPath(self.route[0])
            for point in self.route[1:]:
                path.lineTo(point)
            painter.drawPath(path)
        font = QFont()
        font.setPixelSize(12)
        font.setBold(True)
        for point, text in self.stops:
            painter.setPen(QPen(QColor("white"), 0))
            painter.setBrush(QColor("#0d47a1"))
            painter.drawEllipse(point, 9 * pixel, 9 * pixel)
            _label(painter, point, text.split(" ", 1)[0], pixels_per_cm, font, "white")
        for move in self.moves:
            _arrow(painter, move, pixel)


def _arrow(painter: QPainter, line: QLineF, pixel: float) -> None:
    """An arrow from a bin (before) to a bin (after), head 12 px long."""
    painter.setPen(_pen("#2e7d32", 3))
    painter.drawLine(line)
    if line.length() == 0:
        return
    angle = math.atan2(line.dy(), line.dx())
    head = 12 * pixel
    tip = line.p2()
    left = QPointF(tip.x() - head * math.cos(angle - 0.45), tip.y() - head * math.sin(angle - 0.45))
    right = QPointF(tip.x() - head * math.cos(angle + 0.45), tip.y() - head * math.sin(angle + 0.45))
    painter.setBrush(QColor("#2e7d32"))
    painter.drawPolygon(QPolygonF([tip, left, right]))


def _pen(colour: str, width: int) -> QPen:
    """A pen of `width` pixels whatever the zoom."""
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)
    return pen
