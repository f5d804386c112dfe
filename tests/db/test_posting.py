"""Posting stays and bills on a real database: docs/program-rules.md 3, 4 and 6."""

from datetime import date

import pytest
from sqlalchemy import func, select

from desk_app.db.schema import LedgerEntry, Lot, Posting
from desk_app.domain import errors
from desk_app.services import lookup, posting
from tests.conftest import desk_on
from tests.db.helpers import bill, enrol, stay

pytestmark = pytest.mark.usefixtures("backend_all")


def show(db, number, day="2026-11-22"):
    return lookup.show(db, desk_on(day), number)


def entries(db):
    with db.read() as s:
        return s.scalar(select(func.count(LedgerEntry.id)))


def test_stay_at_checkout_credits_points_lot_and_nights(db):
    number = enrol(db)
    r = stay(db, number, "2026-03-01", "2026-03-03", 48_000, charges={"fnb": 6_500, "tax": 4_800})
    assert (r.points, r.bonus_points, r.nights, r.balance_after) == (960 + 65, 0, 2, 1_025)
    v = show(db, number, "2026-03-03")
    assert [(l.points, l.earned_on, l.expires_on) for l in v.lots] == [(1_025, date(2026, 3, 3), date(2029, 1, 31))]
    assert (v.year_points, v.year_nights) == (1_025, 2)


def test_same_folio_at_same_property_only_once(db):
    number = enrol(db)
    stay(db, number, "2026-03-01", "2026-03-03", 48_000, folio="F-100")
    before = entries(db)
    with pytest.raises(errors.DuplicateFolio):
        stay(db, number, "2026-03-01", "2026-03-03", 48_000, folio="F-100")
    assert entries(db) == before
    # The same number at another property is another folio.
    assert stay(db, number, "2026-03-01", "2026-03-03", 48_000, folio="F-100", prop="OSA").points == 960


def test_bonus_by_tier_on_the_date_of_use(db):
    number = enrol(db)
    stay(db, number, "2026-02-01", "2026-02-11", 250_000)  # 5,000 points: Loyal from 2026-03-01
    assert show(db, number, "2026-03-01").tier == "loyal"
    r = stay(db, number, "2026-03-05", "2026-03-06", 17_250)
    assert (r.points, r.bonus_points) == (345, 86)
    early = bill(db, number, "2026-02-20", 10_000, business="2026-03-06")  # a claim from before the upgrade
    assert early.bonus_points == 0


def test_mid_year_promotion_example_on_the_database(db):
    number = enrol(db)
    stay(db, number, "2026-01-20", "2026-01-26", 30_000)
    r = stay(db, number, "2026-02-07", "2026-02-11", 20_000, channel="ota")  # 10th night on 2026-02-11
    assert r.nights == 4
    assert show(db, number, "2026-02-28").tier == "basic"
    v = show(db, number, "2026-03-01")
    assert (v.tier, v.tier_valid_until) == ("loyal", date(2028, 3, 31))


def test_simple_registration_keeps_earning_but_is_not_upgraded_until_full(db):
    from desk_app.services import registration

    number = enrol(db, full=False)
    stay(db, number, "2026-02-01", "2026-02-11", 300_000)
    assert show(db, number, "2026-04-01").tier == "basic"
    registration.complete_registration(db, desk_on("2026-04-10"), number, postal_code="100-0005",
                                       address="Chiyoda-ku", country="JP", phone="0312345678",
                                       birth_date=date(1985, 4, 1))
    v = show(db, number, "2026-05-01")
    assert (v.tier, v.tier_valid_until) == ("exclusive" if v.year_points >= 15_000 else "loyal", date(2028, 3, 31))
    assert show(db, number, "2026-04-30").tier == "basic"


def test_companions_get_the_nights_and_no_points(db):
    payer, friend = enrol(db), enrol(db)
    r = stay(db, payer, "2026-03-01", "2026-03-04", 60_000, companions=(friend,))
    assert r.nights == 3 and [(c.member_number, c.nights) for c in r.companions] == [(friend, 3)]
    v = show(db, friend, "2026-03-04")
    assert (v.points_balance, v.year_nights) == (0, 3)


def test_companion_rules(db):
    payer = enrol(db)
    late = enrol(db, day="2026-03-04")
    with pytest.raises(errors.SameMember):
        stay(db, payer, "2026-03-01", "2026-03-04", 60_000, companions=(payer,))
    with pytest.raises(errors.BeforeEnrollment):  # joined on the check-out day: no night to credit
        stay(db, payer, "2026-03-01", "2026-03-04", 60_000, companions=(late,))
    with pytest.raises(errors.MemberNotFound):
        stay(db, payer, "2026-03-01", "2026-03-04", 60_000, companions=("8000000000",))
    assert show(db, payer).points_balance == 0


def test_missing_stay_claim_within_six_months(db):
    number = enrol(db)
    r = stay(db, number, "2026-05-20", "2026-05-22", 10_000, business="2026-11-22")
    assert r.points == 200
    v = show(db, number)
    assert v.lots[0].earned_on == date(2026, 5, 22)  # the date of use, not the posting date
    with pytest.raises(errors.ClaimTooLate):
        stay(db, number, "2026-05-19", "2026-05-21", 10_000, business="2026-11-22")


def test_before_enrollment_refused(db):
    number = enrol(db, day="2026-03-02")
    with pytest.raises(errors.BeforeEnrollment):
        stay(db, number, "2026-02-27", "2026-03-02", 10_000)
    with pytest.raises(errors.BeforeEnrollment):
        stay(db, number, "2026-03-01", "2026-03-01", 10_000, business="2026-03-02")  # a day use before it
    with pytest.raises(errors.BeforeEnrollment):
        bill(db, number, "2026-03-01", 10_000, business="2026-03-03")
    assert stay(db, number, "2026-03-02", "2026-03-03", 10_000).points == 200


def test_overseas_folio_needs_the_exchange_rate(db):
    number = enrol(db)
    with pytest.raises(errors.InvalidAmount):
        stay(db, number, "2026-03-01", "2026-03-03", 250, prop="GUM")
    r = stay(db, number, "2026-03-01", "2026-03-03", 250, prop="GUM", exchange_rate="151.37",
             charges={"fnb": 40, "tax": 30})
    assert r.points == 756 + 60
    with db.read() as s:
        p = s.scalar(select(Posting).where(Posting.property_code == "GUM"))
        assert (p.currency, p.exchange_rate) == ("USD", "151.37")


def test_unknown_property_refused(db):
    number = enrol(db)
    with pytest.raises(errors.UnknownProperty):
        stay(db, number, "2026-03-01", "2026-03-03", 1000, prop="XXX")


@pytest.mark.parametrize("folio", ["", " ", "x" * 41, "F 1", "F1;DROP TABLE members", "ｆ１\x00"])
def test_hostile_folio_numbers_refused(db, folio):
    number = enrol(db)
    with pytest.raises(errors.InvalidReference):
        stay(db, number, "2026-03-01", "2026-03-03", 1000, folio=folio)


def test_closed_member_cannot_earn(db):
    from desk_app.services import office

    number = enrol(db)
    office.withdraw(db, desk_on("2026-03-01"), number, "member request")
    with pytest.raises(errors.MemberClosed):
        stay(db, number, "2026-03-01", "2026-03-03", 1000)


def test_jal_coupon_bill_posts_with_no_points(db):
    number = enrol(db)
    r = bill(db, number, "2026-03-01", 20_000, payment="jal_coupon")
    assert (r.points, r.balance_after) == (0, 0)
    bill(db, number, "2026-03-01", 5_000, check="C-1")
    with pytest.raises(errors.DuplicateFolio):
        bill(db, number, "2026-03-01", 5_000, check="C-1")


def test_cashier_posts_bills_but_not_stays(db):
    number = enrol(db)
    cashier = desk_on("2026-03-03", role="cashier")
    with pytest.raises(errors.NotPermitted):
        posting.post_stay(db, cashier, number, posting.StayFolio("F9", date(2026, 3, 1), date(2026, 3, 3),
                                                                  "direct", {"room": 1000}))
    assert posting.post_bill(db, cashier, number, posting.Bill("B9", date(2026, 3, 3), {"fnb": 5000})).points == 50


def test_preview_matches_what_is_posted_and_writes_nothing(db):
    number = enrol(db)
    folio = posting.StayFolio("P1", date(2026, 3, 1), date(2026, 3, 3), "direct", {"room": 48_000, "fnb": 6_500})
    before = entries(db)
    preview = posting.preview_stay(db, desk_on("2026-03-03"), number, folio)
    assert entries(db) == before
    r = posting.post_stay(db, desk_on("2026-03-03"), number, folio)
    assert (preview.points, preview.bonus_points, preview.nights) == (r.points, r.bonus_points, r.nights)


def test_no_lot_for_a_posting_that_earns_nothing(db):
    number = enrol(db)
    stay(db, number, "2026-03-01", "2026-03-03", 48_000, channel="ota")
    with db.read() as s:
        assert s.scalar(select(func.count(Lot.id))) == 0


def test_preview_refuses_what_posting_would_refuse(db):
    number = enrol(db, day="2026-03-02")
    desk = desk_on("2026-03-03")
    with pytest.raises(errors.BeforeEnrollment):
        posting.preview_stay(db, desk, number, posting.StayFolio("P2", date(2026, 2, 28), date(2026, 3, 2),
                                                                 "direct", {"room": 1000}))
    stay(db, number, "2026-03-02", "2026-03-03", 1000, folio="P3")
    with pytest.raises(errors.DuplicateFolio):
        posting.preview_stay(db, desk, number, posting.StayFolio("P3", date(2026, 3, 2), date(2026, 3, 3), "direct",
                                                                 {"room": 1000}))
    with pytest.raises(errors.ClaimTooLate):
        posting.preview_bill(db, desk_on("2026-11-22"), number, posting.Bill("B3", date(2026, 3, 3), {"fnb": 100}))


def test_bonus_points_do_not_qualify_for_tiers(db):
    number = enrol(db)
    stay(db, number, "2026-02-01", "2026-02-11", 250_000)            # 5,000: Loyal from 2026-03-01
    r = stay(db, number, "2026-03-05", "2026-03-06", 17_250)           # 345 + 86 bonus
    v = show(db, number, "2026-03-06")
    assert (r.bonus_points, v.points_balance, v.year_points) == (86, 5_431, 5_345)


def test_complimentary_stay_credits_no_nights_and_fnb_like_a_bill(db):
    """docs/program-rules.md 3, "Nights" (FAQ "Stay History", T&C 14.2
    [decided]): no nights, no room points; the F&B the guest paid earns
    10 per 1,000 yen like a restaurant bill."""
    number = enrol(db)
    r = stay(db, number, "2026-11-20", "2026-11-22", 30_000, rate_plan="complimentary",
             charges={"fnb": 8_000, "tax": 3_800})
    assert (r.points, r.bonus_points, r.nights, r.balance_after) == (80, 0, 0, 80)
    v = show(db, number, "2026-11-22")
    assert (v.year_points, v.year_nights) == (80, 0)


def test_per_property_channel_and_rate_plan_settings(db):
    """docs/program-rules.md 3 (T&C 13.2 last sentence; FAQ "may not"): at
    FUK a direct booking earns nights but no points; at KIX a group rate
    earns points; at TKO both as the program's defaults."""
    number = enrol(db)
    fuk = stay(db, number, "2026-11-20", "2026-11-22", 50_000, prop="FUK")
    web = stay(db, number, "2026-11-18", "2026-11-20", 50_000, prop="FUK", channel="official_website")
    kix = stay(db, number, "2026-11-16", "2026-11-18", 50_000, prop="KIX", rate_plan="group")
    tko = stay(db, number, "2026-11-14", "2026-11-16", 50_000, prop="TKO", rate_plan="group")
    assert [(r.points, r.nights) for r in (fuk, web, kix, tko)] == [(0, 2), (1000, 2), (1000, 2), (0, 2)]


def test_joining_mid_stay_earns_for_the_nights_from_enrollment(db):
    """docs/program-rules.md 3 (FAQ "room nights prior to the date of your
    membership application", RULES [decided]): 3 nights 11-19 -> 11-22,
    enrolled 11-21, room 30,000 yen: 1 night and 200 points; each category
    pro-rated and rounded down on its own."""
    number = enrol(db, day="2026-11-21")
    r = stay(db, number, "2026-11-19", "2026-11-22", 30_000)
    assert (r.points, r.nights) == (200, 1)
    other = enrol(db, day="2026-11-21")
    r = stay(db, other, "2026-11-19", "2026-11-22", 30_001, charges={"fnb": 10_000})
    assert (r.points, r.nights, dict(r.eligible_yen)) == (200 + 33, 1, {"accommodation": 10_000, "fnb": 3_333})
    v = show(db, number)
    assert (v.points_balance, v.year_nights) == (200, 1)
    # A companion who joined mid-stay gets the nights from enrollment on, too.
    payer = enrol(db, day="2026-11-01")
    r = stay(db, payer, "2026-11-19", "2026-11-22", 30_000, companions=(enrol(db, day="2026-11-20"),))
    assert (r.nights, [c.nights for c in r.companions]) == (3, [2])


def test_no_night_on_or_after_enrollment_is_still_before_enrollment(db):
    """docs/program-rules.md 3: a stay with no night on or after enrollment is refused."""
    number = enrol(db, day="2026-11-22")
    with pytest.raises(errors.BeforeEnrollment):
        stay(db, number, "2026-11-19", "2026-11-22", 30_000)
    assert show(db, number).points_balance == 0



def test_five_rooms_for_two_nights_credit_two_nights_and_every_rooms_points(db):
    """docs/program-rules.md 3 (FAQ "paid for several rooms"): a member who
    pays for 5 rooms for 2 nights gets the points of all 5 and 2 nights,
    not 10, so is not Loyal."""
    number = enrol(db)
    results = [stay(db, number, "2026-03-01", "2026-03-03", 20_000) for _ in range(5)]
    assert [(r.points, r.nights) for r in results] == [(400, 2)] + [(400, 0)] * 4
    v = show(db, number, "2026-03-03")
    assert (v.points_balance, v.year_points, v.year_nights) == (2_000, 2_000, 2)
    assert show(db, number, "2026-04-01").tier == "basic"


def test_companion_in_one_room_and_payer_of_another_gets_the_nights_once(db):
    """docs/program-rules.md 3 (FAQ "stayed with accompany", "paid for several
    rooms"): Sato is a companion in Ito's room and pays for a second room
    the same 2 nights: 2 nights, and the second room's points."""
    ito, sato = enrol(db), enrol(db)
    first = stay(db, ito, "2026-03-01", "2026-03-03", 30_000, companions=(sato,))
    second = stay(db, sato, "2026-03-01", "2026-03-03", 20_000)
    assert ([c.nights for c in first.companions], second.points, second.nights) == ([2], 400, 0)
    assert (show(db, sato).year_nights, show(db, sato).points_balance) == (2, 400)
    # The other way round: a payer listed as a companion in a later room.
    r = stay(db, ito, "2026-04-01", "2026-04-02", 10_000)
    later = stay(db, sato, "2026-04-01", "2026-04-02", 10_000, companions=(ito,))
    assert (r.nights, later.nights, [c.nights for c in later.companions]) == (1, 1, [0])
    assert show(db, ito).year_nights == 3


def test_two_hotels_the_same_night_credit_one_night(db):
    """docs/program-rules.md 3: posted at TKO and OSA for the same night, the
    member gets one night per calendar night; only the new nights of an
    overlapping stay count."""
    number = enrol(db)
    tko = stay(db, number, "2026-03-01", "2026-03-02", 10_000, prop="TKO")
    osa = stay(db, number, "2026-03-01", "2026-03-02", 10_000, prop="OSA")
    longer = stay(db, number, "2026-03-01", "2026-03-04", 30_000, prop="KYO")
    assert [(r.points, r.nights) for r in (tko, osa, longer)] == [(200, 1), (200, 0), (600, 2)]
    assert show(db, number).year_nights == 3


def test_a_reversal_frees_its_nights(db):
    """docs/program-rules.md 3 and "Reversing a posting": the reversed
    posting's nights are free again; a night another posting of the member
    covers passes to it (the member still stayed that night), and the
    right posting can follow."""
    from desk_app.services import audit, reversal

    number = enrol(db)
    wrong = stay(db, number, "2026-03-01", "2026-03-03", 20_000, prop="TKO")
    other = stay(db, number, "2026-03-02", "2026-03-03", 10_000, prop="OSA")    # night 03-02 already held
    assert other.nights == 0
    r = reversal.reverse(db, desk_on("2026-03-05"), wrong.transaction_id, "keyed to the wrong dates")
    assert r.nights == -2 + 1                                                  # 03-02 passes to OSA's posting
    assert show(db, number, "2026-03-05").year_nights == 1
    right = stay(db, number, "2026-03-01", "2026-03-03", 20_000, prop="TKO", business="2026-03-05")
    assert (right.points, right.nights) == (400, 1)                            # 03-01 only; 03-02 is OSA's
    assert show(db, number, "2026-03-05").year_nights == 2
    # Reversing OSA's posting now frees 03-02 again, and TKO's covers it.
    r = reversal.reverse(db, desk_on("2026-03-05"), other.transaction_id, "not our guest")
    assert r.nights == 0 and show(db, number, "2026-03-05").year_nights == 2
    assert audit.check_all(db, desk_on("2026-03-05")) == []


def test_a_companions_night_passed_on_goes_with_its_posting(db):
    """docs/program-rules.md 3: Sato pays a room and is a companion in Ito's
    the same night (no night there); reversing Sato's own room passes the
    night to Ito's room, and reversing that one takes it away."""
    from desk_app.services import audit, reversal

    ito, sato = enrol(db), enrol(db)
    own = stay(db, sato, "2026-03-01", "2026-03-02", 10_000)
    shared = stay(db, ito, "2026-03-01", "2026-03-02", 10_000, companions=(sato,))
    assert [c.nights for c in shared.companions] == [0]
    reversal.reverse(db, desk_on("2026-03-05"), own.transaction_id, "wrong member")
    assert show(db, sato, "2026-03-05").year_nights == 1
    r = reversal.reverse(db, desk_on("2026-03-05"), shared.transaction_id, "wrong room")
    assert [c.nights for c in r.companions] == [-1]
    assert (show(db, sato, "2026-03-05").year_nights, show(db, ito, "2026-03-05").year_nights) == (0, 0)
    assert audit.check_all(db, desk_on("2026-03-05")) == []
