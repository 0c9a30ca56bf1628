"""Keyboard-wedge scanners: a scanner's burst becomes a scan, a person's typing lands in the field.

Key events go to a real QLineEdit with chosen timestamps (what the window system stamps on each
keystroke), so "fast" and "slow" are exact and the tests never wait on the clock, except for the
idle timeout that gives back a burst without its Enter.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt, QThread
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from ui_windows import show_and_activate

from station.domain.gs1 import GS, parse_gs1
from station.hardware.scanner import ScannerSettings, ScannerSimulator, SerialScanner
from station.ui.scanner import ScanRelay, WedgeScanDetector

FAST_MS = 4  # a scanner: a key every few milliseconds
SLOW_MS = 140  # a quick typist
NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Keyboard:
    """Presses and releases keys on a widget, each stamped ``gap`` ms after the one before."""

    def __init__(self, target: QWidget) -> None:
        self.target = target
        self.now_ms = 10_000

    def key(self, key: int, text: str = "", modifiers: Qt.KeyboardModifier = NO, gap: int = FAST_MS) -> None:
        self.now_ms += gap
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, text)
            event.setTimestamp(self.now_ms)
            QApplication.sendEvent(self.target, event)

    def type(self, text: str, gap: int = FAST_MS, *, shift_keys: bool = False) -> None:
        """Type ``text``; with ``shift_keys`` capitals come with Shift pressed and released around them."""
        for char in text:
            upper = char.isalpha() and char.isupper()
            if upper and shift_keys:
                self._single(QEvent.Type.KeyPress, Qt.Key.Key_Shift, "", SHIFT, gap)
            self.key(
                ord(char.upper()) if char.isascii() else int(Qt.Key.Key_unknown),
                char,
                SHIFT if upper else NO,
                0 if upper and shift_keys else gap,
            )
            if upper and shift_keys:
                self._single(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, "", NO, 0)

    def enter(self, gap: int = FAST_MS) -> None:
        self.key(Qt.Key.Key_Return, "\r", gap=gap)

    def ctrl_bracket(self, gap: int = FAST_MS) -> None:
        """FNC1 as a wedge scanner types it: Ctrl+], which Qt reports with the text GS."""
        self.key(Qt.Key.Key_BracketRight, GS, CTRL, gap)

    def _single(self, kind: QEvent.Type, key: int, text: str, modifiers: Qt.KeyboardModifier, gap: int) -> None:
        self.now_ms += gap
        event = QKeyEvent(kind, key, modifiers, text)
        event.setTimestamp(self.now_ms)
        QApplication.sendEvent(self.target, event)


class Bench:
    """A line edit with a detector on it, and what came out of both."""

    def __init__(self, qtbot: QtBot, settings: ScannerSettings | None = None, *, on_app: bool = False) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.field = QLineEdit(self.window)
        QVBoxLayout(self.window).addWidget(self.field)
        self.detector = WedgeScanDetector(settings, self.window)
        self.watched = QApplication.instance() if on_app else self.field
        assert self.watched is not None
        self.watched.installEventFilter(self.detector)
        self.scans: list[str] = []
        self.returns = 0
        self.detector.sig_scanned.connect(self.scans.append)
        self.field.returnPressed.connect(self._returned)
        self.keyboard = Keyboard(self.field)

    def _returned(self) -> None:
        self.returns += 1

    def settle(self) -> None:
        """Run what the event loop has queued (scans are emitted from it, not from key delivery)."""
        QApplication.processEvents()

    def close(self) -> None:
        self.watched.removeEventFilter(self.detector)


@pytest.fixture
def bench(qtbot: QtBot) -> Iterator[Bench]:
    made = Bench(qtbot)
    yield made
    made.close()


def test_fast_burst_ending_in_enter_is_a_scan_and_leaves_the_field_empty(qtbot: QtBot, bench: Bench) -> None:
    with qtbot.waitSignal(bench.detector.sig_scanned, timeout=2_000) as blocker:
        bench.keyboard.type("SO-10042 Ab", shift_keys=True)
        bench.keyboard.enter()
    assert blocker.args == ["SO-10042 Ab"]
    assert bench.field.text() == ""
    assert bench.returns == 0
    assert not bench.detector.holding


def test_slow_typing_lands_in_the_field_and_is_no_scan(bench: Bench) -> None:
    bench.keyboard.type("SO-10042", gap=SLOW_MS)
    bench.keyboard.enter(gap=SLOW_MS)
    bench.settle()
    assert bench.field.text() == "SO-10042"
    assert bench.returns == 1
    assert bench.scans == []


def test_typing_in_the_middle_of_the_field_keeps_its_order(bench: Bench) -> None:
    bench.field.setText("AB")
    bench.field.setCursorPosition(1)
    bench.keyboard.type("xyz", gap=SLOW_MS)
    bench.keyboard.key(Qt.Key.Key_Left, gap=SLOW_MS)  # a key no scanner sends gives back what is held
    bench.keyboard.type("1", gap=SLOW_MS)
    bench.keyboard.enter(gap=SLOW_MS)
    assert bench.field.text() == "Axy1zB"
    assert bench.scans == []


def test_burst_shorter_than_min_length_is_typing(bench: Bench) -> None:
    bench.keyboard.type("123")
    bench.keyboard.enter()
    bench.settle()
    assert (bench.field.text(), bench.returns, bench.scans) == ("123", 1, [])


def test_a_held_down_key_is_typing(bench: Bench) -> None:
    bench.keyboard.type("ab")
    for _ in range(4):  # auto-repeat can be as quick as a scanner; scanners never hold a key
        bench.keyboard.now_ms += FAST_MS
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_C, NO, "c", True)
        event.setTimestamp(bench.keyboard.now_ms)
        QApplication.sendEvent(bench.field, event)
    bench.keyboard.enter()
    bench.settle()
    assert (bench.field.text(), bench.returns, bench.scans) == ("abcccc", 1, [])


def test_gs_typed_as_ctrl_bracket_survives_and_parses(qtbot: QtBot, bench: Bench) -> None:
    with qtbot.waitSignal(bench.detector.sig_scanned, timeout=2_000) as blocker:
        bench.keyboard.type("]C10107801234567894" + "10LOT42")
        bench.keyboard.ctrl_bracket()
        bench.keyboard.type("17261231")
        bench.keyboard.enter()
    code = blocker.args[0]
    assert code == "]C10107801234567894" + "10LOT42" + GS + "17261231"
    data = parse_gs1(code, today=date(2025, 1, 1))
    assert (data.gtin, data.lot, data.expiry) == ("07801234567894", "LOT42", date(2026, 12, 31))
    assert bench.field.text() == ""


@pytest.mark.parametrize(("replacement", "key"), [("~", Qt.Key.Key_AsciiTilde), ("|", Qt.Key.Key_Bar)])
def test_gs_sent_as_a_replacement_character(qtbot: QtBot, replacement: str, key: Qt.Key) -> None:
    bench = Bench(qtbot, ScannerSettings(gs_replacement=replacement))
    try:
        with qtbot.waitSignal(bench.detector.sig_scanned, timeout=2_000) as blocker:
            bench.keyboard.type("10LOT42")
            bench.keyboard.key(key, replacement)
            bench.keyboard.type("17261231")
            bench.keyboard.key(Qt.Key.Key_unknown, GS)  # GS as bare text (Windows Alt+029) works too
            bench.keyboard.type("21S1")
            bench.keyboard.enter()
        assert blocker.args == ["10LOT42" + GS + "17261231" + GS + "21S1"]
        data = parse_gs1(blocker.args[0], today=date(2025, 1, 1))
        assert (data.lot, data.expiry, data.serial) == ("LOT42", date(2026, 12, 31), "S1")
    finally:
        bench.close()


def test_prefix_mode_takes_prefixed_bursts_at_any_speed(qtbot: QtBot) -> None:
    bench = Bench(qtbot, ScannerSettings(prefix="F12"))
    try:
        with qtbot.waitSignal(bench.detector.sig_scanned, timeout=2_000) as blocker:
            bench.keyboard.key(Qt.Key.Key_F12)
            bench.keyboard.type("ORD-77", gap=SLOW_MS)  # a scanner slowed down for a remote desktop
            bench.keyboard.enter(gap=SLOW_MS)
        assert blocker.args == ["ORD-77"]
        assert bench.field.text() == ""

        # Without the prefix, even a fast burst is typing, and is never held back.
        bench.keyboard.type("4006381333931")
        assert bench.field.text() == "4006381333931"
        bench.keyboard.enter()
        bench.settle()
        assert (bench.returns, bench.scans) == (1, ["ORD-77"])
    finally:
        bench.close()


def test_prefix_character(qtbot: QtBot) -> None:
    bench = Bench(qtbot, ScannerSettings(prefix="$", suffix="Tab"))
    try:
        with qtbot.waitSignal(bench.detector.sig_scanned, timeout=2_000) as blocker:
            bench.keyboard.type("$SKU-1", gap=SLOW_MS)
            bench.keyboard.key(Qt.Key.Key_Tab, "\t", gap=SLOW_MS)
        assert blocker.args == ["SKU-1"]
    finally:
        bench.close()


def test_burst_without_suffix_is_given_back_after_the_timeout(qtbot: QtBot, bench: Bench) -> None:
    bench.keyboard.type("ABCDEF", shift_keys=True)
    assert bench.detector.holding and bench.field.text() == ""  # held: it may still be a scan
    qtbot.waitUntil(lambda: bench.field.text() == "ABCDEF", timeout=2_000)
    # The rest of the same burst arrives late (a busy UI thread): it is typing too, never the tail of a scan.
    bench.keyboard.type("GHIJK")
    bench.keyboard.enter()
    bench.settle()
    assert bench.field.text() == "ABCDEFGHIJK"
    assert (bench.returns, bench.scans) == (1, [])


def test_on_the_application_it_sees_every_keystroke_once(qtbot: QtBot) -> None:
    bench = Bench(qtbot, on_app=True)
    try:
        with qtbot.waitSignal(bench.detector.sig_scanned, timeout=2_000) as blocker:
            bench.keyboard.type("]E04006381333931")
            bench.keyboard.enter()
        assert blocker.args == ["]E04006381333931"]
        assert bench.field.text() == ""
        # Enter of slow typing propagates from the line edit to its parent: still judged once.
        bench.keyboard.type("12345", gap=SLOW_MS)
        bench.keyboard.enter(gap=SLOW_MS)
        bench.settle()
        assert (bench.field.text(), bench.returns, bench.scans) == ("12345", 1, ["]E04006381333931"])
    finally:
        bench.close()


def test_through_the_window_like_a_real_keyboard(qtbot: QtBot) -> None:
    """Real key input reaches the window first, then the focus widget, and shortcuts are asked first:
    a window shortcut on Ctrl+] must not take the GS out of a scan."""
    bench = Bench(qtbot, on_app=True)
    shortcut_used: list[bool] = []
    QShortcut(QKeySequence("Ctrl+]"), bench.window, lambda: shortcut_used.append(True))
    try:
        show_and_activate(qtbot, bench.window)
        bench.field.setFocus()
        window = bench.window.windowHandle()
        with qtbot.waitSignal(bench.detector.sig_scanned, timeout=2_000) as blocker:
            for char in "10LOT42":  # QTest stamps the keys a millisecond or two apart
                QTest.keyClick(window, ord(char))
            QTest.keyClick(window, Qt.Key.Key_BracketRight, CTRL)
            for char in "17261231":
                QTest.keyClick(window, ord(char))
            QTest.keyClick(window, Qt.Key.Key_Return)
        assert blocker.args == ["10LOT42" + GS + "17261231"]
        assert (bench.field.text(), bench.returns, shortcut_used) == ("", 0, [])

        for char in "abc":  # no Enter: after the idle timeout it was typing
            QTest.keyClick(window, ord(char))
        qtbot.waitUntil(lambda: bench.field.text() == "abc", timeout=2_000)
        QTest.keyClick(window, Qt.Key.Key_BracketRight, CTRL)  # outside a burst the shortcut works
        assert shortcut_used == [True]
        assert bench.scans == ["10LOT42" + GS + "17261231"]
    finally:
        bench.close()


def test_two_scans_back_to_back(qtbot: QtBot, bench: Bench) -> None:
    with qtbot.waitSignals([bench.detector.sig_scanned, bench.detector.sig_scanned], timeout=2_000):
        bench.keyboard.type("AAAA-1")
        bench.keyboard.enter()
        bench.keyboard.type("BBBB-2", gap=8)  # the scanner's second read follows at once
        bench.keyboard.enter()
    assert bench.scans == ["AAAA-1", "BBBB-2"]
    assert (bench.field.text(), bench.returns) == ("", 0)


def test_serial_scanner_codes_reach_the_ui_thread(qtbot: QtBot) -> None:
    relay = ScanRelay()
    threads: list[bool] = []
    relay.sig_scanned.connect(lambda _code: threads.append(QThread.currentThread() == relay.thread()))
    with ScannerSimulator() as simulator:
        scanner = SerialScanner(simulator.start_socket(), relay, on_status=relay.status, reconnect_interval_s=0.05)
        with qtbot.waitSignal(relay.sig_status, timeout=5_000) as status:
            scanner.start()
        try:
            assert status.args[0] is True
            assert simulator.wait_for_clients(1, 5.0)
            with qtbot.waitSignal(relay.sig_scanned, timeout=5_000) as blocker:
                simulator.scan("10LOT42" + GS + "17261231")
            assert blocker.args == ["10LOT42" + GS + "17261231"]
            assert threads == [True]
        finally:
            scanner.stop()
