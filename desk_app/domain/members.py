"""Member numbers (Luhn), and validation and normalisation of what a clerk
types about a member: names, kana, e-mail, dates, age."""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import date

import jaconv

from . import errors
from .dates import age_on

MAX_NAME = 50
MAX_EMAIL = 254
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
# T&C 6: a member is an individual. Legal-entity markers in a name are a
# sure sign an organisation is being enrolled.
_ORGANISATION = re.compile(
    r"(株式会社|有限会社|合同会社|合資会社|一般社団法人|財団法人|\(株\)|（株）|㈱|\b(inc|ltd|llc|corp|corporation|gmbh|co\.,? ?ltd)\b\.?)",
    re.IGNORECASE,
)
_KATAKANA_READING = re.compile(r"^[\u30A0-\u30FF\u3000 ]+$")


def luhn_check_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def is_valid_member_number(text: str, length: int = 10) -> bool:
    return (
        len(text) == length and text.isascii() and text.isdigit()
        and luhn_check_digit(text[:-1]) == text[-1]
    )


def new_member_number(prefix: str, length: int = 10) -> str:
    body_len = length - 1 - len(prefix)
    body = prefix + "".join(secrets.choice("0123456789") for _ in range(body_len))
    return body + luhn_check_digit(body)


def normalize_text(text: str) -> str:
    """NFKC (full-width digits, half-width kana), hiragana to katakana,
    spaces folded: the form names are stored and searched in."""
    text = unicodedata.normalize("NFKC", text)
    text = jaconv.hira2kata(text)
    return " ".join(text.split())


def search_key(text: str) -> str:
    return normalize_text(text).casefold().replace(" ", "")


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text)


def validate_name(text: str | None, what: str = "name") -> str:
    value = normalize_text(text or "")
    if not value:
        raise errors.InvalidName(f"The {what} is required.")
    if len(value) > MAX_NAME:
        raise errors.InvalidName(f"The {what} is longer than {MAX_NAME} characters.")
    if _has_control(value) or any(ch in value for ch in "<>{}[]\\|@#$%^*=_~`\"") or value.isdigit():
        raise errors.InvalidName(f"The {what} contains characters a name cannot have.")
    if _ORGANISATION.search(value):
        raise errors.InvalidName("Only individuals can join; organisations cannot be members.")
    return value


def validate_kana(text: str | None, what: str = "reading") -> str | None:
    if text is None or not text.strip():
        return None
    value = normalize_text(text)
    if len(value) > MAX_NAME or not _KATAKANA_READING.match(value):
        raise errors.InvalidName(f"The {what} must be written in kana.")
    return value


def normalize_email(text: str | None) -> str:
    value = (text or "").strip()
    if not value or len(value) > MAX_EMAIL or not _EMAIL.match(value):
        raise errors.InvalidEmail(f"'{value[:60]}' is not a valid e-mail address.")
    return value.lower()


def validate_birth_date(birth: date | None, business_date: date) -> date | None:
    if birth is None:
        return None
    if birth > business_date or birth.year < 1900:
        raise errors.InvalidDates("The birth date is not a possible date of birth.")
    return birth


def check_guardian_consent(birth: date | None, business_date: date, consent: bool, majority: int) -> None:
    if birth is not None and age_on(birth, business_date) < majority and not consent:
        raise errors.GuardianConsentRequired(
            f"The guest is under {majority}: a parent's or guardian's consent must be recorded."
        )


def romanised_name(family: str, given: str, order: str = "family_first") -> str:
    """The name as printed on the card: 'YAMADA Taro' or 'Taro Yamada'."""
    if order == "given_first":
        return f"{given.title()} {family.title()}"
    return f"{family.upper()} {given.title()}"


def mask_email(email: str | None) -> str:
    if not email:
        return ""
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    return "*" * max(0, len(phone) - 4) + phone[-4:]
