"""Clerk accounts at the desk, driven by keys as a clerk would: Desk ▸
Change password, and the supervisor's Office dialogs to reset a password,
deactivate a clerk and unlock one; a new account's password typed twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk_app.domain import errors
from desk_app.services import clerks

from .conftest import PASSWORD, confirm, office, wait_dialog

SUP = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def type_in(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def failed_attempts(db, login):
    from sqlalchemy import select

    from desk_app.db.schema import Clerk

    with db.read() as s:
        return s.scalar(select(Clerk.failed_attempts).where(Clerk.login == login))


def test_a_clerk_changes_their_own_password(qtbot, window_for, staff):
    from desk_app.ui.dialogs.change_password_dialog import ChangePasswordDialog

    win = window_for("clerk1")
    qtbot.keyClick(win, Qt.Key.Key_P, SUP)
    dlg = wait_dialog(qtbot, win, ChangePasswordDialog)
    assert dlg.current.hasFocus()
    qtbot.keyClicks(dlg.current, "not-my-password")
    qtbot.keyClick(dlg.current, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.passwords.first, "kentas-new-pass")
    qtbot.keyClick(dlg.passwords.first, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.passwords.again, "kentas-new-typo")
    confirm(qtbot, dlg, dlg.passwords.again)
    assert "not the same" in dlg.error.text() and dlg.passwords.again.text() == ""
    assert failed_attempts(staff, "clerk1") == 0  # nothing was asked of the service
    qtbot.keyClicks(dlg.passwords.again, "kentas-new-pass")
    confirm(qtbot, dlg, dlg.passwords.again)
    assert dlg.error.text() == "The current password is wrong." and dlg.isVisible()
    assert dlg.current.text() == "" and dlg.current.hasFocus()
    assert failed_attempts(staff, "clerk1") == 1  # counted toward the lock-out
    qtbot.keyClicks(dlg.current, PASSWORD)
    with qtbot.waitSignal(dlg.finished, timeout=5000):
        confirm(qtbot, dlg, dlg.current)
    assert clerks.authenticate(staff, "clerk1", "kentas-new-pass").login == "clerk1"
    with pytest.raises(errors.NotSignedIn):
        clerks.authenticate(staff, "clerk1", PASSWORD)


def test_a_supervisor_resets_a_forgotten_password(qtbot, window_for, staff):
    from desk_app.ui.dialogs.reset_password_dialog import ResetPasswordDialog

    for _ in range(5):  # cash1 has locked themself out
        with pytest.raises(errors.DeskError):
            clerks.authenticate(staff, "cash1", "forgotten")
    win = window_for("super")
    qtbot.keyClick(win, Qt.Key.Key_K, SUP)
    dlg = wait_dialog(qtbot, win, ResetPasswordDialog)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 3, timeout=5000)
    assert dlg.chosen() == "cash1"  # not the supervisor's own account
    assert dlg.model.data(dlg.model.index(0, 3)).startswith("Locked until ")
    qtbot.keyClick(dlg.table, Qt.Key.Key_Tab)
    assert dlg.passwords.first.hasFocus()
    qtbot.keyClicks(dlg.passwords.first, "short")
    qtbot.keyClick(dlg.passwords.first, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.passwords.again, "short")
    confirm(qtbot, dlg, dlg.passwords.again)
    assert "at least 8" in dlg.error.text()
    type_in(qtbot, dlg.passwords.first, "cathys-new-pass")
    type_in(qtbot, dlg.passwords.again, "cathys-new-pass")
    with qtbot.waitSignal(dlg.finished, timeout=5000):
        confirm(qtbot, dlg, dlg.passwords.again)
    assert clerks.authenticate(staff, "cash1", "cathys-new-pass").role == "cashier"  # the lock lifted too


def test_a_supervisor_deactivates_a_clerk_who_left(qtbot, window_for, staff):
    from desk_app.ui.dialogs.deactivate_clerk_dialog import DeactivateClerkDialog

    win = window_for("super")
    qtbot.keyClick(win, Qt.Key.Key_X, SUP)
    dlg = wait_dialog(qtbot, win, DeactivateClerkDialog)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 3, timeout=5000)
    assert dlg.chosen() == "cash1"
    qtbot.keyClick(dlg.table, Qt.Key.Key_Down)
    assert dlg.chosen() == "clerk1"
    confirm(qtbot, dlg, dlg.table)
    qtbot.waitUntil(lambda: not dlg.model.row(1).active, timeout=5000)
    assert dlg.model.data(dlg.model.index(1, 3)) == "Deactivated"
    with pytest.raises(errors.NotSignedIn):
        clerks.authenticate(staff, "clerk1", PASSWORD)
    qtbot.keyClick(dlg.table, Qt.Key.Key_Down)
    assert dlg.chosen() == "super"
    confirm(qtbot, dlg, dlg.table)
    assert "own account" in dlg.error.text()
    assert clerks.authenticate(staff, "super", PASSWORD).active


def test_a_new_accounts_password_is_typed_twice(qtbot, window_for, staff):
    from desk_app.ui.dialogs.new_clerk_dialog import NewClerkDialog

    win = window_for("super")
    qtbot.keyClick(win, Qt.Key.Key_N, SUP)
    new = wait_dialog(qtbot, win, NewClerkDialog)
    qtbot.keyClicks(new.login, "ito.k")
    qtbot.keyClick(new.login, Qt.Key.Key_Tab)
    qtbot.keyClicks(new.name, "Ito Ken")
    qtbot.keyClicks(new.password, "kens-password")
    qtbot.keyClick(new.password, Qt.Key.Key_Tab)
    qtbot.keyClicks(new.confirm, "kens-passwort")
    confirm(qtbot, new, new.confirm)
    assert "not the same" in new.error.text()
    assert "ito.k" not in {c.login for c in clerks.list_clerks(staff, office())}
    qtbot.keyClicks(new.confirm, "kens-password")
    with qtbot.waitSignal(new.finished, timeout=5000):
        confirm(qtbot, new, new.confirm)
    assert clerks.authenticate(staff, "ito.k", "kens-password").role == "clerk"


@pytest.mark.parametrize("login,office_actions", [("cash1", False), ("clerk1", False), ("super", True)])
def test_every_clerk_may_change_their_password_only_supervisors_manage_accounts(window_for, login,
                                                                               office_actions):
    win = window_for(login)
    a = win.actions_by_name
    assert a["actionChangePassword"].isVisible()
    for name in ("actionResetPassword", "actionDeactivateClerk", "actionUnlockClerk", "actionNewClerk"):
        assert a[name].isVisible() is office_actions, name


def test_the_dialogs_speak_japanese(qtbot, language, staff):
    from desk_app.ui.dialogs.change_password_dialog import ChangePasswordDialog
    from desk_app.ui.dialogs.reset_password_dialog import ResetPasswordDialog
    from desk_app.ui.messages import describe

    from .conftest import session_for

    language("ja")
    session = session_for(staff, "super")
    change = ChangePasswordDialog(session)
    reset = ResetPasswordDialog(session)
    qtbot.addWidget(change)
    qtbot.addWidget(reset)
    assert change.windowTitle() == "パスワードの変更" and reset.windowTitle() == "スタッフのパスワード再設定"
    assert describe(errors.CurrentPasswordWrong("x")) == "現在のパスワードが正しくありません。"
    assert "15分間" in describe(errors.ClerkLocked("x"))
    session.worker.wait()
