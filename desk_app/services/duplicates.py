"""The duplicate finder: open memberships that are probably one person,
for the office to compare side by side and merge (services.office.merge).

Two memberships are candidates [decided] when they share
- the name's reading and the birth date: the katakana readings (stored
  folded, so ヤマダ, やまだ and ﾔﾏﾀﾞ are one), or for a name without a
  reading its romanised spelling, compared without case; or
- the telephone number (stored in E.164, so 090-1234-5678 and
  09012345678 are one).
A group lists every open membership with that key; the finder only lists,
the office decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, tuple_

from ..db.schema import Member
from . import batch, ledger, views
from .context import Desk
from .database import Database

MAX_GROUPS = 500


@dataclass(frozen=True)
class DuplicateGroup:
    reason: str                         # name_and_birth_date | phone
    family_key: str | None
    given_key: str | None
    birth_date: date | None
    phone: str | None
    members: tuple[views.MemberView, ...]


@dataclass(frozen=True)
class Side:
    """One membership in the side-by-side view."""
    member: views.MemberView
    last_activity: date
    entries: int


def _reading(kana, roman, name):
    return func.coalesce(kana, func.lower(func.coalesce(roman, name)))


def find(db: Database, desk: Desk, limit: int = MAX_GROUPS) -> tuple[DuplicateGroup, ...]:
    desk.require("find_duplicates")
    fam = _reading(Member.family_kana, Member.family_name_roman, Member.family_name)
    giv = _reading(Member.given_kana, Member.given_name_roman, Member.given_name)
    active = Member.status == "active"
    program = db.program
    groups: list[DuplicateGroup] = []
    with db.read() as s:
        name_keys = s.execute(
            select(fam, giv, Member.birth_date).where(active, Member.birth_date.is_not(None))
            .group_by(fam, giv, Member.birth_date).having(func.count() > 1)
            .order_by(fam, giv, Member.birth_date).limit(limit)).all()
        if name_keys:
            rows = s.execute(select(Member, fam, giv).where(
                active, tuple_(fam, giv, Member.birth_date).in_([tuple(k) for k in name_keys]))
                .order_by(Member.id)).all()
            by_key: dict[tuple, list[Member]] = {tuple(k): [] for k in name_keys}
            for m, f, g in rows:
                by_key[(f, g, m.birth_date)].append(m)
            for (f, g, born), members in by_key.items():
                groups.append(DuplicateGroup("name_and_birth_date", f, g, born, None, tuple(
                    views.member_views(s, program, members, desk.business_date))))
        phones = list(s.scalars(
            select(Member.phone).where(active, Member.phone.is_not(None), Member.phone != "")
            .group_by(Member.phone).having(func.count() > 1).order_by(Member.phone)
            .limit(max(0, limit - len(groups)))))
        if phones:
            by_phone: dict[str, list[Member]] = {p: [] for p in phones}
            for m in s.scalars(select(Member).where(active, Member.phone.in_(phones)).order_by(Member.id)):
                by_phone[m.phone].append(m)
            for phone, members in by_phone.items():
                groups.append(DuplicateGroup("phone", None, None, None, phone, tuple(
                    views.member_views(s, program, members, desk.business_date))))
    return tuple(groups)


def side_by_side(db: Database, desk: Desk, first: str, second: str) -> tuple[Side, Side]:
    """The two memberships with what the office weighs before a merge."""
    desk.require("find_duplicates")
    from ..db.schema import LedgerEntry

    out = []
    with db.read() as s:
        for number in (first, second):
            m = ledger.get_member(s, number)
            count = s.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.member_id == m.id))
            out.append(Side(views.member_view(s, db.program, m, desk.business_date), batch.last_activity(s, m),
                            int(count)))
    return out[0], out[1]
