"""Settings → Devices with real parts: the scale simulator over a socket, the Zebra simulator over
TCP, the real plugin host, the settings file under a temporary STATION_HOME. Keyboard first."""

from __future__ import annotations

import socket
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_sample import Sample
from ui_windows import show_and_activate

from station.config import DeviceSettings, Settings, StationPaths, load_settings
from station.db import Database
from station.db.engine import DatabaseInfo
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.scale import ScaleSimulator
from station.pluginhost import PluginHost
from station.ui.app import create_main_window
from station.ui.controllers.devices_controller import DevicesController
from station.ui.controllers.settings_controller import SettingsController
from station.ui.tasks import TaskRunner
from station.ui.views.devices_view import DevicesView
from station.ui.views.settings_view import SettingsView

WAIT_MS = 10_000


@dataclass
class Page:
    settings_view: SettingsView
    settings: SettingsController
    view: DevicesView
    devices: DevicesController


@pytest.fixture
def plugin_host() -> Iterator[PluginHost]:
    with PluginHost() as host:
        yield host


@pytest.fixture
def scale() -> Iterator[ScaleSimulator]:
    simulator = ScaleSimulator("sics", weight_g=1250)
    yield simulator
    simulator.stop()


@pytest.fixture
def printer() -> Iterator[ZebraSimulator]:
    with ZebraSimulator() as simulator:
        yield simulator


@pytest.fixture
def page(
    qtbot: QtBot, runner: TaskRunner, plugin_host: PluginHost, station_home: StationPaths
) -> Iterator[Page]:
    """The Settings page on its Devices tab, shown, with the window's plugin host."""
    settings_view = SettingsView("Settings")
    qtbot.addWidget(settings_view)
    controller = SettingsController(
        settings_view,
        Settings(station_name="bench-7"),
        DatabaseInfo("sqlite", "/tmp/station.db"),
        station_home,
        runner=runner,
        plugin_host=plugin_host,
    )
    settings_view.resize(1200, 800)
    with qtbot.waitExposed(settings_view):
        settings_view.show()
    settings_view.tabs.setCurrentWidget(settings_view.devices)
    yield Page(settings_view, controller, settings_view.devices, controller.devices)
    controller.shutdown()


def _type(qtbot: QtBot, field: object, text: str) -> None:
    field.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)


def _start_scale_test(qtbot: QtBot, page: Page, url: str, protocol: str) -> None:
    view = page.view
    view.scale_protocol.setCurrentIndex(view.scale_protocol.findData(protocol))
    _type(qtbot, view.scale_address_edit, url)
    with qtbot.waitSignal(page.devices.scale.sig_opening, timeout=WAIT_MS):
        qtbot.keyClick(view.scale_address_edit, Qt.Key.Key_Return)  # Enter tests the scale


# -- the scale --------------------------------------------------------------------------------------


def test_the_live_weight_follows_the_scale(qtbot: QtBot, page: Page, scale: ScaleSimulator):
    url = scale.start_socket()
    view = page.view
    _start_scale_test(qtbot, page, url, "auto")
    qtbot.waitUntil(lambda: view.weight_figure.text() == "1.250 kg", timeout=WAIT_MS)
    assert view.scale_state.text() == "Stable"
    assert view.scale_state.kind == "ok"
    assert view.test_scale_button.text() == "Stop &test"

    scale.set_weight(2480, stable=False)
    qtbot.waitUntil(lambda: view.weight_figure.text() == "2.480 kg", timeout=WAIT_MS)
    assert view.scale_state.text() == "Unstable — still moving"

    scale.set_overload()
    qtbot.waitUntil(lambda: view.scale_state.text() == "Overload — over capacity", timeout=WAIT_MS)
    assert view.weight_figure.text() == "—"


def test_a_silent_scale_shows_timeout(qtbot: QtBot, page: Page, scale: ScaleSimulator):
    url = scale.start_socket()
    view = page.view
    _start_scale_test(qtbot, page, url, "sics")
    qtbot.waitUntil(lambda: view.scale_state.text() == "Stable", timeout=WAIT_MS)

    scale.set_silent(True)
    qtbot.waitUntil(lambda: view.scale_state.text() == "Timeout — no answer", timeout=WAIT_MS)
    assert view.scale_state.kind == "bad"
    assert view.weight_figure.text() == "—"
    assert "No answer from the scale" in view.scale_detail.text()

    scale.set_silent(False)  # the cable is back
    qtbot.waitUntil(lambda: view.scale_state.text() == "Stable", timeout=WAIT_MS)


def test_no_scale_at_the_address(qtbot: QtBot, page: Page):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _start_scale_test(qtbot, page, f"socket://127.0.0.1:{port}", "sics")
    qtbot.waitUntil(lambda: page.view.scale_state.text() == "No scale", timeout=WAIT_MS)
    assert f"127.0.0.1:{port}" in page.view.scale_detail.text()


def test_changing_the_address_or_leaving_the_tab_stops_the_test(qtbot: QtBot, page: Page, scale: ScaleSimulator):
    url = scale.start_socket()
    view, tester = page.view, page.devices.scale
    _start_scale_test(qtbot, page, url, "sics")
    qtbot.waitUntil(lambda: tester.monitor is not None and view.scale_state.text() == "Stable", timeout=WAIT_MS)
    monitor = tester.monitor
    assert monitor is not None

    with qtbot.waitSignal(tester.sig_stopped, timeout=WAIT_MS):
        qtbot.keyClick(view.scale_address_edit, Qt.Key.Key_Backspace)
    assert not tester.active
    qtbot.waitUntil(lambda: not monitor.running, timeout=WAIT_MS)  # the port is released in the background
    assert view.weight_figure.text() == "—"
    assert view.scale_state.text() == "Not testing"
    scale.set_weight(999)
    assert tester.latest is None  # nothing more arrives from the stopped test

    # Test again, then leave the Devices tab: the test stops, the scale is released.
    _start_scale_test(qtbot, page, url, "sics")
    qtbot.waitUntil(lambda: tester.monitor is not None and view.weight_figure.text() == "0.999 kg", timeout=WAIT_MS)
    second = tester.monitor
    assert second is not None
    with qtbot.waitSignal(tester.sig_stopped, timeout=WAIT_MS):
        page.settings_view.tabs.setCurrentWidget(page.settings_view.general)
    qtbot.waitUntil(lambda: not second.running, timeout=WAIT_MS)


def test_the_test_button_starts_and_stops(qtbot: QtBot, page: Page, scale: ScaleSimulator):
    url = scale.start_socket()
    view, tester = page.view, page.devices.scale
    _type(qtbot, view.scale_address_edit, url)
    view.test_scale_button.setFocus()
    with qtbot.waitSignal(tester.sig_reading, timeout=WAIT_MS):
        qtbot.keyClick(view.test_scale_button, Qt.Key.Key_Space)
    with qtbot.waitSignal(tester.sig_stopped, timeout=WAIT_MS):
        qtbot.keyClick(view.test_scale_button, Qt.Key.Key_Space)
    assert view.test_scale_button.text() == "&Test scale"


def test_a_wrong_scale_address_is_not_tested(qtbot: QtBot, page: Page):
    view = page.view
    _type(qtbot, view.scale_address_edit, "ttyUSB0")
    qtbot.keyClick(view.scale_address_edit, Qt.Key.Key_Return)
    assert not page.devices.scale.active
    assert view.scale_state.text() == "Check the address"
    assert view.scale_detail.text().startswith("Scale address: 'ttyUSB0' is not a port")


def test_ports_are_listed_on_demand(qtbot: QtBot, page: Page):
    with qtbot.waitSignal(page.devices.sig_ports_found, timeout=WAIT_MS) as found:
        qtbot.mouseClick(page.view.find_ports_button, Qt.MouseButton.LeftButton)
    ports = found.args[0]
    assert page.view.scale_address.count() == len(ports)
    assert "serial port" in page.view.scale_hint.text()


# -- the printer ------------------------------------------------------------------------------------


def _printer_answer(qtbot: QtBot, page: Page, button: object) -> object:
    with qtbot.waitSignal(page.devices.sig_printer_answered, timeout=WAIT_MS) as answered:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    return answered.args[0]


def test_printer_status_ready_then_out_of_labels(qtbot: QtBot, page: Page, printer: ZebraSimulator):
    view = page.view
    _type(qtbot, view.printer_address, printer.url)
    with qtbot.waitSignal(page.devices.sig_printer_answered, timeout=WAIT_MS):
        qtbot.keyClick(view.printer_address, Qt.Key.Key_Return)  # Enter asks for the status
    assert view.printer_state.text() == "Ready"
    assert view.printer_state.kind == "ok"

    printer.paper_out = True
    _printer_answer(qtbot, page, view.printer_status_button)
    assert view.printer_state.text() == "Not ready"
    assert view.printer_details.text() == "• Out of labels"

    printer.head_open = True
    _printer_answer(qtbot, page, view.printer_status_button)
    assert view.printer_details.text() == "• Out of labels\n• Print head open"


def test_a_printer_that_does_not_answer_is_named(qtbot: QtBot, page: Page, printer: ZebraSimulator):
    view = page.view
    _type(qtbot, view.printer_address, printer.url)
    printer.offline = True
    _printer_answer(qtbot, page, view.printer_status_button)
    assert view.printer_state.text() == "Not ready"
    assert view.printer_details.text().startswith(f"• No answer from the printer at {printer.url}: ")


def test_the_test_label_reaches_the_printer(qtbot: QtBot, page: Page, printer: ZebraSimulator):
    view = page.view
    _type(qtbot, view.printer_address, printer.url)
    printer.paper_out = True
    outcome = _printer_answer(qtbot, page, view.test_label_button)
    assert not outcome.printed  # type: ignore[attr-defined]
    assert printer.labels == []
    assert view.printer_details.text() == "• Out of labels\nThe test label was not printed."

    printer.paper_out = False
    _printer_answer(qtbot, page, view.test_label_button)
    qtbot.waitUntil(lambda: len(printer.labels) == 1, timeout=WAIT_MS)
    assert b"bench-7" in printer.labels[0]
    assert b"^CI28" in printer.labels[0]
    assert view.printer_state.text() == "Test label sent"
    assert "4x6 labels at 203 dpi" in view.printer_details.text()


def test_printer_trouble_is_shown_never_raised(qtbot: QtBot, page: Page):
    view = page.view
    _type(qtbot, view.printer_address, "lpt://PRN")
    qtbot.mouseClick(view.test_label_button, Qt.MouseButton.LeftButton)
    assert view.printer_state.text() == "Check the address"
    assert "no printer transport 'lpt'" in view.printer_details.text()

    _type(qtbot, view.printer_address, "serial:///dev/station-no-such-port")
    _printer_answer(qtbot, page, view.test_label_button)
    assert view.printer_state.kind == "bad"
    assert "The test label was not printed." in view.printer_details.text()


# -- saving -----------------------------------------------------------------------------------------


def test_save_writes_the_devices_to_the_station_settings(
    qtbot: QtBot, page: Page, station_home: StationPaths, scale: ScaleSimulator, printer: ZebraSimulator
):
    view = page.view
    scale_url = scale.start_socket()
    _type(qtbot, view.scale_address_edit, scale_url)
    view.scale_protocol.setCurrentIndex(view.scale_protocol.findData("toledo8217"))
    _type(qtbot, view.printer_address, printer.url)
    view.printer_language.setCurrentIndex(view.printer_language.findData("epl"))
    view.printer_address.setFocus()
    with qtbot.waitSignal(page.settings.sig_settings_saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(view.printer_address, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    expected = DeviceSettings(
        scale_url=scale_url, scale_protocol="toledo8217", printer_url=printer.url, printer_language="epl"
    )
    assert saved.args[0].devices == expected
    written = tomllib.loads(station_home.settings_file.read_text(encoding="utf-8"))
    assert written["devices"]["scale_url"] == scale_url
    assert load_settings(station_home).devices == expected
    assert load_settings(station_home).station_name == "bench-7"
    assert view.message.objectName() == "successMessage"

    # The General tab saves later without losing the devices.
    page.settings_view.station_name.setText("bench-8")
    page.settings.save()
    assert load_settings(station_home) == Settings(station_name="bench-8", devices=expected)


@pytest.mark.parametrize(
    ("scale_url", "printer_url", "field", "message"),
    [
        ("ttyUSB0", "", "scale_address", "Scale address: 'ttyUSB0' is not a port"),
        ("socket://10.0.0.20", "", "scale_address", "Scale address: no port; write socket://10.0.0.20:4001"),
        ("usb:zz:1", "", "scale_address", "Scale address: 'usb:zz:1' is not a USB port address"),
        ("", "10.0.0.5:9100", "printer_address", "Printer address: printer URL '10.0.0.5:9100' needs a scheme"),
        ("", "tcp://:9100", "printer_address", "Printer address: printer URL 'tcp://:9100' has no host"),
        ("", "lpt://PRN", "printer_address", "Printer address: no printer transport 'lpt' is installed"),
    ],
)
def test_save_refuses_a_wrong_address_naming_the_field(
    qtbot: QtBot, page: Page, station_home: StationPaths, scale_url: str, printer_url: str, field: str, message: str
):
    view = page.view
    _type(qtbot, view.scale_address_edit, scale_url)
    _type(qtbot, view.printer_address, printer_url)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert view.message.text().startswith(message)
    assert view.message.objectName() == "errorMessage"
    assert not station_home.settings_file.exists()
    wrong = getattr(view, field)
    qtbot.waitUntil(lambda: wrong.hasFocus() or wrong.isAncestorOf(wrong.focusWidget() or wrong))


def test_the_devices_page_loads_its_own_plugins_when_none_are_given(
    qtbot: QtBot, runner: TaskRunner, station_home: StationPaths
):
    view = DevicesView()
    qtbot.addWidget(view)
    controller = DevicesController(view, Settings(station_name="bench-7"), station_home, runner)
    try:
        with qtbot.waitSignal(controller.sig_ports_found, timeout=WAIT_MS):
            view.show()
        qtbot.waitUntil(lambda: controller.host is not None, timeout=WAIT_MS)
        names = [view.scale_protocol.itemData(index) for index in range(view.scale_protocol.count())]
        assert names[0] == "auto"
        assert {"sics", "toledo8217", "cas"} <= set(names)
    finally:
        controller.shutdown()


def test_the_devices_tab_is_operated_by_keyboard(qtbot: QtBot, page: Page, scale: ScaleSimulator):
    url = scale.start_socket()
    window = page.settings_view
    window.tabs.setCurrentWidget(window.general)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    view = page.view

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # the Devices tab
    assert window.tabs.currentWidget() is view
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Port or address
    assert view.scale_address_edit.hasFocus()
    qtbot.keyClicks(view.scale_address_edit, url)
    with qtbot.waitSignal(page.devices.scale.sig_reading, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Test scale
    qtbot.waitUntil(lambda: view.weight_figure.text() == "1.250 kg", timeout=WAIT_MS)

    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Printer address
    assert view.printer_address.hasFocus()
    with qtbot.waitSignal(page.devices.scale.sig_stopped, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Stop test


def test_the_main_window_settings_page_has_the_devices_tab(
    qtbot: QtBot, database: Database, sample: Sample, runner: TaskRunner, station_home: StationPaths
):
    window = create_main_window(database, sample.admin, paths=station_home, runner=runner)
    show_and_activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    settings = window.controller.settings  # type: ignore[attr-defined]
    try:
        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
        assert settings.view.tabs.currentWidget() is settings.view.devices
        qtbot.waitUntil(lambda: settings.devices.host is not None, timeout=WAIT_MS)  # plugins loaded for the tab
        assert settings.view.devices.scale_protocol.findData("sics") >= 0
    finally:
        settings.shutdown()
