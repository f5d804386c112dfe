"""Membership cards: issue, replace, and verify the signed QR payload.

Payload: HD2:<key id>:<member number>:<card sequence>:<signature>. The
signature is an HMAC-SHA256 over everything before it, with the card key
the key id names (card_keys.py: outside the database, so a copy of the
database cannot forge a card, and rotated by adding a key), truncated to
15 bytes and base32, so the whole payload fits a QR code's alphanumeric
mode. It carries no other personal data.

Cards printed before key ids carry HD1:<member number>:<card sequence>:
<signature> (HMAC over "<number>:<sequence>" with the secret the database
held then); they keep working while that key is kept as the HD1 key."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date
from typing import Callable

from sqlalchemy import select

from .. import card_keys
from ..db.schema import Card
from ..domain import errors, members as member_rules
from . import ledger, views
from .context import Desk
from .database import Database

PREFIX = "HD2"
LEGACY_PREFIX = "HD1"
REASONS = ("new", "lost", "stolen", "damaged")
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_DIGITS = frozenset("0123456789")


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
    # docs/program-rules.md 2: "member since" is the enrollment date, the
    # Premium Selection hotel is printed by name, and the face speaks the
    # member's preferred language ('ja' or 'en'; the romanised name stays).
    member_since: date | None = None
    premium_hotel_name: str | None = None
    language: str = "en"


def _mac(key: bytes, message: str) -> str:
    return base64.b32encode(hmac.new(key, message.encode("ascii"), hashlib.sha256).digest()[:15]).decode()


def sign(key: bytes, kid: str, number: str, sequence: int) -> str:
    return _mac(key, f"{PREFIX}:{kid}:{number}:{sequence}")


def payload_for(keys: card_keys.CardKeys, number: str, sequence: int) -> str:
    kid, key = keys.signing()
    return f"{PREFIX}:{kid}:{number}:{sequence}:{sign(key, kid, number, sequence)}"


def legacy_payload_for(secret: bytes, number: str, sequence: int) -> str:
    """An HD1 payload as cards printed before key ids carry (tests, support)."""
    return f"{LEGACY_PREFIX}:{number}:{sequence}:{_mac(secret, f'{number}:{sequence}')}"


def looks_like_payload(text: str) -> bool:
    head = text.strip().upper()[:4]
    return head in (PREFIX + ":", LEGACY_PREFIX + ":")


def _plain(part: str, allowed: frozenset, longest: int) -> bool:
    return 0 < len(part) <= longest and all(c in allowed for c in part)


def _parse(keys: card_keys.CardKeys, payload: str) -> tuple[str, int]:
    """(number, sequence) when the signature is genuine. Only ASCII letters
    and digits count: a look-alike such as a superscript digit is no card."""
    parts = payload.strip().upper().split(":")
    not_a_card = errors.CardForged("This is not a membership card code.")
    if parts[0] == PREFIX and len(parts) == 5:
        kid, number, seq, signature = parts[1:]
        if not _plain(kid, _ALNUM, 8):
            raise not_a_card
        message = f"{PREFIX}:{kid}:{number}:{seq}"
        key = keys.keys.get(kid)
    elif parts[0] == LEGACY_PREFIX and len(parts) == 4:
        number, seq, signature = parts[1:]
        message = f"{number}:{seq}"
        key = keys.legacy
    else:
        raise not_a_card
    if not (_plain(number, _DIGITS, 16) and _plain(seq, _DIGITS, 6) and _plain(signature, _ALNUM, 64)):
        raise not_a_card
    if key is None or not hmac.compare_digest(_mac(key, message), signature):
        raise errors.CardForged("This card was not issued by this program: it cannot be used.")
    return number, int(seq)


def verify(db: Database, desk: Desk, payload: str) -> tuple[str, int]:
    """(member number, card sequence) of a genuine, current card; else invalid_card."""
    desk.require("verify_card")
    return current_card_of(db, payload)


def current_card_of(db: Database, payload: str) -> tuple[str, int]:
    """verify() for a service that has already checked the desk's role."""
    number, sequence = _parse(db.card_keys, payload)
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
    language = "ja" if view.preferred_language == "ja" else "en"
    premium = None
    if view.premium_hotel:
        try:
            premium = program.property(view.premium_hotel).local_name(language)
        except errors.UnknownProperty:  # a hotel since dropped from the program file
            premium = view.premium_hotel
    try:
        tier_name = program.tiers.level(view.tier).local_name(language)
    except KeyError:
        tier_name = view.tier_name
    return CardFace(
        member_number=view.member_number,
        name=member_rules.card_name(view.family_name, view.given_name, view.family_roman, view.given_roman,
                                    name_order),
        family_name=view.family_name, given_name=view.given_name,
        tier=view.tier, tier_name=tier_name, tier_valid_until=view.tier_valid_until,
        premium_hotel=view.premium_hotel, program_name=program.name, sequence=seq,
        qr_payload=payload_for(db.card_keys, view.member_number, seq), issued_on=view.card.issued_on,
        local_name=f"{view.family_name} {view.given_name}",
        member_since=view.enrolled_on, premium_hotel_name=premium, language=language,
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
          name_order: str = "family_first", deliver: Callable[[CardFace], None] | None = None) -> CardFace:
    """Issue the first card, or replace the current one (the old one stops
    working at once). Re-printing the current card: reason 'new' again.
    `name_order` is the desk's setting (config.Settings.name_order):
    'family_first' prints 'YAMADA Taro', 'given_first' 'Taro Yamada'.
    `deliver` (e.g. writing the card's file) runs before the commit: if it
    fails, the old card stays active and nothing changes."""
    desk.require("issue_card")
    if reason not in REASONS:
        raise errors.InvalidReason(f"The reason must be one of: {', '.join(REASONS)}.")
    program = db.program
    db.card_keys  # refused card_key_missing before anything changes
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
        face = _face(db, program, view, name_order)
        if deliver is not None:
            deliver(face)
        return face


@dataclass(frozen=True)
class KeyRing:
    """What the office sees of the card keys: ids only, never the keys."""
    current: str
    keys: tuple[str, ...]
    legacy: bool
    source: str


def _ring(keys: card_keys.CardKeys) -> KeyRing:
    return KeyRing(keys.current, tuple(sorted(keys.keys, key=lambda k: int(k[1:]))), keys.legacy is not None,
                   keys.source)


def key_ring(db: Database, desk: Desk) -> KeyRing:
    desk.require("manage_card_keys")
    return _ring(db.card_keys)


def rotate_key(db: Database, desk: Desk) -> KeyRing:
    """Supervisor: a new key signs the cards issued from now on; cards
    signed by older keys keep working until their key is retired."""
    desk.require("manage_card_keys")
    ring = _ring(card_keys.rotate(db.installation_id()))
    db.forget_card_keys()
    return ring


def retire_key(db: Database, desk: Desk, kid: str) -> KeyRing:
    """Supervisor: cards signed by this older key (HD1: cards printed
    before key ids) stop working."""
    desk.require("manage_card_keys")
    ring = _ring(card_keys.retire(db.installation_id(), kid))
    db.forget_card_keys()
    return ring
