"""The domain package: pure standard library, one import for every public name."""

from __future__ import annotations

import subprocess
import sys

import station.domain as domain
from station.domain import DomainError

PROBE = """
import sys
before = set(sys.modules)
import station.domain
loaded = set(sys.modules) - before
outside = sorted(
    name for name in loaded
    if name.split(".")[0] not in sys.stdlib_module_names
    and not (name.startswith("station.domain") or name == "station")
)
print("\\n".join(outside))
"""


def test_importing_the_domain_loads_only_the_standard_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == []


def test_every_public_name_is_reexported() -> None:
    for name in domain.__all__:
        assert getattr(domain, name) is not None, name
    for name in ("parse_rut", "format_money", "parse_location", "transition", "check_weight"):
        assert name in domain.__all__


def test_every_domain_error_is_a_domain_error() -> None:
    errors = [
        obj
        for name in domain.__all__
        if isinstance(obj := getattr(domain, name), type) and issubclass(obj, Exception)
    ]
    assert len(errors) >= 12
    assert all(issubclass(error, DomainError) for error in errors)


def test_docstring_examples_hold() -> None:
    import doctest
    import importlib

    for module in ("rut", "money", "locations", "weights"):
        result = doctest.testmod(importlib.import_module(f"station.domain.{module}"))
        assert result.failed == 0, module
        assert result.attempted > 0, module
