"""The program office's corrections: adjustments, merges, withdrawals.
Supervisor only; each is an append-only set of ledger entries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from ..db.schema import Card, Credit, Member, NightCredit, TierStatus
from ..domain import errors
from . import ledger, tiering, views
from .context import Desk
from .database import Database
from .registration import validate_reason

MAX_ADJUSTMENT = 1_000_000


@dataclass(frozen=True)
class AdjustmentResult:
    transaction_id: str
    balance_after: int


def adjust(db: Database, desk: Desk, number: str, points: int, reason: str) -> AdjustmentResult:
    desk.require("adjust")
    if not isinstance(points, int) or isinstance(points, bool) or points == 0 or abs(points) > MAX_ADJUSTMENT:
        raise errors.InvalidAmount(f"An adjustment is a non-zero number of points up to {MAX_ADJUSTMENT:,}.")
    why = validate_reason(reason)
    program = db.program
    tx = ledger.new_transaction_id()
    with db.write() as s:
        member = ledger.get_member(s, number, lock=True)
        ledger.require_active(member)
        if points > 0:
            entry = ledger.add_entry(s, desk, member, tx, "adjust", points=points, reason=why)
            # Points granted outside a stay run from the grant date.
            ledger.add_lot(s, program, member, entry, points, desk.business_date)
        else:
            ledger.spend(s, desk, member, tx, "adjust", -points, reason=why)
        return AdjustmentResult(tx, ledger.balance(s, member.id, desk.business_date))


def _close_cards(session, member: Member) -> None:
    for card in session.scalars(select(Card).where(Card.member_id == member.id, Card.status == "active")):
        card.status = "cancelled"


def merge(db: Database, desk: Desk, keep_number: str, drop_number: str) -> views.MemberView:
    """Consolidate a duplicate membership: valid points keep their own
    expiry dates, nights and qualifying points keep their dates of use."""
    desk.require("merge")
    if not db.program.merge_allowed:
        # OMO 5, 11.4: each account's points stand alone and cannot be moved.
        raise errors.MergeNotAllowed(f"{db.program.name} accounts are never merged; each account's points "
                                  "stand alone.")
    if keep_number.strip() == drop_number.strip():
        raise errors.SameMember("A membership cannot be merged into itself.")
    program = db.program
    tx = ledger.new_transaction_id()
    with db.write() as s:
        locked = ledger.lock_members(s, [keep_number, drop_number])
        keep, drop = locked[keep_number.strip()], locked[drop_number.strip()]
        ledger.require_active(keep)
        ledger.require_active(drop)
        ledger.record_expiry(s, desk, drop, tx)
        live = [l for l in ledger.member_lots(s, drop.id) if l.remaining > 0]
        carried = [(l.remaining, l.earned_on, l.expires_on) for l in live]
        moved = ledger.drain(s, desk, drop, tx, "merge_out", live, reference=keep.number, at_property=False,
                             reason=f"merged into {keep.number}")
        entry_in = ledger.add_entry(s, desk, keep, tx, "merge_in", points=moved, reference=drop.number,
                                    at_property=False, reason=f"merged from {drop.number}")
        for remaining, earned_on, expires_on in carried:
            ledger.add_lot(s, program, keep, entry_in, remaining, earned_on, expires_on)
        years = {desk.business_date.year}
        for credit in s.scalars(select(Credit).where(Credit.member_id == drop.id)).all():
            ledger.add_credit(s, keep, entry_in, credit.date_of_use, credit.qualifying_points, credit.nights, "merge")
            years.add(credit.date_of_use.year)
        # One night per calendar night (docs/program-rules.md 3): the dropped
        # number's nights move over, except those the kept number already
        # holds, which are released and taken back out of the moved figures.
        kept = set(s.scalars(select(NightCredit.night).where(NightCredit.member_id == keep.id,
                                                             NightCredit.released_by.is_(None))))
        twice: Counter = Counter()
        for row in s.scalars(select(NightCredit).where(NightCredit.member_id == drop.id,
                                                       NightCredit.released_by.is_(None))).all():
            if row.night in kept:
                row.released_by = tx
                twice[row.date_of_use] += 1
            else:
                row.member_id = keep.id
        for day, count in sorted(twice.items()):
            ledger.add_credit(s, keep, entry_in, day, 0, -count, "merge")
        # The same person's status carries over too [decided]: the kept
        # number holds the better of the two.
        for st in tiering.statuses(s, drop.id):
            s.add(TierStatus(member_id=keep.id, tier=st.tier, valid_from=st.valid_from, valid_until=st.valid_until,
                             basis_year=st.basis_year, source="merge", granted_on=desk.business_date,
                             cancelled_on=st.cancelled_on))
        # The moved credits keep their dates of use: the promotion check runs
        # for every year they fall in, as for a late claim (docs/program-rules.md 6).
        tiering.check_promotion(s, program, desk, keep, years)
        drop.status, drop.closed_on, drop.merged_into_id = "merged", desk.business_date, keep.id
        drop.closed_reason = f"merged into {keep.number}"
        _close_cards(s, drop)
        return views.member_view(s, program, keep, desk.business_date)


def revoke(db: Database, desk: Desk, number: str, reason: str) -> views.MemberView:
    """The office disqualifies a member (T&C 7.1) or revokes an inactive
    membership (T&C 7.2): status revoked, every point cancelled, the reason
    recorded. A later registration with the same e-mail is refused
    previously_revoked unless a supervisor re-admits with a reason."""
    return withdraw(db, desk, number, reason, status="revoked")


def withdraw(db: Database, desk: Desk, number: str, reason: str | None = None,
             status: str = "withdrawn") -> views.MemberView:
    """Withdrawal, disqualification or revocation: the membership closes and
    every point is cancelled for good."""
    desk.require("revoke" if status == "revoked" else "withdraw")
    if status not in ("withdrawn", "revoked"):
        raise errors.InvalidReason("A membership closes as withdrawn or revoked.")
    # A revocation is the office's decision and always says why (T&C 7.1
    # disqualification, 7.2 inactivity); a member's withdrawal may not.
    why = validate_reason(reason if status == "revoked" else (reason or status), "reason")
    program = db.program
    tx = ledger.new_transaction_id()
    with db.write() as s:
        member = ledger.get_member(s, number, lock=True)
        ledger.require_active(member)
        ledger.record_expiry(s, desk, member, tx)
        ledger.drain(s, desk, member, tx, "withdraw", ledger.member_lots(s, member.id), reason=why,
                     at_property=False)
        member.status, member.closed_on, member.closed_reason = status, desk.business_date, why
        _close_cards(s, member)
        ledger.add_entry(s, desk, member, tx, status, reason=why, at_property=False)
        return views.member_view(s, program, member, desk.business_date)
