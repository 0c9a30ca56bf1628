"""Walkthrough: the Inventory page's Import tab on demo data. A stock file with four bad rows is checked
and refused row by row (nothing is imported), then the corrected file is checked and imported.

    QT_QPA_PLATFORM=offscreen python docs/walkthroughs/inventory_import.py resources/screenshots [--language es]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from station.db.models import Location, LocationKind, Product, Tenant, Tracking, Variant, Warehouse
from station.ui.controllers.import_controller import ImportController
from station.ui.walkthrough import DemoWindow, demo_window


def demo_codes(demo: DemoWindow) -> tuple[str, str, list[str], list[str]]:
    """A tenant, a warehouse, two of the tenant's SKUs (tracked by count only) and two storage bins."""
    with demo.database.unit_of_work() as uow:
        session = uow.session
        tenant_id, tenant = session.execute(select(Tenant.id, Tenant.code).order_by(Tenant.code)).first()
        skus = list(
            session.scalars(
                select(Variant.sku)
                .join(Product, Product.id == Variant.product_id)
                .where(Variant.tenant_id == tenant_id, Product.tracking == Tracking.NONE)  # no lot or serial
                .order_by(Variant.sku)
                .limit(2)
            )
        )
        warehouse_id, warehouse = session.execute(select(Warehouse.id, Warehouse.code).order_by(Warehouse.code)).first()
        bins = list(
            session.scalars(
                select(Location.code)
                .where(Location.warehouse_id == warehouse_id, Location.kind == LocationKind.STORAGE)
                .order_by(Location.code)
                .limit(2)
            )
        )
    return tenant, warehouse, skus, bins


def check_and_import(demo: DemoWindow, importer: ImportController, path: Path, *, do_import: bool) -> None:
    results: list[object] = []
    importer.sig_result.connect(results.append)
    view = importer.view
    view.path_field.clear()
    view.path_field.setFocus()
    QTest.keyClicks(view.path_field, str(path))
    QTest.keyClick(view.path_field, Qt.Key.Key_Return)  # Enter checks the file
    demo.settle(lambda: len(results) == 1)
    if do_import:
        QTest.keyClick(view.import_button, Qt.Key.Key_Return)  # Import has the focus after a clean check
        demo.settle(lambda: len(results) == 2)
    importer.sig_result.disconnect(results.append)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args()
    with demo_window(args.out_dir, language=args.language) as demo, tempfile.TemporaryDirectory() as folder:
        tenant, warehouse, (first, second), (bin_a, bin_b) = demo_codes(demo)
        broken = Path(folder) / "stock-count.csv"
        broken.write_text(
            "sku,location,quantity,lot\n"
            f"{first},{bin_a},12,\n"
            f"NOPE-404,{bin_a},3,\n"  # unknown SKU
            f"{second},{bin_b},-2,\n"  # negative quantity
            f"{second},{bin_b},tres,\n"  # not a number
            f"{first},,4,\n",  # no location
            encoding="utf-8",
        )
        fixed = Path(folder) / "stock-count-fixed.csv"
        fixed.write_text(
            f"sku,location,quantity\n{first},{bin_a},12\n{second},{bin_b},2\n{first},{bin_b},4\n", encoding="utf-8"
        )

        demo.controller.show_page("inventory")
        inventory = demo.controller.inventory
        assert inventory is not None
        importer = inventory.tabs["import"].controller
        assert isinstance(importer, ImportController)
        inventory.show_tab("import")
        demo.settle(lambda: importer.scopes is not None)
        importer.set_kind("stock")
        importer.view.tenant.setCurrentIndex(importer.view.tenant.findData(tenant))
        importer.view.warehouse.setCurrentIndex(importer.view.warehouse.findData(warehouse))

        check_and_import(demo, importer, broken, do_import=False)
        demo.save("inventory-import-1-broken")
        check_and_import(demo, importer, fixed, do_import=False)
        demo.save("inventory-import-2-checked")
        QTest.keyClick(importer.view.import_button, Qt.Key.Key_Return)
        demo.settle(lambda: importer.result is not None and not importer.result.dry_run)
        demo.save("inventory-import-3-imported")


if __name__ == "__main__":
    main()
