"""``Requires-Dist`` lines for the plugin installer: which distribution, which versions.

Uses ``packaging`` when the station has it (markers evaluated for this Python); a frozen station
without it falls back to a small parser: the usual comparison operators on dotted numbers, and a
requirement guarded by ``extra == …`` is skipped (optional features are not installed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from station.services.wheel_files import normalise_name

try:  # pragma: no cover - which branch runs depends on the build
    from packaging.requirements import InvalidRequirement
    from packaging.requirements import Requirement as _PackagingRequirement
    from packaging.version import InvalidVersion, Version
except ImportError:  # pragma: no cover
    _PackagingRequirement = None

__all__ = ["Requirement", "parse_requirement"]

_SIMPLE = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?(?P<spec>[^;)]*)\)?\s*(?:;(?P<marker>.*))?$"
)
_CLAUSE = re.compile(r"^\s*(~=|==|!=|<=|>=|<|>)\s*([^\s,]+)\s*$")


@dataclass(frozen=True)
class Requirement:
    text: str
    name: str
    _spec: Any  # a packaging SpecifierSet, or [(operator, version)] in the fallback

    @property
    def key(self) -> str:
        return normalise_name(self.name)

    def allows(self, version: str) -> bool:
        if _PackagingRequirement is not None:
            try:
                return self._spec.contains(Version(version), prereleases=True)
            except InvalidVersion:
                return False
        return all(_compare(_numbers(version), op, _numbers(wanted), wanted) for op, wanted in self._spec)

    def sort_key(self, version: str) -> tuple:
        if _PackagingRequirement is not None:
            try:
                return (1, Version(version))
            except InvalidVersion:
                return (0, version)
        return (1, _numbers(version))


def parse_requirement(text: str) -> Requirement | None:
    """The requirement, or ``None`` when its marker excludes it here (``ValueError`` if unreadable)."""
    if _PackagingRequirement is not None:
        try:
            parsed = _PackagingRequirement(text)
        except InvalidRequirement as exc:
            raise ValueError(f"cannot read the requirement {text!r}: {exc}") from exc
        if parsed.marker is not None and not parsed.marker.evaluate({"extra": ""}):
            return None
        return Requirement(text, parsed.name, parsed.specifier)
    match = _SIMPLE.match(text)
    if match is None:
        raise ValueError(f"cannot read the requirement {text!r}")
    if match["marker"] and "extra" in match["marker"]:
        return None
    clauses = []
    for part in filter(str.strip, (match["spec"] or "").split(",")):
        clause = _CLAUSE.match(part)
        if clause is None:
            raise ValueError(f"cannot read the version range {part!r} in {text!r}")
        clauses.append((clause[1], clause[2]))
    return Requirement(text, match["name"], clauses)


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version.split("+")[0])[:4]) or (0,)


def _compare(have: tuple[int, ...], op: str, want: tuple[int, ...], wanted: str) -> bool:
    width = max(len(have), len(want))
    have, full = have + (0,) * (width - len(have)), want + (0,) * (width - len(want))
    if op == "~=":
        prefix = want[:-1] if len(want) > 1 else want
        return have >= full and have[: len(prefix)] == prefix
    return {
        "==": have == full,
        "!=": have != full,
        "<=": have <= full,
        ">=": have >= full,
        "<": have < full,
        ">": have > full,
    }[op]
