"""Serial scales: the driver, live monitoring, port discovery, auto-detection and simulators.

The protocols themselves (MT-SICS, Toledo 8217, CAS, and any a plugin adds) are
``ScaleProtocol`` adapters registered through ``station_register_scale_protocols``; this package
owns the port and turns replies into :class:`~station.api.ScaleReading` values. It imports no
Qt and no database. See ``docs/hardware-scales.md``.
"""

from station.hardware.scale.detect import DETECTION_ORDER, detect, detection_candidates
from station.hardware.scale.device import ScaleDevice
from station.hardware.scale.errors import ScaleCommandError, ScaleError, ScaleNotDetected, ScalePortError
from station.hardware.scale.monitor import ScaleMonitor
from station.hardware.scale.ports import PortInfo, discover_ports, parse_usb_url, resolve_port
from station.hardware.scale.simulator import ScaleSimulator

__all__ = [
    "DETECTION_ORDER",
    "PortInfo",
    "ScaleCommandError",
    "ScaleDevice",
    "ScaleError",
    "ScaleMonitor",
    "ScaleNotDetected",
    "ScalePortError",
    "ScaleSimulator",
    "detect",
    "detection_candidates",
    "discover_ports",
    "parse_usb_url",
    "resolve_port",
]
