"""What a new clerk ran into with money at the desk (issue 8, "What was
seen"), each driven with real keys and clicks into whatever has focus."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from .conftest import (click_row, focused, make_member, office, open_member, review_and_post, scan,
                       wait_dialog)

CTRL = Qt.KeyboardModifier.ControlModifier


def _payload(db, number: str) -> str:
    """The QR payload of the member's current card (re-showing it writes nothing)."""
    from desk_app.services import cards

    return cards.issue(db, office(), number).qr_payload


def _entries(db, number: str):
    from desk_app.services import lookup

    return lookup.history(db, office(), number)


def _balance(db, number):
    from desk_app.services import lookup

    return lookup.show(db, office(), number).points_balance


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def _search(qtbot, win, text: str) -> None:
    qtbot.keyClick(win, Qt.Key.Key_F2)
    with qtbot.waitSignal(win.sig_results, timeout=5000):
        _type(qtbot, text)


def _three_satos(staff):
    make_member(staff, "Sato", "Ken", "ken.sato@example.jp", "サトウ", "ケン")
    make_member(staff, "Sato", "Yui", "yui.sato@example.jp", "サトウ", "ユイ")


# -- 1. A scan opens the wrong member ---------------------------------------------------------------
def test_a_scan_opens_the_scanned_member_whatever_has_focus(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    _three_satos(staff)
    yamada = _payload(staff, members["yamada"])
    win = window_for("clerk1")
    _search(qtbot, win, "sato")
    assert win.results_model.rowCount() == 3
    # The clerk clicks the second Sato, then the guest hands over Yamada's card.
    click_row(qtbot, win.results_view, 1)
    assert focused() is win.results_view
    highlighted = win.results_model.row(1).member_number
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000) as shown:
        scan(qtbot, yamada)
    assert shown.args[0].member_number == members["yamada"] != highlighted
    qtbot.waitUntil(lambda: win.member is not None and win.member.member_number == members["yamada"])
    qtbot.wait(300)  # nothing else opens after it (the burst's Enter never activates the row)
    assert win.member.member_number == members["yamada"]
    assert win.member_page.number.text() == members["yamada"]
    assert win.lookup_input.text() == yamada

    # Tab puts focus on the results list: the scan is not swallowed by it.
    _search(qtbot, win, "sato")
    _key(qtbot, Qt.Key.Key_Tab)
    assert focused() is win.results_view
    sato = _payload(staff, members["sato"])
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000) as shown:
        scan(qtbot, sato)
    assert shown.args[0].member_number == members["sato"]

    # A scan while a dialog is open is caught: never typed into a field, never posted.
    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    assert focused() is dlg.folio
    before = len(_entries(staff, members["yamada"]))
    scan(qtbot, sato)
    assert dlg.folio.text() == ""
    notice = dlg.findChild(QLabel, "scanNotice")
    assert notice is not None and notice.isVisible()
    assert "close this window first" in notice.text().lower()
    assert win.member.member_number == members["yamada"] and dlg.isVisible()
    assert len(_entries(staff, members["yamada"])) == before
    # Typing a name that starts like the prefix still reaches the field.
    _type(qtbot, "HD-7")
    qtbot.waitUntil(lambda: dlg.folio.text() == "HD-7")


# -- 2. Pay by Points: typing 1000 gives ¥10,000 ----------------------------------------------------
def test_pay_by_points_typed_amount_replaces_and_a_shortfall_cannot_be_paid(qtbot, window_for, members, staff):
    from desk_app.services import office as office_service
    from desk_app.ui.dialogs.pay_by_points_dialog import PayByPointsDialog
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    dlg = wait_dialog(qtbot, win, PayByPointsDialog)
    assert focused() is dlg.amount
    _type(qtbot, "1000")
    assert dlg.amount.value() == 1000
    assert "800 points; 7,200 left after" in dlg.points_label.text()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(win.lookup_input.hasFocus)

    # 760 points: ¥1,000 needs 800.
    office_service.adjust(staff, office(), members["yamada"], -7_240, "test: a small balance")
    qtbot.keyClick(win, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: win.member.points_balance == 760, timeout=5000)
    _key(qtbot, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    dlg = wait_dialog(qtbot, win, PayByPointsDialog)
    _type(qtbot, "1000")
    text = dlg.points_label.text()
    assert "needs 800, has 760; at most ¥500 can be paid with points" in text
    assert "#" in dlg.points_label.styleSheet() and "c62828" in dlg.points_label.styleSheet().lower()
    assert not dlg.ok_button.isEnabled()
    dlg.identity.setChecked(True)
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.wait(300)
    assert not dlg.completed and not dlg.reviewing
    assert "needs 800, has 760" in dlg.error.text()
    assert _balance(staff, members["yamada"]) == 760
    # Back to ¥500: it fits.
    dlg.amount.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: dlg.amount.lineEdit().selectedText() == "1,000")
    _type(qtbot, "500")
    assert "400 points; 360 left after" in dlg.points_label.text() and dlg.ok_button.isEnabled()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(win.lookup_input.hasFocus)

    # Redeem: two adult breakfasts need 4,000; the balance after is red and it is refused.
    office_service.adjust(staff, office(), members["yamada"], 2_240, "test: 3,000 points")
    qtbot.keyClick(win, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: win.member.points_balance == 3_000, timeout=5000)
    _key(qtbot, Qt.Key.Key_F9)
    red = wait_dialog(qtbot, win, RedeemDialog)
    _key(qtbot, Qt.Key.Key_5)  # Breakfast Award, adult
    assert red.offer().code == "breakfast_adult"
    _key(qtbot, Qt.Key.Key_Return)  # to the quantity
    assert focused() is red.quantity
    _type(qtbot, "2")
    assert red.quantity.value() == 2
    assert "needs 4,000, has 3,000" in red.after.text()
    assert "c62828" in red.after.styleSheet().lower()
    assert not red.ok_button.isEnabled()
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.wait(300)
    assert not red.completed and not red.reviewing
    assert _balance(staff, members["yamada"]) == 3_000


# -- 3. The page and the search disagree -----------------------------------------------------------
def _cleared(win) -> bool:
    a = win.actions_by_name
    return (win.member is None and win.member_page.view is None
            and win.member_page.findChild(QLabel, "noMemberLabel").isVisible()
            and "no member selected" in win.member_page.findChild(QLabel, "noMemberLabel").text().lower()
            and win.windowTitle() == "Harmony Desk"
            and not any(a[n].isEnabled() for n in ("actionPostStay", "actionPostBill", "actionRedeem",
                                                    "actionPayByPoints", "actionIssueCard")))


def test_the_page_clears_as_soon_as_the_search_no_longer_matches(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    win = window_for("clerk1")
    for typed in ("sa", "12345", "nobody-like-this"):
        open_member(qtbot, win, members["yamada"])
        assert members["yamada"] in win.windowTitle() and "Yamada Taro" in win.windowTitle()
        qtbot.keyClick(win, Qt.Key.Key_F2)
        _type(qtbot, typed)  # a new search, a half-typed number, no result
        assert _cleared(win), typed
        _key(qtbot, Qt.Key.Key_F6)
        qtbot.wait(200)
        assert win.dialog is None  # F6 acts on nobody
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not win._query_running, timeout=5000)
        qtbot.wait(100)
        if win.results_model.rowCount() != 1:
            assert _cleared(win), typed

    # A refused card: the page does not stay on the previous member.
    open_member(qtbot, win, members["yamada"])
    forged = _payload(staff, members["sato"])[:-4] + "AAAA"
    with qtbot.waitSignal(win.sig_results, timeout=5000):
        scan(qtbot, forged)
    assert "not genuine" in win.lookup_status.text()
    assert _cleared(win)
    _key(qtbot, Qt.Key.Key_F9)
    qtbot.wait(200)
    assert win.dialog is None

    # Every action dialog names the member, large, in its header.
    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    name = dlg.findChild(QLabel, "memberHeaderName")
    number = dlg.findChild(QLabel, "memberHeaderNumber")
    assert name.text() == "Yamada Taro" and number.text() == members["yamada"]
    assert name.font().pointSizeF() >= 1.4 * dlg.folio.font().pointSizeF()


def test_every_member_dialog_has_the_member_header(qtbot, window_for, members):
    win = window_for("super")
    open_member(qtbot, win, members["yamada"])
    opened = 0
    for name in ("actionFullRegistration", "actionIssueCard", "actionPremiumSelection", "actionPostStay",
                 "actionClaimStay", "actionPostBill", "actionRedeem", "actionPayByPoints", "actionAdjust",
                 "actionChangeName", "actionMerge", "actionWithdraw"):
        win.actions_by_name[name].trigger()
        qtbot.waitUntil(lambda: win.dialog is not None and win.dialog.isVisible(), timeout=5000)
        dlg = win.dialog
        header = dlg.findChild(QLabel, "memberHeaderNumber")
        assert header is not None and header.text() == members["yamada"], name
        assert dlg.findChild(QLabel, "memberHeaderName").text() == "Yamada Taro", name
        dlg.reject()
        qtbot.waitUntil(lambda: win.dialog is None or not win.dialog.isVisible(), timeout=5000)
        opened += 1
    assert opened == 12


# -- 4. One key posts --------------------------------------------------------------------------------
def test_enter_moves_through_post_stay_and_a_review_line_posts(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    before = len(_entries(staff, members["yamada"]))
    _key(qtbot, Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    _type(qtbot, "F20")  # a half-typed folio, then Enter
    _key(qtbot, Qt.Key.Key_Return)
    assert focused() is dlg.nights
    _key(qtbot, Qt.Key.Key_Return)   # the dates follow from Nights: on to the first charge
    assert focused() is dlg.charges.fields["room"]
    _type(qtbot, "50000")
    _key(qtbot, Qt.Key.Key_Return)
    assert dlg.charges.fields["room"].value() == 50000
    qtbot.wait(400)
    assert not dlg.completed and len(_entries(staff, members["yamada"])) == before

    # Ctrl+Enter: the one-line review; Esc returns to the form, nothing posted.
    dlg.folio.setFocus()
    _type(qtbot, "1")
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dlg.reviewing, timeout=5000)
    line = dlg.findChild(QLabel, "reviewLine")
    assert line.isVisible()
    assert line.text().startswith("Yamada Taro " + members["yamada"])
    for part in ("+1,250 points", "1 night", "¥50,000"):
        assert part in line.text(), line.text()
    _key(qtbot, Qt.Key.Key_Escape)
    assert not dlg.reviewing and dlg.isVisible() and not line.isVisible()
    assert len(_entries(staff, members["yamada"])) == before
    # Ctrl+Enter, Enter: posted, one key more than before.
    with qtbot.waitSignal(win.sig_member_shown, timeout=10000):
        _key(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: dlg.reviewing, timeout=5000)
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dlg.completed, timeout=10000)
    assert _entries(staff, members["yamada"])[0].reference == "F201"
    assert _balance(staff, members["yamada"]) == 8_000 + 1_000 + 250


def test_enter_moves_in_the_restaurant_bill_too(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.bill_dialog import BillDialog

    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    _key(qtbot, Qt.Key.Key_F8)
    dlg = wait_dialog(qtbot, win, BillDialog)
    _type(qtbot, "C7")
    for _ in range(4):  # date, payment, first charge
        _key(qtbot, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert not dlg.completed and _balance(staff, members["yamada"]) == 8_000
    dlg.charges.fields["fnb"].setFocus()
    _type(qtbot, "12000")
    review_and_post(qtbot, dlg)
    assert dlg.completed, dlg.error.text()
    assert _balance(staff, members["yamada"]) == 8_150


def test_the_card_dialog_writes_nothing_until_asked(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs import card_dialog
    from desk_app.ui.dialogs.card_dialog import CardDialog

    win = window_for("clerk1")
    # Sato has no card: opening the dialog says so, and issues nothing.
    open_member(qtbot, win, members["sato"])
    before = len(_entries(staff, members["sato"]))
    _key(qtbot, Qt.Key.Key_K, CTRL)
    card = wait_dialog(qtbot, win, CardDialog)
    qtbot.waitUntil(lambda: getattr(card, "loaded", False) or card.face is not None, timeout=5000)
    assert lookup.show(staff, office(), members["sato"]).card is None  # opening wrote nothing
    assert "no card yet" in card.info.text().lower()
    assert lookup.show(staff, office(), members["sato"]).card is None
    assert len(_entries(staff, members["sato"])) == before
    assert not card.print_button.isEnabled() and card.issue_button.isVisible()
    with qtbot.waitSignal(card.sig_done, timeout=5000):
        _key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert lookup.show(staff, office(), members["sato"]).card.sequence == 1
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    qtbot.waitUntil(win.lookup_input.hasFocus)

    # Yamada's card: Alt+R asks why (no reason chosen) and names the card that stops working.
    open_member(qtbot, win, members["yamada"])
    before = len(_entries(staff, members["yamada"]))
    _key(qtbot, Qt.Key.Key_K, CTRL)
    card = wait_dialog(qtbot, win, CardDialog)
    qtbot.waitUntil(lambda: card.loaded, timeout=5000)
    assert card.face.sequence == 1 and "card 1" in card.info.text().lower()
    _key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(card.replace_dialog, card_dialog.ReplaceCardDialog)
                    and card.replace_dialog.isVisible(), timeout=5000)
    ask = card.replace_dialog
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is ask)
    assert ask.reason() is None
    assert f"card 1 of {members['yamada']}" in ask.warning.text().lower()
    assert "stop working" in ask.warning.text().lower()
    _key(qtbot, Qt.Key.Key_Return)  # no reason yet: nothing happens
    qtbot.wait(200)
    assert ask.isVisible() and not ask.ok_button.isEnabled()
    assert lookup.show(staff, office(), members["yamada"]).card.sequence == 1
    assert len(_entries(staff, members["yamada"])) == before
    _key(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # &Lost
    qtbot.waitUntil(lambda: ask.reason() == "lost")
    with qtbot.waitSignal(card.sig_done, timeout=5000):
        _key(qtbot, Qt.Key.Key_Return)
    view = lookup.show(staff, office(), members["yamada"])
    assert view.card.sequence == 2 and view.card.reason == "lost"
    assert "no longer works" in card.info.text()


# -- 5. The Redeem list changes per member -----------------------------------------------------------
def test_the_award_list_is_the_same_for_every_member(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog
    from desk_app.ui.models import AwardModel

    poor = make_member(staff, "Ito", "Mika", "mika.ito@example.jp", "イトウ", "ミカ", full=True,
                       bill_yen=150_000)  # 1,500 points
    win = window_for("clerk1")
    seen = {}
    for number in (members["yamada"], poor):
        open_member(qtbot, win, number)
        _key(qtbot, Qt.Key.Key_F9)
        dlg = wait_dialog(qtbot, win, RedeemDialog)
        rows = dlg.model.rows()
        seen[number] = [r.code for r in rows]
        assert [dlg.model.index(i, 0).data() for i in range(7)] == [str(i) for i in range(1, 8)]
        assert dlg.model.index(0, 1).data() == "Stay Award, Standard (1 night, 1 room, 2 guests)"
        # Down Down picks the same award for everyone.
        assert focused() is dlg.table
        _key(qtbot, Qt.Key.Key_Down)
        _key(qtbot, Qt.Key.Key_Down)
        assert dlg.offer().code == "upgrade_standard_superior"
        _key(qtbot, Qt.Key.Key_6)
        assert dlg.offer().code == "breakfast_child"
        if number == poor:
            # 1,500 points: the 10,000-point stay is greyed with its shortfall, not hidden.
            assert dlg.model.index(0, 3).data() == "needs 8,500 more"
            assert dlg.model.data(dlg.model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is not None
            assert dlg.model.data(dlg.model.index(5, 1), Qt.ItemDataRole.ForegroundRole) is None  # child breakfast
        assert isinstance(dlg.model, AwardModel)
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
        qtbot.waitUntil(win.lookup_input.hasFocus)
    assert seen[members["yamada"]] == seen[poor] == [
        "stay_standard", "stay_superior", "upgrade_standard_superior", "upgrade_superior_deluxe",
        "breakfast_adult", "breakfast_child", "pay_by_points"]

    # A cashier's list: breakfast and Pay by Points, always in this order.
    cashier = window_for("cash1")
    open_member(qtbot, cashier, poor)
    _key(qtbot, Qt.Key.Key_F9)
    dlg = wait_dialog(qtbot, cashier, RedeemDialog)
    assert [r.code for r in dlg.model.rows()] == ["breakfast_adult", "breakfast_child", "pay_by_points"]


# -- 6. No undo ------------------------------------------------------------------------------------------
def test_a_clerk_reverses_a_stay_with_a_supervisors_approval(qtbot, window_for, members, staff):
    from desk_app.services import lookup, posting
    from desk_app.ui.dialogs.reverse_dialog import ReverseDialog
    from desk_app.ui.models import short_id

    from .conftest import PASSWORD, BUSINESS_DATE

    yamada = members["yamada"]
    win = window_for("clerk1")
    open_member(qtbot, win, yamada)
    page = win.member_page
    assert win.office_menu.menuAction().isVisible()  # Office ▸ Reverse… is there for a clerk
    assert win.actions_by_name["actionReverse"].isVisible() and not win.actions_by_name["actionAdjust"].isVisible()
    stay_row = [e.kind for e in page.history_model.rows()].index("stay")
    stay = page.history_model.row(stay_row)
    assert (stay.reference, stay.points, stay.nights) == ("F1001", 8_000, 4)
    click_row(qtbot, page.history_view, stay_row)
    assert page.selected_entry() == stay
    _key(qtbot, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dlg = wait_dialog(qtbot, win, ReverseDialog)
    qtbot.waitUntil(lambda: dlg.planned is not None, timeout=5000)
    plan = dlg.plan_label.text()
    assert "Takes back 8,000 points; the balance after is 0 points." in plan
    assert "Takes 4 nights out of the tier figures." in plan
    assert "F1001 is free again" in plan
    assert "F1001" in dlg.entry_label.text() and short_id(stay.transaction_id) in dlg.entry_label.text()
    # The reason is required.
    _key(qtbot, Qt.Key.Key_Return)
    assert "reason" in dlg.error.text().lower() and dlg.override is None
    _type(qtbot, "posted to the wrong member")
    _key(qtbot, Qt.Key.Key_Return)
    # A clerk cannot reverse alone: a supervisor signs in on the spot. Another clerk cannot approve.
    qtbot.waitUntil(lambda: dlg.override is not None and dlg.override.login.hasFocus(), timeout=5000)
    override = dlg.override
    _type(qtbot, "clerk1")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, PASSWORD)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not override.busy and override.error.isVisible(), timeout=10000)
    assert "role does not allow" in override.error.text()
    assert lookup.show(staff, office(), yamada).points_balance == 8_000
    override.login.setFocus()
    override.login.selectAll()
    _type(qtbot, "super")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, PASSWORD)
    with qtbot.waitSignal(win.sig_member_shown, timeout=15000):
        _key(qtbot, Qt.Key.Key_Return)
    view = lookup.show(staff, office(), yamada)
    assert view.points_balance == 0 and view.year_nights == 0
    undo = _entries(staff, yamada)[0]
    assert (undo.kind, undo.reverses, undo.points, undo.nights) == ("reverse", stay.transaction_id, -8_000, -4)
    assert (undo.clerk, undo.approved_by, undo.reason) == ("clerk1", "super", "posted to the wrong member")
    # The history shows the pair: the reversal names the stay, the stay is marked reversed.
    qtbot.waitUntil(lambda: page.history_model.row(0).kind == "reverse", timeout=5000)
    rows = page.history_model.rows()
    first = page.history_model.index(0, 1).data()
    assert first == f"Reversal of {short_id(stay.transaction_id)} Stay F1001"
    marked = [i for i, e in enumerate(rows) if e.transaction_id == stay.transaction_id][0]
    assert page.history_model.index(marked, 1).data() == f"Stay — reversed by {short_id(undo.transaction_id)}"
    assert page.history_model.data(page.history_model.index(marked, 2), Qt.ItemDataRole.FontRole).strikeOut()
    assert "clerk1, approved by super" == page.history_model.index(0, 7).data()
    # The folio is free again: the right posting can follow.
    again = posting.post_stay(staff, office(), yamada, posting.StayFolio(
        "F1001", date(2026, 3, 1), date(2026, 3, 5), "official_website", {"room": 40_000}))
    assert (again.points, again.nights) == (800, 4)
    # A posting is reversed once.
    qtbot.waitUntil(win.lookup_input.hasFocus)
    click_row(qtbot, page.history_view, marked)
    _key(qtbot, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(win.dialog, ReverseDialog) and win.dialog is not dlg
                    and win.dialog.isVisible(), timeout=5000)
    twice = win.dialog
    qtbot.waitUntil(lambda: twice.error.isVisible(), timeout=5000)
    assert "already been reversed" in twice.error.text() and not twice.ok_button.isEnabled()
    assert BUSINESS_DATE == undo.date


def test_a_supervisor_voids_a_redemption_without_an_override(qtbot, window_for, members, staff):
    from desk_app.services import lookup, redemption
    from desk_app.ui.dialogs.reverse_dialog import ReverseDialog

    redeemed = redemption.redeem(staff, office(), members["yamada"], "breakfast_adult", 2)
    win = window_for("super")
    open_member(qtbot, win, members["yamada"])
    page = win.member_page
    assert page.history_model.row(0).transaction_id == redeemed.transaction_id
    # By keyboard: Ctrl+Shift+V with no entry chosen puts the focus in the history on the newest entry.
    _key(qtbot, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.history_view and page.selected_entry().transaction_id == redeemed.transaction_id
    assert win.dialog is None
    _key(qtbot, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dlg = wait_dialog(qtbot, win, ReverseDialog)
    qtbot.waitUntil(lambda: dlg.planned is not None, timeout=5000)
    assert "Gives back 4,000 points, with their own expiry dates; the balance after is 8,000 points." \
        in dlg.plan_label.text()
    _type(qtbot, "keyed twice")
    with qtbot.waitSignal(win.sig_member_shown, timeout=15000):
        _key(qtbot, Qt.Key.Key_Return)
    assert dlg.override is None
    undo = lookup.history(staff, office(), members["yamada"])[0]
    assert (undo.kind, undo.points, undo.clerk, undo.approved_by) == ("reverse", 4_000, "super", None)
    assert lookup.show(staff, office(), members["yamada"]).points_balance == 8_000


def test_a_card_printed_before_key_ids_is_caught_as_a_scan_too(qtbot, window_for, members, staff):
    """Cards printed before key ids carry HD1: their scan, too, goes to the
    search and never to the highlighted row (here the installation has no
    HD1 key, so the search refuses the card and the page is cleared)."""
    _three_satos(staff)
    win = window_for("clerk1")
    _search(qtbot, win, "sato")
    click_row(qtbot, win.results_view, 1)
    assert focused() is win.results_view
    legacy = f"HD1:{members['yamada']}:1:M3UYTPL6BSUVJWR3YD2NHV5R"
    scan(qtbot, legacy)
    qtbot.waitUntil(lambda: win.lookup_input.text() == legacy)
    qtbot.wait(300)
    assert win.member is None
