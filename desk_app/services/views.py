"""What services hand back: plain frozen dataclasses, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.schema import Card, Member
from ..domain import lots as lot_rules, tiers
from ..domain.program import Program
from . import ledger, tiering


@dataclass(frozen=True)
class LotView:
    points: int
    earned_on: date
    expires_on: date


@dataclass(frozen=True)
class CardView:
    sequence: int
    status: str
    reason: str
    issued_on: date


@dataclass(frozen=True)
class MemberView:
    member_number: str
    family_name: str
    given_name: str
    family_kana: str | None
    given_kana: str | None
    email: str | None
    phone: str | None
    postal_code: str | None
    address: str | None
    country: str | None
    birth_date: date | None
    registration: str
    status: str
    enrolled_on: date
    enrolled_at: str
    tier: str
    tier_name: str
    tier_valid_until: date | None
    points_balance: int
    lots: tuple[LotView, ...]
    year: int
    year_points: int
    year_nights: int
    carry_points: int
    carry_nights: int
    next_tier: str | None
    next_tier_progress: float
    card: CardView | None
    premium_hotel: str | None
    preferred_language: str
    birthday_month: bool
    merged_into: str | None
    closed_on: date | None

    @property
    def next_expiry(self) -> LotView | None:
        return self.lots[0] if self.lots else None


def current_card(session: Session, member_id: int) -> Card | None:
    return session.scalar(
        select(Card).where(Card.member_id == member_id).order_by(Card.sequence.desc()).limit(1)
    )


def member_view(session: Session, program: Program, member: Member, on: date) -> MemberView:
    lots = ledger.member_lots(session, member.id)
    live = lot_rules.spending_order(l for l in ledger.as_domain(lots) if l.usable_on(on))
    tier, valid_until = tiering.tier_on(session, program, member.id, on)
    fig = tiering.figures(session, program, member.id, on.year)
    nxt, progress = tiers.progress_to_next(program.tiers, fig)
    card = current_card(session, member.id)
    merged_into = None
    if member.merged_into_id is not None:
        merged_into = session.get(Member, member.merged_into_id).number
    return MemberView(
        member_number=member.number, family_name=member.family_name, given_name=member.given_name,
        family_kana=member.family_kana, given_kana=member.given_kana, email=member.email, phone=member.phone,
        postal_code=member.postal_code, address=member.address, country=member.country,
        birth_date=member.birth_date, registration=member.registration, status=member.status,
        enrolled_on=member.enrolled_on, enrolled_at=member.enrolled_at,
        tier=tier.code, tier_name=tier.name, tier_valid_until=valid_until,
        points_balance=sum(l.remaining for l in live),
        lots=tuple(LotView(l.remaining, l.earned_on, l.expires_on) for l in live),
        year=fig.year, year_points=fig.points, year_nights=fig.nights,
        carry_points=fig.carry_points, carry_nights=fig.carry_nights,
        next_tier=nxt.code if nxt else None, next_tier_progress=progress,
        card=CardView(card.sequence, card.status, card.reason, card.issued_on) if card else None,
        premium_hotel=member.premium_hotel, preferred_language=member.preferred_language,
        birthday_month=bool(member.birth_date and member.birth_date.month == on.month),
        merged_into=merged_into, closed_on=member.closed_on,
    )
