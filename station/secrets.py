"""Secrets (API keys, tokens) in the OS keyring — never in the database, config files or logs.

Windows (Credential Locker) and macOS (Keychain) work out of the box; a Linux bench without a
Secret Service has no usable keyring, which `station doctor` reports with what to do. For tests and
the demo only, `STATION_KEYRING=file` keeps secrets in a plain file under the station's data
directory (demo sandboxes use the vendors' published test values, never real credentials).
"""

from __future__ import annotations

import os

import keyring
import keyring.backend
from keyring.backends import fail

from station.config import station_paths

SERVICE_PREFIX = "JustLogisticsStation"


class SecretsUnavailable(RuntimeError):
    pass


def _backend() -> keyring.backend.KeyringBackend:
    if os.environ.get("STATION_KEYRING") == "file":
        from keyrings.alt.file import PlaintextKeyring

        backend = PlaintextKeyring()
        backend.file_path = str(station_paths().ensure().data_dir / "demo-secrets.cfg")
        return backend
    return keyring.get_keyring()


def backend_description() -> tuple[bool, str]:
    """(usable, description) of where secrets go on this machine."""
    backend = _backend()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        return False, (
            "no OS keyring on this machine (no Secret Service); install an encrypted backend "
            "(pip install keyrings.cryptfile) or run a Secret Service such as gnome-keyring"
        )
    if os.environ.get("STATION_KEYRING") == "file":
        return True, f"{name} (plain file: for tests and the demo only)"
    return True, name


def _service(owner: str) -> str:
    return f"{SERVICE_PREFIX}/{owner}"


def get_secret(owner: str, key: str) -> str | None:
    backend = _backend()
    if isinstance(backend, fail.Keyring):
        raise SecretsUnavailable(backend_description()[1])
    return backend.get_password(_service(owner), key)


def set_secret(owner: str, key: str, value: str) -> None:
    backend = _backend()
    if isinstance(backend, fail.Keyring):
        raise SecretsUnavailable(backend_description()[1])
    backend.set_password(_service(owner), key, value)


def delete_secret(owner: str, key: str) -> None:
    backend = _backend()
    if isinstance(backend, fail.Keyring):
        raise SecretsUnavailable(backend_description()[1])
    try:
        backend.delete_password(_service(owner), key)
    except keyring.errors.PasswordDeleteError:
        pass  # already gone: deleting is idempotent
