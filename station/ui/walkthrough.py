"""Drive the real main window on freshly seeded demo data, offscreen, and save screenshots.

The docs' step-by-step screenshots come from walkthrough scripts (``docs/walkthroughs/*.py``) built
on this:

    with demo_window(out_dir, language="en") as demo:
        demo.controller.show_page("inventory")
        demo.settle(lambda: ...)          # run the event loop until background work arrived
        demo.save("inventory-receiving-1") # → out_dir/inventory-receiving-1.png (-es suffix in Spanish)
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from station.config import DeviceSettings, Settings, station_paths  # noqa: E402
from station.db.engine import Database  # noqa: E402
from station.services.auth import LoggedInUser, Role  # noqa: E402
from station.services.database import open_database  # noqa: E402
from station.ui.app import create_main_window  # noqa: E402
from station.ui.controllers.main_controller import MainController  # noqa: E402
from station.ui.i18n import install_translator  # noqa: E402
from station.ui.style import apply_style  # noqa: E402
from station.ui.tasks import TaskRunner  # noqa: E402


def settle(until: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    """Run the event loop until `until()` holds (results of background tasks have arrived)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: loop.quit() if until() else None)
    QTimer.singleShot(timeout_ms, loop.quit)
    timer.start()
    if not until():
        loop.exec()
    timer.stop()
    QApplication.processEvents()


# The demo's "now" for the docs: fixed, so the screenshots stay the same from run to run, and recent,
# so the demo's lots are not all expired when a reader compares them with the app.
WALKTHROUGH_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


@dataclass
class DemoWindow:
    window: QWidget
    controller: MainController
    database: Database
    runner: TaskRunner
    out_dir: Path
    suffix: str  # "" in English, "-es" in Spanish

    def settle(self, until: Callable[[], bool], timeout_ms: int = 30_000) -> None:
        settle(until, timeout_ms)

    def pause(self, milliseconds: int = 200) -> None:
        """Let timers and queued signals run (a scan's debounce, a repaint)."""
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()

    def save(self, name: str, widget: QWidget | None = None) -> Path:
        path = self.out_dir / f"{name}{self.suffix}.png"
        save(widget or self.window, path)
        return path


@contextmanager
def demo_window(
    out_dir: Path, *, language: str = "en", role: Role = Role.LEAD, seed: int = 1, now: datetime = WALKTHROUGH_NOW
) -> Iterator[DemoWindow]:
    """The main window, signed in (a lead by default), on demo data seeded into a temporary SQLite."""
    out_dir.mkdir(parents=True, exist_ok=True)
    from station.services.demo import seed_demo  # the demo seeder ships with the station

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, language)
    apply_style(app)
    with tempfile.TemporaryDirectory() as home:
        os.environ["STATION_HOME"] = home
        database = Database(f"sqlite:///{Path(home) / 'demo.db'}")
        status = open_database(database)  # connects and migrates
        if status.problem:
            raise SystemExit(f"cannot open {status.shown_url}: {status.problem}")
        seed_demo(database, seed=seed, now=now)
        runner = TaskRunner()
        settings = Settings(station_name="bench-03", devices=DeviceSettings(scale_url="socket://10.0.8.21:4001"))
        user = LoggedInUser(1, "lead", "Carolina Muñoz", role)
        try:
            window = create_main_window(database, user, settings=settings, paths=station_paths(), runner=runner)
            window.resize(1440, 860)
            window.show()
            controller: MainController = window.controller  # type: ignore[attr-defined]
            yield DemoWindow(window, controller, database, runner, out_dir, "" if language == "en" else f"-{language}")
            controller.shutdown()
            window.close()
        finally:
            runner.shutdown()
            database.dispose()
