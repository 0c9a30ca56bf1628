"""`station demo --headless`: pack demo orders one after another with simulated scans, real device
protocols (the given printer and scale, or the built-in simulators) and the carriers' sandboxes."""

from __future__ import annotations

from collections.abc import Callable

from station.config import Settings, StationPaths
from station.db.engine import Database
from station.domain.money import format_money
from station.hardware.printing.device import PrinterDevice
from station.hardware.printing.spooler import PrintSpooler
from station.hardware.scale.device import ScaleDevice
from station.pluginhost import PluginHost
from station.services.autopack import AutoPacked, Bench
from station.services.carriers import CarrierGateway
from station.services.demo.environment import start_demo_environment
from station.services.packing import PackingError, next_order
from station.services.stock import Actor

HEADLESS_PACKER = "demo packer"


def run_headless_demo(
    database: Database,
    settings: Settings,
    paths: StationPaths,
    host: PluginHost,
    *,
    orders: int,
    printer_url: str = "",
    scale_url: str = "",
    out: Callable[[str], None] = print,
) -> list[AutoPacked]:
    """Pack up to `orders` orders from the queue; one summary line per order."""
    if printer_url:
        settings.devices.printer_url = printer_url
    if scale_url:
        settings.devices.scale_url = scale_url
    environment = start_demo_environment(settings, host, paths)
    demo = environment.settings
    scale = ScaleDevice.open(demo.devices.scale_url, demo.devices.scale_protocol or "auto", protocols=host.scale_protocols())
    transports = host.printer_transports()
    label_spooler = PrintSpooler(PrinterDevice.open(demo.devices.printer_url, transports=transports, language=demo.devices.printer_language))
    slip_spooler = PrintSpooler(PrinterDevice.open(demo.packing.slip_printer_url, transports=transports, language="pdf"))
    gateway = CarrierGateway(host, demo.plugins)
    packed: list[AutoPacked] = []
    try:
        bench = Bench(database, gateway, demo, label_spooler, slip_spooler, scale, environment.scale, Actor(demo.station_name))
        out(f"Packing at {demo.station_name}: labels → {demo.devices.printer_url}, scale {demo.devices.scale_url}")
        skipped: set[int] = set()
        while len(packed) < orders:
            with database.unit_of_work() as uow:
                order_id = next_order(uow.session, exclude=skipped)
            if order_id is None:
                out("No more orders to pack.")
                break
            try:
                result = bench.pack(order_id, packer=HEADLESS_PACKER)
            except PackingError as exc:
                skipped.add(order_id)
                out(f"skipped order #{order_id}: {exc}")
                continue
            packed.append(result)
            out(summary_line(result))
    finally:
        label_spooler.stop()
        slip_spooler.stop()
        scale.close()
        environment.stop()
    out(f"{len(packed)} order(s) packed; labels in {demo.devices.printer_url}, slips in {demo.packing.slip_printer_url}")
    return packed


def summary_line(result: AutoPacked) -> str:
    weight = f"{result.weight_g / 1000:.2f} kg".replace(".", ",")
    price = format_money(result.price, result.currency)
    line = (
        f"{result.order_number}  {result.items:>2} item(s)  {weight:>9}  {result.box:<8}  "
        f"{result.carrier} {result.service} {price}  tracking {result.tracking_number}"
    )
    return line + "".join(f"\n    note: {note}" for note in result.notes)
