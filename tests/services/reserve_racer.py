"""One station racing for the last units: run as a separate process by test_reserve_concurrency.

Usage: python reserve_racer.py DATABASE_URL START_AT SEED VARIANT_ID[,VARIANT_ID…] WAREHOUSE_ID
Prints one JSON line: how many reservations it got, how many it released, how many were refused.
"""

from __future__ import annotations

import json
import random
import sys
import time

from station.db import Database
from station.domain.stock import InsufficientStock
from station.services.stock import Actor, StockLedger


def main() -> None:
    url, start_at, seed, variant_ids, warehouse_id = sys.argv[1:6]
    variants = [int(v) for v in variant_ids.split(",")]
    rng = random.Random(int(seed))
    database = Database(url)
    actor = Actor(station=f"racer-{seed}")
    got = released = refused = 0
    held: list[int] = []
    time.sleep(max(0.0, float(start_at) - time.time()))  # all racers start together
    sold_out: set[int] = set()
    while len(sold_out) < len(variants):
        variant_id = rng.choice(variants)
        with database.unit_of_work() as uow:
            ledger = StockLedger(uow.session, actor)
            if held and rng.random() < 0.2:
                ledger.release(held.pop(rng.randrange(len(held))))
                uow.commit()
                released += 1
                continue
            try:
                reservation = ledger.reserve(variant_id, int(warehouse_id), rng.randint(1, 3), ttl=None)
            except InsufficientStock as shortage:
                refused += 1
                if shortage.available == 0:
                    sold_out.add(variant_id)
                continue
            uow.commit()
            held.append(reservation)
            got += 1
    database.dispose()
    print(json.dumps({"got": got, "released": released, "refused": refused}))


if __name__ == "__main__":
    main()
