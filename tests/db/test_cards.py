"""Cards: one per member, signed QR, replacement, CR80 rendering."""

import zxingcpp
import pytest
from PIL import Image

from desk_app.cards.render import card_pixels, draw_card, save_card
from desk_app.domain import errors
from desk_app.services import cards, lookup, office
from tests.conftest import desk_on
from tests.db.helpers import enrol

pytestmark = pytest.mark.usefixtures("backend_all")


def test_issue_verify_replace(db):
    number = enrol(db)
    desk = desk_on("2026-11-22")
    first = cards.issue(db, desk, number)
    assert first.sequence == 1 and first.qr_payload.startswith(f"HD2:K1:{number}:1:")
    assert cards.verify(db, desk_on("2026-11-22"), first.qr_payload) == (number, 1)
    assert cards.issue(db, desk, number).sequence == 1  # re-printing the current card
    second = cards.issue(db, desk, number, "lost")
    assert second.sequence == 2
    with pytest.raises(errors.InvalidCard, match="replaced"):
        cards.verify(db, desk_on("2026-11-22"), first.qr_payload)
    assert cards.verify(db, desk_on("2026-11-22"), second.qr_payload.lower()) == (number, 2)
    assert lookup.show(db, desk, number).card.sequence == 2
    history = [(e.kind, e.reason) for e in lookup.history(db, desk, number) if e.kind == "card_issue"]
    assert history == [("card_issue", "lost"), ("card_issue", "new")]


def test_showing_the_current_card_writes_nothing(db):
    number = enrol(db)
    desk = desk_on("2026-11-22")
    entries = len(lookup.history(db, desk, number))
    assert cards.current(db, desk, number) is None  # no card yet, and none issued by asking
    assert lookup.show(db, desk, number).card is None
    assert len(lookup.history(db, desk, number)) == entries
    issued = cards.issue(db, desk, number)
    shown = cards.current(db, desk, number)
    assert shown == issued and shown.sequence == 1
    assert len(lookup.history(db, desk, number)) == entries + 1
    office.withdraw(db, desk, number, "moved away")
    assert cards.current(db, desk, number) is None  # the card stopped with the membership


def test_forged_payloads_refused(db):
    number = enrol(db)
    real = cards.issue(db, desk_on("2026-11-22"), number).qr_payload
    other = enrol(db)
    forged = [real.replace(number, other), real[:-2] + ("AA" if real[-2:] != "AA" else "BB"),
              f"HD1:{number}:1:", "HD1:::", "HD1:" + "9" * 5000, f"HD1:{number}:999999999:X", "hello"]
    for payload in forged:
        with pytest.raises(errors.InvalidCard):
            cards.verify(db, desk_on("2026-11-22"), payload)


def test_payload_carries_no_personal_data(db):
    number = enrol(db, family="Yamada", given="Taro", email="taro@example.jp")
    payload = cards.issue(db, desk_on("2026-11-22"), number).qr_payload
    assert "YAMADA" not in payload.upper() and "TARO" not in payload.upper() and "@" not in payload


def test_lookup_by_scanned_card_and_closed_member(db):
    number = enrol(db)
    payload = cards.issue(db, desk_on("2026-11-22"), number).qr_payload
    assert [m.member_number for m in lookup.lookup(db, desk_on("2026-11-22"), payload)] == [number]
    office.withdraw(db, desk_on("2026-11-22"), number, "moved")
    with pytest.raises(errors.InvalidCard):
        lookup.lookup(db, desk_on("2026-11-22"), payload)


def test_card_png_is_cr80_and_its_qr_decodes(db, tmp_path):
    number = enrol(db, family="Yamada", given="Taro")
    face = cards.issue(db, desk_on("2026-11-22"), number)
    path = save_card(face, tmp_path / "card.png")
    img = Image.open(path)
    assert img.size == card_pixels() == (1011, 638)  # 85.6 x 54 mm at 300 dpi
    decoded = zxingcpp.read_barcodes(img)
    assert [d.text for d in decoded] == [face.qr_payload]
    assert cards.verify(db, desk_on("2026-11-22"), decoded[0].text) == (number, 1)


def test_card_pdf_page_is_cr80(db, tmp_path):
    number = enrol(db)
    path = save_card(cards.issue(db, desk_on("2026-11-22"), number), tmp_path / "card.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    # 85.6 x 54 mm in PDF points (1/72 inch)
    assert b"/MediaBox [ 0 0 242.64 153.12 ]" in data or b"/MediaBox [0 0 242.64 153.12]" in data


def test_every_tier_renders(db):
    number = enrol(db)
    face = cards.issue(db, desk_on("2026-11-22"), number)
    from dataclasses import replace

    for tier in ("basic", "loyal", "exclusive"):
        assert draw_card(replace(face, tier=tier, premium_hotel="OSA")).size == (1011, 638)


def test_kinds_of_invalid_card_share_the_code(db):
    number = enrol(db)
    first = cards.issue(db, desk_on("2026-11-22"), number).qr_payload
    cards.issue(db, desk_on("2026-11-22"), number, "stolen")
    with pytest.raises(errors.CardReplaced) as replaced:
        cards.verify(db, desk_on("2026-11-22"), first)
    with pytest.raises(errors.CardForged) as forged:
        cards.verify(db, desk_on("2026-11-22"), first[:-1] + ("A" if first[-1] != "A" else "B"))
    assert replaced.value.code == forged.value.code == "invalid_card"


def _premium_member(db, language):
    from datetime import date

    from desk_app.services import registration
    from tests.db.helpers import stay

    number = enrol(db, day="2026-01-05", family="山田", given="太郎", family_kana="ヤマダ", given_kana="タロウ",
                   preferred_language=language)
    stay(db, number, "2026-02-01", "2026-02-11", 250_000)           # Loyal from 2026-03-01
    registration.choose_premium_hotel(db, desk_on("2026-11-22"), number, "OKT")
    return number, date


@pytest.mark.parametrize("language", ["ja", "en"])
def test_card_prints_hotel_name_enrollment_date_and_speaks_the_members_language(db, tmp_path, language):
    """docs/program-rules.md 2 (FAQ "status validity is printed on your
    membership card", Premium Selection "hotel name printed"): the Premium
    Selection hotel's name, not its code; "member since" the enrollment
    date (2026-01-05), not the issue date (2026-11-22); a Japanese member
    gets the Japanese face, the romanised name stays; the QR decodes."""
    number, date = _premium_member(db, language)
    face = cards.issue(db, desk_on("2026-11-22"), number)
    assert (face.member_since, face.issued_on, face.language) == (date(2026, 1, 5), date(2026, 11, 22), language)
    assert face.premium_hotel == "OKT"
    assert face.premium_hotel_name == {"ja": "ホテルオークラ東京", "en": "Hotel Okura Tokyo"}[language]
    assert face.tier_name == {"ja": "ロイヤル", "en": "Loyal"}[language]
    assert face.name == "YAMADA Taro"
    path = save_card(face, tmp_path / f"card-{language}.png")
    decoded = zxingcpp.read_barcodes(Image.open(path))
    assert [d.text for d in decoded] == [face.qr_payload]
    assert cards.verify(db, desk_on("2026-11-22"), decoded[0].text) == (number, 1)


def test_card_face_words_by_language():
    """The lines the renderer prints, in each language (docs/program-rules.md 2)."""
    from datetime import date

    from desk_app.cards import render

    ja, en = render.LABELS["ja"], render.LABELS["en"]
    assert ja["since"].format(date=render._fmt(date(2026, 1, 5), "ja")) == "入会日 2026年1月5日"
    assert en["since"].format(date=render._fmt(date(2026, 1, 5), "en")) == "Member since 2026/01/05"
    assert ja["premium"].format(hotel="ホテルオークラ東京") == "プレミアムセレクション ホテルオークラ東京"
    assert ja["member"].format(tier="ロイヤル") == "ロイヤル会員"
