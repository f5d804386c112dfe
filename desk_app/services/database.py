"""The database handle: engine, program, the installation's card keys, and
units of work (one transaction per user action)."""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from contextlib import contextmanager
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import card_keys
from ..db import chain as _chain  # noqa: F401 - seals the entries each transaction writes
from ..db import migrate
from ..db.engine import make_engine
from ..db.schema import PropertyRow, Setting
from ..domain import errors
from ..domain.program import Program, load_program_file
from ..paths import programs_dir

PROGRAMS = ("one_harmony", "omo")
UPGRADE_COPIES_KEPT = 5
log = logging.getLogger(__name__)


def load_program(code: str) -> Program:
    if code not in PROGRAMS:
        raise errors.DeskError(f"Unknown program '{code}'.", "unknown_program")
    return load_program_file(programs_dir() / f"{code}.json")


class Database:
    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self._writer = self.engine.execution_options(write=True)
        # PostgreSQL reads without BEGIN and ROLLBACK (two round trips of a
        # lookup's five or six): at READ COMMITTED, the server's default,
        # each statement takes its own snapshot whether or not a transaction
        # is open around it, so a read sees exactly what it saw inside one.
        # A server set to a stricter default keeps its transactions, and
        # SQLite keeps its BEGIN (there a read transaction is one snapshot).
        self._autocommit_reader = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._batch: Session | None = None
        self.last_backup: Path | None = None

    # -- schema -------------------------------------------------------------
    def is_initialized(self) -> bool:
        path = self.sqlite_path()
        if path is not None and not path.is_file():
            return False  # asking must not leave an empty file behind: only initialize() creates one
        return inspect(self.engine).has_table("installation")

    def initialize(self, program_code: str | None = None, business_date: date | None = None,
                   copy_aside: bool = True) -> tuple[Program, str]:
        """Create or upgrade the schema (idempotent); a database runs one program.
        An existing SQLite file is copied aside before its schema changes.
        A new database gets its installation id and card key (in the key
        file, see card_keys.py), and its hotels' business dates start on
        `business_date` (default today)."""
        from . import business_date as business_dates

        path = self.sqlite_path()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        upgraded = []

        def copy_aside_first(current: str | None) -> None:
            # Under the migration lock, once it is sure there is an upgrade
            # to make (not for a newer schema, not for a second process).
            upgraded.append(current)
            if copy_aside and current is not None:
                self.last_backup = self.backup(f"before-{migrate.head_revision()}")
                prune_upgrade_copies(path)

        self.refuse_newer_schema()
        try:
            version = migrate.upgrade(self.engine, before=copy_aside_first)
        except migrate.NewerSchema as exc:
            raise _newer(exc.revision) from None
        if upgraded:
            # A later migration that rebuilt the members table (SQLite's
            # batch mode) took its search triggers with it: put them back.
            from ..db import search_index

            with self.engine.begin() as conn:
                search_index.install(conn)
            self._truncate_wal()
        with self.write() as s:
            if s.get_bind().dialect.name == "postgresql":
                # The same lock as the upgrade: two processes opening an old
                # database do not both give it an installation id.
                s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": migrate.MIGRATION_LOCK})
            current = s.get(Setting, "program")
            start = None
            if current is None:
                start = business_dates.validate_start(business_date) if business_date else None
                code = program_code or "one_harmony"
                s.add(Setting(key="program", value=code))
                installation = card_keys.new_installation_id()
                s.add(Setting(key="installation_id", value=installation))
                if card_keys.from_environment() is None:
                    card_keys.create(installation)
            else:
                code = current.value
                if program_code and program_code != code:
                    raise errors.ProgramMismatch(
                        f"This database runs {code}; it cannot be switched to {program_code}."
                    )
                if s.get(Setting, "installation_id") is None:  # an older database that had no card secret
                    installation = card_keys.new_installation_id()
                    s.add(Setting(key="installation_id", value=installation))
                    if card_keys.from_environment() is None:
                        card_keys.create(installation)
            program = load_program(code)
            for prop in program.properties:
                row = s.get(PropertyRow, prop.code) or PropertyRow(code=prop.code)
                row.name, row.country, row.currency = prop.name, prop.country, prop.currency
                s.add(row)
            s.flush()
            business_dates.start_missing(s, [p.code for p in program.properties], start)
        self.__dict__.pop("program", None)
        self.__dict__.pop("card_keys", None)
        return self.program, version

    def _truncate_wal(self) -> None:
        """After an upgrade, empty the write-ahead log: pages it held (such as
        the card secret an older schema kept) leave the disk with it."""
        path = self.sqlite_path()
        if path is None:
            return
        conn = sqlite3.connect(path, timeout=15)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()

    def sqlite_path(self) -> Path | None:
        if self.engine.dialect.name != "sqlite" or self.engine.url.database in (None, "", ":memory:"):
            return None
        return Path(self.engine.url.database)

    def backup(self, label: str) -> Path | None:
        """A consistent copy of the SQLite file (the online backup API, so a
        WAL in use is included). A PostgreSQL server is backed up by its DBA."""
        source = self.sqlite_path()
        if source is None:
            log.info("schema upgrade on %s: no file to back up", self.engine.dialect.name)
            return None
        target = source.with_name(f"{source.stem}.{label}.{datetime.now():%Y%m%d-%H%M%S}{source.suffix}")
        src, dst = sqlite3.connect(source), sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        log.info("backed up %s to %s", source, target)
        return target

    def refuse_newer_schema(self) -> None:
        """Refused `newer_schema` (before any sign-in, copy or change) when a
        newer Harmony Desk upgraded this database."""
        try:
            migrate.check_not_newer(migrate.current_revision(self.engine))
        except migrate.NewerSchema as exc:
            raise _newer(exc.revision) from None

    def ensure_ready(self) -> None:
        """Refuse an empty database; bring an older schema up to date in place."""
        if not self.is_initialized():
            raise errors.NotInitialized("The database is not set up yet: run 'desk-admin init' first.")
        if migrate.current_revision(self.engine) != migrate.head_revision():
            self.initialize()

    @cached_property
    def program(self) -> Program:
        with self.read() as s:
            code = s.scalar(select(Setting.value).where(Setting.key == "program"))
        if code is None:
            raise errors.NotInitialized("The database is not set up yet: run 'desk-admin init' first.")
        return load_program(code)

    def installation_id(self) -> str:
        with self.read() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == "installation_id"))
        if value is None:
            raise errors.NotInitialized("The database is not set up yet: run 'desk-admin init' first.")
        return value

    @cached_property
    def card_keys(self) -> card_keys.CardKeys:
        """Refused card_key_missing when this desk has no key for the database."""
        return card_keys.load(self.installation_id())

    def forget_card_keys(self) -> None:
        self.__dict__.pop("card_keys", None)

    def schema_version(self) -> str | None:
        return migrate.current_revision(self.engine)

    # -- units of work ------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that may spend: BEGIN IMMEDIATE on SQLite; callers
        lock member rows FOR UPDATE on PostgreSQL. Commits on success only."""
        if self._batch is not None:
            with self._batch.begin_nested():
                yield self._batch
            return
        try:
            with Session(self._writer, expire_on_commit=False) as session:
                with session.begin():
                    yield session
        except IntegrityError as exc:
            raise _refusal_for(exc) from exc

    @contextmanager
    def read(self, *, transaction: bool = False) -> Iterator[Session]:
        """A read; on PostgreSQL without BEGIN unless `transaction` (a
        server-side cursor, as yield_per streams with, needs one)."""
        if self._batch is not None:
            yield self._batch
            return
        with Session(self.engine if transaction else self._reader()) as session:
            with session.begin():
                yield session

    def _reader(self):
        dialect = self.engine.dialect
        if dialect.name == "postgresql" and getattr(dialect, "default_isolation_level", None) == "READ COMMITTED":
            return self._autocommit_reader  # known once the first connection has been made
        return self.engine

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run many service calls in one transaction (bulk demo data, imports):
        each call becomes a savepoint, so a refused call still changes nothing."""
        with Session(self._writer, expire_on_commit=False) as session:
            with session.begin():
                self._batch = session
                try:
                    yield
                finally:
                    self._batch = None

    def dispose(self) -> None:
        self.engine.dispose()


def prune_upgrade_copies(source: Path | None, keep: int = UPGRADE_COPIES_KEPT) -> list[Path]:
    """Keep the newest `keep` copies made before schema upgrades
    (harmony_desk.before-<revision>.<timestamp>.sqlite3) beside the database;
    every upgrade adds one, and a desk PC's disk is not an archive."""
    if source is None:
        return []
    copies = sorted(source.parent.glob(f"{source.stem}.before-*{source.suffix}"),
                    key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    removed = []
    for old in copies[keep:]:
        try:
            old.unlink()
            removed.append(old)
        except OSError as exc:  # a copy someone has open stays until the next upgrade
            log.warning("could not remove the old pre-upgrade copy %s: %s", old, exc)
    return removed


# -- many desks: transient conflicts are retried --------------------------
RETRIES = 6
# PostgreSQL: serialization failure, deadlock detected, lock not available.
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
T = TypeVar("T")


def is_transient(exc: BaseException) -> bool:
    """A conflict between writers that a second try resolves: nothing of the
    failed transaction was kept."""
    from sqlalchemy.exc import DBAPIError

    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    state = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
    if state in TRANSIENT_SQLSTATES:
        return True
    text_ = str(orig).lower()
    return "database is locked" in text_ or "database table is locked" in text_ or "database is busy" in text_


def retrying(work: Callable[[], T], *, attempts: int = RETRIES, sleep: Callable[[float], None] = time.sleep) -> T:
    """Run `work` (one or more whole transactions that can run again) and
    run it again after a deadlock, a serialization failure or SQLite's
    "database is locked", with a growing random pause; after `attempts`
    tries the desk is told the database is busy (`database_busy`, nothing
    changed), never an internal error."""
    for attempt in range(attempts):
        try:
            return work()
        except Exception as exc:  # noqa: BLE001 - only transient conflicts are retried
            if not is_transient(exc):
                raise
            log.info("transient conflict (%s), try %d of %d", type(getattr(exc, "orig", exc)).__name__,
                     attempt + 1, attempts)
            if attempt == attempts - 1:
                raise errors.DatabaseBusy("The database is busy with other desks' work; nothing was changed. "
                                          "Try again in a moment.") from None
            sleep(min(1.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


def _newer(revision: str) -> errors.DeskError:
    return errors.NewerSchema(
        f"This database has schema {revision[:40]}, made by a newer Harmony Desk than this one (which knows up "
        f"to {migrate.head_revision()}). Install the newer version; nothing was changed.")


def _refusal_for(exc: IntegrityError) -> Exception:
    """A unique constraint that fired because another desk got there first
    is the same refusal the service's own check gives."""
    text = str(exc.orig)
    if "uq_postings_folio" in text or "postings.reference" in text:
        return errors.DuplicateFolio("This folio or check has already been posted at this property.")
    if "uq_ledger_entries_reversal" in text or "ledger_entries.reverses" in text:
        return errors.AlreadyReversed("This transaction has already been reversed.")
    if "uq_members_active_email" in text or "members.email_norm" in text:
        return errors.DuplicateEmail("This e-mail address is already registered to a member.")
    return exc
