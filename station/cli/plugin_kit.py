"""``station plugin new NAME --kind carrier|payment|marketplace [--dir DIR]``: start a plugin package.

The package (``station-<kind>-<name>``) has an adapter with every hook of its kind, a sandbox on
loopback, a README and contract tests that pass straight away; docs/plugins.md is the guide.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from station.plugin_kit import KINDS, PluginKitError, plugin_names, render_plugin


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "plugin",
        help="start a new plugin package (see `station plugins` for installed ones)",
        description="Tools for plugin authors.",
    )
    actions = parser.add_subparsers(dest="plugin_action", metavar="ACTION", required=True)
    new = actions.add_parser(
        "new",
        help="generate a plugin package whose tests pass straight away",
        description=(
            "Generate the package station-KIND-NAME: pyproject with the entry point, an adapter "
            "implementing every hook of KIND against a local sandbox, a README and contract tests. "
            "Then: cd into it, `pip install -e .`, `pytest`. Guide: docs/plugins.md."
        ),
    )
    new.add_argument("name", help="short lowercase name, e.g. 'acme' or 'fast-courier' (the adapter's name)")
    new.add_argument("--kind", required=True, choices=tuple(KINDS), help="what the plugin provides")
    new.add_argument("--dir", type=Path, default=Path.cwd(), help="where to create the package (default: here)")
    new.set_defaults(handler=new_plugin)


def new_plugin(args: argparse.Namespace) -> int:
    try:
        target = render_plugin(args.name, args.kind, args.dir)
    except PluginKitError as exc:
        print(f"station plugin new: {exc}", file=sys.stderr)
        return 2
    names = plugin_names(args.name, args.kind)
    print(f"Created {target} ({names.distribution}, entry point {names.entry_point!r}).")
    print("Next:")
    print(f"  cd {target}")
    print("  pip install -e .        # into the station's environment")
    print("  pytest                  # the contract tests, against the sandbox")
    print(f"  station plugins list    # {names.entry_point} is listed as enabled")
    return 0
