"""Office > Back up now and Restore from backup, driven like a supervisor
at the desk; and the desk's business date, which is the hotel's (in the
database), not an environment variable's."""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtCore import Qt

from .conftest import BUSINESS_DATE, confirm, office, wait_dialog

SUP = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_supervisor_backs_up_now_to_a_chosen_file(qtbot, window_for, staff, tmp_path, monkeypatch):
    from desk_app.services import audit, backups
    from desk_app.ui.dialogs import backup_dialog
    from desk_app.ui.dialogs.backup_dialog import BackupDialog

    win = window_for("super")
    assert win.actions_by_name["actionBackup"].isVisible()
    qtbot.keyClick(win, Qt.Key.Key_B, SUP)
    dlg = wait_dialog(qtbot, win, BackupDialog)
    assert dlg.path.text().startswith(str(backups.backups_dir()))  # offered: the backups folder
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(backup_dialog, "ask_backup_path", lambda parent, suggested: str(usb / "desk.sqlite3"))
    qtbot.mouseClick(dlg.browse, Qt.MouseButton.LeftButton)
    assert dlg.path.text() == str(usb / "desk.sqlite3")
    confirm(qtbot, dlg, dlg.path)
    qtbot.waitUntil(dlg.result.isVisible, timeout=10000)
    head = audit.chain_head(staff)
    assert str(usb / "desk.sqlite3") in dlg.result.text() and head.head in dlg.result.text()
    assert f"{head.entries} ledger entries" in dlg.result.text()
    assert backups.verify_file(usb / "desk.sqlite3") == head
    confirm(qtbot, dlg, dlg.path)  # Enter again closes
    qtbot.waitUntil(lambda: not dlg.isVisible())


def test_a_clerk_has_no_backup_and_the_service_refuses_one(qtbot, window_for, tmp_path):
    from desk_app.ui.dialogs.backup_dialog import BackupDialog

    win = window_for("clerk1")
    assert not win.actions_by_name["actionBackup"].isVisible()
    assert not win.actions_by_name["actionRestore"].isVisible()
    win.on_backup()
    dlg = wait_dialog(qtbot, win, BackupDialog)
    dlg.path.setText(str(tmp_path / "x.sqlite3"))
    confirm(qtbot, dlg, dlg.path)
    assert "role does not allow" in dlg.error.text()
    assert not (tmp_path / "x.sqlite3").exists()


def _bill_after_backup(staff, members, tmp_path):
    from desk_app.services import backups, lookup, posting

    saved = backups.backup(staff, office(), tmp_path / "monday.sqlite3")
    posting.post_bill(staff, office(), members["sato"], posting.Bill("C77", BUSINESS_DATE, {"fnb": 50_000}))
    assert lookup.show(staff, office(), members["sato"]).points_balance == 500
    return saved


def test_restore_brings_the_backup_back_and_everyone_signs_in_again(qtbot, window_for, staff, members, tmp_path):
    from desk_app.services import audit, lookup
    from desk_app.ui.dialogs.restore_dialog import RestoreDialog

    saved = _bill_after_backup(staff, members, tmp_path)
    win = window_for("super")
    qtbot.keyClick(win, Qt.Key.Key_O, SUP)
    dlg = wait_dialog(qtbot, win, RestoreDialog)
    dlg.path.clear()
    qtbot.keyClicks(dlg.path, str(saved.path))
    confirm(qtbot, dlg, dlg.path)
    assert "Tick the box" in dlg.error.text()
    assert lookup.show(staff, office(), members["sato"]).points_balance == 500  # nothing changed yet
    dlg.sure.setChecked(True)
    confirm(qtbot, dlg, dlg.path)
    qtbot.waitUntil(dlg.result.isVisible, timeout=10000)
    assert lookup.show(staff, office(), members["sato"]).points_balance == 0  # the later bill is gone
    assert audit.check_ledger(staff, office()) == audit.LedgerReport(saved.entries, saved.head)
    assert "kept as" in dlg.result.text() and ".before-restore." in dlg.result.text()
    assert dlg.ok_button.text() == "Sign in again"
    confirm(qtbot, dlg, dlg.path)
    qtbot.waitUntil(lambda: win.locked, timeout=5000)
    assert win.session.clerk is None


def test_a_tampered_backup_is_refused_and_nothing_changes(qtbot, window_for, staff, members, tmp_path):
    from desk_app.services import lookup
    from desk_app.ui.dialogs.restore_dialog import RestoreDialog

    saved = _bill_after_backup(staff, members, tmp_path)
    with sqlite3.connect(saved.path) as conn:
        conn.execute("UPDATE ledger_entries SET points = points + 100000 WHERE kind = 'stay'")
    conn.close()
    win = window_for("super")
    win.on_restore()
    dlg = wait_dialog(qtbot, win, RestoreDialog)
    dlg.path.setText(str(saved.path))
    dlg.sure.setChecked(True)
    confirm(qtbot, dlg, dlg.path)
    assert "fails its ledger check" in dlg.error.text()
    assert not dlg.result.isVisible() and not win.locked
    assert lookup.show(staff, office(), members["sato"]).points_balance == 500
    assert not list(staff.sqlite_path().parent.glob("*.before-restore.*"))


def test_the_desk_works_on_the_hotels_business_date(qtbot, window_for, staff, monkeypatch):
    from desk_app.services import business_date
    from desk_app.ui import formatting as fmt

    monkeypatch.setenv("DESK_APP_BUSINESS_DATE", "2030-01-01")  # no longer read by the desk
    win = window_for("super")
    assert win.session.desk.business_date == BUSINESS_DATE
    assert f"Business date {fmt.day(BUSINESS_DATE)}" in win.status_label.text()
    business_date.roll(staff, office(), date(2026, 6, 16))  # the night audit, from another desk
    win.business_day.refresh()
    qtbot.waitUntil(lambda: f"Business date {fmt.day(date(2026, 6, 16))}" in win.status_label.text(),
                    timeout=5000)
    assert win.session.desk.business_date == date(2026, 6, 16)


def test_the_desk_makes_the_days_backup_when_it_starts(qtbot, staff):
    from desk_app import config
    from desk_app.services import audit, backups
    from desk_app.ui.app import DeskApp

    config.save(config.Settings(database_url=staff.url, property_code="TKO", terminal="FRONT-1"))
    app = DeskApp()
    app.start()
    qtbot.waitUntil(lambda: app.dialog is not None and app.dialog.isVisible(), timeout=10000)
    qtbot.addWidget(app.dialog)
    app.worker.wait()  # the database opens on the worker, behind the sign-in window
    made = sorted(backups.backups_dir().glob("auto-*.sqlite3"))
    assert [p.name.rsplit("-", 3)[1:] for p in made] == [["2026", "06", "15.sqlite3"]]  # the hotel's business day
    assert backups.verify_file(made[0]) == audit.chain_head(staff)
    app.worker.wait()
