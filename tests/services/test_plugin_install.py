"""Installing plugin wheels without pip: dependencies, the API check, refusals that leave nothing behind."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from plugin_wheels import make_library_wheel, make_plugin_wheel, make_wheel

from station.pluginhost import PluginHost
from station.services.plugin_install import PluginInstallError, install_wheel, installed, remove


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return tmp_path / "data" / "plugins" / "site"


@pytest.fixture
def wheels(tmp_path: Path) -> Path:
    folder = tmp_path / "wheels"
    folder.mkdir()
    return folder


def test_a_plugin_and_the_dependency_next_to_it_install_and_load(site: Path, wheels: Path) -> None:
    make_library_wheel(wheels, "pi_helper_lib", "2.1.0")
    plugin = make_plugin_wheel(
        wheels,
        "pi_counter",
        requires=("just-logistics-station", "pi-helper-lib>=2", "httpx>=0.20"),
        dependency="pi_helper_lib",
    )

    added = install_wheel(plugin, site=site)

    assert [(a.name, a.version, a.plugins) for a in added] == [
        ("pi-counter", "1.0.0", ("pi_counter",)),
        ("pi-helper-lib", "2.1.0", ()),  # httpx: the station has it already
    ]
    assert (site / "pi_counter" / "__init__.py").exists()
    assert (site / "pi_helper_lib" / "__init__.py").exists()
    assert not (site / "httpx").exists()
    assert [(i.name, i.requested) for i in installed(site)] == [("pi-counter", True), ("pi-helper-lib", False)]
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".staging-")]

    sys.path.append(str(site))
    try:
        with PluginHost(environ={"STATION_LOAD_PLUGINS": "pi_counter"}) as host:
            info = next(i for i in host.plugins() if i.name == "pi_counter")
    finally:
        sys.path.remove(str(site))
        for module in ("pi_counter", "pi_helper_lib"):
            sys.modules.pop(module, None)
    assert (info.status, info.version, info.kinds) == ("enabled", "1.0.0", ("notifications",))


def test_a_missing_dependency_is_named_and_nothing_is_installed(site: Path, wheels: Path) -> None:
    plugin = make_plugin_wheel(wheels, "pi_needy", requires=("pi-absent-lib~=3.1",))
    with pytest.raises(PluginInstallError, match=r"pi-needy 1.0.0 needs pi-absent-lib~=3.1: .*no matching wheel"):
        install_wheel(plugin, site=site)
    assert snapshot(site) == {}


def test_dependencies_come_from_find_links_and_the_newest_matching_wins(
    site: Path, wheels: Path, tmp_path: Path
) -> None:
    links = tmp_path / "links"
    links.mkdir()
    for version in ("1.4.0", "1.9.2", "2.0.0"):
        make_library_wheel(links, "pi_ranged", version)
    plugin = make_plugin_wheel(wheels, "pi_ranger", requires=("pi-ranged<2,>=1.2",))

    added = install_wheel(plugin, find_links=[links], site=site)

    assert [(a.name, a.version) for a in added] == [("pi-ranger", "1.0.0"), ("pi-ranged", "1.9.2")]


def test_a_wrong_api_version_is_refused_naming_both_versions(site: Path, wheels: Path) -> None:
    install_wheel(make_plugin_wheel(wheels, "pi_keeper"), site=site)
    before = snapshot(site)
    plugin = make_plugin_wheel(wheels, "pi_future", api="2.0")

    with pytest.raises(PluginInstallError) as refused:
        install_wheel(plugin, site=site)

    assert "plugin 'pi_future' needs station plugin API 2.x; this station provides 1.0" in str(refused.value)
    assert "(it declares STATION_API_VERSION = '2.0')" in str(refused.value)
    assert snapshot(site) == before
    assert [p.name for p in site.parent.iterdir()] == ["site"]


def test_a_plugin_without_an_api_version_is_refused(site: Path, wheels: Path) -> None:
    plugin = make_wheel(wheels, "pi-silent", files={"pi_silent.py": "X = 1\n"}, entry_points={"pi_silent": "pi_silent"})
    with pytest.raises(PluginInstallError, match='add STATION_API_VERSION = "1.0" to pi_silent'):
        install_wheel(plugin, site=site)
    assert snapshot(site) == {}


def test_platform_wheels_are_refused(site: Path, wheels: Path) -> None:
    compiled = make_plugin_wheel(wheels, "pi_native", tag="cp311-cp311-manylinux_2_17_x86_64")
    with pytest.raises(PluginInstallError, match="cp311/manylinux_2_17_x86_64; only pure-Python wheels"):
        install_wheel(compiled, site=site)
    not_purelib = make_plugin_wheel(wheels, "pi_platlib", purelib=False)
    with pytest.raises(PluginInstallError, match="Root-Is-Purelib is not true"):
        install_wheel(not_purelib, site=site)
    assert snapshot(site) == {}


def test_a_file_that_does_not_match_record_is_refused(site: Path, wheels: Path) -> None:
    plugin = make_plugin_wheel(wheels, "pi_altered", tamper="pi_altered/__init__.py")
    with pytest.raises(PluginInstallError, match=r"pi_altered/__init__.py does not match its hash in RECORD"):
        install_wheel(plugin, site=site)
    assert snapshot(site) == {}


def test_not_a_plugin_is_refused(site: Path, wheels: Path) -> None:
    with pytest.raises(PluginInstallError, match="not a station plugin"):
        install_wheel(make_library_wheel(wheels, "pi_plain"), site=site)


def test_remove_takes_the_plugin_and_the_dependencies_only_it_needed(site: Path, wheels: Path) -> None:
    make_library_wheel(wheels, "pi_shared", "1.0.0")
    make_library_wheel(wheels, "pi_own", "1.0.0")
    install_wheel(make_plugin_wheel(wheels, "pi_first", requires=("pi-shared", "pi-own")), site=site)
    install_wheel(make_plugin_wheel(wheels, "pi_second", requires=("pi-shared",)), site=site)

    assert remove("pi_first", site=site) == ["pi-first", "pi-own"]

    assert [i.name for i in installed(site)] == ["pi-second", "pi-shared"]
    assert not (site / "pi_first").exists()
    assert not (site / "pi_own").exists()
    with pytest.raises(PluginInstallError, match=r"No plugin named 'pi_first' .*installed: pi-second"):
        remove("pi_first", site=site)


def test_installing_a_new_version_replaces_the_old_one(site: Path, wheels: Path) -> None:
    install_wheel(make_plugin_wheel(wheels, "pi_update", version="1.0.0"), site=site)
    install_wheel(make_plugin_wheel(wheels, "pi_update", version="1.1.0"), site=site)
    assert [(i.name, i.version) for i in installed(site)] == [("pi-update", "1.1.0")]
    assert len(list(site.glob("*.dist-info"))) == 1


def test_a_wheel_that_would_overwrite_another_plugins_files_changes_nothing(site: Path, wheels: Path) -> None:
    install_wheel(make_plugin_wheel(wheels, "pi_owner"), site=site)
    before = snapshot(site)
    intruder = make_wheel(
        wheels,
        "pi-intruder",
        files={"pi_intruder.py": 'STATION_API_VERSION = "1.0"\n', "pi_owner/__init__.py": "HIJACKED = True\n"},
        entry_points={"pi_intruder": "pi_intruder"},
    )
    with pytest.raises(
        PluginInstallError, match="would overwrite pi_owner/__init__.py, which belongs to the installed pi_owner"
    ):
        install_wheel(intruder, site=site)
    assert snapshot(site) == before
    assert [p.name for p in site.parent.iterdir()] == ["site"]


def test_paths_outside_the_plugins_directory_are_refused(site: Path, wheels: Path) -> None:
    evil = make_wheel(wheels, "pi-evil", files={"../outside.py": "X = 1\n"}, entry_points={"pi_evil": "outside"})
    with pytest.raises(PluginInstallError, match=r"unsafe path in the archive: \.\./outside\.py"):
        install_wheel(evil, site=site)
    assert not (site.parent / "outside.py").exists()


@pytest.mark.parametrize("with_packaging", [True, False], ids=["packaging", "fallback"])
def test_version_ranges_read_the_same_with_or_without_packaging(
    with_packaging: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station.services import requirements

    if not with_packaging:
        monkeypatch.setattr(requirements, "_PackagingRequirement", None)
    ranged = requirements.parse_requirement("Pi_Lib (>=1.2,<2)")
    assert ranged is not None and ranged.key == "pi-lib"
    assert [ranged.allows(v) for v in ("1.1", "1.2", "1.10.3", "2.0")] == [False, True, True, False]
    compatible = requirements.parse_requirement("pi-lib~=3.1")
    assert compatible is not None
    assert [compatible.allows(v) for v in ("3.0.9", "3.1", "3.9.1", "4.0")] == [False, True, True, False]
    assert requirements.parse_requirement('pi-extra>=1; extra == "test"') is None
