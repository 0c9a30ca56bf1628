"""Keyboard-wedge scanners: tell a scanner's burst of keystrokes from a person typing.

A wedge scanner "types" each code, a key every few milliseconds, then Enter. :class:`WedgeScanDetector`
watches keystrokes (install it on the QApplication to see them all first, or on one input widget)
and holds back each keystroke that could start or continue such a burst:

- the burst ends with the suffix key after at least ``min_length`` characters, each within
  ``threshold_ms`` of the one before: it was a scan. ``sig_scanned(code)`` is emitted and none of its
  keystrokes reach the focused widget;
- a pause longer than the threshold, a key that scanners do not send (arrows, F-keys, Ctrl+C), or no
  next key within the idle timeout: it was typing. The held keystrokes are delivered in their order,
  as if never held (a person sees a letter appear a few tens of milliseconds late, nothing more).

With a configured prefix (a scanner programmed to send e.g. F12 or ``$`` first) only prefixed bursts
are scans, at any speed, and keys outside them are never held.

GS (FNC1, the GS1 field separator) survives: scanners type it as Ctrl+] (``Key_BracketRight`` with
Ctrl, text ``"\\x1d"``) or as a replacement character they are programmed with (``~``, ``|``);
both become ``"\\x1d"`` in the code, ready for :func:`station.domain.gs1.parse_gs1`.

Timing comes from ``QKeyEvent.timestamp()`` (when the key was pressed, not when the busy UI thread got
to it), or from ``clock`` for events without one.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence

from station.hardware.scanner import ScannerSettings

__all__ = ["ScanRelay", "WedgeScanDetector"]

GS = "\x1d"

_MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_CapsLock}
)
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_META = Qt.KeyboardModifier.MetaModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
_IGNORED_IN_COMBOS = Qt.KeyboardModifier.ShiftModifier | _KEYPAD  # layouts differ on Shift for +, ] …


class _Kind(enum.Enum):
    CHAR = "a character of a code"
    GS = "the GS separator"
    PREFIX = "the configured prefix"
    SUFFIX = "the configured suffix"
    NEUTRAL = "a modifier key on its own"
    OTHER = "a key scanners do not send"


class WedgeScanDetector(QObject):
    """An event filter that turns keyboard-wedge scanner bursts into ``sig_scanned(code)``.

    ``detector = WedgeScanDetector(settings, parent); app.installEventFilter(detector)``. Change
    ``settings`` at any time (a held burst is given back first).
    """

    sig_scanned = Signal(str)  # the exact code, GS separators as "\x1d", without prefix and suffix

    def __init__(
        self,
        settings: ScannerSettings | None = None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        use_event_timestamps: bool = True,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._use_event_timestamps = use_event_timestamps
        self._held: list[tuple[QObject, QKeyEvent]] = []  # copies, to deliver if it was typing
        self._chars: list[str] = []
        self._pressed: set[int] = set()  # keys pressed inside the burst, not yet released
        self._eat_releases: set[int] = set()  # their releases, after the burst became a scan
        self._by_prefix = False
        self._last_press_ms = 0.0
        self._typing_last_ms: float | None = None  # last keystroke given back as typing
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self._settings = ScannerSettings()
        self.settings = settings or ScannerSettings()

    @property
    def settings(self) -> ScannerSettings:
        return self._settings

    @settings.setter
    def settings(self, settings: ScannerSettings) -> None:
        self.flush()
        self._settings = settings
        self._timer.setInterval(settings.idle_timeout_ms)
        self._prefix_char = settings.prefix if len(settings.prefix) == 1 else ""
        self._prefix_combo = _combination(settings.prefix) if len(settings.prefix) > 1 else None
        self._gs_combo = _combination(settings.gs_key) if settings.gs_key else None

    @property
    def holding(self) -> bool:
        """Whether keystrokes are being held back right now (a burst may be under way)."""
        return bool(self._held)

    def flush(self) -> None:
        """Give every held keystroke back, in order, to where it was going: it was typing."""
        self._timer.stop()
        held, self._held = self._held, []
        self._chars.clear()
        self._pressed.clear()
        if held:
            self._typing_last_ms = self._last_press_ms
        self._replaying = True  # our own deliveries pass this filter untouched
        try:
            for target, event in held:
                if shiboken6.isValid(target):
                    QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    # -- the filter -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if self._replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.ShortcutOverride:
            return self._claim_shortcut(event)
        # On the application, one keystroke passes here several times: at the window, then at the
        # focus widget, then at each parent it propagates to. A held keystroke goes no further, and a
        # keystroke let through is let through again on every later pass with nothing changed.
        if kind == QEvent.Type.KeyPress:
            return self._press(watched, event)
        return self._release(watched, event)

    def _press(self, watched: QObject, event: QKeyEvent) -> bool:
        self._eat_releases.discard(event.key())  # pressed again: its old release was lost (focus change)
        now = self._time_ms(event)
        kind = self._classify(event)
        s = self._settings
        if self._held and not self._by_prefix and kind is not _Kind.NEUTRAL:
            gap = now - self._last_press_ms
            if gap < 0 or gap > s.threshold_ms:
                self.flush()  # a pause: a person is typing
        if kind is _Kind.PREFIX:
            self.flush()
            self._by_prefix = True
            return self._hold(watched, event, now)
        if self._typing_last_ms is not None and not self._held:
            if 0 <= now - self._typing_last_ms <= s.threshold_ms:
                # Still as fast as the keys just given back: the rest of that burst, which must not
                # become a scan of its tail. Let it through as typing too.
                self._typing_last_ms = now
                return False
            self._typing_last_ms = None
        if not self._held:
            self._by_prefix = False
            if s.prefix or kind not in (_Kind.CHAR, _Kind.GS):
                return False  # nothing to hold: with a prefix, a burst starts only with it
        if kind is _Kind.SUFFIX:
            if len(self._chars) >= s.min_length:
                self._scanned()
                self._eat_releases.add(event.key())
                return True
            self.flush()
            return False
        if kind is _Kind.CHAR or kind is _Kind.GS:
            self._chars.append(GS if kind is _Kind.GS else event.text())
            return self._hold(watched, event, now)
        if kind is _Kind.NEUTRAL:
            self._held.append((watched, QKeyEvent(event)))  # Shift for capitals: part of the burst
            self._pressed.add(event.key())
            return True
        self.flush()  # a key no scanner sends: the person is at the keyboard
        return False

    def _release(self, watched: QObject, event: QKeyEvent) -> bool:
        if event.key() in self._eat_releases:
            self._eat_releases.discard(event.key())
            return True
        if self._held:
            self._held.append((watched, QKeyEvent(event)))
            self._pressed.discard(event.key())
            return True
        return False

    def _claim_shortcut(self, event: QKeyEvent) -> bool:
        """Qt asks before a key press whether a shortcut may take it: inside a burst (or for the prefix
        key) the keystroke belongs to the scan, so claim it and no window shortcut fires."""
        kind = self._classify(event)
        if kind is _Kind.PREFIX or (self._held and kind is not _Kind.OTHER):
            event.accept()
            return True
        return False

    def _hold(self, watched: QObject, event: QKeyEvent, now: float) -> bool:
        self._held.append((watched, QKeyEvent(event)))  # the original is gone once delivery ends
        self._pressed.add(event.key())
        self._last_press_ms = now
        self._timer.start()
        return True

    def _scanned(self) -> None:
        code = "".join(self._chars)
        self._timer.stop()
        self._eat_releases |= self._pressed
        self._held.clear()
        self._chars.clear()
        self._pressed.clear()
        self._by_prefix = False
        # Emitted from the event loop, not from inside key delivery: a slot may open a dialog.
        QTimer.singleShot(0, self, lambda: self.sig_scanned.emit(code))

    def _classify(self, event: QKeyEvent) -> _Kind:
        key, mods, text = event.key(), event.modifiers(), event.text()
        if event.isAutoRepeat():
            return _Kind.OTHER  # a key held down: scanners never do that
        suffix = self._settings.suffix
        if suffix == "Enter" and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & (_CTRL | _ALT | _META):
            return _Kind.SUFFIX
        if suffix == "Tab" and key == Qt.Key.Key_Tab and not mods & (_CTRL | _ALT | _META):
            return _Kind.SUFFIX
        if (self._prefix_char and text == self._prefix_char) or _matches(self._prefix_combo, key, mods):
            return _Kind.PREFIX
        if text == GS or (key == Qt.Key.Key_BracketRight and mods & (_CTRL | _META)):
            return _Kind.GS  # Ctrl+]; on macOS Qt calls the Control key Meta
        if _matches(self._gs_combo, key, mods) or (text and text == self._settings.gs_replacement):
            return _Kind.GS
        if key in _MODIFIER_KEYS:
            return _Kind.NEUTRAL
        if text and text.isprintable() and not mods & _META and bool(mods & _CTRL) == bool(mods & _ALT):
            return _Kind.CHAR  # Ctrl+Alt is AltGr on Windows ('@' on Spanish keyboards); Alt+F is a menu
        if not text and mods & _ALT and mods & _KEYPAD:
            return _Kind.NEUTRAL  # Windows Alt+numpad digits, typing a character by its code
        return _Kind.OTHER

    def _time_ms(self, event: QKeyEvent) -> float:
        if self._use_event_timestamps and event.timestamp():
            return float(event.timestamp())
        return self._clock() * 1000.0


def _combination(text: str) -> tuple[int, Qt.KeyboardModifier] | None:
    sequence = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    if sequence.count() != 1:
        return None
    combination = sequence[0]  # type: ignore[index]  # QKeySequence::operator[], missing from the stubs
    return int(combination.key()), combination.keyboardModifiers()


def _matches(combination: tuple[int, Qt.KeyboardModifier] | None, key: int, mods: Qt.KeyboardModifier) -> bool:
    if combination is None or int(key) != combination[0]:
        return False
    wanted = combination[1] & ~_IGNORED_IN_COMBOS
    return (mods & ~_IGNORED_IN_COMBOS) == wanted


class ScanRelay(QObject):
    """Hands codes from a :class:`station.hardware.scanner.SerialScanner` thread to the UI thread.

    ``SerialScanner(url, on_scan=relay)``: calling the relay from the reader thread emits
    ``sig_scanned``, which Qt queues to the relay's own (UI) thread.
    """

    sig_scanned = Signal(str)
    sig_status = Signal(bool, str)  # connected, message

    def __call__(self, code: str) -> None:
        self.sig_scanned.emit(code)

    def status(self, connected: bool, message: str) -> None:
        """Pass as ``on_status`` to report the scanner's connection on the UI thread."""
        self.sig_status.emit(connected, message)
