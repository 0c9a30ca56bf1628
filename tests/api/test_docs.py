"""docs/plugins.md is enforced: every hook is documented and tested, and its examples really run.

In the style of datasette's tests/test_docs.py: adding a hook without docs or a test fails here.
"""

from __future__ import annotations

import inspect
import re
import sys
import types
from pathlib import Path

import pytest

from station.api import ADAPTER_SPECS, errors, hookspecs
from station.api.markers import SPEC_ATTRIBUTE
from station.testing import PluginHostFactory

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "plugins.md"
TESTS = ROOT / "tests"
DOC_TEXT = DOCS.read_text(encoding="utf-8")

HOOKS = sorted(name for name, value in vars(hookspecs).items() if hasattr(value, SPEC_ATTRIBUTE))

# `<!-- example-plugin: KIND -->` or `<!-- example-test: MODULE -->` right above a ```python block.
EXAMPLE = re.compile(r"<!-- example-(plugin|test): ([\w-]+) -->\n```python\n(.*?)\n```", re.DOTALL)


def examples(kind: str) -> list[tuple[str, str]]:
    return [(label, code) for k, label, code in EXAMPLE.findall(DOC_TEXT) if k == kind]


def test_hooks_are_found() -> None:
    assert set(HOOKS) == set(hookspecs.REGISTER_HOOKS) | set(hookspecs.NOTIFICATION_HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_heading_in_the_plugin_docs(hook: str) -> None:
    parameters = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    heading = f"#### {hook}({parameters})"
    assert heading in DOC_TEXT.splitlines(), f"docs/plugins.md needs a heading '{heading}'"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_exercised_by_a_test(hook: str) -> None:
    users = [
        path
        for path in TESTS.rglob("*.py")
        if path.name != Path(__file__).name and hook in path.read_text(encoding="utf-8")
    ]
    assert users, f"no test under tests/ implements or calls {hook}"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hookspec_docstring_says_since_which_api_version(hook: str) -> None:
    assert ".. versionadded::" in (getattr(hookspecs, hook).__doc__ or "")


def test_every_adapter_method_and_error_is_documented() -> None:
    for spec in ADAPTER_SPECS.values():
        assert f"`{spec.protocol.__name__}`" in DOC_TEXT
        for name in (*spec.methods, *spec.attributes):
            assert f"{name}" in DOC_TEXT, f"{spec.protocol.__name__}.{name} is not in docs/plugins.md"
    for name in errors.__all__:
        assert f"`{name}" in DOC_TEXT, f"{name} is not in docs/plugins.md"
    for variable in ("STATION_LOAD_PLUGINS", "STATION_DISABLE_PLUGINS", "STATION_API_VERSION"):
        assert variable in DOC_TEXT


@pytest.mark.parametrize(("kind", "code"), examples("plugin"), ids=[k for k, _ in examples("plugin")])
def test_doc_example_plugins_load_and_provide_what_they_claim(
    kind: str, code: str, make_plugin_host: PluginHostFactory
) -> None:
    module = types.ModuleType(f"docs_example_{kind}")
    exec(compile(code, f"{DOCS}:example-{kind}", "exec"), module.__dict__)  # noqa: S102 - our own docs
    host = make_plugin_host((module.__name__, module))
    (info,) = [p for p in host.plugins() if p.name == module.__name__]
    assert (info.status, info.error) == ("enabled", None)
    assert info.kinds == (kind,)


def test_all_adapter_kinds_and_notifications_have_a_doc_example() -> None:
    assert {kind for kind, _ in examples("plugin")} == {*ADAPTER_SPECS, "notifications"}


def test_the_documented_plugin_tests_pass_against_the_documented_plugin(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    (carrier_code,) = [code for kind, code in examples("plugin") if kind == "carrier"]
    ((module_name, test_code),) = examples("test")
    plugin = types.ModuleType(module_name)
    exec(compile(carrier_code, f"{DOCS}:{module_name}", "exec"), plugin.__dict__)  # noqa: S102
    monkeypatch.setitem(sys.modules, module_name, plugin)
    namespace: dict[str, object] = {}
    exec(compile(test_code, f"{DOCS}:example-test", "exec"), namespace)  # noqa: S102
    tests = {name: fn for name, fn in namespace.items() if name.startswith("test_") and callable(fn)}
    assert tests, "the documented example test defines no test functions"
    for test in tests.values():
        fixtures = {name: request.getfixturevalue(name) for name in inspect.signature(test).parameters}  # type: ignore[arg-type]
        test(**fixtures)  # type: ignore[operator]
