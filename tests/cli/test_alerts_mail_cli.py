"""`station alerts mail` and `mail-password` from the shell, against a real SMTP server on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from alerts_sample import QUIET_AUTH_WARNING, build_alerting_world, free_port, smtp_server

from station.db import Database

pytestmark = pytest.mark.filterwarnings(QUIET_AUTH_WARNING)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "config").mkdir()
    return tmp_path


def configure(home: Path, port: int, username: str = "") -> None:
    (home / "config" / "station.toml").write_text(
        "[smtp]\n"
        f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"\nusername = "{username}"\n'
        'from_address = "station@example.cl"\nto_addresses = ["bodega@example.cl"]\n',
        encoding="utf-8",
    )


def station(home: Path, url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STATION_HOME": str(home), "STATION_KEYRING": "file"}
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, "alerts", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        input=stdin,
    )


def test_without_smtp_settings_it_says_so_and_sends_nothing(database: Database, database_url: str, home: Path) -> None:
    build_alerting_world(database)
    result = station(home, database_url, "mail")
    assert result.returncode == 2
    assert "alert mail is not configured" in result.stderr and "[smtp]" in result.stderr


def test_dry_run_prints_the_mail_and_sending_delivers_it(database: Database, database_url: str, home: Path) -> None:
    build_alerting_world(database)
    with smtp_server() as server:
        configure(home, server.port)
        dry = station(home, database_url, "mail", "--dry-run")
        assert dry.returncode == 0, dry.stderr
        assert "To: bodega@example.cl" in dry.stdout and "Bajo el mínimo (1)" in dry.stdout
        assert any(line.split()[:3] == ["TAZ-01", "Taza", "SCL1"] for line in dry.stdout.splitlines())
        assert "nothing was sent" in dry.stderr and server.received == []

        sent = station(home, database_url, "mail")
        assert sent.returncode == 0, sent.stderr
        assert f"alert mail sent through 127.0.0.1:{server.port} to bodega@example.cl" in sent.stdout
        [mail] = server.received
    assert mail.recipients == ["bodega@example.cl"]
    assert mail.message["Subject"].startswith(f"Alertas de inventario {date.today():%d-%m-%Y}: 1 bajo el mínimo")
    assert "POL-M-ROJ" in mail.message.get_body(preferencelist=("plain",)).get_content()


def test_a_server_that_is_down_is_named(database: Database, database_url: str, home: Path) -> None:
    build_alerting_world(database)
    port = free_port()
    configure(home, port)
    result = station(home, database_url, "mail")
    assert result.returncode == 1
    assert f"SMTP server 127.0.0.1:{port}" in result.stderr and "nothing was sent" in result.stderr
    assert not (home / "data" / "alert-mail.json").exists()


def test_the_password_goes_to_the_keyring_and_is_used(database: Database, database_url: str, home: Path) -> None:
    build_alerting_world(database)
    with smtp_server(login=("alertas", "s3cret")) as server:
        configure(home, server.port, username="alertas")
        missing = station(home, database_url, "mail")
        assert missing.returncode == 1 and "alerts mail-password" in missing.stderr
        stored = station(home, database_url, "mail-password", stdin="s3cret\n")
        assert stored.returncode == 0, stored.stderr
        assert "s3cret" not in stored.stdout + stored.stderr
        assert "s3cret" not in (home / "config" / "station.toml").read_text(encoding="utf-8")
        sent = station(home, database_url, "mail")
        assert sent.returncode == 0, sent.stderr
        assert len(server.received) == 1
