"""First start (setup dialog), sign-in, lock-out, idle lock, sign-out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import PASSWORD, confirm, office


def _desk_app(qtbot):
    from desk_app.ui.app import DeskApp

    app = DeskApp()
    app.start()
    qtbot.waitUntil(lambda: app.dialog is not None and app.dialog.isVisible(), timeout=5000)
    qtbot.waitActive(app.dialog)
    qtbot.waitUntil(app.dialog.first_field.hasFocus)
    return app


def test_first_start_creates_database_supervisor_and_demo_data(qtbot, desk_env):
    from desk_app import config
    from desk_app.services import clerks
    from desk_app.services.database import Database
    from desk_app.ui.dialogs.setup_dialog import SetupDialog

    app = _desk_app(qtbot)
    dlg = app.dialog
    assert isinstance(dlg, SetupDialog)
    qtbot.addWidget(dlg)
    assert str(desk_env) in dlg.database.text()  # the embedded SQLite file in the user data folder
    dlg.demo_count.setValue(6)
    dlg.terminal.clear()
    qtbot.keyClicks(dlg.terminal, "FRONT-2")
    dlg.login.setFocus()
    qtbot.keyClicks(dlg.login, "boss")
    qtbot.keyClick(dlg.login, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.name, "Hiro Boss")
    qtbot.keyClick(dlg.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.password, PASSWORD)
    qtbot.keyClick(dlg.password, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.confirm, "different")
    confirm(qtbot, dlg, dlg.confirm)
    assert "not the same" in dlg.error.text()
    assert dlg.login.text() == "boss"  # the form keeps what was typed
    qtbot.keyClicks(dlg.confirm, PASSWORD)
    seen = []
    dlg.sig_progress.connect(lambda done, total: seen.append((done, total, dlg.progress.isVisible())))
    with qtbot.waitSignal(app.sig_window, timeout=20000):
        confirm(qtbot, dlg, dlg.confirm)
    assert seen and seen[-1][:2] == (6, 6) and all(visible for *_, visible in seen)  # progress while loading
    win = app.window
    qtbot.addWidget(win)
    assert win.session.clerk.login == "boss" and win.session.clerk.role == "supervisor"
    settings = config.load()
    assert settings.terminal == "FRONT-2" and settings.property_code == "TKO"
    db = Database(settings.effective_database_url)
    assert clerks.count(db) == 1
    from sqlalchemy import func, select

    from desk_app.db.schema import Member

    with db.read() as s:
        assert s.scalar(select(func.count(Member.id))) == 6
    app.worker.wait()


def test_sign_in_and_lock_out_after_five_wrong_passwords(qtbot, staff):
    from desk_app import config
    from desk_app.services import clerks
    from desk_app.ui.dialogs.sign_in_dialog import SignInDialog

    config.save(config.Settings(database_url=staff.url, property_code="TKO", terminal="FRONT-1"))
    app = _desk_app(qtbot)
    dlg = app.dialog
    qtbot.addWidget(dlg)
    assert isinstance(dlg, SignInDialog)
    qtbot.keyClicks(dlg.login, "clerk1")
    qtbot.keyClick(dlg.login, Qt.Key.Key_Tab)
    for attempt in range(5):
        qtbot.keyClicks(dlg.password, "wrong-pass")
        confirm(qtbot, dlg, dlg.password)
        assert dlg.isVisible()
        assert dlg.password.text() == ""
        assert dlg.login.text() == "clerk1"
    assert "locked" in dlg.error.text()
    assert {c.login: c.locked for c in clerks.list_clerks(staff, office())}["clerk1"] is True
    # The right password no longer works until a supervisor unlocks.
    qtbot.keyClicks(dlg.password, PASSWORD)
    confirm(qtbot, dlg, dlg.password)
    assert "locked" in dlg.error.text()
    # A supervisor signs in instead.
    dlg.login.clear()
    qtbot.keyClicks(dlg.login, "super")
    qtbot.keyClicks(dlg.password, PASSWORD)
    with qtbot.waitSignal(app.sig_window, timeout=5000):
        confirm(qtbot, dlg, dlg.password)
    qtbot.addWidget(app.window)
    assert app.window.session.clerk.login == "super"
    app.worker.wait()


def test_idle_lock_and_unlock(qtbot, window_for, members):
    from desk_app.ui.dialogs.sign_in_dialog import SignInDialog

    from .conftest import open_member, wait_dialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    with qtbot.waitSignal(win.sig_locked, timeout=5000):
        win.idle.set_interval_ms(50)
    assert win.locked and win.stack.currentWidget() is win.locked_page
    assert not win.actionPostStay.isEnabled()
    win.idle.set_interval_ms(60_000)
    dlg = wait_dialog(qtbot, win, SignInDialog)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # Esc does not unlock
    assert dlg.isVisible() and win.locked
    dlg.password.setFocus()
    qtbot.keyClicks(dlg.password, PASSWORD)
    with qtbot.waitSignal(win.sig_locked, timeout=5000):
        confirm(qtbot, dlg, dlg.password)
    assert not win.locked and win.member is not None  # same clerk: the page stays


def test_sign_out_and_another_clerk_signs_in(qtbot, window_for, members):
    from desk_app.ui.dialogs.sign_in_dialog import SignInDialog

    from .conftest import open_member, wait_dialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    with qtbot.waitSignal(win.sig_signed_out):
        qtbot.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.member is None
    dlg = wait_dialog(qtbot, win, SignInDialog)
    dlg.login.setText("cash1")
    dlg.password.setFocus()
    qtbot.keyClicks(dlg.password, PASSWORD)
    with qtbot.waitSignal(win.sig_locked, timeout=5000):
        confirm(qtbot, dlg, dlg.password)
    assert win.session.clerk.role == "cashier"
    assert not win.actionEnrol.isVisible()
    QApplication.processEvents()


def test_cancelling_the_first_start_leaves_no_database_behind(qtbot, desk_env, monkeypatch):
    """A desk started by mistake and cancelled at its setup creates nothing:
    no database file (nor its -wal/-shm), no settings."""
    from desk_app.ui import app as app_module
    from desk_app.ui.dialogs.setup_dialog import SetupDialog

    quits = []
    monkeypatch.setattr(app_module.QApplication, "quit", lambda: quits.append(True))
    app = _desk_app(qtbot)
    dlg = app.dialog
    qtbot.addWidget(dlg)
    assert isinstance(dlg, SetupDialog)
    assert dlg.database.text().endswith("/harmony_desk.sqlite3")
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    app.worker.wait()
    assert not dlg.isVisible() and quits == [True]
    assert sorted(p.name for p in desk_env.rglob("*")) == []
