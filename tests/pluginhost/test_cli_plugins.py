"""``station plugins list`` run as IT would run it: a real process, plugins found by importlib.metadata."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from plugin_dists import BROKEN_MODULE, GOOD_CARRIER_MODULE, FakeSite

BUILTINS = ["manual_payment", "pickup", "file_printer"]


def run_station(site: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    environment["PYTHONPATH"] = str(site)
    environment.update(env)
    station = shutil.which("station", path=str(Path(sys.executable).parent))
    command = [station] if station else [sys.executable, "-m", "station"]
    return subprocess.run([*command, *args], capture_output=True, text=True, env=environment, timeout=60)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    fake = FakeSite(tmp_path / "site")
    fake.path.mkdir()
    fake.install(
        "station-broken", "0.3.1", {"broken": "station_broken_cli"}, {"station_broken_cli": BROKEN_MODULE}
    )
    fake.install(
        "station-drone", "1.2.0", {"drone": "station_drone_cli"}, {"station_drone_cli": GOOD_CARRIER_MODULE}
    )
    return fake.path


def test_json_lists_builtins_a_working_plugin_and_a_broken_one_with_its_error(site: Path) -> None:
    result = run_station(site, "plugins", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all(set(row) == {"name", "version", "kind", "hooks", "status", "error"} for row in rows)
    by_name = {row["name"]: row for row in rows}
    assert [row["name"] for row in rows][:3] == BUILTINS
    assert all(by_name[name]["status"] == "enabled" for name in BUILTINS)
    assert by_name["broken"] == {
        "name": "broken",
        "version": "0.3.1",
        "kind": [],
        "hooks": [],
        "status": "failed",
        "error": "import failed: RuntimeError: cannot reach the licence server at licence.example",
    }
    assert by_name["drone"] == {
        "name": "drone",
        "version": "1.2.0",
        "kind": ["carrier"],
        "hooks": ["station_register_carriers"],
        "status": "enabled",
        "error": None,
    }
    assert "licence server" in result.stderr  # also warned on stderr, without a traceback
    assert "Traceback" not in result.stderr


def test_table_shows_status_and_error_and_env_switches_apply(site: Path) -> None:
    result = run_station(
        site, "plugins", "list", STATION_DISABLE_PLUGINS="pickup", STATION_LOAD_PLUGINS="drone"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["name", "version", "kind", "hooks", "status", "error"]
    rows = {line.split()[0]: line for line in lines[2:]}
    assert "disabled by STATION_DISABLE_PLUGINS" in rows["pickup"]
    assert "not listed in STATION_LOAD_PLUGINS (drone)" in rows["broken"]
    assert rows["drone"].split()[:5] == ["drone", "1.2.0", "carrier", "register_carriers", "enabled"]
    assert rows["manual_payment"].split()[:5] == [
        "manual_payment",
        "builtin",
        "payment_gateway",
        "register_payment_gateways",
        "enabled",
    ]


def test_plugins_without_an_action_explains_usage(site: Path) -> None:
    result = run_station(site, "plugins")
    assert result.returncode == 2
    assert "the following arguments are required: ACTION" in result.stderr


def test_plugins_switched_off_in_the_settings_stay_off_for_the_cli_too(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """First-run setup (or Settings → Plugins) writes disabled_plugins; the worker and the CLI obey it."""
    from station.config import Settings, save_settings, station_paths  # noqa: PLC0415

    home = tmp_path / "home"
    monkeypatch.setenv("STATION_HOME", str(home))
    save_settings(Settings(station_name="bench-2", disabled_plugins=["drone"]), station_paths())
    result = run_station(site, "plugins", "list", "--json", STATION_HOME=str(home))
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert (rows["drone"]["status"], rows["drone"]["error"]) == ("disabled", "disabled in the station's settings")
    assert rows["pickup"]["status"] == "enabled"
