"""import-members: every row checked by the desk's rules, all or nothing,
the first bad rows named by line and column, and a ledger whose chain
check-ledger accepts afterwards."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest
from sqlalchemy import func, select

from benchmarks.members_csv import write_csv
from desk_app import cli
from desk_app.db import chain
from desk_app.db.schema import Credit, LedgerEntry, Lot, Member
from desk_app.domain import errors, members as rules
from desk_app.services import audit, importing, lookup, office
from desk_app.services.registration import normalize_phone
from tests.conftest import desk_on, sign_in_cli
from tests.db.helpers import enrol

pytestmark = pytest.mark.usefixtures("backend_all")
DAY = "2026-11-22"
DESK = desk_on(DAY)
HEADER = ("member_number,family_name,given_name,family_name_kana,given_name_kana,email,phone,postal_code,address,"
          "country,birth_date,enrolled_on,enrolled_at,registration,preferred_language,lots,credits")
GOOD = {"member_number": "", "family_name": "山田", "given_name": "太郎", "family_name_kana": "やまだ",
        "given_name_kana": "たろう", "email": "taro@example.jp", "phone": "090-1234-5678", "postal_code": "1000005",
        "address": "東京都千代田区丸の内1-1", "country": "JP", "birth_date": "1980-04-01", "enrolled_on": "2019-05-01",
        "enrolled_at": "OSA", "registration": "full", "preferred_language": "ja",
        "lots": "2025-03-01:1200;2026-06-30:800", "credits": "2026-02-10:1500:2;2026-06-30:900:1"}


def csv_text(*rows: dict, header: str = HEADER) -> str:
    cols = header.split(",")
    lines = [header]
    for r in rows:
        lines.append(",".join(_quote(r.get(c, "")) for c in cols))
    return "\n".join(lines) + "\n"


def _quote(v: str) -> str:
    return f'"{v}"' if ("," in v or '"' in v) else v


def a_file(tmp_path, text: str, name="members.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def state(db) -> tuple:
    with db.read() as s:
        return (s.scalar(select(func.count()).select_from(Member)), s.scalar(select(func.count()).select_from(LedgerEntry)),
                s.scalar(select(func.count()).select_from(Lot)), s.scalar(select(func.count()).select_from(Credit)),
                chain.read_head(s, chain.orm_tables()))


def test_a_file_of_members_is_imported_with_their_lots_and_credits(db, tmp_path):
    kept = "8000000003"
    assert rules.is_valid_member_number(kept)
    other = dict(GOOD, member_number=kept, family_name="Smith", given_name="Emma", family_name_kana="",
                 given_name_kana="", email="Emma@Example.com", phone="", postal_code="", address="", country="",
                 registration="simple", preferred_language="en", birth_date="", lots="", credits="",
                 enrolled_on="", enrolled_at="")
    path = a_file(tmp_path, "\ufeff" + csv_text(GOOD, other))  # a byte-order mark is fine
    r = importing.import_members(db, DESK, path)
    assert (r.imported, r.lots, r.credits) == (2, 2, 2)

    with db.read() as s:
        yamada = s.scalar(select(Member).where(Member.email_norm == "taro@example.jp"))
        smith = s.scalar(select(Member).where(Member.number == kept))
        assert (yamada.family_name, yamada.family_kana, yamada.family_name_roman, yamada.given_name_roman) == (
            "山田", "ヤマダ", "Yamada", "Taro")
        assert (yamada.phone, yamada.postal_code, yamada.registration, yamada.enrolled_at, yamada.enrolled_on) == (
            "+819012345678", "100-0005", "full", "OSA", date(2019, 5, 1))
        assert rules.is_valid_member_number(yamada.number) and yamada.number.startswith(
            db.program.member_number_prefix)
        assert (smith.email, smith.email_norm, smith.registration, smith.enrolled_on, smith.enrolled_at,
                smith.preferred_language, smith.no_email_reason) == (
            "Emma@Example.com", "emma@example.com", "simple", date(2026, 11, 22), "TKO", "en", None)
        lots = sorted((l.earned_on, l.expires_on, l.points, l.remaining)
                      for l in s.scalars(select(Lot).where(Lot.member_id == yamada.id)))
        # One Harmony: earned in year Y, usable through January 31 of Y + 3.
        assert lots == [(date(2025, 3, 1), date(2028, 1, 31), 1200, 1200),
                        (date(2026, 6, 30), date(2029, 1, 31), 800, 800)]
        credits = sorted((c.date_of_use, c.qualifying_points, c.nights, c.source)
                         for c in s.scalars(select(Credit).where(Credit.member_id == yamada.id)))
        assert credits == [(date(2026, 2, 10), 1500, 2, "import"), (date(2026, 6, 30), 900, 1, "import")]
        entry = s.scalar(select(LedgerEntry).where(LedgerEntry.member_id == yamada.id))
        assert (entry.kind, entry.points, entry.nights, entry.property_code, entry.clerk) == (
            "import", 2000, 3, "OSA", "test-clerk")
        number = yamada.number
    assert lookup.show(db, DESK, number).points_balance == 2000
    assert [v.member_number for v in lookup.lookup(db, DESK, "やまだ")] == [number]
    report = audit.check_ledger(db, DESK)
    assert report.entries == 2
    # The chain values written in bulk are the ones chain.seal would have made.
    with db.read() as s:
        assert chain.verify(s, chain.orm_tables()).problem is None


def test_an_import_after_desk_work_keeps_one_chain(db, tmp_path):
    number = enrol(db)
    office.adjust(db, desk_on("2026-11-20"), number, 500, "welcome back")
    before = state(db)[4][0]
    path = write_csv(tmp_path / "m.csv", 300, seed=5)
    r = importing.import_members(db, DESK, path)
    assert r.imported == 300
    assert audit.check_ledger(db, DESK).entries == before + 300
    # and the desk goes on writing after it
    office.adjust(db, DESK, number, 100, "after the import")
    assert audit.check_ledger(db, DESK).entries == before + 301


BAD_ROWS = [
    ("member_number", {"member_number": "8000000004"}, "member number"),
    ("member_number", {"member_number": "80000000"}, "member number"),
    ("family_name", {"family_name": ""}, "required"),
    ("family_name", {"family_name": "株式会社ヤマダ"}, "individuals"),
    ("given_name", {"given_name": "Taro<script>"}, "characters"),
    ("family_name_kana", {"family_name_kana": "山田"}, "kana"),
    ("email", {"email": "taro@"}, "e-mail"),
    ("phone", {"phone": "12"}, "telephone"),
    ("postal_code", {"postal_code": "12"}, ""),
    ("country", {"country": "Japan"}, "two-letter"),
    ("birth_date", {"birth_date": "2030-01-01"}, "birth date"),
    ("birth_date", {"birth_date": "2015-01-01"}, "consent"),
    ("birth_date", {"birth_date": "01/04/1980"}, "YYYY-MM-DD"),
    ("enrolled_on", {"enrolled_on": "2026-12-01"}, "after the business date"),
    ("enrolled_on", {"enrolled_on": "2026-02-30"}, "YYYY-MM-DD"),
    ("enrolled_at", {"enrolled_at": "XXX"}, "hotels"),
    ("registration", {"registration": "gold"}, "simple"),
    ("phone", {"phone": ""}, "full registration"),
    ("address", {"address": ""}, "full registration"),
    ("preferred_language", {"preferred_language": "fr"}, "'ja' or 'en'"),
    ("lots", {"lots": "2026-01-01"}, "EARNED_ON:POINTS"),
    ("lots", {"lots": "2026-01-01:0"}, "between 1"),
    ("lots", {"lots": "2026-01-01:-5"}, "whole number"),
    ("lots", {"lots": "2022-06-01:500"}, "expired"),
    ("lots", {"lots": "2019-01-01:500", "enrolled_on": "2019-05-01"}, "before the enrollment"),
    ("lots", {"lots": "2026-12-01:500"}, "after the business date"),
    ("credits", {"credits": "2026-01-01:500"}, "DATE_OF_USE"),
    ("credits", {"credits": "2026-01-01:0:0"}, "qualifying points or nights"),
    ("credits", {"credits": "2026-12-24:500:1"}, "after the business date"),
    ("credits", {"credits": "2026-01-01:x:1"}, "whole number"),
]


@pytest.mark.parametrize("column,change,words", BAD_ROWS, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(BAD_ROWS)])
def test_a_bad_row_refuses_the_whole_file(db, tmp_path, column, change, words):
    good = [dict(GOOD, email=f"g{i}@example.jp") for i in range(3)]
    path = a_file(tmp_path, csv_text(good[0], good[1], dict(GOOD, **change), good[2]))
    before = state(db)
    with pytest.raises(errors.InvalidImport) as refused:
        importing.import_members(db, DESK, path)
    assert refused.value.code == "invalid_import"
    rows = refused.value.details["rows"]
    assert rows[0]["line"] == 4 and rows[0]["column"] == column, rows
    assert words.lower() in rows[0]["message"].lower(), rows
    assert state(db) == before


def test_uniqueness_within_the_file_and_against_the_database(db, tmp_path):
    enrol(db, email="taken@example.jp")
    revoked = enrol(db, email="revoked@example.jp")
    office.revoke(db, DESK, revoked, "disqualified")
    with db.read() as s:
        used = s.scalar(select(Member.number).where(Member.email_norm == "taken@example.jp"))
    rows = [dict(GOOD, email="a@example.jp"), dict(GOOD, email="A@example.jp"),
            dict(GOOD, email="taken@example.jp"), dict(GOOD, email="revoked@example.jp"),
            dict(GOOD, email="b@example.jp", member_number="8000000003"),
            dict(GOOD, email="c@example.jp", member_number="8000000003"),
            dict(GOOD, email="d@example.jp", member_number=used)]
    path = a_file(tmp_path, csv_text(*rows))
    before = state(db)
    with pytest.raises(errors.InvalidImport) as refused:
        importing.import_members(db, DESK, path)
    found = [(r["line"], r["column"]) for r in refused.value.details["rows"]]
    assert found == [(3, "email"), (4, "email"), (5, "email"), (7, "member_number"), (8, "member_number")]
    assert state(db) == before


def test_the_file_itself_can_be_wrong(db, tmp_path):
    before = state(db)
    for text, line, column in (
            ("family_name,given_name,nickname\nIto,Ken,K\n", 1, "nickname"),
            ("given_name,email\nKen,k@example.jp\n", 1, "family_name"),
            ("family_name,given_name\nIto,Ken,extra\n", 2, None),
            ("", 1, None)):
        with pytest.raises(errors.InvalidImport) as refused:
            importing.import_members(db, DESK, a_file(tmp_path, text))
        first = refused.value.details["rows"][0]
        assert (first["line"], first["column"]) == (line, column), (text, first)
    with pytest.raises(errors.InvalidImport):
        importing.import_members(db, DESK, a_file(tmp_path, "family_name,given_name\nIto,Kén\n".encode("latin-1")))
    with pytest.raises(errors.InvalidImport):
        importing.import_members(db, DESK, tmp_path / "missing.csv")
    assert state(db) == before


def test_only_the_first_bad_rows_are_listed(db, tmp_path):
    rows = [dict(GOOD, email=f"x{i}@example.jp", family_name="") for i in range(50)]
    with pytest.raises(errors.InvalidImport) as refused:
        importing.import_members(db, DESK, a_file(tmp_path, csv_text(*rows)))
    listed = refused.value.details["rows"]
    assert [r["line"] for r in listed] == list(range(2, 2 + importing.MAX_PROBLEMS))


def test_a_dry_run_checks_and_writes_nothing(db, tmp_path):
    path = write_csv(tmp_path / "m.csv", 200, seed=2)
    before = state(db)
    r = importing.import_members(db, DESK, path, dry_run=True)
    assert (r.imported, r.dry_run) == (200, True) and r.lots > 0 and r.credits > 0
    assert state(db) == before


def test_a_cancelled_import_writes_nothing(db, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "CHUNK", 50)
    path = write_csv(tmp_path / "m.csv", 300, seed=3)
    before = state(db)
    seen = []
    with pytest.raises(importing.ImportCancelled):
        importing.import_members(db, DESK, path, progress=lambda d, t: seen.append((d, t)),
                                 cancelled=lambda: len(seen) >= 3)
    assert seen[:3] == [(50, 300), (100, 300), (150, 300)]
    assert state(db) == before


def test_the_mobile_shortcut_gives_the_phone_rule_s_answer():
    rng = random.Random(11)
    for _ in range(300):
        text = f"0{rng.choice('789')}0-{rng.randint(0, 9999):04d}-{rng.randint(0, 9999):04d}"
        try:
            expected = normalize_phone(text, "JP")
        except errors.DeskError:
            with pytest.raises(errors.DeskError):
                importing.phone(text, "JP")
        else:
            assert importing.phone(text, "JP") == expected


def test_desk_admin_import_members(database_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESK_APP_DB", database_url)
    sign_in_cli(monkeypatch)

    def run(*argv, expect=0):
        code = cli.main(["--business-date", DAY, *argv])
        out, _ = capsys.readouterr()
        assert code == expect, out
        return json.loads(out)

    run("init", "--supervisor", "boss")
    path = write_csv(tmp_path / "m.csv", 40, seed=9)
    dry = run("import-members", str(path), "--dry-run")
    assert dry["imported"] == 40 and dry["dry_run"] is True
    done = run("import-members", str(path))
    assert set(done) == {"imported", "lots", "credits"} and done["imported"] == 40
    assert (done["lots"], done["credits"]) == (dry["lots"], dry["credits"])
    again = run("import-members", str(path), expect=1)  # the same addresses again
    assert again["error"]["code"] == "invalid_import"
    assert {"line": 2, "column": "email"} == {k: again["error"]["rows"][0][k] for k in ("line", "column")}
    assert run("check-ledger")["entries"] == 40


@pytest.mark.slow
def test_a_file_of_100000_members(database_url, backend_all, tmp_path):
    from tests.conftest import make_db

    if not database_url.startswith("sqlite"):
        pytest.skip("the large file on the embedded database only (the small ones run on both)")
    db = make_db(database_url)
    try:
        path = write_csv(tmp_path / "big.csv", 100_000, seed=1)
        r = importing.import_members(db, DESK, path)
        assert r.imported == 100_000 and r.lots > 150_000 and r.credits > 200_000
        assert audit.check_ledger(db, DESK).entries == 100_000
        with db.read() as s:
            assert s.scalar(select(func.count(func.distinct(Member.number)))) == 100_000
    finally:
        db.dispose()
