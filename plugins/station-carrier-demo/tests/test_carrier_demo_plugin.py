"""The plugin loads: as a module, through its real entry point, and its settings form is sound."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import station_carrier_demo.plugin as demo_plugin

from station.api import adapter_problem


def test_plugin_is_installed(make_plugin_host):
    host = make_plugin_host(("demo_carrier", demo_plugin))
    assert isinstance(host.carriers()["demo"], demo_plugin.DemoCarrier)
    assert [p.status for p in host.plugins() if p.name == "demo_carrier"] == ["enabled"]
    assert adapter_problem("carrier", demo_plugin.DemoCarrier()) is None


def test_station_lists_the_installed_entry_point(station_home):
    env = {k: v for k, v in os.environ.items() if k not in ("STATION_LOAD_PLUGINS", "STATION_DISABLE_PLUGINS")}
    result = subprocess.run(
        [sys.executable, "-m", "station", "plugins", "list", "--json"],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    demo = rows["demo_carrier"]
    assert (demo["status"], demo["kind"], demo["error"]) == ("enabled", ["carrier", "sandbox"], None)
    assert demo["version"] == "0.1.0"


def test_settings_form_has_defaults_and_a_secret_key():
    schema = demo_plugin.DemoCarrier.settings_schema
    assert schema.resolve({"base_url": "http://127.0.0.1:8765"}) == {
        "base_url": "http://127.0.0.1:8765", "account": "DEMO-001", "label_format": "zpl",
    }
    assert schema.secret_keys == ("api_key",)
    with pytest.raises(ValueError, match="'base_url' .* is required"):
        schema.resolve({})
    with pytest.raises(ValueError, match="label_format.*zpl, pdf"):
        schema.resolve({"base_url": "http://x", "label_format": "epl"})
