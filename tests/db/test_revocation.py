"""Revocation (T&C 7.1 disqualification, 7.2 inactivity) and re-admission
(docs/program-rules.md section 1): the points are cancelled, and the e-mail of a
revoked member registers again only with a supervisor's recorded reason."""

from datetime import date

import pytest

from desk_app.domain import errors
from desk_app.services import audit, lookup, office, redemption, registration
from tests.conftest import desk_on
from tests.db.helpers import enrol, stay
from tests.db.test_reversal import refused

pytestmark = pytest.mark.usefixtures("backend_all")


def again(email="gone@example.jp", readmit=None):
    return registration.Enrolment("Sato", "Hana", email, readmit_reason=readmit)


def test_revocation_cancels_every_point_and_closes_the_membership(db):
    n = enrol(db, day="2025-01-05", email="gone@example.jp")
    stay(db, n, "2025-06-01", "2025-06-02", 50_000)
    stay(db, n, "2026-03-01", "2026-03-03", 100_000)
    v = office.revoke(db, desk_on("2026-11-22"), n, "disqualified: card used by another person (T&C 7.1)")
    assert (v.status, v.points_balance, v.lots, v.closed_on) == ("revoked", 0, (), date(2026, 11, 22))
    h = lookup.history(db, desk_on("2026-11-22"), n)
    assert [(e.kind, e.points, e.reason) for e in h[:2]] == [
        ("revoked", 0, "disqualified: card used by another person (T&C 7.1)"),
        ("withdraw", -3_000, "disqualified: card used by another person (T&C 7.1)")]
    for action in (lambda: stay(db, n, "2026-11-20", "2026-11-22", 10_000),
                   lambda: redemption.redeem(db, desk_on("2026-11-22"), n, "breakfast_adult"),
                   lambda: office.revoke(db, desk_on("2026-11-22"), n, "again")):
        refused(db, errors.MemberClosed, action)
    assert audit.check_all(db, desk_on("2026-11-22")) == []


def test_revocation_is_the_offices_and_says_why(db):
    n = enrol(db)
    refused(db, errors.NotPermitted, office.revoke, db, desk_on("2026-11-22", role="clerk"), n, "inactive")
    refused(db, errors.InvalidReason, office.revoke, db, desk_on("2026-11-22"), n, "   ")
    refused(db, errors.InvalidReason, office.withdraw, db, desk_on("2026-11-22"), n, None, status="revoked")
    assert office.withdraw(db, desk_on("2026-11-22"), n).status == "withdrawn"   # a withdrawal may not say why


def test_a_revoked_members_email_needs_a_supervisors_reason_to_join_again(db):
    n = enrol(db, email="gone@example.jp")
    stay(db, n, "2026-03-01", "2026-03-03", 100_000)
    office.revoke(db, desk_on("2026-11-22"), n, "inactive for 36 months (T&C 7.2)")
    e = refused(db, errors.PreviouslyRevoked, registration.register, db, desk_on("2026-11-23", role="clerk"),
                again(" Gone@Example.JP "))
    assert e.code == "previously_revoked"
    refused(db, errors.NotPermitted, registration.register, db, desk_on("2026-11-23", role="clerk"),
            again(readmit="the office agreed"))
    refused(db, errors.PreviouslyRevoked, registration.register, db, desk_on("2026-11-23"), again(readmit="  "))
    v = registration.register(db, desk_on("2026-11-23"), again(readmit="the office agreed"))
    assert (v.status, v.points_balance, v.member_number != n) == ("active", 0, True)
    enrolment = lookup.history(db, desk_on("2026-11-23"), v.member_number)[0]
    assert (enrolment.kind, enrolment.reason) == (
        "enrol", "simple registration; re-admitted after revocation: the office agreed")
    refused(db, errors.DuplicateEmail, registration.register, db, desk_on("2026-11-23"),
            again(readmit="the office agreed"))


def test_a_withdrawn_members_email_joins_again_without_a_reason(db):
    n = enrol(db, email="left@example.jp")
    office.withdraw(db, desk_on("2026-11-22"), n, "member request")
    v = registration.register(db, desk_on("2026-11-23", role="clerk"), again("left@example.jp"))
    assert lookup.history(db, desk_on("2026-11-23"), v.member_number)[0].reason == "simple registration"


def test_another_members_email_cannot_become_a_revoked_address(db):
    revoked, other = enrol(db, email="gone@example.jp"), enrol(db, email="other@example.jp")
    office.revoke(db, desk_on("2026-11-22"), revoked, "disqualified")
    refused(db, errors.PreviouslyRevoked, registration.update_contact, db, desk_on("2026-11-22", role="clerk"),
            other, email="GONE@example.jp")
    readmitted = registration.register(db, desk_on("2026-11-23"), again(readmit="appeal accepted")).member_number
    # The re-admitted member keeps changing other details with the same address.
    v = registration.update_contact(db, desk_on("2026-11-24", role="clerk"), readmitted, email="gone@example.jp",
                                    phone="090-1111-2222")
    assert v.email == "gone@example.jp"
