"""``station plugins list [--json]``: which plugins loaded, what they provide, and why one did not.
``station plugins install FILE.whl [--find-links DIR]`` and ``station plugins remove NAME``: plugins
in the user plugins directory, for a station without pip (see docs/plugins.md)."""

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

    install = actions.add_parser(
        "install",
        help="install a plugin wheel and its pure-Python dependencies",
        description=(
            "Install a pure-Python plugin wheel into the user plugins directory, with the dependencies "
            "the station lacks, taken from wheels next to it or in --find-links. The plugin's "
            "STATION_API_VERSION must match this station. Restart the station to load it."
        ),
    )
    install.add_argument("wheel", metavar="FILE.whl", help="the plugin wheel")
    install.add_argument(
        "--find-links", metavar="DIR", action="append", default=[], help="a folder with dependency wheels"
    )
    install.set_defaults(handler=install_plugin)

    removing = actions.add_parser(
        "remove",
        help="remove an installed plugin",
        description="Remove a plugin installed with `station plugins install`, and the dependencies only it needed.",
    )
    removing.add_argument("name", metavar="NAME", help="the distribution or plugin name")
    removing.set_defaults(handler=remove_plugin)


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


def install_plugin(args: argparse.Namespace) -> int:
    from station.plugin_store import user_plugins_dir
    from station.services.plugin_install import PluginInstallError, install_wheel

    try:
        added = install_wheel(args.wheel, find_links=args.find_links)
    except (PluginInstallError, ValueError, OSError) as exc:
        sys.stderr.write(f"station plugins install: {exc}\nNothing was installed.\n")
        return 1
    for item in added:
        role = f"plugin {', '.join(item.plugins)}" if item.plugins else "dependency"
        sys.stdout.write(f"installed {item.name} {item.version} ({role})\n")
    sys.stdout.write(f"into {user_plugins_dir()}; restart the station to load it.\n")
    return 0


def remove_plugin(args: argparse.Namespace) -> int:
    from station.services.plugin_install import PluginInstallError, remove

    try:
        removed = remove(args.name)
    except (PluginInstallError, OSError) as exc:
        sys.stderr.write(f"station plugins remove: {exc}\n")
        return 1
    for name in removed:
        sys.stdout.write(f"removed {name}\n")
    sys.stdout.write("Restart the station to unload it.\n")
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
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in lines
    )
    if not cells:
        text += "\n(no plugins)"
    return text + "\n"
