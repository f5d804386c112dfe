"""Typed settings for this desk: database URL, property, terminal, idle
lock. Kept in one JSON file in the user data directory and read in one
place (no scattered QSettings calls). Environment variables win, so
scripts and CI can point a desk elsewhere."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from . import pgpass
from .paths import data_dir, default_database_url

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    database_url: str = ""
    property_code: str = ""
    terminal: str = ""
    language: str = "en"
    idle_lock_minutes: int = 10
    name_order: str = "family_first"
    # The main window's place per screen ("1366x768@150": [x, y, width, height]).
    window_geometry: dict = field(default_factory=dict)

    @property
    def effective_database_url(self) -> str:
        return os.environ.get("DESK_APP_DB") or self.database_url or default_database_url(create=False)

    @property
    def effective_terminal(self) -> str:
        return self.terminal or socket.gethostname()[:64] or "desk"


def settings_path(directory: Path | None = None) -> Path:
    # Reading the settings creates no folder: a desk cancelled at its first
    # start leaves nothing behind.
    return (directory or data_dir(create=False)) / SETTINGS_FILE


def load(directory: Path | None = None) -> Settings:
    path = settings_path(directory)
    data = {}
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}  # a damaged settings file falls back to defaults
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in data.items() if k in known})
    if settings.database_url and pgpass.remember(settings.database_url) != settings.database_url:
        save(settings, directory)  # a file from before: its password moves to the pgpass file now
    if os.environ.get("DESK_APP_PROPERTY"):
        settings.property_code = os.environ["DESK_APP_PROPERTY"]
    return settings


def save(settings: Settings, directory: Path | None = None) -> None:
    """Never with a PostgreSQL password: that goes to the desk's pgpass file
    (desk_app.pgpass), the URL here keeps the rest."""
    path = settings_path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    settings.database_url = pgpass.remember(settings.database_url) if settings.database_url else ""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    tmp.replace(path)


def save_window_geometry(key: str, place: list[int], directory: Path | None = None) -> None:
    """Only the main window's place on one screen changes in the file; the
    rest stays as it is there (not as an older copy in memory has it)."""
    path = settings_path(directory)
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    geometry = data.get("window_geometry") if isinstance(data.get("window_geometry"), dict) else {}
    data["window_geometry"] = {**geometry, key: place}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    tmp.replace(path)
