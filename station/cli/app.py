"""`station app` (and `station` alone): open the station window; `station --smoke` checks it opens.

The smoke check is what installers run on a freshly built (frozen) station: it opens the database
(migrating it), loads the plugins, builds and shows the main window, prints `STATION READY` and
exits 0. Anything that fails on the way is printed to stderr and the exit code is 1.
"""

from __future__ import annotations

import argparse
import sys
import traceback

READY_LINE = "STATION READY"
SMOKE_TIMEOUT_MS = 60_000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("app", help="open the station window")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "smoke", False):
        return smoke(args.database_url)
    from station.ui.app import run_app  # Qt loads only when the window is wanted

    return run_app(args.database_url)


def smoke(database_url: str | None) -> int:
    """Open the main window without sign-in, say `STATION READY` once it is shown, quit."""
    try:
        return _smoke(database_url)
    except Exception as exc:  # noqa: BLE001 - whatever breaks, the check must say what
        traceback.print_exc()
        print(f"station --smoke failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _smoke(database_url: str | None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from station.config import load_settings, resolve_database_url, station_paths
    from station.db.engine import Database
    from station.db.models import Role
    from station.logs import setup_logging
    from station.pluginhost import PluginHost
    from station.services.auth import LoggedInUser
    from station.services.database import open_database, url_without_password
    from station.ui.app import create_main_window
    from station.ui.i18n import choose_locale, install_translator
    from station.ui.style import apply_style

    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Just Logistics Station")
    app.setOrganizationName("JustLogistics")
    paths = station_paths().ensure()
    settings = load_settings(paths)
    translator = install_translator(app, settings.language)
    if translator is None:  # a bundle without its .qm files would show English to everyone
        print(f"station --smoke failed: no translation for {choose_locale(settings.language)}", file=sys.stderr)
        return 1
    apply_style(app)

    url = resolve_database_url(database_url, settings)
    database = Database(url)
    try:
        status = open_database(database)
        if status.problem is not None:
            print(
                f"station --smoke failed: cannot open the database {url_without_password(url)}: {status.problem}",
                file=sys.stderr,
            )
            return 1
        host = PluginHost()
        try:
            failed = [info for info in host.plugins() if info.status == "failed"]
            for info in failed:
                print(f"station --smoke failed: plugin {info.name} did not load: {info.error}", file=sys.stderr)
            if failed:
                return 1
            # Nobody signs in: the check runs as a stand-in administrator that sees every page.
            user = LoggedInUser(0, "smoke", "Smoke check", Role.ADMIN)
            window = create_main_window(database, user, settings=settings, paths=paths, plugin_host=host)
            controller = window.controller  # type: ignore[attr-defined]
            outcome: list[int] = []

            def report_shown() -> None:
                if window.isVisible():
                    names = ", ".join(f"{info.name} {info.version}" for info in host.plugins())
                    print(f"database: {status.shown_url}\nlanguage: {choose_locale(settings.language)}")
                    print(f"plugins: {names}")
                    print(READY_LINE, flush=True)
                    outcome.append(0)
                else:
                    print("station --smoke failed: the main window did not show", file=sys.stderr)
                    outcome.append(1)
                app.quit()

            def give_up() -> None:
                print(f"station --smoke failed: no window after {SMOKE_TIMEOUT_MS // 1000} s", file=sys.stderr)
                outcome.append(1)
                app.quit()

            window.show()
            QTimer.singleShot(0, report_shown)
            QTimer.singleShot(SMOKE_TIMEOUT_MS, give_up)
            try:
                app.exec()
            finally:
                controller.shutdown()
                controller.runner.shutdown()
                window.close()
            return outcome[0] if outcome else 1
        finally:
            host.close()
    finally:
        database.dispose()
