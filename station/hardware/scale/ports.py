"""Finding serial ports, and binding a scale to its USB adapter rather than to a tty name.

A USB-serial scale may come up as ``/dev/ttyUSB0`` one boot and ``/dev/ttyUSB1`` the next (or
``COM3``/``COM5`` on Windows). Configure it as ``usb:VID:PID[:SERIAL]`` instead - the USB vendor
and product ids in hexadecimal, and optionally the adapter's serial number - and the station
looks up whichever port carries it each time it connects (``station scale ports`` lists them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from serial.tools import list_ports

from station.hardware.scale.errors import ScalePortError

USB_PREFIX = "usb:"
_USB_URL = re.compile(r"(?i:usb):([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})(?::(.+))?")


@dataclass(frozen=True, slots=True)
class PortInfo:
    """One serial port the operating system offers. ``vid``/``pid`` are ``None`` for ports that
    are not USB (on-board RS-232, virtual ports)."""

    device: str
    description: str = ""
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None
    manufacturer: str | None = None

    @property
    def usb_url(self) -> str | None:
        """The ``usb:VID:PID[:SERIAL]`` form that finds this port again after replugging."""
        if self.vid is None or self.pid is None:
            return None
        url = f"usb:{self.vid:04x}:{self.pid:04x}"
        return f"{url}:{self.serial_number}" if self.serial_number else url

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of ``station scale ports --json``."""
        return {
            "device": self.device,
            "description": self.description,
            "vid": self.vid,
            "pid": self.pid,
            "serial_number": self.serial_number,
            "manufacturer": self.manufacturer,
            "usb_url": self.usb_url,
        }


def discover_ports() -> list[PortInfo]:
    """Every serial port present now, sorted by device name."""
    found = [
        PortInfo(
            device=port.device,
            description=port.description if port.description and port.description != "n/a" else "",
            vid=port.vid,
            pid=port.pid,
            serial_number=port.serial_number or None,
            manufacturer=port.manufacturer or None,
        )
        for port in list_ports.comports()
    ]
    return sorted(found, key=lambda port: port.device)


def is_usb_url(url: str) -> bool:
    return url.lower().startswith(USB_PREFIX)


def parse_usb_url(url: str) -> tuple[int, int, str | None]:
    """``usb:0403:6001:A50285BI`` → ``(0x0403, 0x6001, "A50285BI")``; ``ScalePortError`` if malformed."""
    match = _USB_URL.fullmatch(url.strip())
    if match is None:
        raise ScalePortError(
            f"{url!r} is not a USB port address; write usb:VID:PID or usb:VID:PID:SERIAL "
            "with hexadecimal ids, e.g. usb:0403:6001 (see `station scale ports`)"
        )
    return int(match.group(1), 16), int(match.group(2), 16), match.group(3)


def resolve_port(url: str, ports: Iterable[PortInfo] | None = None) -> str:
    """The device path for ``url``: ``usb:VID:PID[:SERIAL]`` is looked up among ``ports``
    (default: :func:`discover_ports`); anything else (``/dev/ttyUSB0``, ``COM3``,
    ``socket://…``) is returned unchanged.

    Raises :class:`ScalePortError` when no port matches, or when several do and no serial
    number tells them apart.
    """
    if not is_usb_url(url):
        return url
    vid, pid, serial_number = parse_usb_url(url)
    candidates = list(discover_ports() if ports is None else ports)
    matches = [
        port
        for port in candidates
        if port.vid == vid and port.pid == pid and (serial_number is None or port.serial_number == serial_number)
    ]
    if len(matches) == 1:
        return matches[0].device
    wanted = f"{vid:04x}:{pid:04x}" + (f" with serial number {serial_number}" if serial_number else "")
    if not matches:
        usb = [port.usb_url for port in candidates if port.usb_url]
        seen = f"USB serial ports present: {', '.join(usb)}" if usb else "no USB serial port is plugged in"
        raise ScalePortError(f"No USB serial port {wanted} is plugged in for the scale ({seen})")
    listed = ", ".join(f"{port.device} ({port.usb_url})" for port in matches)
    raise ScalePortError(
        f"{len(matches)} USB serial ports match {url} ({listed}); add the serial number, e.g. {matches[0].usb_url}"
    )
