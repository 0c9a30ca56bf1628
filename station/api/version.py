"""The plugin API version and the compatibility rule.

``API_VERSION`` is ``"MAJOR.MINOR"``. A MINOR bump only adds (a hook, an optional field with a
default, an adapter method the host probes for); a MAJOR bump removes or changes something.
A plugin declares what it needs with a module attribute ``STATION_API_VERSION = "1.0"``; it loads
when the majors are equal and the station's minor is at least the plugin's.
"""

from __future__ import annotations

import re

API_VERSION = "1.0"

_VERSION_RE = re.compile(r"^\s*(\d+)(?:\.(\d+))?\s*$")


def parse_api_version(text: object) -> tuple[int, int]:
    """``"1.2"`` → ``(1, 2)``; ``"1"`` → ``(1, 0)``. ``ValueError`` for anything else."""
    match = _VERSION_RE.match(text) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"STATION_API_VERSION must look like '1.0', got {text!r}")
    return int(match.group(1)), int(match.group(2) or 0)


API_VERSION_INFO: tuple[int, int] = parse_api_version(API_VERSION)


def api_incompatibility(required: object) -> str | None:
    """Why a plugin requiring API ``required`` cannot load here, or ``None`` if it can."""
    try:
        major, minor = parse_api_version(required)
    except ValueError as exc:
        return str(exc)
    have_major, have_minor = API_VERSION_INFO
    if major != have_major:
        return f"needs station plugin API {major}.x; this station provides {API_VERSION}"
    if minor > have_minor:
        return f"needs station plugin API {major}.{minor} or newer; this station provides {API_VERSION}"
    return None
