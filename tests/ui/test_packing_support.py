"""Fixtures and helpers for the packing view tests (no tests here): a small warehouse with orders,
the real devices' simulators (scale over a socket, Zebra over TCP), the Demo Courier sandbox on
loopback, and the main window signed in as a packer with all of it plugged in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sample_world import World, add_order, build_world
from station_carrier_demo.sandbox import TEST_API_KEY, SandboxServer
from ui_windows import show_and_activate

from station.config import DeviceSettings, PackingSettings, Settings, StationPaths
from station.db import Database
from station.db.models import Barcode, PackageType, Product, Role, SerialNumber, Symbology, Variant, Warehouse
from station.domain.gs1 import gs1_check_digit
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.scale import ScaleSimulator
from station.pluginhost import PluginHost
from station.services.auth import LoggedInUser, create_user
from station.services.carriers import CarrierGateway
from station.services.stock import Actor, StockLedger
from station.ui import packing_sound
from station.ui.app import create_main_window
from station.ui.controllers.packing_controller import PackingController
from station.ui.tasks import TaskRunner
from station.ui.views.main_window import MainWindow
from station.ui.views.packing_view import PackingView

SHIRT_EAN = "780123456789" + str(gs1_check_digit("780123456789"))
PHONE_GTIN = "0780123450001" + str(gs1_check_digit("0780123450001"))

BOXES = (
    {"code": "SOBRE-M", "name": "Sobre M", "length_mm": 300, "width_mm": 220, "height_mm": 40, "tare_g": 25, "max_weight_g": 1_000},
    {"code": "CAJA-S", "name": "Caja S", "length_mm": 250, "width_mm": 200, "height_mm": 100, "tare_g": 150, "max_weight_g": 5_000},
    {"code": "CAJA-M", "name": "Caja M", "length_mm": 400, "width_mm": 300, "height_mm": 200, "tare_g": 300, "max_weight_g": 15_000},
)
# JLS-000001: 2 × Polera (200 g, EAN) + 1 × Taza (350 g) in a Caja M (300 g) = 1,050 g.
EXPECTED_G = 1050


@dataclass(frozen=True)
class PackingWorld:
    world: World
    packer: LoggedInUser
    order_id: int  # JLS-000001: 2 shirts, 1 mug
    phone_order_id: int  # JLS-000002: 2 serial-tracked phones
    phone: int


def build_packing_world(database: Database, image_dir: Path) -> PackingWorld:
    world = build_world(database)
    image = image_dir / "polera.png"
    Image.new("RGB", (64, 64), "#DC2626").save(image)
    with database.unit_of_work() as uow:
        s = uow.session
        packer = create_user(s, "pedro", "Pedro Packer", Role.PACKER, "1111")
        warehouse = s.get(Warehouse, world.warehouse_id)
        warehouse.street, warehouse.comuna, warehouse.region = "Av. Américo Vespucio 1501", "Pudahuel", "Metropolitana de Santiago"
        shirt, mug = s.get(Variant, world.shirt), s.get(Variant, world.mug)
        shirt.length_mm, shirt.width_mm, shirt.height_mm, shirt.image_path = 300, 200, 30, str(image)
        mug.length_mm, mug.width_mm, mug.height_mm = 120, 100, 100
        s.add(Barcode(tenant_id=world.tenant_id, variant_id=shirt.id, code=SHIRT_EAN, symbology=Symbology.EAN13))
        s.add_all(PackageType(**box) for box in BOXES)
        phones = Product(tenant_id=world.tenant_id, code="P2", name="Teléfono", tracking="serial")
        s.add(phones)
        s.flush()
        phone = Variant(tenant_id=world.tenant_id, product_id=phones.id, sku="TEL-01", name="Teléfono X", weight_g=180,
                        length_mm=160, width_mm=80, height_mm=20)
        s.add(phone)
        s.flush()
        s.add(Barcode(tenant_id=world.tenant_id, variant_id=phone.id, code=PHONE_GTIN[1:], symbology=Symbology.EAN13))
        s.add_all(SerialNumber(tenant_id=world.tenant_id, variant_id=phone.id, serial=f"SN-100{n}", location_id=world.bin_a)
                  for n in (1, 2, 3))
        ledger = StockLedger(s, Actor(station="test"))
        ledger.receive(world.shirt, world.bin_a, 5)
        ledger.receive(world.mug, world.bin_b, 3)
        ledger.receive(phone.id, world.bin_a, 3)
        user = LoggedInUser(packer.id, packer.login, packer.name, packer.role)
        phone_id = phone.id
        uow.commit()
    order_id = add_order(database, world, [(world.shirt, 2), (world.mug, 1)])
    phone_order = add_order(database, world, [(phone_id, 2)], number="JLS-000002")
    return PackingWorld(world, user, order_id, phone_order, phone_id)


@pytest.fixture
def packing_world(database: Database, tmp_path: Path) -> PackingWorld:
    return build_packing_world(database, tmp_path)


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


@pytest.fixture
def scale() -> Iterator[ScaleSimulator]:
    simulator = ScaleSimulator("sics", weight_g=0)
    simulator.start_socket()
    yield simulator
    simulator.stop()


@pytest.fixture
def zebra() -> Iterator[ZebraSimulator]:
    with ZebraSimulator() as printer:
        yield printer


@pytest.fixture
def beeps(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every error sound, counted instead of played."""
    heard: list[str] = []
    monkeypatch.setattr(packing_sound, "error_sound", lambda: heard.append("beep"))
    return heard


def bench_settings(scale: ScaleSimulator | None, zebra: ZebraSimulator, sandbox: SandboxServer) -> Settings:
    return Settings(
        station_name="bench-7",
        devices=DeviceSettings(scale_url=scale.url if scale else "", scale_protocol="sics", printer_url=zebra.url),
        packing=PackingSettings(bench="PACK-01"),
        plugins={"demo": {"base_url": sandbox.url}},
    )


def demo_gateway(host: PluginHost, settings: Settings) -> CarrierGateway:
    """The real gateway with the sandbox's published test key and no waiting between retries."""
    secrets = {("demo", "api_key"): TEST_API_KEY}
    return CarrierGateway(host, settings.plugins, get_secret=lambda owner, key: secrets.get((owner, key)), sleep=lambda _s: None)




@dataclass
class Bench:
    window: MainWindow
    controller: PackingController
    view: PackingView
    host: PluginHost
    _stamp: int = 1_000_000

    def scan(self, qtbot: QtBot, text: str) -> None:
        """Type `text` into the scan field and press Enter, as a packer (or a wedge scanner) would."""
        self.view.scan_field.setFocus()
        with qtbot.waitSignal(self.controller.sig_scan_handled, timeout=5_000):
            qtbot.keyClicks(self.view.scan_field, text)
            qtbot.keyClick(self.view.scan_field, Qt.Key.Key_Return)

    def type(self, text: str) -> None:
        """A person typing `text` into the focused field, 150 ms between keys (event timestamps, so
        the wedge-scanner detector sees typing, not a scan; nothing waits)."""
        target = self.window.focusWidget() or self.view.scan_field
        for char in text:
            self._stamp += 150
            key = ord(char.upper()) if char.isascii() else int(Qt.Key.Key_unknown)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                event.setTimestamp(self._stamp)
                QApplication.sendEvent(target, event)

    def key(self, qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key pressed wherever the focus is (the scan field, or the prompt's answer)."""
        qtbot.keyClick(self.window.focusWidget() or self.view.scan_field, key, modifiers)


def open_bench(
    qtbot: QtBot, database: Database, packing_world: PackingWorld, runner: TaskRunner, paths: StationPaths,
    settings: Settings,
) -> Bench:
    window = create_main_window(database, packing_world.packer, settings=settings, paths=paths, runner=runner)
    controller: PackingController = window.controller.packing  # type: ignore[attr-defined]
    controller.dispatch.gateway_factory = lambda host: demo_gateway(host, settings)
    controller.dispatch.print_retry_interval_s = 0.1
    host = PluginHost()
    window.controller.set_plugin_host(host)  # type: ignore[attr-defined]
    show_and_activate(qtbot, window)
    return Bench(window, controller, controller.view, host)


@pytest.fixture
def bench(
    qtbot: QtBot, database: Database, packing_world: PackingWorld, runner: TaskRunner, station_home: StationPaths,
    scale: ScaleSimulator, zebra: ZebraSimulator, sandbox: SandboxServer, beeps: list[str],
) -> Iterator[Bench]:
    opened = open_bench(qtbot, database, packing_world, runner, station_home, bench_settings(scale, zebra, sandbox))
    yield opened
    opened.window.controller.shutdown()  # type: ignore[attr-defined]
    opened.host.close()


def without_scale(settings: Settings) -> Settings:
    return replace(settings, devices=replace(settings.devices, scale_url=""))
