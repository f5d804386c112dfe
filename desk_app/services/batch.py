"""Night-audit jobs: point expiry, the year-end tier evaluation, the list of
inactive memberships."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Callable

from sqlalchemy import bindparam, func, select, update

from ..db import chain
from ..db.schema import Credit, LedgerEntry, Lot, Member, TierEvaluation, TierStatus
from ..domain import errors, tiers
from ..domain.dates import add_months
from . import bulk, ledger, tiering, views
from .context import Desk
from .database import Database, retrying

# Set-based chunks of members, each one short transaction; beside the desks
# a chunk is retried after a deadlock, and on SQLite (one writer at a time)
# the batch then steps aside for SQLITE_PAUSE, longer than the 100 ms a
# waiting desk sleeps between its tries, so a desk is never starved. Unless
# the caller fixes the chunk's size, it starts at BATCH members and is sized
# to the time it takes: about SQLITE_BUDGET seconds of work per transaction
# on SQLite (a desk then waits at most that and one sleep of its own, well
# under a second), so the pauses stay a small part of a long batch.
BATCH = 2000
SQLITE_PAUSE = 0.12
SQLITE_BUDGET = 0.4
MAX_BATCH = 50_000


@dataclass(frozen=True)
class ExpiryResult:
    expired_points: int
    members: int


@dataclass(frozen=True)
class EvaluationResult:
    year: int
    evaluated: int
    loyal: int
    exclusive: int
    by_tier: dict


Progress = Callable[[int, int], None]


def _chunks(ids: list[int], size: int = BATCH):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _in_turns(db: Database, ids: list[int], size: int | None, work: Callable[[list[int]], None]):
    """Run `work(piece)` over `ids` in short transactions, a chunk again
    after a deadlock or a busy database. Yields the number done so far
    after each commit. `size` None: chunks sized to SQLITE_BUDGET (see
    above; on PostgreSQL too, where a desk that posts waits for the chain's
    head a chunk holds)."""
    done, sqlite = 0, db.engine.dialect.name == "sqlite"
    step = BATCH if size is None else size
    while done < len(ids):
        piece = ids[done:done + step]
        started = time.perf_counter()
        retrying(lambda: work(piece))
        took = time.perf_counter() - started
        done += len(piece)
        yield done
        if size is None and len(piece) == step:
            # the next chunk's size from this one's pace, at most doubled or halved
            want = round(step * SQLITE_BUDGET / max(took, 1e-3))
            step = max(100, min(MAX_BATCH, 2 * step, max(step // 2, want)))
        if sqlite and done < len(ids):
            time.sleep(SQLITE_PAUSE)


def expire_points(db: Database, desk: Desk, progress: Progress | None = None,
                  chunk: int | None = None) -> ExpiryResult:
    """Record the expiry of every lot past its date. Set-based: each chunk
    of members is one short transaction of a few statements (members
    locked, their expired lots read, one `expire` entry per member with its
    allocations, the lots emptied, the entries chained), so desks keep
    working while the batch runs; running it again (or after a kill) finds
    only what is left to do. The same entries as ledger.record_expiry
    member by member (tests/db/test_set_batches.py keeps that as the
    reference)."""
    desk.require("expire_points")
    with db.read() as s:
        ids = list(s.scalars(select(Lot.member_id).where(Lot.remaining > 0, Lot.expires_on < desk.business_date)
                             .distinct().order_by(Lot.member_id)))
    figures = {"points": 0, "members": 0}

    def expire(piece: list[int]) -> None:
        with db.write() as s:
            points, count = _expire_chunk(s, desk, piece)
        figures["points"] += points  # after the commit only
        figures["members"] += count

    for done in _in_turns(db, ids, chunk, expire):
        if progress is not None:  # after the commit: a caller may stop here with nothing half-done
            progress(done, len(ids))
    return ExpiryResult(figures["points"], figures["members"])


EXPIRY_REASON = "points past their expiry date"


def _expire_chunk(s, desk: Desk, piece: list[int]) -> tuple[int, int]:
    conn = s.connection()
    sqlite = conn.dialect.name == "sqlite"
    lo, hi = piece[0], piece[-1]
    wanted = set(piece)
    if not sqlite:  # the members first, in id order, as a desk locks a member before the chain head
        conn.execute(select(Member.id).where(Member.id.between(lo, hi)).order_by(Member.id).with_for_update())
    # Plain driver rows in the spending order (domain.lots.spending_order:
    # expiry, then earning date, then the id as text), sorted here as
    # tuples; dates are ISO text on SQLite, so they order as dates.
    mark = "?" if sqlite else "%s"
    cur = conn.connection.cursor()
    try:
        cur.execute(f"SELECT member_id, expires_on, earned_on, CAST(id AS TEXT), id, remaining FROM lots "
                    f"WHERE member_id BETWEEN {mark} AND {mark} AND remaining > 0 AND expires_on < {mark}",
                    (lo, hi, bulk.value(conn, desk.business_date)))
        rows = cur.fetchall()
    finally:
        cur.close()
    rows.sort()
    by_member: dict[int, list] = {}
    for r in rows:
        if r[0] in wanted:
            by_member.setdefault(r[0], []).append(r)
    if not by_member:
        return 0, 0
    n_allocs = sum(len(v) for v in by_member.values())
    entry_ids = bulk.reserve_ids(conn, "ledger_entries", len(by_member))
    alloc_ids = iter(bulk.reserve_ids(conn, "allocations", n_allocs))
    now = ledger.now()
    t = chain.orm_tables()
    seq, prev = conn.execute(select(t.head.c.entries, t.head.c.head).where(t.head.c.id == chain.HEAD_ID)
                             .with_for_update()).one()
    # The entry's canonical JSON (db/chain.canonical: sorted keys, no
    # spaces, NULL columns left out) written out directly; check-ledger
    # recomputes it with chain.digest (tests/db/test_set_batches.py).
    j = bulk.json_text
    head_part = ('],"credits":[],"entry":{'
                 + (f'"approved_by":{j(desk.approver)},' if desk.approver is not None else "")
                 + f'"business_date":"{desk.business_date.isoformat()}","clerk":{j(desk.clerk)},'
                 f'"created_at":"{now.isoformat()}","kind":"expire",')
    tail_part = f'"reason":{j(EXPIRY_REASON)},"terminal":{j(desk.terminal)},'
    entries, allocs, emptied, total = [], [], [], 0
    day_v, now_v = bulk.value(conn, desk.business_date), bulk.value(conn, now)
    for eid, member_id, tx in zip(entry_ids, sorted(by_member), bulk.transaction_ids(len(by_member))):
        docs, points = [], 0
        for _m, _x, _e, _t, lot_id, remaining in by_member[member_id]:
            allocs.append((next(alloc_ids), eid, lot_id, remaining))
            docs.append(f'{{"lot_id":{lot_id},"points":{remaining}}}')
            emptied.append((lot_id,))
            points += remaining
        seq += 1
        prev = bulk.sha256_text('{"allocations":[' + ",".join(docs) + head_part
                                + f'"member_id":{member_id},"nights":0,"points":{-points},{tail_part}'
                                f'"transaction_id":"{tx}"}},"lots":[],"prev":"{prev}"}}')
        entries.append((eid, tx, member_id, "expire", -points, 0, day_v, now_v, desk.clerk, desk.terminal,
                        EXPIRY_REASON, desk.approver, seq, prev))
        total += points
    bulk.executemany(conn, "INSERT INTO ledger_entries (id, transaction_id, member_id, kind, points, nights, "
                           "business_date, created_at, clerk, terminal, reason, approved_by, chain_seq, chain_hash) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
    bulk.executemany(conn, "INSERT INTO allocations (id, entry_id, lot_id, points) VALUES (?, ?, ?, ?)", allocs)
    bulk.executemany(conn, "UPDATE lots SET remaining = 0 WHERE id = ?", emptied)
    conn.execute(update(t.head).where(t.head.c.id == chain.HEAD_ID).values(entries=seq, head=prev))
    return total, len(by_member)


def evaluate_tiers(db: Database, desk: Desk, year: int, progress: Progress | None = None,
                   chunk: int | None = None) -> EvaluationResult:
    """Year-end evaluation of calendar year `year`: statuses valid April 1 of
    year+1 to March 31 of year+2, and the carry-over recorded. Set-based:
    per chunk of members one transaction reads their credits summed by
    year, their statuses and earlier evaluations in three queries, applies
    the program's rules (domain.tiers) and writes the evaluations and new
    statuses in bulk. Running it again changes nothing; a run killed
    half-way is simply run again. The same rows as the member-by-member
    code it replaced (tests/db/test_set_batches.py)."""
    desk.require("evaluate_tiers")
    if not isinstance(year, int) or year < 1990 or year >= desk.business_date.year + 1:
        raise errors.InvalidDates("Only a calendar year that has ended (or the current one) can be evaluated.")
    program = db.program
    with db.read() as s:
        ids = list(s.scalars(select(Member.id).where(Member.status == "active",
                                                      Member.enrolled_on <= date(year, 12, 31)).order_by(Member.id)))
    counts = {lvl.code: 0 for lvl in program.tiers.levels}

    evaluated = [0]

    def evaluate(piece: list[int]) -> None:
        reached = {code: 0 for code in counts}
        with db.write() as s:
            n = _evaluate_chunk(s, program, desk, year, piece, reached)
        for code, k in reached.items():  # after the commit only
            counts[code] += k
        evaluated[0] += n

    for done in _in_turns(db, ids, chunk, evaluate):
        if progress is not None:
            progress(done, len(ids))
    return EvaluationResult(year, evaluated[0], counts.get("loyal", 0), counts.get("exclusive", 0), counts)


USE_CREDITS = ("stay", "bill", "companion")
USE_ENTRIES = ("stay", "bill")


def _merged_in(session, member_id: int) -> list[int]:
    """The member and every number merged into it (also through others)."""
    ids, todo = [member_id], [member_id]
    while todo:
        found = list(session.scalars(select(Member.id).where(Member.merged_into_id.in_(todo))))
        todo = [i for i in found if i not in ids]
        ids += todo
    return ids


def _evaluate_chunk(s, program, desk: Desk, year: int, piece: list[int], counts: dict) -> int:
    conn = s.connection()
    lo, hi = piece[0], piece[-1]
    wanted = set(piece)
    members = {r.id: r for r in conn.execute(
        select(Member.id, Member.status, Member.registration).where(Member.id.between(lo, hi))
        .order_by(Member.id).with_for_update()) if r.id in wanted}
    earned: dict[int, dict[int, tuple[int, int]]] = {}
    y = func.extract("year", Credit.date_of_use)
    for member_id, yr, pts, nights in conn.execute(
            select(Credit.member_id, y, func.sum(Credit.qualifying_points), func.sum(Credit.nights))
            .where(Credit.member_id.between(lo, hi)).group_by(Credit.member_id, y)):
        if member_id in wanted:
            earned.setdefault(member_id, {})[int(yr)] = (int(pts), int(nights))
    held: dict[int, list[tiers.Status]] = {}
    for r in conn.execute(select(TierStatus.member_id, TierStatus.tier, TierStatus.valid_from,
                                 TierStatus.valid_until, TierStatus.basis_year, TierStatus.source,
                                 TierStatus.cancelled_on).where(TierStatus.member_id.between(lo, hi))):
        held.setdefault(r.member_id, []).append(
            tiers.Status(r.tier, r.valid_from, r.valid_until, r.basis_year, r.source, r.cancelled_on))
    existing = dict(conn.execute(select(TierEvaluation.member_id, TierEvaluation.id).where(
        TierEvaluation.member_id.between(lo, hi), TierEvaluation.year == year)).all())
    rules, day = program.tiers, desk.business_date
    new_rows, changed, grants = [], [], []
    for member_id in piece:
        m = members.get(member_id)
        if m is None:
            continue
        fig = tiers.year_figures(rules, earned.get(member_id, {}), year)
        lvl = tiers.reached(rules, fig.points, fig.nights)
        carry_p, carry_n = tiers.carry_over(rules, fig.points, fig.nights)
        if m.status == "active" and (m.registration == "full" or not program.upgrade_requires_full_registration):
            counts[lvl.code] += 1
            status = tiers.year_end_status(rules, fig, held.get(member_id, []))
            if status is not None:
                grants.append({"member_id": member_id, "tier": status.tier, "valid_from": status.valid_from,
                               "valid_until": status.valid_until, "basis_year": status.basis_year,
                               "source": status.source, "granted_on": day})
        values = {"points": fig.points, "nights": fig.nights, "tier": lvl.code, "carry_points": carry_p,
                  "carry_nights": carry_n, "evaluated_on": day}
        if member_id in existing:
            changed.append({"_id": existing[member_id], **values})
        else:
            new_rows.append({"member_id": member_id, "year": year, **values})
    # through the driver (bulk.executemany): dates as the column stores them
    v = bulk.value
    bulk.executemany(conn, "INSERT INTO tier_statuses (member_id, tier, valid_from, valid_until, basis_year, "
                           "source, granted_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(g["member_id"], g["tier"], v(conn, g["valid_from"]), v(conn, g["valid_until"]),
                       g["basis_year"], g["source"], v(conn, g["granted_on"])) for g in grants])
    bulk.executemany(conn, "INSERT INTO tier_evaluations (member_id, year, points, nights, tier, carry_points, "
                           "carry_nights, evaluated_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [(r["member_id"], r["year"], r["points"], r["nights"], r["tier"], r["carry_points"],
                       r["carry_nights"], v(conn, r["evaluated_on"])) for r in new_rows])
    if changed:
        te = TierEvaluation.__table__
        conn.execute(update(te).where(te.c.id == bindparam("_id")).values(
            **{k: bindparam(k) for k in ("points", "nights", "tier", "carry_points", "carry_nights",
                                         "evaluated_on")}), changed)
    return len(members)


def last_activity(session, member: Member) -> date:
    """The last stay or points earned by use (stays, bills, claims, OMO
    stay points), by date of use, or the enrollment date if there were none
    (docs/program-rules.md 1, T&C 7.2). Only the postings themselves count,
    the member's own and those of the duplicate numbers merged into it,
    under their own dates of use: a merge, an adjustment (also one moved in
    by a merge), a reversal, and a reversed posting never restart the clock."""
    ids = _merged_in(session, member.id)
    undone = select(LedgerEntry.reverses).where(LedgerEntry.member_id.in_(ids), LedgerEntry.reverses.is_not(None))
    stay = session.scalar(
        select(func.max(Credit.date_of_use)).join(LedgerEntry, LedgerEntry.id == Credit.entry_id)
        .where(Credit.member_id.in_(ids), Credit.source.in_(USE_CREDITS),
               LedgerEntry.transaction_id.not_in(undone)))
    earned = session.scalar(
        select(func.max(Lot.earned_on)).join(LedgerEntry, LedgerEntry.id == Lot.entry_id)
        .where(Lot.member_id.in_(ids), LedgerEntry.kind.in_(USE_ENTRIES),
               LedgerEntry.transaction_id.not_in(undone)))
    return max(d for d in (member.enrolled_on, stay, earned) if d is not None)


def inactive(db: Database, desk: Desk, months: int | None = None) -> list[views.MemberView]:
    """Memberships with no stay and no points for `months` consecutive months
    (T&C 7.2). Listing only: revoking is the office's decision."""
    desk.require("inactive")
    program = db.program
    months = program.inactivity_months if months is None else months
    if not isinstance(months, int) or months < 1 or months > 1200:
        raise errors.InvalidAmount("The number of months must be between 1 and 1200.")
    cutoff = add_months(desk.business_date, -months)
    with db.read() as s:
        idle = [m for m in s.scalars(select(Member).where(Member.status == "active", Member.enrolled_on <= cutoff)
                                     .order_by(Member.number)) if last_activity(s, m) <= cutoff]
        return views.member_views(s, program, idle, desk.business_date)
