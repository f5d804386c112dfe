"""Japanese formats the desk needs, in plain Python: the era calendar
(和暦) both ways, dates and yen per language, telephone numbers.

Languages are the two the desk ships: "ja" and "en" (anything else is
treated as "en")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import phonenumbers

from . import errors


@dataclass(frozen=True)
class Era:
    name: str        # 令和
    roman: str       # Reiwa
    letter: str      # R (as on forms: R8.11.22)
    start: date      # first day of year 1 (元年)


# Newest first. Meiji is here because birth dates go back to 1900; its
# start is the Gregorian equivalent of Meiji 1-01-01 as the courts count it.
ERAS = (
    Era("令和", "Reiwa", "R", date(2019, 5, 1)),
    Era("平成", "Heisei", "H", date(1989, 1, 8)),
    Era("昭和", "Showa", "S", date(1926, 12, 25)),
    Era("大正", "Taisho", "T", date(1912, 7, 30)),
    Era("明治", "Meiji", "M", date(1868, 1, 25)),
)


def era_of(day: date) -> tuple[Era, int]:
    """(era, year of the era) of a Gregorian date: 1985-04-01 -> (昭和, 60)."""
    for era in ERAS:
        if day >= era.start:
            return era, day.year - era.start.year + 1
    raise errors.InvalidDates("Dates before the Meiji era cannot be written in the Japanese calendar.")


def era_year_text(era: Era, year: int) -> str:
    return f"{era.name}{'元' if year == 1 else year}年"


def format_era(day: date, lang: str = "ja") -> str:
    """2026-11-22 -> '令和8年11月22日' (ja) or 'Reiwa 8.11.22' (en).
    Year 1 is 元年 in Japanese: 2019-05-01 -> '令和元年5月1日'."""
    era, year = era_of(day)
    if lang == "ja":
        return f"{era_year_text(era, year)}{day.month}月{day.day}日"
    return f"{era.roman} {year}.{day.month}.{day.day}"


_ERA_DATE = re.compile(
    r"^(?P<era>[^\d元\s./年-]+)\s*(?P<year>\d{1,2}|元)\s*(?:年|[./-])\s*(?P<month>\d{1,2})\s*(?:月|[./-])"
    r"\s*(?P<day>\d{1,2})\s*日?$")
_ERA_YEAR = re.compile(r"^(?P<era>[^\d元\s./年-]+)\s*(?P<year>\d{1,2}|元)\s*年?$")


def _era_named(text: str) -> Era:
    key = text.strip().rstrip(".").casefold()
    for era in ERAS:
        if key in (era.name, era.roman.casefold(), era.letter.casefold(), era.name[0]):
            return era
    raise errors.InvalidDates(f"'{text[:10]}' is not a Japanese era (令和, 平成, 昭和, 大正, 明治).")


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def parse_era_date(text: str) -> date:
    """'昭和60年4月1日', '昭和６０年４月１日', 'S60.4.1', 'H1/1/8', '令和元年5月1日',
    'Showa 60.4.1' -> a date; refuses a date outside its era (昭和64年1月8日
    was already 平成元年) with invalid_dates."""
    m = _ERA_DATE.match(_clean(text))
    if not m:
        raise errors.InvalidDates(f"'{(text or '')[:20]}' is not a date such as 昭和60年4月1日.")
    era = _era_named(m["era"])
    year = 1 if m["year"] == "元" else int(m["year"])
    try:
        day = date(era.start.year + year - 1, int(m["month"]), int(m["day"]))
    except ValueError:
        raise errors.InvalidDates(f"'{text[:20]}' is not a calendar date.") from None
    if year < 1 or day < era.start or era_of(day)[0] != era:
        raise errors.InvalidDates(f"'{text[:20]}' is not within the {era.roman} era.")
    return day


def parse_era_year(text: str) -> int:
    """'昭和60年' / 'S60' / '平成元年' -> the Gregorian year (1985, 1989).
    A year that never existed in the era (大正16年) is refused."""
    m = _ERA_YEAR.match(_clean(text))
    if not m:
        raise errors.InvalidDates(f"'{(text or '')[:20]}' is not a year such as 昭和60年.")
    era = _era_named(m["era"])
    year = 1 if m["year"] == "元" else int(m["year"])
    gregorian = era.start.year + year - 1
    newer = ERAS[ERAS.index(era) - 1] if ERAS.index(era) > 0 else None
    if year < 1 or (newer is not None and gregorian > newer.start.year):
        raise errors.InvalidDates(f"'{text[:20]}' is not within the {era.roman} era.")
    return gregorian


def parse_date(text: str) -> date:
    """A date as a clerk types it: '2026-11-22', '2026/11/22',
    '２０２６年１１月２２日', or an era date ('昭和60年4月1日', 'S60.4.1')."""
    value = _clean(text)
    m = re.match(r"^(\d{4})\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?$", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise errors.InvalidDates(f"'{text[:20]}' is not a calendar date.") from None
    return parse_era_date(value)


def format_date(day: date | None, lang: str = "en", era: bool = False) -> str:
    """'2026/11/22' (en), '2026年11月22日' (ja); with era=True the Japanese
    calendar: '令和8年11月22日' (ja), 'Reiwa 8.11.22' (en)."""
    if day is None:
        return ""
    if era:
        return format_era(day, lang)
    if lang == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def format_yen(amount: int | None, lang: str = "en") -> str:
    """Yen are whole numbers: 12346 -> '12,346円' (ja) or '¥12,346' (en)."""
    if amount is None:
        return ""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("yen are whole numbers")
    sign = "-" if amount < 0 else ""
    if lang == "ja":
        return f"{sign}{abs(amount):,}円"
    return f"{sign}¥{abs(amount):,}"


# Dashes people type in phone numbers and postal codes, with an IME on or
# off: hyphen-minus, the katakana long-vowel mark, minus sign, dashes.
_DASHES = dict.fromkeys(map(ord, "ー－−‐‑‒–—―ｰ"), "-")


def fold_dashes(text: str) -> str:
    return _clean(text).translate(_DASHES)


def parse_phone(text: str, country: str = "JP") -> str:
    """A telephone number typed with or without hyphens, full or half width,
    to E.164: '０９０ー１２３４ー５６７８' -> '+819012345678'."""
    raw = fold_dashes(text)
    try:
        number = phonenumbers.parse(raw, (country or "JP").upper())
    except phonenumbers.NumberParseException:
        raise errors.InvalidPhone(f"'{raw[:30]}' is not a telephone number.") from None
    if not phonenumbers.is_valid_number(number):
        raise errors.InvalidPhone(f"'{raw[:30]}' is not a valid telephone number for {country}.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str | None, home_country: str = "JP") -> str:
    """Stored E.164 as people read it: a Japanese number in national format
    ('090-1234-5678', '03-1234-5678'), a foreign one in international
    format ('+1 212-555-0123')."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    region = phonenumbers.region_code_for_number(number)
    fmt = (phonenumbers.PhoneNumberFormat.NATIONAL if region == home_country
           else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, fmt)
