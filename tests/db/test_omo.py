"""OMO Points on the same engine: docs/program-rules.md section 8."""

from datetime import date

import pytest

from desk_app.domain import errors
from desk_app.services import batch, lookup, office, posting, redemption, registration
from tests.conftest import desk_on

pytestmark = pytest.mark.usefixtures("backend_all")


def member(db, day="2026-01-05", email="omo@example.jp"):
    return registration.register(db, desk_on(day, "OM5"), registration.Enrolment("Hoshino", "Aki", email)).member_number


def stay(db, number, check_in, check_out, charges, channel="official_website", folio="R1"):
    return posting.post_stay(db, desk_on(check_out, "OM5"), number, posting.StayFolio(
        folio, date.fromisoformat(check_in), date.fromisoformat(check_out), channel, charges))


def test_five_percent_for_official_website_stays(omo_db):
    n = member(omo_db)
    r = stay(omo_db, n, "2026-11-20", "2026-11-22", {"room": 23_450, "tax": 2_345, "service": 2_000, "fnb": 6_000})
    assert (r.points, r.bonus_points, r.nights) == (1_172, 0, 2)
    v = lookup.show(omo_db, desk_on("2026-11-22", "OM5"), n)
    assert [(l.points, l.expires_on) for l in v.lots] == [(1_172, date(2029, 11, 30))]
    assert v.tier == "basic" and v.next_tier is None


def test_other_channels_and_bills_earn_nothing(omo_db):
    n = member(omo_db)
    assert stay(omo_db, n, "2026-11-20", "2026-11-22", {"room": 20_000}, channel="direct").points == 0
    assert posting.post_bill(omo_db, desk_on("2026-11-22", "OM5"), n,
                             posting.Bill("B1", date(2026, 11, 22), {"fnb": 9_000})).points == 0


def test_accommodation_tickets_oldest_points_first(omo_db):
    n = member(omo_db, day="2023-01-05")
    stay(omo_db, n, "2023-06-01", "2023-06-02", {"room": 30_000}, folio="A")   # 1,500, through 2026-06-30
    stay(omo_db, n, "2026-01-10", "2026-01-11", {"room": 30_000}, folio="B")   # 1,500, through 2029-01-31
    r = redemption.redeem(omo_db, desk_on("2026-03-01", "OM5"), n, "accommodation_ticket", 2)
    assert (r.points_spent, r.balance_after, r.yen_covered) == (2_000, 1_000, 2_000)
    v = lookup.show(omo_db, desk_on("2026-03-01", "OM5"), n)
    assert [(l.points, l.expires_on) for l in v.lots] == [(1_000, date(2029, 1, 31))]
    with pytest.raises(errors.UnknownAward):
        redemption.redeem(omo_db, desk_on("2026-03-01", "OM5"), n, "breakfast_adult")
    with pytest.raises(errors.UnknownAward):
        redemption.pay_by_points(omo_db, desk_on("2026-03-01", "OM5"), n, 500)


def test_expiry_at_month_end_three_years_on(omo_db):
    n = member(omo_db, day="2023-01-05")
    stay(omo_db, n, "2023-06-01", "2023-06-02", {"room": 30_000})
    assert lookup.show(omo_db, desk_on("2026-06-30", "OM5"), n).points_balance == 1_500
    assert batch.expire_points(omo_db, desk_on("2026-07-01", "OM5")).expired_points == 1_500


def test_withdrawal_voids_points_and_rejoining_brings_none_back(omo_db):
    n = member(omo_db)
    stay(omo_db, n, "2026-11-20", "2026-11-22", {"room": 30_000})
    office.withdraw(omo_db, desk_on("2026-11-22", "OM5"), n, "member request")
    again = member(omo_db, day="2026-11-22")
    assert again != n and lookup.show(omo_db, desk_on("2026-11-22", "OM5"), again).points_balance == 0


def test_properties_are_the_programs_own(omo_db):
    with pytest.raises(errors.UnknownProperty):
        registration.register(omo_db, desk_on("2026-11-22", "TKO"), registration.Enrolment("A", "B", "a@b.jp"))


def test_omo_accounts_are_never_merged(omo_db):
    """docs/program-rules.md 1 and 8 (OMO 5, 11.4 [decided]): a merge of two
    OMO Points accounts is refused not_permitted, even for a supervisor,
    and both accounts keep their points."""
    a, b = member(omo_db, email="a@example.jp"), member(omo_db, email="b@example.jp")
    stay(omo_db, b, "2026-11-20", "2026-11-22", {"room": 20_000})
    with pytest.raises(errors.NotPermitted) as refused:
        office.merge(omo_db, desk_on("2026-11-22", "OM5"), a, b)
    assert refused.value.code == "not_permitted" and isinstance(refused.value, errors.MergeNotAllowed)
    day = desk_on("2026-11-22", "OM5")
    assert (lookup.show(omo_db, day, a).points_balance, lookup.show(omo_db, day, b).points_balance) == (0, 1_000)
    assert lookup.show(omo_db, day, b).status == "active"

