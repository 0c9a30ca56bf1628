"""The packing bench's error sound, behind one function so a real sound file can replace the beep.

Callers use the module attribute (`packing_sound.error_sound()`), so replacing the function here
(or `monkeypatch.setattr(packing_sound, "error_sound", ...)` in a test) changes every caller.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def error_sound() -> None:
    """A wrong scan, a refused action, a printer problem: the packer must look up."""
    QApplication.beep()
