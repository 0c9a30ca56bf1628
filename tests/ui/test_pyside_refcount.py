"""PySide6 6.12.0 drops a reference to None on every void call; on CPython 3.11 the app dies
("none_dealloc") after a few thousand UI calls. We pin PySide6 < 6.12 on 3.11
(shared/reference/platform-notes.md); this test fails if an upgrade brings the bug back."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_void_calls_do_not_leak_references_to_none(qapp: QApplication):
    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(50_000):
        label.setText("x" if n % 2 else "y")  # returns None (void)
    after = sys.getrefcount(None)
    # The bug loses 50,000 references; allow a little noise from the interpreter itself.
    assert after >= before - 100, f"None lost {before - after} references in 50,000 void calls"
