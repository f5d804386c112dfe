"""How numbers, yen, dates, phones and names look at the desk.

Dates, yen and telephone numbers go through desk_app.domain.japan in the
desk's current language: i18n.install_language calls set_language(lang),
so every text built after it (widgets take their texts when they are
built) reads 2026/11/22 and ¥12,346 in English, 2026年11月22日 and
12,346円 in Japanese. Points are plain integers with thousands separators
in both. Printed slips use the member's language instead: pass `lang`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain import errors, japan
# Masking is a presentation helper kept next to the member rules.
from ..domain.members import mask_email, mask_phone  # noqa: F401  (re-exported for the models)

LANGUAGES = ("en", "ja")
_language = "en"


def set_language(lang: str | None) -> str:
    """The desk's language for dates, yen and phones from now on ('ja' or
    'en'; anything else is English). Called by i18n.install_language."""
    global _language
    code = (lang or "").replace("-", "_").split("_")[0].strip().lower()
    _language = code if code in LANGUAGES else "en"
    return _language


def current_language() -> str:
    """'ja' or 'en': the language the desk formats dates and yen in."""
    return _language


def _t(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def yen(amount: int | None, lang: str | None = None) -> str:
    """¥12,346 (en) or 12,346円 (ja)."""
    return japan.format_yen(amount, lang or _language)


def points(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def day(value: date | None, lang: str | None = None) -> str:
    """2026/11/22 (en) or 2026年11月22日 (ja)."""
    return japan.format_date(value, lang or _language)


def era_day(value: date | None) -> str:
    """The Japanese-calendar form, always in kanji as guests write it on a
    form: 昭和60年4月1日 (the clerk reads it back to the guest)."""
    if value is None:
        return ""
    try:
        return japan.format_era(value, "ja")
    except errors.InvalidDates:  # before Meiji: no era form
        return ""


def phone(e164: str | None) -> str:
    """A stored E.164 number as people read it: 090-1234-5678 for a
    Japanese number, +1 212-555-0123 for a foreign one."""
    return japan.format_phone(e164)


def full_name(view) -> str:
    return f"{view.family_name} {view.given_name}".strip()


def roman_name(view) -> str:
    """The name in romaji as registered (the card's order is the desk's setting)."""
    return " ".join(p for p in (getattr(view, "family_roman", None), getattr(view, "given_roman", None)) if p)


def kana_name(view) -> str:
    return " ".join(p for p in (view.family_kana, view.given_kana) if p)


def status_text(status: str) -> str:
    return {
        "active": _t("Active"), "merged": _t("Merged"), "withdrawn": _t("Withdrawn"),
        "revoked": _t("Revoked"), "disqualified": _t("Disqualified"),
    }.get(status, status)


def registration_text(registration: str) -> str:
    return {"simple": _t("Simple registration"), "full": _t("Full registration")}.get(registration, registration)


def role_text(role: str) -> str:
    return {"cashier": _t("Cashier"), "clerk": _t("Clerk"), "supervisor": _t("Supervisor")}.get(role, role)


def channel_text(code: str) -> str:
    return {
        "reservation_center": _t("Reservation center"), "official_website": _t("Official website"),
        "direct": _t("Direct with the hotel"), "travel_agency": _t("Travel agency"),
        "ota": _t("Online travel agency"),
    }.get(code, code.replace("_", " ").capitalize())


def plan_text(code: str) -> str:
    return {
        "standard": _t("Standard rate"), "package": _t("Package with meals"), "group": _t("Group rate"),
        "contract": _t("Contract rate"), "complimentary": _t("Complimentary"),
    }.get(code, code.replace("_", " ").capitalize())


def category_text(code: str) -> str:
    return {
        "room": _t("Room"), "package_meals": _t("Meals in the plan"), "fnb": _t("Food and drink"),
        "tax": _t("Tax"), "local_tax": _t("Local tax"), "service": _t("Service charge"), "tip": _t("Tips"),
        "movie": _t("In-room movies"), "telecom": _t("Telephone / internet"), "shopping": _t("Shopping arcade"),
        "paid_by_points": _t("Paid with points"),
    }.get(code, code.replace("_", " ").capitalize())


# Printed on the guest's slip too, so kept as source texts that either the
# desk's language or the member's (printing.SlipTexts) translates.
_PAYMENTS = {
    "cash": QT_TRANSLATE_NOOP("Formatting", "Cash"), "card": QT_TRANSLATE_NOOP("Formatting", "Credit card"),
    "room": QT_TRANSLATE_NOOP("Formatting", "Charged to the room"),
    "gift_check": QT_TRANSLATE_NOOP("Formatting", "Gift check"),
    "travel_voucher": QT_TRANSLATE_NOOP("Formatting", "Travel voucher"),
    "jal_coupon": QT_TRANSLATE_NOOP("Formatting", "JAL Coupon"),
}


def payment_text(code: str, texts=None) -> str:
    """In the desk's language, or with `texts` (a printing.SlipTexts) in the member's."""
    source = _PAYMENTS.get(code)
    if source is None:
        return code.replace("_", " ").capitalize()
    return texts.translate("Formatting", source) if texts is not None else _t(source)


def entry_kind_text(kind: str) -> str:
    return {
        "enrol": _t("Enrolled"), "full_registration": _t("Full registration"), "profile_update": _t("Details changed"),
        "stay": _t("Stay"), "bill": _t("Restaurant / bar"), "companion": _t("Stay (companion)"),
        "redeem": _t("Redeemed"), "adjust": _t("Adjustment"), "expire": _t("Points expired"),
        "merge_in": _t("Merged in"), "merge_out": _t("Merged out"), "withdraw": _t("Points cancelled"),
        "withdrawn": _t("Withdrawn"), "revoked": _t("Revoked"), "card_issue": _t("Card issued"),
        "premium_choice": _t("Premium Selection chosen"), "premium_change": _t("Premium Selection changed"),
        "name_change": _t("Name changed"), "tier": _t("Tier change"), "reverse": _t("Reversal"),
        "import": _t("Imported"),
    }.get(kind, kind.replace("_", " ").capitalize())


def card_reason_text(reason: str) -> str:
    return {"new": _t("New card"), "lost": _t("Lost"), "stolen": _t("Stolen"), "damaged": _t("Damaged")}.get(
        reason, reason)
