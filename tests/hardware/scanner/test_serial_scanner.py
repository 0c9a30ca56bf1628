"""Serial scanners against the simulator, over a real TCP socket and a real pseudo-terminal."""

from __future__ import annotations

import queue
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from station.domain.gs1 import GS, parse_gs1
from station.hardware.scanner import (
    InvalidScannerSettings,
    ScannerSettings,
    ScannerSimulator,
    SerialScanner,
    decode_scan,
)

WAIT_S = 5.0
GS1_SCAN = "]C1" + "0107801234567894" + "10LOT42" + GS + "17261231"

needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")


class Received:
    """What the scanner delivered, in order; waits are bounded."""

    def __init__(self) -> None:
        self.codes: queue.Queue[str] = queue.Queue()
        self.states: queue.Queue[tuple[bool, str]] = queue.Queue()

    def take(self, count: int) -> list[str]:
        return [self.codes.get(timeout=WAIT_S) for _ in range(count)]


@pytest.fixture
def received() -> Received:
    return Received()


@pytest.fixture
def simulator() -> Iterator[ScannerSimulator]:
    sim = ScannerSimulator()
    yield sim
    sim.stop()


def ready(scanner: SerialScanner, simulator: ScannerSimulator) -> bool:
    """Both ends see the connection. pyserial drops unread input when it opens a port, so a code
    sent before the reader has finished opening would be lost, as with a real scanner."""
    return simulator.wait_for_clients(1, WAIT_S) and scanner.wait_connected(True, WAIT_S)


def open_scanner(url: str, received: Received, **options: object) -> SerialScanner:
    scanner = SerialScanner(
        url,
        received.codes.put,
        reconnect_interval_s=0.05,
        on_status=lambda connected, message: received.states.put((connected, message)),
        **options,  # type: ignore[arg-type]
    )
    return scanner.start()


def test_codes_arrive_in_order_over_a_socket_with_gs_intact(simulator: ScannerSimulator, received: Received) -> None:
    scanner = open_scanner(simulator.start_socket(), received)
    try:
        assert ready(scanner, simulator)
        codes = ["SO-10042", "4006381333931", GS1_SCAN, "Ñandú 7"]
        for code in codes:
            simulator.scan(code)
        assert received.take(len(codes)) == codes
        data = parse_gs1(received_gs1 := codes[2], today=date(2025, 1, 1))
        assert GS in received_gs1 and (data.lot, data.expiry) == ("LOT42", date(2026, 12, 31))
    finally:
        scanner.stop()
    assert not scanner.connected


@needs_pty
def test_codes_arrive_over_a_pseudo_terminal(simulator: ScannerSimulator, received: Received, tmp_path: Path) -> None:
    scanner = open_scanner(simulator.start_pty(), received)
    try:
        assert scanner.wait_connected(True, WAIT_S)
        for code in ("A-01-B", GS1_SCAN, "12345678"):
            simulator.scan(code)
        assert received.take(3) == ["A-01-B", GS1_SCAN, "12345678"]
    finally:
        scanner.stop()


def test_unplugged_then_back_reconnects(simulator: ScannerSimulator, received: Received) -> None:
    url = simulator.start_socket()
    scanner = open_scanner(url, received)
    try:
        assert ready(scanner, simulator)
        simulator.scan("before")
        assert received.take(1) == ["before"]

        simulator.stop()  # unplugged
        assert scanner.wait_connected(False, WAIT_S)
        assert "disconnected" in scanner.last_error or "not available" in scanner.last_error

        assert simulator.start_socket() == url  # plugged back, same port
        assert ready(scanner, simulator)
        simulator.scan("after")
        assert received.take(1) == ["after"]
    finally:
        scanner.stop()
    states = [received.states.get_nowait() for _ in range(received.states.qsize())]
    assert [connected for connected, _ in states][:2] == [True, False]
    assert (True, f"scanner on {url} connected") in states[2:]


@needs_pty
def test_unplugged_pty_comes_back_at_its_stable_name(
    simulator: ScannerSimulator, received: Received, tmp_path: Path
) -> None:
    link = tmp_path / "scanner-by-id"  # like /dev/serial/by-id/usb-…: the name survives a replug
    scanner = open_scanner(str(simulator.start_pty(link)), received)
    try:
        assert scanner.wait_connected(True, WAIT_S)
        simulator.scan("first")
        assert received.take(1) == ["first"]
        simulator.stop()
        assert scanner.wait_connected(False, WAIT_S)
        simulator.start_pty(link)
        assert scanner.wait_connected(True, WAIT_S)
        simulator.scan("second")
        assert received.take(1) == ["second"]
    finally:
        scanner.stop()


def test_cr_lf_scanner_with_cr_terminator_and_latin1_bytes(simulator: ScannerSimulator, received: Received) -> None:
    simulator.terminator = b"\r\n"
    scanner = open_scanner(simulator.start_socket(), received)
    try:
        assert ready(scanner, simulator)
        simulator.scan("ABC-1")
        simulator.scan(b"\xd1and\xfa")  # Latin-1 from an old scanner
        simulator.scan("Ñandú")  # UTF-8 from a new one
        assert received.take(3) == ["ABC-1", "Ñandú", "Ñandú"]
    finally:
        scanner.stop()


def test_other_terminators_and_a_failing_receiver(simulator: ScannerSimulator, received: Received) -> None:
    simulator.terminator = b"\x03"  # ETX
    calls: list[str] = []

    def flaky(code: str) -> None:
        calls.append(code)
        if code == "boom":
            raise RuntimeError("receiver failed")
        received.codes.put(code)

    scanner = SerialScanner(simulator.start_socket(), flaky, terminator=b"\x03").start()
    try:
        assert ready(scanner, simulator)
        simulator.scan("boom")
        simulator.scan("still reading")
        assert received.take(1) == ["still reading"]
        assert calls == ["boom", "still reading"]
    finally:
        scanner.stop()


def test_a_malformed_url_is_reported_and_not_retried(received: Received) -> None:
    scanner = open_scanner("nonsense://x", received)
    connected, message = received.states.get(timeout=WAIT_S)
    assert not connected and "scanner URL 'nonsense://x' is not valid" in message
    scanner.stop()


def test_decode_scan_keeps_control_bytes() -> None:
    assert decode_scan(b"10A\x1d17261231") == "10A\x1d17261231"
    assert decode_scan(b"\xe9t\xe9", "cp1252") == "été"


def test_scanner_settings_defaults_and_checks() -> None:
    settings = ScannerSettings()
    assert (settings.threshold_ms, settings.min_length, settings.prefix, settings.suffix) == (25, 4, "", "Enter")
    assert settings.idle_timeout_ms == 50
    assert ScannerSettings(prefix="F12").idle_timeout_ms == 1000
    assert ScannerSettings.from_mapping(settings.as_mapping()) == settings
    for bad in ({"threshold_ms": 0}, {"suffix": "Space"}, {"gs_replacement": "A"}, {"gs_replacement": "~~"}):
        with pytest.raises(InvalidScannerSettings):
            ScannerSettings(**bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidScannerSettings, match="unknown scanner setting treshold_ms"):
        ScannerSettings.from_mapping({"treshold_ms": 20})
