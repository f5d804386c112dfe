"""Clerk accounts: argon2id password hashes, roles, and sign-in with a
lock-out that expires.

Five wrong passwords in a row lock an account for 15 minutes (a supervisor
may unlock it sooner); the lock then lifts by itself, so nobody can keep an
account locked for good by typing its login. An unknown or deactivated
login costs the same password check as a known one, so logins cannot be
found by timing the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, inspect, select, text

from ..db.schema import Clerk
from ..domain import errors
from . import ledger
from .context import ROLES, Desk
from .database import Database

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
MAX_PASSWORD = 256
_LOGIN = re.compile(r"^[A-Za-z0-9._-]{2,32}$")
hasher = PasswordHasher()
WRONG = "The clerk ID or password is wrong."


@dataclass(frozen=True)
class ClerkView:
    login: str
    name: str
    role: str
    locked: bool
    active: bool
    language: str
    locked_until: datetime | None = None


def _locked(c: Clerk, now: datetime) -> bool:
    return c.locked_until is not None and c.locked_until > now


def _view(c: Clerk, now: datetime | None = None) -> ClerkView:
    now = now or ledger.now()
    locked = _locked(c, now)
    return ClerkView(c.login, c.name, c.role, locked, c.active, c.language, c.locked_until if locked else None)


@lru_cache(maxsize=4)
def _dummy_hash(params: tuple) -> str:
    """A hash made with the live parameters, checked when there is no account,
    so an unknown login takes as long as a wrong password."""
    return hasher.hash("no account has this password")


def _params() -> tuple:
    return (hasher.time_cost, hasher.memory_cost, hasher.parallelism, hasher.hash_len, hasher.salt_len)


def _matches(password_hash: str | None, password: str) -> bool:
    try:
        return hasher.verify(password_hash or _dummy_hash(_params()), password or "")
    except (VerificationError, InvalidHashError):
        return False


def validate_password(password: str | None) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise errors.InvalidClerk(f"A password has at least {MIN_PASSWORD} characters.")
    if len(password) > MAX_PASSWORD:
        raise errors.InvalidClerk(f"A password has at most {MAX_PASSWORD} characters.")
    return password


def validate_new_clerk(login: str, name: str, role: str, password: str) -> None:
    """Everything create() checks that needs no database, so a caller can
    refuse before it changes anything (desk-admin init)."""
    if not _LOGIN.match(login or ""):
        raise errors.InvalidClerk("A clerk ID is 2 to 32 letters, digits, '.', '_' or '-'.")
    if role not in ROLES:
        raise errors.InvalidClerk(f"The role must be one of: {', '.join(ROLES)}.")
    if not (name or "").strip() or len(name) > 100:
        raise errors.InvalidClerk("The clerk's name is required (up to 100 characters).")
    validate_password(password)


def count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(Clerk.id))) or 0


def create(db: Database, desk: Desk | None, login: str, name: str, role: str, password: str,
           language: str = "en") -> ClerkView:
    """The first account (a supervisor) is made at setup with no one signed
    in; every later one needs a supervisor."""
    if desk is not None:
        desk.require("manage_clerks")
    validate_new_clerk(login, name, role, password)
    with db.write() as s:
        existing = s.scalar(select(func.count(Clerk.id))) or 0
        if existing:
            if desk is None:
                raise errors.NotPermitted("Only a supervisor may create clerk accounts.")
        elif desk is None and role != "supervisor":
            raise errors.InvalidClerk("The first account must be a supervisor.")
        if s.scalar(select(Clerk.id).where(Clerk.login == login)) is not None:
            raise errors.InvalidClerk(f"The clerk ID '{login}' is taken.")
        clerk = Clerk(login=login, name=name.strip(), role=role, password_hash=hasher.hash(password),
                      failed_attempts=0, locked_until=None, active=True, created_at=ledger.now(),
                      language=language if language in ("en", "ja") else "en")
        s.add(clerk)
        return _view(clerk)


def authenticate(db: Database, login: str, password: str, *, now: datetime | None = None) -> ClerkView:
    """The clerk, if the password is theirs; else `not_signed_in`, or
    `clerk_locked` while the account is locked. Every wrong password counts,
    whoever types it; the count starts again after a lock or a success."""
    now = now or ledger.now()
    outcome: Exception
    with db.write() as s:
        clerk = s.scalar(select(Clerk).where(Clerk.login == (login or "").strip()[:64]).with_for_update())
        usable = clerk is not None and clerk.active
        matches = _matches(clerk.password_hash if usable else None, password)
        if not usable:
            raise errors.NotSignedIn(WRONG)
        if _locked(clerk, now):
            raise errors.ClerkLocked(_locked_message(clerk))
        if matches:
            clerk.failed_attempts = 0
            clerk.locked_until = None
            if hasher.check_needs_rehash(clerk.password_hash):
                clerk.password_hash = hasher.hash(password)
            return _view(clerk, now)
        clerk.failed_attempts += 1
        if clerk.failed_attempts >= MAX_FAILURES:
            clerk.failed_attempts = 0
            clerk.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            outcome = errors.ClerkLocked(_locked_message(clerk, just_now=True))
        else:
            outcome = errors.NotSignedIn(WRONG)
    # Raised outside the transaction so the wrong attempt is committed.
    raise outcome


def _locked_message(clerk: Clerk, just_now: bool = False) -> str:
    start = "Too many wrong passwords: this account is now locked" if just_now else "This account is locked"
    return (f"{start} until {clerk.locked_until:%H:%M} UTC ({LOCK_MINUTES} minutes after the fifth wrong "
            "password). A supervisor can unlock it sooner.")


def authenticate_before_upgrade(db: Database, login: str, password: str, *,
                                now: datetime | None = None) -> ClerkView:
    """Sign in on a database whose schema is older than this version's, so
    the upgrade itself can require a supervisor. Reads only the columns every
    schema version has had, and counts wrong passwords toward the lock-out
    in whichever form the schema keeps it."""
    now = now or ledger.now()
    cols = {c["name"] for c in inspect(db.engine).get_columns("clerks")}
    lock_col = "locked_until" if "locked_until" in cols else "locked"
    lang = "language" if "language" in cols else "'en'"
    outcome: Exception | None = None
    with db.engine.begin() as conn:
        row = conn.execute(text(
            f"SELECT id, login, name, role, password_hash, active, failed_attempts, {lock_col} AS lock, "
            f"{lang} AS language FROM clerks WHERE login = :login"), {"login": (login or "").strip()[:64]}).first()
        usable = row is not None and bool(row.active)
        matches = _matches(row.password_hash if usable else None, password)
        if not usable:
            raise errors.NotSignedIn(WRONG)
        lock = row.lock
        if isinstance(lock, str):  # SQLite hands back a raw DATETIME text here
            lock = datetime.fromisoformat(lock)
        locked = (lock is not None and lock > now) if lock_col == "locked_until" else bool(lock)
        if locked:
            raise errors.ClerkLocked("This account is locked after too many wrong passwords. A supervisor can "
                                     "unlock it.")
        if matches:
            conn.execute(text("UPDATE clerks SET failed_attempts = 0 WHERE id = :id"), {"id": row.id})
        else:
            failures = row.failed_attempts + 1
            conn.execute(text("UPDATE clerks SET failed_attempts = :n WHERE id = :id"), {"n": failures, "id": row.id})
            outcome = errors.NotSignedIn(WRONG)
    if outcome is not None:
        raise outcome
    return ClerkView(row.login, row.name, row.role, False, True, row.language or "en")


def _get(s, login: str) -> Clerk:
    clerk = s.scalar(select(Clerk).where(Clerk.login == (login or "").strip()[:64]).with_for_update())
    if clerk is None:
        raise errors.InvalidClerk(f"No clerk has the ID '{(login or '')[:32]}'.")
    return clerk


def supervisor_override(db: Database, desk: Desk, login: str, password: str) -> Desk:
    """A supervisor approves a clerk's action on the spot: signs in at the
    clerk's desk (wrong passwords count toward the same lock-out as the
    desk's sign-in) and gets back the same desk acting as supervisor, with
    `clerk` still the clerk at the desk and `approver` the supervisor, so
    every ledger entry made with it records both. Use the returned desk for
    the one action, then drop it.

    Refused: not_signed_in, clerk_locked, not_permitted (the login is not a
    supervisor's)."""
    who = authenticate(db, login, password)
    if who.role != "supervisor":
        raise errors.NotPermitted(f"'{who.login}' is not a supervisor and cannot approve this.")
    return replace(desk, role="supervisor", approver=who.login)


def unlock(db: Database, desk: Desk, login: str) -> ClerkView:
    desk.require("manage_clerks")
    with db.write() as s:
        clerk = _get(s, login)
        clerk.locked_until, clerk.failed_attempts = None, 0
        return _view(clerk)


def change_password(db: Database, desk: Desk, old_password: str, new_password: str,
                    *, now: datetime | None = None) -> ClerkView:
    """The signed-in clerk's own password. The current one is asked again
    (someone else may be at an unlocked desk), and a wrong one counts toward
    the lock-out like a wrong sign-in."""
    validate_password(new_password)
    if new_password == old_password:
        raise errors.InvalidClerk("The new password must differ from the current one.")
    try:
        authenticate(db, desk.clerk, old_password, now=now)
    except errors.ClerkLocked:
        raise
    except errors.NotSignedIn:
        raise errors.CurrentPasswordWrong("The current password is wrong.") from None
    with db.write() as s:
        clerk = _get(s, desk.clerk)
        clerk.password_hash = hasher.hash(new_password)
        return _view(clerk)


def reset_password(db: Database, desk: Desk, login: str, new_password: str) -> ClerkView:
    """A supervisor sets a new password for a clerk who forgot theirs; it
    also lifts a lock-out."""
    desk.require("manage_clerks")
    validate_password(new_password)
    with db.write() as s:
        clerk = _get(s, login)
        clerk.password_hash = hasher.hash(new_password)
        clerk.locked_until, clerk.failed_attempts = None, 0
        return _view(clerk)


def deactivate(db: Database, desk: Desk, login: str) -> ClerkView:
    """The clerk can no longer sign in; the account stays, so the ledger's
    entries still name who made them. A supervisor cannot deactivate their
    own account, so the office always keeps one supervisor."""
    desk.require("manage_clerks")
    with db.write() as s:
        clerk = _get(s, login)
        if clerk.login == desk.clerk:
            raise errors.InvalidClerk("You cannot deactivate your own account.")
        clerk.active = False
        return _view(clerk)


def set_language(db: Database, desk: Desk, language: str) -> None:
    """The signed-in clerk's own language."""
    if language not in ("en", "ja"):
        raise errors.InvalidClerk("The language is 'en' or 'ja'.")
    with db.write() as s:
        clerk = s.scalar(select(Clerk).where(Clerk.login == desk.clerk))
        if clerk is not None:
            clerk.language = language


def list_clerks(db: Database, desk: Desk) -> list[ClerkView]:
    desk.require("manage_clerks")
    now = ledger.now()
    with db.read() as s:
        return [_view(c, now) for c in s.scalars(select(Clerk).order_by(Clerk.login))]
