"""Member numbers (Luhn), and validation and normalisation of what a clerk
types about a member: names, kana, e-mail, dates, age."""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import date

import jaconv

from . import errors, romaji
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


def clean_text(text: str) -> str:
    """NFKC (full-width digits and Latin to half width, half-width kana to
    full width), spaces trimmed and folded: the form names and addresses
    are stored in. Hiragana stay hiragana (さくら is the guest's name as
    written; 丸の内 is the address)."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def normalize_text(text: str) -> str:
    """clean_text, then hiragana to katakana: the form readings are stored
    in and everything is searched in."""
    return clean_text(jaconv.hira2kata(unicodedata.normalize("NFKC", text or "")))


def search_key(text: str) -> str:
    """What is stored and what is searched for: normalised, accents off
    Latin letters (Kyōko = Kyoko), case-folded, no spaces or middle dots."""
    return romaji.fold_latin(normalize_text(text)).casefold().replace(" ", "").replace("・", "")


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text)


def validate_name(text: str | None, what: str = "name") -> str:
    value = clean_text(text or "")
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
        raise errors.InvalidBirthDate("The birth date is not a possible date of birth.")
    return birth


def check_guardian_consent(birth: date | None, business_date: date, consent: bool, majority: int) -> None:
    if birth is not None and age_on(birth, business_date) < majority and not consent:
        raise errors.GuardianConsentRequired(
            f"The guest is under {majority}: a parent's or guardian's consent must be recorded."
        )


def validate_roman(text: str | None, what: str = "name in romaji") -> str | None:
    """Optional romanised name: Latin letters only (NFKC turns full-width
    Ｙａｍａｄａ into Yamada)."""
    if text is None or not text.strip():
        return None
    value = clean_text(text)
    if len(value) > MAX_NAME or not romaji.is_latin(value):
        raise errors.InvalidName(f"The {what} must be written in Latin letters.")
    return value


def roman_for(name: str, kana: str | None, given: str | None = None) -> str | None:
    """The romanised form of one part of a (validated) name: the romaji the
    guest gave; else the name itself when it is in Latin letters; else the
    katakana reading (or the name, when written in kana) in passport
    Hepburn ('ヤマダ' -> 'Yamada', 'タロウ' -> 'Taro'); else None (a kanji name
    with no reading)."""
    if given:
        return given
    if romaji.is_latin(name):
        return name
    for source in (kana, name):
        if source and romaji.is_kana(source):
            return romaji.capitalise(romaji.kana_to_romaji(source)) or None
    return None


def search_text(family: str, given: str, family_kana: str | None = None, given_kana: str | None = None,
                family_roman: str | None = None, given_roman: str | None = None) -> str:
    """The member's search column: '|'-separated keys for the kanji name,
    the kana reading, the romanised name in both orders, and the Hepburn of
    the reading in passport and keyboard spelling (Taro / Tarou), so a
    clerk finds 山田 太郎 by 山田, やまだ, ﾔﾏﾀﾞ, yamada, taro or tarou."""
    parts = [family, given, family + given, given + family,
             family_kana or "", given_kana or "", (family_kana or "") + (given_kana or "")]
    fr, gr = family_roman or "", given_roman or ""
    parts += [fr, gr, fr + gr, gr + fr]
    for keyboard in (False, True):
        fk = romaji.kana_to_romaji(family_kana or (family if romaji.is_kana(family) else ""), keyboard)
        gk = romaji.kana_to_romaji(given_kana or (given if romaji.is_kana(given) else ""), keyboard)
        if fk or gk:
            parts += [fk + gk, gk + fk]
    keys = []
    for p in parts:
        key = search_key(p) if p else ""
        if key and key not in keys:
            keys.append(key)
    return "|".join(keys)


def romanised_name(family: str, given: str, order: str = "family_first") -> str:
    """The name as printed on the card: 'YAMADA Taro' (family_first) or
    'Taro Yamada' (given_first)."""
    if order == "given_first":
        return f"{romaji.capitalise(given)} {romaji.capitalise(family)}"
    return f"{family.upper()} {romaji.capitalise(given)}"


def card_name(family: str, given: str, family_roman: str | None, given_roman: str | None,
              order: str = "family_first") -> str:
    """The card's name line: romanised when both parts have a romanised
    form; otherwise the registered name as written (family first), which the
    bundled Japanese font prints."""
    if family_roman and given_roman:
        return romanised_name(family_roman, given_roman, order)
    return f"{family} {given}"


def mask_email(email: str | None) -> str:
    if not email:
        return ""
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    return "*" * max(0, len(phone) - 4) + phone[-4:]
