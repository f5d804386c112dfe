"""Create or upgrade the schema in place with Alembic.

Every start and every desk-admin call asks "is the schema current?"; that
question is answered without importing Alembic (about half a second of a
desk-admin call): the current revision is one row of alembic_version, the
head is read from the migration files' `revision` / `down_revision` lines.
Alembic itself is loaded only when there is something to upgrade."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ..paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(?:['\"]([^'\"]*)['\"]|None)", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    # An absolute location, so it works from a frozen bundle as well.
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


@lru_cache(maxsize=None)
def head_revision() -> str:
    """The newest migration: the one revision no other names as its
    down_revision. Alembic decides when the files do not say it plainly
    (a merge point, a tuple of down revisions)."""
    revisions, parents = set(), set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return _alembic_head()
        revisions.add(revision.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else _alembic_head()


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:  # several heads: let Alembic say what is wrong
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return rows[0] if rows else None


# Any fixed number: the PostgreSQL advisory lock that lets one process
# migrate a database while the others wait.
MIGRATION_LOCK = 0x4844_4D49  # "HDMI"


class NewerSchema(Exception):
    """The database was upgraded by a newer Harmony Desk."""

    def __init__(self, revision: str):
        super().__init__(revision)
        self.revision = revision


def check_not_newer(current: str | None) -> None:
    if current is not None and current != head_revision() and current not in known_revisions():
        raise NewerSchema(current)


def _revision_on(conn) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else (None if not rows else "|".join(sorted(rows)))


def upgrade(engine: Engine, before: Callable[[str | None], None] | None = None) -> str:
    """Bring the schema to the head, one process at a time: the upgrade runs
    in a transaction that holds the database's write lock (SQLite BEGIN
    IMMEDIATE; PostgreSQL an advisory lock), so a second process opening an
    old database waits, then finds it current and does nothing. A schema
    newer than this program knows is refused (NewerSchema) before anything
    changes. `before(current)` runs under the lock just before an upgrade
    that will change something (the copy made aside)."""
    from sqlalchemy import text

    with engine.execution_options(write=True).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        current = _revision_on(conn)
        if current == head_revision():
            return current
        check_not_newer(current)
        if before is not None:
            before(current)
        from alembic import command

        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return head_revision()
