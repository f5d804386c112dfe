"""Night-audit jobs: point expiry, the year-end tier evaluation, the list of
inactive memberships."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Callable

from sqlalchemy import func, select

from ..db.schema import Credit, LedgerEntry, Lot, Member, TierEvaluation
from ..domain import errors, tiers
from ..domain.dates import add_months
from . import ledger, tiering, views
from .context import Desk
from .database import Database, retrying

BATCH = 200
# Short transactions beside the desks: a chunk commits after BATCH members
# or CHUNK_SECONDS, whichever comes first, and on SQLite (one writer at a
# time) the batch then steps aside for SQLITE_PAUSE, longer than the 100 ms
# a waiting desk sleeps between its tries, so a desk is never starved.
CHUNK_SECONDS = 0.25
SQLITE_PAUSE = 0.12


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


def _in_turns(db: Database, ids: list[int], size: int, work: Callable[[list[int], float], int]):
    """Run `work(piece, deadline)` over `ids` in short transactions; `work`
    returns how many of `piece` it did (at least one) before the deadline.
    Yields the number done so far after each commit."""
    done = 0
    while done < len(ids):
        piece = ids[done:done + size]
        done += retrying(lambda: work(piece, time.monotonic() + CHUNK_SECONDS))  # a deadlock: that chunk again
        yield done
        if db.engine.dialect.name == "sqlite" and done < len(ids):
            time.sleep(SQLITE_PAUSE)


def expire_points(db: Database, desk: Desk, progress: Progress | None = None, chunk: int = BATCH) -> ExpiryResult:
    """Record the expiry of every lot past its date. Each member is written
    in its own short transaction with the row locked, so desks keep working
    while the batch runs; running it again finds nothing left to do."""
    desk.require("expire_points")
    with db.read() as s:
        ids = list(s.scalars(select(Lot.member_id).where(Lot.remaining > 0, Lot.expires_on < desk.business_date)
                             .distinct().order_by(Lot.member_id)))
    figures = {"points": 0, "members": 0}

    def expire(piece: list[int], deadline: float) -> int:
        points = count = n = 0
        with db.write() as s:
            for member_id in piece:  # members by id: the one lock order
                member = s.scalar(select(Member).where(Member.id == member_id).with_for_update())
                expired = ledger.record_expiry(s, desk, member)
                if expired:
                    points += expired
                    count += 1
                n += 1
                if time.monotonic() > deadline:
                    break
        figures["points"] += points  # after the commit only
        figures["members"] += count
        return n

    for done in _in_turns(db, ids, chunk, expire):
        if progress is not None:  # after the commit: a caller may stop here with nothing half-done
            progress(done, len(ids))
    return ExpiryResult(figures["points"], figures["members"])


def evaluate_tiers(db: Database, desk: Desk, year: int, progress: Progress | None = None,
                   chunk: int = BATCH) -> EvaluationResult:
    """Year-end evaluation of calendar year `year`: statuses valid April 1 of
    year+1 to March 31 of year+2, and the carry-over recorded."""
    desk.require("evaluate_tiers")
    if not isinstance(year, int) or year < 1990 or year >= desk.business_date.year + 1:
        raise errors.InvalidDates("Only a calendar year that has ended (or the current one) can be evaluated.")
    program = db.program
    with db.read() as s:
        ids = list(s.scalars(select(Member.id).where(Member.status == "active",
                                                      Member.enrolled_on <= date(year, 12, 31)).order_by(Member.id)))
    counts = {lvl.code: 0 for lvl in program.tiers.levels}

    def evaluate(piece: list[int], deadline: float) -> int:
        reached = {"": 0}
        with db.write() as s:
            for member_id in piece:  # members by id: the one lock order
                member = s.scalar(select(Member).where(Member.id == member_id).with_for_update())
                fig = tiering.figures(s, program, member.id, year)
                lvl = tiers.reached(program.tiers, fig.points, fig.nights)
                carry_p, carry_n = tiers.carry_over(program.tiers, fig.points, fig.nights)
                reached[""] += 1
                if tiering.may_be_upgraded(program, member):
                    reached[lvl.code] = reached.get(lvl.code, 0) + 1
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
                if time.monotonic() > deadline:
                    break
        n = reached.pop("")
        for code, k in reached.items():  # after the commit only
            counts[code] += k
        return n

    evaluated = 0
    for evaluated in _in_turns(db, ids, chunk, evaluate):
        if progress is not None:
            progress(evaluated, len(ids))
    return EvaluationResult(year, evaluated, counts.get("loyal", 0), counts.get("exclusive", 0), counts)


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
