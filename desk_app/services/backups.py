"""Backups of the embedded SQLite database, and restoring one.

A backup is made with SQLite's online backup API (a consistent copy while
desks keep working), written as one self-contained file, and checked
before it counts: SQLite's integrity check, then the ledger's hash chain
and invariants (services.audit). A restore takes a file only when a
staged copy of it passes the same checks (after bringing an older schema
up to date), saves the current database aside, then copies the backup
into the live file, again with the backup API, so a desk that has the
database open simply sees the restored data on its next action.

Automatic backups: at the first start of each business day (the desk and
desk-admin), one copy per business date in the user data folder's
backups/, the last 14 kept.

PostgreSQL is backed up with pg_dump and pg_restore (README): here both
are refused `not_supported`.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from .. import card_keys
from ..db import migrate
from ..db.schema import BusinessDay, Setting
from ..domain import errors
from ..paths import data_dir
from . import audit, business_date
from .context import Desk
from .database import Database

AUTO_KEEP = 14
BUSY_TIMEOUT_S = 15
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    entries: int
    head: str


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    saved_previous_as: Path
    entries: int
    head: str


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _live(db: Database) -> Path:
    path = db.sqlite_path()
    if path is None:
        raise errors.NotSupported(
            "Backups here are for the embedded SQLite database. Back up a PostgreSQL database on its "
            "server with pg_dump, and restore it with pg_restore (see the README).")
    return path.resolve()


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        p.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":  # Windows cannot open a folder for fsync; NTFS logs the rename itself
        _fsync(path)


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of `source` as one file (no -wal beside it)."""
    src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    _fsync(target)


def _read_only(path: Path):
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))


def _integrity(path: Path, quick: bool = False) -> None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise errors.InvalidBackup(f"The file is not a readable SQLite database ({exc}).") from None
    if rows != [("ok",)]:
        raise errors.InvalidBackup("The file fails SQLite's integrity check: " + "; ".join(
            str(r[0]) for r in rows[:3]))


def _revision(path: Path) -> str | None:
    engine = _read_only(path)
    try:
        return migrate.current_revision(engine)
    except Exception:  # noqa: BLE001 - no alembic table, not our database
        return None
    finally:
        engine.dispose()


def verify_file(path: Path) -> audit.LedgerReport:
    """Integrity, then chain and invariants of a database file at the
    current schema, opened read-only (nothing is written to it)."""
    _integrity(path)
    engine = _read_only(path)
    try:
        with Session(engine) as s, s.begin():
            return audit.check_session(s)
    finally:
        engine.dispose()


def _installation(path: Path) -> str | None:
    engine = _read_only(path)
    try:
        with Session(engine) as s:
            return s.scalar(select(Setting.value).where(Setting.key == "installation_id"))
    except Exception:  # noqa: BLE001 - an unreadable current database names no installation
        return None
    finally:
        engine.dispose()


# -- backup ---------------------------------------------------------------------
def backup(db: Database, desk: Desk, out: str | Path) -> BackupResult:
    """Supervisor: a checked copy of the database at `out` (replaced if it
    exists). Nothing is left at `out` unless the copy passed its checks."""
    desk.require("backup")
    live = _live(db)
    out = Path(out).expanduser()
    if out.is_dir():
        raise errors.OutputNotWritable(f"{out} is a folder: name the backup file.")
    target = out.resolve()
    if target in (live, Path(f"{live}-wal"), Path(f"{live}-shm")):
        raise errors.OutputNotWritable("A backup cannot be written over the database itself.")
    if not target.parent.is_dir():
        raise errors.OutputNotWritable(f"The folder {target.parent} does not exist.")
    partial = target.with_name(f".{target.name}.{_stamp()}.partial")
    try:
        try:
            _copy(live, partial)
        except (OSError, sqlite3.OperationalError) as exc:
            raise errors.OutputNotWritable(f"The backup cannot be written to {target} ({exc}).") from None
        report = verify_file(partial)
        try:
            os.replace(partial, target)
        except OSError as exc:
            raise errors.OutputNotWritable(f"The backup cannot be written to {target} ({exc}).") from None
        _fsync_dir(target.parent)
    finally:
        _remove(partial)
    log.info("backup of %s to %s: %s entries, head %s", live, target, report.entries, report.head)
    return BackupResult(target, report.entries, report.head)


def daily(db: Database) -> Path | None:
    """At the first start of a business day: a copy named after the latest
    business date of the database's hotels, unless one exists; the last
    AUTO_KEEP kept. Never stops the start: a failure is logged."""
    try:
        live = db.sqlite_path()
        if live is None:
            return None
        day = business_date.latest(db)
        prefix = f"auto-{db.installation_id()[:8]}-"
        folder = backups_dir()
        target = folder / f"{prefix}{day.isoformat()}.sqlite3"
        if target.exists():
            return None
        partial = folder / f".{target.name}.{_stamp()}.partial"
        try:
            _copy(live.resolve(), partial)
            _integrity(partial, quick=True)
            os.replace(partial, target)
            _fsync_dir(folder)
        finally:
            _remove(partial)
        for old in sorted(folder.glob(f"{prefix}*.sqlite3"))[:-AUTO_KEEP]:
            old.unlink(missing_ok=True)
        log.info("daily backup of %s to %s", live, target)
        return target
    except Exception:  # noqa: BLE001 - a desk must open even when its backup cannot be made
        log.exception("the daily backup could not be made")
        return None


# -- restore --------------------------------------------------------------------
def _stage(source: Path, staging: Path, installation: str | None) -> audit.LedgerReport:
    """Copy the backup, bring an older schema up to date, check it all."""
    try:
        _copy(source, staging)
    except sqlite3.DatabaseError as exc:
        raise errors.InvalidBackup(f"The file cannot be read as a database ({exc}).") from None
    _integrity(staging)
    revision = _revision(staging)
    if revision is None or revision not in migrate.known_revisions():
        raise errors.InvalidBackup("The file is not a Harmony Desk database of this version or an older one.")
    if revision != migrate.head_revision():
        _claim_older_backup(staging, installation)
        staged = Database(f"sqlite:///{staging.as_posix()}")
        try:
            staged.initialize(copy_aside=False)
        except Exception as exc:  # noqa: BLE001 - a backup the upgrade cannot take is refused
            detail = exc.message if isinstance(exc, errors.DeskError) else type(exc).__name__
            raise errors.InvalidBackup(f"The backup cannot be brought up to date ({detail}).") from None
        finally:
            staged.dispose()
    try:
        return verify_file(staging)
    except (errors.LedgerTampered, errors.LedgerInconsistent) as exc:
        raise errors.InvalidBackup(f"The backup fails its ledger check: {exc.message}") from None


def restore(db: Database, desk: Desk, source: str | Path) -> RestoreResult:
    """Supervisor: replace the database with a checked backup; the current
    database is saved aside first. A file that fails its checks is refused
    invalid_backup and nothing changes. The hotels' business dates never
    go back: each keeps the later of the current and the restored one."""
    desk.require("restore")
    live = _live(db)
    source = Path(source).expanduser()
    if not source.is_file():
        raise errors.InvalidBackup(f"There is no backup file at {source}.")
    if source.resolve() == live:
        raise errors.InvalidBackup("That file is the database itself.")
    current_installation = _installation(live)
    staging = live.with_name(f"{live.stem}.restoring-{_stamp()}{live.suffix}")
    try:
        report = _stage(source, staging, current_installation)
        restored_installation = _installation(staging)
        if current_installation and restored_installation != current_installation:
            raise errors.InvalidBackup("This backup belongs to another database (another installation).")
        days = _business_dates(live)
        _carry_business_dates(staging, days)
        db.dispose()
        saved = live.with_name(f"{live.stem}.before-restore.{_stamp()}{live.suffix}")
        _copy(live, saved)
        src = sqlite3.connect(staging)
        try:
            dst = sqlite3.connect(live, timeout=BUSY_TIMEOUT_S)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    finally:
        _remove(staging)
    db.forget_card_keys()
    log.info("restored %s from %s; the previous database is kept as %s", live, source, saved)
    return RestoreResult(source.resolve(), saved, report.entries, report.head)


def _claim_older_backup(staging: Path, installation: str | None) -> None:
    """A backup from before installation ids holds the card secret it had
    then. When that is this database's HD1 key, the backup is this
    database's: it takes this installation id, so the upgrade keeps the
    card keys in use instead of starting new ones."""
    if installation is None:
        return
    conn = sqlite3.connect(staging)
    try:
        rows = dict(conn.execute("SELECT key, value FROM installation WHERE key IN "
                                 "('card_secret', 'installation_id')").fetchall())
        if "installation_id" in rows or "card_secret" not in rows:
            return
        try:
            legacy = card_keys.load(installation).legacy
            if legacy is None or legacy != bytes.fromhex(rows["card_secret"]):
                return
        except (errors.DeskError, ValueError):
            return
        conn.execute("INSERT INTO installation (key, value) VALUES ('installation_id', ?)", (installation,))
        conn.commit()
    finally:
        conn.close()


def _business_dates(path: Path) -> dict[str, object]:
    engine = _read_only(path)
    try:
        with Session(engine) as s:
            return dict(s.execute(select(BusinessDay.property_code, BusinessDay.business_date)).all())
    except Exception:  # noqa: BLE001 - an unreadable current database has none to keep
        return {}
    finally:
        engine.dispose()


def _carry_business_dates(staging: Path, days: dict) -> None:
    if not days:
        return
    conn = sqlite3.connect(staging)
    try:
        for code, day in days.items():
            conn.execute("UPDATE business_dates SET business_date = ? WHERE property_code = ? "
                         "AND business_date < ?", (day.isoformat(), code, day.isoformat()))
        conn.commit()
    finally:
        conn.close()
