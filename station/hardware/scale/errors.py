"""Errors of the scale driver. Each message names the port and, where known, the protocol, so the
packer or IT person knows which cable to check ("No answer from the scale on /dev/ttyUSB0
(Mettler Toledo MT-SICS) within 1.0 s")."""

from __future__ import annotations

from station.api import DeviceError


class ScaleError(DeviceError):
    """Base of the scale driver's errors."""


class ScalePortError(ScaleError):
    """The port cannot be opened or found: missing device, wrong URL, busy, no permission,
    or no USB serial adapter with the configured ``usb:VID:PID``."""


class ScaleNotDetected(ScaleError):
    """The port opened, but no known protocol got an answer from it (auto-detection)."""


class ScaleCommandError(ScaleError):
    """The scale refused or did not confirm a command such as zero or tare."""
