"""The built-in transports deliver bytes for real: a socket, a pty, a subprocess."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.api import AdapterContext, DeviceError, PrinterTransport, PrintJob, adapter_problem
from station.hardware.printing.device import transport_for_url
from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.printing.zpl import render_test_label

LABEL = render_test_label("Mesa 1", 203)


def context(transport: PrinterTransport, url: str) -> AdapterContext:
    name, settings = transport_for_url(url)
    assert name == transport.name
    return AdapterContext(plugin=name, http=None, settings=transport.settings_schema.resolve(settings))


def test_the_builtin_transports_are_named_after_their_url_schemes(transports: dict[str, PrinterTransport]) -> None:
    assert {"file", "tcp", "serial", "cups", "win"} <= set(transports)
    for name in ("tcp", "serial"):
        assert callable(getattr(transports[name], "exchange", None))
    for name in ("file", "cups", "win"):
        assert not hasattr(transports[name], "exchange")  # one-way, and the host still accepts them
        assert adapter_problem("printer_transport", transports[name]) is None


@pytest.mark.parametrize(("url", "name", "settings"), [
    ("tcp://10.0.0.5:9100", "tcp", {"host": "10.0.0.5", "port": 9100}),
    ("tcp://printer.local", "tcp", {"host": "printer.local", "port": 9100}),
    ("tcp://10.0.0.5:6101?timeout_s=9", "tcp", {"host": "10.0.0.5", "port": 6101, "timeout_s": "9"}),
    ("serial:///dev/ttyUSB0?baudrate=19200", "serial", {"port": "/dev/ttyUSB0", "baudrate": "19200"}),
    ("serial://COM3", "serial", {"port": "COM3"}),
    ("cups://Zebra_ZD421", "cups", {"queue": "Zebra_ZD421"}),
    ("win://ZDesigner ZD421-203dpi ZPL", "win", {"printer": "ZDesigner ZD421-203dpi ZPL"}),
    ("win://ZDesigner%20GK420d", "win", {"printer": "ZDesigner GK420d"}),
    ("file:///srv/labels", "file", {"directory": "/srv/labels"}),
    ("raw9100://?host=10.0.0.9", "raw9100", {"host": "10.0.0.9"}),
])
def test_printer_urls_map_to_a_transport_and_its_settings(url: str, name: str, settings: dict[str, object]) -> None:
    assert transport_for_url(url) == (name, settings)


@pytest.mark.parametrize(("url", "message"), [
    ("10.0.0.5:9100", "needs a scheme"),
    ("tcp://:9100", "has no host"),
    ("tcp://host:abc", "port must be a number"),
    ("serial://", "has no port"),
    ("cups://", "names no printer"),
])
def test_a_wrong_printer_url_says_how_to_write_it(url: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        transport_for_url(url)


# -- tcp ---------------------------------------------------------------------------------------------


def test_tcp_sends_exactly_the_bytes_once_per_copy(transports: dict[str, PrinterTransport], zebra: ZebraSimulator) -> None:
    tcp = transports["tcp"]
    note = tcp.send(context(tcp, zebra.url), PrintJob(data=LABEL, content_type="application/zpl", copies=2))
    assert note == f"sent to 127.0.0.1:{zebra.port}"
    assert zebra.wait_for_connections(1)
    assert zebra.connections == [LABEL + LABEL]
    assert zebra.labels == [LABEL.strip(), LABEL.strip()]


def test_tcp_exchange_reads_the_three_status_lines(transports: dict[str, PrinterTransport], zebra: ZebraSimulator) -> None:
    tcp = transports["tcp"]
    reply = tcp.exchange(context(tcp, zebra.url), b"~HS", terminator=b"\x03", count=3, timeout_s=2)  # type: ignore[attr-defined]
    assert reply.count(b"\x03") == 3 and reply.startswith(b"\x02030,0,0,1218")


def test_tcp_exchange_with_a_silent_printer_returns_nothing_in_time(
    transports: dict[str, PrinterTransport], zebra: ZebraSimulator
) -> None:
    zebra.silent = True
    tcp = transports["tcp"]
    started = time.monotonic()
    reply = tcp.exchange(context(tcp, zebra.url), b"~HS", terminator=b"\x03", count=3, timeout_s=0.5)  # type: ignore[attr-defined]
    assert reply == b""
    assert time.monotonic() - started < 3


def test_tcp_names_the_printer_it_cannot_reach(transports: dict[str, PrinterTransport], zebra: ZebraSimulator) -> None:
    zebra.offline = True
    tcp = transports["tcp"]
    with pytest.raises(DeviceError, match=rf"cannot reach the printer at 127.0.0.1:{zebra.port} \(connection refused\)") as caught:
        tcp.send(context(tcp, zebra.url), PrintJob(data=LABEL, content_type="application/zpl"))
    assert caught.value.retryable  # nothing was sent: safe to try again


# -- serial over a pseudo-terminal -------------------------------------------------------------------


@pytest.fixture
def pty_port() -> Iterator[tuple[int, str]]:
    if not hasattr(os, "openpty"):
        pytest.skip("no pseudo-terminals on this OS")
    controller, device = os.openpty()
    name = os.ttyname(device)
    yield controller, name
    os.close(controller)
    os.close(device)


def read_until(fd: int, size: int, timeout: float = 5.0) -> bytes:
    received = b""
    deadline = time.monotonic() + timeout
    os.set_blocking(fd, False)
    while len(received) < size and time.monotonic() < deadline:
        try:
            received += os.read(fd, 65536)
        except BlockingIOError:
            time.sleep(0.01)
    return received


def test_serial_writes_the_label_to_the_port(transports: dict[str, PrinterTransport], pty_port: tuple[int, str]) -> None:
    controller, name = pty_port
    serial_transport = transports["serial"]
    note = serial_transport.send(
        context(serial_transport, f"serial://{name}?baudrate=9600"), PrintJob(data=LABEL, content_type="application/zpl")
    )
    assert note == f"sent to {name}"
    assert read_until(controller, len(LABEL)) == LABEL


def test_serial_exchange_reads_the_printers_answer(transports: dict[str, PrinterTransport], pty_port: tuple[int, str]) -> None:
    controller, name = pty_port
    with ZebraSimulator() as zebra:
        zebra.paper_out = True
        answer = zebra.host_status()

    def printer() -> None:
        if read_until(controller, 3) == b"~HS":
            os.write(controller, answer)

    thread = threading.Thread(target=printer)
    thread.start()
    serial_transport = transports["serial"]
    reply = serial_transport.exchange(  # type: ignore[attr-defined]
        context(serial_transport, f"serial://{name}"), b"~HS", terminator=b"\x03", count=3, timeout_s=3
    )
    thread.join()
    assert reply.rstrip() == answer.rstrip()


def test_serial_names_a_missing_port(transports: dict[str, PrinterTransport], tmp_path: Path) -> None:
    serial_transport = transports["serial"]
    missing = tmp_path / "ttyUSB9"
    with pytest.raises(DeviceError, match=f"cannot open the printer port {missing}"):
        serial_transport.send(context(serial_transport, f"serial://{missing}"), PrintJob(data=LABEL, content_type="application/zpl"))


# -- cups with a fake lp -----------------------------------------------------------------------------

FAKE_LP = """#!{python}
import sys, pathlib
out = pathlib.Path({out!r})
out.joinpath("args").write_text("\\n".join(sys.argv[1:]))
out.joinpath("stdin").write_bytes(sys.stdin.buffer.read())
if "-d" in sys.argv and sys.argv[sys.argv.index("-d") + 1] == "Missing":
    print("lp: The printer or class does not exist.", file=sys.stderr)
    sys.exit(1)
print("request id is Zebra-12 (1 file(s))")
"""


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if sys.platform == "win32":
        pytest.skip("a shell-script lp needs a POSIX system")
    bin_dir, out = tmp_path / "bin", tmp_path / "lp-saw"
    bin_dir.mkdir()
    out.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(FAKE_LP.format(python=sys.executable, out=str(out)))
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    return out


def test_cups_hands_the_raw_bytes_to_lp(transports: dict[str, PrinterTransport], fake_lp: Path) -> None:
    cups = transports["cups"]
    job = PrintJob(data=LABEL, content_type="application/zpl", title="Order JL-1042", copies=2)
    note = cups.send(context(cups, "cups://Zebra"), job)
    assert note == "queued on Zebra (request id is Zebra-12 (1 file(s)))"
    assert (fake_lp / "args").read_text().splitlines() == ["-d", "Zebra", "-o", "raw", "-t", "Order JL-1042", "-n", "2"]
    assert (fake_lp / "stdin").read_bytes() == LABEL


def test_cups_passes_on_what_lp_complains_about(transports: dict[str, PrinterTransport], fake_lp: Path) -> None:
    cups = transports["cups"]
    with pytest.raises(DeviceError, match="CUPS refused the job for queue 'Missing': lp: The printer or class does not exist."):
        cups.send(context(cups, "cups://Missing"), PrintJob(data=LABEL, content_type="application/zpl"))


def test_cups_without_lp_says_what_to_install(
    transports: dict[str, PrinterTransport], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    cups = transports["cups"]
    with pytest.raises(DeviceError, match="the CUPS `lp` command is not installed"):
        cups.send(context(cups, "cups://Zebra"), PrintJob(data=LABEL, content_type="application/zpl"))


# -- windows -------------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="checks the message on other systems")
def test_the_windows_spooler_says_it_is_windows_only(transports: dict[str, PrinterTransport]) -> None:
    win = transports["win"]
    with pytest.raises(DeviceError, match="the Windows spooler exists only on Windows"):
        win.send(context(win, "win://ZDesigner ZD421"), PrintJob(data=LABEL, content_type="application/zpl"))
