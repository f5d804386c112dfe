"""Undoing a posting or a redemption keyed in error: the supervisor's
reversal (the program's "Reversing a posting").

What can be undone, named by its transaction id (`HistoryEntry.transaction_id`;
a companion's entry carries the posting's id, so it names the whole
posting, reversed for the paying member and every companion):

- A **stay or bill posting** is reversed, at any time. Its points and bonus
  come back off the paying member from the posting's own lot first
  (whatever is left of it); the part already spent comes from the member's
  other valid lots, oldest first, and when the balance cannot cover it the
  reversal is refused (`insufficient_points`) so the office settles it with
  the member first. The part of the lot that expired unused is gone already
  and is not taken a second time. Its nights and qualifying points, and the
  companions' nights, leave the tier figures as negative credits under the
  same dates of use. A tier status those figures no longer reach is
  cancelled from the reversal's business date (`TierStatus.cancelled_on`;
  the row stays), and the promotion check then runs as after any credit, so
  a lower tier the remaining figures still reach is granted from the first
  of next month. The folio or check number is free again, so the right
  posting can follow.
- A **redemption or Pay by Points** is voided, only on its own business
  date and only where the program allows it (One Harmony; an OMO use is
  never cancelled): the exact lots it drew get their points back, with
  their own expiry dates (negative allocations against the same lots).

Anything else (expiry, merges, adjustments, withdrawals, enrolment, a
reversal itself) is `not_reversible`: the office records an adjustment.

The reversal is a transaction of its own: one `reverse` entry for each
member it touches (the paying member first, then companions), each naming
the original transaction in `reverses`. The original is never rewritten; it
reads as reversed because such an entry exists (`lookup.history` shows
`reversed_by`). A unique index on (reverses, member) lets only one reversal
of a transaction exist, also when two desks try at the same moment; the
member rows are locked first, so the second desk waits and then gets
`already_reversed`. Every refusal changes nothing.

Supervisor only. A clerk at the desk gets a supervisor's approval on the
spot with `clerks.supervisor_override`; the entries then record both.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..db.schema import Allocation, Credit, LedgerEntry, Lot, Member, NightCredit, Posting, TierStatus
from ..domain import earning, errors, lots as lot_rules, tiers
from ..domain.program import Program
from . import ledger, tiering
from .context import Desk
from .database import Database
from .posting import Companion
from .registration import validate_reason

POSTING_KINDS = ("stay", "bill")
REDEMPTION_KINDS = ("redeem",)
MAX_TRANSACTION_ID = 32


@dataclass(frozen=True)
class TierCancellation:
    """A status the reversal cancelled: it no longer counts from `cancelled_on`."""
    member_number: str
    tier: str
    valid_from: date
    valid_until: date
    cancelled_on: date


@dataclass(frozen=True)
class ReversalResult:
    """What a reversal did (or, from `preview`, would do).

    `points` and `nights` are the signed change for the paying member
    (negative for a reversed posting, positive points for a voided
    redemption); `balance_after` is that member's valid balance afterwards.
    `transaction_id` is the reversal's own id ("" in a preview); `reverses`
    is the original's."""
    transaction_id: str
    reverses: str
    member_number: str
    points: int
    nights: int
    balance_after: int
    original_kind: str = ""           # stay | bill | redeem
    reference: str | None = None      # the folio or check number freed, or the redemption's folio
    award: str | None = None          # the award voided
    companions: tuple[Companion, ...] = ()     # companions' nights removed (negative)
    cancelled_tiers: tuple[TierCancellation, ...] = ()


@dataclass
class _Plan:
    """Everything a reversal will write, worked out before anything is."""
    original: LedgerEntry
    payer: Member
    points: int                                   # signed change for the payer
    draws: list[tuple[int, int]]                  # (lot id, points): + taken back, - given back
    lots: dict[int, Lot]
    negations: dict[int, list[Credit]] = field(default_factory=dict)  # member id -> credits to undo
    members: dict[int, Member] = field(default_factory=dict)
    posting: Posting | None = None
    cancels: list[tuple[Member, TierStatus]] = field(default_factory=list)
    # Nights (docs/program-rules.md 3, one per calendar night): entry id ->
    # the calendar nights it holds now, for entries that ever held any
    # (older postings without night rows fall back to their credit);
    # member id -> the nights another posting of theirs now takes over
    # (night, that entry's id, its date of use).
    night_rows: dict[int, int] = field(default_factory=dict)
    regain: dict[int, list[tuple[date, int, date]]] = field(default_factory=dict)

    def credit_nights(self, c: Credit) -> int:
        return self.night_rows.get(c.entry_id, c.nights)

    def nights_of(self, member_id: int) -> int:
        return (-sum(self.credit_nights(c) for c in self.negations.get(member_id, ()))
                + len(self.regain.get(member_id, ())))


def reverse(db: Database, desk: Desk, transaction_id: str, reason: str) -> ReversalResult:
    """Reverse a stay or bill posting, or void a redemption or Pay by Points
    on its own business date. Supervisor only; one transaction.

    Refusals (nothing changed): not_permitted, invalid_reason,
    transaction_not_found, already_reversed, not_reversible, member_closed,
    insufficient_points."""
    desk.require("reverse")
    why = validate_reason(reason, "reason for the reversal")
    program = db.program
    rtx = ledger.new_transaction_id()
    with db.write() as s:
        plan = _plan(s, program, desk, transaction_id, lock=True)
        return _apply(s, program, desk, plan, rtx, why)


def preview(db: Database, desk: Desk, transaction_id: str) -> ReversalResult:
    """What `reverse` would do now, after every check it makes (the same
    refusals, except the role and the reason); writes nothing. For the
    desk's review line before a supervisor confirms."""
    desk.require("preview_reversal")
    program = db.program
    with db.read() as s:
        plan = _plan(s, program, desk, transaction_id, lock=False)
        lots = [lot_rules.Lot(l.id, l.earned_on, l.expires_on, l.remaining) for l in plan.lots.values()]
        taken: dict[int, int] = defaultdict(int)
        for lot_id, pts in plan.draws:
            taken[lot_id] += pts
        after = [lot_rules.Lot(l.id, l.earned_on, l.expires_on, l.remaining - taken.get(l.id, 0)) for l in lots]
        return _result(plan, "", lot_rules.balance(after, desk.business_date),
                       [(m, _status(row)) for m, row in plan.cancels], desk.business_date)


# -- planning ----------------------------------------------------------------
def _plan(s: Session, program: Program, desk: Desk, transaction_id: str, *, lock: bool) -> _Plan:
    tx = (transaction_id or "").strip()
    entries = list(s.scalars(select(LedgerEntry).where(LedgerEntry.transaction_id == tx).order_by(LedgerEntry.id))) \
        if tx and len(tx) <= MAX_TRANSACTION_ID else []
    if not entries:
        raise errors.TransactionNotFound(f"No transaction has the id '{tx[:40]}'.")
    original = next((e for e in entries if e.kind in POSTING_KINDS + REDEMPTION_KINDS), entries[0])
    credits = list(s.scalars(select(Credit).where(Credit.entry_id.in_([e.id for e in entries]))
                             .order_by(Credit.id)))
    # An entry holding nights it got after posting (passed on by an earlier
    # reversal) may have no credit of its own: its nights go too.
    credited = {c.entry_id for c in credits}
    by_id = {e.id: e for e in entries}
    for entry_id, day in s.execute(select(NightCredit.entry_id, func.max(NightCredit.date_of_use)).where(
            NightCredit.entry_id.in_(list(by_id)), NightCredit.released_by.is_(None))
            .group_by(NightCredit.entry_id)).all():
        if entry_id not in credited:
            credits.append(Credit(member_id=by_id[entry_id].member_id, entry_id=entry_id, date_of_use=day,
                                  qualifying_points=0, nights=0, source="companion"))
    holder_of = {mid: _holder(s, mid) for mid in {original.member_id, *(c.member_id for c in credits)}}
    numbers = s.execute(select(Member.id, Member.number).where(
        Member.id.in_({original.member_id, *holder_of.values()}))).all()
    if lock:
        by_number = ledger.lock_members(s, [n for _, n in numbers])
    else:
        by_number = {n: ledger.get_member(s, n) for _, n in numbers}
    members = {m.id: m for m in by_number.values()}

    if s.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses == tx).limit(1)) is not None:
        raise errors.AlreadyReversed(f"Transaction {tx} has already been reversed.")
    payer = members[original.member_id]
    if original.kind in POSTING_KINDS:
        ledger.require_active(payer)
        plan = _posting_plan(s, desk, original, payer)
        for credit in credits:
            holder = holder_of[credit.member_id]
            plan.negations.setdefault(holder, []).append(credit)
        plan.members = members
        _plan_nights(s, program, plan, entries)
        plan.posting = s.scalar(select(Posting).where(Posting.transaction_id == tx))
        plan.cancels = _cancellations(s, program, desk, plan)
        return plan
    if original.kind in REDEMPTION_KINDS:
        _check_voidable(program, desk, original)
        ledger.require_active(payer)
        plan = _void_plan(s, original, payer)
        plan.members = members
        return plan
    raise errors.NotReversible(_not_reversible_reason(original.kind))


def _holder(s: Session, member_id: int) -> int:
    """The membership that now holds a member's credits: itself, or the
    number it was merged into (merges copy credits to the kept number)."""
    seen = {member_id}
    while (nxt := s.scalar(select(Member.merged_into_id).where(Member.id == member_id))) is not None \
            and nxt not in seen:
        seen.add(nxt)
        member_id = nxt
    return member_id


def _not_reversible_reason(kind: str) -> str:
    if kind == "reverse":
        return "A reversal cannot itself be reversed: post the stay or bill again instead."
    return (f"A '{kind}' entry cannot be reversed: only stay and bill postings, and redemptions on their own "
            "business date. Record an adjustment instead.")


def _posting_plan(s: Session, desk: Desk, original: LedgerEntry, payer: Member) -> _Plan:
    lots = {l.id: l for l in ledger.member_lots(s, payer.id)}
    own = [l for l in lots.values() if l.entry_id == original.id]
    draws = [(l.id, l.remaining) for l in own if l.remaining > 0]
    taken = sum(p for _, p in draws)
    expired = s.scalar(
        select(func.coalesce(func.sum(Allocation.points), 0))
        .join(LedgerEntry, LedgerEntry.id == Allocation.entry_id)
        .where(Allocation.lot_id.in_([l.id for l in own]), LedgerEntry.kind == "expire")) if own else 0
    spent = original.points - taken - expired
    if spent > 0:
        own_ids = {l.id for l in own}
        others = ledger.as_domain([l for l in lots.values() if l.id not in own_ids])
        try:
            draws += lot_rules.allocate(others, spent, desk.business_date)
        except errors.InsufficientPoints:
            has = lot_rules.balance(others, desk.business_date)
            raise errors.InsufficientPoints(
                f"{spent:,} of this posting's {original.points:,} points have been spent and the member has "
                f"{has:,} other valid points: settle it with the member first.") from None
    return _Plan(original, payer, -(taken + max(spent, 0)), draws, lots)


def _plan_nights(s: Session, program: Program, plan: _Plan, entries: list[LedgerEntry]) -> None:
    """The calendar nights the reversal frees, and which of them another
    posting of the same member covering that night takes over (the member
    still stayed that night: a second room, a companion's room, another
    hotel), so the member keeps one night per calendar night stayed."""
    ids = [e.id for e in entries]
    rows = list(s.scalars(select(NightCredit).where(NightCredit.entry_id.in_(ids))))
    plan.night_rows = {e: 0 for e in {r.entry_id for r in rows}}
    freed: dict[int, list[date]] = defaultdict(list)
    for r in rows:
        if r.released_by is None:
            plan.night_rows[r.entry_id] += 1
            freed[r.member_id].append(r.night)
    for member_id, nights in freed.items():
        if member_id not in plan.members:
            continue
        owners = _merged_in(s, member_id)
        candidates = s.execute(
            select(LedgerEntry.id, Member.enrolled_on, Posting.check_in, Posting.check_out, Posting.property_code,
                   Posting.channel, Posting.rate_plan)
            .join(Posting, Posting.transaction_id == LedgerEntry.transaction_id)
            .join(Member, Member.id == LedgerEntry.member_id)
            .where(LedgerEntry.member_id.in_(owners), LedgerEntry.kind.in_(("stay", "companion")),
                   Posting.kind == "stay", Posting.reversed_by.is_(None),
                   LedgerEntry.transaction_id != plan.original.transaction_id)
            .order_by(LedgerEntry.id)).all()
        taken = []
        for night in sorted(nights):
            for entry_id, enrolled_on, check_in, check_out, prop, channel, plan_code in candidates:
                if not (max(check_in, enrolled_on) <= night < check_out):
                    continue
                try:
                    gives = earning.stay_outcome(program.earning_for(prop), channel, plan_code) != "nothing"
                except errors.DeskError:
                    gives = False
                if gives:
                    taken.append((night, entry_id, check_out))
                    break
        if taken:
            plan.regain[member_id] = taken


def _merged_in(s: Session, member_id: int) -> list[int]:
    ids, todo = [member_id], [member_id]
    while todo:
        found = list(s.scalars(select(Member.id).where(Member.merged_into_id.in_(todo))))
        todo = [i for i in found if i not in ids]
        ids += todo
    return ids


def _check_voidable(program: Program, desk: Desk, original: LedgerEntry) -> None:
    if program.redemption_void != "same_business_date":
        raise errors.NotReversible(f"A use of {program.name} points cannot be cancelled.")
    if original.business_date != desk.business_date:
        raise errors.NotReversible(
            f"A redemption can be voided only on its own business date ({original.business_date.isoformat()}); "
            "record an adjustment instead.")


def _void_plan(s: Session, original: LedgerEntry, payer: Member) -> _Plan:
    drawn = list(s.scalars(select(Allocation).where(Allocation.entry_id == original.id).order_by(Allocation.id)))
    lots = {l.id: l for l in ledger.member_lots(s, payer.id)}
    return _Plan(original, payer, sum(a.points for a in drawn), [(a.lot_id, -a.points) for a in drawn], lots)


def _cancellations(s: Session, program: Program, desk: Desk, plan: _Plan) -> list[tuple[Member, TierStatus]]:
    """Statuses the figures left after the reversal no longer reach."""
    out = []
    for member_id, credits in plan.negations.items():
        earned = {y: list(v) for y, v in tiering.earned_by_year(s, member_id).items()}
        for c in credits:
            year = earned.setdefault(c.date_of_use.year, [0, 0])
            year[0] -= c.qualifying_points
            year[1] -= plan.credit_nights(c)
        for _night, _entry, day in plan.regain.get(member_id, ()):
            earned.setdefault(day.year, [0, 0])[1] += 1
        after = {y: (p, n) for y, (p, n) in earned.items()}
        for row in s.scalars(select(TierStatus).where(TierStatus.member_id == member_id).order_by(TierStatus.id)):
            if tiers.no_longer_reached(program.tiers, _status(row), after, desk.business_date):
                out.append((plan.members[member_id], row))
    return out


def _status(row: TierStatus) -> tiers.Status:
    return tiers.Status(row.tier, row.valid_from, row.valid_until, row.basis_year, row.source, row.cancelled_on)


# -- writing -----------------------------------------------------------------
def _apply(s: Session, program: Program, desk: Desk, plan: _Plan, rtx: str, why: str) -> ReversalResult:
    original, payer = plan.original, plan.payer
    common = dict(reference=original.reference, reason=why, reverses=original.transaction_id,
                  award_code=original.award_code, quantity=original.quantity, voucher_number=original.voucher_number)
    entry = ledger.add_entry(s, desk, payer, rtx, "reverse", points=plan.points, nights=plan.nights_of(payer.id),
                             **common)
    ledger.draw(s, entry, plan.draws, plan.lots)
    entries = {payer.id: entry}
    for member_id in plan.negations:
        if member_id not in entries:
            entries[member_id] = ledger.add_entry(s, desk, plan.members[member_id], rtx, "reverse",
                                                  nights=plan.nights_of(member_id), **common)
    for member_id, credits in plan.negations.items():
        for c in credits:
            ledger.add_credit(s, plan.members[member_id], entries[member_id], c.date_of_use,
                              -c.qualifying_points, -plan.credit_nights(c), "reverse")
    if plan.posting is not None:
        plan.posting.reversed_by = rtx
        # The posting's nights are free again (docs/program-rules.md 3); a
        # night another posting of the member covers passes to that posting.
        s.execute(update(NightCredit).where(
            NightCredit.entry_id.in_(select(LedgerEntry.id).where(
                LedgerEntry.transaction_id == original.transaction_id)),
            NightCredit.released_by.is_(None)).values(released_by=rtx))
        for member_id, taken in plan.regain.items():
            by_day: dict[date, int] = defaultdict(int)
            for night, entry_id, day in taken:
                s.add(NightCredit(member_id=member_id, night=night, entry_id=entry_id, date_of_use=day))
                by_day[day] += 1
            for day, count in sorted(by_day.items()):
                ledger.add_credit(s, plan.members[member_id], entries[member_id], day, 0, count, "reverse")
    cancelled = []
    for member, row in plan.cancels:
        row.cancelled_on, row.cancelled_by = desk.business_date, rtx
        cancelled.append((member, _status(row)))
    for member_id, credits in plan.negations.items():
        first = min(c.date_of_use.year for c in credits)
        tiering.check_promotion(s, program, desk, plan.members[member_id],
                                set(range(first, desk.business_date.year + 1)))
    return _result(plan, rtx, ledger.balance(s, payer.id, desk.business_date), cancelled, desk.business_date)


def _result(plan: _Plan, rtx: str, balance_after: int, cancelled: list[tuple[Member, tiers.Status]],
            on: date) -> ReversalResult:
    payer = plan.payer
    companions = tuple(Companion(plan.members[mid].number, plan.nights_of(mid))
                       for mid in plan.negations if mid != payer.id)
    return ReversalResult(
        transaction_id=rtx, reverses=plan.original.transaction_id, member_number=payer.number,
        points=plan.points, nights=plan.nights_of(payer.id), balance_after=balance_after,
        original_kind=plan.original.kind, reference=plan.original.reference, award=plan.original.award_code,
        companions=companions,
        cancelled_tiers=tuple(TierCancellation(m.number, st.tier, st.valid_from, st.valid_until, on)
                              for m, st in cancelled),
    )


def reversals_of(session: Session, transaction_ids: set[str]) -> dict[str, str]:
    """Original transaction id -> the id of the reversal that undid it."""
    if not transaction_ids:
        return {}
    found: dict[str, str] = {}
    ids = sorted(transaction_ids)
    for i in range(0, len(ids), 500):  # keep IN lists short on every backend
        for original, rtx in session.execute(select(LedgerEntry.reverses, LedgerEntry.transaction_id)
                                             .where(LedgerEntry.reverses.in_(ids[i:i + 500]))):
            found[original] = rtx
    return found
