"""Shift and day reports, and the program's figures: exact numbers from
the program's rules, and every figure checked against the ledger itself."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from desk_app.db.schema import LedgerEntry, Lot, Member
from desk_app.domain import errors
from desk_app.services import lookup, office, redemption, refusals, reports, reversal
from tests.conftest import desk_on
from tests.db.helpers import bill, enrol, stay

pytestmark = pytest.mark.usefixtures("backend_all")

DAY = date(2026, 6, 15)


def at(clerk: str, terminal: str, prop: str = "TKO", role: str = "supervisor", day: date = DAY):
    return replace(desk_on(day, prop, role, clerk), terminal=terminal)


@pytest.fixture
def busy_day(db):
    """One business day at TKO (and a bill at OSA), by three clerks:

    - alice (T1): a 2-night stay for Aoki, who is Loyal since April:
      100,000 yen of room = 2,000 base + 500 bonus; 2 breakfasts (4,000)
    - bob (T2): a 30,000 yen bill for Baba (300); Pay by Points 1,500 yen
      for Aoki (3 units, 1,200 points); a new member enrolled
    - sup (T1): +150 goodwill for Baba; Baba's bill reversed (wrong member)
    - alice at OSA: a 10,000 yen bill for Baba (100)
    - two refusals counted for alice, one for bob
    """
    from desk_app.services import posting, registration

    aoki = enrol(db, day="2026-01-10", family="Aoki", given="Ken")
    baba = enrol(db, day="2026-02-01", family="Baba", given="Yu")
    stay(db, aoki, "2026-03-01", "2026-03-11", 200_000)           # 10 nights: Loyal from April 1
    before = enrol(db, day="2026-06-14", full=False)                 # the day before
    alice, bob, sup = at("alice", "T1", role="clerk"), at("bob", "T2", role="cashier"), at("sup", "T1")
    stay_r = posting.post_stay(db, alice, aoki, posting.StayFolio(
        "F-1001", date(2026, 6, 13), date(2026, 6, 15), "official_website", {"room": 100_000, "tax": 10_000}))
    assert (stay_r.points, stay_r.bonus_points) == (2_000, 500)
    redemption.redeem(db, alice, aoki, "breakfast_adult", 2)
    bill_r = posting.post_bill(db, bob, baba, posting.Bill("C-77", DAY, {"fnb": 30_000, "tax": 3_000}))
    redemption.pay_by_points(db, bob, aoki, 1_500)
    registration.register(db, replace(bob, role="clerk"), registration.Enrolment(
        "Chiba", "Mai", "mai.chiba@example.jp"))
    office.adjust(db, sup, baba, 150, "goodwill: slow check-in")
    reversal.reverse(db, sup, bill_r.transaction_id, "posted to the wrong member")
    posting.post_bill(db, at("alice", "T1", "OSA", "clerk"), baba, posting.Bill("C-1", DAY, {"fnb": 10_000}))
    refusals.record(db, alice, "post_stay", "duplicate_folio")
    refusals.record(db, alice, "post_stay", "duplicate_folio")
    refusals.record(db, bob, "redeem", "insufficient_points")
    return {"aoki": aoki, "baba": baba, "before": before}


def test_day_report_figures(db, busy_day):
    r = reports.day_report(db, at("sup", "T1"), DAY)
    t = r.totals
    assert (t.stays, t.bills, t.nights) == (1, 1, 2)
    assert (t.points_base, t.points_bonus, t.points_issued) == (2_300, 500, 2_800)
    assert (t.awards, t.award_points) == (1, 4_000)
    assert (t.pay_by_points, t.pay_by_points_yen, t.pay_by_points_points) == (1, 1_500, 1_200)
    assert (t.adjustments, t.adjustment_points) == (1, 150)
    assert (t.reversals, t.reversal_points) == (1, -300)
    assert (t.enrolments, t.refusals) == (1, 3)
    # In the catalogue's order.
    assert [(a.award_code, a.count, a.quantity, a.points, a.yen) for a in r.awards] == [
        ("pay_by_points", 1, 3, 1_200, 1_500), ("breakfast_adult", 1, 2, 4_000, None)]
    assert [(c.kind, c.clerk, c.points, c.reason, c.original_kind, c.member_number) for c in r.corrections] == [
        ("adjust", "sup", 150, "goodwill: slow check-in", None, busy_day["baba"]),
        ("reverse", "sup", -300, "posted to the wrong member", "bill", busy_day["baba"])]
    assert [(x.action, x.code, x.count) for x in r.refusals] == [
        ("post_stay", "duplicate_folio", 2), ("redeem", "insufficient_points", 1)]
    clerks = {g.key: g.activity for g in r.by_clerk}
    assert set(clerks) == {"alice", "bob", "sup"}
    assert (clerks["alice"].stays, clerks["alice"].points_issued, clerks["alice"].refusals) == (1, 2_500, 2)
    assert (clerks["bob"].bills, clerks["bob"].pay_by_points_yen, clerks["bob"].enrolments) == (1, 1_500, 1)
    terminals = {g.key: g.activity for g in r.by_terminal}
    assert terminals["T1"].adjustments == 1 and terminals["T2"].bills == 1
    assert [g.key for g in r.by_property] == ["TKO"]
    _check_against_ledger(db, r, "TKO")


def _check_against_ledger(db, r, prop):
    """Each total is what the ledger itself sums to for the day."""
    E = LedgerEntry
    with db.read() as s:
        def total(*kinds, sign=1, **extra):
            q = select(func.coalesce(func.sum(E.points), 0)).where(E.business_date == DAY, E.kind.in_(kinds))
            if prop:
                q = q.where(E.property_code == prop)
            for k, v in extra.items():
                q = q.where(getattr(E, k) == v)
            return sign * s.scalar(q)

        def count(kind):
            q = select(func.count(func.distinct(E.transaction_id))).where(E.business_date == DAY, E.kind == kind)
            return s.scalar(q.where(E.property_code == prop) if prop else q)

        assert r.totals.points_issued == total("stay", "bill")
        assert r.totals.award_points + r.totals.pay_by_points_points == total("redeem", sign=-1)
        assert r.totals.pay_by_points_points == total("redeem", sign=-1, award_code="pay_by_points")
        assert r.totals.adjustment_points == total("adjust")
        assert r.totals.reversal_points == total("reverse")
        assert (r.totals.stays, r.totals.bills, r.totals.reversals, r.totals.enrolments) == (
            count("stay"), count("bill"), count("reverse"), count("enrol"))


def test_every_hotel_and_one_shift(db, busy_day):
    every = reports.day_report(db, at("sup", "T1"), DAY, all_properties=True)
    assert every.property_code is None
    props = {g.key: g.activity for g in every.by_property}
    assert (props["OSA"].bills, props["OSA"].points_issued) == (1, 100)
    assert every.totals.points_issued == 2_900
    _check_against_ledger(db, every, None)
    osa = reports.day_report(db, at("sup", "T1"), DAY, "OSA")
    assert (osa.totals.bills, osa.totals.points_base, osa.totals.refusals) == (1, 100, 0)

    own = reports.shift_report(db, at("alice", "T1", role="clerk"), DAY)
    assert (own.kind, own.clerk, own.property_code) == ("shift", "alice", "TKO")
    assert (own.totals.stays, own.totals.points_issued, own.totals.awards, own.totals.refusals) == (1, 2_500, 1, 2)
    assert own.totals.bills == 0 and own.corrections == ()
    bob = reports.shift_report(db, at("sup", "T1"), DAY, clerk="bob", terminal="T2")
    assert (bob.totals.bills, bob.totals.pay_by_points, bob.totals.refusals) == (1, 1, 1)
    assert reports.shift_report(db, at("sup", "T1"), DAY, clerk="bob", terminal="T9").totals == reports.Activity()


def test_report_refusals(db, busy_day):
    with pytest.raises(errors.NotPermitted):
        reports.day_report(db, at("alice", "T1", role="clerk"), DAY)
    with pytest.raises(errors.NotPermitted):
        reports.shift_report(db, at("alice", "T1", role="clerk"), DAY, clerk="bob")
    with pytest.raises(errors.UnknownProperty):
        reports.day_report(db, at("sup", "T1"), DAY, "XXX")
    with pytest.raises(errors.InvalidDates):
        reports.day_report(db, at("sup", "T1"), date(1999, 12, 31))


def test_an_empty_day_and_the_chain_head(db):
    r = reports.day_report(db, at("sup", "T1"), DAY)
    assert r.totals == reports.Activity() and r.corrections == () and r.by_clerk == ()
    head = reports.chain_head_now(db)
    if head is None:
        assert r.chain is None
    else:
        assert (r.chain.entries, r.chain.head, r.chain.closed) == (head[0], head[1], False)


def test_refusal_counter_adds_up_per_key(db):
    desk = at("alice", "T1")
    for _ in range(3):
        refusals.record(db, desk, "redeem", "insufficient_points")
    refusals.record(db, desk.on(date(2026, 6, 16)), "redeem", "insufficient_points")
    assert reports.day_report(db, desk, DAY).totals.refusals == 3
    assert reports.day_report(db, desk, date(2026, 6, 16)).totals.refusals == 1


# -- the program's figures ------------------------------------------------------------

def test_points_flow_per_day_and_hotel(db, busy_day):
    flow = reports.points_flow(db, at("sup", "T1"), date(2026, 6, 1), DAY)
    days = {d: (i, r) for d, i, r in flow.per_day()}
    assert len(days) == 15
    # 2,500 (F-1001) + 300 (C-77) - 300 (C-77 reversed) + 100 (OSA)
    assert days[DAY] == (2_600, 4_000 + 1_200)
    assert days[date(2026, 6, 14)] == (0, 0)
    assert dict((p, (i, r)) for p, i, r in flow.per_property()) == {"OSA": (100, 0), "TKO": (2_500, 5_200)}
    only_osa = reports.points_flow(db, at("sup", "T1"), date(2026, 6, 1), DAY, "OSA")
    assert [(r.day, r.property_code, r.issued) for r in only_osa.rows] == [(DAY, "OSA", 100)]
    march = reports.points_flow(db, at("sup", "T1"), date(2026, 3, 1), date(2026, 3, 31))
    assert dict((d, i) for d, i, _r in march.per_day())[date(2026, 3, 11)] == 4_000
    with pytest.raises(errors.InvalidDates):
        reports.points_flow(db, at("sup", "T1"), DAY, date(2026, 6, 1))


def test_members_by_tier_matches_each_member(db, busy_day):
    census = reports.members_by_tier(db, at("sup", "T1"))
    counts = {c.tier: c.members for c in census.rows}
    assert counts == {"basic": 3, "loyal": 1, "exclusive": 0}
    with db.read() as s:
        numbers = list(s.scalars(select(Member.number).where(Member.status == "active")))
    shown = [lookup.show(db, at("sup", "T1"), n).tier for n in numbers]
    assert {t: shown.count(t) for t in counts} == counts
    assert reports.members_by_tier(db, at("sup", "T1"), date(2026, 3, 31)).rows[1].members == 0


def test_points_expiring_per_month(db, busy_day):
    outlook = reports.expiring_by_month(db, at("sup", "T1"))
    assert len(outlook.rows) == 24 and outlook.rows[0].month == date(2026, 6, 1)
    assert outlook.rows[-1].month == date(2028, 5, 1)
    by_month = {r.month: (r.points, r.members) for r in outlook.rows if r.points}
    # Everything earned in 2026 is usable through 2029-01-31: past the 24 months.
    assert by_month == {}
    later = reports.expiring_by_month(db, at("sup", "T1", day=date(2027, 3, 1)), months=24)
    jan = {r.month: (r.points, r.members) for r in later.rows if r.points}
    with db.read() as s:
        left = s.scalar(select(func.sum(Lot.remaining)).where(Lot.expires_on == date(2029, 1, 31)))
    assert jan == {date(2029, 1, 1): (left, 2)}


def test_enrolments_per_day(db, busy_day):
    e = reports.enrolments_by_day(db, at("sup", "T1"), date(2026, 6, 1), DAY)
    per_day = dict(e.per_day())
    assert (per_day[DAY], per_day[date(2026, 6, 14)], e.total) == (1, 1, 2)
    assert reports.enrolments_by_day(db, at("sup", "T1"), date(2026, 1, 1), DAY).total == 4
    with pytest.raises(errors.NotPermitted):
        reports.enrolments_by_day(db, at("alice", "T1", role="clerk"))
