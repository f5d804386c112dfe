"""desk-admin's sign-in: the command runs as a clerk, checked exactly like
the desk's sign-in (same lock-out), and the clerk's role decides.

Login from `--clerk` or DESK_APP_CLERK; password from DESK_APP_PASSWORD or,
on a terminal, a prompt that does not echo. A new password (add-clerk,
change-password, reset-password) comes from DESK_APP_NEW_PASSWORD or a
prompt typed twice: never from the command line, where other users of the
PC could read it in the process list."""

from __future__ import annotations

import getpass
import os
import socket
import sys
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from .domain import errors
from .services import clerks, roles
from .services.context import Desk
from .services.database import Database

CLERK_ENV = "DESK_APP_CLERK"
PASSWORD_ENV = "DESK_APP_PASSWORD"
NEW_PASSWORD_ENV = "DESK_APP_NEW_PASSWORD"
HOW = (f"give --clerk LOGIN (or {CLERK_ENV}) and the password in {PASSWORD_ENV} "
       "or at the prompt on a terminal")


@dataclass(frozen=True)
class SignedIn:
    clerk: clerks.ClerkView
    # Kept for change-password, which asks for the current password again.
    password: str


def _on_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):  # closed or detached stdin
        return False


def _prompt(text: str) -> str:
    try:
        return getpass.getpass(text)
    except (EOFError, KeyboardInterrupt):
        return ""


def password_from(env: str, prompt: str) -> str | None:
    value = os.environ.get(env)
    if value:
        return value
    if _on_terminal():
        return _prompt(prompt) or None
    return None


def new_password(prompt: str = "New password: ") -> str:
    """The new password, typed twice at a prompt (once is enough from the
    environment, where there is no typing to get wrong)."""
    value = os.environ.get(NEW_PASSWORD_ENV)
    if value:
        return value
    if not _on_terminal():
        raise errors.InvalidClerk(f"Give the new password in {NEW_PASSWORD_ENV} or type it at the prompt "
                                  "on a terminal.")
    first = _prompt(prompt)
    if _prompt("Type it again: ") != first:
        raise errors.InvalidClerk("The two passwords are not the same. Nothing was changed.")
    return first


def first_password(login: str) -> str:
    """The first supervisor's password: from DESK_APP_PASSWORD (the same
    variable their later sign-ins read), else typed twice at a prompt."""
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    if not _on_terminal():
        raise errors.NotSignedIn(f"Give {login[:32]}'s password in {PASSWORD_ENV} or type it at the prompt "
                                 "on a terminal.")
    first = _prompt(f"Password for {login}: ")
    if _prompt("Type it again: ") != first:
        raise errors.InvalidClerk("The two passwords are not the same. Nothing was changed.")
    return first


def has_clerks(db: Database) -> bool:
    """Whether the database already has accounts, on any schema version
    (read with plain SQL: the schema may be older than this version's)."""
    if not db.is_initialized():
        return False
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT 1 FROM clerks LIMIT 1")).first() is not None


def login_from(option: str | None) -> str | None:
    return (option or os.environ.get(CLERK_ENV) or "").strip() or None


def sign_in(db: Database, login: str | None, *, before_upgrade: bool = False) -> SignedIn:
    """Refused `not_signed_in` when the login or password is missing or
    wrong, `clerk_locked` while the account is locked."""
    if not login:
        raise errors.NotSignedIn(f"desk-admin signs in first: {HOW}.")
    password = password_from(PASSWORD_ENV, f"Password for {login}: ")
    if not password:
        raise errors.NotSignedIn(f"No password for {login[:32]}: {HOW}.")
    check = clerks.authenticate_before_upgrade if before_upgrade else clerks.authenticate
    return SignedIn(check(db, login, password), password)


def sign_in_to_upgrade(db: Database, login: str | None) -> SignedIn:
    """A supervisor's sign-in, on the schema as it is before an upgrade."""
    signed = sign_in(db, login, before_upgrade=db.schema_version() != _head())
    roles.require(signed.clerk.role, "upgrade_schema")
    return signed


def _head() -> str:
    from .db import migrate

    return migrate.head_revision()


def schema_is_current(db: Database) -> bool:
    return db.schema_version() == _head()


def desk_for(signed: SignedIn, business_date: date, property_code: str) -> Desk:
    """Ledger entries name the clerk who signed in, and desk-admin on this
    computer as the terminal."""
    host = socket.gethostname() or "unknown"
    return Desk(business_date, property_code, signed.clerk.login, f"desk-admin@{host}"[:64], signed.clerk.role)
