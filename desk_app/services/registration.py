"""Enrolment (simple registration), full registration, and the member's own
details. One transaction each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import postcode_table
from ..db.schema import LedgerEntry, Member
from ..domain import errors, japan, members as rules, postcodes, premium
from .context import Desk
from .database import Database
from . import ledger, tiering, views

MAX_REASON = 500


@dataclass(frozen=True)
class Enrolment:
    family_name: str
    given_name: str
    email: str | None
    family_kana: str | None = None
    given_kana: str | None = None
    birth_date: date | None = None
    guardian_consent: bool = False
    no_email_reason: str | None = None
    preferred_language: str = "ja"
    # Romanised name for the card; derived from the name or the reading when
    # not given (see domain.members.roman_for).
    family_roman: str | None = None
    given_roman: str | None = None
    # A supervisor's reason to register the e-mail of a revoked member again
    # (without it that registration is refused previously_revoked).
    readmit_reason: str | None = None
    # A supervisor's reason to enrol a name in kanji without its reading in
    # kana (the desk asks for the reading: without it the member is never
    # found by kana). Recorded on the enrolment entry.
    no_reading_reason: str | None = None


def validate_reason(text: str | None, what: str = "reason") -> str:
    value = " ".join((text or "").split())
    if not value:
        raise errors.InvalidReason(f"A {what} must be recorded.")
    if len(value) > MAX_REASON:
        raise errors.InvalidReason(f"The {what} is longer than {MAX_REASON} characters.")
    return value


def search_text(m: Member) -> str:
    return rules.search_text(m.family_name, m.given_name, m.family_kana, m.given_kana,
                             m.family_name_roman, m.given_name_roman)


def name_fields(family_name: str, given_name: str, family_kana: str | None, given_kana: str | None,
                family_roman: str | None = None, given_roman: str | None = None) -> dict:
    """Validated, normalised name columns, the romanised name filled in."""
    fields = dict(
        family_name=rules.validate_name(family_name, "family name"),
        given_name=rules.validate_name(given_name, "given name"),
        family_kana=rules.validate_kana(family_kana, "family name reading"),
        given_kana=rules.validate_kana(given_kana, "given name reading"),
    )
    fields["family_name_roman"] = rules.roman_for(
        fields["family_name"], fields["family_kana"], rules.validate_roman(family_roman, "family name in romaji"))
    fields["given_name_roman"] = rules.roman_for(
        fields["given_name"], fields["given_kana"], rules.validate_roman(given_roman, "given name in romaji"))
    for key, what in (("family_name_roman", "family"), ("given_name_roman", "given")):
        # A long katakana name spells longer in romaji (ショウ -> Sho is shorter,
        # but ッキャ... is not): the card's column holds MAX_NAME letters.
        if fields[key] is not None and len(fields[key]) > rules.MAX_NAME:
            raise errors.InvalidName(
                f"The {what} name in romaji would be {len(fields[key])} letters, more than the "
                f"{rules.MAX_NAME} a card holds: type a shorter romanised {what} name.")
    return fields


@dataclass(frozen=True)
class PostcodeLookup:
    """What a Japanese postal code fills in on the registration form."""
    postal_code: str
    prefecture: str
    city: str
    town: str
    towns: tuple[str, ...]
    office: str | None
    note: str | None

    @property
    def address(self) -> str:
        return f"{self.prefecture}{self.city}{self.town}"


def address_for_postcode(code: str) -> PostcodeLookup | None:
    """Prefecture, city and town for a Japanese postal code, offline; None
    when no such code exists; invalid_address when it is not NNN-NNNN.
    Reads the postcode table, not the desk's database: safe on the worker
    thread."""
    found = postcode_table.lookup(code)
    if found is None:
        return None
    return PostcodeLookup(found.postal_code, found.prefecture, found.city, found.town, found.towns,
                          found.office, found.note)


def _email_taken(session: Session, email_norm: str, except_id: int | None = None) -> bool:
    stmt = select(Member.id).where(Member.email_norm == email_norm, Member.status == "active")
    if except_id is not None:
        stmt = stmt.where(Member.id != except_id)
    return session.scalar(stmt.limit(1)) is not None


def _email_revoked(session: Session, email_norm: str) -> bool:
    return session.scalar(select(Member.id).where(Member.email_norm == email_norm, Member.status == "revoked")
                          .limit(1)) is not None


def email_available(db: Database, desk: Desk, email: str) -> bool:
    """The enrol dialog's live duplicate check (it tells whether an address
    belongs to a member, so only those who may register may ask)."""
    desk.require("register")
    norm = rules.normalize_email(email)
    with db.read() as s:
        return not _email_taken(s, norm)


def _unique_number(session: Session, prefix: str, length: int) -> str:
    while True:
        number = rules.new_member_number(prefix, length)
        if session.scalar(select(Member.id).where(Member.number == number)) is None:
            return number


def check_enrolment(db: Database, desk: Desk, e: Enrolment) -> dict:
    """Validate everything before the transaction opens; returns clean fields."""
    desk.require("register")
    program = db.program
    program.property(desk.property_code)
    fields = dict(
        **name_fields(e.family_name, e.given_name, e.family_kana, e.given_kana, e.family_roman, e.given_roman),
        birth_date=rules.validate_birth_date(e.birth_date, desk.business_date),
        guardian_consent=bool(e.guardian_consent),
        preferred_language=e.preferred_language if e.preferred_language in ("ja", "en") else "ja",
    )
    if e.email is None or not e.email.strip():
        # FAQ: an e-mail is required; the office may make an exception [decided].
        # No address and no reason is a missing e-mail address, whoever asks.
        if not (e.no_email_reason or "").strip():
            raise errors.InvalidEmail("An e-mail address is needed. Only a supervisor may register a member "
                                      "without one, recording why.")
        desk.require("register_without_email")
        fields["no_email_reason"] = validate_reason(e.no_email_reason, "reason for registering without e-mail")
        fields["email"] = fields["email_norm"] = None
    else:
        fields["email_norm"] = rules.normalize_email(e.email)
        fields["email"] = e.email.strip()
        fields["no_email_reason"] = None
    rules.check_guardian_consent(fields["birth_date"], desk.business_date, fields["guardian_consent"],
                                 program.age_of_majority)
    if (e.readmit_reason or "").strip():
        desk.require("readmit")
        fields["readmit_reason"] = validate_reason(e.readmit_reason, "reason to re-admit")
    else:
        fields["readmit_reason"] = None
    if (e.no_reading_reason or "").strip():
        desk.require("register_without_reading")
        fields["no_reading_reason"] = validate_reason(e.no_reading_reason, "reason to enrol without the reading")
    else:
        fields["no_reading_reason"] = None
    return fields


def register(db: Database, desk: Desk, e: Enrolment) -> views.MemberView:
    program = db.program
    fields = check_enrolment(db, desk, e)
    readmit = fields.pop("readmit_reason")
    no_reading = fields.pop("no_reading_reason")
    with db.write() as s:
        if fields["email_norm"] and _email_taken(s, fields["email_norm"]):
            raise errors.DuplicateEmail("This e-mail address is already registered to a member.")
        revoked = bool(fields["email_norm"]) and _email_revoked(s, fields["email_norm"])
        if revoked and readmit is None:
            raise errors.PreviouslyRevoked(
                "A membership with this e-mail address was revoked: only a supervisor may register it again, "
                "recording the reason.")
        member = Member(
            number=_unique_number(s, program.member_number_prefix, program.member_number_length),
            registration="simple", status="active", enrolled_on=desk.business_date,
            enrolled_at=desk.property_code, created_at=ledger.now(), **fields,
        )
        member.search_text = search_text(member)
        s.add(member)
        s.flush()
        ledger.add_entry(s, desk, member, ledger.new_transaction_id(), "enrol",
                         reason="simple registration" + (f"; no e-mail: {fields['no_email_reason']}"
                                                         if fields["no_email_reason"] else "")
                         + (f"; re-admitted after revocation: {readmit}" if revoked else "")
                         + (f"; no reading: {no_reading}" if no_reading else ""))
        return views.member_view(s, program, member, desk.business_date)


def normalize_phone(text: str, country: str) -> str:
    """With or without hyphens, full or half width -> E.164."""
    return japan.parse_phone(text, country)


def normalize_postal_code(text: str, country: str) -> str:
    if country == "JP":
        return postcodes.normalize_code(text)
    value = " ".join(japan.fold_dashes(text or "").split())
    if not value or len(value) > 16:
        raise errors.InvalidAddress("The postal code is missing or too long.")
    return value


def validate_country(code: str) -> str:
    value = (code or "").strip().upper()
    if len(value) != 2 or not value.isalpha() or not value.isascii():
        raise errors.InvalidAddress("The country is a two-letter code such as JP.")
    return value


def validate_address(text: str) -> str:
    value = rules.clean_text(text or "")
    if not value or len(value) > 300:
        raise errors.InvalidAddress("The address is missing or longer than 300 characters.")
    return value


def complete_registration(
    db: Database, desk: Desk, number: str, *, postal_code: str, address: str, country: str, phone: str,
    birth_date: date | None = None, guardian_consent: bool | None = None,
) -> views.MemberView:
    desk.require("complete_registration")
    program = db.program
    country = validate_country(country)
    fields = dict(
        postal_code=normalize_postal_code(postal_code, country),
        address=validate_address(address), country=country, phone=normalize_phone(phone, country),
    )
    birth = rules.validate_birth_date(birth_date, desk.business_date)
    with db.write() as s:
        member = ledger.get_member(s, number, lock=True)
        ledger.require_active(member)
        if birth is None and member.birth_date is None:
            # docs/program-rules.md 1: full registration needs the birth date,
            # so the under-18 rule has run before the member can redeem.
            raise errors.InvalidBirthDate(
                "Full registration needs the member's birth date; none is on file.")
        if birth is not None:
            if member.birth_date is not None and member.birth_date != birth:
                desk.require("change_birth_date")
            consent = member.guardian_consent if guardian_consent is None else guardian_consent
            rules.check_guardian_consent(birth, desk.business_date, consent, program.age_of_majority)
            member.birth_date, member.guardian_consent = birth, consent
        was_simple = member.registration != "full"
        for key, value in fields.items():
            setattr(member, key, value)
        member.registration = "full"
        ledger.add_entry(s, desk, member, ledger.new_transaction_id(),
                         "full_registration" if was_simple else "profile_update",
                         reason="address and telephone registered")
        # The promotion check also runs when registration is completed.
        tiering.check_promotion(s, program, desk, member,
                                {desk.business_date.year - 1, desk.business_date.year})
        return views.member_view(s, program, member, desk.business_date)


def update_contact(db: Database, desk: Desk, number: str, *, email: str | None = None,
                   phone: str | None = None, postal_code: str | None = None, address: str | None = None,
                   country: str | None = None, preferred_language: str | None = None) -> views.MemberView:
    """Address, phone and e-mail changes can be made at the desk."""
    desk.require("update_contact")
    program = db.program
    with db.write() as s:
        member = ledger.get_member(s, number, lock=True)
        ledger.require_active(member)
        ctry = validate_country(country) if country else (member.country or "JP")
        if email is not None:
            norm = rules.normalize_email(email)
            if _email_taken(s, norm, except_id=member.id):
                raise errors.DuplicateEmail("This e-mail address is already registered to a member.")
            if norm != member.email_norm and _email_revoked(s, norm):
                # Not a way round the re-admission rule for new registrations.
                raise errors.PreviouslyRevoked(
                    "A membership with this e-mail address was revoked; it cannot be given to another member.")
            member.email, member.email_norm = email.strip(), norm
        if phone is not None:
            member.phone = normalize_phone(phone, ctry)
        if postal_code is not None:
            member.postal_code = normalize_postal_code(postal_code, ctry)
        if address is not None:
            member.address = validate_address(address)
        if country:
            member.country = ctry
        if preferred_language in ("ja", "en"):
            member.preferred_language = preferred_language
        ledger.add_entry(s, desk, member, ledger.new_transaction_id(), "profile_update", reason="contact details")
        return views.member_view(s, program, member, desk.business_date)


def change_name(db: Database, desk: Desk, number: str, *, family_name: str, given_name: str,
                family_kana: str | None, given_kana: str | None, reason: str,
                family_roman: str | None = None, given_roman: str | None = None) -> views.MemberView:
    """Name changes go through the office (supervisor). A romanised part not
    given is derived again from the new name or reading."""
    desk.require("change_name")
    program = db.program
    fields = name_fields(family_name, given_name, family_kana, given_kana, family_roman, given_roman)
    why = validate_reason(reason)
    with db.write() as s:
        member = ledger.get_member(s, number, lock=True)
        for key, value in fields.items():
            setattr(member, key, value)
        member.search_text = search_text(member)
        ledger.add_entry(s, desk, member, ledger.new_transaction_id(), "name_change", reason=why,
                         at_property=False)
        return views.member_view(s, program, member, desk.business_date)


def choose_premium_hotel(db: Database, desk: Desk, number: str, hotel_code: str) -> views.MemberView:
    desk.require("premium_selection")
    program = db.program
    hotel = program.property((hotel_code or "").strip().upper()).code
    with db.write() as s:
        member = ledger.get_member(s, number, lock=True)
        ledger.require_active(member)
        if member.premium_hotel == hotel:
            return views.member_view(s, program, member, desk.business_date)
        changes = list(s.scalars(select(LedgerEntry.business_date).where(
            LedgerEntry.member_id == member.id, LedgerEntry.kind == "premium_change")))
        tier = tiering.tier_on(s, program, member.id, desk.business_date)[0].code
        premium.check_choice(hotel=hotel, tier=tier, restricted=program.premium_restricted,
                             first_chosen=member.premium_chosen_on, changes=changes,
                             business_date=desk.business_date)
        kind = "premium_choice" if member.premium_chosen_on is None else "premium_change"
        if member.premium_chosen_on is None:
            member.premium_chosen_on = desk.business_date
        member.premium_hotel = hotel
        ledger.add_entry(s, desk, member, ledger.new_transaction_id(), kind, reference=hotel)
        return views.member_view(s, program, member, desk.business_date)
