"""Expiry, tier evaluation, inactivity, merges and withdrawals."""

from datetime import date

import pytest
from sqlalchemy import select

from desk_app.db.schema import TierEvaluation
from desk_app.domain import errors
from desk_app.services import audit, batch, lookup, office, reversal
from tests.conftest import desk_on
from tests.db.helpers import bill, enrol, stay

pytestmark = pytest.mark.usefixtures("backend_all")


def test_expiry_batch_records_expired_lots_once(db):
    number = enrol(db, day="2023-01-05")
    stay(db, number, "2023-03-01", "2023-03-02", 100_000)   # 2,000 pts, usable through 2026-01-31
    stay(db, number, "2024-03-01", "2024-03-02", 50_000)    # 1,000 pts, through 2027-01-31
    r = batch.expire_points(db, desk_on("2026-02-01"))
    assert (r.expired_points, r.members) == (2_000, 1)
    again = batch.expire_points(db, desk_on("2026-02-01"))
    assert (again.expired_points, again.members) == (0, 0)
    v = lookup.show(db, desk_on("2026-02-01"), number)
    assert v.points_balance == 1_000
    assert [e.kind for e in lookup.history(db, desk_on("2026-02-01"), number)][0] == "expire"
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_year_end_evaluation_with_carry_over(db):
    a, b, c = (enrol(db, day="2024-12-01") for _ in range(3))
    simple = enrol(db, day="2024-12-01", full=False)
    stay(db, a, "2025-05-01", "2025-05-02", 290_000)              # 5,800 points
    for i in range(38):                                            # 38 nights via an agency
        stay(db, b, f"2025-{1 + i // 4:02d}-{1 + (i % 4) * 2:02d}", f"2025-{1 + i // 4:02d}-{2 + (i % 4) * 2:02d}",
             10_000, channel="ota")
    stay(db, simple, "2025-05-01", "2025-05-02", 290_000)
    r = batch.evaluate_tiers(db, desk_on("2026-01-02"), 2025)
    assert (r.year, r.evaluated, r.loyal, r.exclusive) == (2025, 4, 1, 1)
    desk = desk_on("2026-04-01")
    va, vb, vc = (lookup.show(db, desk, n) for n in (a, b, c))
    assert (va.tier, va.tier_valid_until) == ("loyal", date(2027, 3, 31))
    assert (vb.tier, vb.tier_valid_until) == ("exclusive", date(2027, 3, 31))
    assert vc.tier == "basic" and lookup.show(db, desk, simple).tier == "basic"
    assert (va.carry_points, va.year_points) == (800, 800)
    assert (vb.carry_nights, vb.year_nights) == (8, 8)
    with db.read() as s:
        rows = {e.member_id: e for e in s.scalars(select(TierEvaluation))}
        assert sorted((e.tier, e.carry_points, e.carry_nights) for e in rows.values()) == [
            ("basic", 0, 0), ("exclusive", 0, 8), ("loyal", 800, 0), ("loyal", 800, 0)]
    again = batch.evaluate_tiers(db, desk_on("2026-01-02"), 2025)
    assert (again.loyal, again.exclusive) == (1, 1)
    with db.read() as s:
        assert len(list(s.scalars(select(TierEvaluation)))) == 4


def test_evaluation_of_a_future_year_refused(db):
    with pytest.raises(errors.InvalidDates):
        batch.evaluate_tiers(db, desk_on("2026-11-22"), 2027)


def test_inactive_members_listed_after_36_months(db):
    idle = enrol(db, day="2022-01-10")
    active = enrol(db, day="2022-01-10")
    stay(db, active, "2024-06-01", "2024-06-02", 10_000)
    on = desk_on("2025-01-10")
    assert [m.member_number for m in batch.inactive(db, on, 36)] == [idle]
    assert batch.inactive(db, desk_on("2025-01-09"), 36) == []
    assert [m.member_number for m in batch.inactive(db, desk_on("2027-06-02"), 36)] == sorted([idle, active])


def test_only_points_earned_by_use_restart_the_inactivity_clock(db):
    """docs/program-rules.md 1 (T&C 7.2 "accrual" [decided]): 36 months from
    the last stay, bill or claim by date of use; a merge, an adjustment
    (also one a merge moves in) and a reversal do not restart the clock."""
    keep, drop, adjusted, reversed_ = (enrol(db, day="2022-01-10") for _ in range(4))
    office.adjust(db, desk_on("2024-06-01"), drop, 500, "goodwill")          # not use
    office.merge(db, desk_on("2024-12-01"), keep, drop)                    # not use either
    office.adjust(db, desk_on("2024-06-01"), adjusted, 500, "goodwill")
    r = stay(db, reversed_, "2024-05-01", "2024-05-02", 10_000)
    reversal.reverse(db, desk_on("2024-05-03"), r.transaction_id, "posted to the wrong member")
    listed = [m.member_number for m in batch.inactive(db, desk_on("2025-01-10"), 36)]
    assert listed == sorted([keep, adjusted, reversed_])
    # A claim posted late counts from its date of use, also one on the dropped number.
    other_keep, other_drop = enrol(db, day="2022-01-10"), enrol(db, day="2022-01-10")
    bill(db, other_drop, "2022-06-01", 5_000, business="2022-06-20")
    office.merge(db, desk_on("2024-12-01"), other_keep, other_drop)
    assert other_keep not in [m.member_number for m in batch.inactive(db, desk_on("2025-01-10"), 36)]
    assert other_keep in [m.member_number for m in batch.inactive(db, desk_on("2025-06-01"), 36)]


def test_merge_moves_points_with_their_expiry_nights_and_history(db):
    keep = enrol(db, day="2024-01-05")
    drop = enrol(db, day="2024-01-05")
    stay(db, keep, "2026-03-01", "2026-03-02", 50_000)       # 1,000, expires 2029-01-31
    stay(db, drop, "2024-03-01", "2024-03-04", 100_000)      # 2,000, expires 2027-01-31; 3 nights in 2024
    stay(db, drop, "2026-04-01", "2026-04-03", 25_000)       # 500, 2 nights in 2026
    v = office.merge(db, desk_on("2026-11-22"), keep, drop)
    assert v.points_balance == 3_500
    assert [(l.points, l.expires_on) for l in v.lots] == [
        (2_000, date(2027, 1, 31)), (1_000, date(2029, 1, 31)), (500, date(2029, 1, 31))]
    assert (v.year_points, v.year_nights) == (1_000 + 500, 1 + 2)
    dropped = lookup.show(db, desk_on("2026-11-22"), drop)
    assert (dropped.status, dropped.points_balance, dropped.merged_into) == ("merged", 0, keep)
    kinds = {(e.member_number, e.kind) for e in lookup.history(db, desk_on("2026-11-22"), keep)}
    assert (drop, "stay") in kinds and (keep, "merge_in") in kinds
    with pytest.raises(errors.MemberClosed):
        stay(db, drop, "2026-11-20", "2026-11-22", 1_000)
    with pytest.raises(errors.SameMember):
        office.merge(db, desk_on("2026-11-22"), keep, keep)
    with pytest.raises(errors.MemberClosed):
        office.merge(db, desk_on("2026-11-22"), keep, drop)
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_merge_credits_a_night_held_by_both_numbers_once(db):
    """docs/program-rules.md 3 (one night per calendar night) and T&C 8: the
    same person posted on both numbers for 2026-03-01: after the merge the
    kept number counts that night once; the dropped number's other night
    moves over."""
    keep, drop = enrol(db, day="2026-01-05"), enrol(db, day="2026-01-05")
    stay(db, keep, "2026-03-01", "2026-03-02", 10_000, prop="TKO")
    own = stay(db, keep, "2026-03-05", "2026-03-06", 10_000, prop="TKO")
    stay(db, drop, "2026-03-01", "2026-03-03", 20_000, prop="OSA")
    v = office.merge(db, desk_on("2026-11-22"), keep, drop)
    assert (v.year_nights, v.points_balance) == (3, 800)
    # Reversing the kept number's 03-05 posting takes its night; 03-01 was
    # never its only posting that night, so nothing else changes.
    r = reversal.reverse(db, desk_on("2026-11-22"), own.transaction_id, "not this guest")
    assert r.nights == -1
    assert lookup.show(db, desk_on("2026-11-22"), keep).year_nights == 2
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_merge_keeps_the_better_status(db):
    keep = enrol(db, day="2026-01-05")
    drop = enrol(db, day="2026-01-05")
    stay(db, drop, "2026-02-01", "2026-02-11", 800_000)  # Exclusive from 2026-03-01
    v = office.merge(db, desk_on("2026-11-22"), keep, drop)
    assert (v.tier, v.tier_valid_until) == ("exclusive", date(2028, 3, 31))


def test_merge_runs_the_promotion_check_for_every_year_the_credits_fall_in(db):
    """docs/program-rules.md 6 (T&C 8; FAQ "special promotion"): a merge on
    2027-01-15 that brings 2026 to 11 nights gives Loyal from 2027-02-01,
    exactly as the same nights posted as a late claim do."""
    keep, drop, claimant = (enrol(db, day="2026-01-05") for _ in range(3))
    for number in (keep, claimant):
        stay(db, number, "2026-05-01", "2026-05-07", 60_000)            # 6 nights in 2026
    stay(db, drop, "2026-08-01", "2026-08-06", 50_000)                  # 5 nights in 2026
    office.merge(db, desk_on("2027-01-15"), keep, drop)
    stay(db, claimant, "2026-08-01", "2026-08-06", 50_000, business="2027-01-15")  # the late claim
    for number in (keep, claimant):
        assert lookup.show(db, desk_on("2027-01-31"), number).tier == "basic"
        v = lookup.show(db, desk_on("2027-02-01"), number)
        assert (v.tier, v.tier_valid_until) == ("loyal", date(2028, 3, 31)), number
    assert audit.check_all(db, desk_on("2027-01-15")) == []


def test_withdrawal_cancels_all_points(db):
    number = enrol(db, day="2024-01-05")
    stay(db, number, "2024-03-01", "2024-03-02", 100_000)
    stay(db, number, "2026-03-01", "2026-03-02", 100_000)
    v = office.withdraw(db, desk_on("2026-11-22"), number, "member request")
    assert (v.status, v.points_balance, v.lots, v.card) == ("withdrawn", 0, (), None)
    kinds = [e.kind for e in lookup.history(db, desk_on("2026-11-22"), number)]
    assert kinds[:2] == ["withdrawn", "withdraw"]
    with pytest.raises(errors.MemberClosed):
        office.withdraw(db, desk_on("2026-11-22"), number, "again")
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_history_newest_first_with_who_and_where(db):
    number = enrol(db, day="2026-01-05")
    stay(db, number, "2026-03-01", "2026-03-02", 10_000, folio="F-1")
    bill(db, number, "2026-04-01", 5_000, check="B-1", prop="OSA")
    h = lookup.history(db, desk_on("2026-11-22"), number)
    assert [(e.kind, e.points, e.property, e.reference) for e in h[:2]] == [
        ("bill", 50, "OSA", "B-1"), ("stay", 200, "TKO", "F-1")]
    assert h[0].clerk == "test-clerk" and h[0].terminal == "T1"


def test_revocation_after_inactivity_is_an_office_decision(db):
    idle = enrol(db, day="2022-01-10")
    stay(db, idle, "2022-02-01", "2022-02-02", 50_000)
    listed = batch.inactive(db, desk_on("2025-02-02"))
    assert [m.member_number for m in listed] == [idle]
    assert lookup.show(db, desk_on("2025-02-02"), idle).status == "active"  # listing changes nothing
    v = office.withdraw(db, desk_on("2025-02-02"), idle, "no activity for 36 months (T&C 7.2)", status="revoked")
    assert (v.status, v.points_balance) == ("revoked", 0)
