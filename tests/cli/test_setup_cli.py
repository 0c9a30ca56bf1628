"""`station setup`: IT sets a bench up from the shell or from environment variables, never seeing the dialog."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from station.config import StationPaths, load_settings
from station.db.engine import Database
from station.services.auth import sign_in


def station_setup(
    home: Path, *args: str, pin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("STATION_")}
    environment |= {"STATION_HOME": str(home), "STATION_LOAD_PLUGINS": "", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "station", "setup", *args],
        input=pin + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


def paths_of(home: Path) -> StationPaths:
    return StationPaths(home / "data", home / "config", home / "logs", home / "cache")


def admin_signs_in(url: str, login: str, pin: str) -> bool:
    database = Database(url)
    try:
        return sign_in(database, login, pin, "test").user is not None
    finally:
        database.dispose()


def test_setup_from_the_command_line_on_postgresql(tmp_path: Path, postgres_databases):
    url = postgres_databases.create(migrated=False)
    done = station_setup(
        tmp_path, "--database-url", url, "--name", "bench-4", "--admin", "it", "--pin-stdin", "--printer",
        "tcp://10.0.0.30:9100", pin="8642",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "migration 1 of" in done.stdout and "administrator 'it': created" in done.stdout
    settings = load_settings(paths_of(tmp_path))
    assert (settings.station_name, settings.database_url) == ("bench-4", url)
    assert admin_signs_in(url, "it", "8642")


def test_setup_from_environment_variables_on_sqlite(tmp_path: Path):
    env = {"STATION_NAME": "bench-5", "STATION_ADMIN_LOGIN": "it", "STATION_ADMIN_PIN": "1357",
           "STATION_DISABLE_PLUGINS": "demo_carrier"}  # fmt: skip
    done = station_setup(tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    settings = load_settings(paths_of(tmp_path))
    assert settings.station_name == "bench-5" and settings.disabled_plugins == ["demo_carrier"]
    assert admin_signs_in(f"sqlite:///{paths_of(tmp_path).sqlite_file}", "it", "1357")


@pytest.mark.parametrize(
    ("args", "pin", "said"),
    [
        (("--database-url", "postgresql+psycopg://it:s3cret@127.0.0.1:1/station", "--admin", "it", "--pin-stdin"),
         "1357", "database_url: postgresql+psycopg://it:***@127.0.0.1:1/station"),
        (("--admin", "it", "--pin-stdin"), "12", "admin_pin: the PIN is 4 to 12 digits"),
    ],
)  # fmt: skip
def test_refused_setups_say_why_and_write_nothing(tmp_path: Path, args: tuple[str, ...], pin: str, said: str):
    done = station_setup(tmp_path, *args, pin=pin)
    assert done.returncode != 0 and said in done.stderr
    assert "s3cret" not in done.stderr
    assert not paths_of(tmp_path).settings_file.exists()
