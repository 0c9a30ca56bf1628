"""The bin map's side panels: the legend of the colour mode shown, and the clicked bin's details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from station.services.bin_map import BinDetails
from station.ui.models.locations_model import location_kind_title
from station.ui.models.moves_model import kind_title
from station.ui.views.bin_map_colours import ColourMode


class LegendPanel(QWidget):
    """One swatch and one line per colour class of the mode."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.labels: list[str] = []

    def show_mode(self, mode: ColourMode, counts: list[int]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.labels = []
        for row, (colour, text, count) in enumerate(zip(mode.colours, mode.labels, counts, strict=True)):
            swatch = QLabel()
            swatch.setFixedSize(18, 18)
            swatch.setStyleSheet(f"background: {QColor(colour).name()}; border: 1px solid #90a4ae;")
            label = QLabel(self.tr("%1 (%2)").replace("%1", text).replace("%2", f"{count:,}"))
            label.setWordWrap(True)
            self.grid.addWidget(swatch, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(label, row, 1)
            self.labels.append(label.text())


class DetailsPanel(QWidget):
    """A bin's code, kind, units; its contents with lot and expiry; its last moves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Click a bin to see what it holds."))
        self.heading.setWordWrap(True)
        self.contents = QLabel()
        self.contents.setWordWrap(True)
        self.contents.setTextFormat(Qt.TextFormat.RichText)
        self.moves = QLabel()
        self.moves.setWordWrap(True)
        self.moves.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.contents)
        layout.addWidget(self.moves)
        self.details: BinDetails | None = None

    def show_details(self, details: BinDetails) -> None:
        self.details = details
        capacity = "" if details.capacity is None else self.tr(" of %1").replace("%1", f"{details.capacity:,}")
        self.heading.setText(
            self.tr("<b>%1</b> · %2 · %n unit(s)", None, details.units)
            .replace("%1", details.code)
            .replace("%2", location_kind_title(details.kind))
            + capacity
        )
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        if details.contents:
            rows = "".join(
                f"<tr><td><b>{c.sku}</b></td><td align='right'>{c.on_hand:,}</td><td>{c.lot or ''}</td>"
                f"<td>{c.expires_on.isoformat() if c.expires_on else ''}</td></tr>"
                for c in details.contents
            )
            head = self.tr("<tr><th align='left'>SKU</th><th>Units</th><th>Lot</th><th>Expires</th></tr>")
            self.contents.setText(f"<table cellspacing='4'>{head}{rows}</table>")
        else:
            self.contents.setText(self.tr("Empty."))
        if details.moves:
            lines = "".join(
                f"<tr><td>{m.at.strftime('%Y-%m-%d')}</td><td>{kind_title(m.kind)}</td><td>{m.sku}</td>"
                f"<td align='right'>{m.quantity:,}</td><td>{m.source} → {m.target}</td></tr>"
                for m in details.moves
            )
            self.moves.setText(self.tr("<b>Last moves</b>") + f"<table cellspacing='3'>{lines}</table>")
        else:
            self.moves.setText(self.tr("No moves yet."))
