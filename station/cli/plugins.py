"""``station plugins list [--json]``: which plugins loaded, what they provide, and why one did not."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "plugins",
        help="list installed plugins and their status",
        description="Inspect station plugins (built-ins and installed packages).",
    )
    actions = parser.add_subparsers(dest="plugins_action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list",
        help="show every plugin with its version, kind, hooks, status and error",
        description=(
            "Show every plugin the station found. A plugin that failed or was disabled is listed "
            "with the reason. Environment: STATION_LOAD_PLUGINS, STATION_DISABLE_PLUGINS."
        ),
    )
    listing.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    listing.set_defaults(handler=list_plugins)


def list_plugins(args: argparse.Namespace) -> int:
    # Imported here: building the CLI parser must stay cheap and must not load plugins.
    from station.pluginhost import PluginHost

    with PluginHost() as host:
        rows = [info.as_dict() for info in host.plugins()]
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(rows))
    return 0


def format_table(rows: list[dict[str, Any]]) -> str:
    """A plain-text table; the error column comes last and is never cut short."""
    headers = ("name", "version", "kind", "hooks", "status", "error")
    cells = [
        [
            str(row["name"]),
            str(row["version"]),
            ", ".join(row["kind"]) or "-",
            ", ".join(hook.removeprefix("station_") for hook in row["hooks"]) or "-",
            str(row["status"]),
            row["error"] or "",
        ]
        for row in rows
    ]
    widths = [max([len(h), *(len(c[i]) for c in cells)]) for i, h in enumerate(headers)]
    lines = [headers, tuple("-" * w for w in widths), *cells]
    text = "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )
    if not cells:
        text += "\n(no plugins)"
    return text + "\n"
