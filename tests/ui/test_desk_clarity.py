"""Issue 12: every figure on the member page and in its dialogs true and in
the clerk's words, driven like a clerk (keys into whatever has focus)."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt

from .conftest import focused, office, open_member, wait_dialog


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def _history_texts(win, column: str) -> list[str]:
    model = win.member_page.history_model
    col = next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == column)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_expiry_progress_and_zero_points_read_true(qtbot, window_for, members, staff):
    from desk_app.services import posting

    # A restaurant bill in 2026 too: two lots, both expiring at the end of January 2029.
    posting.post_bill(staff, office(), members["yamada"], posting.Bill(
        "C-1", date(2026, 6, 15), {"fnb": 10_000}, "card"))
    # Sato shares a room with Yamada: a companion's row earns no points and says 0.
    posting.post_stay(staff, office(), members["yamada"], posting.StayFolio(
        "F-77", date(2026, 6, 13), date(2026, 6, 15), "direct", {"room": 20_000}, companions=(members["sato"],)))
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    page = win.member_page
    balance = win.member.points_balance
    assert balance > 8_000
    # All the points expiring on the first date, not the first lot's.
    assert page.next_expiry.text() == f"Expires on 2029/01/31: {balance:,} points"
    # Yamada already reached Loyal this year: the next step is Exclusive.
    assert page.progress.format() == "%p% to Exclusive"
    # A member who holds Loyal (from last year) with 70% of it this year keeps it, not "reaches" it.
    holder = dataclasses.replace(win.member, tier="loyal", next_tier="loyal", next_tier_progress=0.7)
    page.show_member(holder, win.in_view.history)
    assert page.progress.text() == "70% to keep Loyal for 2027"

    open_member(qtbot, win, members["sato"])
    points = _history_texts(win, "Points")
    kinds = [e.kind for e in page.history_model.rows()]
    assert points[kinds.index("companion")] == "0"
    assert points[kinds.index("enrol")] == ""   # nothing to earn there: blank
    assert "to Loyal" in page.progress.format() and "keep" not in page.progress.format()


def test_expiry_in_japanese_says_the_same(qtbot, window_for, members, language):
    language("ja")
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    text = win.member_page.next_expiry.text()
    assert text == "2029年1月31日に失効：8,000ポイント", text


def test_redeem_header_refreshed_and_history_names_the_award(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F9)
    dlg = wait_dialog(qtbot, win, RedeemDialog)
    assert dlg.member_header.balance.text() == "8,000 points"
    key = next(o.key for o in dlg.model.rows() if o.code == "breakfast_adult")
    qtbot.keyClicks(focused(), str(key))
    _key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert dlg.identity.isChecked()
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: dlg.reviewing, timeout=5000)
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dlg.completed, timeout=5000)
    # The dialog's header and its balance line show the balance after the redemption.
    assert dlg.member_header.balance.text() == "6,000 points"
    assert not dlg.balance_label.isVisibleTo(dlg)   # said once: in the header
    _key(qtbot, Qt.Key.Key_Return)   # Close
    qtbot.waitUntil(lambda: not dlg.isVisible())
    refs = _history_texts(win, "Reference")
    assert refs[0] == "Breakfast Award, adult"
    assert "breakfast_adult" not in refs


def test_reversal_names_the_award_it_undoes(qtbot, window_for, members, staff):
    from desk_app.services import redemption, reversal

    r = redemption.redeem(staff, office(), members["yamada"], "breakfast_adult", 1)
    reversal.reverse(staff, office(), r.transaction_id, "keyed in error")
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    what = _history_texts(win, "What")
    assert any(w.startswith("Reversal of #") and "Breakfast Award, adult" in w for w in what), what
    assert any("reversed by #" in w for w in what), what


# -- messages ------------------------------------------------------------------------------------
def test_f6_as_a_cashier_says_why(qtbot, window_for, members):
    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F6)
    notice = win.member_page.action_notice
    assert notice.isVisible()
    assert notice.text().startswith("F6 Post stay at checkout is not part of a Cashier's work"), notice.text()
    assert win.dialog is None
    # The toolbar buttons carry their keys.
    assert win.actions_by_name["actionPostBill"].iconText() == "F8 Post restaurant bill"


def test_redeem_for_a_simple_registration_says_ctrl_r_on_the_page(qtbot, window_for, members):
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    _key(qtbot, Qt.Key.Key_F9)
    page = win.member_page
    assert "Ctrl+R" in page.message()
    # Said once: the page's own notice says it already, so that one is marked, not repeated.
    assert page.notice.isVisible() and page.message() in page.notice.text() and not page.action_notice.isVisible()
    assert "#c62828" in page.notice.styleSheet()
    assert win.dialog is None   # no dialog where nothing can be chosen
    _key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_dialog(qtbot, win, FullRegistrationDialog)


def test_redeem_with_too_few_points_gives_the_figures(qtbot, window_for, members, staff):
    from desk_app.services import registration

    registration.complete_registration(staff, office(), members["sato"], postal_code="100-0005",
                                       address="Tokyo, Chiyoda-ku, Marunouchi 1-1-1", country="JP",
                                       phone="090-1111-2222", birth_date=date(1990, 1, 1))
    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    _key(qtbot, Qt.Key.Key_F9)
    assert win.member_page.action_notice.isVisible()
    text = win.member_page.action_notice.text()
    assert text == ("Nothing can be redeemed yet: the balance is 0 points and the smallest award here needs "
                    "400 points."), text   # Pay by Points: 400 points for ¥500


def test_a_refusal_is_said_once_and_goes_when_fixed(qtbot, window_for, members, staff):
    from desk_app.services import posting
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    posting.post_stay(staff, office(), members["yamada"], posting.StayFolio(
        "F-DUP", date(2026, 6, 14), date(2026, 6, 15), "direct", {"room": 10_000}))
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    qtbot.keyClicks(focused(), "F-DUP")
    qtbot.waitUntil(lambda: dlg.error.isVisible(), timeout=5000)
    assert dlg.error.text() == "F-DUP has already been posted at this hotel: a folio or check is posted once."
    assert not dlg.preview.isVisible()          # not also in blue
    qtbot.keyClicks(focused(), "2")              # F-DUP2: a new folio
    assert not dlg.error.isVisible()
    # No room charge yet: a hint in the preview, not a refusal in red.
    qtbot.waitUntil(lambda: dlg.preview.isVisible() and "room charge" in dlg.preview.text(), timeout=5000)
    assert not dlg.error.isVisible()


def test_pay_by_points_units_in_one_wording_with_figures(qtbot, window_for, members):
    from desk_app.ui.dialogs.pay_by_points_dialog import PayByPointsDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    dlg = wait_dialog(qtbot, win, PayByPointsDialog)
    qtbot.keyClicks(focused(), "1200")
    assert dlg.points_label.text() == "Only whole ¥500 units can be paid with points. ¥1,000 or ¥1,500, for example."


# -- the restaurant bill -------------------------------------------------------------------------
def test_restaurant_bill_asks_restaurant_lines_and_carries_pay_by_points(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.bill_dialog import BillDialog
    from desk_app.ui.dialogs.pay_by_points_dialog import PayByPointsDialog

    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    pay = wait_dialog(qtbot, win, PayByPointsDialog)
    qtbot.keyClicks(focused(), "1500")
    _key(qtbot, Qt.Key.Key_Tab)
    assert focused() is pay.folio
    qtbot.keyClicks(focused(), "C88")
    _key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pay.reviewing, timeout=5000)
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: pay.completed, timeout=5000)
    _key(qtbot, Qt.Key.Key_Return)   # Close
    qtbot.waitUntil(lambda: not pay.isVisible())
    qtbot.waitUntil(win.lookup_input.hasFocus)

    _key(qtbot, Qt.Key.Key_F8)
    bill = wait_dialog(qtbot, win, BillDialog)
    assert list(bill.charges.fields) == ["fnb", "tax", "service", "tip", "paid_by_points"]
    assert bill.charges.fields["paid_by_points"].value() == 1500 and bill.check.text() == "C88"
    _key(qtbot, Qt.Key.Key_Tab)   # date
    _key(qtbot, Qt.Key.Key_Tab)   # payment
    _key(qtbot, Qt.Key.Key_Tab)   # food and drink
    assert focused() is bill.charges.fields["fnb"]
    qtbot.keyClicks(focused(), "12000")
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bill.reviewing, timeout=5000)
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bill.completed, timeout=5000)
    entry = lookup.history(staff, office(), members["yamada"])[0]
    # 12,000 yen less the 1,500 paid with points earns on 10,500: 105 points (+25% Loyal bonus).
    assert (entry.kind, entry.reference) == ("bill", "C88")
    assert entry.points == 131, entry.points
    assert win.paid_with_points == {}


# -- privacy -------------------------------------------------------------------------------------
def test_a_cashier_sees_contact_data_masked_on_the_page(qtbot, window_for, members):
    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    contact = win.member_page.contact.text()
    assert "t***@example.jp" in contact and "5678" in contact
    assert "taro.yamada" not in contact and "1234" not in contact and "Marunouchi" not in contact


def test_a_clerk_sees_contact_data_in_full(qtbot, window_for, members):
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    contact = win.member_page.contact.text()
    assert "taro.yamada@example.jp" in contact and "090-1234-5678" in contact and "Marunouchi" in contact


# -- enrolment -----------------------------------------------------------------------------------
def _enrol_dialog(qtbot, win):
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog

    _key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    return wait_dialog(qtbot, win, EnrolDialog)


def test_a_kanji_name_needs_its_reading_and_romaji_is_previewed(qtbot, window_for, members, staff):
    from desk_app.services import lookup

    from .conftest import ime_commit

    win = window_for("clerk1")
    dlg = _enrol_dialog(qtbot, win)
    assert dlg.family.placeholderText() == "e.g. 山田" and dlg.family_roman.placeholderText() == "e.g. Yamada"
    assert "YYYY-MM-DD" not in dlg.birth.placeholderText()
    ime_commit(focused(), "鈴木")
    _key(qtbot, Qt.Key.Key_Tab)
    ime_commit(focused(), "一郎")
    _key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dlg.family_kana
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dlg.email
    qtbot.keyClicks(focused(), "ichiro.suzuki@example.jp")
    _key(qtbot, Qt.Key.Key_Return)
    assert "needs its reading in kana" in dlg.error.text() and focused() is dlg.family_kana
    assert not dlg.no_reading_reason.isVisibleTo(dlg)   # a clerk cannot waive it
    ime_commit(focused(), "スズキ")
    assert not dlg.error.isVisible()                     # gone once the clerk types
    assert dlg.family_roman.placeholderText() == "Suzuki"   # the card's romaji, previewed
    _key(qtbot, Qt.Key.Key_Tab)
    ime_commit(focused(), "イチロウ")
    assert dlg.given_roman.placeholderText() == "Ichiro"
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        dlg.email.setFocus()
        _key(qtbot, Qt.Key.Key_Return)
    found = lookup.lookup(staff, office(), "スズキ")
    assert [m.family_name for m in found] == ["鈴木"]
    assert (found[0].family_roman, found[0].given_roman) == ("Suzuki", "Ichiro")


def test_a_supervisor_may_enrol_a_kanji_name_without_reading_with_a_reason(qtbot, window_for, staff):
    from desk_app.services import lookup

    from .conftest import ime_commit

    win = window_for("super")
    dlg = _enrol_dialog(qtbot, win)
    ime_commit(focused(), "東海林")
    _key(qtbot, Qt.Key.Key_Tab)
    ime_commit(focused(), "聡")
    dlg.email.setFocus()
    qtbot.keyClicks(focused(), "s.shoji@example.jp")
    _key(qtbot, Qt.Key.Key_Return)
    assert "needs its reading" in dlg.error.text()
    assert dlg.no_reading_reason.isVisibleTo(dlg)
    dlg.no_reading_reason.setFocus()
    qtbot.keyClicks(focused(), "guest left before spelling it")
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        _key(qtbot, Qt.Key.Key_Return)
    number = win.member.member_number
    enrol = [e for e in lookup.history(staff, office(), number) if e.kind == "enrol"][0]
    assert "no reading: guest left before spelling it" in enrol.reason


def test_country_is_chosen_from_a_list(qtbot, window_for, members):
    from desk_app.ui.dialogs.full_registration_dialog import FullRegistrationDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    _key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, FullRegistrationDialog)
    assert dlg.country.currentText() == "Japan (JP)" and dlg.country.code() == "JP"
    assert dlg.country.count() > 150
    dlg.country.setFocus()
    dlg.country.lineEdit().selectAll()
    qtbot.keyClicks(focused(), "Fra")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert dlg.country.code() == "FR", dlg.country.currentText()


# -- polish --------------------------------------------------------------------------------------
def test_polish_columns_close_button_status_and_language_keys(qtbot, window_for, members):
    from PySide6.QtWidgets import QHeaderView

    from desk_app.ui.dialogs.stay_dialog import StayDialog

    win = window_for("clerk1")
    stretch = QHeaderView.ResizeMode.Stretch
    assert win.results_view.horizontalHeader().sectionResizeMode(1) == stretch          # Name, not Status
    assert not win.results_view.horizontalHeader().stretchLastSection()
    history = win.member_page.history_view.horizontalHeader()
    assert history.sectionResizeMode(1) == stretch and not history.stretchLastSection()  # What, not Clerk
    assert "text-align: center" in win.member_page.progress.styleSheet()
    language_keys = {a.shortcut().toString() for a in win.language_menu.actions_by_code.values()}
    assert language_keys == {"Ctrl+Alt+E", "Ctrl+Alt+J"}

    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    icon_before = dlg.ok_button.icon().cacheKey()
    qtbot.keyClicks(focused(), "F-POL")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(focused(), "1")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(focused(), "20000")
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dlg.reviewing, timeout=5000)
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dlg.completed, timeout=5000)
    assert "1 night." in dlg.result_label.text() or "1 night" in dlg.result_label.text()
    assert "night(s)" not in dlg.result_label.text()
    assert dlg.ok_button.text() == "Close" and dlg.ok_button.icon().cacheKey() != icon_before


def test_signed_out_status_has_no_empty_clerk(qtbot, window_for):
    win = window_for("clerk1")
    assert win.status_label.text().startswith("Kenta Clerk (Clerk)  ·  ")
    win.session = win.session.signed_in(None)
    win.apply_role()
    assert win.status_label.text().startswith("Signed out  ·  ") and "()" not in win.status_label.text()


def test_language_switch_keeps_the_search(qtbot, staff, members, language):
    from .test_i18n import _desk_with_window

    desk = _desk_with_window(qtbot, staff, "clerk1")
    old = desk.window
    open_member(qtbot, old, "yamada")   # a search by name, one hit
    with qtbot.waitSignal(desk.sig_window, timeout=5000):
        _key(qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    win = desk.window
    qtbot.addWidget(win)
    assert win.lookup_input.text() == "yamada"
    qtbot.waitUntil(lambda: win.member is not None and win.member.member_number == members["yamada"])
    # The page still answers the search on screen: typing on clears it, as before.
    assert win.in_view.matches("yamada")
    desk.worker.wait()


def test_refusals_carry_their_figures(qapp):
    from desk_app.domain import errors
    from desk_app.ui import messages

    assert messages.describe(errors.InsufficientPoints("The member has 1,500 valid points; 2,000 are needed.")) == (
        "The member does not have enough points for this: 1,500 valid points, 2,000 needed.")
    assert messages.describe(errors.InvalidAmount("Pay by Points covers whole 500-yen units only.")) == (
        "Only whole ¥500 units can be paid with points.")
    # The code alone (a report's refusal list): the plain sentence.
    assert messages.describe(errors.DeskError("", "insufficient_points")) == (
        "The member does not have enough points for this.")
