"""The shell of the desk: entry points, shortcuts in menus and tooltips,
Esc cancels without writing, and the worker keeps the GUI thread free."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from PySide6.QtCore import Qt

from .conftest import open_member, wait_dialog


def test_entry_point_starts_the_desk_on_a_fresh_machine(tmp_path):
    """`python -m desk_app` opens the setup dialog on an empty user data folder."""
    import desk_app.__main__ as entry

    assert callable(entry.main)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path), HOME=str(tmp_path))
    env.pop("DESK_APP_DB", None)
    code = ("import threading, os\n"
            "from PySide6.QtCore import QTimer\n"
            "from PySide6.QtWidgets import QApplication\n"
            "import desk_app.ui.app as a\n"
            "orig = a.DeskApp.on_probed\n"
            "def probed(self, p):\n"
            "    orig(self, p)\n"
            "    print('DIALOG', type(self.dialog).__name__, flush=True)\n"
            "    QTimer.singleShot(0, QApplication.quit)\n"
            "a.DeskApp.on_probed = probed\n"
            "import sys; sys.argv = ['desk-app']\n"
            "from desk_app.__main__ import main\n"
            "raise SystemExit(main())\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "DIALOG SetupDialog" in out.stdout, out.stderr
    assert "Traceback" not in out.stderr


def test_every_action_shows_its_shortcut(qtbot, window_for):
    win = window_for("super")
    for name, action in win.actions_by_name.items():
        keys = action.shortcut().toString()
        assert keys, name
        assert f"({keys})" in action.toolTip(), (name, action.toolTip())
    names = {"actionEnrol", "actionFullRegistration", "actionIssueCard", "actionPostStay", "actionPostBill",
             "actionRedeem", "actionPayByPoints", "actionSignOut"}
    assert names <= set(win.actions_by_name)
    for name in ("lookupInput", "resultsView", "memberNumberLabel", "memberNameLabel", "tierLabel",
                 "pointsBalanceLabel"):
        assert win.findChild(object, name) is not None, name


def test_esc_cancels_without_writing(qtbot, window_for, members, staff):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog

    win = window_for("clerk1")
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, EnrolDialog)
    qtbot.keyClicks(dlg.family, "Nobody")
    qtbot.keyClick(dlg.family, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.dialog is None or not win.dialog.isVisible())
    assert lookup.lookup(staff, win.session.desk, "nobody") == []
    qtbot.waitUntil(win.lookup_input.hasFocus)


def test_database_work_runs_off_the_gui_thread(qtbot, window_for, members, monkeypatch):
    from desk_app.services import lookup

    threads = []
    original = lookup.lookup

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(lookup, "lookup", spy)
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert win.session.worker.pool.maxThreadCount() == 1
