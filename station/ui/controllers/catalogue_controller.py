"""The Catalogue tab: find or create a product, edit its variant matrix, save it in one go.

The preview is computed on the UI thread from what is on screen (no database); searching, loading
and saving run on the database lane. Nothing is written until Save; Save writes all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from station.domain.errors import DomainError
from station.domain.variant_matrix import Axis, parse_values
from station.services.stock import Actor
from station.services.variant_matrix import (
    MatrixSaved,
    ProductMatrix,
    ProductSpec,
    RowStatus,
    preview_matrix,
    save_product_matrix,
)
from station.services.variant_matrix_queries import ProductRow, load_product, search_products, tenant_codes
from station.ui.controllers.inventory_tab import InventoryContext, InventoryTab, add_shortcuts, controller_tab
from station.ui.models.catalogue_model import IMAGE, NAME, CatalogueProductsModel, VariantsGridModel
from station.ui.tasks import Task
from station.ui.views.catalogue_view import CatalogueView

SEARCH_DELAY_MS = 250
IMAGE_FILTER = "*.png *.jpg *.jpeg *.gif *.bmp *.webp"


def choose_image_file(parent: QWidget) -> Path | None:
    translate = QCoreApplication.translate
    title = translate("CatalogueController", "Image for this SKU")
    images = translate("CatalogueController", "Images")
    name, _ = QFileDialog.getOpenFileName(parent, title, "", f"{images} ({IMAGE_FILTER})")
    return Path(name) if name else None


class CatalogueController(QObject):
    sig_searched = Signal(int)  # how many products the search found
    sig_loaded = Signal(str)  # the product code now in the editor
    sig_saved = Signal(object)  # MatrixSaved
    sig_failed = Signal(str)

    def __init__(self, view: CatalogueView, context: InventoryContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.context = context
        self.products = CatalogueProductsModel(self)
        self.grid = VariantsGridModel(self)
        view.products.setModel(self.products)
        view.grid.setModel(self.grid)
        view.fit_columns(stretch_products=1, stretch_grid=NAME)
        self.stored: ProductMatrix | None = None  # the product as last loaded or saved; None: a new one
        self.axes: list[Axis] = []
        self.choose_image: Callable[[QWidget], Path | None] = choose_image_file  # tests put their own
        self.tenants_loaded = False
        self.busy: Task | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)

        view.search_field.textChanged.connect(lambda _text: self._search_timer.start())
        view.search_field.returnPressed.connect(self.open_first_found)
        view.tenant.currentIndexChanged.connect(lambda _index: self.search())
        view.products.activated.connect(lambda index: self.open_product(self.products.rows[index.row()]))
        view.new_button.clicked.connect(self.new_product)
        for field in (view.code, view.name):
            field.textChanged.connect(lambda _text: self.refresh_preview())
        view.axis_values.returnPressed.connect(self.add_axis)
        view.axis_name.returnPressed.connect(view.axis_values.setFocus)
        view.add_axis_button.clicked.connect(self.add_axis)
        view.remove_axis_button.clicked.connect(self.remove_axis)
        view.axes.currentRowChanged.connect(self._axis_picked)
        view.axes.installEventFilter(self)
        view.search_field.installEventFilter(self)
        view.image_button.clicked.connect(self.pick_image)
        view.save_button.clicked.connect(self.save)
        add_shortcuts(
            view, {"Ctrl+F": self.focus, "Ctrl+N": self.new_product, "Ctrl+S": self.save, "Ctrl+I": self.pick_image}
        )
        self.new_product()

    # --- finding a product -------------------------------------------------------------------------

    def focus(self) -> None:
        self.view.search_field.setFocus()
        self.view.search_field.selectAll()
        if not self.tenants_loaded:
            self.load_tenants()

    def load_tenants(self) -> Task:
        task = self.context.runner.submit(tenant_codes, self.context.database, lane="db")
        task.sig_finished.connect(self._tenants_arrived)
        task.sig_failed.connect(self._failed)
        return task

    def _tenants_arrived(self, codes: list[str]) -> None:
        self.tenants_loaded = True
        self.view.tenant.blockSignals(True)
        self.view.tenant.clear()
        for code in codes:
            self.view.tenant.addItem(code, code)
        self.view.tenant.blockSignals(False)
        self.search()

    @property
    def tenant(self) -> str:
        return str(self.view.tenant.currentData() or "")

    def search(self) -> Task:
        self._search_timer.stop()
        text = self.view.search_field.text()
        task = self.context.runner.submit(search_products, self.context.database, self.tenant or None, text, lane="db")
        task.sig_finished.connect(self._found)
        task.sig_failed.connect(self._failed)
        return task

    def _found(self, rows: list[ProductRow]) -> None:
        self.products.set_rows(rows)
        self.sig_searched.emit(len(rows))

    def open_first_found(self) -> None:
        if self._search_timer.isActive():  # Enter before the search ran: search, then open
            task = self.search()
            task.sig_finished.connect(lambda _rows: self.open_first_found())
            return
        rows = self.products.rows
        if rows:
            current = self.view.products.currentIndex()
            self.open_product(rows[current.row() if current.isValid() else 0])
        else:
            self.view.show_message(
                self.tr("No product matches %1").replace("%1", self.view.search_field.text()), "errorMessage"
            )

    def open_product(self, row: ProductRow) -> Task:
        task = self.context.runner.submit(
            load_product, self.context.database, row.tenant, row.code, self.context.paths.data_dir, lane="db"
        )
        task.sig_finished.connect(self._show_product)
        task.sig_failed.connect(self._failed)
        return task

    def _show_product(self, matrix: ProductMatrix) -> None:
        self.stored = matrix
        spec = matrix.spec
        view = self.view
        index = view.tenant.findData(spec.tenant)
        if index >= 0 and index != view.tenant.currentIndex():
            view.tenant.blockSignals(True)
            view.tenant.setCurrentIndex(index)
            view.tenant.blockSignals(False)
        for field, value in ((view.code, spec.code), (view.name, spec.name)):
            field.blockSignals(True)
            field.setText(value)
            field.blockSignals(False)
        view.brand.setText(spec.brand)
        view.category.setText(spec.category)
        view.tracking.setCurrentIndex(max(0, view.tracking.findData(spec.tracking)))
        view.shelf_life.setValue(spec.shelf_life_days or 0)
        view.set_editing_code(False)
        view.heading.setText(self.tr("Product %1 of %2").replace("%1", spec.code).replace("%2", spec.tenant))
        self.axes = list(matrix.axes)
        self.grid.set_rows([])  # a fresh product: nothing typed carries over
        self._show_axes()
        active = {row.sku for row in matrix.variants if row.status is not RowStatus.REMOVED}
        misfits = [
            grid.row.sku for grid in self.grid.rows if grid.row.status is RowStatus.REMOVED and grid.row.sku in active
        ]
        if misfits:  # e.g. imported SKUs without attributes: saving as is would deactivate them
            warning = self.tr(
                "%n active SKU(s) do not fit the axes and would be deactivated on save: %1", None, len(misfits)
            )
            view.show_message(warning.replace("%1", ", ".join(misfits)), "infoMessage")
        else:
            view.show_message("")
        view.axis_name.setFocus()
        self.sig_loaded.emit(spec.code)

    def new_product(self) -> None:
        view = self.view
        self.stored = None
        self.axes = []
        for field in (view.code, view.name, view.brand, view.category, view.axis_name, view.axis_values):
            field.blockSignals(True)
            field.clear()
            field.blockSignals(False)
        view.tracking.setCurrentIndex(0)
        view.shelf_life.setValue(0)
        view.set_editing_code(True)
        view.heading.setText(self.tr("New product"))
        self.grid.set_rows([])
        self._show_axes()
        view.show_message("")
        view.code.setFocus()

    # --- the matrix ----------------------------------------------------------------------------------

    def add_axis(self) -> None:
        """The axis in the two fields joins the matrix, or replaces the one of the same name."""
        name = " ".join(self.view.axis_name.text().split())
        values = parse_values(self.view.axis_values.text())
        if not name or not values:
            self.view.show_message(self.tr("Type an axis name and its values, e.g. size: S, M, L"), "errorMessage")
            self.view.axis_name.setFocus() if not name else self.view.axis_values.setFocus()
            return
        axis = Axis(name, values)
        same = next((i for i, old in enumerate(self.axes) if old.name.casefold() == name.casefold()), None)
        if same is None:
            self.axes.append(axis)
        else:
            self.axes[same] = axis
        self.view.axis_name.clear()
        self.view.axis_values.clear()
        self._show_axes()
        self.view.axis_name.setFocus()

    def remove_axis(self) -> None:
        row = self.view.axes.currentRow()
        if 0 <= row < len(self.axes):
            del self.axes[row]
            self._show_axes()

    def _axis_picked(self, row: int) -> None:
        """Picking an axis puts it in the fields, to change its values and add it again."""
        if 0 <= row < len(self.axes):
            self.view.axis_name.setText(self.axes[row].name)
            self.view.axis_values.setText(", ".join(self.axes[row].values))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()  # type: ignore[attr-defined]
        if watched is self.view.axes and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_axis()
            return True
        if watched is self.view.search_field and key == Qt.Key.Key_Down and self.products.rows:
            self.view.products.setFocus()  # ↓ from the search walks the list; Enter opens
            self.view.products.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _show_axes(self) -> None:
        self.view.axes.blockSignals(True)
        self.view.axes.clear()
        for axis in self.axes:
            self.view.axes.addItem(f"{axis.name}: {', '.join(axis.values)}")
        self.view.axes.blockSignals(False)
        self.refresh_preview()

    def spec(self) -> ProductSpec:
        view = self.view
        shelf_life = view.shelf_life.value() or None
        return ProductSpec(
            self.tenant, view.code.text().strip(), view.name.text().strip(), view.brand.text().strip(),
            view.category.text().strip(), str(view.tracking.currentData()), shelf_life,
        )  # fmt: skip

    def refresh_preview(self) -> None:
        spec = self.spec()
        stored = self.stored.variants if self.stored is not None else ()
        if not spec.code:
            self.grid.set_rows([])
            self._grid_heading()
            return
        try:
            rows = preview_matrix(spec, self.axes, stored, self.stored.spec.name if self.stored is not None else None)
        except DomainError as exc:
            self.view.show_message(str(exc), "errorMessage")
            return
        if self.view.message.objectName() == "errorMessage":
            self.view.show_message("")
        self.grid.set_rows(rows)
        self._grid_heading()

    def _grid_heading(self) -> None:
        rows = self.grid.rows
        active = sum(grid.row.status is not RowStatus.REMOVED for grid in rows)
        new = sum(grid.row.status is RowStatus.NEW for grid in rows)
        text = self.tr("%n SKU(s) in the matrix", None, active)
        if new:
            text += " · " + self.tr("%n new", None, new)
        if removed := len(rows) - active:
            text += " · " + self.tr("%n to deactivate", None, removed)
        self.view.grid_heading.setText(text)

    def pick_image(self) -> None:
        index = self.view.grid.currentIndex()
        if not index.isValid() or self.grid.is_removed(index.row()):
            self.view.show_message(self.tr("Select a SKU in the grid first, then choose its image"), "errorMessage")
            self.view.grid.setFocus()
            return
        path = self.choose_image(self.view)
        if path is not None:
            self.grid.set_image(index.row(), path)
            self.view.grid.setCurrentIndex(self.grid.index(index.row(), IMAGE))
        self.view.grid.setFocus()

    # --- saving --------------------------------------------------------------------------------------

    def save(self) -> Task | None:
        if self.busy is not None and not self.busy.done:
            return None
        spec = self.spec()
        if not spec.code or not spec.name:
            self.view.show_message(self.tr("A product needs a code and a name"), "errorMessage")
            (self.view.code if not spec.code else self.view.name).setFocus()
            return None
        actor = Actor(self.context.settings.station_name, self.context.user.id)
        # A new product must not overwrite a stored one that has the same code.
        save = partial(save_product_matrix, new_product=self.stored is None)
        task = self.context.runner.submit(
            save, self.context.database, spec, list(self.axes), self.grid.inputs(), actor, self.context.paths.data_dir,
            lane="db",
        )  # fmt: skip
        self.busy = task
        self.view.save_button.setEnabled(False)
        task.sig_finished.connect(self._saved)
        task.sig_failed.connect(self._save_failed)
        return task

    def _saved(self, saved: MatrixSaved) -> None:
        self.view.save_button.setEnabled(True)
        parts = [self.tr("%n new SKU(s)", None, len(saved.created))]
        if saved.deactivated:
            parts.append(self.tr("%n deactivated", None, len(saved.deactivated)))
        if saved.reactivated:
            parts.append(self.tr("%n back in use", None, len(saved.reactivated)))
        message = self.tr("Saved %1: %2").replace("%1", saved.product).replace("%2", ", ".join(parts))
        reload = self.open_product(ProductRow(self.tenant, saved.product, "", "", "", 0))
        reload.sig_finished.connect(lambda _matrix: self.view.show_message(message, "successMessage"))
        reload.sig_finished.connect(lambda _matrix: self.sig_saved.emit(saved))
        self.search()

    def _save_failed(self, message: str) -> None:
        self.view.save_button.setEnabled(True)
        self._failed(message)

    def _failed(self, message: str) -> None:
        self.view.show_message(message, "errorMessage")
        self.sig_failed.emit(message)


def build_catalogue_tab(context: InventoryContext, parent: QObject) -> InventoryTab:
    view = CatalogueView()
    controller = CatalogueController(view, context, parent)
    title = QCoreApplication.translate("CatalogueController", "Catalogue")
    return controller_tab("catalogue", title, view, controller, controller.search)
