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
