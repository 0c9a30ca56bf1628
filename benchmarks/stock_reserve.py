"""Reservations under contention on PostgreSQL, next to pgbench's simple-update in the same run.

16 processes (each its own connection, like 16 stations) reserve and release units of a few
scarce SKUs for 20 s; then pgbench -b simple-update runs with 16 clients for 20 s on the same server.
Reports reservations per second, p95 latency of a reserve, the oversell count (must be 0) and the
ratio to pgbench's transactions per second.

Run:  scripts/with-postgres .venv/bin/python benchmarks/stock_reserve.py [--seconds 20] [--workers 16]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from station.db import Database
from station.db.migrate import upgrade
from station.db.models import (
    Location,
    LocationKind,
    Product,
    Reservation,
    ReservationStatus,
    StockLevel,
    Tenant,
    Variant,
    Warehouse,
)
from station.domain.stock import InsufficientStock
from station.services.stock import Actor, StockLedger

HOLD_AT_MOST = 8  # reservations a station holds before it releases the oldest


def admin(url: str, statement: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


def prepare(url: str, skus: int, units_per_sku: int) -> tuple[int, list[int]]:
    upgrade(url)
    database = Database(url)
    with database.unit_of_work() as uow:
        session = uow.session
        tenant, warehouse = Tenant(code="BENCH", name="Bench"), Warehouse(code="B1", name="Bench")
        session.add_all([tenant, warehouse])
        session.flush()
        location = Location(warehouse_id=warehouse.id, code="A-01-A", kind=LocationKind.STORAGE)
        product = Product(tenant_id=tenant.id, code="P", name="P")
        session.add_all([location, product])
        session.flush()
        variants = [Variant(tenant_id=tenant.id, product_id=product.id, sku=f"SKU-{i}", name=f"SKU {i}") for i in range(skus)]
        session.add_all(variants)
        session.flush()
        ledger = StockLedger(session, Actor("bench"))
        for variant in variants:
            ledger.receive(variant.id, location.id, units_per_sku)
        uow.commit()
        result = warehouse.id, [v.id for v in variants]
    database.dispose()
    return result


def station_worker(url: str, warehouse_id: int, variant_ids: list[int], seconds: float, seed: int, start_at: float):
    rng = random.Random(seed)
    database = Database(url)
    actor = Actor(f"bench-{seed}")
    latencies: list[float] = []
    reserved = released = refused = 0
    held: list[int] = []
    time.sleep(max(0.0, start_at - time.time()))
    deadline = start_at + seconds
    while time.time() < deadline:
        with database.unit_of_work() as uow:
            ledger = StockLedger(uow.session, actor)
            if len(held) >= HOLD_AT_MOST or (held and rng.random() < 0.4):
                ledger.release(held.pop(0))
                uow.commit()
                released += 1
                continue
            began = time.perf_counter()
            try:
                reservation = ledger.reserve(rng.choice(variant_ids), warehouse_id, 1, ttl=None)
                uow.commit()
            except InsufficientStock:
                refused += 1
                continue
            finally:
                latencies.append(time.perf_counter() - began)
            held.append(reservation)
            reserved += 1
    database.dispose()
    return reserved, released, refused, latencies


def oversold_skus(url: str, variant_ids: list[int]) -> int:
    """SKUs whose reservations exceed what is on hand, or whose reserved total disagrees with them."""
    database = Database(url)
    bad = 0
    with database.unit_of_work() as uow:
        for variant_id in variant_ids:
            level = uow.session.scalars(select(StockLevel).where(StockLevel.variant_id == variant_id)).one()
            held = uow.session.scalar(
                select(func.coalesce(func.sum(Reservation.quantity), 0)).where(
                    Reservation.variant_id == variant_id, Reservation.status == ReservationStatus.ACTIVE
                )
            )
            bad += held > level.on_hand or held != level.reserved
    database.dispose()
    return bad


def run_pgbench(admin_url: str, clients: int, seconds: int) -> float:
    parsed = make_url(admin_url)
    admin(admin_url, "DROP DATABASE IF EXISTS bench_pgbench")
    admin(admin_url, "CREATE DATABASE bench_pgbench")
    pg_bin = Path(os.environ.get("STATION_PG_BIN", "/usr/lib/postgresql/15/bin"))
    connection = ["-h", parsed.host or "127.0.0.1", "-p", str(parsed.port or 5432), "-U", parsed.username or "postgres"]
    subprocess.run([pg_bin / "pgbench", *connection, "-i", "-q", "-s", "10", "bench_pgbench"], check=True, capture_output=True)
    result = subprocess.run(
        [pg_bin / "pgbench", *connection, "-b", "simple-update", "-c", str(clients), "-j", "2", "-T", str(seconds), "bench_pgbench"],
        check=True,
        capture_output=True,
        text=True,
    )
    match = re.search(r"tps = ([\d.]+) \(without initial connection time\)", result.stdout)
    if not match:
        raise RuntimeError(f"could not read pgbench's tps from:\n{result.stdout}")
    return float(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--skus", type=int, default=20, help="how many SKUs the stations race for")
    parser.add_argument("--units", type=int, default=6, help="units of each SKU (few: stations run out)")
    args = parser.parse_args()
    admin_url = os.environ.get("STATION_TEST_PG_URL")
    if not admin_url:
        raise SystemExit("STATION_TEST_PG_URL is not set: run under scripts/with-postgres")

    admin(admin_url, "DROP DATABASE IF EXISTS bench_reserve")
    admin(admin_url, "CREATE DATABASE bench_reserve")
    url = make_url(admin_url).set(database="bench_reserve").render_as_string(hide_password=False)
    warehouse_id, variant_ids = prepare(url, args.skus, args.units)

    start_at = time.time() + 3  # let every process connect before the clock starts
    context = multiprocessing.get_context("spawn")
    with context.Pool(args.workers) as pool:
        results = pool.starmap(
            station_worker,
            [(url, warehouse_id, variant_ids, args.seconds, seed, start_at) for seed in range(args.workers)],
        )
    reserved = sum(r[0] for r in results)
    released = sum(r[1] for r in results)
    refused = sum(r[2] for r in results)
    latencies = sorted(latency for r in results for latency in r[3])
    p95 = latencies[int(len(latencies) * 0.95)] * 1000
    oversold = oversold_skus(url, variant_ids)
    pgbench_tps = run_pgbench(admin_url, args.workers, args.seconds)

    per_second = reserved / args.seconds
    transactions = (reserved + released + refused) / args.seconds
    print(f"stations (processes)        {args.workers}")
    print(f"SKUs x units                {args.skus} x {args.units}  (stations hold up to {HOLD_AT_MOST} each)")
    print(f"duration                    {args.seconds} s")
    print(f"reservations/s              {per_second:.0f}")
    print(f"all transactions/s          {transactions:.0f}  (reserve, refused reserve, release)")
    print(f"refused (sold out)          {refused}")
    print(f"reserve latency p50 / p95   {statistics.median(latencies) * 1000:.1f} ms / {p95:.1f} ms")
    print(f"oversold SKUs               {oversold}")
    print(f"pgbench simple-update tps   {pgbench_tps:.0f}  ({args.workers} clients)")
    print(f"ratio reservations/pgbench  {per_second / pgbench_tps:.2f}")
    print(f"ratio transactions/pgbench  {transactions / pgbench_tps:.2f}")
    if oversold:
        raise SystemExit(f"OVERSOLD: {oversold} SKU(s)")


if __name__ == "__main__":
    main()
