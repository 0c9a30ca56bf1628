"""UI test fixtures: offscreen Qt, a private STATION_HOME, a task runner, a small warehouse."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from ui_sample import Sample, build_sample  # noqa: E402

from station.config import Settings, StationPaths, station_paths  # noqa: E402
from station.db import Database  # noqa: E402
from station.ui.i18n import install_translator, remove_translator  # noqa: E402
from station.ui.tasks import TaskRunner  # noqa: E402


@pytest.fixture
def station_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StationPaths:
    """Settings, logs and data under a temporary STATION_HOME."""
    monkeypatch.setenv("STATION_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("STATION_DATABASE_URL", raising=False)
    return station_paths().ensure()


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """Every UI test runs in English (the source language, with its plural forms) unless it says otherwise."""
    translator = install_translator(qapp, "en")
    yield
    remove_translator(qapp, translator)


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()
    task_runner.deleteLater()


@pytest.fixture
def settings() -> Settings:
    return Settings(station_name="bench-7")


@pytest.fixture
def sample(database: Database) -> Sample:
    return build_sample(database)
