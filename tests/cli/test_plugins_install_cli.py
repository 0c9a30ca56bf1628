"""`station plugins install/remove` from the shell, then a fresh station that lists what it loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from plugin_wheels import make_library_wheel, make_plugin_wheel


def station(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    environment.update(STATION_HOME=str(home), **env)
    return subprocess.run(
        [sys.executable, "-m", "station", "plugins", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


def listed(home: Path, name: str) -> dict | None:
    # Only our plugin among the external ones: the demo carrier installed in the venv stays out.
    result = station(home, "list", "--json", STATION_LOAD_PLUGINS=name)
    assert result.returncode == 0, result.stderr
    return next((row for row in json.loads(result.stdout) if row["name"] == name), None)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def test_install_list_and_remove_a_plugin_wheel(home: Path, tmp_path: Path) -> None:
    links = tmp_path / "links"
    links.mkdir()
    make_library_wheel(links, "pic_support", "1.2.0")
    plugin = make_plugin_wheel(tmp_path, "pic_notifier", version="0.4.0", requires=("pic-support>=1",))

    installed = station(home, "install", str(plugin), "--find-links", str(links))

    assert installed.returncode == 0, installed.stderr
    assert "installed pic-notifier 0.4.0 (plugin pic_notifier)" in installed.stdout
    assert "installed pic-support 1.2.0 (dependency)" in installed.stdout
    assert "restart the station" in installed.stdout
    assert (home / "data" / "plugins" / "site" / "pic_support" / "__init__.py").exists()
    row = listed(home, "pic_notifier")
    assert row is not None
    assert (row["version"], row["status"], row["kind"], row["error"]) == ("0.4.0", "enabled", ["notifications"], None)

    removed = station(home, "remove", "pic-notifier")

    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.splitlines()[:2] == ["removed pic-notifier", "removed pic-support"]
    assert listed(home, "pic_notifier") is None
    again = station(home, "remove", "pic-notifier")
    assert again.returncode == 1
    assert "No plugin named 'pic-notifier' is installed" in again.stderr


def test_a_plugin_for_another_api_is_refused_and_nothing_is_written(home: Path, tmp_path: Path) -> None:
    plugin = make_plugin_wheel(tmp_path, "pic_future", api="1.7")

    result = station(home, "install", str(plugin))

    assert result.returncode == 1
    assert "needs station plugin API 1.7 or newer; this station provides 1.0" in result.stderr
    assert "Nothing was installed." in result.stderr
    site = home / "data" / "plugins" / "site"
    assert not site.exists() or not any(site.iterdir())
    assert listed(home, "pic_future") is None
