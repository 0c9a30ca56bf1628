"""Confirm-to-label-bytes: from the packer's confirm to the label arriving at the printer's socket.

The real path: buy the label from the carrier (its sandbox on loopback, no added latency), record
it, turn it into a print job, queue it on the spooler, which asks the printer for its status (~HS)
and sends the label over TCP to a Zebra simulator. Orders are verified beforehand (not timed), as
the packer has scanned them. Target p95 < 300 ms.

Run:  .venv/bin/python benchmarks/confirm_to_label.py [--orders 80]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from station.api import RateRequest
from station.config import Settings, station_paths
from station.db import Database
from station.db.migrate import upgrade
from station.db.models import Order
from station.hardware.printing.device import PrinterDevice
from station.hardware.printing.graphics import label_print_job
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.printing.spooler import PrintSpooler
from station.pluginhost import PluginHost
from station.services.addresses import destination_address, origin_address, parcels_for
from station.services.carriers import CarrierGateway
from station.services.demo import seed_demo
from station.services.demo.environment import start_demo_environment
from station.services.dispatch import ParcelPlan, purchase_label
from station.services.packing import next_order

ARRIVALS: list[float] = []
ARRIVED = threading.Condition()


def on_label(_label: bytes) -> None:
    with ARRIVED:
        ARRIVALS.append(time.perf_counter())
        ARRIVED.notify_all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=80, help="at most the demo queue (~86 packable orders)")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-confirm-"))
    os.environ["STATION_HOME"] = str(home)
    os.environ["STATION_KEYRING"] = "file"
    url = f"sqlite:///{home / 'bench.db'}"
    upgrade(url)
    database = Database(url)
    seed_demo(database, seed=1)
    printer = ZebraSimulator(on_label=on_label)
    host = PluginHost()
    environment = start_demo_environment(Settings(), host, station_paths().ensure())
    settings = environment.settings
    gateway = CarrierGateway(host, settings.plugins)
    spooler = PrintSpooler(PrinterDevice.open(printer.url, transports=host.printer_transports()), poll_interval_s=0.05)
    timings: list[float] = []
    skipped: set[int] = set()
    try:
        while len(timings) < args.orders:
            with database.unit_of_work() as uow:
                order_id = next_order(uow.session, exclude=skipped)
                if order_id is None:
                    break
                order = uow.session.get(Order, order_id)
                plans = [ParcelPlan("CAJA-S", 250, 200, 100, 900, 900)]
                request = RateRequest(origin=origin_address(uow.session, order), destination=destination_address(order), parcels=parcels_for(plans))
            shop = gateway.shop(request, "standard")  # rate shopping happens before confirm, while the packer weighs
            skipped.add(order_id)
            if shop.chosen is None:
                continue
            arrived_before = len(ARRIVALS)
            started = time.perf_counter()  # the packer presses Enter
            bought = purchase_label(database, gateway, order_id, shop.chosen, plans)
            spooler.submit(label_print_job(bought.label, language="zpl"))
            with ARRIVED:
                ARRIVED.wait_for(lambda count=arrived_before: len(ARRIVALS) > count, timeout=10)
            timings.append(ARRIVALS[-1] - started)
    finally:
        spooler.stop()
        environment.stop()
        printer.stop()
        host.close()
        database.dispose()
    timings_ms = sorted(t * 1000 for t in timings)
    p95 = timings_ms[int(len(timings_ms) * 0.95) - 1]
    print(f"orders confirmed             {len(timings_ms)}")
    print(f"confirm → label bytes p50    {statistics.median(timings_ms):.1f} ms")
    print(f"confirm → label bytes p95    {p95:.1f} ms")
    print(f"confirm → label bytes max    {timings_ms[-1]:.1f} ms")


if __name__ == "__main__":
    main()
