"""Earning: docs/program-rules.md section 3 (One Harmony) and 8 (OMO)."""

from datetime import date
from decimal import Decimal

import pytest

from desk_app.domain import earning, errors

D = date.fromisoformat


def stay(rules, yen, channel="direct", plan="standard", bonus=0, ci="2026-11-20", co="2026-11-22"):
    return earning.stay_earning(rules, check_in=D(ci), check_out=D(co), channel=channel, rate_plan=plan,
                                yen=yen, bonus_percent=bonus)


def test_base_rates_round_each_category_down_separately(oh):
    # floor(room x 20 / 1000) + floor(fnb x 10 / 1000)
    e = stay(oh.earning, {"room": 12_345, "fnb": 9_999})
    assert (e.points, e.bonus_points) == (246 + 99, 0)
    assert stay(oh.earning, {"room": 49}).points == 0
    assert stay(oh.earning, {"room": 50}).points == 1


@pytest.mark.parametrize("cat", ["tax", "local_tax", "service", "tip", "movie", "telecom", "shopping"])
def test_excluded_charges_earn_nothing(oh, cat):
    assert stay(oh.earning, {"room": 10_000, cat: 50_000}).points == 200


@pytest.mark.parametrize("pct,bonus", [(0, 0), (25, 86), (50, 172)])
def test_bonus_for_loyal_and_exclusive_rounded_down(oh, pct, bonus):
    e = stay(oh.earning, {"room": 17_250}, bonus=pct)  # 345 base points
    assert e.points == 345 and e.bonus_points == bonus
    assert e.total == 345 + bonus


def test_tier_bonus_rates_come_from_the_program_file(oh):
    assert [l.bonus_percent for l in oh.tiers.levels] == [0, 25, 50]


def test_package_meals_only_accommodation_part_earns(oh):
    assert stay(oh.earning, {"room": 30_000, "package_meals": 10_000}, plan="package").points == 600


def test_property_setting_lets_whole_package_earn(oh):
    kyoto = oh.earning_for("KYO")
    assert stay(kyoto, {"room": 30_000, "package_meals": 10_000}, plan="package").points == 800


@pytest.mark.parametrize("channel", ["reservation_center", "official_website", "direct"])
def test_direct_channels_earn_points(oh, channel):
    e = stay(oh.earning, {"room": 50_000}, channel=channel)
    assert (e.points, e.nights) == (1000, 2)


@pytest.mark.parametrize("channel", ["travel_agency", "ota"])
def test_agency_bookings_earn_nights_but_no_points(oh, channel):
    e = stay(oh.earning, {"room": 50_000}, channel=channel)
    assert (e.points, e.nights) == (0, 2)


def test_property_may_grant_fixed_points_per_night_on_agency_bookings(oh):
    e = stay(oh.earning_for("NRT"), {"room": 50_000}, channel="ota")
    assert (e.points, e.nights) == (200, 2)


def test_property_rate_override(oh):
    assert stay(oh.earning_for("JCS"), {"room": 50_000}).points == 500


@pytest.mark.parametrize("plan", ["group", "contract"])
def test_group_and_contract_rates_earn_nights_only(oh, plan):
    e = stay(oh.earning, {"room": 50_000}, plan=plan)
    assert (e.points, e.nights) == (0, 2)


@pytest.mark.parametrize("channel,points", [("reservation_center", 1000), ("official_website", 1000),
                                            ("direct", 0), ("ota", 0)])
def test_property_giving_points_only_for_reservation_center_and_website(oh, channel, points):
    """T&C 13.2, last sentence (docs/program-rules.md 3): Hotel Nikko Fukuoka's
    setting `"channels": {"direct": "nights_only"}`; the other channels as the
    program says, and direct bookings earn at every other hotel."""
    e = stay(oh.earning_for("FUK"), {"room": 50_000, "fnb": 8_000}, channel=channel)
    assert (e.points, e.nights) == (points + 80, 2)  # F&B earns as a bill would
    assert stay(oh.earning_for("TKO"), {"room": 50_000}, channel="direct").points == 1000


@pytest.mark.parametrize("plan", ["group", "contract"])
def test_property_granting_points_on_group_and_contract_rates(oh, plan):
    """FAQ "may not" (docs/program-rules.md 3): Hotel Nikko Kansai Airport
    grants points on group and contract rates; elsewhere nights only."""
    assert (stay(oh.earning_for("KIX"), {"room": 50_000}, plan=plan).points,
            stay(oh.earning_for("TKO"), {"room": 50_000}, plan=plan).points) == (1000, 0)
    assert stay(oh.earning_for("KIX"), {"room": 50_000}, channel="ota", plan=plan).points == 0


@pytest.mark.parametrize("overrides", [{"channels": {"fax": "points"}}, {"rate_plans": {"group": "lots"}},
                                       {"minibar_earns": True}])
def test_a_property_override_the_program_does_not_know_is_refused(overrides):
    import json
    from pathlib import Path

    from desk_app.domain.program import parse_program

    data = json.loads((Path(__file__).parents[2] / "resources/programs/one_harmony.json").read_text("utf-8"))
    data["properties"][0]["overrides"] = overrides
    with pytest.raises(ValueError):
        parse_program(data)


def test_complimentary_stay_earns_nothing(oh):
    e = stay(oh.earning, {"room": 0}, plan="complimentary")
    assert (e.points, e.nights) == (0, 0)


@pytest.mark.parametrize("fnb_always", [True, False])
def test_complimentary_stay_no_nights_no_room_points_but_paid_fnb_earns_like_a_bill(oh, fnb_always):
    """docs/program-rules.md 3, "Nights" (FAQ "Stay History", T&C 14.2
    [decided]): a complimentary stay earns no nights and no room points;
    the food and drink the guest paid earns like a restaurant bill (10 per
    1,000 yen, bonus on top), also at a hotel whose stays' F&B otherwise
    follows the channel."""
    from dataclasses import replace

    rules = replace(oh.earning, fnb_on_stay_earns_always=fnb_always)
    e = stay(rules, {"room": 30_000, "fnb": 8_000, "tax": 3_800}, plan="complimentary", bonus=25)
    assert (e.points, e.bonus_points, e.nights) == (80, 20, 0)
    bill = earning.bill_earning(rules, payment="room", yen={"fnb": 8_000}, bonus_percent=25)
    assert (bill.points, bill.bonus_points) == (e.points, e.bonus_points)


def test_complimentary_stay_on_omo_earns_nothing(omo):
    """OMO Schedule 1: charges added after the reservation earn nothing; OMO bills earn nothing."""
    e = stay(omo.earning, {"room": 30_000, "fnb": 8_000}, channel="official_website", plan="complimentary")
    assert (e.points, e.nights) == (0, 0)


def test_day_use_earns_points_but_no_nights(oh):
    e = stay(oh.earning, {"room": 15_000}, ci="2026-11-22", co="2026-11-22")
    assert (e.points, e.nights) == (300, 0)


def test_nights_are_checkout_minus_checkin(oh):
    assert stay(oh.earning, {"room": 1}, ci="2026-12-28", co="2027-01-03").nights == 6


def test_checkout_before_checkin_is_refused(oh):
    with pytest.raises(errors.InvalidDates):
        stay(oh.earning, {"room": 1}, ci="2026-11-22", co="2026-11-21")


def test_restaurant_charged_to_room_earns_even_on_agency_booking(oh):
    # [decided] F&B earns as a restaurant bill would, whatever the room's channel.
    assert stay(oh.earning, {"room": 50_000, "fnb": 8_000}, channel="ota").points == 80


def test_pay_by_points_portion_comes_off_room_first_then_fnb(oh):
    e = stay(oh.earning, {"room": 10_000, "fnb": 10_000, "paid_by_points": 12_000})
    assert e.eligible_yen == {"accommodation": 0, "fnb": 8_000}
    assert e.points == 80


def test_bills_earn_ten_per_thousand(oh):
    e = earning.bill_earning(oh.earning, payment="room", yen={"fnb": 23_456, "tax": 2_345, "service": 2_000},
                             bonus_percent=0)
    assert (e.points, e.nights) == (234, 0)


def test_bill_paid_with_jal_coupon_earns_nothing(oh):
    assert earning.bill_earning(oh.earning, payment="jal_coupon", yen={"fnb": 20_000}, bonus_percent=50).total == 0


@pytest.mark.parametrize("payment", ["gift_check", "travel_voucher", "card", "cash"])
def test_gift_checks_and_vouchers_earn_as_usual(oh, payment):
    assert earning.bill_earning(oh.earning, payment=payment, yen={"fnb": 20_000}, bonus_percent=0).points == 200


def test_overseas_amounts_converted_to_yen_then_points(oh):
    yen = earning.to_yen({"room": 250, "fnb": 40}, Decimal("151.37"))
    assert yen == {"room": 37_842, "fnb": 6_054}
    assert stay(oh.earning, yen).points == 756 + 60


@pytest.mark.parametrize("rate", ["0", "-3", "abc", "1e9", "NaN", "Infinity"])
def test_bad_exchange_rates_refused(rate):
    with pytest.raises(errors.InvalidAmount):
        earning.parse_exchange_rate(rate)


@pytest.mark.parametrize("charges", [{"minibar": 100}, {"room": -1}, {"room": 100_000_001}, {"room": 1.5}])
def test_bad_charges_refused(oh, charges):
    with pytest.raises(errors.InvalidAmount):
        earning.validate_charges(oh.categories, charges)


# -- when a stay or bill may be credited -----------------------------------
def check(first, use, enrolled="2026-01-10", business="2026-11-22"):
    earning.check_date_of_use(first_day=D(first), date_of_use=D(use), enrolled_on=D(enrolled),
                              business_date=D(business), claim_window_months=6)


def test_enrollment_day_itself_counts():
    check("2026-01-10", "2026-01-12", business="2026-01-12")


def test_stay_beginning_before_enrollment_refused():
    with pytest.raises(errors.BeforeEnrollment):
        check("2026-01-09", "2026-01-12", business="2026-01-12")


def test_joining_mid_stay_pro_rates_each_category(oh):
    """docs/program-rules.md 3 [decided]: 3 nights 11-19 -> 11-22, enrolled
    11-21, room 30,000: 1 night, 200 points; rounded down per category."""
    first = earning.earns_from(D("2026-11-19"), D("2026-11-22"), D("2026-11-21"))
    assert first == D("2026-11-21")
    e = earning.stay_earning(oh.earning, check_in=D("2026-11-19"), check_out=D("2026-11-22"), channel="direct",
                             rate_plan="standard", yen={"room": 30_000, "fnb": 1_000, "tax": 3_000},
                             bonus_percent=0, earns_from=first)
    assert (e.points, e.nights, dict(e.eligible_yen)) == (200 + 3, 1, {"accommodation": 10_000, "fnb": 333})
    assert earning.pro_rate({"room": 30_001, "fnb": 2}, 1, 3) == {"room": 10_000, "fnb": 0}
    assert earning.earns_from(D("2026-11-19"), D("2026-11-22"), D("2026-11-19")) == D("2026-11-19")
    for enrolled in ("2026-11-22", "2026-11-23"):
        with pytest.raises(errors.BeforeEnrollment):
            earning.earns_from(D("2026-11-19"), D("2026-11-22"), D(enrolled))


def test_claim_accepted_through_six_calendar_months():
    check("2026-05-20", "2026-05-22", business="2026-11-22")


def test_claim_one_day_late_refused():
    with pytest.raises(errors.ClaimTooLate):
        check("2026-05-19", "2026-05-21", business="2026-11-22")


def test_claim_window_from_month_end_clamps():
    # 2026-08-31 + 6 months = 2027-02-28
    check("2026-08-30", "2026-08-31", business="2027-02-28")
    with pytest.raises(errors.ClaimTooLate):
        check("2026-08-30", "2026-08-31", business="2027-03-01")


def test_date_of_use_in_the_future_refused():
    with pytest.raises(errors.InvalidDates):
        check("2026-11-22", "2026-11-23")


# -- OMO Points --------------------------------------------------------------
def test_omo_five_percent_of_accommodation_for_official_website(omo):
    e = stay(omo.earning, {"room": 23_450, "tax": 2_345, "service": 1_000, "fnb": 5_000},
             channel="official_website")
    assert e.points == 1172  # 5% of 23,450 rounded down; on-site F&B earns nothing


@pytest.mark.parametrize("channel", ["direct", "reservation_center", "ota", "travel_agency"])
def test_omo_other_channels_earn_no_points(omo, channel):
    assert stay(omo.earning, {"room": 20_000}, channel=channel).points == 0


def test_omo_bills_earn_nothing(omo):
    assert earning.bill_earning(omo.earning, payment="card", yen={"fnb": 20_000}, bonus_percent=0).total == 0


def test_yen_units_for_pay_by_points():
    assert earning.yen_units(1500, 500) == 3
    for bad in (0, 499, 750, -500):
        with pytest.raises(errors.InvalidAmount):
            earning.yen_units(bad, 500)
