"""Clerk accounts: the lock-out that expires, a supervisor's unlock, reset
and deactivation, a clerk's own password change, and an unknown login that
costs as much time as a wrong password."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import select, text

from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.db.schema import Clerk
from desk_app.domain import errors
from desk_app.services import clerks
from desk_app.services.context import Desk
from desk_app.services.database import Database

pytestmark = pytest.mark.usefixtures("backend_all")
PASSWORD = "right-password"
T0 = datetime(2026, 11, 22, 9, 0, 0)


def boss_desk(login="boss"):
    return Desk(date(2026, 11, 22), "TKO", login, "T1", "supervisor")


@pytest.fixture
def staff(db):
    clerks.create(db, None, "boss", "Boss", "supervisor", PASSWORD)
    clerks.create(db, boss_desk(), "kenta", "Kenta", "clerk", PASSWORD)
    return db


def row(db, login):
    with db.read() as s:
        c = s.scalar(select(Clerk).where(Clerk.login == login))
        return c.failed_attempts, c.locked_until, c.active


def wrong(db, login, n, at=T0):
    for i in range(n):
        with pytest.raises(errors.DeskError) as e:
            clerks.authenticate(db, login, f"wrong-{i}", now=at)
    return e.value


def test_five_wrong_passwords_lock_for_fifteen_minutes_then_it_lifts(staff):
    assert wrong(staff, "kenta", 4).code == "not_signed_in"
    assert row(staff, "kenta")[:2] == (4, None)
    fifth = wrong(staff, "kenta", 1)
    assert fifth.code == "clerk_locked" and "A supervisor can unlock it sooner" in fifth.message
    assert row(staff, "kenta")[1] == T0 + timedelta(minutes=15)
    # While locked even the right password is refused, and wrong ones do not make it longer.
    for at in (T0 + timedelta(minutes=1), T0 + timedelta(minutes=14, seconds=59)):
        with pytest.raises(errors.ClerkLocked):
            clerks.authenticate(staff, "kenta", PASSWORD, now=at)
    assert wrong(staff, "kenta", 3, at=T0 + timedelta(minutes=5)).code == "clerk_locked"
    assert row(staff, "kenta")[1] == T0 + timedelta(minutes=15)
    # Fifteen minutes on, the lock has lifted by itself.
    clerk = clerks.authenticate(staff, "kenta", PASSWORD, now=T0 + timedelta(minutes=15))
    assert (clerk.login, clerk.locked) == ("kenta", False)
    assert row(staff, "kenta")[:2] == (0, None)


def test_a_success_starts_the_count_again(staff):
    wrong(staff, "kenta", 4)
    clerks.authenticate(staff, "kenta", PASSWORD, now=T0)
    assert wrong(staff, "kenta", 4).code == "not_signed_in"
    assert row(staff, "kenta")[1] is None


def test_a_supervisor_unlocks_sooner_and_the_list_shows_the_lock(staff):
    wrong(staff, "kenta", 5, at=datetime.utcnow())
    listed = {c.login: c for c in clerks.list_clerks(staff, boss_desk())}
    assert listed["kenta"].locked and listed["kenta"].locked_until is not None and not listed["boss"].locked
    assert clerks.unlock(staff, boss_desk(), "kenta").locked is False
    assert clerks.authenticate(staff, "kenta", PASSWORD).login == "kenta"
    with pytest.raises(errors.InvalidClerk):
        clerks.unlock(staff, boss_desk(), "nobody")


def test_a_supervisor_resets_a_password_and_lifts_the_lock(staff):
    wrong(staff, "kenta", 5, at=datetime.utcnow())
    with pytest.raises(errors.InvalidClerk):
        clerks.reset_password(staff, boss_desk(), "kenta", "short")
    clerks.reset_password(staff, boss_desk(), "kenta", "a-new-password")
    with pytest.raises(errors.NotSignedIn):
        clerks.authenticate(staff, "kenta", PASSWORD)
    assert clerks.authenticate(staff, "kenta", "a-new-password").role == "clerk"


def test_a_deactivated_clerk_cannot_sign_in_and_no_one_deactivates_themselves(staff):
    assert clerks.deactivate(staff, boss_desk(), "kenta").active is False
    with pytest.raises(errors.NotSignedIn) as refused:
        clerks.authenticate(staff, "kenta", PASSWORD)
    assert refused.value.message == clerks.WRONG  # the same answer as an unknown login
    with pytest.raises(errors.InvalidClerk):
        clerks.deactivate(staff, boss_desk(), "boss")
    assert clerks.authenticate(staff, "boss", PASSWORD).active


def test_a_clerk_changes_their_own_password(staff):
    kenta = Desk(date(2026, 11, 22), "TKO", "kenta", "T1", "clerk")
    with pytest.raises(errors.InvalidClerk):
        clerks.change_password(staff, kenta, PASSWORD, "short")
    with pytest.raises(errors.InvalidClerk):
        clerks.change_password(staff, kenta, PASSWORD, PASSWORD)
    with pytest.raises(errors.CurrentPasswordWrong) as refused:
        clerks.change_password(staff, kenta, "not-my-password", "my-new-password", now=T0)
    assert refused.value.code == "not_signed_in"
    assert row(staff, "kenta")[0] == 1  # a wrong current password counts toward the lock-out
    clerks.change_password(staff, kenta, PASSWORD, "my-new-password")
    assert clerks.authenticate(staff, "kenta", "my-new-password").login == "kenta"
    with pytest.raises(errors.NotSignedIn):
        clerks.authenticate(staff, "kenta", PASSWORD)


def test_passwords_are_stored_as_argon2id_hashes(staff):
    with staff.read() as s:
        stored = s.scalar(select(Clerk.password_hash).where(Clerk.login == "kenta"))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


@pytest.mark.real_password_hashes
def test_an_unknown_login_takes_as_long_as_a_wrong_password(staff):
    def fastest(login):
        times = []
        for _ in range(5):
            started = time.perf_counter()
            with pytest.raises(errors.NotSignedIn):
                clerks.authenticate(staff, login, "wrong-password")
            times.append(time.perf_counter() - started)
            clerks.unlock(staff, boss_desk(), "kenta")  # keep the known login unlocked
        return min(times)

    clerks.reset_password(staff, boss_desk(), "kenta", PASSWORD)  # a hash with the production parameters
    known, unknown = fastest("kenta"), fastest("no-such-clerk")
    # Before: 0.5 ms for an unknown login against 147 ms for a known one.
    assert known > 0.01 and unknown > 0.5 * known, (known, unknown)


def test_upgrade_from_0003_keeps_a_locked_account_locked_for_one_period(database_url):
    engine = make_engine(database_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('program', 'one_harmony'), "
                          "('card_secret', '00ff')"))
        for login, locked in (("old.locked", True), ("old.free", False)):
            conn.execute(text(
                "INSERT INTO clerks (login, name, role, password_hash, failed_attempts, locked, active, created_at, "
                "language) VALUES (:l, 'Old', 'clerk', :h, :f, :k, true, '2026-01-05 10:00:00', 'en')"),
                dict(l=login, h=clerks.hasher.hash(PASSWORD), f=5 if locked else 2, k=locked))
    engine.dispose()
    db = Database(database_url)
    db.ensure_ready()
    now = datetime.utcnow()
    assert row(db, "old.free") == (2, None, True)
    _, until, _ = row(db, "old.locked")
    assert now < until <= now + timedelta(minutes=15)
    with pytest.raises(errors.ClerkLocked):
        clerks.authenticate(db, "old.locked", PASSWORD)
    assert clerks.authenticate(db, "old.locked", PASSWORD, now=until).login == "old.locked"
    db.dispose()
