"""Reversing a posting and voiding a redemption (docs/program-rules.md "Reversing a
posting", section 5), with exact lots, expiry dates and tier figures, on
every backend. Every refusal is checked to change nothing."""

from datetime import date

import pytest
from sqlalchemy import select

from desk_app.db.schema import Allocation, Card, Credit, LedgerEntry, Lot, Member, Posting, TierStatus
from desk_app.domain import errors
from desk_app.services import audit, batch, clerks, lookup, office, redemption, reversal
from tests.conftest import desk_on
from tests.db.helpers import bill, enrol, stay

pytestmark = pytest.mark.usefixtures("backend_all")


def snapshot(db) -> dict:
    """Every row of every table a reversal may touch, to prove a refusal wrote nothing."""
    tables = (LedgerEntry, Lot, Allocation, Credit, Posting, TierStatus, Member, Card)
    with db.read() as s:
        return {t.__tablename__: sorted(
            tuple(getattr(row, c.key) for c in t.__table__.columns) for row in s.scalars(select(t)))
            for t in tables}


def refused(db, error, fn, *args, **kw):
    before = snapshot(db)
    with pytest.raises(error) as exc:
        fn(*args, **kw)
    assert snapshot(db) == before
    return exc.value


def lots(db, number, day):
    return [(l.points, l.earned_on.isoformat(), l.expires_on.isoformat())
            for l in lookup.show(db, desk_on(day), number).lots]


def year(db, number, day):
    v = lookup.show(db, desk_on(day), number)
    return v.year_points, v.year_nights


def test_a_stay_whose_points_were_partly_spent(db):
    n = enrol(db, day="2025-01-05")
    stay(db, n, "2025-06-01", "2025-06-02", 50_000)                            # 1,000, through 2028-01-31
    wrong = stay(db, n, "2026-03-01", "2026-03-03", 100_000, folio="F-WRONG")  # 2,000, through 2029-01-31
    redemption.redeem(db, desk_on("2026-03-10"), n, "breakfast_adult")       # 1,000 of each lot
    stay(db, n, "2026-04-01", "2026-04-02", 75_000)                            # 1,500
    bill(db, n, "2026-05-01", 100_000)                                          # 1,000
    assert lots(db, n, "2026-06-01") == [(1_000, "2026-03-03", "2029-01-31"), (1_500, "2026-04-02", "2029-01-31"),
                                         (1_000, "2026-05-01", "2029-01-31")]
    assert year(db, n, "2026-06-01") == (4_500, 3)

    r = reversal.reverse(db, desk_on("2026-06-01"), wrong.transaction_id, "posted to the wrong guest")
    assert (r.reverses, r.member_number, r.points, r.nights, r.balance_after) == (
        wrong.transaction_id, n, -2_000, -2, 1_500)
    assert (r.original_kind, r.reference, r.companions, r.cancelled_tiers) == ("stay", "F-WRONG", (), ())
    # The posting's own lot first (1,000 left of it), the spent 1,000 from
    # the next lot to expire (earned 2026-04-02 before the bill of 05-01).
    assert lots(db, n, "2026-06-01") == [(500, "2026-04-02", "2029-01-31"), (1_000, "2026-05-01", "2029-01-31")]
    assert year(db, n, "2026-06-01") == (2_500, 1)
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_refused_when_the_balance_cannot_cover_the_spent_part(db):
    n = enrol(db, day="2026-01-05")
    wrong = stay(db, n, "2026-03-01", "2026-03-03", 100_000)         # 2,000
    redemption.redeem(db, desk_on("2026-03-10"), n, "breakfast_adult")
    bill(db, n, "2026-03-11", 50_000)                                # 500
    e = refused(db, errors.InsufficientPoints, reversal.reverse, db, desk_on("2026-03-12"),
                wrong.transaction_id, "refunded")
    assert e.code == "insufficient_points" and "2,000" in e.message and "500" in e.message
    refused(db, errors.InsufficientPoints, reversal.preview, db, desk_on("2026-03-12"), wrong.transaction_id)


def test_companions_nights_leave_and_the_promotion_is_cancelled(db):
    payer, guest = enrol(db), enrol(db)
    stay(db, payer, "2026-01-20", "2026-01-25", 50_000)               # 5 nights each before the wrong stay
    stay(db, guest, "2026-02-01", "2026-02-06", 50_000)
    wrong = stay(db, payer, "2026-02-06", "2026-02-11", 100_000, folio="F-77", companions=(guest,))
    # 10 nights reached on 2026-02-11: Loyal from 2026-03-01 to 2028-03-31 (docs/program-rules.md 6).
    for who in (payer, guest):
        v = lookup.show(db, desk_on("2026-03-01"), who)
        assert (v.tier, v.tier_valid_until, v.year_nights) == ("loyal", date(2028, 3, 31), 10)
    assert bill(db, payer, "2026-03-15", 100_000).bonus_points == 250   # Loyal's 25% while it holds

    r = reversal.reverse(db, desk_on("2026-03-20"), wrong.transaction_id, "guest was not a member")
    assert (r.points, r.nights, r.balance_after) == (-2_000, -5, 2_250)
    assert [(c.member_number, c.nights) for c in r.companions] == [(guest, -5)]
    assert sorted((c.member_number, c.tier, c.valid_from, c.valid_until, c.cancelled_on)
                  for c in r.cancelled_tiers) == sorted(
        (who, "loyal", date(2026, 3, 1), date(2028, 3, 31), date(2026, 3, 20)) for who in (payer, guest))
    for who, qp in ((payer, 2_000), (guest, 1_000)):
        assert lookup.show(db, desk_on("2026-03-19"), who).tier == "loyal"     # it was held until then
        v = lookup.show(db, desk_on("2026-03-20"), who)
        assert (v.tier, v.tier_valid_until, v.year_points, v.year_nights) == ("basic", None, qp, 5)
    assert bill(db, payer, "2026-03-25", 100_000).bonus_points == 0
    with db.read() as s:
        rows = list(s.scalars(select(TierStatus)))
        assert [(r.cancelled_on, r.cancelled_by) for r in rows] == [(date(2026, 3, 20), r.transaction_id)] * 2
    # Reaching ten nights again, with the right postings, promotes again.
    stay(db, guest, "2026-04-01", "2026-04-06", 50_000)
    v = lookup.show(db, desk_on("2026-05-01"), guest)
    assert (v.tier, v.tier_valid_until, v.year_nights) == ("loyal", date(2028, 3, 31), 10)
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_a_lower_tier_still_reached_is_kept(db):
    n = enrol(db)
    stay(db, n, "2026-01-10", "2026-01-22", 100_000, channel="ota")     # 12 nights: Loyal from 2026-02-01
    wrong = stay(db, n, "2026-03-01", "2026-03-21", 100_000, channel="ota")  # 32 nights: Exclusive from 04-01
    assert lookup.show(db, desk_on("2026-04-01"), n).tier == "exclusive"
    r = reversal.reverse(db, desk_on("2026-04-10"), wrong.transaction_id, "wrong room")
    assert (r.points, r.nights) == (0, -20)
    assert [(c.tier, c.cancelled_on) for c in r.cancelled_tiers] == [("exclusive", date(2026, 4, 10))]
    v = lookup.show(db, desk_on("2026-04-10"), n)
    assert (v.tier, v.tier_valid_until, v.year_nights) == ("loyal", date(2028, 3, 31), 12)


def test_a_tier_reached_without_the_lower_one_steps_down_to_it(db):
    n = enrol(db, day="2025-12-01")
    wrong = stay(db, n, "2026-01-01", "2026-01-31", 100_000, channel="ota")   # 30 nights at once
    stay(db, n, "2026-02-01", "2026-02-11", 100_000, channel="ota")           # and 10 real ones
    assert lookup.show(db, desk_on("2026-02-01"), n).tier == "exclusive"
    r = reversal.reverse(db, desk_on("2026-04-10"), wrong.transaction_id, "keyed twice")
    assert [c.tier for c in r.cancelled_tiers] == ["exclusive"]
    # Ten nights still reach Loyal: promoted as after any credit, from the
    # first day of the month after the reversal.
    assert lookup.show(db, desk_on("2026-04-30"), n).tier == "basic"
    v = lookup.show(db, desk_on("2026-05-01"), n)
    assert (v.tier, v.tier_valid_until) == ("loyal", date(2028, 3, 31))


def test_the_folio_is_free_again_for_the_right_posting(db):
    wrong_guest, right_guest = enrol(db), enrol(db)
    first = stay(db, wrong_guest, "2026-03-01", "2026-03-03", 100_000, folio="F1001")
    refused(db, errors.DuplicateFolio, stay, db, right_guest, "2026-03-01", "2026-03-03", 100_000, folio="F1001")
    reversal.reverse(db, desk_on("2026-03-05"), first.transaction_id, "posted to the wrong member")
    again = stay(db, right_guest, "2026-03-01", "2026-03-03", 100_000, folio="F1001", business="2026-03-05")
    assert (again.points, again.nights, again.balance_after) == (2_000, 2, 2_000)
    refused(db, errors.DuplicateFolio, stay, db, right_guest, "2026-03-01", "2026-03-03", 100_000, folio="F1001",
            business="2026-03-05")
    assert lookup.show(db, desk_on("2026-03-05"), wrong_guest).points_balance == 0
    assert year(db, wrong_guest, "2026-03-05") == (0, 0)
    # The right posting can be reversed in its turn, and the number used a third time.
    reversal.reverse(db, desk_on("2026-03-06"), again.transaction_id, "refunded")
    stay(db, right_guest, "2026-03-01", "2026-03-03", 50_000, folio="F1001", business="2026-03-06")
    with db.read() as s:
        assert [(p.reference, p.reversed_by is not None) for p in s.scalars(select(Posting).order_by(Posting.id))] \
            == [("F1001", True), ("F1001", True), ("F1001", False)]


def test_a_bill_is_reversed_and_its_check_number_freed(db):
    n = enrol(db)
    b = bill(db, n, "2026-04-01", 60_000, check="C-9")
    r = reversal.reverse(db, desk_on("2026-04-02"), b.transaction_id, "check split wrongly")
    assert (r.original_kind, r.points, r.nights, r.balance_after) == ("bill", -600, 0, 0)
    assert bill(db, n, "2026-04-01", 30_000, check="C-9", business="2026-04-02").points == 300


def test_points_that_expired_unused_are_not_taken_twice(db):
    n = enrol(db, day="2022-01-05")
    old = stay(db, n, "2022-05-01", "2022-05-02", 100_000)              # 2,000, through 2025-01-31
    stay(db, n, "2025-06-01", "2025-06-02", 50_000)                     # 1,000, through 2028-01-31
    batch.expire_points(db, desk_on("2025-02-01"))
    r = reversal.reverse(db, desk_on("2026-02-01"), old.transaction_id, "stay was refunded")
    assert (r.points, r.nights, r.balance_after) == (0, -1, 1_000)
    assert lots(db, n, "2026-02-01") == [(1_000, "2025-06-02", "2028-01-31")]
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_an_expired_lot_not_yet_written_off_is_emptied_first(db):
    n = enrol(db, day="2022-01-05")
    old = stay(db, n, "2022-05-01", "2022-05-02", 100_000)              # 2,000, through 2025-01-31
    stay(db, n, "2025-06-01", "2025-06-02", 50_000)
    r = reversal.reverse(db, desk_on("2026-02-01"), old.transaction_id, "stay was refunded")
    assert (r.points, r.balance_after) == (-2_000, 1_000)               # the valid balance is untouched
    assert batch.expire_points(db, desk_on("2026-02-01")).expired_points == 0
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_a_redemption_voided_the_same_day_gives_back_the_exact_lots(db):
    n = enrol(db, day="2025-01-05")
    stay(db, n, "2025-06-01", "2025-06-02", 50_000)                     # 1,000, through 2028-01-31
    stay(db, n, "2026-03-01", "2026-03-03", 100_000)                    # 2,000, through 2029-01-31
    bill(db, n, "2026-03-05", 50_000)                                    # 500, through 2029-01-31
    desk = desk_on("2026-03-10")
    keyed = redemption.redeem(db, desk, n, "breakfast_adult")           # 1,000 + 1,000
    redemption.redeem(db, desk, n, "upgrade_standard_superior", channel="direct")   # 1,000 of the 2026 lot
    assert lots(db, n, "2026-03-10") == [(500, "2026-03-05", "2029-01-31")]
    r = reversal.reverse(db, desk, keyed.transaction_id, "keyed in error")
    assert (r.original_kind, r.award, r.points, r.nights, r.balance_after) == ("redeem", "breakfast_adult",
                                                                              2_000, 0, 2_500)
    # Not oldest-first again: the very lots it drew, with their own expiry.
    assert lots(db, n, "2026-03-10") == [(1_000, "2025-06-02", "2028-01-31"), (1_000, "2026-03-03", "2029-01-31"),
                                         (500, "2026-03-05", "2029-01-31")]
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_pay_by_points_voided_the_same_day(db):
    n = enrol(db)
    stay(db, n, "2026-03-01", "2026-03-03", 100_000)
    p = redemption.pay_by_points(db, desk_on("2026-03-04"), n, 1_500)
    assert p.balance_after == 800
    r = reversal.reverse(db, desk_on("2026-03-04"), p.transaction_id, "guest paid cash after all")
    assert (r.award, r.points, r.balance_after) == ("pay_by_points", 1_200, 2_000)
    assert lots(db, n, "2026-03-04") == [(2_000, "2026-03-03", "2029-01-31")]


def test_a_redemption_of_an_earlier_day_is_not_reversible(db):
    n = enrol(db)
    stay(db, n, "2026-03-01", "2026-03-03", 100_000)
    r = redemption.redeem(db, desk_on("2026-03-10"), n, "breakfast_adult")
    e = refused(db, errors.NotReversible, reversal.reverse, db, desk_on("2026-03-11"), r.transaction_id, "late")
    assert e.code == "not_reversible" and "2026-03-10" in e.message


def test_an_omo_use_is_never_reversible(omo_db):
    from tests.db.test_omo import member, stay as omo_stay

    n = member(omo_db)
    omo_stay(omo_db, n, "2026-11-20", "2026-11-22", {"room": 40_000})
    desk = desk_on("2026-11-22", "OM5")
    used = redemption.redeem(omo_db, desk, n, "accommodation_ticket", 1)
    refused(omo_db, errors.NotReversible, reversal.reverse, omo_db, desk, used.transaction_id, "keyed in error")


def test_an_omo_stay_posted_in_error_is_reversed(omo_db):
    from tests.db.test_omo import member, stay as omo_stay

    n = member(omo_db)
    s = omo_stay(omo_db, n, "2026-11-20", "2026-11-22", {"room": 40_000}, folio="R7")
    r = reversal.reverse(omo_db, desk_on("2026-11-23", "OM5"), s.transaction_id, "cancelled reservation")
    assert (r.points, r.nights, r.balance_after) == (-2_000, -2, 0)
    assert omo_stay(omo_db, n, "2026-11-20", "2026-11-22", {"room": 20_000}, folio="R7").points == 1_000


def test_other_entries_are_not_reversible(db):
    a, b = enrol(db, day="2022-01-05"), enrol(db, day="2022-01-05")
    stay(db, a, "2022-05-01", "2022-05-02", 50_000)
    stay(db, b, "2025-05-01", "2025-05-02", 50_000)
    adj = office.adjust(db, desk_on("2026-01-10"), a, 300, "goodwill")
    batch.expire_points(db, desk_on("2026-01-10"))
    office.merge(db, desk_on("2026-01-11"), a, b)
    office.withdraw(db, desk_on("2026-01-12"), a, "member request")
    h = lookup.history(db, desk_on("2026-01-12"), a)
    kinds = {e.kind: e.transaction_id for e in h}
    assert adj.transaction_id == kinds["adjust"]
    for kind in ("adjust", "expire", "merge_in", "merge_out", "withdraw", "withdrawn", "enrol"):
        e = refused(db, errors.NotReversible, reversal.reverse, db, desk_on("2026-01-12"), kinds[kind], "x")
        assert e.code == "not_reversible", kind


def test_unknown_transaction_and_reversed_twice(db):
    n = enrol(db)
    s = stay(db, n, "2026-03-01", "2026-03-03", 100_000)
    for tx in ("0" * 32, "", "x" * 500):
        e = refused(db, errors.TransactionNotFound, reversal.reverse, db, desk_on("2026-03-05"), tx, "why")
        assert e.code == "transaction_not_found"
    r = reversal.reverse(db, desk_on("2026-03-05"), s.transaction_id, "refunded")
    e = refused(db, errors.AlreadyReversed, reversal.reverse, db, desk_on("2026-03-06"), s.transaction_id, "again")
    assert e.code == "already_reversed"
    refused(db, errors.AlreadyReversed, reversal.preview, db, desk_on("2026-03-06"), s.transaction_id)
    # A reversal itself is not undone by reversing it: the stay is posted again.
    refused(db, errors.NotReversible, reversal.reverse, db, desk_on("2026-03-06"), r.transaction_id, "undo")


def test_role_reason_and_closed_membership(db):
    n = enrol(db)
    s = stay(db, n, "2026-03-01", "2026-03-03", 100_000)
    e = refused(db, errors.NotPermitted, reversal.reverse, db, desk_on("2026-03-05", role="clerk"),
                s.transaction_id, "refunded")
    assert e.code == "not_permitted"
    refused(db, errors.InvalidReason, reversal.reverse, db, desk_on("2026-03-05"), s.transaction_id, "  ")
    office.withdraw(db, desk_on("2026-03-05"), n, "member request")
    refused(db, errors.MemberClosed, reversal.reverse, db, desk_on("2026-03-06"), s.transaction_id, "refunded")


def test_preview_shows_what_reverse_will_do_and_writes_nothing(db):
    payer, guest = enrol(db), enrol(db)
    s = stay(db, payer, "2026-02-01", "2026-02-11", 100_000, companions=(guest,))
    before = snapshot(db)
    p = reversal.preview(db, desk_on("2026-03-20"), s.transaction_id)
    assert snapshot(db) == before
    r = reversal.reverse(db, desk_on("2026-03-20"), s.transaction_id, "wrong member")
    assert p.transaction_id == "" and r.transaction_id
    assert (p.reverses, p.member_number, p.points, p.nights, p.balance_after, p.companions, p.cancelled_tiers) == (
        r.reverses, r.member_number, r.points, r.nights, r.balance_after, r.companions, r.cancelled_tiers)
    assert (r.points, r.nights, len(r.cancelled_tiers)) == (-2_000, -10, 2)


def test_history_links_the_reversal_and_its_original(db):
    payer, guest = enrol(db), enrol(db)
    s = stay(db, payer, "2026-03-01", "2026-03-03", 100_000, folio="F-5", companions=(guest,))
    r = reversal.reverse(db, desk_on("2026-03-05"), s.transaction_id, "wrong member")
    for who, nights in ((payer, -2), (guest, -2)):
        h = lookup.history(db, desk_on("2026-03-05"), who)
        rev, orig = h[0], h[1]
        assert (rev.kind, rev.transaction_id, rev.reverses, rev.reversed_by, rev.nights, rev.reference) == (
            "reverse", r.transaction_id, s.transaction_id, None, nights, "F-5")
        assert (orig.transaction_id, orig.reversed_by, orig.reverses) == (s.transaction_id, r.transaction_id, None)
        assert rev.reason == "wrong member" and rev.approved_by is None
    assert lookup.history(db, desk_on("2026-03-05"), payer)[0].points == -2_000


def test_a_clerk_reverses_with_a_supervisors_override(db):
    clerks.create(db, None, "boss", "Supervisor", "supervisor", "correct horse")
    clerks.create(db, desk_on("2026-03-01"), "kana", "Clerk", "clerk", "clerk password")
    clerks.create(db, desk_on("2026-03-01"), "till", "Cashier", "cashier", "cashier password")
    n = enrol(db)
    s = stay(db, n, "2026-03-01", "2026-03-03", 100_000)
    at_desk = desk_on("2026-03-05", role="clerk", clerk="kana")
    refused(db, errors.NotPermitted, reversal.reverse, db, at_desk, s.transaction_id, "refunded")
    e = refused(db, errors.NotPermitted, clerks.supervisor_override, db, at_desk, "till", "cashier password")
    assert "not a supervisor" in e.message
    with pytest.raises(errors.NotSignedIn):
        clerks.supervisor_override(db, at_desk, "boss", "wrong")
    approved = clerks.supervisor_override(db, at_desk, "boss", "correct horse")
    assert (approved.clerk, approved.role, approved.approver, approved.terminal) == ("kana", "supervisor", "boss", "T1")
    assert at_desk.role == "clerk" and at_desk.approver is None     # the clerk's own desk is unchanged
    r = reversal.reverse(db, approved, s.transaction_id, "refunded")
    with db.read() as s_:
        entry = s_.scalar(select(LedgerEntry).where(LedgerEntry.transaction_id == r.transaction_id))
        assert (entry.clerk, entry.approved_by, entry.terminal) == ("kana", "boss", "T1")
    assert lookup.history(db, at_desk, n)[0].approved_by == "boss"


def test_wrong_override_passwords_lock_the_supervisor_like_sign_in(db):
    clerks.create(db, None, "boss", "Supervisor", "supervisor", "correct horse")
    at_desk = desk_on("2026-03-05", role="clerk", clerk="kana")
    for _ in range(clerks.MAX_FAILURES - 1):
        with pytest.raises(errors.NotSignedIn):
            clerks.supervisor_override(db, at_desk, "boss", "wrong")
    with pytest.raises(errors.ClerkLocked):
        clerks.supervisor_override(db, at_desk, "boss", "wrong")
    with pytest.raises(errors.ClerkLocked):
        clerks.supervisor_override(db, at_desk, "boss", "correct horse")
    with pytest.raises(errors.ClerkLocked):
        clerks.authenticate(db, "boss", "correct horse")


def test_a_reversed_stay_or_a_void_does_not_restart_the_inactivity_clock(db):
    n = enrol(db, day="2022-01-10")
    stay(db, n, "2022-02-01", "2022-02-02", 50_000)
    wrong = stay(db, n, "2024-06-01", "2024-06-02", 50_000)
    assert batch.inactive(db, desk_on("2025-02-02")) == []
    reversal.reverse(db, desk_on("2024-12-01"), wrong.transaction_id, "guest was not a member")
    assert [m.member_number for m in batch.inactive(db, desk_on("2025-02-02"))] == [n]
    voided = redemption.redeem(db, desk_on("2025-01-20"), n, "upgrade_standard_superior", channel="direct")
    reversal.reverse(db, desk_on("2025-01-20"), voided.transaction_id, "keyed in error")
    assert [m.member_number for m in batch.inactive(db, desk_on("2025-02-02"))] == [n]


def test_the_database_refuses_a_second_reversal_of_the_same_transaction(db):
    """The unique index behind already_reversed, for a desk that got past the
    service's own check at the same moment as another."""
    from desk_app.services import ledger

    n = enrol(db)
    s = stay(db, n, "2026-03-01", "2026-03-03", 100_000)
    r = reversal.reverse(db, desk_on("2026-03-05"), s.transaction_id, "refunded")
    before = snapshot(db)
    with pytest.raises(errors.AlreadyReversed):
        with db.write() as session:
            member = ledger.get_member(session, n, lock=True)
            ledger.add_entry(session, desk_on("2026-03-05"), member, "f" * 32, "reverse", reverses=s.transaction_id)
    assert snapshot(db) == before and r.transaction_id
