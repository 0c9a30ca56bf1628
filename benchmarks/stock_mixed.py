"""Mixed stock traffic on PostgreSQL: 16 stations reserving, releasing, picking, adjusting and
receiving across a 50,000-SKU catalogue, next to pgbench's simple-update in the same run.

Every operation is one transaction through the real `StockLedger`. Reports throughput and p95 per
operation, the oversell check (reserved never above on hand, reserved equal to the active
reservations, the level equal to the sellable quants) and the ratio to pgbench.

Run:  scripts/with-postgres .venv/bin/python benchmarks/stock_mixed.py [--seconds 20] [--skus 50000]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import time
from collections import defaultdict

from sqlalchemy import func, insert, select
from sqlalchemy.engine import make_url
from stock_reserve import admin, run_pgbench

from station.db import Database
from station.db.base import utcnow
from station.db.migrate import upgrade
from station.db.models import (
    Location,
    LocationKind,
    Product,
    Reservation,
    ReservationStatus,
    StockLevel,
    StockMove,
    StockQuant,
    Tenant,
    Variant,
    Warehouse,
)
from station.domain.stock import AdjustmentReason, InsufficientStock, MoveKind
from station.services.stock import Actor, StockError, StockLedger

UNITS = 20
BINS = 200
WEIGHTS = {"reserve": 40, "release": 25, "pick": 10, "adjust": 10, "receive": 15}


def prepare(url: str, skus: int) -> tuple[int, list[int], int]:
    """The catalogue in bulk: products, SKUs, quants, levels and their receipt moves (ledger-consistent)."""
    upgrade(url)
    database = Database(url)
    with database.unit_of_work() as uow:
        s = uow.session
        tenant, warehouse = Tenant(code="BENCH", name="Bench"), Warehouse(code="B1", name="Bench")
        s.add_all([tenant, warehouse])
        s.flush()
        bins = [Location(warehouse_id=warehouse.id, code=f"A-{i // 10:02d}-{chr(65 + i % 10)}", kind=LocationKind.STORAGE) for i in range(BINS)]
        bench = Location(warehouse_id=warehouse.id, code="PACK-01", kind=LocationKind.PACKING)
        product = Product(tenant_id=tenant.id, code="P", name="P")
        s.add_all([*bins, bench, product])
        s.flush()
        now = utcnow()
        s.execute(insert(Variant), [
            {"tenant_id": tenant.id, "product_id": product.id, "sku": f"SKU-{i:06d}", "name": f"SKU {i}", "created_at": now}
            for i in range(skus)
        ])
        ids = list(s.scalars(select(Variant.id).order_by(Variant.id)))
        bin_of = {variant_id: bins[n % BINS].id for n, variant_id in enumerate(ids)}
        s.execute(insert(StockQuant), [
            {"tenant_id": tenant.id, "variant_id": v, "location_id": bin_of[v], "on_hand": UNITS} for v in ids
        ])
        s.execute(insert(StockLevel), [
            {"tenant_id": tenant.id, "warehouse_id": warehouse.id, "variant_id": v, "on_hand": UNITS, "reserved": 0} for v in ids
        ])
        s.execute(insert(StockMove), [
            {"tenant_id": tenant.id, "at": now, "kind": MoveKind.RECEIPT, "variant_id": v, "quantity": UNITS,
             "to_location_id": bin_of[v], "note": "", "reference": "bench setup", "station": "bench"}
            for v in ids
        ])
        uow.commit()
        result = warehouse.id, ids, bench.id
    database.dispose()
    return result


def station(url: str, warehouse_id: int, variant_ids: list[int], bench_id: int, seconds: float, seed: int, start_at: float):
    rng = random.Random(seed)
    database = Database(url)
    actor = Actor(f"bench-{seed}")
    latencies: dict[str, list[float]] = defaultdict(list)
    refused = 0
    held: list[tuple[int, int]] = []  # (reservation id, variant id)
    bins: dict[int, int] = {}
    operations, weights = zip(*WEIGHTS.items(), strict=True)
    time.sleep(max(0.0, start_at - time.time()))
    deadline = start_at + seconds
    while time.time() < deadline:
        operation = rng.choices(operations, weights)[0]
        if operation in ("release", "pick") and not held:
            operation = "reserve"
        began = time.perf_counter()
        with database.unit_of_work() as uow:
            ledger = StockLedger(uow.session, actor)
            variant_id = rng.choice(variant_ids)
            try:
                if operation == "reserve":
                    held.append((ledger.reserve(variant_id, warehouse_id, rng.randint(1, 3), ttl=None), variant_id))
                elif operation == "release":
                    ledger.release(held.pop(rng.randrange(len(held)))[0])
                elif operation == "pick":
                    reservation_id, variant_id = held.pop(rng.randrange(len(held)))
                    if variant_id not in bins:
                        bins[variant_id] = uow.session.scalar(
                            select(StockQuant.location_id).where(StockQuant.variant_id == variant_id).order_by(StockQuant.on_hand.desc()).limit(1)
                        )
                    ledger.pick(reservation_id, bins[variant_id], bench_id, 1)
                elif operation == "adjust":
                    location = bins.get(variant_id) or uow.session.scalar(
                        select(StockQuant.location_id).where(StockQuant.variant_id == variant_id).limit(1)
                    )
                    ledger.adjust(variant_id, location, 1, AdjustmentReason.FOUND)
                else:
                    location = uow.session.scalar(select(StockQuant.location_id).where(StockQuant.variant_id == variant_id).limit(1))
                    ledger.receive(variant_id, location, rng.randint(1, 5))
                uow.commit()
            except (InsufficientStock, StockError):
                refused += 1
                continue
        latencies[operation].append(time.perf_counter() - began)
    database.dispose()
    return dict(latencies), refused


def check(url: str) -> tuple[int, int]:
    """(SKUs oversold or inconsistent, SKUs whose level disagrees with the sellable quants)."""
    database = Database(url)
    with database.unit_of_work() as uow:
        s = uow.session
        held = dict(s.execute(
            select(Reservation.variant_id, func.sum(Reservation.quantity))
            .where(Reservation.status == ReservationStatus.ACTIVE).group_by(Reservation.variant_id)
        ).all())
        quants = dict(s.execute(select(StockQuant.variant_id, func.sum(StockQuant.on_hand)).group_by(StockQuant.variant_id)).all())
        bad_reserved = bad_level = 0
        for variant_id, on_hand, reserved in s.execute(select(StockLevel.variant_id, StockLevel.on_hand, StockLevel.reserved)):
            bad_reserved += reserved > on_hand or reserved != held.get(variant_id, 0)
            bad_level += on_hand != quants.get(variant_id, 0)
    database.dispose()
    return bad_reserved, bad_level


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--skus", type=int, default=50_000)
    args = parser.parse_args()
    admin_url = os.environ.get("STATION_TEST_PG_URL")
    if not admin_url:
        raise SystemExit("STATION_TEST_PG_URL is not set: run under scripts/with-postgres")
    admin(admin_url, "DROP DATABASE IF EXISTS bench_mixed")
    admin(admin_url, "CREATE DATABASE bench_mixed")
    url = make_url(admin_url).set(database="bench_mixed").render_as_string(hide_password=False)
    started = time.perf_counter()
    warehouse_id, variant_ids, bench_id = prepare(url, args.skus)
    setup_s = time.perf_counter() - started
    start_at = time.time() + 3
    with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
        results = pool.starmap(
            station, [(url, warehouse_id, variant_ids, bench_id, args.seconds, seed, start_at) for seed in range(args.workers)]
        )
    merged: dict[str, list[float]] = defaultdict(list)
    for latencies, _ in results:
        for operation, values in latencies.items():
            merged[operation].extend(values)
    refused = sum(r[1] for r in results)
    oversold, level_mismatch = check(url)
    pgbench_tps = run_pgbench(admin_url, args.workers, args.seconds)
    total = sum(len(v) for v in merged.values()) / args.seconds
    print(f"catalogue                      {args.skus:,} SKUs ({setup_s:.1f} s to load)")
    print(f"stations x duration            {args.workers} x {args.seconds} s")
    for operation in WEIGHTS:
        values = sorted(merged.get(operation, []))
        if values:
            p95 = values[int(len(values) * 0.95) - 1] * 1000
            print(f"{operation:<10} {len(values) / args.seconds:8.0f}/s   p50 {statistics.median(values) * 1000:6.1f} ms   p95 {p95:6.1f} ms")
    print(f"all operations                 {total:.0f}/s  (refused: {refused})")
    print(f"oversold or inconsistent SKUs  {oversold}")
    print(f"levels != sellable quants      {level_mismatch}")
    print(f"pgbench simple-update tps      {pgbench_tps:.0f}")
    print(f"ratio operations/pgbench       {total / pgbench_tps:.2f}")
    if oversold or level_mismatch:
        raise SystemExit("INCONSISTENT")


if __name__ == "__main__":
    main()
