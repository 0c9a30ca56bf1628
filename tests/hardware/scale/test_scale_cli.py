"""``station scale`` run as IT runs it: a real process against a simulated scale."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from station.api import ScaleProtocol, ScaleState
from station.hardware.scale import ScaleDevice, ScaleSimulator

Make = Callable[..., ScaleSimulator]


def station_command() -> list[str]:
    station = shutil.which("station", path=str(Path(sys.executable).parent))
    return [station] if station else [sys.executable, "-m", "station"]


def environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("STATION_LOAD_PLUGINS", "STATION_DISABLE_PLUGINS")}


def run_station(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*station_command(), *args], capture_output=True, text=True, env=environment(), timeout=60)


@pytest.mark.parametrize(
    ("protocol", "setup", "code", "state", "weight_g"),
    [
        ("sics", lambda s: s.set_weight(1250), 0, "stable", 1250),
        ("cas", lambda s: s.set_weight(980, stable=False), 3, "unstable", 980),
        ("toledo8217", lambda s: s.set_overload(), 4, "overload", None),
        ("sics", lambda s: s.set_underload(), 4, "underload", None),
    ],
)
def test_read_prints_json_and_exits_with_the_documented_code(
    protocol: str,
    setup: Callable[[ScaleSimulator], None],
    code: int,
    state: str,
    weight_g: int | None,
    make_simulator: Make,
) -> None:
    simulator = make_simulator(protocol)
    setup(simulator)
    url = simulator.start_socket()
    result = run_station("scale", "read", "--port", url, "--json")
    assert result.returncode == code, result.stderr
    row = json.loads(result.stdout)
    assert {k: row[k] for k in ("weight_g", "stable", "state", "protocol")} == {
        "weight_g": weight_g,
        "stable": state == "stable",
        "state": state,
        "protocol": protocol,  # found by auto-detection
    }


def test_read_as_text(make_simulator: Make) -> None:
    simulator = make_simulator("sics", weight_g=2500)
    result = run_station("scale", "read", "--port", simulator.start_socket(), "--protocol", "sics")
    assert (result.returncode, result.stdout) == (0, "2500 g  stable\n")


def test_a_silent_scale_exits_5(make_simulator: Make) -> None:
    simulator = make_simulator("sics")
    simulator.set_silent(True)
    url = simulator.start_socket()
    named = run_station("scale", "read", "--port", url, "--protocol", "sics", "--timeout", "0.3", "--json")
    assert named.returncode == 5
    assert json.loads(named.stdout)["state"] == "timeout"
    detected = run_station("scale", "read", "--port", url, "--timeout", "0.3", "--json")
    assert detected.returncode == 5
    assert json.loads(detected.stdout)["state"] == "disconnected"
    assert "No scale answered on" in json.loads(detected.stdout)["message"]


def test_port_and_usage_errors_exit_2_with_a_message() -> None:
    missing = run_station("scale", "read", "--port", "/dev/ttyNOSUCH0", "--protocol", "sics")
    assert missing.returncode == 2
    assert "Cannot open the scale port /dev/ttyNOSUCH0 (Mettler Toledo MT-SICS)" in missing.stderr
    unknown = run_station("scale", "read", "--port", "loop://", "--protocol", "dibal")
    assert unknown.returncode == 2 and "No scale protocol named 'dibal'" in unknown.stderr
    assert run_station("scale", "read", "--port", "loop://", "--timeout", "0").returncode == 2
    assert run_station("scale", "read").returncode == 2  # --port is required


def test_help_documents_the_exit_codes() -> None:
    result = run_station("scale", "read", "--help")
    assert result.returncode == 0
    for line in (
        "0  stable weight",
        "3  unstable",
        "4  overload or underload",
        "5  no scale",
        "2  usage or port error",
    ):
        assert line in result.stdout


def test_ports_lists_json() -> None:
    result = run_station("scale", "ports", "--json")
    assert result.returncode == 0
    assert isinstance(json.loads(result.stdout), list)


def test_simulate_runs_a_scale_in_the_foreground_until_stopped(
    scale_protocols: dict[str, ScaleProtocol], wait_for: Callable[..., None]
) -> None:
    process = subprocess.Popen(
        [*station_command(), "scale", "simulate", "--protocol", "toledo8217", "--weight-g", "1200"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
    )
    try:
        assert process.stdout is not None and process.stdin is not None
        url = process.stdout.readline().strip()
        assert url.startswith("socket://127.0.0.1:")
        with ScaleDevice.open(url, protocols=scale_protocols) as scale:
            assert scale.protocol.name == "toledo8217" and scale.read().weight_g == 1200
            process.stdin.write("over\n")
            process.stdin.flush()
            wait_for(lambda: scale.read().state is ScaleState.OVERLOAD, "the typed 'over' to land")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_the_scale_builtins_are_listed_as_plugins() -> None:
    result = run_station("plugins", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    for name in ("scale_sics", "scale_toledo8217", "scale_cas"):
        assert rows[name]["status"] == "enabled" and rows[name]["kind"] == ["scale_protocol"]
        assert rows[name]["hooks"] == ["station_register_scale_protocols"]
