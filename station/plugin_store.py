"""The user plugins directory: where ``station plugins install`` unpacks wheels, on ``sys.path``.

A frozen station has no pip, so plugins and their pure-Python dependencies are unpacked into
``<data>/plugins/site`` (like a site-packages folder). ``activate_user_plugins()`` appends it to
``sys.path`` before the plugin host scans entry points: ``importlib.metadata`` then finds the
``*.dist-info`` folders there like any installed distribution. Appended, not prepended, so a
user-installed package can never shadow the station's own.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from station.config import StationPaths, station_paths

__all__ = ["activate_user_plugins", "user_plugins_dir"]


def user_plugins_dir(paths: StationPaths | None = None) -> Path:
    """``<data>/plugins/site``; it may not exist yet."""
    return (paths or station_paths()).data_dir / "plugins" / "site"


_activated: str | None = None


def activate_user_plugins(paths: StationPaths | None = None) -> Path:
    """Put the user plugins directory on ``sys.path`` (once) and return it.

    If ``STATION_HOME`` changed since the last call (tests do), the old directory leaves the path.
    """
    global _activated
    site = str(user_plugins_dir(paths))
    if _activated is not None and _activated != site and _activated in sys.path:
        sys.path.remove(_activated)
    _activated = site
    if site not in sys.path:
        sys.path.append(site)
        importlib.invalidate_caches()
    return Path(site)
