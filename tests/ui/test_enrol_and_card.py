"""Enrolment with the live duplicate check, the card hand-over, full
registration, printing, saving and replacing the card."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from .conftest import confirm, open_member, wait_dialog


def _type(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_enrol_then_card_is_handed_over(qtbot, window_for, members, staff, tmp_path, monkeypatch):
    from desk_app.services import lookup
    from desk_app.ui.dialogs import card_dialog
    from desk_app.ui.dialogs.card_dialog import CardDialog
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog

    win = window_for("clerk1")
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, EnrolDialog)
    assert dlg.family.hasFocus()
    qtbot.keyClicks(dlg.family, "Kobayashi")
    qtbot.keyClick(dlg.family, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.given, "Mei")
    qtbot.keyClick(dlg.given, Qt.Key.Key_Tab)
    assert dlg.family_kana.hasFocus()  # tab order follows the form
    dlg.family_kana.setText("コバヤシ")
    dlg.given_kana.setText("メイ")
    # The live duplicate check: Yamada's address is taken.
    _type(qtbot, dlg.email, "TARO.yamada@example.jp")
    qtbot.waitUntil(lambda: "already belongs to a member" in dlg.email_state.text(), timeout=5000)
    confirm(qtbot, dlg, dlg.email)
    # Said once, under the field, not again at the bottom.
    assert "already belongs to a member" in dlg.email_state.text() and not dlg.error.isVisible()
    assert dlg.family.text() == "Kobayashi"  # nothing typed is lost
    dlg.email.clear()
    _type(qtbot, dlg.email, "mei.k@example.jp")
    qtbot.waitUntil(lambda: "Not registered" in dlg.email_state.text(), timeout=5000)
    # A minor needs the guardian's consent.
    _type(qtbot, dlg.birth, "2012-03-04")
    assert not dlg.consent.isHidden()
    confirm(qtbot, dlg, dlg.birth)
    assert "under 18" in dlg.error.text()
    qtbot.mouseClick(dlg.consent, Qt.MouseButton.LeftButton, pos=dlg.consent.rect().center())
    assert dlg.consent.isChecked()
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.birth)
    card = wait_dialog(qtbot, win, CardDialog)
    qtbot.waitUntil(lambda: card.loaded, timeout=5000)
    number = win.member.member_number
    # The new member has no card yet: the dialog says so, and Enter on "Issue card" hands one over.
    assert card.face is None and "no card yet" in card.info.text().lower()
    assert lookup.show(staff, win.session.desk, number).card is None
    qtbot.waitUntil(card.issue_button.hasFocus)
    with qtbot.waitSignal(card.sig_done, timeout=5000):
        qtbot.keyClick(card.issue_button, Qt.Key.Key_Return)
    assert card.face.member_number == number and card.face.sequence == 1
    assert card.preview.pixmap() is not None and not card.preview.pixmap().isNull()
    stored = lookup.show(staff, win.session.desk, number)
    assert (stored.family_name, stored.given_kana, stored.email) == ("Kobayashi", "メイ", "mei.k@example.jp")
    assert stored.birth_date == date(2012, 3, 4) and stored.registration == "simple"
    assert stored.card.sequence == 1 and stored.card.status == "active"
    # Save as PDF and PNG.
    pdf = tmp_path / "card.pdf"
    monkeypatch.setattr(card_dialog, "ask_save_path", lambda parent, suggested: str(pdf))
    with qtbot.waitSignal(card.sig_saved, timeout=5000):
        qtbot.keyClick(card, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert pdf.read_bytes().startswith(b"%PDF")
    png = tmp_path / "card.png"
    monkeypatch.setattr(card_dialog, "ask_save_path", lambda parent, suggested: str(png))
    with qtbot.waitSignal(card.sig_saved, timeout=5000):
        qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert png.read_bytes().startswith(b"\x89PNG")
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    assert not card.isVisible()


def test_print_and_replace_lost_card(qtbot, window_for, members, staff, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QRadioButton

    from desk_app.services import cards, lookup
    from desk_app.ui import printing
    from desk_app.ui.dialogs.card_dialog import CardDialog

    out = tmp_path / "printed.pdf"

    def fake_printer(parent, page_mm, title):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(printing, "ask_printer", fake_printer)
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    card = wait_dialog(qtbot, win, CardDialog)
    qtbot.waitUntil(lambda: card.face is not None, timeout=5000)
    old_payload = card.face.qr_payload
    assert card.face.sequence == 1  # showing the current card issues nothing
    with qtbot.waitSignal(card.sig_printed, timeout=5000):
        qtbot.keyClick(card, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert out.read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(card.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.replace_dialog is not None and card.replace_dialog.isVisible())
    ask = card.replace_dialog
    lost = ask.findChild(QRadioButton, "reason_lost")
    qtbot.mouseClick(lost, Qt.MouseButton.LeftButton, pos=QPoint(8, lost.height() // 2))
    assert ask.reason() == "lost"
    with qtbot.waitSignal(card.sig_done, timeout=5000):
        qtbot.mouseClick(ask.ok_button, Qt.MouseButton.LeftButton)
    assert card.face.sequence == 2
    assert "no longer works" in card.info.text()
    view = lookup.show(staff, win.session.desk, members["yamada"])
    assert view.card.sequence == 2 and view.card.reason == "lost"
    import pytest

    from desk_app.domain.errors import InvalidCard

    with pytest.raises(InvalidCard):
        cards.verify(staff, win.session.desk, old_payload)


def test_full_registration_from_member_page(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    assert win.member_page.notice.isVisible()
    qtbot.keyClick(win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, FullRegistrationDialog)
    assert dlg.postal.hasFocus()
    qtbot.keyClicks(dlg.postal, "1000005")
    # The postal code fills prefecture, city and town; the clerk types the street number.
    qtbot.waitUntil(lambda: dlg.town.currentText() == "丸の内", timeout=5000)
    dlg.street.setFocus()
    qtbot.keyClicks(dlg.street, "2-2-2")
    dlg.phone.setFocus()
    qtbot.keyClicks(dlg.phone, "12")
    qtbot.keyClick(dlg.phone, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.birth, "1990-02-30")
    confirm(qtbot, dlg, dlg.birth)
    assert "as a date" in dlg.error.text()
    dlg.birth.clear()
    qtbot.keyClicks(dlg.birth, "1990-02-03")
    confirm(qtbot, dlg, dlg.birth)
    assert "telephone" in dlg.error.text()
    dlg.phone.clear()
    qtbot.keyClicks(dlg.phone, "03-1234-5678")
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.phone)
    view = lookup.show(staff, win.session.desk, members["sato"])
    assert view.registration == "full"
    assert (view.postal_code, view.phone, view.birth_date) == ("100-0005", "+81312345678", date(1990, 2, 3))
    assert view.address == "東京都千代田区丸の内2-2-2"
    assert not win.member_page.notice.isVisible()


def test_card_preview_for_a_japanese_member_with_a_premium_selection_hotel(qtbot, window_for, members, staff,
                                                                          tmp_path):
    """docs/program-rules.md 2: the desk's card shows the Premium Selection
    hotel by name, "member since" the enrollment date (2025-01-10, not the
    card's issue date) and, for a member whose language is Japanese, the
    Japanese face; the preview's QR decodes with zxing-cpp."""
    import zxingcpp
    from PIL import Image

    from desk_app.services import registration
    from desk_app.ui.dialogs.card_dialog import CardDialog

    from .conftest import office

    registration.choose_premium_hotel(staff, office(), members["yamada"], "OKT")
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    card = wait_dialog(qtbot, win, CardDialog)
    qtbot.waitUntil(lambda: card.face is not None, timeout=5000)
    face = card.face
    assert (face.language, face.premium_hotel_name, face.member_since, face.name) == (
        "ja", "ホテルオークラ東京", date(2025, 1, 10), "YAMADA Taro")
    path = tmp_path / "preview.png"
    assert card.image.save(str(path))
    assert [d.text for d in zxingcpp.read_barcodes(Image.open(path))] == [face.qr_payload]
    qtbot.keyClick(card, Qt.Key.Key_Escape)
