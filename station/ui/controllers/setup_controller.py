"""Drives the first-run dialog (`SetupWizard`): fills it, checks each page, and finishes the setup.

* Database: the local SQLite file (its path shown) or a PostgreSQL URL; "Test connection" connects on
  the db lane and shows the server's version or the driver's words.
* Scale and printer: the same port discovery and address checks as Settings → Devices; "Skip" clears both.
* Plugins: listed from a plugin host on the network lane, ticked unless disabled; unticked ones are saved.
* Administrator: login, name, PIN twice, checked before Next.
* The last page runs `apply_setup` on the db lane (migrations with progress, the admin, then the
  settings file); nothing is written before it, and Cancel is off while it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QWizard

from station.config import StationPaths
from station.hardware.printing.device import LANGUAGES
from station.pluginhost import PluginHost
from station.services.setup import (
    ConnectionReport,
    SetupError,
    SetupResult,
    SetupValues,
    apply_setup,
    check_connection,
    validate,
)
from station.ui.controllers.devices_jobs import (
    PortChoice,
    find_scale_ports,
    printer_address_problem,
    scale_address_problem,
)
from station.ui.controllers.setup_texts import SetupTexts
from station.ui.tasks import TaskRunner
from station.ui.views.setup_view import SetupWizard, show_message


@dataclass(frozen=True)
class PluginChoice:
    name: str
    version: str
    enabled: bool


def list_plugins() -> list[PluginChoice]:
    """Every plugin the host finds; those disabled by STATION_DISABLE_PLUGINS come unticked."""
    with PluginHost() as host:
        return [PluginChoice(info.name, info.version, info.status == "enabled") for info in host.plugins()]


class _ProgressRelay(QObject):
    """Carries the migration progress from the db lane to the UI thread (queued)."""

    sig_step = Signal(int, int, str)


class SetupController(QObject):
    sig_connection_tested = Signal(object)  # ConnectionReport
    sig_plugins_listed = Signal()
    sig_setup_done = Signal(object)  # SetupResult
    sig_setup_failed = Signal(str)  # the message shown

    def __init__(
        self,
        view: SetupWizard,
        paths: StationPaths,
        runner: TaskRunner,
        initial: SetupValues,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.paths = paths
        self.runner = runner
        self.texts = SetupTexts(self)
        self.result: SetupResult | None = None
        self._initial = initial
        self._plugins_asked = False
        self._relay = _ProgressRelay(self)
        self._relay.sig_step.connect(self._show_step)
        self._fill(initial)

        database = view.database_page
        database.validator = self._check_database
        database.on_enter = lambda: (
            database.url if database.postgres_choice.isChecked() else database.sqlite_choice
        ).setFocus()
        database.test_button.clicked.connect(self.test_connection)
        database.url.textEdited.connect(lambda _text: database.postgres_choice.setChecked(True))
        database.sqlite_choice.toggled.connect(lambda _on: show_message(database.message, "", "infoMessage"))
        view.station_page.validator = self._check_station
        view.station_page.on_enter = view.station_page.name.setFocus
        devices = view.devices_page
        devices.validator = self._check_devices
        devices.on_enter = devices.scale_address.setFocus
        devices.find_ports_button.clicked.connect(self.refresh_ports)
        devices.skip_button.clicked.connect(self.skip_devices)
        view.plugins_page.on_enter = self._enter_plugins
        view.admin_page.validator = self._check_admin
        view.admin_page.on_enter = view.admin_page.login.setFocus
        view.finish_page.on_enter = self.run_setup

    def _fill(self, values: SetupValues) -> None:
        page = self.view.database_page
        if values.database_url:
            page.postgres_choice.setChecked(True)
            page.url.setText(values.database_url)
        self.view.station_page.name.setText(values.station_name)
        devices = self.view.devices_page
        devices.scale_address.setEditText(values.scale_url)
        devices.printer_url.setText(values.printer_url)
        for language in LANGUAGES:
            devices.printer_language.addItem(language.upper(), language)
        devices.printer_language.setCurrentIndex(max(0, devices.printer_language.findData(values.printer_language)))
        admin = self.view.admin_page
        admin.login.setText(values.admin_login)
        admin.full_name.setText(values.admin_name)

    # -- what the pages hold ---------------------------------------------------------------------

    def values(self) -> SetupValues:
        """The values as typed and ticked now."""
        view = self.view
        postgres = view.database_page.postgres_choice.isChecked()
        plugins = view.plugins_page.plugins
        if self._plugins_asked:
            disabled = tuple(
                plugins.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(plugins.count())
                if plugins.item(row).checkState() != Qt.CheckState.Checked
            )
        else:
            disabled = self._initial.disabled_plugins
        return replace(
            self._initial,
            database_url=view.database_page.url.text().strip() if postgres else "",
            station_name=view.station_page.name.text().strip(),
            scale_url=view.devices_page.scale_address.currentText().strip(),
            printer_url=view.devices_page.printer_url.text().strip(),
            printer_language=view.devices_page.printer_language.currentData() or "zpl",
            disabled_plugins=disabled,
            admin_login=view.admin_page.login.text().strip(),
            admin_name=view.admin_page.full_name.text().strip(),
            admin_pin=view.admin_page.pin.text().strip(),
        )

    def _problem(self, field_name: str) -> SetupError | None:
        return next((problem for problem in validate(self.values()) if problem.field == field_name), None)

    # -- database --------------------------------------------------------------------------------

    def _check_database(self) -> bool:
        page = self.view.database_page
        if not page.postgres_choice.isChecked():
            return True
        if not page.url.text().strip():
            show_message(page.message, self.texts.url_missing(), "errorMessage")
            page.url.setFocus()
            return False
        problem = self._problem("database_url")
        if problem is not None:
            show_message(page.message, self.texts.field_problem(problem), "errorMessage")
            page.url.setFocus()
            return False
        return True

    def test_connection(self) -> None:
        page = self.view.database_page
        page.postgres_choice.setChecked(True)
        if not self._check_database():
            return
        url = page.url.text().strip()
        page.test_button.setEnabled(False)
        show_message(page.message, self.texts.testing(url), "infoMessage")
        task = self.runner.submit(check_connection, url, lane="db")
        task.sig_finished.connect(self._show_connection)
        task.sig_failed.connect(lambda message: self._show_connection(ConnectionReport(url, problem=message)))

    def _show_connection(self, report: ConnectionReport) -> None:
        page = self.view.database_page
        page.test_button.setEnabled(True)
        show_message(page.message, self.texts.connection(report), "successMessage" if report.ok else "errorMessage")
        self.sig_connection_tested.emit(report)

    # -- station and devices ---------------------------------------------------------------------

    def _check_station(self) -> bool:
        page = self.view.station_page
        problem = self._problem("station_name")
        show_message(page.message, self.texts.field_problem(problem) if problem else "", "errorMessage")
        return problem is None

    def refresh_ports(self) -> None:
        self.view.devices_page.find_ports_button.setEnabled(False)
        task = self.runner.submit(find_scale_ports, lane="net")
        task.sig_finished.connect(self._show_ports)
        task.sig_failed.connect(lambda message: self._show_device_problem(message))

    def _show_ports(self, ports: list[PortChoice]) -> None:
        page = self.view.devices_page
        page.find_ports_button.setEnabled(True)
        typed = page.scale_address.currentText()
        page.scale_address.clear()
        for port in ports:
            page.scale_address.addItem(f"{port.address} — {port.description}", port.address)
        page.scale_address.setEditText(typed or (ports[0].address if ports else ""))
        show_message(
            page.message, self.texts.ports_found(len(ports)) if ports else self.texts.no_ports(), "infoMessage"
        )

    def _show_device_problem(self, message: str) -> None:
        self.view.devices_page.find_ports_button.setEnabled(True)
        show_message(self.view.devices_page.message, message, "errorMessage")

    def skip_devices(self) -> None:
        page = self.view.devices_page
        page.scale_address.setEditText("")
        page.printer_url.clear()
        self.view.next()

    def _check_devices(self) -> bool:
        page = self.view.devices_page
        index = page.scale_address.findText(page.scale_address.currentText())
        if index >= 0 and page.scale_address.itemData(index):  # a discovered port: its address
            page.scale_address.setEditText(page.scale_address.itemData(index))
        problem = scale_address_problem(page.scale_address.currentText())
        widget = page.scale_address
        if problem is None:
            problem = printer_address_problem(page.printer_url.text(), None)
            widget = page.printer_url
        show_message(page.message, problem or "", "errorMessage")
        if problem is not None:
            widget.setFocus()
        return problem is None

    # -- plugins ---------------------------------------------------------------------------------

    def _enter_plugins(self) -> None:
        page = self.view.plugins_page
        page.plugins.setFocus()
        if self._plugins_asked:
            return
        show_message(page.message, self.texts.plugins_loading(), "infoMessage")
        task = self.runner.submit(list_plugins, lane="net")
        task.sig_finished.connect(self._show_plugins)
        task.sig_failed.connect(
            lambda message: show_message(page.message, self.texts.plugins_failed(message), "errorMessage")
        )

    def _show_plugins(self, plugins: list[PluginChoice]) -> None:
        page = self.view.plugins_page
        disabled = set(self._initial.disabled_plugins)
        for plugin in plugins:
            item = QListWidgetItem(f"{plugin.name}  ({plugin.version})")
            item.setData(Qt.ItemDataRole.UserRole, plugin.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = plugin.enabled and plugin.name not in disabled
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            page.plugins.addItem(item)
        page.plugins.setCurrentRow(0)
        self._plugins_asked = True
        show_message(page.message, "", "infoMessage")
        self.sig_plugins_listed.emit()

    # -- administrator and finish ----------------------------------------------------------------

    def _check_admin(self) -> bool:
        page = self.view.admin_page
        for field_name, widget in (("admin_login", page.login), ("admin_pin", page.pin)):
            problem = self._problem(field_name)
            if problem is not None:
                show_message(page.message, self.texts.field_problem(problem), "errorMessage")
                widget.setFocus()
                return False
        if page.pin.text().strip() != page.pin_again.text().strip():
            show_message(page.message, self.texts.pins_differ(), "errorMessage")
            page.pin_again.clear()
            page.pin_again.setFocus()
            return False
        show_message(page.message, "", "errorMessage")
        return True

    def run_setup(self) -> None:
        page = self.view.finish_page
        page.done = False
        page.completeChanged.emit()
        page.progress.setRange(0, 0)
        page.status.setText("")
        show_message(page.message, "", "infoMessage")
        self.view.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.view.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.view.busy = True
        task = self.runner.submit(apply_setup, self.values(), self.paths, self._relay.sig_step.emit, lane="db")
        task.sig_finished.connect(self._setup_done)
        task.sig_failed.connect(self._setup_failed)

    def _show_step(self, done: int, steps: int, revision: str) -> None:
        page = self.view.finish_page
        page.progress.setRange(0, max(steps, 1))
        page.progress.setValue(done if steps else 1)
        page.status.setText(self.texts.migrating(done, steps) if revision else self.texts.saving())

    def _setup_done(self, result: SetupResult) -> None:
        self.result = result
        self.view.busy = False
        page = self.view.finish_page
        page.progress.setRange(0, 1)
        page.progress.setValue(1)
        page.status.setText("")
        show_message(page.message, self.texts.done(result.database_label, str(result.settings_file)), "successMessage")
        page.done = True
        self.view.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.view.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        page.completeChanged.emit()
        self.view.button(QWizard.WizardButton.FinishButton).setFocus()
        self.sig_setup_done.emit(result)

    def _setup_failed(self, message: str) -> None:
        self.view.busy = False
        page = self.view.finish_page
        page.progress.setRange(0, 1)
        page.progress.setValue(0)
        page.status.setText("")
        login = self.values().admin_login
        detail = self.texts.admin_exists(login) if "already exists" in message else message
        show_message(page.message, self.texts.failed(detail), "errorMessage")
        self.view.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.view.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.view.button(QWizard.WizardButton.BackButton).setFocus()
        self.sig_setup_failed.emit(message)


def create_setup_wizard(paths: StationPaths, runner: TaskRunner, initial: SetupValues) -> SetupWizard:
    """The first-run dialog, wired (`wizard.controller.result` is set once the setup finished)."""
    wizard = SetupWizard(str(paths.sqlite_file))
    wizard.controller = SetupController(wizard, paths, runner, initial, wizard)  # type: ignore[attr-defined]
    return wizard
