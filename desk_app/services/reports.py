"""The office's reports: what a shift or a business day did, and the
program's figures over time. SQL aggregates over the ledger, frozen
dataclasses out; the desk draws them (desk_app/ui/office) and desk-admin
prints them.

Decisions [decided]:
- A *day* report is one hotel's business date (or every hotel's, grouped
  by hotel); a *shift* report is the same figures for one clerk (and, if
  given, one terminal) on one business date. Figures are by business date,
  the date the desk posted on, not by date of use.
- "Posted" counts what was posted that day, also a posting reversed later;
  the day's reversals and adjustments are listed on their own, each with
  its reason, so posted minus reversed is the day's net.
- Points issued are stays' and bills' points, split into base and bonus as
  the posting computed them; nights are every night credited that day (the
  payer's and companions').
- Pay by Points counts yen as units times the award's yen value (500 yen
  a unit), points as spent.
- Entries made by no hotel (expiry, merges, withdrawals) are the office's:
  they are not in a hotel's day report.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, select

from ..db.schema import LedgerEntry, Lot, Member, NightAuditStep, Posting, RefusalCount, TierStatus
from ..domain import errors
from ..domain.dates import add_months
from . import ledger
from .context import Desk
from .database import Database

POSTED = ("stay", "bill")
MAX_PERIOD_DAYS = 3 * 366


# -- the day and the shift ----------------------------------------------------------

@dataclass(frozen=True)
class Activity:
    """The figures of one group: the whole report, a clerk, a terminal, a hotel."""
    stays: int = 0
    bills: int = 0
    nights: int = 0
    points_base: int = 0
    points_bonus: int = 0
    enrolments: int = 0
    awards: int = 0              # award redemptions (Pay by Points not included)
    award_points: int = 0
    pay_by_points: int = 0
    pay_by_points_yen: int = 0
    pay_by_points_points: int = 0
    adjustments: int = 0
    adjustment_points: int = 0   # signed, net
    reversals: int = 0           # reversal transactions
    reversal_points: int = 0     # signed, net (a void gives points back)
    refusals: int = 0

    @property
    def points_issued(self) -> int:
        return self.points_base + self.points_bonus

    def plus(self, other: "Activity") -> "Activity":
        return Activity(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


@dataclass(frozen=True)
class AwardLine:
    award_code: str
    count: int
    quantity: int
    points: int
    yen: int | None = None       # Pay by Points only


@dataclass(frozen=True)
class CorrectionLine:
    """An adjustment or a reversal, with its reason."""
    kind: str                    # adjust | reverse
    transaction_id: str
    created_at: datetime
    clerk: str
    terminal: str
    property_code: str | None
    member_number: str
    points: int
    nights: int
    reason: str | None
    original_kind: str | None = None   # what a reversal undid: stay, bill, redeem
    reference: str | None = None
    approved_by: str | None = None


@dataclass(frozen=True)
class RefusalLine:
    action: str
    code: str
    count: int


@dataclass(frozen=True)
class GroupLine:
    key: str
    activity: Activity


@dataclass(frozen=True)
class ChainHead:
    entries: int
    head: str
    at: datetime | None
    closed: bool                 # True: recorded when the night audit closed the day


@dataclass(frozen=True)
class ShiftReport:
    kind: str                    # day | shift
    business_date: date
    property_code: str | None    # None: every hotel
    clerk: str | None
    terminal: str | None
    program: str
    generated_at: datetime
    generated_by: str
    totals: Activity
    awards: tuple[AwardLine, ...]
    corrections: tuple[CorrectionLine, ...]
    refusals: tuple[RefusalLine, ...]
    by_clerk: tuple[GroupLine, ...]
    by_terminal: tuple[GroupLine, ...]
    by_property: tuple[GroupLine, ...]
    chain: ChainHead | None


OFFICE = "office"   # the group key of entries no hotel made


def day_report(db: Database, desk: Desk, day: date, property_code: str | None = "", *,
               all_properties: bool = False) -> ShiftReport:
    """A hotel's business date: the desk's hotel unless another is named,
    every hotel with all_properties."""
    desk.require("report_day")
    prop = None if all_properties else (property_code or desk.property_code)
    return _report(db, desk, "day", day, prop, None, None)


def shift_report(db: Database, desk: Desk, day: date, clerk: str | None = None, terminal: str | None = None,
                 property_code: str | None = "") -> ShiftReport:
    """One clerk's work on a business date (their own by default). A clerk
    reads their own shift; another clerk's is a supervisor's."""
    clerk = (clerk or desk.clerk or "").strip()
    if not clerk:
        raise errors.InvalidClerk("Name the clerk whose shift to report.")
    if clerk != desk.clerk:
        desk.require("report_shift_other")
    else:
        desk.require("report_shift_own")
    prop = property_code or desk.property_code
    return _report(db, desk, "shift", day, prop, clerk, (terminal or "").strip() or None)


def _check_day(day: date) -> None:
    if not isinstance(day, date) or not (date(2000, 1, 1) <= day <= date(2099, 12, 31)):
        raise errors.InvalidDates("A report's business date is between 2000-01-01 and 2099-12-31.")


def _report(db: Database, desk: Desk, kind: str, day: date, prop: str | None, clerk: str | None,
            terminal: str | None) -> ShiftReport:
    _check_day(day)
    program = db.program
    if prop is not None:
        program.property(prop)
    E = LedgerEntry

    def scoped(stmt, cols):
        p, c, t = cols
        if prop is not None:
            stmt = stmt.where(p == prop)
        if clerk is not None:
            stmt = stmt.where(c == clerk)
        if terminal is not None:
            stmt = stmt.where(t == terminal)
        return stmt

    groups: dict[tuple, Activity] = defaultdict(Activity)   # (property, clerk, terminal) -> figures
    awards: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    pbp_codes = {a.code: a.yen_value or 0 for a in program.awards if a.kind == "pay_by_points"}

    with db.read() as s:
        # 1. Every entry the desks made that day, grouped once.
        rows = s.execute(scoped(
            select(E.property_code, E.clerk, E.terminal, E.kind, E.award_code,
                   func.count(), func.count(func.distinct(E.transaction_id)),
                   func.coalesce(func.sum(E.points), 0), func.coalesce(func.sum(E.nights), 0),
                   func.coalesce(func.sum(E.quantity), 0))
            .where(E.business_date == day, E.kind.in_(("enrol", "stay", "companion", "bill", "redeem", "adjust",
                                                        "reverse")))
            .group_by(E.property_code, E.clerk, E.terminal, E.kind, E.award_code),
            (E.property_code, E.clerk, E.terminal))).all()
        for p, c, t, k, award, n, txs, pts, nights, qty in rows:
            key = (p, c, t)
            a = groups[key]
            if k == "enrol":
                a = replace(a, enrolments=a.enrolments + n)
            elif k in ("stay", "companion"):
                a = replace(a, nights=a.nights + nights)
            elif k == "redeem" and award in pbp_codes:
                a = replace(a, pay_by_points=a.pay_by_points + n, pay_by_points_points=a.pay_by_points_points - pts,
                            pay_by_points_yen=a.pay_by_points_yen + qty * pbp_codes[award])
            elif k == "redeem":
                a = replace(a, awards=a.awards + n, award_points=a.award_points - pts)
            elif k == "adjust":
                a = replace(a, adjustments=a.adjustments + n, adjustment_points=a.adjustment_points + pts)
            elif k == "reverse":
                a = replace(a, reversals=a.reversals + txs, reversal_points=a.reversal_points + pts)
            groups[key] = a
            if k == "redeem":
                line = awards[award or ""]
                line[0] += n
                line[1] += qty
                line[2] -= pts
                line[3] += qty * pbp_codes.get(award, 0)
        # A reversal touching a payer and companions is one transaction:
        # counted once, in the group of its first entry.
        # 2. Postings: the base and bonus split, by the payer's entry.
        P = Posting
        rows = s.execute(scoped(
            select(P.property_code, E.clerk, E.terminal, P.kind, func.count(),
                   func.coalesce(func.sum(P.points), 0), func.coalesce(func.sum(P.bonus_points), 0))
            .join(E, and_(E.transaction_id == P.transaction_id, E.member_id == P.member_id, E.kind == P.kind))
            .where(P.business_date == day)
            .group_by(P.property_code, E.clerk, E.terminal, P.kind),
            (P.property_code, E.clerk, E.terminal))).all()
        for p, c, t, k, n, base, bonus in rows:
            a = groups[(p, c, t)]
            a = replace(a, stays=a.stays + (n if k == "stay" else 0), bills=a.bills + (n if k == "bill" else 0),
                        points_base=a.points_base + base, points_bonus=a.points_bonus + bonus)
            groups[(p, c, t)] = a
        # 3. Refusals (not in the ledger: the counters).
        R = RefusalCount
        refusal_rows = s.execute(scoped(
            select(R.property_code, R.clerk, R.terminal, R.action, R.code, func.sum(R.count))
            .where(R.business_date == day)
            .group_by(R.property_code, R.clerk, R.terminal, R.action, R.code),
            (R.property_code, R.clerk, R.terminal))).all()
        by_code: dict[tuple[str, str], int] = defaultdict(int)
        for p, c, t, action, code, n in refusal_rows:
            a = groups[(p, c, t)]
            groups[(p, c, t)] = replace(a, refusals=a.refusals + n)
            by_code[(action, code)] += n
        corrections = _corrections(s, day, scoped)
        chain = _chain_at_close(s, db, prop, day)

    totals = Activity()
    by: dict[str, dict[str, Activity]] = {"clerk": defaultdict(Activity), "terminal": defaultdict(Activity),
                                          "property": defaultdict(Activity)}
    for (p, c, t), a in groups.items():
        totals = totals.plus(a)
        by["clerk"][c] = by["clerk"][c].plus(a)
        by["terminal"][t] = by["terminal"][t].plus(a)
        by["property"][p or OFFICE] = by["property"][p or OFFICE].plus(a)

    def lines(d: dict[str, Activity]) -> tuple[GroupLine, ...]:
        return tuple(GroupLine(k, v) for k, v in sorted(d.items()) if v != Activity())

    return ShiftReport(
        kind=kind, business_date=day, property_code=prop, clerk=clerk, terminal=terminal, program=program.name,
        generated_at=ledger.now(), generated_by=desk.clerk, totals=totals,
        awards=tuple(AwardLine(code, n, q, pts, yen if code in pbp_codes else None)
                     for code, (n, q, pts, yen) in sorted(awards.items(), key=lambda kv: _award_order(program, kv[0]))),
        corrections=corrections,
        refusals=tuple(RefusalLine(a, c, n) for (a, c), n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_clerk=lines(by["clerk"]), by_terminal=lines(by["terminal"]), by_property=lines(by["property"]),
        chain=chain,
    )


def _award_order(program, code: str) -> int:
    codes = [a.code for a in program.awards]
    return codes.index(code) if code in codes else len(codes)


def _corrections(s, day: date, scoped) -> tuple[CorrectionLine, ...]:
    E = LedgerEntry
    rows = s.execute(scoped(
        select(E.kind, E.transaction_id, E.created_at, E.clerk, E.terminal, E.property_code, Member.number,
               E.points, E.nights, E.reason, E.reverses, E.reference, E.approved_by, E.award_code, E.id)
        .join(Member, Member.id == E.member_id)
        .where(E.business_date == day, E.kind.in_(("adjust", "reverse")))
        .order_by(E.id),
        (E.property_code, E.clerk, E.terminal))).all()
    reversed_ids = {r.reverses for r in rows if r.reverses}
    kinds: dict[str, str] = {}
    if reversed_ids:
        for tx, k in s.execute(select(E.transaction_id, E.kind).where(
                E.transaction_id.in_(reversed_ids), E.kind.in_(("stay", "bill", "redeem")))):
            kinds[tx] = k
    out: dict[str, CorrectionLine] = {}
    for r in rows:
        # A reversal's companions get entries of their own in the same
        # transaction: one line, the points and nights summed.
        prev = out.get(r.transaction_id)
        if prev is not None:
            out[r.transaction_id] = replace(prev, points=prev.points + r.points, nights=prev.nights + r.nights)
            continue
        out[r.transaction_id] = CorrectionLine(
            kind=r.kind, transaction_id=r.transaction_id, created_at=r.created_at, clerk=r.clerk,
            terminal=r.terminal, property_code=r.property_code, member_number=r.number, points=r.points,
            nights=r.nights, reason=r.reason, original_kind=kinds.get(r.reverses) if r.reverses else None,
            reference=r.reference or r.award_code, approved_by=r.approved_by)
    return tuple(out.values())


def _chain_at_close(s, db: Database, prop: str | None, day: date) -> ChainHead | None:
    """The chain head the night audit recorded when it closed this day at
    this hotel; for a day still open, the head now. None while the
    database keeps no chain."""
    if prop is not None:
        run = s.scalar(select(NightAuditStep).where(NightAuditStep.step == "close_day",
                                                    NightAuditStep.run_key == f"{prop}:{day}",
                                                    NightAuditStep.status == "done"))
        if run is not None:
            data = json.loads(run.result or "{}")
            if data.get("head"):
                return ChainHead(int(data.get("entries") or 0), data["head"], run.finished_at, True)
            return None
    head = chain_head_now(db)
    return None if head is None else ChainHead(head[0], head[1], ledger.now(), False)


def chain_head_now(db: Database) -> tuple[int, str] | None:
    """(entries, head) of the ledger's hash chain, or None on a database
    without one. The chain belongs to services.audit; this is the one place
    the reports ask it."""
    from . import audit

    head_of = getattr(audit, "chain_head", None)
    if head_of is None:
        return None
    r = head_of(db)
    return int(r.entries), str(r.head)


# -- the program's figures over time ------------------------------------------------

@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


def period(start: date | None, end: date | None, desk: Desk, default_days: int = 30) -> Period:
    end = end or desk.business_date
    start = start or end - timedelta(days=default_days - 1)
    _check_day(start)
    _check_day(end)
    if start > end:
        raise errors.InvalidDates("The period starts after it ends.")
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise errors.InvalidDates("A report covers at most three years.")
    return Period(start, end)


@dataclass(frozen=True)
class PointsDay:
    day: date
    property_code: str
    issued: int        # stays and bills, net of the day's reversals of postings
    redeemed: int      # awards and Pay by Points, net of the day's voids


@dataclass(frozen=True)
class PointsFlow:
    period: Period
    property_code: str | None
    rows: tuple[PointsDay, ...]            # one per day and hotel with any movement

    def per_day(self) -> list[tuple[date, int, int]]:
        """Every day of the period (zeros included), all hotels of the report."""
        totals = {d: [0, 0] for d in self.period.days}
        for r in self.rows:
            totals[r.day][0] += r.issued
            totals[r.day][1] += r.redeemed
        return [(d, i, r) for d, (i, r) in totals.items()]

    def per_property(self) -> list[tuple[str, int, int]]:
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in self.rows:
            totals[r.property_code][0] += r.issued
            totals[r.property_code][1] += r.redeemed
        return [(p, i, r) for p, (i, r) in sorted(totals.items())]


def points_flow(db: Database, desk: Desk, start: date | None = None, end: date | None = None,
                property_code: str | None = None) -> PointsFlow:
    """Points issued and redeemed per business date and hotel."""
    desk.require("report_program")
    span = period(start, end, desk)
    if property_code:
        db.program.property(property_code)
    E = LedgerEntry
    issued = func.sum(case((E.kind.in_(POSTED), E.points),
                           (and_(E.kind == "reverse", E.award_code.is_(None)), E.points), else_=0))
    redeemed = func.sum(case((E.kind == "redeem", -E.points),
                             (and_(E.kind == "reverse", E.award_code.is_not(None)), -E.points), else_=0))
    stmt = (select(E.business_date, E.property_code, issued, redeemed)
            .where(E.business_date >= span.start, E.business_date <= span.end,
                   E.kind.in_(("stay", "bill", "redeem", "reverse")), E.property_code.is_not(None))
            .group_by(E.business_date, E.property_code).order_by(E.business_date, E.property_code))
    if property_code:
        stmt = stmt.where(E.property_code == property_code)
    with db.read() as s:
        rows = tuple(PointsDay(d, p, int(i or 0), int(r or 0)) for d, p, i, r in s.execute(stmt)
                     if (i or r))
    return PointsFlow(span, property_code or None, rows)


@dataclass(frozen=True)
class TierCount:
    tier: str          # the tier's code
    members: int


@dataclass(frozen=True)
class TierCensus:
    on: date
    rows: tuple[TierCount, ...]     # every tier of the program, lowest first

    @property
    def total(self) -> int:
        return sum(r.members for r in self.rows)


def members_by_tier(db: Database, desk: Desk, on: date | None = None) -> TierCensus:
    """Open memberships by the tier held on the day (the business date by
    default): the highest status in force, Basic without one."""
    desk.require("report_program")
    on = on or desk.business_date
    _check_day(on)
    levels = db.program.tiers.levels
    rank = case(*((TierStatus.tier == lvl.code, lvl.rank) for lvl in levels), else_=0)
    in_force = and_(TierStatus.member_id == Member.id, TierStatus.valid_from <= on, TierStatus.valid_until >= on,
                    (TierStatus.cancelled_on.is_(None)) | (TierStatus.cancelled_on > on))
    per_member = (select(Member.id.label("member_id"), func.coalesce(func.max(rank), 0).label("rank"))
                  .select_from(Member).outerjoin(TierStatus, in_force)
                  .where(Member.status == "active").group_by(Member.id).subquery())
    with db.read() as s:
        counts = dict(s.execute(select(per_member.c.rank, func.count()).group_by(per_member.c.rank)).all())
    return TierCensus(on, tuple(TierCount(lvl.code, int(counts.get(lvl.rank, 0))) for lvl in levels))


@dataclass(frozen=True)
class ExpiryMonth:
    month: date        # the first of the month
    points: int
    members: int


@dataclass(frozen=True)
class ExpiryOutlook:
    on: date
    rows: tuple[ExpiryMonth, ...]   # every month, zeros included

    @property
    def total(self) -> int:
        return sum(r.points for r in self.rows)


def expiring_by_month(db: Database, desk: Desk, months: int = 24) -> ExpiryOutlook:
    """Points still to be used that expire in each of the next `months`
    months, from the business date's month on: what the office must fund."""
    desk.require("report_program")
    if not isinstance(months, int) or not 1 <= months <= 120:
        raise errors.InvalidAmount("The outlook covers 1 to 120 months.")
    on = desk.business_date
    first = on.replace(day=1)
    stop = add_months(first, months)
    month = _month_of(Lot.expires_on, db.engine.dialect.name)
    with db.read() as s:
        rows = s.execute(select(month, func.sum(Lot.remaining), func.count(func.distinct(Lot.member_id)))
                         .where(Lot.remaining > 0, Lot.expires_on >= on, Lot.expires_on < stop)
                         .group_by(month)).all()
    found = {text: (int(pts), int(n)) for text, pts, n in rows}
    out = []
    for i in range(months):
        m = add_months(first, i)
        pts, n = found.get(f"{m:%Y-%m}", (0, 0))
        out.append(ExpiryMonth(m, pts, n))
    return ExpiryOutlook(on, tuple(out))


def _month_of(column, dialect: str):
    """'YYYY-MM' of a date column, in the database's own words."""
    if dialect == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


@dataclass(frozen=True)
class EnrolmentDay:
    day: date
    property_code: str
    members: int


@dataclass(frozen=True)
class Enrolments:
    period: Period
    property_code: str | None
    rows: tuple[EnrolmentDay, ...]

    def per_day(self) -> list[tuple[date, int]]:
        totals = {d: 0 for d in self.period.days}
        for r in self.rows:
            totals[r.day] += r.members
        return list(totals.items())

    @property
    def total(self) -> int:
        return sum(r.members for r in self.rows)


def enrolments_by_day(db: Database, desk: Desk, start: date | None = None, end: date | None = None,
                      property_code: str | None = None) -> Enrolments:
    """New memberships per enrolment date and hotel (also those closed since)."""
    desk.require("report_program")
    span = period(start, end, desk)
    if property_code:
        db.program.property(property_code)
    stmt = (select(Member.enrolled_on, Member.enrolled_at, func.count())
            .where(Member.enrolled_on >= span.start, Member.enrolled_on <= span.end)
            .group_by(Member.enrolled_on, Member.enrolled_at).order_by(Member.enrolled_on, Member.enrolled_at))
    if property_code:
        stmt = stmt.where(Member.enrolled_at == property_code)
    with db.read() as s:
        rows = tuple(EnrolmentDay(d, p, int(n)) for d, p, n in s.execute(stmt))
    return Enrolments(span, property_code or None, rows)

