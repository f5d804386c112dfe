"""The set-based expiry batch and year-end evaluation write exactly what
the member-by-member code did (kept here as the reference): two databases
built the same way from a seeded random history, one run each way, the
same entries, allocations, lots, statuses and evaluations, and a chain
check-ledger accepts. Also: progress, and a run stopped half-way and run
again."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from benchmarks.members_csv import write_csv
from desk_app.db.schema import Allocation, LedgerEntry, Lot, Member, TierEvaluation, TierStatus
from desk_app.domain import errors, tiers
from desk_app.services import audit, batch, bulk, importing, ledger, office, posting, redemption, tiering
from tests.conftest import desk_on, make_db

pytestmark = pytest.mark.usefixtures("backend_all")


# -- the reference: the member-by-member batches as they were ------------------------
def reference_expire(db, desk) -> batch.ExpiryResult:
    with db.read() as s:
        ids = list(s.scalars(select(Lot.member_id).where(Lot.remaining > 0, Lot.expires_on < desk.business_date)
                             .distinct().order_by(Lot.member_id)))
    total = members = 0
    with db.write() as s:
        for member_id in ids:
            member = s.scalar(select(Member).where(Member.id == member_id).with_for_update())
            expired = ledger.record_expiry(s, desk, member)
            if expired:
                total += expired
                members += 1
    return batch.ExpiryResult(total, members)


def reference_evaluate(db, desk, year) -> batch.EvaluationResult:
    program = db.program
    with db.read() as s:
        ids = list(s.scalars(select(Member.id).where(Member.status == "active",
                                                      Member.enrolled_on <= date(year, 12, 31)).order_by(Member.id)))
    counts = {lvl.code: 0 for lvl in program.tiers.levels}
    with db.write() as s:
        for member_id in ids:
            member = s.scalar(select(Member).where(Member.id == member_id).with_for_update())
            fig = tiering.figures(s, program, member.id, year)
            lvl = tiers.reached(program.tiers, fig.points, fig.nights)
            carry_p, carry_n = tiers.carry_over(program.tiers, fig.points, fig.nights)
            if tiering.may_be_upgraded(program, member):
                counts[lvl.code] += 1
                status = tiers.year_end_status(program.tiers, fig, tiering.statuses(s, member.id))
                if status is not None:
                    tiering.grant(s, member, status, desk)
            row = s.scalar(select(TierEvaluation).where(TierEvaluation.member_id == member.id,
                                                        TierEvaluation.year == year))
            if row is None:
                row = TierEvaluation(member_id=member.id, year=year)
                s.add(row)
            row.points, row.nights, row.tier = fig.points, fig.nights, lvl.code
            row.carry_points, row.carry_nights, row.evaluated_on = carry_p, carry_n, desk.business_date
    return batch.EvaluationResult(year, len(ids), counts.get("loyal", 0), counts.get("exclusive", 0), counts)


# -- a seeded history ---------------------------------------------------------------------
def build(url: str, seed: int, tmp_path) -> object:
    """Imported members, then stays, redemptions, an adjustment, withdrawals
    and a merge through the services, the same for the same seed."""
    db = make_db(url)
    rng = random.Random(seed)
    path = tmp_path / f"members-{seed}.csv"
    if not path.exists():
        write_csv(path, 120, seed=seed, business_date=date(2026, 11, 22))
    importing.import_members(db, desk_on("2026-11-22"), path)
    with db.read() as s:
        numbers = list(s.scalars(select(Member.number).order_by(Member.id)))
    for i, number in enumerate(numbers):
        roll = rng.random()
        day = date(2026, 11, 22)
        try:
            if roll < 0.35:
                nights = rng.choice((1, 2, 3, 7, 12))
                posting.post_stay(db, desk_on(day), number, posting.StayFolio(
                    folio=f"S{i}", check_in=date(2026, 11, 22 - min(nights, 20)), check_out=day,
                    channel="direct", charges={"room": rng.choice((30_000, 120_000, 900_000)) * nights}))
            elif roll < 0.55:
                redemption.pay_by_points(db, desk_on(day), number, rng.choice((500, 1_500, 3_000)), folio=f"P{i}")
            elif roll < 0.6:
                office.adjust(db, desk_on(day), number, rng.choice((-100, 250)), "correction")
            elif roll < 0.63:
                office.withdraw(db, desk_on(day), number, "moved abroad")
        except errors.DeskError:
            pass
    for keep, drop in ((numbers[-1], numbers[-2]), (numbers[-3], numbers[-4]), (numbers[-5], numbers[-6])):
        try:
            office.merge(db, desk_on("2026-11-22"), keep, drop)
            break
        except errors.DeskError:
            continue
    return db


def snapshot(db) -> dict:
    with db.read() as s:
        return {
            # (a merge's reason names the member numbers, drawn at random in each twin)
            "entries": [tuple(r[:9]) + (None if r[2].startswith("merge") else r[9],) + tuple(r[10:])
                        for r in s.execute(select(
                LedgerEntry.id, LedgerEntry.member_id, LedgerEntry.kind, LedgerEntry.points, LedgerEntry.nights,
                LedgerEntry.business_date, LedgerEntry.property_code, LedgerEntry.clerk, LedgerEntry.terminal,
                LedgerEntry.reason, LedgerEntry.approved_by, LedgerEntry.chain_seq).order_by(LedgerEntry.id))],
            "allocations": [tuple(r) for r in s.execute(select(Allocation.id, Allocation.entry_id, Allocation.lot_id,
                                                               Allocation.points).order_by(Allocation.id))],
            "lots": [tuple(r) for r in s.execute(select(Lot.id, Lot.member_id, Lot.remaining).order_by(Lot.id))],
            "statuses": sorted(tuple(r) for r in s.execute(select(
                TierStatus.member_id, TierStatus.tier, TierStatus.valid_from, TierStatus.valid_until,
                TierStatus.basis_year, TierStatus.source, TierStatus.granted_on, TierStatus.cancelled_on))),
            "evaluations": sorted(tuple(r) for r in s.execute(select(
                TierEvaluation.member_id, TierEvaluation.year, TierEvaluation.points, TierEvaluation.nights,
                TierEvaluation.tier, TierEvaluation.carry_points, TierEvaluation.carry_nights,
                TierEvaluation.evaluated_on))),
        }


@pytest.fixture
def twins(request, database_url, tmp_path):
    """Two databases with the same history (the second in its own schema or file)."""
    from tests.conftest import PG_URL, pg_schema_url

    urls = [database_url]
    if database_url.startswith("sqlite"):
        urls.append(f"sqlite:///{tmp_path / 'twin.sqlite3'}")
        cleanup = None
    else:
        import uuid

        from sqlalchemy import create_engine, text

        schema = "t_" + uuid.uuid4().hex[:12]
        admin = create_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        urls.append(pg_schema_url(schema))

        def cleanup():
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()
    seed = getattr(request, "param", 7)
    dbs = [build(u, seed, tmp_path) for u in urls]
    yield dbs
    for d in dbs:
        d.dispose()
    if cleanup:
        cleanup()


@pytest.mark.parametrize("twins", [7, 19], indirect=True)
def test_the_set_based_batches_write_what_the_member_by_member_ones_did(twins):
    old, new = twins
    a, b = snapshot(old), snapshot(new)
    for k in a:
        diff = [(x, y) for x, y in zip(a[k], b[k]) if x != y]
        assert not diff and len(a[k]) == len(b[k]), (k, diff[:3])
    # The year-end evaluations of 2025 and 2026, the second run twice (nothing changes).
    for year, day in ((2025, "2026-11-22"), (2026, "2027-01-02"), (2026, "2027-01-02")):
        d = desk_on(day)
        assert batch.evaluate_tiers(new, d, year, chunk=17) == reference_evaluate(old, d, year)
        assert snapshot(new) == snapshot(old)
    # Expiry as of a date that takes 2025's points, then one that takes the rest.
    for day in ("2028-02-01", "2028-02-01", "2029-02-01"):
        d = desk_on(day)
        assert batch.expire_points(new, d, chunk=13) == reference_expire(old, d)
        assert snapshot(new) == snapshot(old)
    final = snapshot(new)
    assert final["statuses"] and any(e[2] == "expire" for e in final["entries"])  # there was something to do
    for d in (old, new):
        assert audit.check_ledger(d, desk_on("2029-02-01")).entries == snapshot(new)["entries"][-1][-1]


def test_the_batches_report_progress_and_finish_after_a_stop(db, tmp_path):
    importing.import_members(db, desk_on("2026-11-22"), write_csv(tmp_path / "m.csv", 90, seed=3))
    seen = []

    class Killed(Exception):
        pass

    def stop_after_two(done, total):
        seen.append((done, total))
        if len(seen) == 2:
            raise Killed  # as a kill between two committed chunks

    d = desk_on("2029-02-01")
    with pytest.raises(Killed):
        batch.expire_points(db, d, stop_after_two, chunk=20)
    assert seen == [(20, 90), (40, 90)]
    first = snapshot(db)
    assert len([e for e in first["entries"] if e[2] == "expire"]) == 40
    from dataclasses import replace

    rest = batch.expire_points(db, replace(d, approver="the-supervisor"), chunk=20)  # approved_by is hashed too
    assert rest.members == 50
    assert all(remaining == 0 for _, _, remaining in snapshot(db)["lots"])
    assert batch.expire_points(db, d).members == 0
    audit.check_ledger(db, d)
    seen.clear()
    r = batch.evaluate_tiers(db, desk_on("2027-01-02"), 2026, lambda done, total: seen.append((done, total)),
                             chunk=40)
    assert seen == [(40, 90), (80, 90), (90, 90)] and r.evaluated == 90


def test_chunks_are_sized_to_the_time_budget(monkeypatch):
    """Unless the caller fixes the size, a chunk grows (at most doubling)
    or shrinks (at most halving) towards SQLITE_BUDGET seconds of work, and
    every chunk but the last is followed by the pause on SQLite."""
    from types import SimpleNamespace

    clock, sizes, pauses = [0.0], [], []
    pace = {"per_member": 0.4 / 8000}  # 8,000 members fill the budget

    def work(piece):
        sizes.append(len(piece))
        clock[0] += len(piece) * pace["per_member"]
        if len(sizes) == 3:
            pace["per_member"] = 0.4 / 1000  # the machine gets busy: 1,000 members fill it

    monkeypatch.setattr(batch.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(batch.time, "sleep", pauses.append)
    monkeypatch.setattr(batch, "retrying", lambda w: w())
    db = SimpleNamespace(engine=SimpleNamespace(dialect=SimpleNamespace(name="sqlite")))
    ids = list(range(60_000))
    done = list(batch._in_turns(db, ids, None, work))
    assert done[-1] == len(ids) and sum(sizes) == len(ids)
    assert sizes[:7] == [2000, 4000, 8000, 8000, 4000, 2000, 1000]
    assert pauses == [batch.SQLITE_PAUSE] * (len(sizes) - 1)
    assert list(batch._in_turns(db, list(range(50)), 20, lambda p: sizes.append(len(p)))) == [20, 40, 50]
    assert sizes[-3:] == [20, 20, 10]


def test_bulk_transaction_ids_are_time_ordered_uuids():
    """32 hex digits like the desk's ids, version 7, all different, and the
    ids of one chunk share their leading (time) digits."""
    import uuid

    ids = bulk.transaction_ids(5000)
    assert len(set(ids)) == 5000
    for tx in ids[:50]:
        u = uuid.UUID(tx)
        assert len(tx) == 32 and tx == u.hex and u.version == 7 and u.variant == uuid.RFC_4122
    assert len({tx[:8] for tx in ids}) == 1
    assert bulk.transaction_ids(0) == []
