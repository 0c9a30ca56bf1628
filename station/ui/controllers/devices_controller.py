"""Settings → Devices: pick the scale and the label printer, try them, save them for this station.

* The scale: discovered serial ports (refreshed on demand) or a typed address, a protocol, and
  a test that shows the live weight until the address changes or the page is left.
* The printer: its URL and language, its status, a test label with the station's name.
* Save checks both addresses (a wrong one is refused with a message naming the field) and
  writes ``[devices]`` to this station's settings file.

Everything that may wait on a cable, a socket or the plugins runs on the network lane.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal

from station.api import ScaleReading
from station.config import DeviceSettings, Settings, SettingsError, StationPaths, save_settings
from station.hardware.printing.device import LANGUAGES
from station.pluginhost import PluginHost
from station.ui.controllers.devices_jobs import (
    AUTO_PROTOCOL,
    PortChoice,
    PrinterOutcome,
    find_scale_ports,
    print_test_label,
    printer_address_problem,
    printer_status,
    scale_address_problem,
    scale_protocol_problem,
)
from station.ui.controllers.devices_scale import ScaleTester
from station.ui.controllers.devices_texts import NO_FIGURE, DevicesTexts
from station.ui.tasks import Task, TaskRunner
from station.ui.views.devices_view import DevicesView

log = logging.getLogger(__name__)


class DevicesController(QObject):
    sig_devices_saved = Signal(object)  # the saved Settings
    sig_ports_found = Signal(object)  # list[PortChoice]
    sig_printer_answered = Signal(object)  # PrinterOutcome of a status check or a test label

    def __init__(
        self,
        view: DevicesView,
        settings: Settings,
        paths: StationPaths,
        runner: TaskRunner | None = None,
        plugin_host: PluginHost | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.settings = settings
        self.paths = paths
        self._own_runner = runner is None
        self.runner = runner if runner is not None else TaskRunner(self)
        self.host: PluginHost | None = None
        self._own_host: PluginHost | None = None  # loaded here when nobody handed one over
        self._waiting_for_host: list[Callable[[PluginHost], None]] = []
        self._printer_task: Task | None = None
        self._ports: list[PortChoice] = []
        self._ports_listed = False
        self.texts = DevicesTexts(self)
        self.scale = ScaleTester(self.runner, self)

        view.scale_protocol.addItem(self.texts.auto_protocol(), AUTO_PROTOCOL)
        for language in LANGUAGES:
            view.printer_language.addItem(language.upper(), language)
        self._show(settings.devices)
        self._show_scale_idle()
        self._show_printer(*self.texts.printer_idle(), "")

        view.find_ports_button.clicked.connect(self.refresh_ports)
        view.test_scale_button.clicked.connect(self.toggle_scale_test)
        view.scale_address_edit.returnPressed.connect(self.test_scale)
        view.scale_address.editTextChanged.connect(self._scale_changed)
        view.scale_protocol.currentIndexChanged.connect(self._scale_changed)
        view.printer_status_button.clicked.connect(self.check_printer)
        view.test_label_button.clicked.connect(self.print_test_label)
        view.printer_address.returnPressed.connect(self.check_printer)
        view.printer_address.textEdited.connect(self._printer_changed)
        view.printer_language.currentIndexChanged.connect(self._printer_changed)
        view.save_button.clicked.connect(self.save)
        view.save_shortcut.activated.connect(self.save)
        view.sig_shown.connect(self._page_shown)
        view.sig_hidden.connect(self.stop_scale_test)
        self.scale.sig_opening.connect(self._scale_opening)
        self.scale.sig_reading.connect(self._show_reading)
        self.scale.sig_stopped.connect(self._show_scale_idle)
        if plugin_host is not None:
            self.set_plugin_host(plugin_host)

    # -- settings and plugins ----------------------------------------------------------------------

    def _show(self, devices: DeviceSettings) -> None:
        view = self.view
        view.scale_address.setEditText(devices.scale_url)
        protocol = devices.scale_protocol or AUTO_PROTOCOL
        if view.scale_protocol.findData(protocol) < 0:
            view.scale_protocol.addItem(protocol, protocol)
        view.scale_protocol.setCurrentIndex(view.scale_protocol.findData(protocol))
        view.printer_address.setText(devices.printer_url)
        view.printer_language.setCurrentIndex(max(0, view.printer_language.findData(devices.printer_language or "zpl")))

    def use_settings(self, settings: Settings) -> None:
        """The rest of the settings changed (the station name, for the test label)."""
        self.settings = replace(settings, devices=self.settings.devices)

    def set_plugin_host(self, host: PluginHost) -> None:
        """The loaded plugins: the scale protocols and printer transports to offer."""
        if self._own_host is not None and host is not self._own_host:
            self._own_host.close()
            self._own_host = None
        self.host = host
        combo = self.view.scale_protocol
        chosen = str(combo.currentData() or AUTO_PROTOCOL)
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.texts.auto_protocol(), AUTO_PROTOCOL)
        for name, protocol in sorted(host.scale_protocols().items()):
            combo.addItem(f"{protocol.title} ({name})", name)
        if combo.findData(chosen) < 0:
            combo.addItem(chosen, chosen)  # saved, but no plugin provides it now: Save will say so
        combo.setCurrentIndex(combo.findData(chosen))
        combo.blockSignals(False)
        waiting, self._waiting_for_host = self._waiting_for_host, []
        for action in waiting:
            action(host)

    def _with_host(self, action: Callable[[PluginHost], None]) -> None:
        """Run ``action`` with the plugin host, loading the plugins first if nobody handed them over."""
        if self.host is not None:
            action(self.host)
            return
        self._waiting_for_host.append(action)
        if len(self._waiting_for_host) > 1:
            return  # already loading
        task = self.runner.submit(PluginHost, lane="net")
        task.sig_finished.connect(self._host_loaded)
        task.sig_failed.connect(self._host_failed)

    def _host_loaded(self, host: PluginHost) -> None:
        if self.host is not None:  # one arrived from the window meanwhile
            host.close()
            return
        self.set_plugin_host(host)
        self._own_host = host

    def _host_failed(self, message: str) -> None:
        self._waiting_for_host.clear()
        self._show_printer(*self.texts.printer_idle(), "")
        self.view.show_message(self.texts.plugins_failed(message), ok=False)

    def _page_shown(self) -> None:
        if not self._ports_listed:
            self.refresh_ports()
        if self.host is None:
            self._with_host(lambda host: None)  # fill in the protocols

    # -- the scale ---------------------------------------------------------------------------------

    def refresh_ports(self) -> Task:
        self._ports_listed = True
        task = self.runner.submit(find_scale_ports, lane="net")
        task.sig_finished.connect(self._ports_arrived)
        task.sig_failed.connect(lambda message: self.view.scale_hint.setText(self.texts.ports_failed(message)))
        return task

    def _ports_arrived(self, ports: list[PortChoice]) -> None:
        self._ports = ports
        combo = self.view.scale_address
        typed = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        for port in ports:
            combo.addItem(port.address)
            combo.setItemData(combo.count() - 1, port.description, Qt.ItemDataRole.ToolTipRole)
        combo.setEditText(typed)
        combo.blockSignals(False)
        self._show_port_hint()
        self.sig_ports_found.emit(ports)

    def _show_port_hint(self) -> None:
        typed = self.view.scale_address.currentText().strip()
        described = next((port.description for port in self._ports if port.address == typed and port.description), "")
        self.view.scale_hint.setText(described or self.texts.ports_found(len(self._ports)))

    def _scale_changed(self) -> None:
        self.stop_scale_test()
        self.view.clear_message()  # "Saved" no longer describes what is on screen
        self._show_port_hint()

    def toggle_scale_test(self) -> None:
        if self.scale.active:
            self.stop_scale_test()
        else:
            self.test_scale()

    def test_scale(self) -> None:
        url = self.view.scale_address.currentText().strip()
        problem = scale_address_problem(url)
        if not url or problem is not None:
            self.scale.stop()
            text = self.texts.no_scale_address() if not url else self.texts.bad_scale_address(str(problem))
            self._show_scale(NO_FIGURE, *self.texts.check_address(), text, running=False)
            self.view.scale_address.setFocus()
            return
        protocol = str(self.view.scale_protocol.currentData() or AUTO_PROTOCOL)
        self._with_host(lambda host: self.scale.start(url, protocol, host.scale_protocols()))

    def stop_scale_test(self) -> None:
        self.scale.stop()

    def _scale_opening(self, url: str) -> None:
        kind, chip, detail = self.texts.scale_opening(url)
        self._show_scale(NO_FIGURE, kind, chip, detail, running=True)

    def _show_reading(self, reading: ScaleReading) -> None:
        kind, chip = self.texts.scale_state(reading)
        self._show_scale(self.texts.weight(reading), kind, chip, self.texts.scale_detail(reading), running=True)

    def _show_scale_idle(self) -> None:
        kind, chip, detail = self.texts.scale_idle()
        self._show_scale(NO_FIGURE, kind, chip, detail, running=False)

    def _show_scale(self, figure: str, kind: str, chip: str, detail: str, *, running: bool) -> None:
        view = self.view
        view.weight_figure.setText(figure)
        view.scale_state.show_state(kind, chip)
        view.show_detail(view.scale_detail, detail, kind)
        view.test_scale_button.setText(self.texts.test_button(running))

    # -- the printer -------------------------------------------------------------------------------

    def _printer_target(self) -> tuple[str, str] | None:
        """(url, language) from the fields, or None after saying what is wrong."""
        url = self.view.printer_address.text().strip()
        language = str(self.view.printer_language.currentData() or "zpl")
        problem = printer_address_problem(url, self.host.printer_transports() if self.host else None)
        if not url or problem is not None:
            text = self.texts.no_printer_address() if not url else self.texts.bad_printer_address(str(problem))
            self._show_printer(*self.texts.check_address(), text)
            self.view.printer_address.setFocus()
            return None
        return url, language

    def check_printer(self) -> None:
        target = self._printer_target()
        if target is None:
            return
        url, language = target
        self._show_printer(*self.texts.printer_checking(), "")
        self._with_host(
            lambda host: self._submit_printer(printer_status, url, language, host.printer_transports(), printing=False)
        )

    def print_test_label(self) -> None:
        target = self._printer_target()
        if target is None:
            return
        url, language = target
        packing = self.settings.packing
        self._show_printer(*self.texts.printer_printing(), "")
        self._with_host(
            lambda host: self._submit_printer(
                print_test_label, url, language, host.printer_transports(), self.settings.station_name,
                packing.label_size, packing.label_dpi, printing=True,
            )
        )

    def _submit_printer(self, job: Callable[..., PrinterOutcome], url: str, *args: object, printing: bool) -> None:
        if self._printer_task is not None:
            self._printer_task.cancel()  # the newest question wins
        task = self.runner.submit(job, url, *args, lane="net")
        task.sig_finished.connect(lambda outcome: self._printer_answered(outcome, printing))
        task.sig_failed.connect(lambda message: self._printer_answered(PrinterOutcome(error=message), printing))
        self._printer_task = task

    def _printer_answered(self, outcome: PrinterOutcome, printing: bool) -> None:
        self._printer_task = None
        texts, packing = self.texts, self.settings.packing
        if outcome.printed:
            details = texts.test_label_sent(outcome.note, packing.label_size, packing.label_dpi)
            self._show_printer(*texts.test_label_sent_chip(), details)
        elif outcome.error:
            details = texts.printer_unusable(outcome.error)
            self._show_printer(*texts.printer_unusable_chip(), texts.test_label_not_printed(details) if printing else details)
        elif outcome.status is not None:
            details = texts.printer_details(outcome.status)
            if printing and not outcome.status.ready:
                details = texts.test_label_not_printed(details)
            self._show_printer(*texts.printer_chip(outcome.status), details)
        self.sig_printer_answered.emit(outcome)

    def _printer_changed(self) -> None:
        self.view.clear_message()
        if self._printer_task is not None:
            self._printer_task.cancel()
            self._printer_task = None
        self._show_printer(*self.texts.printer_idle(), "")

    def _show_printer(self, kind: str, chip: str, details: str) -> None:
        self.view.printer_state.show_state(kind, chip)
        self.view.show_detail(self.view.printer_details, details, kind)

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> None:
        view, texts = self.view, self.texts
        scale_url = view.scale_address.currentText().strip()
        protocol = str(view.scale_protocol.currentData() or AUTO_PROTOCOL)
        printer_url = view.printer_address.text().strip()
        language = str(view.printer_language.currentData() or "zpl")
        protocols = self.host.scale_protocols() if self.host else None
        transports = self.host.printer_transports() if self.host else None
        checks = (
            (scale_address_problem(scale_url), texts.bad_scale_address, view.scale_address),
            (scale_protocol_problem(protocol, protocols), texts.bad_scale_protocol, view.scale_protocol),
            (printer_address_problem(printer_url, transports), texts.bad_printer_address, view.printer_address),
        )
        for problem, frame, field in checks:
            if problem is not None:
                view.show_message(frame(problem), ok=False)
                field.setFocus()
                return
        if language not in LANGUAGES:
            view.show_message(texts.bad_printer_language(language), ok=False)
            view.printer_language.setFocus()
            return
        devices = DeviceSettings(
            scale_url=scale_url, scale_protocol=protocol, printer_url=printer_url, printer_language=language
        )
        updated = replace(self.settings, devices=devices)
        try:
            save_settings(updated, self.paths)
        except (OSError, SettingsError) as exc:
            view.show_message(texts.not_saved(str(exc)), ok=False)
            return
        self.settings = updated
        view.show_message(texts.saved(), ok=True)
        self.sig_devices_saved.emit(updated)

    def shutdown(self) -> None:
        """Stop the scale test and release what this page opened (its plugins, its own runner)."""
        self.scale.stop()
        if self._printer_task is not None:
            self._printer_task.cancel()
        if self._own_runner:
            self.runner.shutdown()
        if self._own_host is not None:
            self._own_host.close()
            self._own_host = None
