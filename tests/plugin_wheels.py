"""Small real wheels for the plugin installer tests, zipped by hand (pip is slow to build one).

``make_wheel()`` writes a PEP 427 wheel with a correct RECORD; the plugin module implements a
notification hook, so ``station plugins list`` shows it with kind ``notifications``.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

PLUGIN_SOURCE = '''\
"""A test plugin installed from a wheel: it counts packed orders."""

from station.api import hookimpl
{dependency_import}
STATION_API_VERSION = "{api}"
PACKED = []


@hookimpl
def station_order_did_pack(order):
    PACKED.append(order)
'''


def _hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def make_wheel(
    folder: Path,
    name: str,
    version: str = "1.0.0",
    *,
    files: dict[str, str] | None = None,
    requires: tuple[str, ...] = (),
    entry_points: dict[str, str] | None = None,
    tag: str = "py3-none-any",
    purelib: bool = True,
    tamper: str | None = None,
) -> Path:
    """Write ``NAME-VERSION-TAG.whl`` into ``folder``; ``tamper`` changes that file after RECORD."""
    dist = name.replace("-", "_")
    dist_info = f"{dist}-{version}.dist-info"
    contents = dict(files or {})
    metadata = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    metadata += [f"Requires-Dist: {line}" for line in requires]
    contents[f"{dist_info}/METADATA"] = "\n".join(metadata) + "\n"
    contents[f"{dist_info}/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: {'true' if purelib else 'false'}\nTag: {tag}\n"
    )
    if entry_points:
        lines = ["[station]", *(f"{ep} = {target}" for ep, target in entry_points.items())]
        contents[f"{dist_info}/entry_points.txt"] = "\n".join(lines) + "\n"
    record = [f"{path},{_hash(text.encode())},{len(text.encode())}" for path, text in contents.items()]
    record.append(f"{dist_info}/RECORD,,")
    if tamper is not None:
        contents[tamper] += "# changed after signing\n"
    path = folder / f"{dist}-{version}-{tag}.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for file_name, text in contents.items():
            archive.writestr(file_name, text)
        archive.writestr(f"{dist_info}/RECORD", "\n".join(record) + "\n")
    return path


def make_plugin_wheel(
    folder: Path,
    module: str,
    *,
    version: str = "1.0.0",
    api: str = "1.0",
    requires: tuple[str, ...] = ("just-logistics-station",),
    dependency: str | None = None,
    **options: object,
) -> Path:
    """A plugin ``module`` (also its distribution and entry-point name)."""
    source = PLUGIN_SOURCE.format(
        module=module, api=api, dependency_import=f"import {dependency}  # noqa: F401\n" if dependency else ""
    )
    return make_wheel(
        folder,
        module.replace("_", "-"),
        version,
        files={f"{module}/__init__.py": source},
        requires=requires,
        entry_points={module: module},
        **options,  # type: ignore[arg-type]
    )


def make_library_wheel(folder: Path, module: str, version: str = "2.0.0", **options: object) -> Path:
    """A plain pure-Python library a plugin can depend on."""
    return make_wheel(
        folder,
        module.replace("_", "-"),
        version,
        files={f"{module}/__init__.py": f'VERSION = "{version}"\n'},
        **options,
    )  # type: ignore[arg-type]
