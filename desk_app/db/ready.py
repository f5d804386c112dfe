"""Is a desk's SQLite database ready to sign in to? Asked with Python's own
sqlite3, read-only, so the desk can show its sign-in window before
SQLAlchemy (half a second of a cold start) has loaded; the full check
follows on the worker. Anything unusual answers None: the desk then takes
the ordinary path (full probe, setup or upgrade)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from . import migrate

PREFIX = "sqlite:///"


def ready_program(url: str) -> str | None:
    """The program code of a SQLite database whose schema is current and
    which has a clerk; None when that cannot be told this way."""
    if not url.startswith(PREFIX):
        return None
    path = url[len(PREFIX):].split("?", 1)[0]
    if path in ("", ":memory:") or not Path(path).is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True, timeout=2)
        try:
            revisions = con.execute("SELECT version_num FROM alembic_version").fetchall()
            program = con.execute("SELECT value FROM installation WHERE key = 'program'").fetchone()
            clerks = con.execute("SELECT count(*) FROM clerks").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return None
    if revisions != [(migrate.head_revision(),)] or program is None or not clerks:
        return None
    return program[0]
