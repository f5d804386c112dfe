"""How numbers, yen, dates and names look at the desk."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

# Masking is a presentation helper kept next to the member rules.
from ..domain.members import mask_email, mask_phone  # noqa: F401  (re-exported for the models)


def _t(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def yen(amount: int | None) -> str:
    return "" if amount is None else f"¥{amount:,}"


def points(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def day(value: date | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def full_name(view) -> str:
    return f"{view.family_name} {view.given_name}".strip()


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


def payment_text(code: str) -> str:
    return {
        "cash": _t("Cash"), "card": _t("Credit card"), "room": _t("Charged to the room"),
        "gift_check": _t("Gift check"), "travel_voucher": _t("Travel voucher"), "jal_coupon": _t("JAL Coupon"),
    }.get(code, code.replace("_", " ").capitalize())


def entry_kind_text(kind: str) -> str:
    return {
        "enrol": _t("Enrolled"), "full_registration": _t("Full registration"), "profile_update": _t("Details changed"),
        "stay": _t("Stay"), "bill": _t("Restaurant / bar"), "companion": _t("Stay (companion)"),
        "redeem": _t("Redeemed"), "adjust": _t("Adjustment"), "expire": _t("Points expired"),
        "merge_in": _t("Merged in"), "merge_out": _t("Merged out"), "withdraw": _t("Points cancelled"),
        "withdrawn": _t("Withdrawn"), "revoked": _t("Revoked"), "card_issue": _t("Card issued"),
        "premium_choice": _t("Premium Selection chosen"), "premium_change": _t("Premium Selection changed"),
        "name_change": _t("Name changed"), "tier": _t("Tier change"),
    }.get(kind, kind.replace("_", " ").capitalize())


def card_reason_text(reason: str) -> str:
    return {"new": _t("New card"), "lost": _t("Lost"), "stolen": _t("Stolen"), "damaged": _t("Damaged")}.get(
        reason, reason)
