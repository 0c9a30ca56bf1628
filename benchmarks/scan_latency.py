"""Scan-to-UI-update latency in the packing view: a keyboard-wedge burst (the barcode's keys, 5 ms
apart, then Enter) into the real window, until the line's count is updated and the page repainted.

The real parts: the demo data on SQLite, the main window offscreen, the wedge-scanner detector, the
packing controller and session, the lines model and the view. 1,000 scans of one order's items.
Target: p95 < 30 ms.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/scan_latency.py [--scans 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from station.config import DeviceSettings, Settings, station_paths  # noqa: E402
from station.db import Database  # noqa: E402
from station.db.migrate import upgrade  # noqa: E402
from station.db.models import Barcode, Order, OrderLine, Role, User, Variant  # noqa: E402
from station.services.auth import LoggedInUser  # noqa: E402
from station.services.demo import seed_demo  # noqa: E402
from station.ui.app import create_main_window  # noqa: E402
from station.ui.tasks import TaskRunner  # noqa: E402

KEY_GAP_MS = 5  # a wedge scanner types a character every few milliseconds


def bench_order(database: Database, scans: int) -> tuple[str, str, LoggedInUser]:
    """An order of one SKU with `scans` units; returns (order number, the SKU's barcode, a packer)."""
    with database.unit_of_work() as uow:
        s = uow.session
        template = s.scalars(select(Order).where(Order.state == "paid").order_by(Order.id)).first()
        barcode = s.scalars(select(Barcode).join(Variant).where(Barcode.symbology == "ean13").order_by(Barcode.id)).first()
        variant = s.get(Variant, barcode.variant_id)
        order = Order(
            tenant_id=variant.tenant_id, number="JLS-BENCH", state="paid", customer_name=template.customer_name,
            ship_street=template.ship_street, ship_comuna=template.ship_comuna, ship_region=template.ship_region,
        )
        s.add(order)
        s.flush()
        s.add(OrderLine(tenant_id=variant.tenant_id, order_id=order.id, variant_id=variant.id, sku=variant.sku,
                        title=variant.name, quantity=scans, unit_price=variant.price))
        packer = s.scalars(select(User).where(User.role == Role.PACKER)).first()
        user = LoggedInUser(packer.id, packer.login, packer.name, packer.role)
        code = barcode.code
        uow.commit()
    return "JLS-BENCH", code, user


def burst(target, text: str, stamp: int) -> int:
    for char in [*text, "\r"]:
        key = int(Qt.Key.Key_Return) if char == "\r" else ord(char.upper())
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "" if char == "\r" else char)
            event.setTimestamp(stamp)
            QApplication.sendEvent(target, event)
        stamp += KEY_GAP_MS
    return stamp


def wait_until(app: QApplication, condition, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the packing view did not answer")
        app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=1000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    home = Path(tempfile.mkdtemp(prefix="bench-scan-"))
    os.environ["STATION_HOME"] = str(home)
    url = f"sqlite:///{home / 'bench.db'}"
    upgrade(url)
    database = Database(url)
    seed_demo(database, seed=1)
    number, code, user = bench_order(database, args.scans)
    runner = TaskRunner()
    settings = Settings(station_name="bench", devices=DeviceSettings(printer_url=(home / "labels").as_uri()))
    window = create_main_window(database, user, settings=settings, paths=station_paths().ensure(), runner=runner)
    window.resize(1440, 860)
    window.show()
    packing = window.controller.packing
    field = packing.view.scan_field
    field.setFocus()
    stamp = burst(field, number, 1_000_000)
    wait_until(app, lambda: packing.session is not None)
    line = packing.session.order.lines[0]
    timings: list[float] = []
    for count in range(1, args.scans + 1):
        stamp += 200  # the packer reaches for the next item
        started = time.perf_counter()
        stamp = burst(field, code, stamp)
        wait_until(app, lambda count=count: line.verified == count)
        packing.view.repaint()  # the packer sees the new count: paint now, not at the next frame
        timings.append(time.perf_counter() - started)
    window.controller.shutdown()
    runner.shutdown()
    database.dispose()
    timings_ms = sorted(t * 1000 for t in timings)
    print(f"scans                         {len(timings_ms)}")
    print(f"scan → UI updated p50         {statistics.median(timings_ms):.2f} ms")
    print(f"scan → UI updated p95         {timings_ms[int(len(timings_ms) * 0.95) - 1]:.2f} ms")
    print(f"scan → UI updated max         {timings_ms[-1]:.2f} ms")


if __name__ == "__main__":
    main()
