"""Member numbers and what a clerk types about a member."""

from datetime import date

import pytest

from desk_app.domain import errors, members, premium

D = date.fromisoformat


def test_luhn_check_digit_known_values():
    assert members.luhn_check_digit("7992739871") == "3"
    assert members.is_valid_member_number("79927398713", 11)


def test_new_member_numbers_are_ten_digits_with_a_valid_check_digit():
    for _ in range(200):
        n = members.new_member_number("8")
        assert len(n) == 10 and n[0] == "8" and members.is_valid_member_number(n)


def test_a_single_mistyped_digit_is_caught():
    n = members.new_member_number("8")
    for i in range(10):
        for d in "0123456789":
            if d != n[i]:
                assert not members.is_valid_member_number(n[:i] + d + n[i + 1:])


def test_names_are_normalised():
    assert members.validate_name("  Ｓａｔｏ  ") == "Sato"
    assert members.validate_kana("やまだ") == "ヤマダ"
    assert members.validate_kana("ﾀﾛｳ") == "タロウ"


@pytest.mark.parametrize("bad", ["", "   ", "x" * 51, "Robert<script>", "12345", "Sato\x00", "株式会社オークラ",
                                 "Acme Inc.", "Okura Co., Ltd"])
def test_bad_names_refused(bad):
    with pytest.raises(errors.InvalidName):
        members.validate_name(bad)


def test_kana_reading_must_be_kana():
    with pytest.raises(errors.InvalidName):
        members.validate_kana("Yamada")


def test_email_trimmed_and_compared_case_insensitively():
    assert members.normalize_email("  Hana.Sato@Example.JP ") == "hana.sato@example.jp"


@pytest.mark.parametrize("bad", ["", "no-at-sign", "a@b", "a b@c.jp", "a@" + "x" * 260 + ".jp", "a@-x.jp"])
def test_bad_email_refused(bad):
    with pytest.raises(errors.InvalidEmail):
        members.normalize_email(bad)


def test_under_18_needs_guardian_consent():
    birth = D("2008-11-23")  # 17 on 2026-11-22, 18 the next day
    with pytest.raises(errors.GuardianConsentRequired):
        members.check_guardian_consent(birth, D("2026-11-22"), False, 18)
    members.check_guardian_consent(birth, D("2026-11-22"), True, 18)
    members.check_guardian_consent(birth, D("2026-11-23"), False, 18)
    members.check_guardian_consent(None, D("2026-11-22"), False, 18)


def test_impossible_birth_dates_refused():
    """docs/desk-admin.md: a birth date in the future or implausible is invalid_birth_date."""
    for bad in (D("2026-11-23"), D("1899-12-31")):
        with pytest.raises(errors.InvalidBirthDate):
            members.validate_birth_date(bad, D("2026-11-22"))


def test_masking_for_lists():
    assert members.mask_email("hana@example.jp") == "h***@example.jp"
    assert members.mask_phone("+819012345678") == "*********5678"


def test_romanised_card_name():
    assert members.romanised_name("Yamada", "Taro") == "YAMADA Taro"
    assert members.romanised_name("Yamada", "Taro", "given_first") == "Taro Yamada"


# -- Premium Selection (docs/program-rules.md 7) ---------------------------------
RESTRICTED = {"OKT": ("loyal", "exclusive")}


def test_hotel_okura_tokyo_only_for_loyal_and_exclusive():
    with pytest.raises(errors.PremiumSelectionRestricted):
        premium.check_choice(hotel="OKT", tier="basic", restricted=RESTRICTED, first_chosen=None, changes=[],
                             business_date=D("2026-11-22"))
    premium.check_choice(hotel="OKT", tier="loyal", restricted=RESTRICTED, first_chosen=None, changes=[],
                         business_date=D("2026-11-22"))


def test_no_change_before_april_1_of_the_year_after_first_choice():
    kw = dict(hotel="OSA", tier="basic", restricted=RESTRICTED, first_chosen=D("2026-02-10"), changes=[])
    with pytest.raises(errors.PremiumSelectionLocked):
        premium.check_choice(**kw, business_date=D("2027-03-31"))
    premium.check_choice(**kw, business_date=D("2027-04-01"))


def test_one_change_per_april_to_march_year():
    kw = dict(hotel="OSA", tier="basic", restricted=RESTRICTED, first_chosen=D("2025-05-01"))
    with pytest.raises(errors.PremiumSelectionLocked):
        premium.check_choice(**kw, changes=[D("2026-04-02")], business_date=D("2027-03-31"))
    premium.check_choice(**kw, changes=[D("2026-04-02")], business_date=D("2027-04-01"))
