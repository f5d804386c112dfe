"""Checks the ledger's invariants for a member: what the property tests and
`desk-admin check` rely on."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..db.schema import Allocation, LedgerEntry, Lot, Member
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
        if entry.kind == "reverse":
            # A reversed posting may empty its own lot, expired or not; what
            # it takes from other lots must be points the member could spend.
            own = set(session.scalars(select(Lot.id).join(LedgerEntry, LedgerEntry.id == Lot.entry_id)
                                      .where(LedgerEntry.transaction_id == entry.reverses)))
            if any(a.lot_id not in own and session.get(Lot, a.lot_id).expires_on < entry.business_date
                   for a in allocated):
                problems.append(f"reversal {entry.id} took expired points from another lot")
    for entry in session.scalars(select(LedgerEntry).where(LedgerEntry.member_id == member.id,
                                                           LedgerEntry.kind == "reverse", LedgerEntry.points > 0)):
        problems += _void_problems(session, entry)
    return LedgerCheck(member.number, entries_total, remaining, tuple(problems))


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
