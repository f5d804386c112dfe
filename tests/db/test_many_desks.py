"""Many desks (issue 9, item 7): one lock order (members by id) for desks
and batches, transient conflicts retried (bounded) and never an internal
error, batches in short transactions."""

import json
import multiprocessing as mp
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desk_app import cli
from desk_app.domain import errors
from desk_app.services import database, ledger, office, posting
from tests.conftest import SUPERVISOR, desk_on, sign_in_cli
from tests.db.helpers import enrol

pytestmark = pytest.mark.usefixtures("backend_all")


class _Orig(Exception):
    def __init__(self, message, sqlstate=None):
        super().__init__(message)
        self.sqlstate = sqlstate


def _conflict(message="database is locked", sqlstate=None):
    return OperationalError("INSERT ...", {}, _Orig(message, sqlstate))


@pytest.mark.parametrize("exc,transient", [
    (_conflict(), True),
    (_conflict("deadlock detected", "40P01"), True),
    (_conflict("could not serialize access", "40001"), True),
    (_conflict("lock not available", "55P03"), True),
    (_conflict("no such table: members"), False),
    (_conflict("value too long", "22001"), False),
    (ValueError("database is locked"), False),
])
def test_which_failures_are_transient(exc, transient, database_url):
    assert database.is_transient(exc) is transient


def test_a_transient_conflict_is_retried_then_reported_busy(database_url):
    tries, pauses = [], []

    def flaky():
        tries.append(1)
        if len(tries) < 3:
            raise _conflict("deadlock detected", "40P01")
        return "done"

    assert database.retrying(flaky, sleep=pauses.append) == "done"
    assert len(tries) == 3 and len(pauses) == 2 and all(0 < p <= 1.5 for p in pauses)

    tries.clear()

    def always():
        tries.append(1)
        raise _conflict()

    with pytest.raises(errors.DatabaseBusy):
        database.retrying(always, sleep=lambda _s: None)
    assert len(tries) == database.RETRIES

    def broken():
        tries.append(1)
        raise KeyError("a bug")

    tries.clear()
    with pytest.raises(KeyError):
        database.retrying(broken, sleep=lambda _s: None)
    assert len(tries) == 1  # a bug is not retried


def test_members_are_locked_in_id_order(db, monkeypatch):
    numbers = [enrol(db) for _ in range(5)]
    with db.read() as s:
        ids = dict(s.execute(text("SELECT number, id FROM members")).all())
    locked = []
    real = ledger.get_member

    def spy(session, number, *, lock=False):
        if lock:
            locked.append(ids[number.strip()])
        return real(session, number, lock=lock)

    monkeypatch.setattr(ledger, "get_member", spy)
    # The payer last by id, companions in any order: locks go by id.
    payer, *companions = sorted(numbers, key=ids.__getitem__, reverse=True)
    posting.post_stay(db, desk_on("2026-03-03"), payer, posting.StayFolio(
        "F1", date(2026, 3, 1), date(2026, 3, 3), "direct", {"room": 10_000}, companions=tuple(companions)))
    assert locked == sorted(locked) and len(locked) == 5
    locked.clear()
    office.merge(db, desk_on("2026-03-04"), payer, companions[-1])  # keep has the higher id
    assert locked == sorted(locked) and len(locked) == 2
    with pytest.raises(errors.MemberNotFound):
        with db.write() as s:
            ledger.lock_members(s, [payer, "0000000000"])


def test_desk_admin_retries_a_conflict_and_never_exits_3(database_url, capsys, monkeypatch):
    monkeypatch.setenv("DESK_APP_DB", database_url)
    sign_in_cli(monkeypatch)
    assert cli.main(["--business-date", "2026-01-05", "init", "--supervisor", SUPERVISOR]) == 0
    capsys.readouterr()
    real, calls = office.adjust, []
    monkeypatch.setattr(database.time, "sleep", lambda _s: None)

    def conflicting(*a, **kw):
        calls.append(1)
        if len(calls) <= 2:
            raise _conflict("deadlock detected", "40P01")
        return real(*a, **kw)

    number = enrol(database.Database(database_url))
    monkeypatch.setattr(office, "adjust", conflicting)
    assert cli.main(["--business-date", "2026-01-05", "adjust", number, "--points", "10", "--reason", "x"]) == 0
    assert json.loads(capsys.readouterr().out)["balance_after"] == 10 and len(calls) == 3

    def locked(*a, **kw):
        raise _conflict()

    monkeypatch.setattr(office, "adjust", locked)
    assert cli.main(["--business-date", "2026-01-05", "adjust", number, "--points", "10", "--reason", "x"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "database_busy"


def _desk(url, numbers, seed, barrier, out):
    import random

    from desk_app.services import posting, redemption
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    db = Database(url)
    db.program
    rng = random.Random(seed)
    barrier.wait()
    tally = {"ok": 0, "refused": 0, "failed": []}
    for i in range(40):
        payer, *comps = rng.sample(numbers, 3)
        try:
            # No retry here: a deadlock would show as a failure.
            if i % 3:
                posting.post_stay(db, desk_on("2026-03-10"), payer, posting.StayFolio(
                    f"S{seed}-{i}", date(2026, 3, 8), date(2026, 3, 10), "direct", {"room": 20_000},
                    companions=tuple(comps)))
            else:
                redemption.redeem(db, desk_on("2026-03-10"), payer, "breakfast_adult")
            tally["ok"] += 1
        except errors.DeskError:
            tally["refused"] += 1
        except Exception as exc:  # noqa: BLE001 - what the test counts
            tally["failed"].append(repr(exc)[:300])
    out.put(tally)
    db.dispose()


def _batch(url, barrier, out):
    from desk_app.services import batch
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    batch.retrying = lambda work: work()  # no retry: a deadlock would show as a failure
    db = Database(url)
    db.program
    barrier.wait()
    failed = []
    for _ in range(12):
        try:
            batch.evaluate_tiers(db, desk_on("2026-03-10"), 2026, chunk=4)
        except Exception as exc:  # noqa: BLE001
            failed.append(repr(exc)[:300])
    out.put({"ok": 0, "refused": 0, "failed": failed})
    db.dispose()


@pytest.mark.slow
def test_desks_and_a_batch_at_once_never_deadlock(db, database_url):
    """Three desks post stays with companions (locking several members) and
    redeem while a batch walks every member in small chunks: no deadlock,
    no failure, the ledger checks out."""
    from desk_app.services import audit

    numbers = [enrol(db) for _ in range(12)]
    for n in numbers:
        office.adjust(db, desk_on("2026-03-01"), n, 20_000, "float")
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=_desk, args=(database_url, numbers, seed, barrier, out)) for seed in range(3)]
    procs.append(ctx.Process(target=_batch, args=(database_url, barrier, out)))
    for p in procs:
        p.start()
    tallies = [out.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert [t["failed"] for t in tallies] == [[]] * 4
    assert sum(t["ok"] for t in tallies) >= 100
    audit.check_ledger(db, desk_on("2026-03-10"))


def _case_worker(url, number, upper, barrier, out):
    from desk_app.domain import errors
    from desk_app.services import posting
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    db = Database(url)
    db.program
    barrier.wait()
    credited = []
    for i in range(12):
        check = f"race-{i}".upper() if upper else f"race-{i}"
        try:
            posting.post_bill(db, desk_on("2026-03-10"), number, posting.Bill(check, date(2026, 3, 10),
                                                                              {"fnb": 10_000}))
            credited.append(i)
        except errors.DuplicateFolio:
            pass
    out.put(credited)
    db.dispose()


@pytest.mark.slow
def test_two_desks_posting_one_check_in_two_cases_credit_it_once(db, database_url):
    """AB123 at one desk and ab123 at another, at the same moment, for two
    different members: the case-blind check holds on PostgreSQL too."""
    numbers = [enrol(db) for _ in range(3)]
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(3), ctx.Queue()
    procs = [ctx.Process(target=_case_worker, args=(database_url, n, k % 2 == 0, barrier, out))
             for k, n in enumerate(numbers)]
    for p in procs:
        p.start()
    credited = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert sorted(i for c in credited for i in c) == list(range(12))


def test_the_desk_words_a_transient_conflict_as_busy(database_url):
    from desk_app.ui import messages

    busy = messages.describe(errors.DatabaseBusy("x"))
    assert "busy" in busy and "nothing was changed" in busy
    assert messages.describe(_conflict("deadlock detected", "40P01")) == busy
    assert messages.describe(_conflict()) == busy
    assert messages.describe(_conflict("no such table: members")) != busy


def test_the_desk_runs_a_service_again_after_a_conflict(database_url, monkeypatch):
    from desk_app.ui import worker

    monkeypatch.setattr(database.time, "sleep", lambda _s: None)
    tries = []

    def service(x):
        tries.append(x)
        if len(tries) < 3:
            raise _conflict("deadlock detected", "40P01")
        return x * 2

    service.__module__ = "desk_app.services.example"
    assert worker._call(service, (21,), {}) == 42 and len(tries) == 3
    tries.clear()
    service.__module__ = "desk_app.ui.example"  # not a service: once, as it is
    with pytest.raises(OperationalError):
        worker._call(service, (1,), {})
    assert len(tries) == 1


def test_sqlite_waits_a_sensible_time_for_the_write_lock(db):
    """15 s per try (a batch steps aside far sooner), then the retries."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with db.read() as s:
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == 15_000
    from desk_app.services import batch

    assert batch.SQLITE_PAUSE > 0.1  # longer than a waiting desk's 100 ms sleep
