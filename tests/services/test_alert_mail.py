"""The stock-alert digest reaches a real SMTP server on loopback; failures name the server and mark nothing."""

from __future__ import annotations

import os
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from alerts_sample import QUIET_AUTH_WARNING, build_alerting_world, free_port, smtp_server

from station import secrets
from station.config import Settings, SettingsError, SmtpSettings, StationPaths, load_settings, station_paths
from station.db import Database
from station.services.alert_mail import AlertMailError, last_sent, mail_alerts
from station.services.stock_alerts import load_alerts

TODAY = date.today()
RECIPIENTS = ["bodega@example.cl", "compras@example.cl"]

pytestmark = pytest.mark.filterwarnings(QUIET_AUTH_WARNING)


def settings_for(port: int, **smtp: object) -> Settings:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": port,
        "security": "none",
        "from_address": "station@example.cl",
        "to_addresses": list(RECIPIENTS),
    }
    values.update(smtp)
    return Settings(station_name="bench-7", smtp=SmtpSettings(**values))  # type: ignore[arg-type]


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StationPaths:
    monkeypatch.setenv("STATION_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("STATION_KEYRING", "file")
    return station_paths().ensure()


def test_every_alert_kind_is_collected(database: Database) -> None:
    build_alerting_world(database, TODAY)
    alerts = load_alerts(database, TODAY, 30)
    assert [(r.sku, r.available, r.threshold) for r in alerts.low_stock] == [("TAZ-01", 9, 9)]
    assert [(r.sku, r.quantity) for r in alerts.reorder] == [("POL-M-ROJ", 27)]
    assert [(r.lot, r.on_hand, r.days_left) for r in alerts.expiring] == [("L-SOON", 6, 10)]
    assert [(r.lot, r.location, r.on_hand, r.quarantined) for r in alerts.blocked] == [
        ("L-HELD", "QUA-01", 2, True),
        ("L-OLD", "A-01-B", 3, False),
    ]
    assert [r.lot for r in load_alerts(database, TODAY, 5).expiring] == []  # beyond a 5-day horizon


def test_the_digest_arrives_with_recipients_subject_and_sku_lines(database: Database, paths: StationPaths) -> None:
    build_alerting_world(database, TODAY)
    with smtp_server() as server:
        outcome = mail_alerts(database, settings_for(server.port), paths, today=TODAY, daily=True)
        assert outcome.status == "sent", outcome.summary
        assert f"127.0.0.1:{server.port}" in outcome.summary
        [mail] = server.received
    assert mail.sender == "station@example.cl"
    assert sorted(mail.recipients) == RECIPIENTS
    message = mail.message
    assert message["Subject"] == (
        f"Alertas de inventario {TODAY:%d-%m-%Y}: 1 bajo el mínimo, 1 por reponer, 1 lote(s) por vencer, "
        "2 vencido(s) o bloqueado(s)"
    )
    assert message["To"] == "bodega@example.cl, compras@example.cl"
    text = message.get_body(preferencelist=("plain",)).get_content()
    lines = [line.split() for line in text.splitlines()]
    assert ["TAZ-01", "Taza", "SCL1", "9", "9"] in lines  # SKU, name, warehouse, free, threshold
    assert ["POL-M-ROJ", "1,00", "10", "0", "10,0", f"{TODAY + timedelta(days=10):%d-%m-%Y}", "27"] in lines
    assert ["TAZ-01", "L-SOON", f"{TODAY + timedelta(days=10):%d-%m-%Y}", "A-01-B", "6", "10"] in lines
    assert ["TAZ-01", "L-HELD", f"{TODAY - timedelta(days=20):%d-%m-%Y}", "QUA-01", "2", "en", "cuarentena"] in lines
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "<td>TAZ-01</td>" in html and "Bajo el mínimo (1)" in html
    assert last_sent(paths, settings_for(server.port).smtp) == TODAY


def test_the_worker_sends_once_a_day_per_recipient_set(database: Database, paths: StationPaths) -> None:
    build_alerting_world(database, TODAY)
    with smtp_server() as server:
        settings = settings_for(server.port)
        assert mail_alerts(database, settings, paths, today=TODAY, daily=True).status == "sent"
        again = mail_alerts(database, settings, paths, today=TODAY, daily=True)
        assert again.status == "already-sent" and len(server.received) == 1
        others = settings_for(server.port, to_addresses=["gerencia@example.cl"])
        assert mail_alerts(database, others, paths, today=TODAY, daily=True).status == "sent"
        assert mail_alerts(database, settings, paths, today=TODAY + timedelta(days=1), daily=True).status == "sent"
        assert [sorted(mail.recipients) for mail in server.received] == [
            RECIPIENTS,
            ["gerencia@example.cl"],
            RECIPIENTS,
        ]


def test_nothing_to_report_sends_nothing(database: Database, paths: StationPaths) -> None:
    with smtp_server() as server:
        outcome = mail_alerts(database, settings_for(server.port), paths, today=TODAY, daily=True)
        assert outcome.status == "nothing-to-report" and server.received == []
    assert last_sent(paths, settings_for(server.port).smtp) is None


def test_without_smtp_settings_nothing_is_sent(database: Database, paths: StationPaths) -> None:
    build_alerting_world(database, TODAY)
    outcome = mail_alerts(database, Settings(), paths, today=TODAY, daily=True)
    assert outcome.status == "not-configured"
    assert "[smtp]" in outcome.summary and "nothing was sent" in outcome.summary


def test_login_with_the_password_from_the_keyring(database: Database, paths: StationPaths) -> None:
    build_alerting_world(database, TODAY)
    with smtp_server(login=("alertas", "s3cret")) as server:
        settings = settings_for(server.port, username="alertas")
        with pytest.raises(AlertMailError, match="no password for alertas"):
            mail_alerts(database, settings, paths, today=TODAY)
        secrets.set_secret("smtp", "alertas", "s3cret")
        assert mail_alerts(database, settings, paths, today=TODAY).status == "sent"
        assert len(server.received) == 1
    assert "s3cret" not in (paths.settings_file.read_text() if paths.settings_file.exists() else "")


def test_a_refused_login_names_the_server_and_marks_nothing(database: Database, paths: StationPaths) -> None:
    build_alerting_world(database, TODAY)
    with smtp_server(login=("alertas", "s3cret")) as server:
        settings = settings_for(server.port, username="alertas")
        secrets.set_secret("smtp", "alertas", "wrong")
        with pytest.raises(AlertMailError) as error:
            mail_alerts(database, settings, paths, today=TODAY, daily=True)
        assert server.received == []
    assert f"127.0.0.1:{server.port} refused the login of alertas: 535" in str(error.value)
    assert "wrong" not in str(error.value)
    assert last_sent(paths, settings.smtp) is None


def test_a_server_that_is_not_there_names_host_and_port(database: Database, paths: StationPaths) -> None:
    build_alerting_world(database, TODAY)
    port = free_port()  # nothing listens there
    settings = settings_for(port, timeout_seconds=5)
    with pytest.raises(AlertMailError) as error:
        mail_alerts(database, settings, paths, today=TODAY, daily=True)
    assert f"SMTP server 127.0.0.1:{port}" in str(error.value) and "refused" in str(error.value).lower()
    assert last_sent(paths, settings.smtp) is None


def test_the_smtp_section_is_read_and_checked(paths: StationPaths) -> None:
    paths.settings_file.write_text(
        '[smtp]\nhost = "smtp.example.cl"\nport = 465\nsecurity = "ssl"\nusername = "alertas"\n'
        'from_address = "alertas@example.cl"\nto_addresses = ["bodega@example.cl"]\n',
        encoding="utf-8",
    )
    smtp = load_settings(paths).smtp
    assert (smtp.host, smtp.port, smtp.security, smtp.to_addresses, smtp.configured) == (
        "smtp.example.cl",
        465,
        "ssl",
        ["bodega@example.cl"],
        True,
    )
    assert "password" not in paths.settings_file.read_text(encoding="utf-8")
    paths.settings_file.write_text('[smtp]\nhost = "x"\nsecurity = "tls"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[smtp\] security must be 'starttls', 'ssl' or 'none', not 'tls'"):
        load_settings(paths)
    paths.settings_file.write_text('[smtp]\nto_addresses = "bodega@example.cl"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\[smtp\] to_addresses must be list"):
        load_settings(paths)


def test_a_worker_sending_right_now_keeps_another_from_sending_twice(database: Database, paths: StationPaths) -> None:
    build_alerting_world(database, TODAY)
    claim = paths.data_dir / "alert-mail.lock"
    claim.touch()  # another worker on this machine is in the middle of sending
    with smtp_server() as server:
        settings = settings_for(server.port)
        assert mail_alerts(database, settings, paths, today=TODAY, daily=True).status == "busy"
        assert server.received == []
        stale = time.time() - 3600  # a worker that died mid-send an hour ago
        os.utime(claim, (stale, stale))
        assert mail_alerts(database, settings, paths, today=TODAY, daily=True).status == "sent"
        assert len(server.received) == 1
    assert not claim.exists()
