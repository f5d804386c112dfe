"""Spending points: docs/program-rules.md section 5."""

from datetime import date

import pytest
from sqlalchemy import select

from desk_app.db.schema import Allocation, LedgerEntry, Lot
from desk_app.domain import errors
from desk_app.services import lookup, office, redemption
from tests.conftest import desk_on
from tests.db.helpers import enrol, stay

pytestmark = pytest.mark.usefixtures("backend_all")


def rich(db, points_room=500_000):
    number = enrol(db, day="2024-01-05")
    stay(db, number, "2024-03-01", "2024-03-02", 100_000)       # 2,000 pts, expire 2027-01-31
    stay(db, number, "2025-03-01", "2025-03-02", points_room)   # 10,000 pts, expire 2028-01-31
    return number


def test_award_prices_and_balance_after(db):
    number = rich(db)
    desk = desk_on("2026-11-22")
    r = redemption.redeem(db, desk, number, "breakfast_adult", 2)
    assert (r.points_spent, r.balance_after, r.quantity) == (4_000, 8_000, 2)
    assert r.voucher_number.startswith("TKO-261122-")
    assert redemption.redeem(db, desk, number, "breakfast_child").points_spent == 1_100


def test_oldest_points_used_first_with_allocations(db):
    number = rich(db)
    r = redemption.redeem(db, desk_on("2026-11-22"), number, "stay_standard")
    assert r.balance_after == 2_000
    with db.read() as s:
        entry = s.scalar(select(LedgerEntry).where(LedgerEntry.transaction_id == r.transaction_id))
        drawn = [(s.get(Lot, a.lot_id).expires_on, a.points)
                 for a in s.scalars(select(Allocation).where(Allocation.entry_id == entry.id).order_by(Allocation.id))]
    assert drawn == [(date(2027, 1, 31), 2_000), (date(2028, 1, 31), 8_000)]
    assert [(l.points, l.expires_on) for l in lookup.show(db, desk_on("2026-11-22"), number).lots] == [
        (2_000, date(2028, 1, 31))]


def test_pay_by_points_whole_500_yen_units(db):
    number = rich(db)
    r = redemption.pay_by_points(db, desk_on("2026-11-22"), number, 1_500)
    assert (r.points_spent, r.yen_covered, r.balance_after) == (1_200, 1_500, 10_800)
    with pytest.raises(errors.InvalidAmount):
        redemption.pay_by_points(db, desk_on("2026-11-22"), number, 1_250)


def test_insufficient_points_refused_and_nothing_changes(db):
    number = rich(db)
    with pytest.raises(errors.InsufficientPoints):
        redemption.redeem(db, desk_on("2026-11-22"), number, "stay_superior")
    assert lookup.show(db, desk_on("2026-11-22"), number).points_balance == 12_000


def test_expired_points_cannot_be_spent_even_before_the_batch(db):
    number = rich(db)
    desk = desk_on("2027-02-01")  # the 2024 lot expired on 2027-01-31
    assert lookup.show(db, desk, number).points_balance == 10_000
    with pytest.raises(errors.InsufficientPoints):
        redemption.redeem(db, desk, number, "breakfast_adult", 6)


def test_room_upgrade_only_for_reservation_center_or_direct(db):
    number = rich(db)
    desk = desk_on("2026-11-22")
    for channel in (None, "ota", "travel_agency", "official_website"):
        with pytest.raises(errors.AwardNotEligible):
            redemption.redeem(db, desk, number, "upgrade_standard_superior", channel=channel)
    assert redemption.redeem(db, desk, number, "upgrade_superior_deluxe", channel="reservation_center").points_spent == 4_000
    assert redemption.redeem(db, desk, number, "upgrade_standard_superior", channel="direct").points_spent == 1_000


def test_redeem_needs_full_registration_and_active_membership(db):
    number = enrol(db, full=False)
    stay(db, number, "2026-03-01", "2026-03-02", 200_000)
    with pytest.raises(errors.FullRegistrationRequired):
        redemption.redeem(db, desk_on("2026-11-22"), number, "breakfast_adult")
    full = rich(db)
    office.withdraw(db, desk_on("2026-11-22"), full, "moved")
    with pytest.raises(errors.MemberClosed):
        redemption.redeem(db, desk_on("2026-11-22"), full, "breakfast_adult")


def test_unknown_award_and_bad_quantities(db):
    number = rich(db)
    desk = desk_on("2026-11-22")
    with pytest.raises(errors.UnknownAward):
        redemption.redeem(db, desk, number, "spa_day")
    for q in (0, -1, 21, 10**9):
        with pytest.raises(errors.InvalidAmount):
            redemption.redeem(db, desk, number, "breakfast_adult", q)


def test_identity_must_be_confirmed(db):
    number = rich(db)
    with pytest.raises(errors.IdentityNotConfirmed):
        redemption.redeem(db, desk_on("2026-11-22"), number, "breakfast_adult", identity_confirmed=False)


def test_cashier_redeems_breakfast_and_pay_by_points_only(db):
    number = rich(db)
    cashier = desk_on("2026-11-22", role="cashier")
    assert redemption.redeem(db, cashier, number, "breakfast_adult").points_spent == 2_000
    assert redemption.pay_by_points(db, cashier, number, 500).points_spent == 400
    with pytest.raises(errors.NotPermitted):
        redemption.redeem(db, cashier, number, "stay_standard")


def test_adjustment_corrects_a_mistake_with_reason(db):
    number = rich(db)
    r = redemption.redeem(db, desk_on("2026-11-22"), number, "breakfast_adult", 3)
    assert r.balance_after == 6_000
    fixed = office.adjust(db, desk_on("2026-11-22"), number, 4_000, "clerk redeemed 3 breakfasts instead of 1")
    assert fixed.balance_after == 10_000
    v = lookup.show(db, desk_on("2026-11-22"), number)
    # Adjustments do not qualify: 2026's figure is only the carry-over of 2025's 10,000 (Loyal, +5,000).
    assert (v.year_points, v.carry_points, v.lots[-1].expires_on) == (5_000, 5_000, date(2029, 1, 31))
    with pytest.raises(errors.NotPermitted):
        office.adjust(db, desk_on("2026-11-22", role="clerk"), number, 10, "x")
    with pytest.raises(errors.InvalidReason):
        office.adjust(db, desk_on("2026-11-22"), number, 10, "  ")
    with pytest.raises(errors.InsufficientPoints):
        office.adjust(db, desk_on("2026-11-22"), number, -10_001, "too much")
    for bad in (0, 1_000_001, -1_000_001):
        with pytest.raises(errors.InvalidAmount):
            office.adjust(db, desk_on("2026-11-22"), number, bad, "bad")
    assert office.adjust(db, desk_on("2026-11-22"), number, -10_000, "duplicate posting").balance_after == 0
