"""Clerk accounts: argon2id password hashes, roles, lock-out after five
wrong passwords until a supervisor unlocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from ..db.schema import Clerk
from ..domain import errors
from . import ledger
from .context import ROLES, Desk
from .database import Database

MAX_FAILURES = 5
MIN_PASSWORD = 8
_LOGIN = re.compile(r"^[A-Za-z0-9._-]{2,32}$")
_hasher = PasswordHasher()


@dataclass(frozen=True)
class ClerkView:
    login: str
    name: str
    role: str
    locked: bool
    active: bool
    language: str


def _view(c: Clerk) -> ClerkView:
    return ClerkView(c.login, c.name, c.role, c.locked, c.active, c.language)


def count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(Clerk.id))) or 0


def create(db: Database, desk: Desk | None, login: str, name: str, role: str, password: str,
           language: str = "en") -> ClerkView:
    """The first account (a supervisor) is made at setup with no one signed
    in; every later one needs a supervisor."""
    if not _LOGIN.match(login or ""):
        raise errors.InvalidClerk("A clerk ID is 2 to 32 letters, digits, '.', '_' or '-'.")
    if role not in ROLES:
        raise errors.InvalidClerk(f"The role must be one of: {', '.join(ROLES)}.")
    if not (name or "").strip() or len(name) > 100:
        raise errors.InvalidClerk("The clerk's name is required (up to 100 characters).")
    if len(password or "") < MIN_PASSWORD:
        raise errors.InvalidClerk(f"A password has at least {MIN_PASSWORD} characters.")
    with db.write() as s:
        existing = s.scalar(select(func.count(Clerk.id))) or 0
        if existing:
            if desk is None:
                raise errors.NotPermitted("Only a supervisor may create clerk accounts.")
            desk.require("supervisor", "create clerk accounts")
        elif role != "supervisor":
            raise errors.InvalidClerk("The first account must be a supervisor.")
        if s.scalar(select(Clerk.id).where(Clerk.login == login)) is not None:
            raise errors.InvalidClerk(f"The clerk ID '{login}' is taken.")
        clerk = Clerk(login=login, name=name.strip(), role=role, password_hash=_hasher.hash(password),
                      failed_attempts=0, locked=False, active=True, created_at=ledger.now(),
                      language=language if language in ("en", "ja") else "en")
        s.add(clerk)
        return _view(clerk)


def authenticate(db: Database, login: str, password: str) -> ClerkView:
    with db.write() as s:
        clerk = s.scalar(select(Clerk).where(Clerk.login == (login or "").strip()).with_for_update())
        if clerk is None or not clerk.active:
            raise errors.AuthenticationFailed("The clerk ID or password is wrong.")
        if clerk.locked:
            raise errors.AccountLocked("This account is locked after too many wrong passwords: ask a supervisor.")
        try:
            _hasher.verify(clerk.password_hash, password or "")
        except (VerificationError, InvalidHashError):
            clerk.failed_attempts += 1
            if clerk.failed_attempts >= MAX_FAILURES:
                clerk.locked = True
            view = _view(clerk)
        else:
            clerk.failed_attempts = 0
            if _hasher.check_needs_rehash(clerk.password_hash):
                clerk.password_hash = _hasher.hash(password)
            return _view(clerk)
    # Outside the transaction so the failed attempt is committed.
    if view.locked:
        raise errors.AccountLocked("Too many wrong passwords: the account is now locked. Ask a supervisor.")
    raise errors.AuthenticationFailed("The clerk ID or password is wrong.")


def supervisor_override(db: Database, desk: Desk, login: str, password: str) -> Desk:
    """A supervisor approves a clerk's action on the spot: signs in at the
    clerk's desk (wrong passwords count toward the same lock-out as the
    desk's sign-in) and gets back the same desk acting as supervisor, with
    `clerk` still the clerk at the desk and `approver` the supervisor, so
    every ledger entry made with it records both. Use the returned desk for
    the one action, then drop it.

    Refused: authentication_failed, account_locked, not_permitted (the login
    is not a supervisor's)."""
    who = authenticate(db, login, password)
    if who.role != "supervisor":
        raise errors.NotPermitted(f"'{who.login}' is not a supervisor and cannot approve this.")
    return replace(desk, role="supervisor", approver=who.login)


def unlock(db: Database, desk: Desk, login: str) -> ClerkView:
    desk.require("supervisor", "unlock clerk accounts")
    with db.write() as s:
        clerk = s.scalar(select(Clerk).where(Clerk.login == login))
        if clerk is None:
            raise errors.InvalidClerk(f"No clerk has the ID '{login}'.")
        clerk.locked, clerk.failed_attempts = False, 0
        return _view(clerk)


def set_language(db: Database, login: str, language: str) -> None:
    if language not in ("en", "ja"):
        raise errors.InvalidClerk("The language is 'en' or 'ja'.")
    with db.write() as s:
        clerk = s.scalar(select(Clerk).where(Clerk.login == login))
        if clerk is not None:
            clerk.language = language


def list_clerks(db: Database) -> list[ClerkView]:
    with db.read() as s:
        return [_view(c) for c in s.scalars(select(Clerk).order_by(Clerk.login))]
