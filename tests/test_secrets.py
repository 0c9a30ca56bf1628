"""Secrets go to a keyring, never in plain text unless the demo asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from station import secrets


def test_encrypted_file_keyring_round_trips_and_hides_the_value(station_home: Path, monkeypatch) -> None:
    monkeypatch.setenv("STATION_KEYRING", "cryptfile")
    monkeypatch.setenv("STATION_KEYRING_PASSWORD", "bench-password")
    secrets.set_secret("mercadolibre", "refresh_token", "TG-0123456789abcdef")
    assert secrets.get_secret("mercadolibre", "refresh_token") == "TG-0123456789abcdef"
    stored = (station_home / "data" / "secrets.cfg").read_text()
    assert "TG-0123456789abcdef" not in stored
    secrets.delete_secret("mercadolibre", "refresh_token")
    secrets.delete_secret("mercadolibre", "refresh_token")  # idempotent
    assert secrets.get_secret("mercadolibre", "refresh_token") is None


def test_the_wrong_password_cannot_read_the_encrypted_file(station_home: Path, monkeypatch) -> None:
    monkeypatch.setenv("STATION_KEYRING", "cryptfile")
    monkeypatch.setenv("STATION_KEYRING_PASSWORD", "right")
    secrets.set_secret("flow", "secret_key", "abc")
    monkeypatch.setenv("STATION_KEYRING_PASSWORD", "wrong")
    with pytest.raises(secrets.SecretsUnavailable, match="STATION_KEYRING_PASSWORD"):
        secrets.get_secret("flow", "secret_key")


def test_the_default_never_falls_back_to_a_plain_text_file(monkeypatch) -> None:
    monkeypatch.delenv("STATION_KEYRING", raising=False)
    backend = secrets._backend()
    assert type(backend).__module__.startswith("keyring.backends.")
    usable, description = secrets.backend_description()
    if not usable:  # a Linux box without Secret Service, like CI
        assert "STATION_KEYRING=cryptfile" in description
        with pytest.raises(secrets.SecretsUnavailable):
            secrets.get_secret("any", "key")


def test_an_unknown_keyring_choice_is_named(monkeypatch) -> None:
    monkeypatch.setenv("STATION_KEYRING", "postit")
    with pytest.raises(secrets.SecretsUnavailable, match="postit"):
        secrets.get_secret("any", "key")
