"""Posting stays at checkout and restaurant or bar bills: points, bonus,
nights and companions' nights, in one transaction. Also missing-stay and
missing-bill claims, which are the same postings with past dates."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Mapping, Sequence

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..db.schema import Member, NightCredit, Posting
from ..domain import earning, errors
from ..domain.program import Program
from . import ledger, tiering
from .context import Desk
from .database import Database

_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$")


@dataclass(frozen=True)
class Companion:
    member_number: str
    nights: int


@dataclass(frozen=True)
class PostingResult:
    transaction_id: str
    points: int
    bonus_points: int
    nights: int
    companions: tuple[Companion, ...]
    balance_after: int
    member_number: str = ""
    eligible_yen: Mapping[str, int] | None = None


@dataclass(frozen=True)
class StayFolio:
    folio: str
    check_in: date
    check_out: date
    channel: str
    charges: Mapping[str, int]
    rate_plan: str = "standard"
    currency: str | None = None
    exchange_rate: str | Decimal | None = None
    companions: Sequence[str] = ()


@dataclass(frozen=True)
class Bill:
    check: str
    date: date
    charges: Mapping[str, int]
    payment: str = "cash"
    currency: str | None = None
    exchange_rate: str | Decimal | None = None


def validate_reference(text: str, what: str = "folio number") -> str:
    value = (text or "").strip()
    if not _REFERENCE.match(value):
        raise errors.InvalidReference(
            f"The {what} must be 1 to 40 letters, digits, '-', '_', '.' or '/'."
        )
    return value


def _yen(program: Program, desk: Desk, charges: Mapping[str, int], currency: str | None, rate) -> tuple[dict, str, Decimal | None]:
    prop = program.property(desk.property_code)
    clean = earning.validate_charges(program.categories, charges)
    currency = (currency or prop.currency).upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise errors.InvalidAmount(f"'{currency[:10]}' is not a currency code.")
    if currency == program.home_currency:
        return clean, currency, None
    parsed = earning.parse_exchange_rate(rate)
    if parsed is None:
        raise errors.InvalidAmount(f"A {currency} folio needs the posted exchange rate to yen.")
    earning.check_exchange_rate(parsed, prop.reference_rates.get(currency), program.exchange_rate_band_percent,
                                currency)
    return earning.to_yen(clean, parsed), currency, parsed


def _bonus_percent(session: Session, program: Program, member: Member, day: date) -> int:
    return tiering.tier_on(session, program, member.id, day)[0].bonus_percent


POSTING_LOCK_CLASS = 0x4844  # "HD": PostgreSQL advisory locks on folio and check numbers


def _check_not_posted(session: Session, desk: Desk, kind: str, reference: str, lock: bool = False) -> None:
    if lock and session.get_bind().dialect.name == "postgresql":
        # The unique index compares with case; two desks posting AB123 and
        # ab123 at the same moment meet on this lock instead (held to commit).
        session.execute(text("SELECT pg_advisory_xact_lock(:c, hashtext(:k))"),
                        {"c": POSTING_LOCK_CLASS, "k": f"{desk.property_code}:{kind}:{reference.upper()}"})
    # AB123 and ab123 are the same folio (compared without case).
    exists = session.scalar(select(Posting.id).where(
        Posting.property_code == desk.property_code, Posting.kind == kind,
        func.upper(Posting.reference) == reference.upper(), Posting.reversed_by.is_(None)).limit(1))
    if exists is not None:
        what = "folio" if kind == "stay" else "check"
        raise errors.DuplicateFolio(f"This {what} ({reference}) has already been posted at this property.")


def _credit(session, program, desk, member, tx, kind, earned: earning.Earning, day: date, reference: str,
            nights: tuple[date, ...] = ()) -> None:
    entry = ledger.add_entry(session, desk, member, tx, kind, points=earned.total, nights=earned.nights,
                             reference=reference)
    if earned.total:
        ledger.add_lot(session, program, member, entry, earned.total, day)
    ledger.add_credit(session, member, entry, day, earned.points, earned.nights, kind)
    for night in nights:
        session.add(NightCredit(member_id=member.id, night=night, entry_id=entry.id, date_of_use=day))


def _new_nights(s: Session, member: Member, first: date, check_out: date, gives_nights: bool) -> tuple[date, ...]:
    """The calendar nights from `first` to check-out the member does not hold
    yet: a member is credited at most one night per calendar night, across
    all postings and properties (docs/program-rules.md 3)."""
    if not gives_nights or check_out <= first:
        return ()
    held = set(s.scalars(select(NightCredit.night).where(
        NightCredit.member_id == member.id, NightCredit.released_by.is_(None),
        NightCredit.night >= first, NightCredit.night < check_out)))
    return tuple(n for n in (first + timedelta(days=i) for i in range((check_out - first).days)) if n not in held)


def _plan_stay(s: Session, program: Program, desk: Desk, number: str, folio: StayFolio, *, lock: bool):
    """Every check a stay posting makes, and what it would credit."""
    reference = validate_reference(folio.folio)
    rules = program.earning_for(desk.property_code)
    yen, currency, rate = _yen(program, desk, folio.charges, folio.currency, folio.exchange_rate)
    earning.nights_between(folio.check_in, folio.check_out)
    companions = [c.strip() for c in folio.companions]
    if number.strip() in companions:
        raise errors.SameMember("The paying member is already on the folio; list only the other guests.")
    if len(set(companions)) != len(companions):
        raise errors.SameMember("A companion is listed twice.")
    people = ledger.lock_members(s, [number, *companions]) if lock else \
        {n.strip(): ledger.get_member(s, n) for n in [number, *companions]}
    member = people[number.strip()]
    ledger.require_active(member)
    # A guest who joined mid-stay earns for the nights from enrollment on.
    first = earning.earns_from(folio.check_in, folio.check_out, member.enrolled_on)
    earning.check_date_of_use(first_day=first, date_of_use=folio.check_out,
                              enrolled_on=member.enrolled_on, business_date=desk.business_date,
                              claim_window_months=rules.claim_window_months)
    _check_not_posted(s, desk, "stay", reference, lock)
    earned = earning.stay_earning(
        rules, check_in=folio.check_in, check_out=folio.check_out, channel=folio.channel,
        rate_plan=folio.rate_plan, yen=yen, bonus_percent=_bonus_percent(s, program, member, folio.check_out),
        earns_from=first,
    )
    earning.check_points_ceiling(earned.total, program.max_points_per_posting)
    gives_nights = earning.stay_outcome(rules, folio.channel, folio.rate_plan) != "nothing"
    # The points of every room paid are credited; the nights only once.
    nights = _new_nights(s, member, first, folio.check_out, gives_nights and earned.nights > 0)
    earned = replace(earned, nights=len(nights))
    comps = []
    for comp_number in companions:
        comp = people[comp_number]
        ledger.require_active(comp)
        try:
            comp_first = earning.earns_from(folio.check_in, folio.check_out, comp.enrolled_on)
        except errors.BeforeEnrollment:
            raise errors.BeforeEnrollment(
                f"Companion {comp.number} joined after this stay; nights before enrollment are not credited."
            ) from None
        comps.append((comp, _new_nights(s, comp, comp_first, folio.check_out, gives_nights)))
    return reference, member, comps, earned, currency, rate, nights


def _plan_bill(s: Session, program: Program, desk: Desk, number: str, bill: Bill, *, lock: bool):
    reference = validate_reference(bill.check, "check number")
    rules = program.earning_for(desk.property_code)
    yen, currency, rate = _yen(program, desk, bill.charges, bill.currency, bill.exchange_rate)
    member = ledger.get_member(s, number, lock=lock)
    ledger.require_active(member)
    earning.check_date_of_use(first_day=bill.date, date_of_use=bill.date, enrolled_on=member.enrolled_on,
                              business_date=desk.business_date, claim_window_months=rules.claim_window_months)
    _check_not_posted(s, desk, "bill", reference, lock)
    earned = earning.bill_earning(rules, payment=bill.payment, yen=yen,
                                  bonus_percent=_bonus_percent(s, program, member, bill.date))
    earning.check_points_ceiling(earned.total, program.max_points_per_posting)
    return reference, member, earned, currency, rate


def post_stay(db: Database, desk: Desk, number: str, folio: StayFolio) -> PostingResult:
    desk.require("post_stay")
    program = db.program
    tx = ledger.new_transaction_id()
    with db.write() as s:
        reference, member, comps, earned, currency, rate, nights = _plan_stay(s, program, desk, number, folio,
                                                                              lock=True)
        _credit(s, program, desk, member, tx, "stay", earned, folio.check_out, reference, nights)
        for comp, comp_nights in comps:
            _credit(s, program, desk, comp, tx, "companion", earning.Earning(0, 0, len(comp_nights), {}),
                    folio.check_out, reference, comp_nights)
        s.add(Posting(
            property_code=desk.property_code, kind="stay", reference=reference, member_id=member.id,
            transaction_id=tx, business_date=desk.business_date, date_of_use=folio.check_out,
            check_in=folio.check_in, check_out=folio.check_out, channel=folio.channel,
            rate_plan=folio.rate_plan, charges=json.dumps(dict(folio.charges), sort_keys=True),
            currency=currency, exchange_rate=str(rate) if rate is not None else None,
            points=earned.points, bonus_points=earned.bonus_points, nights=earned.nights,
        ))
        for m in [member, *(c for c, _ in comps)]:
            tiering.check_promotion(s, program, desk, m, {folio.check_out.year})
        return PostingResult(tx, earned.points, earned.bonus_points, earned.nights,
                             tuple(Companion(c.number, len(n)) for c, n in comps),
                             ledger.balance(s, member.id, desk.business_date), member.number,
                             dict(earned.eligible_yen))


def post_bill(db: Database, desk: Desk, number: str, bill: Bill) -> PostingResult:
    desk.require("post_bill")
    program = db.program
    tx = ledger.new_transaction_id()
    with db.write() as s:
        reference, member, earned, currency, rate = _plan_bill(s, program, desk, number, bill, lock=True)
        _credit(s, program, desk, member, tx, "bill", earned, bill.date, reference)
        s.add(Posting(
            property_code=desk.property_code, kind="bill", reference=reference, member_id=member.id,
            transaction_id=tx, business_date=desk.business_date, date_of_use=bill.date,
            payment=bill.payment, charges=json.dumps(dict(bill.charges), sort_keys=True),
            currency=currency, exchange_rate=str(rate) if rate is not None else None,
            points=earned.points, bonus_points=earned.bonus_points, nights=0,
        ))
        tiering.check_promotion(s, program, desk, member, {bill.date.year})
        return PostingResult(tx, earned.points, earned.bonus_points, 0, (),
                             ledger.balance(s, member.id, desk.business_date), member.number,
                             dict(earned.eligible_yen))


def preview_stay(db: Database, desk: Desk, number: str, folio: StayFolio) -> earning.Earning:
    """What posting would credit, after every check posting makes; writes nothing."""
    desk.require("post_stay")
    with db.read() as s:
        return _plan_stay(s, db.program, desk, number, folio, lock=False)[3]


def preview_bill(db: Database, desk: Desk, number: str, bill: Bill) -> earning.Earning:
    desk.require("post_bill")
    with db.read() as s:
        return _plan_bill(s, db.program, desk, number, bill, lock=False)[2]
