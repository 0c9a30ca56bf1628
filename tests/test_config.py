"""The settings file: typed, round-trips, and a bad file names the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from station.config import PackingSettings, Settings, SettingsError, load_settings, save_settings, station_paths


def write(station_home: Path, text: str) -> Path:
    path = station_paths().ensure().settings_file
    path.write_text(text, encoding="utf-8")
    return path


def test_station_home_moves_every_folder(station_home: Path) -> None:
    paths = station_paths()
    assert {paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir} == {
        station_home / "data", station_home / "config", station_home / "logs", station_home / "cache"
    }


def test_settings_round_trip(station_home: Path) -> None:
    settings = Settings(station_name="bench-3", packing=PackingSettings(bench="PACK-02", tolerance_g=35))
    settings.plugins["demo"] = {"base_url": "http://127.0.0.1:8080"}
    save_settings(settings)
    assert load_settings() == settings


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('colour = "red"\n', "unknown setting(s) colour"),
        ('[packing]\ntolerance_g = "20"\n', "[packing] tolerance_g must be int, not '20'"),
        ('[devices]\nprinter = "tcp://x"\n', "unknown [devices] setting(s) printer"),
        ('language = "fr"\n', "language must be 'system', 'es' or 'en'"),
        ("station_name = \n", "not valid TOML"),
    ],
)
def test_a_bad_file_names_file_and_key(station_home: Path, text: str, message: str) -> None:
    path = write(station_home, text)
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert str(path) in str(error.value)
    assert message in str(error.value)
