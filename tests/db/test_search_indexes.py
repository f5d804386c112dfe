"""Lookups answered from indexes (0013): the same members as the scan the
desk used before (kept here as the reference), the trigram index kept in
step by the database through imports, name changes and merges, and the
query plans that use the indexes rather than reading every member."""

from __future__ import annotations

import random
import re

import pytest
from sqlalchemy import or_, select, text

from benchmarks.members_csv import write_csv
from desk_app.db import search_index
from desk_app.db.schema import Member
from desk_app.domain import members as rules
from desk_app.services import cards, importing, ledger, lookup, registration
from tests.conftest import desk_on

pytestmark = pytest.mark.usefixtures("backend_all")
DESK = desk_on("2026-11-22")


def reference_find(db, s, query: str) -> list[Member]:
    """The lookup as it was before the indexes (a LIKE over every member)."""
    from desk_app.domain import errors, japan

    text_ = (query or "").strip()[:lookup.MAX_QUERY]
    if not text_:
        return []
    program = db.program
    if cards.looks_like_payload(text_):
        number, _ = cards.current_card_of(db, text_)
        return [ledger.get_member(s, number)]
    compact = japan.fold_dashes(rules.normalize_text(text_)).replace(" ", "").replace("-", "")
    if compact.isdigit() and len(compact) == program.member_number_length and compact[0] != "0":
        if not rules.is_valid_member_number(compact, program.member_number_length):
            raise errors.MemberNotFound("not valid")
        member = s.scalar(select(Member).where(Member.number == compact))
        return [member] if member else []
    esc = lookup._escape
    if "@" in text_:
        norm = text_.lower()
        return list(s.scalars(select(Member).where(Member.email_norm.like(f"{esc(norm)}%", escape="\\"))
                              .order_by(Member.email_norm != norm, Member.status != "active", Member.number)
                              .limit(lookup.MAX_RESULTS)))
    results = []
    phone = lookup._phone_key(text_)
    if phone:
        results += s.scalars(select(Member).where(Member.phone == phone).order_by(Member.number)
                             .limit(lookup.MAX_RESULTS))
    if compact.isdigit():
        results += s.scalars(select(Member).where(Member.number.like(f"{compact}%")).order_by(Member.number)
                             .limit(lookup.MAX_RESULTS))
        return lookup._unique(results)
    key = rules.search_key(text_)
    if not key:
        return results
    starts = or_(Member.search_text.like(f"{esc(key)}%", escape="\\"),
                 Member.search_text.like(f"%|{esc(key)}%", escape="\\"))
    # A part of a name: the first MAX_NAME_MATCHES matching members by id,
    # in the desk's order.
    first = list(s.scalars(select(Member.id).where(Member.search_text.like(f"%{esc(key)}%", escape="\\"))
                           .order_by(Member.id).limit(lookup.MAX_NAME_MATCHES)))
    results += s.scalars(select(Member).where(Member.id.in_(first))
                         .order_by(Member.status != "active", ~starts, Member.family_name, Member.given_name,
                                   Member.number).limit(lookup.MAX_RESULTS))
    return lookup._unique(results)


@pytest.fixture
def members(db, tmp_path):
    path = write_csv(tmp_path / "m.csv", 1500, seed=21)
    importing.import_members(db, DESK, path)
    # A few by hand: kanji names, hiragana readings, a withdrawn one.
    for fam, giv, fk, gk, mail in (("山田", "太郎", "やまだ", "たろう", "taro@yamada.example.jp"),
                                   ("田中", "花子", "たなか", "はなこ", "hanako@tanaka.example.jp"),
                                   ("李", "明", None, None, "li@example.cn")):
        registration.register(db, DESK, registration.Enrolment(fam, giv, mail, fk, gk))
    with db.read() as s:
        rows = s.execute(select(Member.number, Member.email_norm, Member.phone, Member.search_text)).all()
    return rows


def queries(rows, n=120, seed=3) -> list[str]:
    rng = random.Random(seed)
    out = ["yamam", "たなか", "タナカ", "ﾀﾅｶ", "sato", "Suzuki Hana", "hana", "ta", "李", "山田", "田中花",
           "Müller", "mull", "smith", "@example", "taro@yamada.example.jp", "TARO@YAMADA.EXAMPLE.JP", "taro@",
           "nobody@example.jp", "090", "+8190", "zz", "qqq"]
    for number, email, phone, search in rng.sample(rows, n):
        out.append(number[:rng.randint(3, 9)])
        out.append(email[:rng.randint(3, len(email))] if email else "x@")
        if email:
            out.append(email)
        if phone:
            out.append("0" + phone[3:])
        key = rng.choice(search.split("|"))
        start = rng.randint(0, max(0, len(key) - 3))
        out.append(key[start:start + rng.randint(2, 6)])
    return out


@pytest.mark.parametrize("cap", [None, 7])
def test_lookups_give_the_same_members_as_the_scan(db, members, cap, monkeypatch):
    if cap:  # a broad search: only the first `cap` matching members (by id) are ordered
        monkeypatch.setattr(lookup, "MAX_NAME_MATCHES", cap)
    for q in queries(members):
        with db.read() as s:
            expected = [m.number for m in reference_find(db, s, q)]
            got = [m.number for m in lookup._find(db, s, q)]
        if "@" in q and rules._EMAIL.match(q.lower()) and got and len(expected) > len(got):
            # A whole address answers with its owner alone, not also longer addresses that start with it.
            assert got == expected[:len(got)], q
            continue
        assert got == expected, q


def test_a_broad_search_orders_only_the_first_matching_members(db, monkeypatch):
    for family, given in (("Xokonogi", "Aki"), ("Okonogi", "Ren"), ("Okonogi", "Mio"), ("Okonogi", "Aoi")):
        registration.register(db, DESK, registration.Enrolment(family, given, f"{given}@{family}.example.jp"))
    names = lambda q: [(v.family_name, v.given_name) for v in lookup.lookup(db, DESK, q)]  # noqa: E731
    assert names("okonogi") == [("Okonogi", "Aoi"), ("Okonogi", "Mio"), ("Okonogi", "Ren"), ("Xokonogi", "Aki")]
    monkeypatch.setattr(lookup, "MAX_NAME_MATCHES", 3)  # the three who joined first, in the desk's order
    assert names("okonogi") == [("Okonogi", "Mio"), ("Okonogi", "Ren"), ("Xokonogi", "Aki")]
    assert names("ok") == [("Okonogi", "Mio"), ("Okonogi", "Ren"), ("Xokonogi", "Aki")]  # no trigram: the same


def test_the_trigram_index_follows_every_change(db, members, tmp_path):
    view = registration.register(db, DESK, registration.Enrolment("Kirishima", "Aoi", "aoi@kirishima.example.jp"))
    assert [v.member_number for v in lookup.lookup(db, DESK, "irishi")] == [view.member_number]
    registration.change_name(db, DESK, view.member_number, family_name="Asakura", given_name="Aoi",
                             family_kana=None, given_kana=None, reason="marriage; passport shown")
    assert lookup.lookup(db, DESK, "irishi") == []
    assert view.member_number in [v.member_number for v in lookup.lookup(db, DESK, "asakur")]
    path = tmp_path / "one.csv"
    path.write_text("family_name,given_name,email\nOkonogi,Ren,ren@okonogi.example.jp\n", encoding="utf-8")
    importing.import_members(db, DESK, path)
    assert [v.family_name for v in lookup.lookup(db, DESK, "konog")] == ["Okonogi"]
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as conn:  # the index agrees with the members table, row for row
            conn.exec_driver_sql(f"INSERT INTO {search_index.FTS}({search_index.FTS}, rank) "
                                 f"VALUES ('integrity-check', 1)")


def test_a_refused_import_leaves_the_index_as_it_was(db, members, tmp_path):
    from desk_app.domain import errors

    path = tmp_path / "bad.csv"
    path.write_text("family_name,given_name,email\nOkonogi,Ren,ren@okonogi.example.jp\nIto,,x@example.jp\n",
                    encoding="utf-8")
    with pytest.raises(errors.InvalidImport):
        importing.import_members(db, DESK, path)
    assert lookup.lookup(db, DESK, "konog") == []
    view = registration.register(db, DESK, registration.Enrolment("Okonogi", "Ren", "ren@okonogi.example.jp"))
    assert [v.member_number for v in lookup.lookup(db, DESK, "konog")] == [view.member_number]


def test_an_index_lost_in_a_migration_is_put_back(db, members):
    with db.engine.begin() as conn:
        search_index.uninstall(conn)
    with db.engine.begin() as conn:
        assert search_index.install(conn)
        assert not search_index.install(conn)  # nothing more to make
    with db.read() as s:
        assert [m.family_name for m in lookup._find(db, s, "山田")] == ["山田"]
        assert [m.family_name for m in lookup._find(db, s, "はなこ")] == ["田中"]


def _plan(db, sql: str, **params) -> str:
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            rows = conn.execute(text(f"EXPLAIN QUERY PLAN {sql}"), params).all()
            return " / ".join(r[-1] for r in rows)
        conn.exec_driver_sql("SET enable_seqscan = off")  # a tiny table: ask whether an index *can* answer
        return " / ".join(r[0] for r in conn.execute(text(f"EXPLAIN {sql}"), params).all())


def test_the_lookups_use_their_indexes(db, members):
    sqlite = db.engine.dialect.name == "sqlite"
    with db.read() as s:
        compiled = {}
        for name, q in (("email", "taro@yamada.example.jp"), ("email_prefix", "taro@ya"),
                        ("number_prefix", members[0][0][:5]), ("name", "yamam"), ("history", None)):
            if q is None:
                continue
            stmt = []

            def capture(conn, cursor, statement, parameters, context, executemany, _stmt=stmt):
                _stmt.append((statement, parameters))

            from sqlalchemy import event

            event.listen(db.engine, "before_cursor_execute", capture)
            try:
                lookup._find(db, s, q)
            finally:
                event.remove(db.engine, "before_cursor_execute", capture)
            compiled[name] = stmt[-1]
    for name, (statement, params) in compiled.items():
        with db.engine.connect() as conn:
            if sqlite:
                plan = " / ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params))
            else:
                conn.exec_driver_sql("SET enable_seqscan = off")
                plan = " / ".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {statement}", params))
        assert not re.search(r"SCAN members(?!_fts)", plan) and "Seq Scan on members" not in plan, (name, plan)
        if name == "name":
            assert (search_index.FTS in plan) if sqlite else ("ix_members_search_trgm" in plan), plan
            if sqlite:  # FTS5 hands its rowids in order (and stops at the cap): one sort, the desk's
                assert plan.count("TEMP B-TREE") == 1, plan
    merged = _plan(db, "SELECT id FROM members WHERE merged_into_id IN (1, 2)")
    assert "ix_members_merged_into_id" in merged, merged
