"""Ledger primitives shared by every service: entries, lots, allocations,
credits. Nothing here commits; the calling service owns the transaction.

Every entry joins the ledger's hash chain when its transaction commits
(db/chain.py): entries made here through the ORM are picked up by
themselves; bulk code that inserts entries with Core calls chain_entries."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import chain
from ..db.schema import Allocation, Credit, LedgerEntry, Lot, Member
from ..domain import errors, lots as lot_rules
from ..domain.program import Program
from .context import Desk


def new_transaction_id() -> str:
    return uuid.uuid4().hex


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def get_member(session: Session, number: str, *, lock: bool = False) -> Member:
    number = (number or "").strip()
    stmt = select(Member).where(Member.number == number)
    if lock:
        stmt = stmt.with_for_update()
    member = session.scalar(stmt)
    if member is None:
        raise errors.MemberNotFound(f"No member has the number '{number[:20]}'.")
    return member


def lock_members(session: Session, numbers: list[str]) -> dict[str, Member]:
    """Lock several members in the one order every writer uses, by member id
    (the batches walk members by id too), so two writers never deadlock."""
    wanted = sorted({(x or "").strip() for x in numbers})
    if len(wanted) == 1:  # one lock cannot be taken out of order: no need to read the id first
        return {wanted[0]: get_member(session, wanted[0], lock=True)}
    ids = dict(session.execute(select(Member.number, Member.id).where(Member.number.in_(wanted))).all())
    for number in wanted:
        if number not in ids:
            raise errors.MemberNotFound(f"No member has the number '{number[:20]}'.")
    locked = {}
    for number in sorted(wanted, key=ids.__getitem__):
        locked[number] = get_member(session, number, lock=True)
    return locked


def require_active(member: Member) -> None:
    if member.status != "active":
        raise errors.MemberClosed(f"Membership {member.number} is {member.status}; it cannot earn or redeem.")


def add_entry(
    session: Session, desk: Desk, member: Member, tx: str, kind: str, *, points: int = 0, nights: int = 0,
    reference: str | None = None, reason: str | None = None, at_property: bool = True, **extra,
) -> LedgerEntry:
    """at_property=False for entries no property made (expiry, merges, office work)."""
    entry = LedgerEntry(
        transaction_id=tx, member_id=member.id, kind=kind, points=points, nights=nights,
        business_date=desk.business_date, created_at=now(),
        property_code=desk.property_code if at_property else None,
        reference=reference, clerk=desk.clerk, terminal=desk.terminal, reason=reason,
        approved_by=desk.approver, **extra,
    )
    session.add(entry)
    session.flush()
    return entry


def chain_entries(session: Session, entry_ids) -> None:
    """Bulk inserts (imports): after inserting entries and the lots,
    allocations and credits they make in this session's transaction, hand
    their ids here; they are chained together, in id order, in one pass
    when the transaction commits (one head lock, chunked queries)."""
    chain.track(session, entry_ids)


def member_lots(session: Session, member_id: int) -> list[Lot]:
    return list(session.scalars(select(Lot).where(Lot.member_id == member_id).order_by(Lot.id)))


def as_domain(lots: list[Lot]) -> list[lot_rules.Lot]:
    return [lot_rules.Lot(l.id, l.earned_on, l.expires_on, l.remaining) for l in lots]


def balance(session: Session, member_id: int, on: date) -> int:
    return lot_rules.balance(as_domain(member_lots(session, member_id)), on)


def add_lot(session: Session, program: Program, member: Member, entry: LedgerEntry, points: int,
            earned_on: date, expires_on: date | None = None) -> Lot:
    lot = Lot(
        member_id=member.id, entry_id=entry.id, earned_on=earned_on,
        expires_on=expires_on or lot_rules.expiry_date(program.expiry_kind, program.expiry_years, earned_on),
        points=points, remaining=points,
    )
    session.add(lot)
    return lot


def add_credit(session: Session, member: Member, entry: LedgerEntry, date_of_use: date,
               qualifying_points: int, nights: int, source: str) -> None:
    if qualifying_points or nights:
        session.add(Credit(member_id=member.id, entry_id=entry.id, date_of_use=date_of_use,
                           qualifying_points=qualifying_points, nights=nights, source=source))


def draw(session: Session, entry: LedgerEntry, plan: list[tuple[int, int]], by_id: dict[int, Lot]) -> None:
    for lot_id, pts in plan:
        lot = by_id[lot_id]
        lot.remaining -= pts
        session.add(Allocation(entry_id=entry.id, lot_id=lot_id, points=pts))


def spend(session: Session, desk: Desk, member: Member, tx: str, kind: str, points: int, **entry_fields) -> LedgerEntry:
    """Debit `points` oldest first; refuses with insufficient_points before
    writing anything. The member row must already be locked."""
    lots = member_lots(session, member.id)
    plan = lot_rules.allocate(as_domain(lots), points, desk.business_date)
    entry = add_entry(session, desk, member, tx, kind, points=-points, **entry_fields)
    draw(session, entry, plan, {l.id: l for l in lots})
    return entry


def drain(session: Session, desk: Desk, member: Member, tx: str, kind: str, lots: list[Lot], **entry_fields) -> int:
    """Take everything left in `lots` in one entry (expiry, withdrawal, merge)."""
    plan = [(l.id, l.remaining) for l in lot_rules.spending_order(as_domain(lots)) if l.remaining > 0]
    total = sum(p for _, p in plan)
    if total:
        entry = add_entry(session, desk, member, tx, kind, points=-total, **entry_fields)
        draw(session, entry, plan, {l.id: l for l in lots})
    return total


def record_expiry(session: Session, desk: Desk, member: Member, tx: str | None = None) -> int:
    """Write off what has passed its date as of the business date. Idempotent."""
    lots = member_lots(session, member.id)
    expired_ids = {l.id for l in lot_rules.expired_lots(as_domain(lots), desk.business_date)}
    if not expired_ids:
        return 0
    return drain(session, desk, member, tx or new_transaction_id(), "expire",
                 [l for l in lots if l.id in expired_ids], at_property=False, reason="points past their expiry date")
