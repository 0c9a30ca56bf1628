"""Logging: a rotating file under the user log directory, plus warnings on stderr."""

from __future__ import annotations

import logging
import logging.handlers

from station.config import station_paths

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO) -> None:
    paths = station_paths().ensure()
    root = logging.getLogger()
    if any(getattr(handler, "_station", False) for handler in root.handlers):
        return
    file_handler = logging.handlers.RotatingFileHandler(
        paths.log_dir / "station.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    file_handler._station = True  # type: ignore[attr-defined]
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    console._station = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.addHandler(console)
    root.setLevel(level)
