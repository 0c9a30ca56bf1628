"""The Picking page: allocated orders to batch (left), the pick list being walked (right), the
pickers' leaderboard (bottom right). Layout only; `PickingController` wires it.

The scan field under the pick list takes the bin, then the items (and, after Ctrl+S, the quantity
found); tables never take the focus except the orders table, where Space and Ctrl+A choose orders.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from station.ui.views.widgets import message_label, read_only_table, row, scan_field, shortcut_bar

PICKING_STYLESHEET = """
QLineEdit#pickScan { font-size: 20pt; padding: 6px 12px; border: 3px solid #0EA5E9; min-height: 40px; }
QLabel#pickRoute { font-size: 14pt; font-weight: 600; }
QLabel#pickNext { font-size: 18pt; font-weight: 700; color: #0F172A; }
QLabel#pickTotes { font-size: 11pt; color: #475569; }
QProgressBar#pickProgress { min-height: 22px; font-size: 12pt; }
"""


def _column(*parts, spacing: int = 8) -> QWidget:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, QWidget):
            layout.addWidget(item, stretch)
        else:
            layout.addLayout(item, stretch)
    return widget


def _subtitle(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("viewSubtitle")
    return label


class PickingView(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PICKING_STYLESHEET)
        self.title = QLabel(title)
        self.title.setObjectName("viewTitle")

        # Left: allocated orders, filters, "Build batch".
        self.orders_heading = _subtitle(self.tr("Allocated orders"))
        self.zone_filter = scan_field(self.tr("Aisles: A-C"))
        self.carrier_filter = scan_field(self.tr("Service"))
        self.cutoff_filter = scan_field(self.tr("Placed by HH:MM"))
        self.orders_table = read_only_table(32, focus=Qt.FocusPolicy.StrongFocus)
        self.orders_table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.selected_label = QLabel()
        self.selected_label.setObjectName("fieldLabel")
        self.build_button = QPushButton(self.tr("Build batch (Ctrl+B)"))
        self.build_button.setObjectName("primary")
        self.leaderboard_heading = _subtitle(self.tr("Leaderboard (this shift)"))
        self.leaderboard_table = read_only_table(28)
        self.leaderboard_table.setMaximumHeight(124)
        left = _column(
            self.orders_heading,
            row((self.zone_filter, 1), (self.carrier_filter, 1), (self.cutoff_filter, 1)),
            (self.orders_table, 1),
            row((self.selected_label, 1), self.build_button),
            self.leaderboard_heading,
            self.leaderboard_table,
        )

        # Right: the pick list, its route against the S-shape, scanning.
        self.picklist_heading = _subtitle(self.tr("Pick list"))
        self.route_label = QLabel()
        self.route_label.setObjectName("pickRoute")
        self.route_label.setWordWrap(True)
        self.totes_label = QLabel()
        self.totes_label.setObjectName("pickTotes")
        self.totes_label.setWordWrap(True)
        self.lines_table = read_only_table(30)
        self.next_label = QLabel()
        self.next_label.setObjectName("pickNext")
        self.next_label.setWordWrap(True)
        self.scan_field = scan_field(self.tr("Scan the bin, then each item"), "pickScan")
        self.message = message_label()
        self.progress = QProgressBar()
        self.progress.setObjectName("pickProgress")
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        self.map_button = QPushButton(self.tr("Show on map (Ctrl+M)"))
        self.short_button = QPushButton(self.tr("Short pick (Ctrl+S)"))
        right = _column(
            self.picklist_heading,
            self.route_label,
            self.totes_label,
            (self.lines_table, 1),
            self.next_label,
            self.scan_field,
            self.message,
            self.progress,
            row(self.short_button, self.print_button, self.map_button),
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left.setMinimumWidth(400)  # with the right pane, fits a 1440 px window in Spanish too
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 700])
        self.splitter.setChildrenCollapsible(False)
        self.shortcuts = shortcut_bar(wrap=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.shortcuts)
        self.filter_field = self.zone_filter  # the main window focuses it when the page opens

    def fit_columns(self) -> None:
        for table in (self.orders_table, self.lines_table, self.leaderboard_table):
            header = table.horizontalHeader()
            header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
