"""`station printer …` as IT runs it: real subprocesses against the simulated Zebra."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from station.hardware.printing.simulator import ZebraSimulator


def station(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("station") or str(Path(sys.executable).with_name("station"))
    return subprocess.run([executable, *args], capture_output=True, text=True, timeout=timeout, env=os.environ.copy())


def test_status_of_a_ready_printer_exits_0(zebra: ZebraSimulator) -> None:
    result = station("printer", "status", "--printer", zebra.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{zebra.url}: Ready"


def test_status_json_and_exit_1_when_out_of_labels(zebra: ZebraSimulator) -> None:
    zebra.paper_out = True
    result = station("printer", "status", "--printer", zebra.url, "--json")
    assert result.returncode == 1, result.stderr
    answer = json.loads(result.stdout)
    assert answer["printer"] == zebra.url
    assert answer["ready"] is False and answer["problems"] == ["Out of labels"]
    assert answer["detail"]["paper_out"] is True


def test_status_exits_2_when_nobody_answers(zebra: ZebraSimulator) -> None:
    zebra.silent = True
    started = time.monotonic()
    result = station("printer", "status", "--printer", zebra.url, "--timeout", "0.5")
    assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert f"No answer from the printer at {zebra.url}" in result.stdout


def test_status_exits_2_for_a_url_it_cannot_use() -> None:
    result = station("printer", "status", "--printer", "lpt://1")
    assert result.returncode == 2
    assert "no printer transport 'lpt'" in result.stdout


def test_test_label_reaches_the_printer(zebra: ZebraSimulator) -> None:
    result = station("printer", "test", "--printer", zebra.url, "--dpi", "300")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"Test label sent to {zebra.url}: sent to 127.0.0.1:{zebra.port}"
    assert zebra.wait_for_labels(1)
    (label,) = zebra.labels
    assert label.startswith(b"^XA\n^CI28\n^PW1200") and b"Prueba de impresora" in label


def test_test_label_is_not_sent_when_the_head_is_open(zebra: ZebraSimulator) -> None:
    zebra.head_open = True
    result = station("printer", "test", "--printer", zebra.url)
    assert result.returncode == 1
    assert "Test label not printed" in result.stdout and "Print head open" in result.stdout
    assert zebra.labels == []


def test_simulate_listens_and_saves_every_label(tmp_path: Path) -> None:
    executable = shutil.which("station") or str(Path(sys.executable).with_name("station"))
    process = subprocess.Popen(
        [executable, "printer", "simulate", "--port", "0", "--save", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.search(r"tcp://127\.0\.0\.1:(\d+)", first)
        assert match, first
        with socket.create_connection(("127.0.0.1", int(match.group(1))), timeout=5) as connection:
            connection.sendall(b"^XA^FO10,10^A0N,30,30^FDHola^FS^XZ")
        assert process.stdout.readline().startswith("label 1: ")
        assert (tmp_path / "label-0001.zpl").read_bytes() == b"^XA^FO10,10^A0N,30,30^FDHola^FS^XZ"
    finally:
        process.send_signal(signal.SIGTERM)
        out, _ = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "Stopped after 1 label(s)." in out
