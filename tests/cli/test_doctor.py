"""`station doctor` as IT runs it: a real subprocess against real databases."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from station.db.migrate import head_revision


def doctor(tmp_path: Path, url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "STATION_HOME": str(tmp_path / "home"), "STATION_KEYRING": "file", **env}
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, "doctor", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_doctor_is_all_green_on_a_migrated_database(tmp_path: Path, database_url: str) -> None:
    result = doctor(tmp_path, database_url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All good." in result.stdout
    assert f"at the newest revision ({head_revision()})" in result.stdout
    checks = {c["name"]: c for c in json.loads(doctor(tmp_path, database_url, "--json").stdout)}
    assert {checks[name]["status"] for name in ("database", "schema", "plugins", "secrets")} == {"ok"}
    assert "manual_payment" in checks["plugins"]["detail"]


def test_doctor_says_to_upgrade_an_empty_database(tmp_path: Path) -> None:
    result = doctor(tmp_path, f"sqlite:///{tmp_path / 'empty.db'}")
    assert result.returncode == 1
    assert "the database is empty" in result.stdout
    assert "run `station db upgrade`" in result.stdout


def test_doctor_names_an_unreachable_postgresql(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = doctor(tmp_path, f"postgresql://station@127.0.0.1:{port}/station")
    assert result.returncode == 1
    assert f"cannot reach PostgreSQL 127.0.0.1:{port}/station" in result.stdout
    assert "STATION_DATABASE_URL" in result.stdout


def test_doctor_reports_a_broken_plugin_and_still_runs(tmp_path: Path, database_url: str) -> None:
    site = tmp_path / "site"
    (site / "station_broken-1.0.dist-info").mkdir(parents=True)
    (site / "station_broken-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: station-broken\nVersion: 1.0\n")
    (site / "station_broken-1.0.dist-info" / "entry_points.txt").write_text("[station]\nbroken = station_broken_plugin\n")
    (site / "station_broken_plugin.py").write_text("raise RuntimeError('licence server unreachable')\n")
    result = doctor(tmp_path, database_url, PYTHONPATH=str(site))
    assert result.returncode == 1
    assert "licence server unreachable" in result.stdout
    assert "STATION_DISABLE_PLUGINS=" in result.stdout
    assert "OK  plugins" in result.stdout  # the built-ins still loaded


def test_doctor_checks_the_configured_printer_folder(tmp_path: Path, database_url: str) -> None:
    config = tmp_path / "home" / "config"
    config.mkdir(parents=True)
    missing = tmp_path / "no-such-folder"
    (config / "station.toml").write_text(f'[devices]\nprinter_url = "file://{missing}"\n')
    result = doctor(tmp_path, database_url)
    assert result.returncode == 1
    assert f"folder {missing} does not exist" in result.stdout
    missing.mkdir()
    assert doctor(tmp_path, database_url).returncode == 0


@pytest.mark.parametrize("dialect", ["sqlite"])
def test_doctor_flags_a_machine_without_a_keyring(tmp_path: Path, dialect: str) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    result = doctor(tmp_path, url, STATION_KEYRING="cryptfile")  # no password given
    assert "STATION_KEYRING_PASSWORD" in result.stdout
    assert result.returncode == 1


def test_doctor_talks_to_the_configured_scale_and_printer(tmp_path: Path, database_url: str) -> None:
    from station.hardware.printing.simulator import ZebraSimulator  # noqa: PLC0415
    from station.hardware.scale.simulator import ScaleSimulator  # noqa: PLC0415

    printer, scale = ZebraSimulator(), ScaleSimulator("sics", weight_g=1250)
    scale_url = scale.start_socket()
    config = tmp_path / "home" / "config"
    config.mkdir(parents=True)
    (config / "station.toml").write_text(f'[devices]\nprinter_url = "{printer.url}"\nscale_url = "{scale_url}"\n')
    try:
        ok = doctor(tmp_path, database_url)
        assert ok.returncode == 0, ok.stdout
        assert "1,250 kg stable" in ok.stdout and f"{printer.url} via the 'tcp' transport: ready" in ok.stdout
        printer.paper_out = True
        scale.set_silent(True)
        bad = doctor(tmp_path, database_url)
        assert bad.returncode == 1
        assert "Out of labels" in bad.stdout
        assert "!!  scale" in bad.stdout
    finally:
        printer.stop()
        scale.stop()
