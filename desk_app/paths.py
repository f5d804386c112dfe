"""Where resources and data live, frozen (PyInstaller) or not."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

from . import APP_NAME, ORG


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def programs_dir() -> Path:
    return resources_dir() / "programs"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "db" / "migrations"


def data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_NAME, ORG))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'harmony_desk.sqlite3').as_posix()}"
