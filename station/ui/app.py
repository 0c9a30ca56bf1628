"""Starting the station window: settings, translator, database, sign-in, main window.

`run_app` is what `station` / `station app` runs. `create_login_dialog` and `create_main_window`
build the windows without starting an event loop, for tests and screenshots.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QVBoxLayout, QWidget

from station.config import Settings, SettingsError, StationPaths, load_settings, resolve_database_url, station_paths
from station.db.engine import Database
from station.hardware.scale.simulator import ScaleSimulator
from station.logs import setup_logging
from station.pluginhost import PluginHost
from station.services.auth import LoggedInUser
from station.services.database import DatabaseStatus, open_database, url_without_password
from station.services.demo.environment import DemoEnvironment, start_demo_environment
from station.services.setup import plugin_environment
from station.ui.controllers.login_controller import LoginController
from station.ui.controllers.main_controller import MainController
from station.ui.controllers.packing_controller import PackingController
from station.ui.controllers.setup_start import first_run
from station.ui.i18n import install_translator
from station.ui.style import apply_style
from station.ui.tasks import Task, TaskRunner
from station.ui.views.login_view import LoginView
from station.ui.views.main_window import MainWindow

log = logging.getLogger(__name__)

# What the demo seeder creates (station.services.demo documents them; it may export DEMO_LOGINS).
DEFAULT_DEMO_LOGINS: tuple[tuple[str, str], ...] = (("admin", "1234"), ("packers", "1111"))


def demo_logins() -> tuple[tuple[str, str], ...]:
    """(login, PIN) pairs to show on the demo sign-in screen."""
    try:
        demo = importlib.import_module("station.services.demo")
    except ImportError:
        return DEFAULT_DEMO_LOGINS
    return tuple(getattr(demo, "DEMO_LOGINS", DEFAULT_DEMO_LOGINS))


def demo_hint(logins: Sequence[tuple[str, str]]) -> str:
    if not logins:
        return ""
    pairs = "    ".join(f"{login} / {pin}" for login, pin in logins)
    return QCoreApplication.translate("Startup", "Demo data. Sign in as (login / PIN):") + "\n" + pairs


def create_login_dialog(
    database: Database,
    runner: TaskRunner,
    settings: Settings,
    logins_to_show: Sequence[tuple[str, str]] = (),
) -> LoginView:
    """The sign-in dialog, wired; `dialog.controller.user` is set once someone signed in."""
    view = LoginView(settings.station_name, demo_hint(logins_to_show))
    view.controller = LoginController(view, database, runner, settings.station_name, view)  # type: ignore[attr-defined]
    return view


def create_main_window(
    database: Database,
    user: LoggedInUser,
    *,
    settings: Settings | None = None,
    paths: StationPaths | None = None,
    runner: TaskRunner | None = None,
    plugin_host: PluginHost | None = None,
) -> MainWindow:
    """The main window for `user`, wired (`window.controller` is its `MainController`), not shown.

    Without `runner`, the window gets its own task runner (`window.controller.runner`); call its
    `shutdown()` when done. Without `plugin_host`, the status bar says plugins are loading until
    `window.controller.set_plugin_host(host)` is called.
    """
    paths = paths or station_paths()
    settings = settings if settings is not None else load_settings(paths)
    window = MainWindow()
    runner = runner if runner is not None else TaskRunner(window)
    window.controller = MainController(  # type: ignore[attr-defined]
        window, database, user, settings, paths, runner, plugin_host, window
    )
    return window


def wait_for(task: Task) -> tuple[bool, object]:
    """Run the event loop until `task` reports; (True, result) or (False, message)."""
    outcome: list[tuple[bool, object]] = []
    loop = QEventLoop()

    def report(succeeded: bool, payload: object) -> None:
        outcome.append((succeeded, payload))
        loop.quit()

    task.sig_finished.connect(lambda result: report(True, result))
    task.sig_failed.connect(lambda message: report(False, message))
    if not task.done:
        loop.exec()
    return outcome[0] if outcome else (False, task.error or "")


class _OpeningView(QWidget):
    """A small window saying which database the station is opening (migrations may wait)."""

    def __init__(self, shown_url: str) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen)
        label = QLabel(self.tr("Opening the database…\n%1").replace("%1", shown_url))
        label.setObjectName("viewSubtitle")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(label)


def database_problem_text(shown_url: str, detail: str) -> str:
    """What the error dialog says when the database cannot be opened: which, why, what to do."""
    translate = QCoreApplication.translate
    what = translate("Startup", "The station cannot open its database:\n%1\n\nReason: %2")
    advice = translate(
        "Startup",
        "Check that the database server is running and that this computer can reach it on the network. "
        "If the address is wrong, start the station with --database-url, set STATION_DATABASE_URL, or "
        "change database_url in the settings file. Then start the station again.",
    )
    return what.replace("%1", shown_url).replace("%2", detail) + "\n\n" + advice


def show_database_problem(shown_url: str, detail: str) -> None:
    title = QCoreApplication.translate("Startup", "Database problem")
    QMessageBox.critical(None, title, database_problem_text(shown_url, detail))


def _open(database: Database, runner: TaskRunner) -> str | None:
    """Connect and migrate off the UI thread, with a small window meanwhile; None, or the problem."""
    shown = url_without_password(database.url)
    opening = _OpeningView(shown)
    opening.show()
    try:
        ok, payload = wait_for(runner.submit(open_database, database, lane="db"))
    finally:
        opening.close()
    if not ok:
        return str(payload)
    assert isinstance(payload, DatabaseStatus)
    return payload.problem


def run_app(database_url: str | None = None, *, demo: bool = False) -> int:
    """The station window, from start to quit. Returns the process exit code."""
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Just Logistics Station")
    app.setOrganizationName("JustLogistics")
    paths = station_paths().ensure()
    try:
        settings = load_settings(paths)
    except SettingsError as exc:
        install_translator(app, "system")
        title = QCoreApplication.translate("Startup", "Settings problem")
        text = QCoreApplication.translate("Startup", "The settings file cannot be read:\n%1").replace("%1", str(exc))
        QMessageBox.critical(None, title, text)
        return 2
    translator = install_translator(app, settings.language)  # noqa: F841 - keep it alive while the app runs
    apply_style(app)
    if not demo:  # a new station is set up first (station.services.setup.start_decision says when)
        setup_runner = TaskRunner()
        try:
            stop = first_run(paths, database_url, setup_runner)
        finally:
            setup_runner.shutdown()
        if stop is not None:
            return stop
        settings = load_settings(paths)

    url = resolve_database_url(database_url, settings)
    try:
        database = Database(url)
    except Exception as exc:  # noqa: BLE001 - a malformed URL or a missing driver
        show_database_problem(url_without_password(url), str(exc))
        return 1
    runner = TaskRunner()
    environment: DemoEnvironment | None = None
    if demo:
        # The demo's devices and carrier sandboxes must be up before the window opens: load the
        # plugins now and start them (a second or two, once).
        demo_host = PluginHost()
        environment = start_demo_environment(settings, demo_host, paths)
        settings = environment.settings
        plugins_task = runner.submit(lambda: demo_host, lane="net")
    else:
        plugins_task = runner.submit(
            lambda: PluginHost(environ=plugin_environment(settings)), lane="net"
        )  # loading plugins may import slow packages
    try:
        problem = _open(database, runner)
        if problem is not None:
            log.error("cannot open the database %s: %s", url_without_password(url), problem)
            show_database_problem(url_without_password(url), problem)
            return 1

        login = create_login_dialog(database, runner, settings, demo_logins() if demo else ())
        if login.exec() != LoginView.DialogCode.Accepted:
            return 0
        user = login.controller.user  # type: ignore[attr-defined]
        assert user is not None

        window = create_main_window(database, user, settings=settings, paths=paths, runner=runner)
        controller: MainController = window.controller  # type: ignore[attr-defined]
        if plugins_task.done:
            if plugins_task.result is not None:
                controller.set_plugin_host(plugins_task.result)
            else:
                controller.show_plugin_load_failed(plugins_task.error or "")
        else:
            plugins_task.sig_finished.connect(controller.set_plugin_host)
            plugins_task.sig_failed.connect(controller.show_plugin_load_failed)
        if environment is not None:
            window.setWindowTitle(window.windowTitle() + " — " + QCoreApplication.translate("Startup", "DEMO"))
            if environment.scale is not None and controller.packing is not None:
                feed_demo_scale(controller.packing, environment.scale)
        window.show()
        try:
            return app.exec()
        finally:
            controller.shutdown()
    finally:
        runner.shutdown()
        if environment is not None:
            environment.stop()
        if isinstance(plugins_task.result, PluginHost):
            plugins_task.result.close()
        database.dispose()


def feed_demo_scale(packing: PackingController, scale: ScaleSimulator) -> None:
    """Demo only: "put the parcel on the scale" when the last item is scanned, take it off after."""

    def place(_order_number: str) -> None:
        status = packing.weighing.status()
        if status is not None:
            scale.set_weight(status.expected_g + 7, stable=True)  # a few grams off, as in real life

    packing.sig_order_complete.connect(place)
    packing.dispatch.sig_order_shipped.connect(lambda _result: scale.set_weight(0))
    packing.sig_order_left.connect(lambda _number: scale.set_weight(0))


__all__ = ["create_login_dialog", "create_main_window", "run_app"]
