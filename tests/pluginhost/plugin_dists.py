"""Throw-away plugin distributions laid out the way pip installs them, for importlib.metadata to find."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FakeSite:
    """A folder that looks like site-packages: ``*.dist-info`` folders plus plugin modules."""

    path: Path

    def install(self, dist: str, version: str, entry_points: dict[str, str], modules: dict[str, str]) -> None:
        """Write ``<dist>-<version>.dist-info`` with ``[station]`` entry points and the modules."""
        info = self.path / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
        lines = ["[station]", *(f"{name} = {target}" for name, target in entry_points.items())]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
        for module, source in modules.items():
            (self.path / f"{module}.py").write_text(textwrap.dedent(source))


BROKEN_MODULE = """
raise RuntimeError("cannot reach the licence server at licence.example")
"""

GOOD_CARRIER_MODULE = """
from station.api import Money, Rate, SettingsSchema, hookimpl

STATION_API_VERSION = "1.0"


class Drone:
    name = "drone"
    title = "Drone delivery"
    settings_schema = SettingsSchema(name="drone", title="Drone delivery")

    def rates(self, ctx, request):
        return (Rate(carrier="drone", service_code="air", service_name="Air", price=Money(4990, "CLP")),)

    def buy_label(self, ctx, request): raise NotImplementedError
    def void_label(self, ctx, tracking_number): return None
    def track(self, ctx, tracking_number): return ()


@hookimpl
def station_register_carriers(register):
    register(Drone())
"""
