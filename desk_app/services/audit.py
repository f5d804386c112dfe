"""Checks the ledger: its hash chain (db/chain.py) and the invariants
between entries, lots and allocations. `desk-admin check-ledger` runs
check_ledger; the property tests use check_member."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from ..db import chain
from ..db.schema import Allocation, LedgerEntry, Lot, Member
from ..domain import errors
from .context import Desk
from .database import Database


@dataclass(frozen=True)
class LedgerCheck:
    member_number: str
    entries_total: int
    lots_remaining: int
    problems: tuple[str, ...]


def check_member(session, member: Member) -> LedgerCheck:
    problems = []
    entries_total = session.scalar(select(func.coalesce(func.sum(LedgerEntry.points), 0))
                                   .where(LedgerEntry.member_id == member.id))
    lots = list(session.scalars(select(Lot).where(Lot.member_id == member.id)))
    remaining = sum(l.remaining for l in lots)
    if entries_total != remaining:
        problems.append(f"entries sum to {entries_total} but lots hold {remaining}")
    for lot in lots:
        drawn = session.scalar(select(func.coalesce(func.sum(Allocation.points), 0))
                               .where(Allocation.lot_id == lot.id))
        if lot.remaining < 0:
            problems.append(f"lot {lot.id} is below zero")
        if lot.points - drawn != lot.remaining:
            problems.append(f"lot {lot.id}: {lot.points} earned - {drawn} drawn != {lot.remaining} left")
        if lot.remaining > lot.points:
            problems.append(f"lot {lot.id} holds more than it earned")
    for entry in session.scalars(select(LedgerEntry).where(LedgerEntry.member_id == member.id,
                                                           LedgerEntry.points < 0)):
        allocated = list(session.scalars(select(Allocation).where(Allocation.entry_id == entry.id)))
        if sum(a.points for a in allocated) != -entry.points:
            problems.append(f"entry {entry.id} spent {-entry.points} but allocated {sum(a.points for a in allocated)}")
        for a in allocated:
            lot = session.get(Lot, a.lot_id)
            if lot.member_id != member.id:
                problems.append(f"entry {entry.id} drew from another member's lot")
            if entry.kind in ("redeem", "adjust") and lot.expires_on < entry.business_date:
                problems.append(f"entry {entry.id} spent expired lot {lot.id}")
    for entry in session.scalars(select(LedgerEntry).where(LedgerEntry.member_id == member.id,
                                                           LedgerEntry.kind == "reverse")):
        problems += _reversal_problems(session, entry)
    return LedgerCheck(member.number, entries_total, remaining, tuple(problems))


def _reversal_problems(session, entry: LedgerEntry) -> list[str]:
    if entry.points > 0:
        return _void_problems(session, entry)
    # A reversed posting may empty its own lot, expired or not; what it
    # takes from other lots must be points the member could spend.
    allocated = list(session.scalars(select(Allocation).where(Allocation.entry_id == entry.id)))
    own = set(session.scalars(select(Lot.id).join(LedgerEntry, LedgerEntry.id == Lot.entry_id)
                              .where(LedgerEntry.transaction_id == entry.reverses)))
    if any(a.lot_id not in own and session.get(Lot, a.lot_id).expires_on < entry.business_date
           for a in allocated):
        return [f"reversal {entry.id} took expired points from another lot"]
    return []


def _void_problems(session, entry: LedgerEntry) -> list[str]:
    """A voided redemption gives back exactly what the original drew, lot
    by lot (negative allocations against the same lots)."""
    def per_lot(entry_ids) -> dict[int, int]:
        out: dict[int, int] = {}
        for a in session.scalars(select(Allocation).where(Allocation.entry_id.in_(entry_ids))):
            out[a.lot_id] = out.get(a.lot_id, 0) + a.points
        return out

    given = {lot: -pts for lot, pts in per_lot([entry.id]).items()}
    originals = list(session.scalars(select(LedgerEntry.id).where(
        LedgerEntry.transaction_id == entry.reverses, LedgerEntry.member_id == entry.member_id)))
    if sum(given.values()) != entry.points or given != per_lot(originals):
        return [f"void {entry.id} does not give back exactly the lots its redemption drew"]
    return []


def check_all(db: Database, desk: Desk) -> list[LedgerCheck]:
    desk.require("check_ledger")
    with db.read() as s:
        return [c for m in s.scalars(select(Member).order_by(Member.id)) if (c := check_member(s, m)).problems]


# -- the whole ledger -----------------------------------------------------------
@dataclass(frozen=True)
class LedgerReport:
    entries: int
    head: str


@dataclass(frozen=True)
class _Finding:
    entry_id: int | None
    what: str


def chain_head(db: Database) -> LedgerReport:
    """The chain's end as recorded (not recomputed): for the office to keep.
    No role: callers check theirs (ledger_head, the day report)."""
    with db.read() as s:
        head = chain.read_head(s, chain.orm_tables())
    if head is None:
        raise errors.LedgerTampered("The ledger's chain head is missing.")
    return LedgerReport(*head)


def ledger_head(db: Database, desk: Desk) -> LedgerReport:
    """desk-admin ledger-head."""
    desk.require("check_ledger")
    return chain_head(db)


def check_ledger(db: Database, desk: Desk, head: str | None = None) -> LedgerReport:
    """Recompute the chain, then the invariants, and refuse at the first
    entry that does not fit: ledger_tampered (the chain) or
    ledger_inconsistent (the chain holds, the figures do not). `head`, a
    chain head noted earlier (ledger-head): the chain must still pass
    through it, which a chain rewritten and recomputed from before that
    point does not."""
    desk.require("check_ledger")
    with db.read() as s:
        report = check_session(s)
        noted = (head or "").strip().lower()
        if noted and noted != chain.GENESIS:
            seq = s.scalar(select(LedgerEntry.chain_seq).where(LedgerEntry.chain_hash == noted))
            if seq is None:
                exc = errors.LedgerTampered(
                    f"The ledger no longer passes through the chain head noted earlier ({noted[:16]}…): it was "
                    f"rewritten from before that point and its hashes recomputed.")
                exc.details = {"entry": None}
                raise exc
        return report


def check_session(s) -> LedgerReport:
    """check_ledger on an open session (also a backup file's, read-only)."""
    report = chain.verify(s, chain.orm_tables())
    if report.problem is not None:
        raise _refusal(s, errors.LedgerTampered, "The ledger was changed behind the application's back",
                       _Finding(report.problem.entry_id, report.problem.message))
    findings = [f for f in _inconsistencies(s) if f is not None]
    if findings:
        first = min(findings, key=lambda f: (f.entry_id is None, f.entry_id or 0))
        raise _refusal(s, errors.LedgerInconsistent, "The ledger's figures do not add up", first)
    return LedgerReport(report.entries, report.head)


def _refusal(session, kind, headline: str, finding: _Finding) -> errors.DeskError:
    details: dict = {"entry": finding.entry_id}
    where = ""
    if finding.entry_id is not None:
        row = session.execute(select(LedgerEntry.transaction_id, LedgerEntry.kind, Member.number)
                              .join(Member, Member.id == LedgerEntry.member_id, isouter=True)
                              .where(LedgerEntry.id == finding.entry_id)).first()
        if row is not None:
            details.update(transaction_id=row[0], member_number=row[2])
            where = f" at entry {finding.entry_id} ({row[1]}, member {row[2]}, transaction {row[0]})"
        else:
            where = f" at entry {finding.entry_id}"
    exc = kind(f"{headline}{where}: {finding.what}.")
    exc.details = details
    return exc


def _first(session, stmt, what) -> _Finding | None:
    row = session.execute(stmt.limit(1)).first()
    return None if row is None else _Finding(row[0], what(row))


def _inconsistencies(s):
    """Each invariant as one set-based query, answering with the smallest
    entry id that breaks it (lot problems name the entry that made the lot)."""
    drawn = (select(Allocation.lot_id, func.sum(Allocation.points).label("drawn"))
             .group_by(Allocation.lot_id).subquery())
    lot_drawn = func.coalesce(drawn.c.drawn, 0)
    yield _first(s, select(Lot.entry_id, Lot.id, Lot.points, lot_drawn, Lot.remaining)
                 .join(drawn, drawn.c.lot_id == Lot.id, isouter=True)
                 .where((Lot.points - lot_drawn != Lot.remaining) | (Lot.remaining < 0)
                        | (Lot.remaining > Lot.points)).order_by(Lot.entry_id),
                 lambda r: f"lot {r[1]}: {r[2]} earned - {r[3]} drawn != {r[4]} left, or below zero, "
                           f"or more than it earned")

    allocated = (select(Allocation.entry_id, func.sum(Allocation.points).label("allocated"))
                 .group_by(Allocation.entry_id).subquery())
    spent = func.coalesce(allocated.c.allocated, 0)
    yield _first(s, select(LedgerEntry.id, LedgerEntry.points, spent)
                 .join(allocated, allocated.c.entry_id == LedgerEntry.id, isouter=True)
                 .where(LedgerEntry.points < 0, -LedgerEntry.points != spent).order_by(LedgerEntry.id),
                 lambda r: f"it spent {-r[1]} points but its allocations draw {r[2]}")

    lot = aliased(Lot)
    yield _first(s, select(LedgerEntry.id, lot.id).join(Allocation, Allocation.entry_id == LedgerEntry.id)
                 .join(lot, lot.id == Allocation.lot_id)
                 .where(lot.member_id != LedgerEntry.member_id).order_by(LedgerEntry.id),
                 lambda r: f"it drew from lot {r[1]}, which belongs to another member")
    yield _first(s, select(LedgerEntry.id, lot.id).join(Allocation, Allocation.entry_id == LedgerEntry.id)
                 .join(lot, lot.id == Allocation.lot_id)
                 .where(LedgerEntry.kind.in_(("redeem", "adjust")), lot.expires_on < LedgerEntry.business_date)
                 .order_by(LedgerEntry.id),
                 lambda r: f"it spent lot {r[1]} after that lot had expired")

    entry = aliased(LedgerEntry)
    yield _first(s, select(Lot.entry_id, Lot.id).join(entry, entry.id == Lot.entry_id, isouter=True)
                 .where(entry.id.is_(None)).order_by(Lot.entry_id),
                 lambda r: f"lot {r[1]} names an entry that does not exist")
    yield _first(s, select(Allocation.entry_id, Allocation.id).join(entry, entry.id == Allocation.entry_id,
                                                                    isouter=True)
                 .where(entry.id.is_(None)).order_by(Allocation.entry_id),
                 lambda r: f"allocation {r[1]} names an entry that does not exist")
    yield _first(s, select(Lot.entry_id, Lot.id, entry.member_id, Lot.member_id)
                 .join(entry, and_(entry.id == Lot.entry_id, entry.member_id != Lot.member_id))
                 .order_by(Lot.entry_id),
                 lambda r: f"lot {r[1]} was made by another member's entry")

    # Reversals are few: each checked with the per-member rules.
    for entry in s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "reverse").order_by(LedgerEntry.id)):
        found = _reversal_problems(s, entry)
        if found:
            yield _Finding(entry.id, found[0])
            break

    # Every member: the entries' points add up to what the lots hold.
    by_entries = dict(s.execute(select(LedgerEntry.member_id, func.sum(LedgerEntry.points))
                                .group_by(LedgerEntry.member_id)).all())
    by_lots = dict(s.execute(select(Lot.member_id, func.sum(Lot.remaining)).group_by(Lot.member_id)).all())
    wrong = sorted(m for m in set(by_entries) | set(by_lots) if (by_entries.get(m) or 0) != (by_lots.get(m) or 0))
    if wrong:
        m = wrong[0]
        last = s.scalar(select(func.max(LedgerEntry.id)).where(LedgerEntry.member_id == m))
        yield _Finding(last, f"the member's entries sum to {by_entries.get(m) or 0} points but the lots "
                             f"hold {by_lots.get(m) or 0}")
