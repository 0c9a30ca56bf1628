"""The Windows MSI, built on Linux with wixl from a stand-in payload and read back with msitools.

What IT and the Windows installer service will see: the files (byte for byte), the Start-menu
shortcut, the upgrade rows, the silent-install properties and where they land (the registry values
station.config reads). Installing needs Windows: the install → upgrade → uninstall test runs only
where wine is present (never in CI).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from station import config

REPO = Path(__file__).resolve().parents[2]
BUILD_MSI = REPO / "installer" / "build-msi"
UPGRADE_CODE = "{7E2B9C64-3F1D-4A8B-9E57-C0D4A1B6F823}"
INSTALL_FOLDER_NAME = "Just Logistics Station"

sys.path.insert(0, str(REPO / "installer" / "windows"))
import harvest  # noqa: E402


def require_msitools() -> None:
    missing = [tool for tool in ("wixl", "msiinfo", "msiextract", "msibuild") if shutil.which(tool) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed (Debian packages wixl and msitools)"
    if os.environ.get("STATION_TEST_REQUIRE_PG"):  # scripts/test installs them: missing there is a failure
        pytest.fail(message)
    pytest.skip(message)


def make_payload(folder: Path) -> Path:
    """Shaped like PyInstaller's onedir output, with binary content and a nested folder."""
    (folder / "_internal" / "PySide6" / "plugins").mkdir(parents=True)
    (folder / "station.exe").write_bytes(b"MZ" + bytes(range(256)) * 40)
    (folder / "_internal" / "python311.dll").write_bytes(os.urandom(50_000))
    (folder / "_internal" / "PySide6" / "plugins" / "qoffscreen.dll").write_bytes(os.urandom(3_000))
    (folder / "_internal" / "station.toml.example").write_text('station_name = "bench-1"\n', encoding="utf-8")
    return folder


def build_msi(payload: Path, version: str, output: Path) -> Path:
    subprocess.run(
        [sys.executable, str(BUILD_MSI), "--payload", str(payload), "--version", version, "--output", str(output)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return output


def msi_table(msi: Path, table: str) -> list[dict[str, str]]:
    """Rows of one table as `msiinfo export` prints it: column names, types, table name, then rows."""
    text = subprocess.run(["msiinfo", "export", str(msi), table], check=True, capture_output=True, text=True).stdout
    lines = text.split("\r\n") if "\r\n" in text else text.split("\n")
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in lines[3:] if line]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    require_msitools()
    root = tmp_path_factory.mktemp("msi")
    payload = make_payload(root / "payload")
    payload.mkdir(exist_ok=True)
    return payload, build_msi(payload, "0.1.0", root / "v1.msi"), build_msi(payload, "0.2.0", root / "v2.msi")


def properties(msi: Path) -> dict[str, str]:
    return {row["Property"]: row["Value"] for row in msi_table(msi, "Property")}


def test_the_msi_holds_the_tables_windows_needs(built):
    _, msi, _ = built
    tables = set(
        subprocess.run(["msiinfo", "tables", str(msi)], check=True, capture_output=True, text=True).stdout.split()
    )
    assert {"File", "Component", "Shortcut", "Upgrade", "Property", "Registry", "AppSearch"} <= tables


def test_every_payload_file_is_listed_with_its_size(built):
    payload, msi, _ = built
    listed = {(row["FileName"], int(row["FileSize"])) for row in msi_table(msi, "File")}
    expected = {(path.name, path.stat().st_size) for path in payload.rglob("*") if path.is_file()}
    assert listed == expected


def test_extracting_the_msi_gives_back_the_payload_byte_for_byte(built, tmp_path):
    payload, msi, _ = built
    subprocess.run(["msiextract", "-C", str(tmp_path), str(msi)], check=True, capture_output=True)
    extracted = tmp_path / INSTALL_FOLDER_NAME
    payload_files = sorted(path.relative_to(payload) for path in payload.rglob("*") if path.is_file())
    extracted_files = sorted(path.relative_to(extracted) for path in extracted.rglob("*") if path.is_file())
    assert extracted_files == payload_files
    _, mismatch, errors = filecmp.cmpfiles(payload, extracted, [str(path) for path in payload_files], shallow=False)
    assert (mismatch, errors) == ([], [])


def test_the_start_menu_shortcut_starts_station_exe(built):
    _, msi, _ = built
    (shortcut,) = msi_table(msi, "Shortcut")
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Name"] == "Just Logistics Station"
    assert shortcut["Target"] == "[#StationExe]"
    (station_exe,) = [row for row in msi_table(msi, "File") if row["File"] == "StationExe"]
    assert station_exe["FileName"] == "station.exe"


def test_files_go_under_program_files(built):
    _, msi, _ = built
    directories = {row["Directory"]: row for row in msi_table(msi, "Directory")}
    assert directories["INSTALLFOLDER"]["Directory_Parent"] == "ProgramFiles64Folder"
    assert directories["INSTALLFOLDER"]["DefaultDir"].endswith(INSTALL_FOLDER_NAME)


def test_a_newer_version_replaces_the_older_and_an_older_one_refuses(built):
    _, v1, v2 = built
    first, second = properties(v1), properties(v2)
    assert first["UpgradeCode"] == second["UpgradeCode"] == UPGRADE_CODE
    assert first["ProductCode"] != second["ProductCode"]
    assert (first["ProductVersion"], second["ProductVersion"]) == ("0.1.0", "0.2.0")
    rows = {row["ActionProperty"]: row for row in msi_table(v2, "Upgrade")}
    older, newer = rows["OLDER_VERSION_FOUND"], rows["NEWER_VERSION_FOUND"]
    assert (older["UpgradeCode"], older["VersionMin"], older["VersionMax"]) == (UPGRADE_CODE, "0.0.0", "0.2.0")
    assert int(older["Attributes"]) & 2 == 0  # not detect-only: the older product is removed
    assert (newer["VersionMin"], int(newer["Attributes"]) & 2) == ("0.2.0", 2)
    sequence = {row["Action"]: int(row["Sequence"]) for row in msi_table(v2, "InstallExecuteSequence")}
    assert sequence["InstallValidate"] < sequence["RemoveExistingProducts"] < sequence["InstallInitialize"]
    (refusal,) = msi_table(v2, "LaunchCondition")
    assert refusal["Condition"] == "NOT NEWER_VERSION_FOUND OR Installed"
    assert "newer version" in refusal["Description"]


def test_silent_install_properties_land_where_the_station_reads_them(built):
    _, msi, _ = built
    secure = properties(msi)["SecureCustomProperties"].split(";")
    assert {"STATION_DATABASE_URL", "STATION_NAME", "OLDER_VERSION_FOUND", "NEWER_VERSION_FOUND"} <= set(secure)
    written = {row["Name"]: row for row in msi_table(msi, "Registry")}
    for value_name, setting in config.MACHINE_SETTINGS_VALUES.items():
        row = written[value_name]
        assert row["Root"] == "2"  # HKEY_LOCAL_MACHINE
        assert row["Key"].rstrip("\\") == config.MACHINE_SETTINGS_KEY
        property_name = {"database_url": "STATION_DATABASE_URL", "station_name": "STATION_NAME"}[setting]
        assert row["Value"] == f"[{property_name}]"
    # A repair or upgrade without the properties keeps what the registry already holds.
    searched = {row["Property"]: row["Signature_"] for row in msi_table(msi, "AppSearch")}
    assert set(searched) == {"STATION_DATABASE_URL", "STATION_NAME"}
    # ...but a value on the command line wins: saved before AppSearch, put back right after it.
    for table in ("InstallExecuteSequence", "InstallUISequence"):
        sequence = {row["Action"]: row for row in msi_table(msi, table)}
        for short, prop in (("DatabaseUrl", "DATABASE_URL"), ("StationName", "STATION_NAME")):
            keep, use = sequence[f"KeepCmd{short}"], sequence[f"UseCmd{short}"]
            assert int(keep["Sequence"]) < int(sequence["AppSearch"]["Sequence"]) < int(use["Sequence"])
            assert int(use["Sequence"]) < int(sequence["LaunchConditions"]["Sequence"])
            assert use["Condition"] == f"CMDLINE_{prop}"
    locators = {row["Signature_"]: row for row in msi_table(msi, "RegLocator")}
    assert {locators[signature]["Name"] for signature in searched.values()} == set(config.MACHINE_SETTINGS_VALUES)


def test_machine_defaults_fill_what_the_users_settings_file_leaves_out(monkeypatch, tmp_path):
    # Linux has no registry: this stands in for what machine_defaults() reads from it on Windows.
    monkeypatch.setattr(
        config,
        "machine_defaults",
        lambda: {"database_url": "postgresql+psycopg://db/station", "station_name": "bench-7"},
    )
    paths = config.StationPaths(tmp_path / "data", tmp_path / "config", tmp_path / "logs", tmp_path / "cache")
    assert (config.load_settings(paths).database_url, config.load_settings(paths).station_name) == (
        "postgresql+psycopg://db/station",
        "bench-7",
    )
    paths.ensure().settings_file.write_text('station_name = "my-bench"\n', encoding="utf-8")
    settings = config.load_settings(paths)
    assert (settings.database_url, settings.station_name) == ("postgresql+psycopg://db/station", "my-bench")


@pytest.mark.skipif(sys.platform == "win32", reason="reads the Windows registry for real there")
def test_machine_defaults_are_empty_off_windows():
    assert config.machine_defaults() == {}


def test_component_ids_and_guids_depend_only_on_the_file_path(tmp_path):
    payload = make_payload(tmp_path / "payload")
    before = harvest.fragment(payload, "station.exe")
    assert harvest.fragment(payload, "station.exe") == before
    (payload / "_internal" / "new.dll").write_bytes(b"new")
    after = harvest.fragment(payload, "station.exe")
    guid = harvest.component_guid("_internal/python311.dll")
    assert guid in before and guid in after
    assert harvest.component_guid("_internal/Python311.DLL") == guid  # Windows paths ignore case
    assert len(harvest.stable_id("c", "a/" * 200)) <= 72


@pytest.mark.parametrize(("version", "expected"), [("1.2", "1.2.0"), ("0.2.0rc1", "0.2.0"), ("3.4.5.dev2+g1", "3.4.5")])
def test_msi_versions_are_the_numeric_part_of_the_station_version(version, expected, tmp_path):
    require_msitools()
    msi = tmp_path / "station.msi"
    subprocess.run(
        [sys.executable, str(BUILD_MSI), "--version", version, "--output", str(msi)], check=True, capture_output=True
    )
    assert properties(msi)["ProductVersion"] == expected


def test_a_version_msi_cannot_hold_is_refused_by_name(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BUILD_MSI), "--version", "300.1.0", "--output", str(tmp_path / "x.msi")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "'300.1.0' is beyond what an MSI version holds" in result.stderr


def test_the_default_build_packs_a_stand_in_payload_into_dist_named_by_version(tmp_path):
    require_msitools()
    msi = tmp_path / "station.msi"
    result = subprocess.run(
        [sys.executable, str(BUILD_MSI), "--output", str(msi)], check=True, capture_output=True, text=True
    )
    assert str(msi) in result.stdout
    names = {row["FileName"] for row in msi_table(msi, "File")}
    assert "station.exe" in names and len(names) >= 3


@pytest.mark.skipif(shutil.which("wine") is None, reason="needs wine to run msiexec; CI does not install wine")
def test_install_upgrade_uninstall_under_wine(built, tmp_path):
    payload, v1, v2 = built
    prefix = tmp_path / "wine"
    env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "WINEARCH": "win64"}

    def wine(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["wine", *args], env=env, capture_output=True, text=True, timeout=300, check=False)

    def machine_settings() -> str:
        return wine("reg", "query", "HKLM\\" + config.MACHINE_SETTINGS_KEY, "/reg:64").stdout

    def installed_products() -> int:
        """How many "Just Logistics Station" entries Programs and Features lists."""
        uninstall = wine("reg", "query", r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall", "/s", "/reg:64")
        return sum(
            1
            for line in uninstall.stdout.splitlines()
            if line.split()[:1] == ["DisplayName"] and line.endswith("Just Logistics Station")
        )

    installed = prefix / "drive_c" / "Program Files" / INSTALL_FOLDER_NAME
    url = "postgresql+psycopg://db.example/station"
    assert wine("msiexec", "/i", str(v1), "/qn", f"STATION_DATABASE_URL={url}", "STATION_NAME=bench-3").returncode == 0
    for path in payload.rglob("*"):
        if path.is_file():
            assert (installed / path.relative_to(payload)).read_bytes() == path.read_bytes()
    assert url in machine_settings() and "bench-3" in machine_settings()
    assert list((prefix / "drive_c").rglob("Just Logistics Station.lnk"))

    # The newer version without the properties replaces the older one and keeps the values.
    assert wine("msiexec", "/i", str(v2), "/qn").returncode == 0
    assert installed_products() == 1
    assert url in machine_settings() and "bench-3" in machine_settings()
    # The older one refuses to go over it.
    assert wine("msiexec", "/i", str(v1), "/qn").returncode != 0
    assert installed_products() == 1

    assert wine("msiexec", "/x", str(v2), "/qn").returncode == 0
    assert not installed.exists()
    assert not list((prefix / "drive_c").rglob("Just Logistics Station.lnk"))
    assert "bench-3" not in machine_settings()
    assert installed_products() == 0


def test_a_payload_without_station_exe_is_refused_by_name(tmp_path):
    require_msitools()
    (tmp_path / "payload").mkdir()
    (tmp_path / "payload" / "station").write_bytes(b"\x7fELF")  # a Linux freeze, not a Windows one
    result = subprocess.run(
        [sys.executable, str(BUILD_MSI), "--payload", str(tmp_path / "payload"), "--output", str(tmp_path / "x.msi")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert f"{tmp_path / 'payload'} has no station.exe at its top" in result.stderr
    assert not (tmp_path / "x.msi").exists()


def test_harvesting_an_empty_folder_says_so(tmp_path):
    with pytest.raises(SystemExit, match="holds no files to install"):
        harvest.fragment(tmp_path)
