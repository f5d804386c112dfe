"""Folio lines -> eligible spend -> points, bonus and nights.

Every figure comes from the program's EarningRules; this module only knows
the kinds of rule (per-category rates, channel and rate-plan outcomes,
Pay-by-Points deduction, exchange to yen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation, ROUND_FLOOR
from typing import Mapping

from . import errors
from .dates import add_months
from .program import EarningRules

MAX_CHARGE = 100_000_000  # a single folio line above a hundred million is a typo
MAX_NIGHTS = 365
_OUTCOME_RANK = {"nothing": 0, "nights_only": 1, "points": 2}


@dataclass(frozen=True)
class Earning:
    points: int            # base points: what tier qualification counts
    bonus_points: int
    nights: int
    eligible_yen: Mapping[str, int]

    @property
    def total(self) -> int:
        return self.points + self.bonus_points


def validate_charges(categories: tuple[str, ...], charges: Mapping[str, int]) -> dict[str, int]:
    clean: dict[str, int] = {}
    for cat, amount in charges.items():
        if cat not in categories:
            raise errors.InvalidAmount(f"Unknown charge category '{cat}'.")
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise errors.InvalidAmount(f"The amount for '{cat}' must be a whole number.")
        if amount < 0:
            raise errors.InvalidAmount(f"The amount for '{cat}' cannot be negative.")
        clean[cat] = clean.get(cat, 0) + amount
        if clean[cat] > MAX_CHARGE:
            raise errors.InvalidAmount(f"The amount for '{cat}' is larger than any folio allows.")
    return clean


def parse_exchange_rate(text: str | Decimal | None) -> Decimal | None:
    if text is None:
        return None
    try:
        rate = Decimal(str(text))
    except InvalidOperation:
        raise errors.InvalidAmount(f"'{text}' is not an exchange rate.") from None
    if not rate.is_finite() or rate <= 0 or rate > 100_000:
        raise errors.InvalidAmount("The exchange rate must be a positive number of yen per unit.")
    return rate


def to_yen(charges: Mapping[str, int], rate: Decimal | None) -> dict[str, int]:
    """Overseas folios: each line converted at the posted rate, rounded down.
    The cap on a line applies to the yen, after conversion."""
    if rate is None:
        return dict(charges)
    yen = {cat: int((Decimal(amount) * rate).to_integral_value(ROUND_FLOOR)) for cat, amount in charges.items()}
    for cat, amount in yen.items():
        if amount > MAX_CHARGE:
            raise errors.InvalidAmount(f"The amount for '{cat}' is more than {MAX_CHARGE:,} yen: larger than any "
                                       f"folio allows.")
    return yen


def check_exchange_rate(rate: Decimal, reference: Decimal | None, band_percent: int, currency: str) -> None:
    """A posted rate must lie within band_percent of the property's
    reference rate for that currency (1500 typed for 150 is refused); a
    currency the property has no reference rate for is refused too."""
    if reference is None:
        raise errors.InvalidExchangeRate(f"This property takes no {currency} folios: it has no reference rate "
                                         f"for {currency}.")
    low = reference * (100 - band_percent) / 100
    high = reference * (100 + band_percent) / 100
    if not low <= rate <= high:
        raise errors.InvalidExchangeRate(
            f"The exchange rate {rate} yen per {currency} is too far from the reference rate {reference} "
            f"(allowed {low.normalize():f} to {high.normalize():f}). Check the figure.")


def check_points_ceiling(points: int, ceiling: int) -> None:
    if points > ceiling:
        raise errors.PointsLimitExceeded(
            f"This posting would credit {points:,} points, above the {ceiling:,} one posting may credit. "
            f"Check the amounts; a genuine case is an adjustment by a supervisor.")


def eligible_spend(rules: EarningRules, yen: Mapping[str, int], package_meals_earn: bool) -> dict[str, int]:
    spend = {"accommodation": 0, "fnb": 0}
    for cat, amount in yen.items():
        group = rules.category_groups[cat]
        if group == "package_meals":
            if package_meals_earn:
                spend["accommodation"] += amount
        elif group in spend:
            spend[group] += amount
    # The part settled with Pay by Points earns nothing [decided: room first].
    paid = sum(a for c, a in yen.items() if rules.category_groups[c] == "paid_by_points")
    for group in rules.deduction_order:
        taken = min(paid, spend.get(group, 0))
        spend[group] = spend.get(group, 0) - taken
        paid -= taken
    return spend


def points_on(rules: EarningRules, group: str, yen: int) -> int:
    rate = rules.rates.get(group)
    if rate is None or rate.points == 0:
        return 0
    return yen * rate.points // rate.per_yen


def bonus_on(points: int, bonus_percent: int) -> int:
    return points * bonus_percent // 100


def nights_between(check_in: date, check_out: date) -> int:
    if check_out < check_in:
        raise errors.InvalidDates("The check-out date is before the check-in date.")
    nights = (check_out - check_in).days
    if nights > MAX_NIGHTS:
        raise errors.InvalidDates(f"A stay of {nights} nights is longer than a folio can be.")
    return nights


def earns_from(check_in: date, check_out: date, enrolled_on: date) -> date:
    """The first day a stay earns for: the check-in date, or the enrollment
    date for a guest who joined mid-stay (docs/program-rules.md 3 [decided]).
    A stay with no night on or after enrollment earns nothing: refused."""
    if check_in >= enrolled_on:
        return check_in
    if check_out <= enrolled_on:
        raise errors.BeforeEnrollment(
            f"Nothing is credited for use before the enrollment date ({enrolled_on.isoformat()}).")
    return enrolled_on


def pro_rate(yen: Mapping[str, int], counted: int, stayed: int) -> dict[str, int]:
    """Each charge category pro-rated by the nights counted over the nights
    stayed, rounded down per category."""
    if counted >= stayed or stayed == 0:
        return dict(yen)
    return {cat: amount * counted // stayed for cat, amount in yen.items()}


def stay_outcome(rules: EarningRules, channel: str, rate_plan: str) -> str:
    """points | nights_only | nothing: the lesser of the channel's and the rate plan's."""
    if channel not in rules.channels:
        raise errors.InvalidChannel(f"Unknown reservation channel '{channel}'.")
    if rate_plan not in rules.rate_plans:
        raise errors.InvalidChannel(f"Unknown rate plan '{rate_plan}'.")
    return min(rules.channels[channel], rules.rate_plans[rate_plan], key=_OUTCOME_RANK.__getitem__)


def stay_earning(
    rules: EarningRules, *, check_in: date, check_out: date, channel: str, rate_plan: str,
    yen: Mapping[str, int], bonus_percent: int, earns_from: date | None = None,
) -> Earning:
    """earns_from: the enrollment date of a member who joined mid-stay; the
    nights from it on are credited and each charge category is pro-rated."""
    outcome = stay_outcome(rules, channel, rate_plan)
    channel_outcome = rules.channels[channel]
    plan_outcome = rules.rate_plans[rate_plan]
    stayed = nights_between(check_in, check_out)
    room = sum(a for c, a in yen.items() if rules.category_groups[c] in ("accommodation", "package_meals"))
    if room <= 0 and outcome != "nothing":
        # A stay credits nights toward tiers: it needs a room charge, unless
        # its rate plan (or channel) earns nothing anyway [decided].
        raise errors.NoRoomCharge("A stay needs its room charge (room or package). Post a restaurant or bar "
                                  "bill instead, or use the complimentary rate plan.")
    if earns_from is not None and earns_from > check_in:
        counted = (check_out - earns_from).days
        yen = pro_rate(yen, counted, stayed)
        stayed = counted
    spend = eligible_spend(rules, yen, rules.package_meals_earn)

    nights = stayed if outcome != "nothing" else 0
    if outcome == "points":
        room_points = points_on(rules, "accommodation", spend["accommodation"])
    elif (outcome == "nights_only" and channel_outcome == "nights_only"
          and plan_outcome == "points" and rules.agency_points_per_night):
        # Some hotels grant a fixed number of points a night on agency bookings.
        room_points = rules.agency_points_per_night * stayed
    else:
        room_points = 0
    # Food and drink the guest paid earns as a restaurant bill would: always
    # where the program says so, and on a complimentary stay (no nights, no
    # room points) wherever bills earn (docs/program-rules.md 3, Nights).
    complimentary = plan_outcome == "nothing"
    fnb_earns = outcome == "points" or rules.fnb_on_stay_earns_always or (complimentary and rules.bills_earn)
    fnb_points = points_on(rules, "fnb", spend["fnb"]) if fnb_earns else 0
    base = room_points + fnb_points
    return Earning(base, bonus_on(base, bonus_percent), nights, spend)


def bill_earning(rules: EarningRules, *, payment: str, yen: Mapping[str, int], bonus_percent: int) -> Earning:
    if payment not in rules.bill_payments:
        raise errors.InvalidAmount(f"Unknown payment method '{payment}'.")
    for cat in yen:
        if rules.category_groups[cat] in ("accommodation", "package_meals"):
            raise errors.InvalidAmount("A restaurant or bar bill has no room charges; post the stay instead.")
    spend = eligible_spend(rules, yen, False)
    if not rules.bills_earn or rules.bill_payments[payment] != "points":
        return Earning(0, 0, 0, spend)
    base = points_on(rules, "fnb", spend["fnb"])
    return Earning(base, bonus_on(base, bonus_percent), 0, spend)


def check_date_of_use(
    *, first_day: date, date_of_use: date, enrolled_on: date, business_date: date, claim_window_months: int,
) -> None:
    """first_day: check-in for a stay, the bill date for a bill;
    date_of_use: the check-out date or the bill date."""
    if date_of_use > business_date:
        raise errors.InvalidDates("The date of use is after the business date.")
    if first_day < enrolled_on:
        raise errors.BeforeEnrollment(
            f"Nothing is credited for use before the enrollment date ({enrolled_on.isoformat()})."
        )
    if add_months(date_of_use, claim_window_months) < business_date:
        raise errors.ClaimTooLate(
            f"A missing stay or bill can be claimed only within {claim_window_months} months of the date of use."
        )


def yen_units(yen: int, unit: int) -> int:
    if not isinstance(yen, int) or yen <= 0 or yen % unit:
        raise errors.InvalidAmount(f"Pay by Points covers whole {unit:,}-yen units only.")
    return yen // unit



