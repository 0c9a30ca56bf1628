"""The bin map: a zoomable, pannable floor plan of a warehouse's bins, coloured by what they hold.

Drag or the arrow keys pan; the wheel, + and − zoom; 0 fits the whole warehouse. A click on a bin
emits `sig_bin_clicked`. Other pages draw on it through `highlight`, `show_route`, `show_moves` and
`clear_overlays` (all in map centimetres, the Location x/y).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from station.services.bin_map import BinMapData, MapBin
from station.ui.views.bin_map_colours import MODES, colour_mode, mode_title
from station.ui.views.bin_map_items import BinsItem, LayoutItem, OverlayItem
from station.ui.views.bin_map_panels import DetailsPanel, LegendPanel
from station.ui.views.widgets import message_label, scan_field, shortcut_bar, shortcut_text

ZOOM_STEP = 1.25
MIN_PIXELS_PER_CM = 0.002
MAX_PIXELS_PER_CM = 8.0
CLICK_SLOP = 4  # pixels a press may move and still be a click, not a drag


class BinMapView(QGraphicsView):
    sig_bin_clicked = Signal(int)  # location id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # a handful of big items
        self.setBackgroundBrush(QColor("#fafafa"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.data: BinMapData | None = None
        self.bins: BinsItem | None = None
        self.overlay = OverlayItem()
        self.scene().addItem(self.overlay)
        self._press: QPoint | None = None
        self._wanted: list[int] = []  # bins asked to be highlighted, shown again when the level changes

    # -- content -----------------------------------------------------------------------------------

    def set_data(self, data: BinMapData, mode: str) -> None:
        """Show a warehouse's bins coloured by `mode`; overlays are kept, the view fits the whole map."""
        scene = self.scene()
        for item in list(scene.items()):
            if item is not self.overlay and item.parentItem() is None:
                scene.removeItem(item)
        self.data = data
        self.bins = BinsItem(data.bins)
        bounds = self.bins.boundingRect()
        if data.layout is not None:
            layout_item = LayoutItem(data.layout, bounds)
            scene.addItem(layout_item)
            bounds = bounds.united(layout_item.boundingRect())
        scene.addItem(self.bins)
        self.set_mode(mode)
        self.highlight(self._wanted)
        margin = max(bounds.width(), bounds.height()) * 0.03
        scene.setSceneRect(bounds.adjusted(-margin, -margin, margin, margin))
        self.fit()

    def set_mode(self, mode: str) -> None:
        if self.bins is not None and self.data is not None:
            self.bins.set_mode(colour_mode(mode, self.data.today))

    def bin(self, location_id: int) -> MapBin | None:
        if self.bins is None or location_id not in self.bins.index_of:
            return None
        return self.bins.bins[self.bins.index_of[location_id]]

    def colour_of(self, location_id: int) -> QColor:
        assert self.bins is not None
        return self.bins.colour_of(location_id)

    def scene_point_of(self, location_id: int) -> QPointF:
        """A bin's centre in scene coordinates (where a click lands on it)."""
        assert self.bins is not None
        return self.bins.rects[self.bins.index_of[location_id]].center()

    # -- overlays for other pages ------------------------------------------------------------------

    def highlight(self, location_ids: list[int]) -> list[int]:
        """Mark these bins (those not on the map now are skipped); returns the ids shown."""
        self._wanted = list(location_ids)
        shown = [i for i in location_ids if self.bins is not None and i in self.bins.index_of]
        assert self.bins is not None or not shown
        self.overlay.set_content(highlighted=[self.bins.rects[self.bins.index_of[i]] for i in shown] if shown else [])
        return shown

    def show_route(self, path: list[tuple[int, int]], stops: list[tuple[int, int, str]]) -> None:
        """A walking route (polyline) with its numbered stops, labelled "1 A-01-B" (the number is drawn)."""
        self.overlay.set_content(
            route=[QPointF(x, y) for x, y in path], stops=[(QPointF(x, y), label) for x, y, label in stops]
        )

    def show_moves(self, pairs: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
        """Arrows from → to (e.g. a slotting suggestion: the bin before, the bin after)."""
        self.overlay.set_content(moves=[QLineF(QPointF(*a), QPointF(*b)) for a, b in pairs])

    def clear_overlays(self) -> None:
        self._wanted = []
        self.overlay.set_content(highlighted=[], route=[], stops=[], moves=[])

    def highlighted_ids(self) -> list[int]:
        if self.bins is None:
            return []
        by_rect = {
            (r.x(), r.y(), r.width(), r.height()): b.id for r, b in zip(self.bins.rects, self.bins.bins, strict=True)
        }
        return [by_rect[(r.x(), r.y(), r.width(), r.height())] for r in self.overlay.highlighted]

    def show_region(self, location_ids: list[int]) -> None:
        """Zoom so these bins are all in view (not closer than a bin a few pixels wide)."""
        if self.bins is None or not location_ids:
            return
        region = QRectF()
        for location_id in location_ids:
            if location_id in self.bins.index_of:
                region = region.united(self.bins.rects[self.bins.index_of[location_id]])
        if region.isEmpty():
            return
        grow = max(region.width(), region.height(), 3000) * 0.4
        self.fitInView(region.adjusted(-grow, -grow, grow, grow), Qt.AspectRatioMode.KeepAspectRatio)

    # -- zoom and pan ------------------------------------------------------------------------------

    def pixels_per_cm(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float) -> None:
        target = min(max(self.pixels_per_cm() * factor, MIN_PIXELS_PER_CM), MAX_PIXELS_PER_CM)
        change = target / self.pixels_per_cm()
        self.scale(change, change)

    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self._zoom_centred(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self._zoom_centred(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.pan_by_key(key)
        else:
            super().keyPressEvent(event)

    def pan_by_key(self, key: Qt.Key) -> None:
        """An arrow key moves the map a tenth of the view."""
        step_x, step_y = self.viewport().width() // 10, self.viewport().height() // 10
        dx, dy = {
            Qt.Key.Key_Left: (-step_x, 0),
            Qt.Key.Key_Right: (step_x, 0),
            Qt.Key.Key_Up: (0, -step_y),
            Qt.Key.Key_Down: (0, step_y),
        }[key]
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    def _zoom_centred(self, factor: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom(factor)
        self.setTransformationAnchor(anchor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or self.bins is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position().toPoint() - press).manhattanLength() <= CLICK_SLOP:
            found = self.bins.bin_at(self.mapToScene(press))
            if found is not None:
                self.sig_bin_clicked.emit(found.id)

    # -- pictures ----------------------------------------------------------------------------------

    def render_image(self, size: QSize | None = None) -> QImage:
        """What the view shows now, as an image (a frame, for the benchmark and the PNG export)."""
        size = size or self.viewport().size()
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#fafafa"))
        painter = QPainter(image)
        self.render(painter, QRectF(0, 0, size.width(), size.height()), self.viewport().rect())
        painter.end()
        return image

    def export(self, path: Path) -> Path:
        """The current view to a PNG, or to a PDF page when the name ends in .pdf."""
        if path.suffix.lower() == ".pdf":
            writer = QPdfWriter(str(path))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setPageOrientation(QPageLayout.Orientation.Landscape)
            writer.setResolution(150)
            writer.setTitle(self.data.warehouse_code if self.data else "")
            painter = QPainter(writer)
            target = QRectF(painter.viewport())
            self.render(painter, target, self.viewport().rect(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.end()
        else:
            if not self.render_image().save(str(path), "PNG"):
                raise OSError(f"Could not write {path}")
        return path


class BinMapPage(QWidget):
    """The Bin map page: toolbar, the map, a message line, and a side column of panels."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("viewTitle")
        self.warehouse = QComboBox()
        self.level = QComboBox()
        self.mode = QComboBox()
        for key in MODES:
            self.mode.addItem(mode_title(key), key)
        self.search_field = scan_field(self.tr("Find: bin, SKU, barcode, lot, order or picklist, then Enter"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setShortcut("Ctrl+E")
        for combo in (self.warehouse, self.level, self.mode):
            combo.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.message = message_label()
        self.map = BinMapView()
        self.legend = LegendPanel()
        self.details = DetailsPanel()
        self.keys = shortcut_bar(wrap=True)
        self.keys.setText(
            shortcut_text(
                [
                    (self.tr("Drag, arrows"), self.tr("pan")),
                    (self.tr("Wheel, + −"), self.tr("zoom")),
                    ("0", self.tr("whole warehouse")),
                    ("Enter", self.tr("find")),
                    ("Esc", self.tr("clear")),
                    ("Ctrl+E", self.tr("export")),
                ]
            )
        )

        find_row = QHBoxLayout()
        find_row.addWidget(self.search_field, 1)
        find_row.addWidget(self.export_button)
        toolbar = QHBoxLayout()
        for text, widget in (
            (self.tr("Warehouse"), self.warehouse),
            (self.tr("Level"), self.level),
            (self.tr("Colour by"), self.mode),
        ):
            label = QLabel(text)
            label.setObjectName("fieldLabel")
            label.setBuddy(widget)
            toolbar.addWidget(label)
            toolbar.addWidget(widget)
            toolbar.addSpacing(16)
        toolbar.addStretch(1)

        self.side = QWidget()
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(8, 0, 0, 0)
        self.side_layout.addStretch(1)
        self.add_side_panel(self.tr("Legend"), self.legend)
        self.add_side_panel(self.tr("Bin"), self.details)
        side_scroll = QScrollArea()
        side_scroll.setWidget(self.side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setMinimumWidth(340)
        side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.map)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([1000, 420])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addWidget(self.title)
        layout.addLayout(find_row)
        layout.addLayout(toolbar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.keys)

    def add_side_panel(self, title: str, widget: QWidget) -> QWidget:
        """A titled panel in the right-hand column (other pages add theirs: a picklist, a slotting list)."""
        heading = QLabel(title)
        heading.setObjectName("viewSubtitle")
        self.side_layout.insertWidget(self.side_layout.count() - 1, heading)
        self.side_layout.insertWidget(self.side_layout.count() - 1, widget)
        return widget
