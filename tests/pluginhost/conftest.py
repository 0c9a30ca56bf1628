"""Fixtures for plugin-loading tests: a fake site-packages with installable example plugins."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from plugin_dists import BROKEN_MODULE, GOOD_CARRIER_MODULE, FakeSite


@pytest.fixture
def fake_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSite]:
    """A fake site-packages on ``sys.path`` for in-process entry-point discovery."""
    site = FakeSite(tmp_path / "site")
    site.path.mkdir()
    monkeypatch.syspath_prepend(str(site.path))
    before = set(sys.modules)
    yield site
    for name in set(sys.modules) - before:  # forget the fake plugin modules
        if getattr(sys.modules[name], "__file__", "") and str(site.path) in str(sys.modules[name].__file__):
            del sys.modules[name]


@pytest.fixture
def plugin_sources() -> dict[str, str]:
    """Module sources of example plugins: ``broken`` raises on import, ``drone`` is a good carrier."""
    return {"broken": BROKEN_MODULE, "drone": GOOD_CARRIER_MODULE}
