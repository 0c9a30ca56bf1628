"""station.api works with the real pluggy without importing it, and stays standard-library only."""

from __future__ import annotations

import inspect
import subprocess
import sys
import textwrap
from collections.abc import Callable

import pluggy
import pytest

from station.api import (
    ADAPTER_SPECS,
    API_VERSION,
    api_incompatibility,
    hookimpl,
    hookspecs,
    parse_api_version,
)
from station.api.markers import hookspec


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"tryfirst": True},
        {"trylast": True},
        {"optionalhook": True},
        {"specname": "station_register_carriers"},
    ],
)
def test_hookimpl_sets_exactly_what_pluggys_marker_sets(options: dict[str, object]) -> None:
    def ours() -> None: ...
    def theirs() -> None: ...

    (hookimpl(**options) if options else hookimpl)(ours)  # type: ignore[call-overload]
    pluggy.HookimplMarker("station")(theirs, **options)  # type: ignore[call-overload]
    assert ours.station_impl == theirs.station_impl  # type: ignore[attr-defined]


def test_hookspec_sets_exactly_what_pluggys_marker_sets() -> None:
    def ours() -> None: ...
    def theirs() -> None: ...

    hookspec(firstresult=True)(ours)
    pluggy.HookspecMarker("station")(theirs, firstresult=True)
    assert ours.station_spec == theirs.station_spec  # type: ignore[attr-defined]


def test_a_real_plugin_manager_calls_implementations_marked_with_station_api_hookimpl() -> None:
    pm = pluggy.PluginManager("station")
    pm.add_hookspecs(hookspecs)
    seen: list[object] = []

    class Plugin:
        @hookimpl
        def station_register_carriers(self, register: Callable[[object], None]) -> None:
            register("first")

        @hookimpl(tryfirst=True)
        def station_stock_did_change(self, changes: tuple[object, ...]) -> None:
            seen.extend(changes)

    pm.register(Plugin(), name="demo")
    pm.check_pending()
    pm.hook.station_register_carriers(register=seen.append)
    pm.hook.station_stock_did_change(changes=("a", "b"))
    assert seen == ["first", "a", "b"]


def test_every_hookspec_is_registered_by_pluggy_and_listed_by_family() -> None:
    pm = pluggy.PluginManager("station")
    pm.add_hookspecs(hookspecs)
    specs = {name for name in dir(pm.hook) if name.startswith("station_")}
    assert specs == set(hookspecs.REGISTER_HOOKS) | set(hookspecs.NOTIFICATION_HOOKS)
    assert {spec.hook for spec in ADAPTER_SPECS.values()} == set(hookspecs.REGISTER_HOOKS)


def test_adapter_specs_list_every_method_of_their_protocol() -> None:
    # The host validates registered adapters from ADAPTER_SPECS; it must not drift from the Protocols.
    for kind, spec in ADAPTER_SPECS.items():
        protocol_methods = {
            name
            for name, member in vars(spec.protocol).items()
            if inspect.isfunction(member) and not name.startswith("_")
        }
        assert set(spec.methods) == protocol_methods, kind
        annotated = set(inspect.get_annotations(spec.protocol))
        assert set(spec.attributes) == annotated, kind


def test_station_api_imports_only_the_standard_library() -> None:
    code = textwrap.dedent(
        """
        import sys
        before = set(sys.modules)
        import station.api, station.api.hookspecs
        new = {m.split('.')[0] for m in set(sys.modules) - before}
        outside = sorted(m for m in new if m not in sys.stdlib_module_names and m != 'station')
        others = sorted(m for m in sys.modules if m.startswith('station.') and 'station.api' not in m)
        print(outside, others)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[] []", result.stdout


def test_api_version_compatibility_rule() -> None:
    assert API_VERSION == "1.0" and parse_api_version("1") == (1, 0)
    assert api_incompatibility("1.0") is None
    assert api_incompatibility("1") is None
    assert api_incompatibility("2.0") == "needs station plugin API 2.x; this station provides 1.0"
    assert api_incompatibility("1.4") == "needs station plugin API 1.4 or newer; this station provides 1.0"
    assert api_incompatibility(1.0) == "STATION_API_VERSION must look like '1.0', got 1.0"
