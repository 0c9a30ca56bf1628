"""`station --smoke`: the check installers run on a built station."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def run_station(home: Path, *args: str, wrapper: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STATION_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("STATION_DATABASE_URL", None)
    if wrapper:  # a real X server, through Qt's xcb platform as on a desktop
        env["QT_QPA_PLATFORM"] = "xcb"
    return subprocess.run(
        [*wrapper, sys.executable, "-m", "station", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_smoke_opens_the_window_on_a_fresh_station_home(tmp_path: Path) -> None:
    result = run_station(tmp_path, "--smoke")

    assert result.returncode == 0, result.stderr
    assert "STATION READY" in result.stdout.splitlines()
    assert (tmp_path / "data" / "station.db").is_file()  # the embedded SQLite database, migrated


def test_smoke_opens_the_window_on_a_real_x_display(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        if os.environ.get("STATION_TEST_REQUIRE_PG"):  # scripts/test installs xvfb: missing there is a failure
            pytest.fail("xvfb-run is missing (Debian package xvfb)")
        pytest.skip("xvfb-run is not installed (Debian package xvfb)")

    result = run_station(tmp_path, "--smoke", wrapper=("xvfb-run", "--auto-servernum"))

    assert result.returncode == 0, result.stderr
    assert "STATION READY" in result.stdout.splitlines()


def test_smoke_loads_the_chosen_translation(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "station.toml").write_text('language = "es"\n', encoding="utf-8")

    result = run_station(tmp_path, "--smoke")

    assert result.returncode == 0, result.stderr
    assert "language: es_CL" in result.stdout.splitlines()
    assert "STATION READY" in result.stdout.splitlines()


def test_smoke_fails_with_a_clear_message_when_the_database_cannot_open(tmp_path: Path) -> None:
    closed_port = "postgresql+psycopg://station@127.0.0.1:1/station"  # nothing listens on port 1

    result = run_station(tmp_path, "--database-url", closed_port, "--smoke")

    assert result.returncode == 1
    assert "STATION READY" not in result.stdout
    assert "station --smoke failed: cannot open the database" in result.stderr
    assert "127.0.0.1:1/station" in result.stderr
