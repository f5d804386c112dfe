"""A PostgreSQL password never sits in settings.json: it goes to a pgpass
file of the desk's own (in the user data folder, owner-only), which libpq
reads when it connects, and settings.json keeps the URL without it.

Why a pgpass file and not the OS keyring: it needs no extra package or
desktop service (a locked-down Windows desk, a Linux box without a secret
service), it is PostgreSQL's own mechanism, and `psql`, `pg_dump` and
`pg_restore` read the same file (PGPASSFILE), so the office's backups use
it too. Its format: one `host:port:database:user:password` line per server."""

from __future__ import annotations

import os
from pathlib import Path

from .paths import data_dir

FILE_NAME = "pgpass.conf"


def pgpass_path() -> Path:
    return data_dir() / FILE_NAME


def _is_postgresql(url) -> bool:
    return url.get_backend_name() == "postgresql"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _key(url) -> str:
    return ":".join(_escape(str(part)) for part in (url.host or "localhost", url.port or 5432, url.database or "*",
                                                   url.username or "*"))


def remember(url_text: str) -> str:
    """Keep a PostgreSQL URL's password in the pgpass file and give back the
    URL without it (any other URL comes back as it was)."""
    from sqlalchemy.engine import URL, make_url  # here, so reading settings does not load SQLAlchemy

    try:
        url = make_url(url_text)
    except Exception:  # not a URL SQLAlchemy reads: nothing to take out
        return url_text
    if not _is_postgresql(url) or url.password is None:
        return url_text
    key = _key(url)
    path = pgpass_path()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [line for line in lines if not line.startswith(key + ":")]
    lines.append(f"{key}:{_escape(str(url.password))}")
    tmp = path.with_suffix(".tmp")
    # libpq ignores a pgpass file others can read (on Unix): owner-only from the start.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    tmp.replace(path)
    # (URL.set() ignores None, so the URL is made again without the password.)
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)
    return bare.render_as_string(hide_password=False)


def connect_args(url) -> dict:
    """libpq's `passfile` for a PostgreSQL URL without a password, when the
    desk has kept one (PGPASSFILE, if set, still wins)."""
    if not _is_postgresql(url) or url.password is not None or os.environ.get("PGPASSFILE"):
        return {}
    path = pgpass_path()
    return {"passfile": str(path)} if path.exists() else {}
