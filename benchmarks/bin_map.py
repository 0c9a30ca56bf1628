"""The bin map at 50,000 bins: open, pan and zoom, find a SKU (offscreen, SQLite).

A warehouse of 50 aisles × 200 racks × 5 levels (`generate_layout`, three middle cross-aisles) gets
stock in 60 % of its bins (2,000 SKUs, a third by lot with expiry dates), ten thousand picks for the
ABC classes and counts in a fifth of the bins. Then the real page:

- open: `load_bin_map` (the queries) + the scene built + the first frame painted;
- frames: the view rendered to a QImage after each step of a pan/zoom tour (whole warehouse, an
  aisle block, close enough to read codes), mean and p95 per zoom band (target < 16 ms);
- search: `search_bins` for a SKU + highlight + zoom to it + the next frame (target < 50 ms).

Run:  QT_QPA_PLATFORM=offscreen /usr/bin/time -v .venv/bin/python benchmarks/bin_map.py
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from station.db import Database  # noqa: E402
from station.db.base import utcnow  # noqa: E402
from station.db.migrate import upgrade  # noqa: E402
from station.db.models import (  # noqa: E402
    CycleCount,
    CycleCountStatus,
    Location,
    LocationKind,
    Lot,
    Product,
    StockMove,
    StockQuant,
    Tenant,
    Variant,
    Warehouse,
)
from station.domain.stock import MoveKind  # noqa: E402
from station.services.bin_map import load_bin_map, search_bins  # noqa: E402
from station.services.layout import generate_layout  # noqa: E402
from station.ui.views.bin_map_items import OVERVIEW_UPSCALE  # noqa: E402
from station.ui.views.bin_map_view import BinMapView  # noqa: E402

VIEWPORT = QSize(1400, 820)


def seed(url: str, aisles: int, racks: int, levels: int, skus: int) -> int:
    upgrade(url)
    database = Database(url)
    rng = random.Random(5)
    now = utcnow()
    with database.unit_of_work() as uow:
        s = uow.session
        tenant = Tenant(code="BENCH", name="Bench")
        warehouse = Warehouse(code="BIG", name="Big", location_pattern="{aisle:AA}-{rack:000}-{level:A}")
        s.add_all([tenant, warehouse])
        s.flush()
        generate_layout(
            s, warehouse, aisles=aisles, racks=racks, levels=levels, middle_cross_aisles=3, pick_face_racks=4
        )
        s.flush()
        bins = list(
            s.scalars(
                select(Location.id).where(
                    Location.warehouse_id == warehouse.id,
                    Location.kind.in_((LocationKind.STORAGE, LocationKind.PICK_FACE)),
                )
            )
        )
        product = Product(tenant_id=tenant.id, code="P", name="P")
        s.add(product)
        s.flush()
        s.execute(
            insert(Variant),
            [
                {"tenant_id": tenant.id, "product_id": product.id, "sku": f"SKU-{i:05d}", "name": f"Item {i}"}
                for i in range(skus)
            ],
        )
        variants = list(s.scalars(select(Variant.id).order_by(Variant.id)))
        today = date.today()
        s.execute(
            insert(Lot),
            [
                {
                    "tenant_id": tenant.id,
                    "variant_id": v,
                    "code": f"L{v}",
                    "expires_on": today + timedelta(days=rng.randint(-20, 400)),
                }
                for v in variants[: skus // 3]
            ],
        )
        lots = dict(s.execute(select(Lot.variant_id, Lot.id)).all())
        stocked = rng.sample(bins, int(len(bins) * 0.6))
        quants = []
        for location_id in stocked:
            variant = rng.choice(variants)
            quants.append(
                {
                    "tenant_id": tenant.id,
                    "variant_id": variant,
                    "location_id": location_id,
                    "lot_id": lots.get(variant),
                    "on_hand": rng.randint(1, 150),
                }
            )
        s.execute(insert(StockQuant), quants)
        picks = [
            {
                "tenant_id": tenant.id,
                "at": now - timedelta(days=rng.randint(0, 80)),
                "kind": MoveKind.PICK,
                "variant_id": q["variant_id"],
                "quantity": rng.randint(1, 5),
                "from_location_id": q["location_id"],
            }
            for q in rng.choices(quants, k=10_000)
        ]
        s.execute(insert(StockMove), picks)
        s.execute(
            insert(CycleCount),
            [
                {
                    "warehouse_id": warehouse.id,
                    "location_id": location_id,
                    "status": CycleCountStatus.APPLIED,
                    "completed_at": now - timedelta(days=rng.randint(0, 300)),
                }
                for location_id in rng.sample(bins, len(bins) // 5)
            ],
        )
        uow.commit()
        warehouse_id = warehouse.id
    database.dispose()
    return warehouse_id


def frame(view: BinMapView) -> float:
    started = time.perf_counter()
    view.render_image(VIEWPORT)
    return (time.perf_counter() - started) * 1000


def tour(view: BinMapView, frames: int) -> dict[str, list[float]]:
    """Pan and zoom as a person would: fit, zoom in stepwise while panning, then back out."""
    assert view.bins is not None
    just_past_overview = view.bins._overview_scale * OVERVIEW_UPSCALE * 1.05  # the most bins painted one by one
    zooms = (
        ("whole warehouse", None),
        ("half the warehouse", just_past_overview),
        ("aisle block", 0.15),
        ("bin codes readable", 1.5),
    )
    bands: dict[str, list[float]] = {band: [] for band, _zoom in zooms}
    rng = random.Random(7)
    per_band = frames // len(zooms)
    for band, pixels_per_cm in zooms:
        view.fit()
        if pixels_per_cm is not None:
            view.zoom(pixels_per_cm / view.pixels_per_cm())
        for step in range(per_band):
            if step % 10 == 0 and pixels_per_cm is not None:
                view.centerOn(rng.uniform(0, view.sceneRect().width()), rng.uniform(0, view.sceneRect().height()))
            view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 40)
            view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 15)
            if step % 7 == 0:
                view.zoom(1.05 if step % 14 else 1 / 1.05)
            bands[band].append(frame(view))
    return bands


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--aisles", type=int, default=50)
    parser.add_argument("--racks", type=int, default=200)
    parser.add_argument("--levels", type=int, default=5)
    parser.add_argument("--skus", type=int, default=2000)
    parser.add_argument("--frames", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bin_map.db'}"
        started = time.perf_counter()
        warehouse_id = seed(url, args.aisles, args.racks, args.levels, args.skus)
        print(f"seeded in {time.perf_counter() - started:.1f} s")
        database = Database(url)
        view = BinMapView()
        view.resize(VIEWPORT)
        view.show()
        app.processEvents()

        started = time.perf_counter()
        with database.unit_of_work() as uow:
            data = load_bin_map(uow.session, warehouse_id)
        loaded = time.perf_counter()
        view.set_data(data, "occupancy")
        built = time.perf_counter()
        view.render_image(VIEWPORT)
        painted = time.perf_counter()
        print(
            f"open: {len(data.bins):,} bins, load {1000 * (loaded - started):.0f} ms + scene "
            f"{1000 * (built - loaded):.0f} ms + first frame {1000 * (painted - built):.0f} ms = "
            f"{1000 * (painted - started):.0f} ms"
        )
        for mode in ("abc", "expiry", "count_age", "empty"):
            started = time.perf_counter()
            view.set_mode(mode)
            view.render_image(VIEWPORT)
            print(f"colour by {mode}: {1000 * (time.perf_counter() - started):.0f} ms")
        view.set_mode("occupancy")

        bands = tour(view, args.frames)
        every = [t for times in bands.values() for t in times]
        for band, times in bands.items():
            print(f"frames, {band}: {len(times)}, mean {statistics.mean(times):.1f} ms, p95 {p95(times):.1f} ms")
        print(f"frames, all: {len(every)}, mean {statistics.mean(every):.1f} ms, p95 {p95(every):.1f} ms")

        searches = []
        for number in range(0, args.skus, max(1, args.skus // 20)):
            started = time.perf_counter()
            with database.unit_of_work() as uow:
                found = search_bins(uow.session, warehouse_id, f"SKU-{number:05d}")
            shown = view.highlight(found.location_ids)
            view.show_region(shown)
            view.render_image(VIEWPORT)
            searches.append((time.perf_counter() - started) * 1000)
        print(
            f"search + highlight + frame: {len(searches)} SKUs, mean {statistics.mean(searches):.1f} ms, p95 {p95(searches):.1f} ms"
        )
        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        database.dispose()


if __name__ == "__main__":
    main()
