"""Membership cards: issue, replace, and verify the signed QR payload.

Payload: HD1:<member number>:<card sequence>:<signature>. The signature is
an HMAC-SHA256 with the installation's secret, base32 so the whole payload
fits a QR code's alphanumeric mode. It carries no other personal data."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..db.schema import Card
from ..domain import errors, members as member_rules
from . import ledger, views
from .context import Desk
from .database import Database

PREFIX = "HD1"
REASONS = ("new", "lost", "stolen", "damaged")


@dataclass(frozen=True)
class CardFace:
    """Everything printed on the card."""
    member_number: str
    name: str
    family_name: str
    given_name: str
    tier: str
    tier_name: str
    tier_valid_until: date | None
    premium_hotel: str | None
    program_name: str
    sequence: int
    qr_payload: str
    issued_on: date
    # The name as registered ('山田 太郎'), printed small above the romanised
    # name when it differs.
    local_name: str = ""


def sign(secret: bytes, number: str, sequence: int) -> str:
    mac = hmac.new(secret, f"{number}:{sequence}".encode(), hashlib.sha256).digest()[:15]
    return base64.b32encode(mac).decode()


def payload_for(secret: bytes, number: str, sequence: int) -> str:
    return f"{PREFIX}:{number}:{sequence}:{sign(secret, number, sequence)}"


def looks_like_payload(text: str) -> bool:
    return text.strip().upper().startswith(PREFIX + ":")


def _parse(secret: bytes, payload: str) -> tuple[str, int]:
    parts = payload.strip().upper().split(":")
    if len(parts) != 4 or parts[0] != PREFIX or not parts[2].isdigit() or len(parts[2]) > 6:
        raise errors.CardForged("This is not a membership card code.")
    number, sequence, signature = parts[1], int(parts[2]), parts[3]
    if not hmac.compare_digest(sign(secret, number, sequence), signature):
        raise errors.CardForged("This card was not issued by this program: it cannot be used.")
    return number, sequence


def verify(db: Database, desk: Desk, payload: str) -> tuple[str, int]:
    """(member number, card sequence) of a genuine, current card; else invalid_card."""
    desk.require("verify_card")
    return current_card_of(db, payload)


def current_card_of(db: Database, payload: str) -> tuple[str, int]:
    """verify() for a service that has already checked the desk's role."""
    number, sequence = _parse(db.card_secret, payload)
    with db.read() as s:
        member = ledger.get_member(s, number)
        card = s.scalar(select(Card).where(Card.member_id == member.id, Card.sequence == sequence))
        if card is None or card.status != "active":
            state = "replaced by a newer card" if card is not None and card.status == "replaced" else "no longer valid"
            kind = errors.CardReplaced if card is not None and card.status == "replaced" else errors.InvalidCard
            raise kind(f"This card (issue {sequence}) was {state}: ask for the current card.")
        if member.status != "active":
            raise errors.CardOfClosedMembership(f"This card belongs to a membership that is {member.status}.")
    return number, sequence


def _face(db: Database, program, view, name_order: str) -> CardFace:
    seq = view.card.sequence
    return CardFace(
        member_number=view.member_number,
        name=member_rules.card_name(view.family_name, view.given_name, view.family_roman, view.given_roman,
                                    name_order),
        family_name=view.family_name, given_name=view.given_name,
        tier=view.tier, tier_name=view.tier_name, tier_valid_until=view.tier_valid_until,
        premium_hotel=view.premium_hotel, program_name=program.name, sequence=seq,
        qr_payload=payload_for(db.card_secret, view.member_number, seq), issued_on=view.card.issued_on,
        local_name=f"{view.family_name} {view.given_name}",
    )


def current(db: Database, desk: Desk, number: str, name_order: str = "family_first") -> CardFace | None:
    """The member's card in force, as printed, or None when there is none
    (never issued, or the last one cancelled). Reads only: showing a card
    never issues one. Whoever may open the member's page may see it."""
    desk.require("show")
    with db.read() as s:
        member = ledger.get_member(s, number)
        view = views.member_view(s, db.program, member, desk.business_date)
        if view.card is None or view.card.status != "active":
            return None
        return _face(db, db.program, view, name_order)


def issue(db: Database, desk: Desk, number: str, reason: str = "new",
          name_order: str = "family_first") -> CardFace:
    """Issue the first card, or replace the current one (the old one stops
    working at once). Re-printing the current card: reason 'new' again.
    `name_order` is the desk's setting (config.Settings.name_order):
    'family_first' prints 'YAMADA Taro', 'given_first' 'Taro Yamada'."""
    desk.require("issue_card")
    if reason not in REASONS:
        raise errors.InvalidReason(f"The reason must be one of: {', '.join(REASONS)}.")
    program = db.program
    with db.write() as s:
        member = ledger.get_member(s, number, lock=True)
        ledger.require_active(member)
        card_now = views.current_card(s, member.id)
        if card_now is None or card_now.status != "active" or reason != "new":
            if card_now is not None and card_now.status == "active":
                card_now.status = "replaced"
            sequence = (card_now.sequence + 1) if card_now is not None else 1
            s.add(Card(member_id=member.id, sequence=sequence, status="active", reason=reason,
                       issued_on=desk.business_date))
            ledger.add_entry(s, desk, member, ledger.new_transaction_id(), "card_issue",
                             reference=f"card {sequence}", reason=reason)
            s.flush()
        view = views.member_view(s, program, member, desk.business_date)
        return _face(db, program, view, name_order)
