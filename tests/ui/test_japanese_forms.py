"""Japanese member data at the desk, driven like a clerk: dates, yen and
phones in the desk's language; the postal code filling the address on the
worker; romaji and era birth dates; the card's name order; slips and
vouchers in the member's language with the bundled font."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt

from .conftest import confirm, ime_commit, open_member, review_and_post, wait_dialog


@pytest.fixture
def desk_language():
    """formatting.set_language as install_language calls it; English again after."""
    from desk_app.ui import formatting as fmt

    yield fmt.set_language
    fmt.set_language("en")


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _slip(dialog) -> dict[str, str]:
    title, lines, footer = dialog.slip
    return {"title": title, "footer": footer, **dict(lines)}


def _prefer(staff, number: str, lang: str) -> None:
    from desk_app.services import registration

    from .conftest import office

    registration.update_contact(staff, office(), number, preferred_language=lang)


# -- 1. dates, yen and phones in the desk's language ------------------------------

def test_formatting_follows_the_desk_language(desk_language):
    from desk_app.ui import formatting as fmt

    assert fmt.current_language() == "en"
    assert (fmt.yen(12346), fmt.day(date(2026, 11, 22)), fmt.points(12346)) == ("¥12,346", "2026/11/22", "12,346")
    assert desk_language("ja_JP") == "ja" and fmt.current_language() == "ja"
    assert (fmt.yen(12346), fmt.day(date(2026, 11, 22)), fmt.points(12346)) == ("12,346円", "2026年11月22日", "12,346")
    assert fmt.phone("+819012345678") == "090-1234-5678" and fmt.phone("+12127363100") == "+1 212-736-3100"
    assert desk_language("fr") == "en"


@pytest.mark.parametrize("lang, field, expiry, total", [
    ("en", "¥12,346", "2029/01/31", "¥12,346"),
    ("ja", "12,346円", "2029年1月31日", "12,346円"),
])
def test_yen_and_dates_on_the_desk(qtbot, window_for, members, staff, desk_language, lang, field, expiry, total):
    from desk_app.ui.dialogs.bill_dialog import BillDialog

    desk_language(lang)
    _prefer(staff, members["yamada"], lang)  # the slip is in the member's language: the same here
    win = window_for("clerk1")   # a clerk: a cashier sees the phone masked
    page = open_member(qtbot, win, members["yamada"]) and win.member_page
    assert expiry in page.next_expiry.text()
    assert "090-1234-5678" in page.contact.text()  # stored +819012345678, shown in national form
    qtbot.keyClick(win, Qt.Key.Key_F8)
    dlg = wait_dialog(qtbot, win, BillDialog)
    qtbot.keyClicks(dlg.check, "C12")
    fnb = dlg.charges.fields["fnb"]
    fnb.setFocus()
    fnb.lineEdit().selectAll()
    qtbot.keyClicks(fnb, "12346")
    qtbot.keyClick(fnb, Qt.Key.Key_Tab)
    assert fnb.text() == field and fnb.value() == 12346
    review_and_post(qtbot, dlg)  # Ctrl+Enter, then Enter on the review line
    assert dlg.completed, dlg.error.text()
    assert total in _slip(dlg).values()


# -- 2. full registration: the postal code fills the address ---------------------

def test_postcode_fills_the_japanese_address_on_the_worker(qtbot, window_for, members, staff, monkeypatch):
    from desk_app.services import lookup, registration
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog

    threads = []
    real = registration.address_for_postcode

    def spy(code):
        threads.append(threading.current_thread())
        return real(code)

    monkeypatch.setattr(registration, "address_for_postcode", spy)
    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    qtbot.keyClick(win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, FullRegistrationDialog)
    assert dlg.prefecture.isVisibleTo(dlg) and not dlg.address.isVisibleTo(dlg)
    qtbot.keyClicks(dlg.postal, "100-0005")
    qtbot.waitUntil(lambda: dlg.town.currentText() == "丸の内", timeout=5000)
    assert (dlg.prefecture.text(), dlg.city.text()) == ("東京都", "千代田区")
    assert threads and threading.main_thread() not in threads  # looked up on the worker
    assert "東京都千代田区丸の内" in dlg.postal_state.text()
    # Then the clerk types the street number, the building and room.
    qtbot.keyClick(dlg.postal, Qt.Key.Key_Tab)
    assert dlg.prefecture.hasFocus()
    _type(qtbot, dlg.street, "1-1-1")
    qtbot.keyClick(dlg.street, Qt.Key.Key_Tab)
    assert dlg.building.hasFocus()
    ime_commit(dlg.building, "丸の内ビル 1201")
    dlg.phone.setFocus()
    ime_commit(dlg.phone, "０９０ー１２３４ー５６７８")  # full width, with the IME's long-vowel dash
    qtbot.keyClick(dlg.phone, Qt.Key.Key_Tab)
    assert dlg.phone.text() == "090-1234-5678"  # read back in national form
    assert dlg.birth.hasFocus()
    ime_commit(dlg.birth, "昭和60年4月1日")
    assert dlg.birth_echo.text() == "昭和60年4月1日 = 1985/04/01"
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.birth)
    view = lookup.show(staff, win.session.desk, members["sato"])
    assert (view.registration, view.postal_code, view.country) == ("full", "100-0005", "JP")
    assert view.address == "東京都千代田区丸の内1-1-1 丸の内ビル 1201"
    assert (view.phone, view.birth_date) == ("+819012345678", date(1985, 4, 1))


def test_one_postcode_several_towns_offers_a_choice(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    qtbot.keyClick(win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, FullRegistrationDialog)
    qtbot.keyClicks(dlg.postal, "0110951")
    qtbot.waitUntil(lambda: dlg.town.count() == 2, timeout=5000)
    assert (dlg.prefecture.text(), dlg.city.text(), dlg.town.currentText()) == ("秋田県", "秋田市", "")
    assert [dlg.town.itemText(i) for i in range(2)] == ["土崎港相染町", "土崎港古川町"]
    assert "choose one" in dlg.postal_state.text()
    _type(qtbot, dlg.street, "2-3")
    _type(qtbot, dlg.phone, "018-845-0001")
    confirm(qtbot, dlg, dlg.phone)
    assert "choose" in dlg.error.text() and dlg.town.hasFocus()
    qtbot.keyClick(dlg.town, Qt.Key.Key_Down)
    qtbot.keyClick(dlg.town, Qt.Key.Key_Down)
    assert dlg.town.currentText() == "土崎港古川町"
    # No birth date on file: full registration is refused invalid_birth_date
    # (docs/program-rules.md 1), and the dialog says so.
    confirm(qtbot, dlg, dlg.phone)
    assert "birth date" in dlg.error.text() and dlg.isVisible()
    assert lookup.show(staff, win.session.desk, members["sato"]).registration == "simple"
    _type(qtbot, dlg.birth, "1985-04-01")
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.phone)
    view = lookup.show(staff, win.session.desk, members["sato"])
    assert view.address == "秋田県秋田市土崎港古川町2-3" and view.postal_code == "011-0951"


def test_unknown_postcode_and_a_foreign_address(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    qtbot.keyClick(win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, FullRegistrationDialog)
    qtbot.keyClicks(dlg.postal, "999-9999")
    qtbot.waitUntil(lambda: "No such postal code" in dlg.postal_state.text(), timeout=5000)
    # A guest from abroad: one free-form line.
    dlg.country.lineEdit().selectAll()
    _type(qtbot, dlg.country, "US")     # the country is chosen from a list; its code finds it
    assert dlg.country.code() == "US"
    assert dlg.address.isVisibleTo(dlg) and not dlg.town.isVisibleTo(dlg) and dlg.postal_state.text() == ""
    dlg.postal.clear()
    _type(qtbot, dlg.postal, "10118")
    _type(qtbot, dlg.address, "350 Fifth Avenue, New York, NY")
    _type(qtbot, dlg.phone, "2127363100")
    qtbot.keyClick(dlg.phone, Qt.Key.Key_Tab)
    assert dlg.phone.text() == "+1 212-736-3100"
    _type(qtbot, dlg.birth, "1985-04-01")
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.phone)
    view = lookup.show(staff, win.session.desk, members["sato"])
    assert (view.country, view.postal_code, view.address, view.phone) == (
        "US", "10118", "350 Fifth Avenue, New York, NY", "+12127363100")


def test_existing_japanese_address_is_split_again(qtbot, window_for, members, staff):
    from desk_app.services import registration
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog

    from .conftest import office

    registration.update_contact(staff, office(), members["yamada"], address="東京都千代田区丸の内2-4-1 丸ビル 35F")
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, FullRegistrationDialog)
    qtbot.waitUntil(lambda: dlg.street.text() == "2-4-1", timeout=5000)
    assert (dlg.town.currentText(), dlg.building.text()) == ("丸の内", "丸ビル 35F")
    assert dlg.phone.text() == "090-1234-5678"
    assert dlg.address_text() == "東京都千代田区丸の内2-4-1 丸ビル 35F"


# -- 3. enrolment and name change: romaji, era birth dates ------------------------

def test_enrol_with_romaji_and_an_era_birth_date(qtbot, window_for, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog

    win = window_for("clerk1")
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, EnrolDialog)
    ime_commit(dlg.family, "鈴木")
    qtbot.keyClick(dlg.family, Qt.Key.Key_Tab)
    ime_commit(dlg.given, "一郎")
    qtbot.keyClick(dlg.given, Qt.Key.Key_Tab)
    ime_commit(dlg.family_kana, "スズキ")
    qtbot.keyClick(dlg.family_kana, Qt.Key.Key_Tab)
    ime_commit(dlg.given_kana, "イチロウ")
    qtbot.keyClick(dlg.given_kana, Qt.Key.Key_Tab)
    assert dlg.family_roman.hasFocus()  # the romaji follow the readings
    qtbot.keyClicks(dlg.family_roman, "Suzuki")
    qtbot.keyClick(dlg.family_roman, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.given_roman, "Ichiroh")  # as in his passport, not plain Hepburn
    _type(qtbot, dlg.email, "ichiro.suzuki@example.jp")
    # An era date, full width as an IME writes it: he is 16, so the guardian is asked.
    ime_commit(dlg.birth, "平成２２年５月６日")
    assert dlg.birth_echo.text() == "平成22年5月6日 = 2010/05/06"
    assert not dlg.consent.isHidden() and not dlg.consent_note.isHidden()
    confirm(qtbot, dlg, dlg.birth)
    assert "under 18" in dlg.error.text()
    qtbot.mouseClick(dlg.consent, Qt.MouseButton.LeftButton, pos=dlg.consent.rect().center())
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.birth)
    stored = lookup.show(staff, win.session.desk, win.member.member_number)
    assert (stored.family_name, stored.given_name, stored.family_roman, stored.given_roman) == (
        "鈴木", "一郎", "Suzuki", "Ichiroh")
    assert stored.birth_date == date(2010, 5, 6)


@pytest.mark.parametrize("typed, echo, kept", [
    ("S60.4.1", "昭和60年4月1日 = 1985/04/01", date(1985, 4, 1)),
    ("令和元年5月1日", "令和元年5月1日 = 2019/05/01", None),   # a child: consent asked, not given
    ("1985-04-01", "昭和60年4月1日 = 1985/04/01", date(1985, 4, 1)),
    ("昭和64年1月8日", "", None),                           # already 平成元年: not a date
])
def test_birth_date_echo(qtbot, staff, typed, echo, kept):
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog

    from .conftest import session_for

    dlg = EnrolDialog(session_for(staff, "clerk1"))
    qtbot.addWidget(dlg)
    ime_commit(dlg.birth, typed)
    assert dlg.birth_echo.text() == echo
    assert dlg.birth.peek() == (kept or (date(2019, 5, 1) if "令和" in typed else None))


def test_romaji_must_be_latin(qtbot, window_for):
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog

    win = window_for("clerk1")
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, EnrolDialog)
    qtbot.keyClicks(dlg.family, "Mori")
    qtbot.keyClicks(dlg.given, "Aya")
    ime_commit(dlg.family_roman, "もり")
    _type(qtbot, dlg.email, "aya.mori@example.jp")
    confirm(qtbot, dlg, dlg.email)
    assert "Latin letters" in dlg.error.text() and dlg.isVisible()


def test_supervisor_changes_a_name_and_the_romaji_follow(qtbot, staff, members):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.name_change_dialog import NameChangeDialog

    from .conftest import office, session_for

    member = lookup.show(staff, office(), members["sato"])
    dlg = NameChangeDialog(session_for(staff, "super"), member)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitActive(dlg)
    assert (dlg.family.text(), dlg.family_roman.text(), dlg.given_roman.text()) == ("Sato", "Sato", "Hana")
    dlg.family.selectAll()
    ime_commit(dlg.family, "高橋")  # a new name: the old romaji no longer fit, so they are derived again
    assert dlg.family_roman.text() == "" and dlg.given_roman.text() == "Hana"
    dlg.family_kana.setFocus()
    dlg.family_kana.selectAll()
    qtbot.keyClick(dlg.family_kana, Qt.Key.Key_Delete)
    ime_commit(dlg.family_kana, "たかはし")  # hiragana: stored as katakana
    confirm(qtbot, dlg, dlg.family_kana)
    assert "reason" in dlg.error.text()
    _type(qtbot, dlg.reason, "marriage; passport shown")
    with qtbot.waitSignal(dlg.sig_done, timeout=5000):
        confirm(qtbot, dlg, dlg.reason)
    view = lookup.show(staff, office(), members["sato"])
    assert (view.family_name, view.family_kana, view.family_roman, view.given_roman) == (
        "高橋", "タカハシ", "Takahashi", "Hana")
    assert lookup.history(staff, office(), members["sato"])[0].kind == "name_change"


def test_a_clerk_cannot_change_a_name(qtbot, staff, members):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.name_change_dialog import NameChangeDialog

    from .conftest import office, session_for

    dlg = NameChangeDialog(session_for(staff, "clerk1"), lookup.show(staff, office(), members["sato"]))
    qtbot.addWidget(dlg)
    dlg.show()
    _type(qtbot, dlg.reason, "typo")
    confirm(qtbot, dlg, dlg.reason)
    assert "role does not allow" in dlg.error.text()


# -- 4. the card's name order -------------------------------------------------------

def test_name_order_chosen_in_settings_changes_the_card(qtbot, window_for, members):
    from desk_app import config
    from desk_app.ui.dialogs.card_dialog import CardDialog
    from desk_app.ui.dialogs.settings_dialog import SettingsDialog

    win = window_for("super")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    card = wait_dialog(qtbot, win, CardDialog)
    qtbot.waitUntil(lambda: card.face is not None, timeout=5000)
    assert card.face.name == "YAMADA Taro"
    qtbot.keyClick(card, Qt.Key.Key_Escape)

    win.actions_by_name["actionSettings"].trigger()
    dlg = wait_dialog(qtbot, win, SettingsDialog)
    assert dlg.name_order.currentData() == "family_first"
    dlg.name_order.setFocus()
    qtbot.keyClick(dlg.name_order, Qt.Key.Key_Down)
    assert dlg.name_order.currentData() == "given_first"
    assert dlg.name_order.currentText() == "Given name first: Taro Yamada"
    with qtbot.waitSignal(dlg.sig_done, timeout=5000):
        confirm(qtbot, dlg, dlg.name_order)
    qtbot.waitUntil(lambda: win.session.settings.name_order == "given_first", timeout=5000)
    assert config.load().name_order == "given_first" and win.session.settings.name_order == "given_first"

    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    card = wait_dialog(qtbot, win, CardDialog)
    qtbot.waitUntil(lambda: card.face is not None, timeout=5000)
    assert card.face.name == "Taro Yamada"
    assert card.face.sequence == 1  # the same card drawn again, not a new one


# -- 5. slips and vouchers in the member's language ---------------------------------

def test_japanese_members_voucher_on_an_english_desk(qtbot, window_for, members, staff, printed):
    from desk_app.ui import formatting as fmt, printing
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog

    assert fmt.current_language() == "en"
    win = window_for("clerk1")
    member = open_member(qtbot, win, members["yamada"])
    assert member.preferred_language == "ja"
    qtbot.keyClick(win, Qt.Key.Key_F9)
    dlg = wait_dialog(qtbot, win, RedeemDialog)
    codes = [o.code for o in dlg.model.rows()]
    dlg.table.selectRow(codes.index("breakfast_adult"))
    dlg.identity.setFocus()
    qtbot.keyClick(dlg.identity, Qt.Key.Key_Space)
    review_and_post(qtbot, dlg)  # Ctrl+Enter, then Enter on the review line
    assert dlg.completed, dlg.error.text()
    assert dlg.result_label.text().startswith("Redeemed")  # the clerk reads English
    slip = _slip(dlg)
    assert slip["title"] == "特典引換券"
    assert slip["特典"] == "朝食特典 大人" and slip["数量"] == "1"
    assert slip["日付"] == "2026年6月15日" and slip["使用ポイント"] == "2,000"
    assert slip["氏名"] == "Yamada Taro"  # as registered (the test member's name is in Latin letters)
    assert slip["footer"] == "担当 clerk1 · 端末 FRONT-1"
    # Printed in the bundled Japanese font, every character of it.
    qtbot.keyClick(dlg, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.read_bytes().startswith(b"%PDF")
    from PySide6.QtGui import QFontMetrics

    font = printing.slip_font()
    assert "Noto Sans" in font.family() and "JP" in font.family()
    text = slip["title"] + "".join(k + v for k, v in dlg.slip[1]) + slip["footer"]
    metrics = QFontMetrics(font)
    assert [ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))] == []
    image = printing.render_slip(*dlg.slip)
    assert image.width() == 320 and image.height() > 150


def test_english_members_slip_on_a_japanese_desk(qtbot, window_for, members, staff, printed, desk_language):
    from desk_app.ui.dialogs.pay_by_points_dialog import PayByPointsDialog

    desk_language("ja")
    _prefer(staff, members["yamada"], "en")
    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    dlg = wait_dialog(qtbot, win, PayByPointsDialog)
    dlg.amount.lineEdit().selectAll()
    qtbot.keyClicks(dlg.amount, "1500")
    qtbot.keyClick(dlg.amount, Qt.Key.Key_Tab)
    assert dlg.amount.text() == "1,500円"  # the desk writes yen the Japanese way
    dlg.identity.setChecked(True)
    review_and_post(qtbot, dlg)  # Ctrl+Enter, then Enter on the review line
    assert dlg.completed, dlg.error.text()
    assert "1,500円" in dlg.result_label.text()
    slip = _slip(dlg)
    assert slip["title"] == "Pay by Points voucher"
    assert slip["Paid with points"] == "¥1,500" and slip["Date"] == "2026/06/15"
    assert slip["Name"] == "Taro Yamada"  # romaji, given name first, for a guest who reads English
    assert slip["footer"] == "Clerk cash1 · Terminal FRONT-1"


def test_stay_receipt_in_japanese_with_payment_and_dates(qtbot, staff, members, printed):
    """A restaurant receipt for a Japanese member: the payment method and
    the yen in Japanese, through the member's own translator."""
    from desk_app.services import lookup
    from desk_app.ui import printing
    from desk_app.ui.dialogs.bill_dialog import BillDialog

    from .conftest import office, session_for

    member = lookup.show(staff, office(), members["yamada"])
    dlg = BillDialog(session_for(staff, "cash1"), member)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitActive(dlg)
    # The dialog readies the member's catalogue on the worker (compiling it
    # the first time in a test process); the posting queues behind it, so
    # wait for it here rather than let a busy machine run out confirm()'s time.
    qtbot.waitUntil(lambda: "ja" in printing._slip_translators, timeout=120_000)
    qtbot.waitUntil(lambda: not dlg.worker.busy, timeout=10_000)
    qtbot.keyClicks(dlg.check, "C90")
    dlg.charges.set("fnb", 10000)
    dlg.payment.setCurrentIndex(dlg.payment.findData("card"))
    review_and_post(qtbot, dlg)  # Ctrl+Enter, then Enter on the review line
    assert dlg.completed, dlg.error.text()
    slip = _slip(dlg)
    assert (slip["title"], slip["支払方法"], slip["合計"]) == ("ポイント明細", "クレジットカード", "10,000円")


def test_slip_catalogue_is_prepared_on_the_worker(qtbot, staff, members, monkeypatch):
    """Finding (and perhaps compiling) the member's catalogue is file work:
    it runs on the worker when the dialog opens, before any slip is built."""
    from desk_app.services import lookup
    from desk_app.ui import printing
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog

    from .conftest import office, session_for

    monkeypatch.setattr(printing, "_slip_translators", {})
    threads = []
    real = printing.slip_catalogue

    def spy(lang):
        threads.append(threading.current_thread())
        return real(lang)

    monkeypatch.setattr(printing, "slip_catalogue", spy)
    session = session_for(staff, "clerk1")
    dlg = RedeemDialog(session, lookup.show(staff, office(), members["yamada"]))
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: "ja" in printing._slip_translators, timeout=30000)
    assert threads and threading.main_thread() not in threads
    assert printing.slip_texts("ja").translate("RedeemDialog", "Award voucher") == "特典引換券"
    assert printing.slip_texts("en").translate("RedeemDialog", "Award voucher") == "Award voucher"
    session.worker.wait()


def test_full_registration_on_a_japanese_desk(qtbot, qapp, window_for, members, staff, tmp_path, monkeypatch):
    import platformdirs

    from desk_app.services import lookup
    from desk_app.ui import formatting as fmt
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog
    from desk_app.ui.i18n import install_language

    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda *a, **k: str(tmp_path / "cache"))
    install_language(qapp, "ja")
    try:
        assert fmt.current_language() == "ja"
        win = window_for("clerk1")
        open_member(qtbot, win, members["sato"])
        qtbot.keyClick(win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        dlg = wait_dialog(qtbot, win, FullRegistrationDialog)
        assert dlg.ok_button.text() == "登録する"
        qtbot.keyClicks(dlg.postal, "5300001")
        qtbot.waitUntil(lambda: dlg.town.currentText() == "梅田", timeout=5000)
        assert (dlg.prefecture.text(), dlg.city.text()) == ("大阪府", "大阪市北区")
        assert dlg.form.labelForField(dlg.prefecture).text() == "都道府県(&E)"
        _type(qtbot, dlg.street, "2-2-2")
        _type(qtbot, dlg.phone, "0612345678")
        qtbot.keyClick(dlg.phone, Qt.Key.Key_Tab)
        assert dlg.phone.text() == "06-1234-5678"
        ime_commit(dlg.birth, "H4.9.14")
        assert dlg.birth_echo.text() == "平成4年9月14日 = 1992年9月14日"
        with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
            confirm(qtbot, dlg, dlg.birth)
        view = lookup.show(staff, win.session.desk, members["sato"])
        assert (view.address, view.birth_date) == ("大阪府大阪市北区梅田2-2-2", date(1992, 9, 14))
        assert "06-1234-5678" in win.member_page.contact.text()
    finally:
        install_language(qapp, "en")
    assert fmt.current_language() == "en"


def _name_change_wired() -> bool:
    from desk_app.ui.main_window import MainWindow

    return hasattr(MainWindow, "on_change_name")


@pytest.mark.skipif(not _name_change_wired(), reason="Office > Change name not wired into main_window.py yet")
def test_change_name_from_the_office_menu(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.name_change_dialog import NameChangeDialog

    from .conftest import office

    clerk = window_for("clerk1")
    assert not clerk.actions_by_name["actionChangeName"].isVisible()  # supervisors only
    win = window_for("super")
    open_member(qtbot, win, members["yamada"])
    win.actions_by_name["actionChangeName"].trigger()
    dlg = wait_dialog(qtbot, win, NameChangeDialog)
    dlg.given_roman.selectAll()
    qtbot.keyClicks(dlg.given_roman, "Tarou")
    _type(qtbot, dlg.reason, "passport spelling")
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.reason)
    assert lookup.show(staff, office(), members["yamada"]).given_roman == "Tarou"
    assert "Yamada Tarou" in win.member_page.kana.text()
