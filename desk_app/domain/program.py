"""The program file (One Harmony, OMO Points) loaded into typed rules.

The engine knows kinds of rules; every figure comes from the file, so a
hotel group changes a rate or a threshold without a release."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping

from . import errors

CATEGORY_GROUPS = ("accommodation", "package_meals", "fnb", "excluded", "paid_by_points")
CHANNEL_OUTCOMES = ("points", "nights_only", "nothing")


@dataclass(frozen=True)
class Rate:
    points: int
    per_yen: int


@dataclass(frozen=True)
class EarningRules:
    category_groups: Mapping[str, str]
    rates: Mapping[str, Rate]
    deduction_order: tuple[str, ...]
    package_meals_earn: bool
    channels: Mapping[str, str]
    rate_plans: Mapping[str, str]
    fnb_on_stay_earns_always: bool
    bills_earn: bool
    bill_payments: Mapping[str, str]
    claim_window_months: int
    agency_points_per_night: int | None = None


@dataclass(frozen=True)
class Property:
    code: str
    name: str
    country: str
    currency: str
    overrides: Mapping[str, Any] = field(default_factory=dict)
    # Yen per unit of a foreign currency the hotel bills in; a posted
    # exchange rate outside the program's band around it is a typo.
    reference_rates: Mapping[str, Decimal] = field(default_factory=dict)
    name_ja: str | None = None   # the hotel's Japanese name, for the Japanese card face

    def local_name(self, language: str) -> str:
        return self.name_ja if language == "ja" and self.name_ja else self.name


@dataclass(frozen=True)
class TierLevel:
    code: str
    name: str
    rank: int
    min_points: int | None
    min_nights: int | None
    bonus_percent: int
    name_ja: str | None = None

    def local_name(self, language: str) -> str:
        return self.name_ja if language == "ja" and self.name_ja else self.name


@dataclass(frozen=True)
class TierRules:
    levels: tuple[TierLevel, ...]
    validity_from_month: int
    validity_years_after: int
    mid_year_promotion: bool
    carry_over: bool

    def level(self, code: str) -> TierLevel:
        for lvl in self.levels:
            if lvl.code == code:
                return lvl
        raise KeyError(code)

    @property
    def base(self) -> TierLevel:
        return self.levels[0]


@dataclass(frozen=True)
class Award:
    code: str
    name: str
    points: int
    kind: str
    max_quantity: int
    yen_value: int | None = None
    channels: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Program:
    code: str
    name: str
    home_currency: str
    member_number_length: int
    member_number_prefix: str
    age_of_majority: int
    redeem_requires_full_registration: bool
    upgrade_requires_full_registration: bool
    earning: EarningRules
    expiry_kind: str
    expiry_years: int
    spending_order: str
    tiers: TierRules
    awards: tuple[Award, ...]
    inactivity_months: int
    properties: tuple[Property, ...]
    premium_restricted: Mapping[str, tuple[str, ...]]
    # "same_business_date": a redemption keyed in error may be voided on its
    # own business date (One Harmony); "never": uses cannot be cancelled (OMO 8).
    redemption_void: str = "never"
    # Sane limits (the program file's "limits"): a posted exchange rate may
    # differ from the property's reference rate by at most this many percent,
    # and one stay or bill posting credits at most this many points.
    exchange_rate_band_percent: int = 50
    max_points_per_posting: int = 500_000
    # T&C 8 lets the office merge one person's duplicate numbers; OMO 5 and
    # 11.4 keep each account's points apart: "merge": false in the file.
    merge_allowed: bool = True

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(self.earning.category_groups)

    def property(self, code: str) -> Property:
        for prop in self.properties:
            if prop.code == code:
                return prop
        raise errors.UnknownProperty(f"Unknown property code '{code}'.")

    def award(self, code: str) -> Award:
        for award in self.awards:
            if award.code == code:
                return award
        raise errors.UnknownAward(f"Unknown award code '{code}'.")

    def earning_for(self, property_code: str) -> EarningRules:
        """The earning rules with the property's overrides applied. Tables
        (rates, channels, rate plans, bill payments) are overridden entry by
        entry: a hotel names only what differs, e.g. `"channels": {"direct":
        "nights_only"}` (T&C 13.2, last sentence) or `"rate_plans": {"group":
        "points"}` (FAQ "may not")."""
        return _with_overrides(self.earning, self.property(property_code).overrides)


_TABLES = ("channels", "rate_plans", "bill_payments")


def _with_overrides(base: EarningRules, overrides: Mapping[str, Any]) -> EarningRules:
    if not overrides:
        return base
    changes = dict(overrides)
    rates = dict(base.rates)
    for group, rate in changes.pop("rates", {}).items():
        rates[group] = _rate(rate)
    for table in _TABLES:
        if table in changes:
            merged = dict(getattr(base, table))
            merged.update(changes[table])
            changes[table] = merged
    return replace(base, rates=rates, **changes)


def _check_overrides(prop: Property, base: EarningRules) -> None:
    """A property's overrides name only settings and entries the program has."""
    allowed = {f for f in EarningRules.__dataclass_fields__} - {"category_groups"}
    for key, value in prop.overrides.items():
        if key not in allowed:
            raise ValueError(f"property {prop.code}: unknown earning setting {key!r}")
        if key in _TABLES:
            for entry, outcome in value.items():
                if entry not in getattr(base, key):
                    raise ValueError(f"property {prop.code}: {key}.{entry} is not in the program")
                if outcome not in CHANNEL_OUTCOMES:
                    raise ValueError(f"property {prop.code}: {key}.{entry}: unknown outcome {outcome}")
    _with_overrides(base, prop.overrides)


def _rate(data: Mapping[str, Any]) -> Rate:
    rate = Rate(int(data["points"]), int(data["per_yen"]))
    if rate.points < 0 or rate.per_yen <= 0:
        raise ValueError(f"bad rate {data!r}")
    return rate


def parse_program(data: Mapping[str, Any]) -> Program:
    earning = data["earning"]
    groups = {cat: spec["group"] for cat, spec in earning["categories"].items()}
    for cat, group in groups.items():
        if group not in CATEGORY_GROUPS:
            raise ValueError(f"category {cat}: unknown group {group}")
    for table in ("channels", "rate_plans", "bill_payments"):
        for key, outcome in earning[table].items():
            if outcome not in CHANNEL_OUTCOMES:
                raise ValueError(f"{table}.{key}: unknown outcome {outcome}")
    rules = EarningRules(
        category_groups=groups,
        rates={g: _rate(r) for g, r in earning["rates"].items()},
        deduction_order=tuple(earning["pay_by_points_deduction_order"]),
        package_meals_earn=bool(earning["package_meals_earn"]),
        channels=dict(earning["channels"]),
        rate_plans=dict(earning["rate_plans"]),
        fnb_on_stay_earns_always=bool(earning["fnb_on_stay_earns_always"]),
        bills_earn=bool(earning["bills_earn"]),
        bill_payments=dict(earning["bill_payments"]),
        claim_window_months=int(earning["claim_window_months"]),
        agency_points_per_night=earning.get("agency_points_per_night"),
    )
    tiers = data["tiers"]
    levels = tuple(
        TierLevel(
            code=lvl["code"], name=lvl["name"], rank=i,
            min_points=lvl["min_points"], min_nights=lvl["min_nights"],
            bonus_percent=int(lvl["bonus_percent"]), name_ja=lvl.get("name_ja"),
        )
        for i, lvl in enumerate(tiers["levels"])
    )
    expiry = data["expiry"]
    if expiry["kind"] not in ("january_end_after_years", "month_end_after_years"):
        raise ValueError(f"unknown expiry kind {expiry['kind']}")
    props = tuple(
        Property(p["code"], p["name"], p["country"], p["currency"], dict(p.get("overrides", {})),
                 {cur: _positive_rate(cur, r) for cur, r in (p.get("reference_rates") or {}).items()},
                 name_ja=p.get("name_ja"))
        for p in data["properties"]
    )
    if not props:
        raise ValueError("a program lists at least one property")
    for prop in props:
        _check_overrides(prop, rules)
    premium = data.get("premium_selection") or {}
    limits = data.get("limits") or {}
    return Program(
        code=data["code"],
        name=data["name"],
        home_currency=data["home_currency"],
        member_number_length=int(data["member_number"]["length"]),
        member_number_prefix=str(data["member_number"]["prefix"]),
        age_of_majority=int(data["registration"]["age_of_majority"]),
        redeem_requires_full_registration=bool(data["registration"]["redeem_requires_full_registration"]),
        upgrade_requires_full_registration=bool(data["registration"]["upgrade_requires_full_registration"]),
        earning=rules,
        expiry_kind=expiry["kind"],
        expiry_years=int(expiry["years"]),
        spending_order=data["spending_order"],
        tiers=TierRules(
            levels=levels,
            validity_from_month=int(tiers["validity"]["from_month"]),
            validity_years_after=int(tiers["validity"]["years_after"]),
            mid_year_promotion=bool(tiers["mid_year_promotion"]),
            carry_over=bool(tiers["carry_over"]),
        ),
        awards=tuple(
            Award(
                code=a["code"], name=a["name"], points=int(a["points"]), kind=a["kind"],
                max_quantity=int(a["max_quantity"]), yen_value=a.get("yen_value"),
                channels=tuple(a["channels"]) if a.get("channels") else None,
            )
            for a in data["awards"]
        ),
        inactivity_months=int(data["inactivity_months"]),
        properties=props,
        premium_restricted={k: tuple(v) for k, v in premium.get("restricted", {}).items()},
        redemption_void=_redemption_void(data.get("redemption_void", "never")),
        exchange_rate_band_percent=_limit(limits, "exchange_rate_band_percent", 50, 1, 99),
        max_points_per_posting=_limit(limits, "max_points_per_posting", 500_000, 1, 10**12),
        merge_allowed=bool(data.get("merge", True)),
    )


def _positive_rate(currency: str, value: Any) -> Decimal:
    rate = Decimal(str(value))
    if not rate.is_finite() or rate <= 0:
        raise ValueError(f"reference_rates.{currency}: not a positive rate")
    return rate


def _limit(limits: Mapping[str, Any], key: str, default: int, low: int, high: int) -> int:
    value = limits.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(f"limits.{key}: a whole number from {low} to {high}")
    return value


REDEMPTION_VOIDS = ("same_business_date", "never")


def _redemption_void(value: str) -> str:
    if value not in REDEMPTION_VOIDS:
        raise ValueError(f"redemption_void: unknown value {value!r}")
    return value


def load_program_file(path: Path) -> Program:
    return parse_program(json.loads(path.read_text(encoding="utf-8")))
