"""First-run setup service: a fresh station set up on SQLite and on PostgreSQL, and the start-up rule."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from station.config import Settings, StationPaths, load_settings, save_settings, station_paths
from station.db.engine import Database
from station.db.models import Role
from station.services.auth import sign_in
from station.services.setup import (
    DatabaseState,
    SetupError,
    SetupValues,
    StartDecision,
    apply_setup,
    check_connection,
    database_state,
    effective_url,
    plugin_environment,
    start_decision,
    values_from_environment,
)

UNREACHABLE_PG = "postgresql+psycopg://station:s3cret@127.0.0.1:1/warehouse"


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StationPaths:
    monkeypatch.setenv("STATION_HOME", str(tmp_path / "home"))
    for name in ("STATION_DATABASE_URL", "STATION_NAME", "STATION_ADMIN_LOGIN", "STATION_ADMIN_PIN"):
        monkeypatch.delenv(name, raising=False)
    return station_paths()


@pytest.fixture(params=("sqlite", "postgresql"))
def empty_database_url(request: pytest.FixtureRequest) -> str:
    """ "" (the station's own SQLite file, not there yet) or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return ""
    return request.getfixturevalue("postgres_databases").create(migrated=False)


def values(url: str, **changes: object) -> SetupValues:
    base = SetupValues(
        database_url=url,
        station_name="bench-1",
        admin_login="marta",
        admin_name="Marta Rojas",
        admin_pin="2468",
        printer_url="tcp://10.0.0.30:9100",
        disabled_plugins=("demo_carrier",),
    )
    return replace(base, **changes)


def bench_paths(root: Path) -> StationPaths:
    return StationPaths(root / "data", root / "config", root / "logs", root / "cache")


def test_a_fresh_station_is_set_up_and_its_admin_signs_in(fresh_home: StationPaths, empty_database_url: str):
    assert start_decision(fresh_home, empty_database_url or None, environ={}).decision is StartDecision.DIALOG
    steps: list[tuple[int, int]] = []

    result = apply_setup(values(empty_database_url), fresh_home, lambda done, total, _rev: steps.append((done, total)))

    assert result.admin_created and result.migrations_run == steps[-1][1] > 0
    settings = load_settings(fresh_home)
    assert settings.station_name == "bench-1"
    assert settings.database_url == empty_database_url
    assert settings.devices.printer_url == "tcp://10.0.0.30:9100"
    assert settings.disabled_plugins == ["demo_carrier"]
    database = Database(effective_url(values(empty_database_url), fresh_home))
    try:
        outcome = sign_in(database, "marta", "2468", "bench-1")
    finally:
        database.dispose()
    assert outcome.user is not None and outcome.user.role is Role.ADMIN and outcome.user.name == "Marta Rojas"
    assert start_decision(fresh_home, empty_database_url or None, environ={}).decision is StartDecision.NORMAL


def test_a_second_bench_confirms_an_existing_admin_instead_of_creating_one(
    fresh_home: StationPaths, database_url: str, tmp_path: Path
):
    apply_setup(values(database_url), fresh_home)
    other = bench_paths(tmp_path / "bench-2")

    again = apply_setup(values(database_url, station_name="bench-2"), other)
    assert not again.admin_created and load_settings(other).station_name == "bench-2"

    with pytest.raises(SetupError, match="already exists") as refused:
        apply_setup(values(database_url, admin_pin="9999"), bench_paths(tmp_path / "bench-3"))
    assert refused.value.field == "admin_login"
    assert not bench_paths(tmp_path / "bench-3").settings_file.exists()


def test_a_wrong_postgresql_url_is_reported_plainly_and_nothing_is_written(fresh_home: StationPaths):
    report = check_connection(UNREACHABLE_PG)
    assert not report.ok and "refused" in (report.problem or "").lower()
    assert "s3cret" not in report.shown_url

    with pytest.raises(SetupError) as failed:
        apply_setup(values(UNREACHABLE_PG), fresh_home)
    assert failed.value.field == "database_url" and "127.0.0.1:1" in str(failed.value)
    assert not fresh_home.settings_file.exists()


def test_check_connection_names_the_server_and_the_migrations_to_run(postgres_databases, fresh_home: StationPaths):
    report = check_connection(postgres_databases.create(migrated=False))
    assert report.ok and report.server.startswith("PostgreSQL ") and report.pending_migrations > 0
    new_file = check_connection(f"sqlite:///{fresh_home.sqlite_file}")
    assert new_file.ok and not fresh_home.sqlite_file.exists()  # checking creates nothing


def test_bad_values_are_refused_naming_each_field(fresh_home: StationPaths):
    bad = values("mysql://db/x", station_name=" ", admin_login="two words", admin_pin="12a4")
    with pytest.raises(SetupError) as refused:
        apply_setup(bad, fresh_home)
    assert refused.value.field == "database_url"
    assert not fresh_home.settings_file.exists() and not fresh_home.sqlite_file.exists()


def test_the_start_up_rule(fresh_home: StationPaths, database_url: str):
    env = {"STATION_ADMIN_LOGIN": "it", "STATION_ADMIN_PIN": "1357"}
    assert start_decision(fresh_home, None, environ={}).decision is StartDecision.DIALOG
    assert start_decision(fresh_home, None, environ=env).decision is StartDecision.UNATTENDED
    # Named explicitly but down: the usual "cannot open the database" message, not a setup.
    assert start_decision(fresh_home, UNREACHABLE_PG, environ={}).decision is StartDecision.NORMAL
    # A migrated database without users still needs its first admin.
    assert database_state(database_url) is DatabaseState.EMPTY
    assert start_decision(fresh_home, database_url, environ={}).decision is StartDecision.DIALOG
    # A configured station whose server is down is not set up again.
    save_settings(Settings(station_name="bench-1", database_url=UNREACHABLE_PG), fresh_home)
    assert start_decision(fresh_home, None, environ={}).decision is StartDecision.NORMAL


def test_unattended_values_come_from_the_environment_then_a_pre_seeded_file(fresh_home: StationPaths):
    save_settings(Settings(station_name="from-msi", database_url="postgresql://db/station"), fresh_home)
    seeded = load_settings(fresh_home)
    env = {"STATION_NAME": "bench-9", "STATION_ADMIN_LOGIN": "it", "STATION_ADMIN_PIN": "1357"}
    got = values_from_environment(env, seeded)
    assert (got.station_name, got.database_url, got.admin_login, got.admin_pin) == (
        "bench-9",
        "postgresql://db/station",
        "it",
        "1357",
    )
    assert values_from_environment({}, seeded).station_name == "from-msi"


def test_disabled_plugins_from_the_settings_join_the_environment():
    env = plugin_environment(Settings(disabled_plugins=["pickup"]), {"STATION_DISABLE_PLUGINS": "demo_carrier"})
    assert env["STATION_DISABLE_PLUGINS"] == "demo_carrier,pickup"
    assert "STATION_DISABLE_PLUGINS" not in plugin_environment(Settings(), {})
