"""`station plugin new` end to end: each kind's generated package passes its own tests as generated,
and a generated carrier builds as a wheel that a fresh station environment lists as enabled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from station.cli import main
from station.plugin_kit import KINDS

ROOT = Path(__file__).resolve().parents[2]
#: A name per kind; one with a hyphen, which every derived name (module, class, entry point) must survive.
NAMES = {"carrier": "acme", "payment": "pago-facil", "marketplace": "feria"}


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without the developer's STATION_* switches (plugin filters, home)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_") and k != "PYTHONPATH"}
    env.update(extra)
    return env


def run(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env or clean_env(), capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}"
    return result


def new_plugin(name: str, kind: str, parent: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["plugin", "new", name, "--kind", kind, "--dir", str(parent)]) == 0
    target = parent / f"station-{kind}-{name}"
    assert str(target) in capsys.readouterr().out
    return target


def test_every_kind_is_generated_below() -> None:
    assert set(NAMES) == set(KINDS)


@pytest.mark.parametrize(("kind", "name"), NAMES.items())
def test_a_generated_plugin_passes_its_own_tests_straight_away(
    kind: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = new_plugin(name, kind, tmp_path, capsys)
    snake = name.replace("-", "_")
    module = f"station_{kind}_{snake}"
    assert {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()} == {
        "pyproject.toml",
        "README.md",
        f"src/{module}/__init__.py",
        f"src/{module}/plugin.py",
        f"src/{module}/client.py",
        f"src/{module}/server.py",
        f"src/{module}/sandbox.py",
        "tests/conftest.py",
        f"tests/test_{snake}_{kind}_plugin.py",
        f"tests/test_{snake}_{kind}_calls.py",
    }
    pyproject = (package / "pyproject.toml").read_text(encoding="utf-8")
    assert f'{snake}_{kind} = "{module}.plugin"' in pyproject
    assert '"just-logistics-station"' in pyproject

    result = run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=package)

    assert " passed" in result.stdout and "failed" not in result.stdout and "skipped" not in result.stdout


def test_bad_names_and_taken_folders_are_refused_and_nothing_is_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugin", "new", "Acme Courier", "--kind", "carrier", "--dir", str(tmp_path)]) == 2
    assert "plugin name 'Acme Courier' must be lowercase" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []

    package = new_plugin("acme", "carrier", tmp_path, capsys)
    (package / "README.md").write_text("my notes", encoding="utf-8")
    assert main(["plugin", "new", "acme", "--kind", "carrier", "--dir", str(tmp_path)]) == 2
    assert f"{package} already exists and is not empty" in capsys.readouterr().err
    assert (package / "README.md").read_text(encoding="utf-8") == "my notes"


def test_a_generated_plugin_wheel_shows_up_in_a_fresh_station_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = new_plugin("acme", "carrier", tmp_path, capsys)
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check", "-q")
    # With build isolation: the station's venv may hold a setuptools too old to build wheels on its
    # own; the isolated build gets a current one from the configured index (seconds, cached).
    run(*pip, "wheel", "--no-deps", "-w", tmp_path / "dist", package)
    (wheel,) = (tmp_path / "dist").glob("station_carrier_acme-0.1.0-*.whl")

    # A fresh environment with the station, the fast way: no pip inside (ours drives it with
    # --python), the station installed editable without its dependencies, and a .pth that puts
    # this environment's site-packages behind the new one, so PySide6, SQLAlchemy & co. are
    # found without downloading them again. What the new venv installs itself comes first.
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    new_site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (new_site / "station-parent-env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run(*pip, "--python", python, "install", "--no-deps", "-e", ROOT)
    run(*pip, "--python", python, "install", "--no-deps", wheel)

    station = venv / ("Scripts/station.exe" if os.name == "nt" else "bin/station")
    listing = run(station, "plugins", "list", "--json", env=clean_env(STATION_HOME=str(tmp_path / "home")))

    rows = {row["name"]: row for row in json.loads(listing.stdout)}
    acme = rows["acme_carrier"]
    assert (acme["version"], acme["status"], acme["kind"], acme["error"]) == (
        "0.1.0",
        "enabled",
        ["carrier", "sandbox"],
        None,
    )
    located = run(python, "-c", "import station_carrier_acme; print(station_carrier_acme.__file__)").stdout
    assert Path(located.strip()).is_relative_to(new_site)  # the wheel's copy, not the generated source

    # A frozen station has no pip: the same wheel passes `station plugins install` (pure Python,
    # STATION_API_VERSION read from the source, the station requirement left to the API check).
    frozen_like = clean_env(STATION_HOME=str(tmp_path / "frozen-home"), STATION_LOAD_PLUGINS="acme_carrier")
    installed = run(sys.executable, "-m", "station", "plugins", "install", wheel, env=frozen_like)
    assert "installed station-carrier-acme 0.1.0 (plugin acme_carrier)" in installed.stdout
    listing = run(sys.executable, "-m", "station", "plugins", "list", "--json", env=frozen_like)
    (row,) = [row for row in json.loads(listing.stdout) if row["name"] == "acme_carrier"]
    assert (row["version"], row["status"], row["error"]) == ("0.1.0", "enabled", None)
