"""Running `station` from the shell in the CLI tests, as a user types it."""

from __future__ import annotations

import os
import subprocess
import sys


def run_station(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`station --database-url URL ARGS…` in a fresh Python; stdout and stderr captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "station", "--database-url", url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ,
    )
