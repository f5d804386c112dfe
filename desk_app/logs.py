"""Logging to a rotating file in the user log directory, never beside the
program: an installed desk has no console, and support needs the trail."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from . import paths


def log_dir() -> Path:
    path = paths.log_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def setup_logging(name: str, level: int = logging.INFO) -> Path:
    path = log_dir() / f"{name}.log"
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(level)
    return path
