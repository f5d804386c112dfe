"""What services hand back: plain frozen dataclasses, never ORM objects."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.schema import Card, Credit, Lot, Member, TierStatus
from ..domain import lots as lot_rules, tiers
from ..domain.program import Program
from . import ledger


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
    # Romanised name (0003): None for a kanji name with no reading.
    family_roman: str | None = None
    given_roman: str | None = None

    @property
    def next_expiry(self) -> LotView | None:
        return self.lots[0] if self.lots else None


def current_card(session: Session, member_id: int) -> Card | None:
    return session.scalar(
        select(Card).where(Card.member_id == member_id).order_by(Card.sequence.desc()).limit(1)
    )


def member_view(session: Session, program: Program, member: Member, on: date) -> MemberView:
    return member_views(session, program, [member], on)[0]


def member_views(session: Session, program: Program, members: Sequence[Member], on: date) -> list[MemberView]:
    """Views for many members in a fixed handful of queries (lookup lists)."""
    ids = [m.id for m in members]

    def of(column):  # one member (the member page, a number or a card): no IN list to expand
        return column == ids[0] if len(ids) == 1 else column.in_(ids)

    lots: dict[int, list] = defaultdict(list)
    for lot in session.scalars(select(Lot).where(of(Lot.member_id))):
        lots[lot.member_id].append(lot)
    earned: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for mid, day, pts, nights in session.execute(
            select(Credit.member_id, Credit.date_of_use, Credit.qualifying_points, Credit.nights)
            .where(of(Credit.member_id))):
        earned[mid][day.year][0] += pts
        earned[mid][day.year][1] += nights
    statuses: dict[int, list[tiers.Status]] = defaultdict(list)
    for r in session.scalars(select(TierStatus).where(of(TierStatus.member_id))):
        statuses[r.member_id].append(tiers.Status(r.tier, r.valid_from, r.valid_until, r.basis_year, r.source, r.cancelled_on))
    cards: dict[int, Card] = {}
    for card in session.scalars(select(Card).where(of(Card.member_id)).order_by(Card.sequence)):
        cards[card.member_id] = card
    merged_ids = {m.merged_into_id for m in members if m.merged_into_id is not None}
    numbers = dict(session.execute(select(Member.id, Member.number).where(Member.id.in_(merged_ids))).all()) \
        if merged_ids else {}
    return [
        _view(program, m, on, lots[m.id], {y: tuple(v) for y, v in earned[m.id].items()}, statuses[m.id],
              cards.get(m.id), numbers.get(m.merged_into_id))
        for m in members
    ]


def _view(program: Program, member: Member, on: date, lots: list, earned: dict, held: list[tiers.Status],
          card: Card | None, merged_into: str | None) -> MemberView:
    live = lot_rules.spending_order(l for l in ledger.as_domain(lots) if l.usable_on(on))
    tier, valid_until = tiers.tier_on(program.tiers, held, on)
    fig = tiers.year_figures(program.tiers, earned, on.year)
    nxt, progress = tiers.progress_to_next(program.tiers, fig)
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
        family_roman=member.family_name_roman, given_roman=member.given_name_roman,
    )
