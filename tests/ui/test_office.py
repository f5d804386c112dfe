"""Supervisor work: adjustments with a reason, merges, withdrawals,
unlocking clerks, new accounts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import PASSWORD, confirm, office, open_member, wait_dialog

SUP = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_adjustment_needs_a_reason(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.adjust_dialog import AdjustDialog

    win = window_for("super")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_A, SUP)
    dlg = wait_dialog(qtbot, win, AdjustDialog)
    dlg.points.lineEdit().selectAll()
    qtbot.keyClicks(dlg.points, "-500")
    confirm(qtbot, dlg, dlg.points)
    assert "reason" in dlg.error.text().lower()
    qtbot.keyClicks(dlg.reason, "breakfast redeemed twice by mistake")
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.reason)
    view = lookup.show(staff, office(), members["yamada"])
    assert view.points_balance == 7_500
    entry = lookup.history(staff, office(), members["yamada"])[0]
    assert (entry.kind, entry.points, entry.reason, entry.clerk) == (
        "adjust", -500, "breakfast redeemed twice by mistake", "super")
    assert win.member_page.balance.text() == "7,500 points"


def test_clerk_is_refused_adjustment_by_the_service(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.adjust_dialog import AdjustDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    assert not win.actions_by_name["actionAdjust"].isVisible()
    win.on_adjust()
    dlg = wait_dialog(qtbot, win, AdjustDialog)
    dlg.points.setValue(100)
    qtbot.keyClicks(dlg.reason, "goodwill")
    confirm(qtbot, dlg, dlg.reason)
    assert "role does not allow" in dlg.error.text()


def test_merge_duplicate_membership(qtbot, window_for, members, staff):
    from desk_app.services import lookup, posting
    from desk_app.ui.dialogs.merge_dialog import MergeDialog

    from datetime import date

    posting.post_bill(staff, office(day=date(2026, 6, 1)), members["sato"], posting.Bill(
        "C5", date(2026, 6, 1), {"fnb": 30_000}))
    win = window_for("super")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_M, SUP)
    dlg = wait_dialog(qtbot, win, MergeDialog)
    qtbot.keyClicks(dlg.drop, members["yamada"])
    confirm(qtbot, dlg, dlg.drop)
    assert "cannot be merged into itself" in dlg.error.text()
    dlg.drop.clear()
    qtbot.keyClicks(dlg.drop, members["sato"])
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.drop)
    assert lookup.show(staff, office(), members["sato"]).status == "merged"
    assert lookup.show(staff, office(), members["yamada"]).points_balance == 8_000 + 300  # Sato (Basic): 30,000 yen of food earns 300


def test_withdrawal_closes_membership(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.withdraw_dialog import WithdrawDialog

    win = window_for("super")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(win, Qt.Key.Key_W, SUP)
    dlg = wait_dialog(qtbot, win, WithdrawDialog)
    qtbot.keyClicks(dlg.reason, "moved abroad")
    confirm(qtbot, dlg, dlg.reason)
    assert "Tick the box" in dlg.error.text()
    dlg.sure.setChecked(True)
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.reason)
    view = lookup.show(staff, office(), members["yamada"])
    assert (view.status, view.points_balance) == ("withdrawn", 0)
    assert win.member_page.status_badge.text() == "Withdrawn"
    assert "closed" in win.member_page.notice.text()
    assert not win.actionRedeem.isEnabled() and not win.actionPostStay.isEnabled()


def test_unlock_clerk_and_new_account(qtbot, qtmodeltester, window_for, members, staff):
    from desk_app.domain.errors import ClerkLocked
    from desk_app.services import clerks
    from desk_app.ui.dialogs.new_clerk_dialog import NewClerkDialog
    from desk_app.ui.dialogs.unlock_clerk_dialog import UnlockClerkDialog

    for _ in range(5):
        try:
            clerks.authenticate(staff, "cash1", "nope-nope")
        except Exception:
            pass
    try:
        clerks.authenticate(staff, "cash1", PASSWORD)
        raise AssertionError("should be locked")
    except ClerkLocked:
        pass
    win = window_for("super")
    qtbot.keyClick(win, Qt.Key.Key_U, SUP)
    dlg = wait_dialog(qtbot, win, UnlockClerkDialog)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 3, timeout=5000)
    qtmodeltester.check(dlg.model)
    assert dlg.model.row(dlg.table.currentIndex().row()).login == "cash1"  # the locked one is chosen
    confirm(qtbot, dlg, dlg.table)
    qtbot.waitUntil(lambda: not any(c.locked for c in dlg.model.rows()), timeout=5000)
    assert clerks.authenticate(staff, "cash1", PASSWORD).role == "cashier"
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)

    qtbot.waitUntil(win.lookup_input.hasFocus)
    qtbot.keyClick(win, Qt.Key.Key_N, SUP)
    new = wait_dialog(qtbot, win, NewClerkDialog)
    qtbot.keyClicks(new.login, "ito.k")
    qtbot.keyClick(new.login, Qt.Key.Key_Tab)
    qtbot.keyClicks(new.name, "Ito Ken")
    new.role.setCurrentIndex(new.role.findData("cashier"))
    qtbot.keyClicks(new.password, "short")
    qtbot.keyClick(new.password, Qt.Key.Key_Tab)
    qtbot.keyClicks(new.confirm, "short")
    confirm(qtbot, new, new.confirm)
    assert "at least 8" in new.error.text()
    qtbot.keyClicks(new.password, "-enough")
    qtbot.keyClicks(new.confirm, "-enough")
    confirm(qtbot, new, new.confirm)
    assert clerks.authenticate(staff, "ito.k", "short-enough").role == "cashier"


def test_desk_settings_change_idle_lock_and_terminal(qtbot, window_for, members, staff):
    from desk_app import config
    from desk_app.ui.dialogs.settings_dialog import SettingsDialog

    win = window_for("super")
    qtbot.keyClick(win, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, SettingsDialog)
    dlg.idle.lineEdit().selectAll()
    qtbot.keyClicks(dlg.idle, "3")
    dlg.terminal.clear()
    qtbot.keyClicks(dlg.terminal, "BAR-2")
    dlg.property.setCurrentIndex(dlg.property.findData("KYO"))
    confirm(qtbot, dlg, dlg.terminal)
    saved = config.load()
    assert (saved.idle_lock_minutes, saved.terminal, saved.property_code) == (3, "BAR-2", "KYO")
    assert win.idle.timer.interval() == 3 * 60_000
    assert "Terminal BAR-2" in win.status_label.text() and "(KYO)" in win.status_label.text()
    assert win.session.desk.terminal == "BAR-2"


def test_revoke_needs_a_reason_and_a_supervisor_readmits_the_email(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog
    from desk_app.ui.dialogs.withdraw_dialog import WithdrawDialog

    clerk = window_for("clerk1")
    assert not clerk.actions_by_name["actionRevoke"].isVisible()
    win = window_for("super")
    open_member(qtbot, win, members["sato"])
    qtbot.keyClick(win, Qt.Key.Key_R, SUP)
    dlg = wait_dialog(qtbot, win, WithdrawDialog)
    assert dlg.revoke and dlg.objectName() == "revokeDialog"
    dlg.sure.setChecked(True)
    confirm(qtbot, dlg, dlg.reason)
    assert "reason" in dlg.error.text().lower()
    assert lookup.show(staff, office(), members["sato"]).status == "active"
    qtbot.keyClicks(dlg.reason, "no stay and no points since enrolment; letter sent")
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.reason)
    view = lookup.show(staff, office(), members["sato"])
    assert (view.status, view.points_balance) == ("revoked", 0)
    assert win.member_page.status_badge.text() == "Revoked"
    entry = [e for e in lookup.history(staff, office(), members["sato"]) if e.kind == "revoked"][0]
    assert entry.reason == "no stay and no points since enrolment; letter sent"

    # The same e-mail again: refused, and a supervisor may re-admit with a reason.
    qtbot.waitUntil(win.lookup_input.hasFocus)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    enrol = wait_dialog(qtbot, win, EnrolDialog)
    qtbot.keyClicks(enrol.family, "Sato")
    qtbot.keyClicks(enrol.given, "Hana")
    enrol.family_kana.setText("サトウ")
    enrol.given_kana.setText("ハナ")
    enrol.email.setText("hana.sato@example.com")
    assert not enrol.readmit_reason.isVisible()
    confirm(qtbot, enrol, enrol.email)
    assert "was revoked" in enrol.error.text()
    assert enrol.readmit_reason.isVisible() and enrol.readmit_reason.hasFocus()
    qtbot.keyClicks(enrol.readmit_reason, "came back to the desk; office agreed")
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, enrol, enrol.readmit_reason)
    assert win.member.member_number != members["sato"] and win.member.email == "hana.sato@example.com"
