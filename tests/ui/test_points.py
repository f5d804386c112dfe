"""Checkout posting with companions, claims, restaurant bills, redemption
and Pay by Points, each checked against what the database holds after."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from .conftest import confirm, focused, open_member, review_and_post, wait_dialog


def _balance(db, number):
    from desk_app.services import lookup

    from .conftest import office

    return lookup.show(db, office(), number).points_balance


def test_post_stay_with_companion_preview_and_receipt(qtbot, window_for, members, staff, printed):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    from .conftest import office

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    qtbot.keyClicks(dlg.folio, "F2001")
    assert dlg.check_in.text() == "2026/06/14" and dlg.check_out.text() == "2026/06/15"
    assert dlg.nights.value() == 1
    dlg.channel.setCurrentIndex(dlg.channel.findData("official_website"))
    dlg.charges.fields["room"].setFocus()
    dlg.charges.fields["room"].lineEdit().selectAll()
    qtbot.keyClicks(dlg.charges.fields["room"], "50000")
    dlg.charges.set("tax", 5000)
    # The companion is looked up like a member; Enter in that field adds, it does not post.
    qtbot.keyClicks(dlg.companion_input, members["sato"])
    dlg.companion_input.setFocus()
    qtbot.keyClick(dlg.companion_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.companion_numbers == [members["sato"]], timeout=5000)
    assert not dlg.completed
    # Loyal member: 1,000 base points on 50,000 yen of room, 25% bonus.
    qtbot.waitUntil(lambda: "1,000 points + 250 bonus = 1,250 points, and 1 night." in dlg.preview.text(),
                    timeout=5000)
    # Enter in a field only moves on; Ctrl+Enter shows the review line, Enter there posts.
    dlg.folio.setFocus()
    qtbot.keyClick(dlg.folio, Qt.Key.Key_Return)
    assert dlg.nights.hasFocus() and not dlg.completed
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        review_and_post(qtbot, dlg)
    assert dlg.completed and "New balance 9,250 points" in dlg.result_label.text()
    qtbot.keyClick(dlg, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.read_bytes().startswith(b"%PDF")
    assert _balance(staff, members["yamada"]) == 9_250
    assert win.member_page.balance.text() == "9,250 points"
    # The results list shows the new balance too, not the one from before the posting.
    listed = [r for r in win.results_model.rows() if r.member_number == members["yamada"]]
    assert listed and all(r.points_balance == 9_250 for r in listed)
    history = lookup.history(staff, office(), members["sato"])
    assert [(e.kind, e.nights, e.points) for e in history if e.kind == "companion"] == [("companion", 1, 0)]
    confirm(qtbot, dlg, dlg.ok_button)  # Close
    qtbot.waitUntil(win.lookup_input.hasFocus)  # back to the search field

    # The same folio again is refused in plain words; the form keeps what was typed.
    qtbot.keyClick(win, Qt.Key.Key_F6)
    again = wait_dialog(qtbot, win, StayDialog)
    qtbot.keyClicks(again.folio, "F2001")
    again.charges.set("room", 50000)
    review_and_post(qtbot, again)
    assert not again.reviewing and "already been posted" in again.error.text()
    assert again.folio.text() == "F2001" and again.charges.charges() == {"room": 50000}
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert _balance(staff, members["yamada"]) == 9_250


def test_missing_stay_claim_window(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_F7)
    dlg = wait_dialog(qtbot, win, StayDialog)
    assert dlg.claim and dlg.check_in.text() == ""
    qtbot.keyClicks(dlg.folio, "OLD-1")
    qtbot.keyClick(dlg.folio, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)   # Nights: empty for a claim
    qtbot.keyClicks(dlg.check_in, "2025-11-01")
    qtbot.keyClick(dlg.check_in, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.check_out, "2025-11-03")
    dlg.channel.setCurrentIndex(dlg.channel.findData("direct"))
    dlg.charges.set("room", 30000)
    review_and_post(qtbot, dlg)
    assert "within 6 months" in dlg.error.text()
    dlg.check_in.setText("2026-01-10")
    dlg.check_out.setText("2026-01-12")
    review_and_post(qtbot, dlg)
    assert dlg.completed, dlg.error.text()
    # 30,000 yen of room: 600 points; the stay was before the Loyal status began, so no bonus.
    assert "600 points + 0 bonus, 2 nights" in dlg.result_label.text()
    assert _balance(staff, members["yamada"]) == 8_600


def test_cashier_posts_restaurant_bill(qtbot, window_for, members, staff, printed):
    from desk_app.ui.dialogs.bill_dialog import BillDialog

    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_F8)
    dlg = wait_dialog(qtbot, win, BillDialog)
    assert "room" not in dlg.charges.fields
    qtbot.keyClicks(dlg.check, "C77")
    dlg.charges.set("fnb", 12000)
    dlg.charges.set("tax", 1200)
    dlg.payment.setCurrentIndex(dlg.payment.findData("card"))
    qtbot.waitUntil(lambda: "120 points + 30 bonus = 150 points" in dlg.preview.text(), timeout=5000)
    review_and_post(qtbot, dlg)
    assert dlg.completed, dlg.error.text()
    qtbot.mouseClick(dlg.print_button, Qt.MouseButton.LeftButton)
    assert printed.exists()
    assert _balance(staff, members["yamada"]) == 8_150


def test_cashier_cannot_post_a_stay_even_if_asked(qtbot, window_for, members, staff):
    """Roles are enforced by the services, not only by hidden actions."""
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    win.on_post_stay()  # the action is hidden; call it anyway
    dlg = wait_dialog(qtbot, win, StayDialog)
    qtbot.keyClicks(dlg.folio, "F9")
    dlg.charges.set("room", 10000)
    review_and_post(qtbot, dlg)
    assert "role does not allow" in dlg.error.text()
    assert _balance(staff, members["yamada"]) == 8_000


def test_redeem_breakfast_needs_identity_and_prints_voucher(qtbot, window_for, members, staff, printed):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog

    from .conftest import office

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_F9)
    dlg = wait_dialog(qtbot, win, RedeemDialog)
    offers = {o.code: o for o in dlg.model.rows()}
    assert not offers["stay_standard"].available  # 10,000 points: more than the balance, greyed
    assert offers["breakfast_adult"].affordable == 4  # 8,000 points cover four
    codes = list(offers)
    dlg.table.selectRow(codes.index("breakfast_adult"))
    assert dlg.model.index(codes.index("breakfast_adult"), 3).data() == "4"
    dlg.quantity.setFocus()
    qtbot.keyClicks(dlg.quantity, "2")
    assert "8,000 − 4,000 = 4,000 points" in dlg.after.text()
    review_and_post(qtbot, dlg)
    assert "identity" in dlg.error.text() and not dlg.reviewing
    assert _balance(staff, members["yamada"]) == 8_000
    dlg.identity.setFocus()
    qtbot.keyClick(dlg.identity, Qt.Key.Key_Space)
    assert dlg.identity.isChecked()
    review_and_post(qtbot, dlg)
    assert dlg.completed, dlg.error.text()
    assert "Voucher TKO-260615-" in dlg.result_label.text()
    qtbot.keyClick(dlg, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.exists()
    assert _balance(staff, members["yamada"]) == 4_000
    entry = lookup.history(staff, office(), members["yamada"])[0]
    assert (entry.kind, entry.points, entry.award, entry.clerk) == ("redeem", -4000, "breakfast_adult", "clerk1")


def test_cashier_catalogue_is_breakfast_only_and_models_pass(qtbot, qtmodeltester, window_for, members):
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog

    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_F9)
    dlg = wait_dialog(qtbot, win, RedeemDialog)
    assert [o.code for o in dlg.model.rows()] == ["breakfast_adult", "breakfast_child", "pay_by_points"]
    qtmodeltester.check(dlg.model)


def test_simple_member_cannot_redeem(qtbot, window_for, members, staff):
    """No dialog where nothing can be chosen: the page says why, and the key that fixes it."""
    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    qtbot.keyClick(win, Qt.Key.Key_F9)
    assert win.dialog is None
    assert "full registration" in win.member_page.message()
    assert "Ctrl+R" in win.member_page.message()


def test_pay_by_points_in_500_yen_units(qtbot, window_for, members, staff, printed):
    from desk_app.ui.dialogs.pay_by_points_dialog import PayByPointsDialog

    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    dlg = wait_dialog(qtbot, win, PayByPointsDialog)
    dlg.amount.lineEdit().selectAll()
    qtbot.keyClicks(dlg.amount, "1200")
    assert "whole ¥500 units" in dlg.points_label.text()
    dlg.identity.setChecked(True)
    review_and_post(qtbot, dlg)
    assert "whole ¥500 units" in dlg.error.text() and dlg.amount.hasFocus()
    qtbot.keyClicks(dlg.amount, "1500")
    assert "1,200 points; 6,800 left after" in dlg.points_label.text()
    qtbot.keyClicks(dlg.folio, "C88")
    review_and_post(qtbot, dlg)
    assert dlg.completed, dlg.error.text()
    assert "¥1,500 paid with 1,200 points" in dlg.result_label.text()
    assert _balance(staff, members["yamada"]) == 6_800


def test_pay_by_points_refused_for_simple_registration(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.pay_by_points_dialog import PayByPointsDialog

    from .conftest import office
    from desk_app.services import posting

    posting.post_bill(staff, office(day=date(2026, 6, 1)), members["sato"], posting.Bill(
        "C1", date(2026, 6, 1), {"fnb": 100_000}))
    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    qtbot.keyClick(win, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    dlg = wait_dialog(qtbot, win, PayByPointsDialog)
    dlg.amount.setValue(500)
    dlg.identity.setChecked(True)
    review_and_post(qtbot, dlg)
    assert "full registration" in dlg.error.text()
    assert dlg.amount.value() == 500


def test_overseas_bill_in_dollars_with_the_posted_rate(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.bill_dialog import BillDialog

    win = window_for("cash1", prop="GUM")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_F8)
    dlg = wait_dialog(qtbot, win, BillDialog)
    assert dlg.currency == "USD" and dlg.charges.fields["fnb"].prefix() == "USD "
    qtbot.keyClicks(dlg.check, "G-12")
    dlg.charges.set("fnb", 200)
    review_and_post(qtbot, dlg)
    assert "exchange rate" in dlg.error.text()
    qtbot.keyClicks(dlg.exchange_rate, "150")
    # 200 USD at 150 yen: 30,000 yen of food earns 300 points, Loyal bonus 75.
    qtbot.waitUntil(lambda: "300 points + 75 bonus" in dlg.preview.text(), timeout=5000)
    review_and_post(qtbot, dlg)
    assert dlg.completed, dlg.error.text()
    assert _balance(staff, members["yamada"]) == 8_375


def test_claim_for_a_guest_who_joined_mid_stay(qtbot, window_for, members, staff):
    """docs/program-rules.md 3 [decided]: Sato joined 2026-05-01; a 3-night
    stay 04-29 -> 05-02 with 30,000 yen of room earns for the 1 night from
    enrollment on: 200 points; one with no night after it is refused."""
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])
    qtbot.keyClick(win, Qt.Key.Key_F7)
    dlg = wait_dialog(qtbot, win, StayDialog)
    qtbot.keyClicks(dlg.folio, "MID-1")
    qtbot.keyClick(dlg.folio, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.check_in, "2026-04-28")
    qtbot.keyClick(dlg.check_in, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.check_out, "2026-05-01")
    dlg.channel.setCurrentIndex(dlg.channel.findData("direct"))
    dlg.charges.set("room", 30000)
    review_and_post(qtbot, dlg)
    assert "before the guest joined" in dlg.error.text() and not dlg.completed
    dlg.check_in.setText("2026-04-29")
    dlg.check_out.setText("2026-05-02")
    qtbot.waitUntil(lambda: "200 points" in dlg.preview.text() and "1 night" in dlg.preview.text(), timeout=5000)
    review_and_post(qtbot, dlg)
    assert dlg.completed, dlg.error.text()
    assert "200 points + 0 bonus, 1 night." in dlg.result_label.text()
    assert _balance(staff, members["sato"]) == 200


def test_a_hotel_that_gives_no_points_for_direct_bookings(qtbot, window_for, members, staff):
    """docs/program-rules.md 3 (T&C 13.2, last sentence): at Hotel Nikko
    Fukuoka (FUK) a direct booking earns the night but no points; a
    reservation-center booking earns as usual. The preview says so before
    anything is posted."""
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    win = window_for("clerk1", prop="FUK")
    open_member(qtbot, win, members["sato"])
    qtbot.keyClick(win, Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    qtbot.keyClicks(dlg.folio, "FUK-1")
    dlg.channel.setCurrentIndex(dlg.channel.findData("direct"))
    dlg.charges.set("room", 50000)
    qtbot.waitUntil(lambda: "= 0 points" in dlg.preview.text() and "1 night" in dlg.preview.text(), timeout=5000)
    dlg.channel.setCurrentIndex(dlg.channel.findData("reservation_center"))
    qtbot.waitUntil(lambda: "= 1,000 points" in dlg.preview.text(), timeout=5000)
    review_and_post(qtbot, dlg)
    assert dlg.completed, dlg.error.text()
    assert _balance(staff, members["sato"]) == 1_000


def test_stay_preview_counts_each_calendar_night_once_and_a_complimentary_stay_none(qtbot, window_for, members,
                                                                                    staff):
    """docs/program-rules.md 3: Yamada's stay 2026-03-01 -> 03-05 already
    holds those nights, so a second room for 03-02 -> 03-04 earns its points
    and no night; a complimentary stay earns no night and no room points,
    only the food and drink paid, like a restaurant bill."""
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_F7)
    dlg = wait_dialog(qtbot, win, StayDialog)
    qtbot.keyClicks(dlg.folio, "ROOM-2")
    qtbot.keyClick(dlg.folio, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.check_in, "2026-03-02")
    qtbot.keyClick(dlg.check_in, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.check_out, "2026-03-04")
    dlg.channel.setCurrentIndex(dlg.channel.findData("direct"))
    dlg.charges.set("room", 30000)
    qtbot.waitUntil(lambda: "= 600 points, and 0 nights" in dlg.preview.text(), timeout=5000)
    review_and_post(qtbot, dlg)
    assert dlg.completed, dlg.error.text()
    assert "600 points + 0 bonus, 0 nights" in dlg.result_label.text()
    confirm(qtbot, dlg, dlg.ok_button)  # Close
    qtbot.waitUntil(win.lookup_input.hasFocus)

    qtbot.keyClick(win, Qt.Key.Key_F6)
    comp = wait_dialog(qtbot, win, StayDialog)
    qtbot.keyClicks(comp.folio, "COMP-1")
    comp.channel.setCurrentIndex(comp.channel.findData("direct"))
    comp.plan.setCurrentIndex(comp.plan.findData("complimentary"))
    comp.charges.set("room", 30000)
    comp.charges.set("fnb", 8000)
    qtbot.waitUntil(lambda: "80 points + 20 bonus = 100 points, and 0 nights" in comp.preview.text(),
                    timeout=5000)
    review_and_post(qtbot, comp)
    assert comp.completed, comp.error.text()
    assert "80 points + 20 bonus, 0 nights" in comp.result_label.text()
