"""Secrets (API keys, tokens) in the OS keyring — never in the database, config files or logs.

Windows (Credential Locker) and macOS (Keychain) work out of the box. A Linux bench without a
Secret Service has no usable keyring (`station doctor` says so); there, `STATION_KEYRING=cryptfile`
keeps secrets in an encrypted file (Argon2 + AES-GCM, keyrings.cryptfile) under the station's data
directory, unlocked by `STATION_KEYRING_PASSWORD`. For tests and the demo only, `STATION_KEYRING=file`
keeps them in a plain file (demo sandboxes use the vendors' published test values).
"""

from __future__ import annotations

import os

import keyring
import keyring.backend
from keyring.backends import chainer, fail

from station.config import station_paths

SERVICE_PREFIX = "JustLogisticsStation"


class SecretsUnavailable(RuntimeError):
    pass


def _backend() -> keyring.backend.KeyringBackend:
    choice = os.environ.get("STATION_KEYRING", "")
    if choice == "file":
        from keyrings.alt.file import PlaintextKeyring

        backend = PlaintextKeyring()
        backend.file_path = str(station_paths().ensure().data_dir / "demo-secrets.cfg")
        return backend
    if choice == "cryptfile":
        password = os.environ.get("STATION_KEYRING_PASSWORD")
        if not password:
            raise SecretsUnavailable("STATION_KEYRING=cryptfile needs STATION_KEYRING_PASSWORD to unlock the file")
        from keyrings.cryptfile.cryptfile import CryptFileKeyring

        encrypted = CryptFileKeyring()
        encrypted.file_path = str(station_paths().ensure().data_dir / "secrets.cfg")
        try:
            encrypted.keyring_key = password  # checked against the file right away
        except ValueError as exc:  # "MAC check failed" / "Incorrect Password"
            raise SecretsUnavailable(
                f"cannot unlock {encrypted.file_path}: is STATION_KEYRING_PASSWORD right? ({exc})"
            ) from exc
        return encrypted
    if choice:
        raise SecretsUnavailable(f"STATION_KEYRING={choice!r} is not known; use 'cryptfile' (or 'file' for tests)")
    return _os_keyring()


def _os_keyring() -> keyring.backend.KeyringBackend:
    """The best native OS keyring (Credential Locker, Keychain, Secret Service, KWallet), or `fail`.

    keyring's own default chains every installed backend, including keyrings.alt's plain-text file
    and cryptfile's password prompt; a station must never fall back to those silently.
    """
    native = [
        backend
        for backend in keyring.backend.get_all_keyring()
        if type(backend).__module__.startswith("keyring.backends.")
        and not isinstance(backend, (fail.Keyring, chainer.ChainerBackend))
        and type(backend).__module__ != "keyring.backends.null"
    ]
    return max(native, key=lambda backend: backend.priority, default=fail.Keyring())


def backend_description() -> tuple[bool, str]:
    """(usable, description) of where secrets go on this machine."""
    try:
        backend = _backend()
    except SecretsUnavailable as exc:
        return False, str(exc)
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        return False, (
            "no OS keyring on this machine (no Secret Service): set STATION_KEYRING=cryptfile and "
            "STATION_KEYRING_PASSWORD for an encrypted file, or run a Secret Service such as gnome-keyring"
        )
    if os.environ.get("STATION_KEYRING") == "cryptfile":
        return True, f"encrypted file {backend.file_path}"
    if os.environ.get("STATION_KEYRING") == "file":
        return True, f"{name} (plain file: for tests and the demo only)"
    return True, name


def _service(owner: str) -> str:
    return f"{SERVICE_PREFIX}/{owner}"


def _usable_backend() -> keyring.backend.KeyringBackend:
    backend = _backend()
    if isinstance(backend, fail.Keyring):
        raise SecretsUnavailable(backend_description()[1])
    return backend


def get_secret(owner: str, key: str) -> str | None:
    return _usable_backend().get_password(_service(owner), key)


def set_secret(owner: str, key: str, value: str) -> None:
    _usable_backend().set_password(_service(owner), key, value)


def delete_secret(owner: str, key: str) -> None:
    try:
        _usable_backend().delete_password(_service(owner), key)
    except keyring.errors.PasswordDeleteError:
        pass  # already gone: deleting is idempotent
