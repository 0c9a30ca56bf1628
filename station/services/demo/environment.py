"""What `station demo` plugs in around the data: simulated devices and the plugins' sandboxes.

Nothing is saved: the demo's settings are an in-memory copy of the station's with
- the label printer set to a folder (`labels/` in the data folder) unless one is configured,
- packing slips to `slips/` in the data folder,
- a simulated MT-SICS scale on a loopback socket unless a scale is configured,
- every registered sandbox started, its settings given to the adapter it serves and its published
  test secrets put in the demo's secrets file (`STATION_KEYRING=file`).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from station import secrets
from station.api import SandboxSession
from station.config import Settings, StationPaths
from station.hardware.scale.simulator import ScaleSimulator
from station.pluginhost import PluginHost

log = logging.getLogger(__name__)

DEMO_SCALE_PROTOCOL = "sics"


@dataclass
class DemoEnvironment:
    settings: Settings
    labels_dir: Path
    slips_dir: Path
    scale: ScaleSimulator | None = None
    sandboxes: dict[str, SandboxSession] = field(default_factory=dict)

    def stop(self) -> None:
        for name, session in self.sandboxes.items():
            try:
                session.stop()
            except Exception:  # noqa: BLE001 - closing the demo must not fail on one sandbox
                log.exception("sandbox %s did not stop cleanly", name)
        if self.scale is not None:
            self.scale.stop()


def start_demo_environment(
    settings: Settings,
    host: PluginHost,
    paths: StationPaths,
    *,
    set_secret: Callable[[str, str, str], None] = secrets.set_secret,
) -> DemoEnvironment:
    demo = copy.deepcopy(settings)
    labels_dir, slips_dir = paths.data_dir / "labels", paths.data_dir / "slips"
    labels_dir.mkdir(parents=True, exist_ok=True)
    slips_dir.mkdir(parents=True, exist_ok=True)
    if not demo.devices.printer_url:
        demo.devices.printer_url = labels_dir.as_uri()
        demo.devices.printer_language = "zpl"
    if not demo.packing.slip_printer_url:
        demo.packing.slip_printer_url = slips_dir.as_uri()
    environment = DemoEnvironment(demo, labels_dir, slips_dir)
    try:
        if not demo.devices.scale_url:
            environment.scale = ScaleSimulator(DEMO_SCALE_PROTOCOL, weight_g=0)
            demo.devices.scale_url = environment.scale.start_socket()
            demo.devices.scale_protocol = DEMO_SCALE_PROTOCOL
        for name, sandbox in host.sandboxes().items():
            session = sandbox.start()
            environment.sandboxes[name] = session
            demo.plugins[name] = {**demo.plugins.get(name, {}), **session.settings}
            for key, value in session.secrets.items():
                set_secret(name, key, value)
            log.info("demo: %s serving on %s", sandbox.title, session.url)
    except Exception:
        environment.stop()
        raise
    return environment
