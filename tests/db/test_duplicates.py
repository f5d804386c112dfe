"""The duplicate finder: the same reading and birth date, or the same phone."""

from datetime import date

import pytest

from desk_app.domain import errors
from desk_app.services import duplicates, office, registration
from tests.conftest import desk_on
from tests.db.helpers import enrol, stay

pytestmark = pytest.mark.usefixtures("backend_all")


def test_same_reading_and_birth_date_or_same_phone(db):
    born = date(1980, 6, 2)
    a = enrol(db, family="山田", given="太郎", family_kana="ヤマダ", given_kana="タロウ", birth_date=born)
    # Typed in hiragana at another desk: the reading is stored folded.
    b = enrol(db, family="山田", given="太郎", family_kana="やまだ", given_kana="たろう", birth_date=born,
              full=False)
    enrol(db, family="山田", given="太郎", family_kana="ヤマダ", given_kana="タロウ", birth_date=date(1981, 6, 2),
          full=False)                                               # another birth date: not the same person
    c = enrol(db, family="Smith", given="Emma", birth_date=date(1990, 1, 1), full=False)
    d = enrol(db, family="SMITH", given="emma", birth_date=date(1990, 1, 1), full=False)
    # Both full registrations got the helper's phone 090-1234-5678; a third typed without hyphens.
    e = enrol(db, family="Kato", given="Rin", full=False)
    registration.complete_registration(db, desk_on("2026-01-05"), e, postal_code="100-0005",
                                       address="Chiyoda-ku 1-1", country="JP", phone="09012345678",
                                       birth_date=date(1977, 7, 7))
    groups = duplicates.find(db, desk_on("2026-06-15"))
    by_reason = {}
    for g in groups:
        by_reason.setdefault(g.reason, []).append(g)
    names = sorted((g.family_key, g.given_key, g.birth_date, sorted(m.member_number for m in g.members))
                   for g in by_reason["name_and_birth_date"])
    assert names == sorted([("smith", "emma", date(1990, 1, 1), sorted([c, d])),
                            ("ヤマダ", "タロウ", born, sorted([a, b]))])
    [phone] = by_reason["phone"]
    assert (phone.phone, sorted(m.member_number for m in phone.members)) == ("+819012345678", sorted([a, e]))

    # Merged, the pair is no longer a candidate.
    office.merge(db, desk_on("2026-06-15"), a, b)
    after = duplicates.find(db, desk_on("2026-06-15"))
    assert [g.reason for g in after].count("name_and_birth_date") == 1


def test_side_by_side(db):
    a = enrol(db, day="2024-01-05", family="Ito", given="Ken", birth_date=date(1975, 3, 3))
    b = enrol(db, day="2025-02-01", family="Ito", given="Ken", birth_date=date(1975, 3, 3), full=False)
    stay(db, a, "2025-05-01", "2025-05-03", 50_000)
    left, right = duplicates.side_by_side(db, desk_on("2026-06-15"), a, b)
    assert (left.member.member_number, left.last_activity, left.member.points_balance) == (a, date(2025, 5, 3),
                                                                                          1_000)
    assert (right.last_activity, right.entries, right.member.registration) == (date(2025, 2, 1), 1, "simple")
    assert left.entries == 3   # enrolment, full registration, the stay
    with pytest.raises(errors.NotPermitted):
        duplicates.find(db, desk_on("2026-06-15", role="clerk"))
    with pytest.raises(errors.MemberNotFound):
        duplicates.side_by_side(db, desk_on("2026-06-15"), a, "0000000000")
