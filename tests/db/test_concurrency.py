"""Two desks at once: real processes, started together, on the same
database. A balance never goes negative, a folio is never posted twice and
a posting is never reversed twice."""

import multiprocessing as mp
from datetime import date

import pytest

from desk_app.services import audit, lookup
from tests.conftest import desk_on
from tests.db.helpers import enrol, stay

pytestmark = [pytest.mark.usefixtures("backend_all"), pytest.mark.slow]

ATTEMPTS = 6
BILLS = 8


def _redeem_worker(url, number, barrier, results):
    from desk_app.domain import errors
    from desk_app.services import redemption
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    db = Database(url)
    db.program  # load before the start line so both race on the ledger, not on start-up
    barrier.wait()
    for _ in range(ATTEMPTS):
        try:
            redemption.redeem(db, desk_on("2026-11-22"), number, "breakfast_adult")
            results.put("ok")
        except errors.InsufficientPoints:
            results.put("insufficient_points")
    db.dispose()


def _post_worker(url, number, barrier, results):
    from desk_app.domain import errors
    from desk_app.services import posting
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    db = Database(url)
    db.program
    barrier.wait()
    try:
        posting.post_stay(db, desk_on("2026-11-22"), number, posting.StayFolio(
            "RACE-1", date(2026, 11, 20), date(2026, 11, 22), "direct", {"room": 50_000}))
        results.put("ok")
    except errors.DuplicateFolio:
        results.put("duplicate_folio")
    db.dispose()


def _hotel_worker(url, prop, barrier, results):
    from desk_app.services import posting
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    number, code = prop.split(":")
    db = Database(url)
    db.program
    barrier.wait()
    r = posting.post_stay(db, desk_on("2026-11-22", code), number, posting.StayFolio(
        f"N-{code}", date(2026, 11, 20), date(2026, 11, 22), "direct", {"room": 50_000}))
    results.put(r.nights)
    db.dispose()


def _bill_worker(url, number, barrier, results):
    from desk_app.services import posting
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    db = Database(url)
    db.program
    barrier.wait()
    for i in range(BILLS):
        posting.post_bill(db, desk_on("2026-11-22"), number, posting.Bill(
            f"CH-{number}-{i}", date(2026, 11, 22), {"fnb": 10_000}))
        results.put("ok")
    db.dispose()


def _reverse_worker(url, transaction_id, barrier, results):
    from desk_app.domain import errors
    from desk_app.services import reversal
    from desk_app.services.database import Database
    from tests.conftest import desk_on

    db = Database(url)
    db.program
    barrier.wait()
    try:
        reversal.reverse(db, desk_on("2026-11-23"), transaction_id, "posted to the wrong guest")
        results.put("ok")
    except errors.AlreadyReversed:
        results.put("already_reversed")
    db.dispose()


def _race(target, url, number, processes=2):
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    numbers = number if isinstance(number, list) else [number] * processes
    procs = [ctx.Process(target=target, args=(url, n, barrier, results)) for n in numbers]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    out = []
    while not results.empty():
        out.append(results.get())
    return out


def test_two_desks_redeeming_at_once_never_overdraw(db, database_url):
    number = enrol(db)
    stay(db, number, "2026-03-01", "2026-03-02", 500_000)  # 10,000 points: five breakfasts
    outcomes = _race(_redeem_worker, database_url, number)
    assert len(outcomes) == 2 * ATTEMPTS
    assert outcomes.count("ok") == 5
    assert lookup.show(db, desk_on("2026-11-22"), number).points_balance == 0
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_the_same_folio_from_two_desks_is_posted_once(db, database_url):
    number = enrol(db)
    outcomes = _race(_post_worker, database_url, number)
    assert sorted(outcomes) == ["duplicate_folio", "ok"]
    assert lookup.show(db, desk_on("2026-11-22"), number).points_balance == 1_000


def test_desks_writing_at_once_keep_one_chain(db, database_url):
    """Four desks post bills for four members at the same moment: on
    PostgreSQL their transactions run side by side and meet only at the
    chain head's row lock; the chain stays one unbroken line."""
    numbers = [enrol(db) for _ in range(4)]
    before = audit.check_ledger(db, desk_on("2026-11-22")).entries
    outcomes = _race(_bill_worker, database_url, numbers, processes=4)
    assert outcomes.count("ok") == 4 * BILLS
    report = audit.check_ledger(db, desk_on("2026-11-22"))
    assert report.entries == before + 4 * BILLS
    with db.read() as s:
        from sqlalchemy import func, select

        from desk_app.db.schema import LedgerEntry

        seqs = list(s.scalars(select(LedgerEntry.chain_seq).order_by(LedgerEntry.chain_seq)))
        assert seqs == list(range(1, report.entries + 1))
        assert s.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.chain_hash.is_(None))) == 0


def test_two_desks_reversing_the_same_posting_reverse_it_once(db, database_url):
    payer, guest = enrol(db), enrol(db)
    posted = stay(db, payer, "2026-11-20", "2026-11-22", 50_000, companions=(guest,))
    stay(db, payer, "2026-11-21", "2026-11-22", 100_000)
    outcomes = _race(_reverse_worker, database_url, posted.transaction_id)
    assert sorted(outcomes) == ["already_reversed", "ok"]
    desk = desk_on("2026-11-23")
    v = lookup.show(db, desk, payer)
    assert (v.points_balance, v.year_nights) == (2_000, 1)
    assert lookup.show(db, desk, guest).year_nights == 0
    assert [e.kind for e in lookup.history(db, desk, payer)].count("reverse") == 1
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_two_hotels_posting_the_same_nights_at_once_credit_them_once(db, database_url):
    """docs/program-rules.md 3: TKO and OSA post the same two nights for one
    member at the same moment: 1,000 points each, the 2 nights once."""
    number = enrol(db)
    outcomes = _race(_hotel_worker, database_url, [f"{number}:TKO", f"{number}:OSA"])
    assert sorted(outcomes) == [0, 2]
    v = lookup.show(db, desk_on("2026-11-22"), number)
    assert (v.points_balance, v.year_nights) == (2_000, 2)
    assert audit.check_all(db, desk_on("2026-11-22")) == []

