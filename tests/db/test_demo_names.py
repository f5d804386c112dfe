"""Demo members carry kanji names with their readings (and some Latin names),
so the desk's Japanese display, kana search and card romaji show in a demo."""

from __future__ import annotations

from datetime import date

from desk_app.domain import romaji
from desk_app.services import demo, lookup
from desk_app.services.context import Desk


def test_demo_members_have_kanji_names_with_readings_and_some_latin(tmp_path):
    from desk_app.services.database import Database

    db = Database(f"sqlite:///{(tmp_path / 'demo.sqlite3').as_posix()}")
    db.initialize("one_harmony", business_date=date(2026, 6, 15))
    from desk_app.services import clerks

    clerks.create(db, None, "super", "Super", "supervisor", "password1")
    desk = Desk(date(2026, 6, 15), "TKO", "super", "T", "supervisor")
    assert demo.generate(db, desk, 30, seed=3) == 30
    from sqlalchemy import select

    from desk_app.db.schema import Member

    with db.read() as s:
        rows = s.execute(select(Member.family_name, Member.family_kana, Member.family_name_roman)).all()
    kanji = [r for r in rows if not romaji.is_latin(r[0]) and not romaji.is_kana(r[0])]
    latin = [r for r in rows if romaji.is_latin(r[0])]
    assert len(kanji) >= 15 and latin
    assert all(kana and roman for _, kana, roman in kanji)   # every kanji name has its reading and romaji
    # Found by its reading.
    name, kana, _ = kanji[0]
    assert any(m.family_name == name for m in lookup.lookup(db, desk, kana))
    db.dispose()
