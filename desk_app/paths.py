"""Where resources and data live, frozen (PyInstaller) or not.

The desk's data folder (its SQLite database, settings and the copies made
before a schema upgrade) is

1. on a PC whose desks share one database, the folder named by the
   installer in `harmony_desk.ini` beside the executables
   (`[data] mode = shared`, `folder = C:\\ProgramData\\Harmony Desk`);
2. otherwise the Windows user's own data folder: `%LOCALAPPDATA%\\Harmony
   Desk` on Windows, `~/.local/share/Harmony Desk` on Linux,
   `~/Library/Application Support/Harmony Desk` on macOS.

Logs and the translation cache always stay with the user."""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

import platformdirs

from . import APP_NAME, ORG

MACHINE_CONFIG = "harmony_desk.ini"
DATABASE_FILE = "harmony_desk.sqlite3"


class DataLocationError(RuntimeError):
    """The installer's harmony_desk.ini says "shared" but names no usable folder."""


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def programs_dir() -> Path:
    return resources_dir() / "programs"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "db" / "migrations"


def install_dir() -> Path | None:
    """The folder of the frozen executables (what the installer calls {app});
    None when the desk runs from a checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def machine_config_file() -> Path | None:
    folder = install_dir()
    return folder / MACHINE_CONFIG if folder is not None else None


def shared_data_dir() -> Path | None:
    """The folder every Windows user of this PC shares, when the installer
    was told so; None for a per-user desk."""
    path = machine_config_file()
    if path is None or not path.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8-sig")
    except (OSError, UnicodeError, configparser.Error) as exc:
        raise DataLocationError(f"{path} cannot be read: {exc}") from exc
    if parser.get("data", "mode", fallback="per_user").strip().lower() != "shared":
        return None
    folder = os.path.expandvars(parser.get("data", "folder", fallback="").strip())
    # A relative folder would depend on the working directory of whoever starts the desk.
    if not folder or not Path(folder).is_absolute():
        raise DataLocationError(f"{path} says the desks share one database but names no folder for it "
                                f"([data] folder = {folder!r}).")
    return Path(folder)


def user_data_dir() -> Path:
    """The user's own data folder, without the author level that doubled it
    on Windows; a folder an earlier version made at the doubled path
    (%LOCALAPPDATA%\\Harmony Desk\\Harmony Desk) stays in use."""
    plain = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    doubled = Path(platformdirs.user_data_dir(APP_NAME, ORG))
    if doubled != plain and _holds_desk_data(doubled) and not _holds_desk_data(plain):
        return doubled
    return plain


def _holds_desk_data(folder: Path) -> bool:
    return (folder / DATABASE_FILE).is_file() or (folder / "settings.json").is_file()


def data_dir(create: bool = True) -> Path:
    path = shared_data_dir() or user_data_dir()
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_database_path(create: bool = True) -> Path:
    return data_dir(create) / DATABASE_FILE


def default_database_url(create: bool = True) -> str:
    return f"sqlite:///{default_database_path(create).as_posix()}"
