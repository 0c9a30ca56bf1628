"""The Catalogue tab: find a product on the left; on the right its fields, its attribute axes and the
grid of SKUs they make (the variant matrix), with Save.

Layout only; `CatalogueController` wires it. Keys: Ctrl+F search (↓ into the list, Enter opens),
Ctrl+N new product, Ctrl+S save, Ctrl+I an image for the selected SKU; Enter in the values field adds
(or replaces) the axis; Delete in the axis list removes one; typing over a weight, dimension or price
in the grid edits it (F2 is the Orders page's key in the station window), Enter keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.ui.views.widgets import message_label, scan_field, style_message

TRACKING_CHOICES = ("none", "lot", "serial")


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setObjectName("fieldLabel")
    label.setBuddy(buddy)
    return label


def _table() -> QTableView:
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
    return table


class CatalogueView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Left: the search.
        self.tenant = QComboBox()
        self.search_field = scan_field(self.tr("Find a product: code or name"))
        self.products = _table()
        self.products.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.products.verticalHeader().setDefaultSectionSize(34)
        self.products.horizontalHeader().setStretchLastSection(False)
        self.new_button = QPushButton(self.tr("New product"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.tenant)
        left_layout.addWidget(self.search_field)
        left_layout.addWidget(self.products, 1)
        left_layout.addWidget(self.new_button)

        # Right: the product.
        self.heading = QLabel()
        self.heading.setObjectName("viewSubtitle")
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.brand = QLineEdit()
        self.category = QLineEdit()
        self.tracking = QComboBox()
        self.tracking.addItem(self.tr("No tracking"), "none")
        self.tracking.addItem(self.tr("Lots"), "lot")
        self.tracking.addItem(self.tr("Serial numbers"), "serial")
        self.shelf_life = QSpinBox()
        self.shelf_life.setRange(0, 3650)
        self.shelf_life.setSpecialValueText(self.tr("none"))
        self.shelf_life.setSuffix(self.tr(" days"))
        font = self.shelf_life.font()
        font.setPointSize(16)  # as tall as the line edits beside it
        self.shelf_life.setFont(font)
        self.shelf_life.setMinimumHeight(self.code.sizeHint().height())
        fields = QGridLayout()
        fields.setHorizontalSpacing(10)
        fields.setVerticalSpacing(6)
        for column, (text, widget) in enumerate(
            ((self.tr("Code"), self.code), (self.tr("Name"), self.name), (self.tr("Brand"), self.brand))
        ):
            fields.addWidget(_label(text, widget), 0, column * 2)
            fields.addWidget(widget, 0, column * 2 + 1)
        for column, (text, widget) in enumerate(
            (
                (self.tr("Category"), self.category),
                (self.tr("Tracking"), self.tracking),
                (self.tr("Shelf life"), self.shelf_life),
            )
        ):
            fields.addWidget(_label(text, widget), 1, column * 2)
            fields.addWidget(widget, 1, column * 2 + 1)
        fields.setColumnStretch(1, 2)
        fields.setColumnStretch(3, 3)
        fields.setColumnStretch(5, 2)

        self.axes_heading = QLabel(self.tr("Axes of the matrix"))
        self.axes_heading.setObjectName("viewSubtitle")
        self.axis_name = QLineEdit()
        self.axis_name.setPlaceholderText(self.tr("Axis: size, colour …"))
        self.axis_values = QLineEdit()
        self.axis_values.setPlaceholderText(self.tr("Values, comma-separated: S, M, L"))
        self.add_axis_button = QPushButton(self.tr("Add axis"))
        self.remove_axis_button = QPushButton(self.tr("Remove axis"))
        self.axes = QListWidget()
        self.axes.setMaximumHeight(70)
        axis_line = QHBoxLayout()
        axis_line.addWidget(self.axis_name, 2)
        axis_line.addWidget(self.axis_values, 5)
        axis_line.addWidget(self.add_axis_button)
        axes_row = QHBoxLayout()
        axes_row.addWidget(self.axes, 1)
        axes_row.addWidget(self.remove_axis_button, 0, Qt.AlignmentFlag.AlignTop)

        self.grid_heading = QLabel()
        self.grid_heading.setObjectName("viewSubtitle")
        self.grid = _table()
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.grid.verticalHeader().setDefaultSectionSize(42)
        self.grid.horizontalHeader().setStretchLastSection(False)
        self.message = message_label("")
        self.image_button = QPushButton(self.tr("Image…"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        grid_line = QHBoxLayout()
        grid_line.addWidget(self.grid_heading, 1)
        grid_line.addWidget(self.image_button)
        grid_line.addWidget(self.save_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(8)
        right_layout.addWidget(self.heading)
        right_layout.addLayout(fields)
        right_layout.addWidget(self.axes_heading)
        right_layout.addLayout(axis_line)
        right_layout.addLayout(axes_row)
        right_layout.addLayout(grid_line)
        right_layout.addWidget(self.grid, 1)
        right_layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(splitter)

        QWidget.setTabOrder(self.search_field, self.products)
        QWidget.setTabOrder(self.products, self.new_button)
        QWidget.setTabOrder(self.new_button, self.code)
        for before, after in (
            (self.code, self.name), (self.name, self.brand), (self.brand, self.category),
            (self.category, self.tracking), (self.tracking, self.shelf_life), (self.shelf_life, self.axis_name),
            (self.axis_name, self.axis_values), (self.axis_values, self.add_axis_button),
            (self.add_axis_button, self.axes), (self.axes, self.remove_axis_button),
            (self.remove_axis_button, self.grid), (self.grid, self.image_button), (self.image_button, self.save_button),
        ):  # fmt: skip
            QWidget.setTabOrder(before, after)

    def fit_columns(self, stretch_products: int, stretch_grid: int) -> None:
        """Columns as wide as their contents; the name columns take what is left (and elide)."""
        for table, stretch in ((self.products, stretch_products), (self.grid, stretch_grid)):
            header = table.horizontalHeader()
            for section in range(header.count()):
                mode = QHeaderView.ResizeMode.Stretch if section == stretch else QHeaderView.ResizeMode.ResizeToContents
                header.setSectionResizeMode(section, mode)

    def show_message(self, text: str, kind: str = "infoMessage") -> None:
        """kind: errorMessage, infoMessage or successMessage (the station's message styles)."""
        style_message(self.message, kind, text)

    def set_editing_code(self, editable: bool) -> None:
        """A stored product's code is its key: it is shown, not changed."""
        self.code.setReadOnly(not editable)
