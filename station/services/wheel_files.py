"""Reading a wheel (a zip, PEP 427) without pip: its name, tags, metadata and verified files.

Only pure-Python wheels are accepted: the station may run frozen on another platform, and a
plugin's compiled parts could not be checked here. Every file's SHA-256 must match RECORD.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from email.message import Message
from email.parser import HeaderParser
from pathlib import Path, PurePosixPath

__all__ = ["PluginInstallError", "Wheel", "normalise_name", "read_wheel"]

_WHEEL_NAME = re.compile(
    r"^(?P<name>[^-]+)-(?P<version>[^-]+)(?:-(?P<build>\d[^-]*))?-(?P<py>[^-]+)-(?P<abi>[^-]+)-(?P<plat>[^-]+)\.whl$"
)


class PluginInstallError(Exception):
    """Why a plugin could not be installed or removed; the message is for the operator."""


def normalise_name(name: str) -> str:
    """PEP 503: ``Station_Foo.bar`` and ``station-foo-bar`` are the same distribution."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


@dataclass(frozen=True)
class Wheel:
    """A verified wheel: its distribution name, version, METADATA and files by installed path."""

    path: Path
    name: str
    version: str
    metadata: Message
    dist_info: str  # "name-version.dist-info"
    files: dict[str, bytes] = field(repr=False)

    @property
    def key(self) -> str:
        return normalise_name(self.name)

    @property
    def requires(self) -> list[str]:
        return list(self.metadata.get_all("Requires-Dist") or [])

    def entry_points(self, group: str) -> dict[str, str]:
        """``{name: "module[:attr]"}`` of one entry-point group, from ``entry_points.txt``."""
        text = self.files.get(f"{self.dist_info}/entry_points.txt", b"").decode("utf-8", "replace")
        found: dict[str, str] = {}
        section = None
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line.startswith(("#", ";")):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1].strip()
            elif section == group and "=" in line:
                name, value = line.split("=", 1)
                found[name.strip()] = value.strip()
        return found


def read_wheel(path: Path) -> Wheel:
    """Open and verify ``path``; ``PluginInstallError`` names the file and the problem."""
    match = _WHEEL_NAME.match(path.name)
    if match is None:
        raise PluginInstallError(f"{path.name}: not a wheel file name (expected NAME-VERSION-PY-ABI-PLATFORM.whl)")
    if match["abi"] != "none" or match["plat"] != "any":
        raise PluginInstallError(
            f"{path.name}: built for {match['abi']}/{match['plat']}; only pure-Python wheels "
            "(…-none-any.whl) can be installed into the station"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            contents = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise PluginInstallError(f"{path.name}: cannot be read as a wheel: {exc}") from exc

    dist_infos = {name.split("/", 1)[0] for name in contents if name.split("/", 1)[0].endswith(".dist-info")}
    if len(dist_infos) != 1:
        raise PluginInstallError(f"{path.name}: expected one .dist-info folder, found {len(dist_infos)}")
    dist_info = dist_infos.pop()
    wheel_info = _headers(contents, f"{dist_info}/WHEEL", path)
    if (wheel_info.get("Root-Is-Purelib") or "").strip().lower() != "true":
        raise PluginInstallError(
            f"{path.name}: Root-Is-Purelib is not true (a platform-specific wheel); "
            "only pure-Python wheels can be installed into the station"
        )
    metadata = _headers(contents, f"{dist_info}/METADATA", path)
    _verify_record(path, contents, f"{dist_info}/RECORD")
    files = _installed_layout(path, contents, dist_info)
    return Wheel(
        path=path,
        name=str(metadata.get("Name") or match["name"]),
        version=str(metadata.get("Version") or match["version"]),
        metadata=metadata,
        dist_info=dist_info,
        files=files,
    )


def _headers(contents: dict[str, bytes], name: str, path: Path) -> Message:
    if name not in contents:
        raise PluginInstallError(f"{path.name}: {name} is missing")
    return HeaderParser().parsestr(contents[name].decode("utf-8", "replace"))


def file_hash(data: bytes) -> str:
    """RECORD's hash form: ``sha256=`` and the urlsafe base64 digest without padding."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"sha256={digest}"


def _verify_record(path: Path, contents: dict[str, bytes], record_name: str) -> None:
    if record_name not in contents:
        raise PluginInstallError(f"{path.name}: {record_name} is missing")
    rows = csv.reader(io.StringIO(contents[record_name].decode("utf-8", "replace")))
    recorded: dict[str, str] = {row[0]: row[1] if len(row) > 1 else "" for row in rows if row}
    signatures = (f"{record_name}.jws", f"{record_name}.p7s")
    for name, data in contents.items():
        if name == record_name or name in signatures:
            continue
        expected = recorded.get(name)
        if expected is None:
            raise PluginInstallError(f"{path.name}: {name} is not listed in RECORD")
        algorithm, _, _ = expected.partition("=")
        if algorithm != "sha256":
            raise PluginInstallError(f"{path.name}: {name} has no sha256 hash in RECORD ({expected or 'none'})")
        if file_hash(data) != expected:
            raise PluginInstallError(f"{path.name}: {name} does not match its hash in RECORD (damaged or altered)")
    missing = [name for name in recorded if name not in contents and name != record_name]
    if missing:
        raise PluginInstallError(f"{path.name}: RECORD lists files the wheel lacks: {', '.join(missing[:3])}")


def _installed_layout(path: Path, contents: dict[str, bytes], dist_info: str) -> dict[str, bytes]:
    """Files by the path they get in the plugins directory (``.data/purelib`` moves to the root)."""
    data_dir = dist_info.removesuffix(".dist-info") + ".data"
    layout: dict[str, bytes] = {}
    for name, data in contents.items():
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts or "\\" in name:
            raise PluginInstallError(f"{path.name}: unsafe path in the archive: {name}")
        if pure.parts[0] == data_dir:
            scheme = pure.parts[1] if len(pure.parts) > 2 else ""
            if scheme not in ("purelib", "platlib"):
                raise PluginInstallError(
                    f"{path.name}: installs {scheme or name} files outside the Python path, "
                    "which the station cannot install"
                )
            name = str(PurePosixPath(*pure.parts[2:]))
        if name in (f"{dist_info}/RECORD", f"{dist_info}/RECORD.jws", f"{dist_info}/RECORD.p7s"):
            continue  # written anew for the installed paths
        layout[name] = data
    return layout
