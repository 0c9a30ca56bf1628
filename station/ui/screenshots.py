"""Render the station's windows offscreen with the demo data and save them as PNG files.

    QT_QPA_PLATFORM=offscreen python -m station.ui.screenshots resources/screenshots [--language es]

Used to look at the UI without a display and to keep the screenshots in the docs current.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from station.config import DeviceSettings, Settings, station_paths  # noqa: E402
from station.db.engine import Database  # noqa: E402
from station.pluginhost import PluginHost  # noqa: E402
from station.services.auth import LoggedInUser, Role  # noqa: E402
from station.services.database import open_database  # noqa: E402
from station.ui.app import create_login_dialog, create_main_window, demo_logins  # noqa: E402
from station.ui.controllers.main_controller import MainController  # noqa: E402
from station.ui.controllers.table_controller import TableController  # noqa: E402
from station.ui.i18n import install_translator  # noqa: E402
from station.ui.style import apply_style  # noqa: E402
from station.ui.tasks import TaskRunner  # noqa: E402
from station.ui.walkthrough import save, settle  # noqa: E402


def _loaded(table: TableController) -> bool:
    return table.loaded_once


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="en", choices=("en", "es"))
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "en" else f"-{args.language}"

    from station.services.demo import seed_demo  # the demo seeder ships with the station

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, args.language)
    apply_style(app)
    with tempfile.TemporaryDirectory() as home:
        os.environ["STATION_HOME"] = home
        url = f"sqlite:///{Path(home) / 'demo.db'}"
        database = Database(url)
        status = open_database(database)  # connects and migrates
        if status.problem:
            raise SystemExit(f"cannot open {status.shown_url}: {status.problem}")
        seed_demo(database, seed=1)
        runner = TaskRunner()
        settings = Settings(station_name="bench-03", devices=DeviceSettings(scale_url="socket://10.0.8.21:4001"))
        try:
            login = create_login_dialog(database, runner, settings, demo_logins())
            login.show()
            login.adjustSize()
            save(login, args.out_dir / f"login{suffix}.png")
            login.login_field.setText("admin")
            login.pin_field.setText("0000")
            login.controller.submit()  # type: ignore[attr-defined]
            settle(lambda: login.message.isVisible())
            save(login, args.out_dir / f"login-wrong-pin{suffix}.png")
            login.close()

            user = LoggedInUser(1, "admin", "Carolina Muñoz", Role.ADMIN)
            with PluginHost() as plugins:
                window = create_main_window(
                    database, user, settings=settings, paths=station_paths(), runner=runner, plugin_host=plugins
                )
                window.resize(1440, 860)
                window.show()
                controller: MainController = window.controller  # type: ignore[attr-defined]
                for key in ("orders", "inventory", "packing", "settings"):
                    controller.show_page(key)
                    if key in controller.tables:
                        settle(partial(_loaded, controller.tables[key]))
                    save(window, args.out_dir / f"{key}{suffix}.png")
                window.close()
        finally:
            runner.shutdown()
            database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
