"""Issue 12: dates typed for speed, and the two key-count targets, replayed
key by key into whatever has focus (scanner input is not counted)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from .conftest import BUSINESS_DATE, focused, ime_commit, office, open_member, scan, wait_dialog


class Keys:
    """A clerk at the keyboard: every key goes to the focused widget and is counted."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def type(self, text: str) -> None:
        for ch in text:
            self.qtbot.keyClicks(focused(), ch)
            self.count += 1

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(focused(), key, modifier)
        self.count += 1


def _payload(db, number: str) -> str:
    from desk_app.services import cards

    return cards.issue(db, office(), number).qr_payload


def _scan_member(qtbot, win, payload: str) -> None:
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        scan(qtbot, payload)


def test_checkout_t1_in_at_most_25_keys(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    win = window_for("clerk1")
    _scan_member(qtbot, win, _payload(staff, members["yamada"]))   # not counted
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    # Check-out defaults to the business date.
    assert dlg.check_out.peek() == BUSINESS_DATE
    keys.type("5501")                       # folio
    keys.press(Qt.Key.Key_Return)           # -> Nights
    keys.type("2")                          # check-in two nights back
    assert dlg.check_in.peek() == date(2026, 6, 13)
    keys.press(Qt.Key.Key_Return)           # -> room
    assert focused() is dlg.charges.fields["room"]
    keys.type("40000")
    keys.press(Qt.Key.Key_Return)           # -> food and drink
    keys.type("3000")
    keys.press(Qt.Key.Key_Return)           # -> tax
    keys.type("4300")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)   # review
    qtbot.waitUntil(lambda: dlg.reviewing, timeout=5000)
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        keys.press(Qt.Key.Key_Return)       # post
        qtbot.waitUntil(lambda: dlg.completed, timeout=5000)
    assert keys.count <= 25, keys.count
    assert dlg.charges.charges() == {"room": 40_000, "fnb": 3_000, "tax": 4_300}
    stay = lookup.history(staff, office(), members["yamada"])[0]
    assert (stay.kind, stay.nights, stay.reference) == ("stay", 2, "5501")
    assert "2 nights" in dlg.result_label.text()


def test_breakfast_from_the_member_page_in_at_most_4_keys(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog

    win = window_for("clerk1")
    _scan_member(qtbot, win, _payload(staff, members["yamada"]))   # the card: the identity check
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_F9)
    dlg = wait_dialog(qtbot, win, RedeemDialog)
    assert dlg.identity.isChecked()
    keys.type(str(next(o.key for o in dlg.model.rows() if o.code == "breakfast_adult")))
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dlg.reviewing, timeout=5000)
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        keys.press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dlg.completed, timeout=5000)
    assert keys.count <= 4, keys.count
    entry = lookup.history(staff, office(), members["yamada"])[0]
    assert (entry.kind, entry.award, entry.points) == ("redeem", "breakfast_adult", -2000)


def test_typed_search_still_asks_for_the_identity(qtbot, window_for, members):
    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(focused(), Qt.Key.Key_F9)
    dlg = wait_dialog(qtbot, win, RedeemDialog)
    assert not dlg.identity.isChecked()


def _stay_dialog(qtbot, win, members):
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    return wait_dialog(qtbot, win, StayDialog)


def test_short_dates_steps_and_a_wrong_date(qtbot, window_for, members):
    win = window_for("clerk1")
    dlg = _stay_dialog(qtbot, win, members)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)          # Nights
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)          # check-in, its date selected
    assert focused() is dlg.check_in
    dlg.check_in.selectAll()
    qtbot.keyClicks(focused(), "10")                    # the 10th of the business date's month
    assert dlg.check_in.peek() == date(2026, 6, 10)
    assert dlg.nights.value() == 5
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)          # read back in the desk's style
    assert dlg.check_in.text() == "2026/06/10"
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    assert dlg.check_in.text() == "2026/06/11" and dlg.nights.value() == 4
    qtbot.keyClick(focused(), Qt.Key.Key_Minus)
    qtbot.keyClick(focused(), Qt.Key.Key_Minus)
    assert dlg.check_in.text() == "2026/06/09"
    qtbot.keyClick(focused(), Qt.Key.Key_Plus)
    assert dlg.check_in.text() == "2026/06/10"
    dlg.check_in.selectAll()
    qtbot.keyClicks(focused(), "5/31")                  # month/day in the business date's year
    assert dlg.check_in.peek() == date(2026, 5, 31)
    # A wrong date: the field turns red with one message when the clerk leaves it...
    dlg.check_in.selectAll()
    qtbot.keyClicks(focused(), "6/31")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert dlg.date_message.isVisible() and "check-in date" in dlg.date_message.text()
    assert "#c62828" in dlg.check_in.styleSheet()
    # ...and both go as soon as it reads as a date.
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(focused(), "30")
    assert not dlg.date_message.isVisible() and dlg.check_in.styleSheet() == ""
    assert dlg.check_in.peek() == date(2026, 6, 30)


def test_japanese_dates_take_the_same_short_forms(qtbot, window_for, members, language):
    language("ja")
    win = window_for("clerk1")
    dlg = _stay_dialog(qtbot, win, members)
    assert dlg.check_out.text() == "2026年6月15日"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    dlg.check_in.selectAll()
    qtbot.keyClicks(focused(), "12")
    assert dlg.check_in.peek() == date(2026, 6, 12) and dlg.nights.value() == 3
    dlg.check_in.selectAll()
    ime_commit(focused(), "６月１１日")   # with the IME on, as a Japanese clerk types it
    assert dlg.check_in.peek() == date(2026, 6, 11)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert dlg.check_in.text() == "2026年6月11日"
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    qtbot.keyClick(focused(), Qt.Key.Key_Plus)
    assert dlg.check_in.text() == "2026年6月12日"


def test_a_wrong_date_in_the_restaurant_bill_is_said_once_and_goes(qtbot, window_for, members):
    from desk_app.ui.dialogs.bill_dialog import BillDialog

    win = window_for("cash1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(focused(), Qt.Key.Key_F8)
    dlg = wait_dialog(qtbot, win, BillDialog)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)          # the date, selected
    assert focused() is dlg.date
    qtbot.keyClicks(focused(), "6/31")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert dlg.error.text() == "Write the date of the check as a date: 21, 11/21 or 2026/11/21."
    assert "#c62828" in dlg.date.styleSheet()
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    qtbot.keyClicks(focused(), "14")
    assert not dlg.error.isVisible() and dlg.date.peek() == date(2026, 6, 14)
