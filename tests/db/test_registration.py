"""Registration, full registration and member details on a real database."""

from datetime import date

import pytest
from sqlalchemy import select

from desk_app.db.schema import LedgerEntry, Member
from desk_app.domain import errors
from desk_app.domain.members import is_valid_member_number
from desk_app.services import lookup, registration
from tests.conftest import desk_on
from tests.db.helpers import enrol

pytestmark = pytest.mark.usefixtures("backend_all")


def reg(db, desk=None, **kw):
    base = dict(family_name="Sato", given_name="Hana", email="hana@example.jp")
    base.update(kw)
    return registration.register(db, desk or desk_on("2026-11-22"), registration.Enrolment(**base))


def count(db, model=Member):
    with db.read() as s:
        return len(list(s.scalars(select(model))))


def test_simple_registration_issues_a_valid_number_at_once(db):
    v = reg(db)
    assert is_valid_member_number(v.member_number)
    assert (v.registration, v.status, v.enrolled_on, v.tier, v.points_balance) == (
        "simple", "active", date(2026, 11, 22), "basic", 0)


def test_duplicate_email_refused_case_insensitively_after_trimming(db):
    reg(db)
    with pytest.raises(errors.DuplicateEmail):
        reg(db, email="  HANA@Example.jp ")
    assert count(db) == 1
    assert not registration.email_available(db, desk_on("2026-11-22"), "Hana@example.JP")


def test_withdrawn_members_address_may_join_again(db):
    from desk_app.services import office

    v = reg(db)
    office.withdraw(db, desk_on("2026-11-22"), v.member_number, "moved")
    assert reg(db).member_number != v.member_number


def test_no_email_only_by_supervisor_with_reason(db):
    """docs/program-rules.md 1 (FAQ [decided]): no e-mail only by a supervisor
    with a reason; an empty address without one is invalid_email."""
    with pytest.raises(errors.NotPermitted):
        reg(db, desk_on("2026-11-22", role="clerk"), email=None, no_email_reason="no e-mail access")
    for email in (None, "", "   "):
        for role in ("clerk", "supervisor"):
            with pytest.raises(errors.InvalidEmail):
                reg(db, desk_on("2026-11-22", role=role), email=email, no_email_reason="  ")
    v = reg(db, email=None, no_email_reason="guest has no e-mail access")
    assert v.email is None
    with db.read() as s:
        entry = s.scalar(select(LedgerEntry).where(LedgerEntry.kind == "enrol"))
        assert "no e-mail access" in entry.reason


def test_under_18_needs_recorded_guardian_consent(db):
    with pytest.raises(errors.GuardianConsentRequired):
        reg(db, birth_date=date(2010, 5, 1))
    assert count(db) == 0
    v = reg(db, birth_date=date(2010, 5, 1), guardian_consent=True)
    assert v.birth_date == date(2010, 5, 1)


@pytest.mark.parametrize("field,value,error", [
    ("family_name", "", errors.InvalidName), ("given_name", "x" * 10_000, errors.InvalidName),
    ("email", "not-an-email", errors.InvalidEmail), ("family_name", "株式会社テスト", errors.InvalidName),
    ("family_kana", "Sato", errors.InvalidName), ("birth_date", date(2030, 1, 1), errors.InvalidBirthDate),
])
def test_bad_input_refused_and_nothing_written(db, field, value, error):
    with pytest.raises(error):
        reg(db, **{field: value})
    assert count(db) == 0


def test_full_registration_normalises_phone_and_postcode(db):
    number = enrol(db, full=False)
    v = registration.complete_registration(db, desk_on("2026-11-22"), number, postal_code="１０００００５",
                                           address="Chiyoda-ku", country="jp", phone="０９０−１２３４−５６７８",
                                           birth_date=date(1985, 4, 1))
    assert (v.registration, v.postal_code, v.phone, v.country) == ("full", "100-0005", "+819012345678", "JP")


@pytest.mark.parametrize("kw,error", [
    (dict(phone="12"), errors.InvalidPhone), (dict(postal_code="12-34"), errors.InvalidAddress),
    (dict(country="Japan"), errors.InvalidAddress), (dict(address=""), errors.InvalidAddress),
])
def test_full_registration_bad_input(db, kw, error):
    number = enrol(db, full=False)
    args = dict(postal_code="100-0005", address="Chiyoda-ku", country="JP", phone="0312345678",
                birth_date=date(1985, 4, 1))
    args.update(kw)
    with pytest.raises(error):
        registration.complete_registration(db, desk_on("2026-11-22"), number, **args)
    assert lookup.show(db, desk_on("2026-11-22"), number).registration == "simple"


def test_full_registration_needs_a_birth_date_on_file(db):
    """docs/program-rules.md 1 (FAQ, T&C 3, T&C 6 [decided]): full registration
    is refused invalid_birth_date while no birth date is on file, so the
    under-18 rule runs before the member can redeem."""
    number = enrol(db, full=False)
    args = dict(postal_code="100-0005", address="Chiyoda-ku", country="JP", phone="0312345678")
    with pytest.raises(errors.InvalidBirthDate) as refused:
        registration.complete_registration(db, desk_on("2026-11-22"), number, **args)
    assert refused.value.code == "invalid_birth_date"
    assert lookup.show(db, desk_on("2026-11-22"), number).registration == "simple"
    # An under-18 birth date given here needs the guardian's consent.
    with pytest.raises(errors.GuardianConsentRequired):
        registration.complete_registration(db, desk_on("2026-11-22"), number, birth_date=date(2010, 5, 1), **args)
    v = registration.complete_registration(db, desk_on("2026-11-22"), number, birth_date=date(1985, 4, 1), **args)
    assert (v.registration, v.birth_date) == ("full", date(1985, 4, 1))
    # A birth date given at simple registration is enough.
    other = enrol(db, full=False, birth_date=date(1990, 1, 1))
    assert registration.complete_registration(db, desk_on("2026-11-22"), other, **args).registration == "full"


def test_name_change_is_for_the_office(db):
    number = enrol(db)
    with pytest.raises(errors.NotPermitted):
        registration.change_name(db, desk_on("2026-11-22", role="clerk"), number, family_name="Ito",
                                 given_name="Hana", family_kana=None, given_kana=None, reason="marriage")
    v = registration.change_name(db, desk_on("2026-11-22"), number, family_name="Ito", given_name="Hana",
                                 family_kana="イトウ", given_kana="ハナ", reason="marriage")
    assert v.family_name == "Ito"
    assert [m.member_number for m in lookup.lookup(db, desk_on("2026-11-22"), "いとう")] == [number]


def test_contact_changes_at_the_desk(db):
    number = enrol(db)
    other = enrol(db, email="taken@example.jp")
    desk = desk_on("2026-11-22", role="clerk")
    v = registration.update_contact(db, desk, number, email="new@example.jp", phone="03-3224-6617")
    assert (v.email, v.phone) == ("new@example.jp", "+81332246617")
    with pytest.raises(errors.DuplicateEmail):
        registration.update_contact(db, desk, number, email="TAKEN@example.jp")
    assert other


def test_premium_selection(db):
    number = enrol(db, day="2026-01-05")
    with pytest.raises(errors.PremiumSelectionRestricted):
        registration.choose_premium_hotel(db, desk_on("2026-11-22"), number, "OKT")
    v = registration.choose_premium_hotel(db, desk_on("2026-11-22"), number, "osa")
    assert v.premium_hotel == "OSA"
    with pytest.raises(errors.PremiumSelectionLocked):
        registration.choose_premium_hotel(db, desk_on("2027-03-31"), number, "TKO")
    assert registration.choose_premium_hotel(db, desk_on("2027-04-01"), number, "TKO").premium_hotel == "TKO"
    with pytest.raises(errors.PremiumSelectionLocked):
        registration.choose_premium_hotel(db, desk_on("2027-06-01"), number, "KYO")
    with pytest.raises(errors.UnknownProperty):
        registration.choose_premium_hotel(db, desk_on("2028-06-01"), number, "NOPE")


def test_lookup_by_every_key(db):
    number = enrol(db, family="Yamada", given="Taro", email="taro.yamada@example.jp",
                   family_kana="ヤマダ", given_kana="タロウ")
    other = enrol(db, family="Tanaka", given="Yui", family_kana="タナカ", given_kana="ユイ")
    desk = desk_on("2026-11-22")
    for query in ("yamada", "YAMA", "Taro", "やまだ", "ﾔﾏﾀﾞ", "ヤマダタロウ", "taro.yamada@example.jp",
                  number, number[:6], "090-1234-5678"):
        found = [m.member_number for m in lookup.lookup(db, desk, query)]
        assert number in found, query
    assert [m.member_number for m in lookup.lookup(db, desk, "tanaka")] == [other]
    assert lookup.lookup(db, desk, "%") == [] and lookup.lookup(db, desk, "_") == []
    assert lookup.lookup(db, desk, "") == []
    with pytest.raises(errors.MemberNotFound):
        lookup.lookup(db, desk, number[:-1] + str((int(number[-1]) + 1) % 10))


def test_show_unknown_member(db):
    with pytest.raises(errors.MemberNotFound):
        lookup.show(db, desk_on("2026-11-22"), "8000000000")


def test_birth_date_is_changed_only_by_the_office(db):
    number = enrol(db, full=False, birth_date=date(1985, 4, 1))
    args = dict(postal_code="100-0005", address="Chiyoda-ku", country="JP", phone="0312345678")
    with pytest.raises(errors.NotPermitted):
        registration.complete_registration(db, desk_on("2026-11-22", role="clerk"), number,
                                           birth_date=date(1986, 4, 1), **args)
    v = registration.complete_registration(db, desk_on("2026-11-22", role="clerk"), number,
                                           birth_date=date(1985, 4, 1), **args)
    assert v.birth_date == date(1985, 4, 1)
    assert registration.complete_registration(db, desk_on("2026-11-22"), number, birth_date=date(1986, 4, 1),
                                              **args).birth_date == date(1986, 4, 1)


def test_birthday_month_shown_during_the_month(db):
    number = enrol(db, birth_date=date(1990, 11, 30))
    assert lookup.show(db, desk_on("2026-11-01"), number).birthday_month
    assert not lookup.show(db, desk_on("2026-12-01"), number).birthday_month
