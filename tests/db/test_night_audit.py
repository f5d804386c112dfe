"""The night audit: the business date moves on one day, the expiry batch
runs as of the new date, at the turn of the year the tier evaluation runs
with its carry-over; each batch once per date, a cancel between chunks
leaves nothing half-done and the next audit finishes it."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from desk_app.db.schema import LedgerEntry, NightAuditStep, TierEvaluation
from desk_app.domain import errors
from desk_app.services import audit, business_date, lookup, night_audit, reports
from tests.conftest import desk_on
from tests.db.helpers import enrol, stay

pytestmark = pytest.mark.usefixtures("backend_all")


def set_date(db, day: date, prop: str | None = None) -> None:
    with db.write() as s:
        s.execute(text("UPDATE business_dates SET business_date = :d" + (" WHERE property_code = :p" if prop else "")),
                  {"d": day, "p": prop})


def steps(db):
    with db.read() as s:
        return [(r.step, r.run_key, r.status, r.property_code) for r in
                s.scalars(select(NightAuditStep).order_by(NightAuditStep.id))]


def expire_entries(db):
    with db.read() as s:
        return s.execute(select(func.count(), func.coalesce(func.sum(LedgerEntry.points), 0))
                         .where(LedgerEntry.kind == "expire")).one()


@pytest.fixture
def expiring(db):
    """Three members whose 2022 points (2,000 each) were usable through 2025-01-31;
    their 2024 points (1,000, 1,020, 1,040) are not."""
    numbers = []
    for i in range(3):
        n = enrol(db, day="2022-01-05")
        stay(db, n, "2022-03-01", "2022-03-02", 100_000)           # 2,000 points
        stay(db, n, "2024-03-01", "2024-03-02", 50_000 + 1_000 * i)  # 1,000+ points, through 2027-01-31
        numbers.append(n)
    set_date(db, date(2025, 1, 31))
    return numbers


def test_the_audit_closes_the_day_and_writes_off_what_expired(db, expiring):
    sup = desk_on("2025-01-31")
    plan = night_audit.plan(db, sup)
    assert (plan.business_date, plan.next_date, plan.resumes, plan.year_turns) == (
        date(2025, 1, 31), date(2025, 2, 1), False, False)
    seen = []
    r = night_audit.run(db, sup, to=date(2025, 2, 1), progress=lambda *a: seen.append(a))
    assert (r.closed, r.business_date, r.complete, r.cancelled) == (date(2025, 1, 31), date(2025, 2, 1), True, False)
    assert [(o.step, o.run_key, o.status) for o in r.steps] == [
        ("close_day", "TKO:2025-01-31", "done"), ("expire_points", "2025-02-01", "done")]
    assert r.steps[1].figures == {"expired_points": 6_000, "members": 3}
    assert business_date.current(db, "TKO") == date(2025, 2, 1)
    assert business_date.current(db, "OSA") == date(2025, 1, 31)       # each hotel its own audit
    assert tuple(expire_entries(db)) == (3, -6_000)
    assert [lookup.show(db, desk_on("2025-02-01"), n).points_balance for n in expiring] == [1_000, 1_020, 1_040]
    assert ("expire_points", 3, 3) in seen
    assert audit.check_all(db, sup) == []
    # The day closed carries the chain head at the close; the day report shows it.
    head = reports.chain_head_now(db)
    closed = reports.day_report(db, sup, date(2025, 1, 31))
    assert closed.chain is not None and closed.chain.closed
    assert r.chain_head == head[1]
    assert closed.chain.entries < head[0]  # the expiry entries came after the close


def test_a_batch_never_runs_twice_for_one_date(db, expiring):
    night_audit.run(db, desk_on("2025-01-31", "TKO"))
    # OSA's audit of the same night finds the expiry of 2025-02-01 done by TKO's.
    r = night_audit.run(db, desk_on("2025-01-31", "OSA"))
    assert [(o.step, o.status, o.by) for o in r.steps] == [
        ("close_day", "done", "test-clerk"), ("expire_points", "skipped", "test-clerk")]
    assert r.steps[1].figures == {"expired_points": 6_000, "members": 3}
    assert tuple(expire_entries(db)) == (3, -6_000)
    assert steps(db) == [("close_day", "TKO:2025-01-31", "done", "TKO"), ("expire_points", "2025-02-01", "done", "TKO"),
                         ("close_day", "OSA:2025-01-31", "done", "OSA")]
    # The same hotel cannot close the same day again: the scheduler's guard.
    with pytest.raises(errors.InvalidBusinessDate):
        night_audit.run(db, desk_on("2025-02-01", "TKO"), to=date(2025, 2, 1))
    assert business_date.current(db, "TKO") == date(2025, 2, 1)


def test_cancel_between_chunks_then_the_next_audit_finishes(db, expiring, monkeypatch):
    monkeypatch.setattr(night_audit, "CHUNK", 1)
    sup = desk_on("2025-01-31")
    asked = {"stop": False}

    def progress(step, done, total):
        if step == "expire_points" and done == 1:
            asked["stop"] = True     # the clerk presses Cancel while the first member is written

    r = night_audit.run(db, sup, progress=progress, cancelled=lambda: asked["stop"])
    assert (r.complete, r.cancelled, r.business_date) == (False, True, date(2025, 2, 1))
    assert [(o.step, o.status) for o in r.steps] == [("close_day", "done"), ("expire_points", "cancelled")]
    # One member written off in full, the others untouched: nothing half-done.
    assert tuple(expire_entries(db)) == (1, -2_000)
    # (On the closed day the 2022 points were still usable: 3,000-odd left where not written off.)
    balances = [lookup.show(db, desk_on("2025-01-31"), n).points_balance for n in expiring]
    assert sorted(b // 1_000 for b in balances) == [1, 3, 3]
    assert audit.check_all(db, sup) == []
    plan = night_audit.plan(db, desk_on("2025-02-01"))
    assert plan.resumes and [(v.step, v.status) for v in plan.unfinished] == [("expire_points", "cancelled")]
    # The next audit (at the desk: no date named) finishes it and does not move the date.
    again = night_audit.run(db, desk_on("2025-02-01"))
    assert (again.closed, again.complete, again.business_date) == (None, True, date(2025, 2, 1))
    assert [(o.step, o.status) for o in again.steps] == [("expire_points", "done")]
    assert tuple(expire_entries(db)) == (3, -6_000)
    assert not night_audit.plan(db, desk_on("2025-02-01")).resumes
    # A scheduler that names the next date finishes and goes on in one run.
    set_date(db, date(2025, 2, 1))
    nxt = night_audit.run(db, desk_on("2025-02-01"), to=date(2025, 2, 2))
    assert [(o.step, o.run_key, o.status) for o in nxt.steps] == [
        ("close_day", "TKO:2025-02-01", "done"), ("expire_points", "2025-02-02", "done")]


def test_a_scheduler_finishes_the_unfinished_audit_and_closes_the_day(db, expiring, monkeypatch):
    monkeypatch.setattr(night_audit, "CHUNK", 1)
    night_audit.run(db, desk_on("2025-01-31"), cancelled=lambda: True)   # stopped after the first member
    r = night_audit.run(db, desk_on("2025-02-01"), to=date(2025, 2, 2))
    assert [(o.step, o.run_key, o.status) for o in r.steps] == [
        ("expire_points", "2025-02-01", "done"), ("close_day", "TKO:2025-02-01", "done"),
        ("expire_points", "2025-02-02", "done")]
    assert (r.closed, r.business_date) == (date(2025, 2, 1), date(2025, 2, 2))
    assert tuple(expire_entries(db)) == (3, -6_000)
    with pytest.raises(errors.InvalidBusinessDate):   # two days on is never asked for
        night_audit.run(db, desk_on("2025-02-02"), to=date(2025, 2, 4))


def test_the_turn_of_the_year_evaluates_with_carry_over(db):
    a, b = enrol(db, day="2025-01-05"), enrol(db, day="2025-01-05")
    stay(db, a, "2025-05-01", "2025-05-02", 290_000)            # 5,800 points: Loyal, carries 800
    set_date(db, date(2025, 12, 31))
    plan = night_audit.plan(db, desk_on("2025-12-31"))
    assert plan.year_turns
    r = night_audit.run(db, desk_on("2025-12-31"), to=date(2026, 1, 1))
    assert [(o.step, o.run_key, o.status) for o in r.steps] == [
        ("close_day", "TKO:2025-12-31", "done"), ("expire_points", "2026-01-01", "done"),
        ("evaluate_tiers", "2025", "done")]
    assert r.steps[2].figures == {"year": 2025, "evaluated": 2, "basic": 1, "loyal": 1, "exclusive": 0}
    with db.read() as s:
        rows = {e.member_id: (e.tier, e.carry_points) for e in s.scalars(select(TierEvaluation))}
    assert sorted(rows.values()) == [("basic", 0), ("loyal", 800)]
    va = lookup.show(db, desk_on("2026-04-01"), a)
    assert (va.tier, va.tier_valid_until, va.carry_points) == ("loyal", date(2027, 3, 31), 800)
    # OSA's audit of the same night: both batches done already.
    osa = night_audit.run(db, desk_on("2025-12-31", "OSA"))
    assert [o.status for o in osa.steps] == ["done", "skipped", "skipped"]


def test_one_audit_at_a_time_and_a_dead_one_taken_over(db, expiring):
    from desk_app.services import ledger

    night_audit.run(db, desk_on("2025-01-31"), cancelled=lambda: True)
    with db.write() as s:   # another desk is running the step right now
        s.execute(text("UPDATE night_audit_steps SET status = 'running', heartbeat_at = :t WHERE step = "
                       "'expire_points'"), {"t": ledger.now()})
    with pytest.raises(errors.AuditRunning):
        night_audit.run(db, desk_on("2025-02-01"))
    assert business_date.current(db, "TKO") == date(2025, 2, 1)
    with db.write() as s:   # ...and then it died: no heartbeat for longer than STALE
        s.execute(text("UPDATE night_audit_steps SET heartbeat_at = :t WHERE step = 'expire_points'"),
                  {"t": ledger.now() - night_audit.STALE - timedelta(minutes=1)})
    r = night_audit.run(db, desk_on("2025-02-01"))
    assert [(o.step, o.status) for o in r.steps] == [("expire_points", "done")]
    assert tuple(expire_entries(db)) == (3, -6_000)


def test_only_a_supervisor_runs_the_night_audit(db, expiring):
    for role in ("cashier", "clerk"):
        with pytest.raises(errors.NotPermitted):
            night_audit.run(db, desk_on("2025-01-31", role=role))
        with pytest.raises(errors.NotPermitted):
            night_audit.plan(db, desk_on("2025-01-31", role=role))
    assert business_date.current(db, "TKO") == date(2025, 1, 31)
    assert steps(db) == [] and tuple(expire_entries(db)) == (0, 0)
