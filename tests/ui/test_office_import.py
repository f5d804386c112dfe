"""Office > Import members from the desk: a supervisor picks a CSV file,
imports it with the progress bar moving, sees a bad file refused with its
rows listed, and cancels a long import with nothing written. A clerk does
not see the action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from benchmarks.members_csv import write_csv
from .conftest import BUSINESS_DATE, wait_dialog
from .office_fixtures import busy, office_template, office_window  # noqa: F401 - fixtures


def _members(db) -> int:
    from desk_app.db.schema import Member

    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Member))


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _open(qtbot, win, monkeypatch, path):
    from desk_app.ui.office import import_dialog
    from desk_app.ui.office.import_dialog import ImportMembersDialog

    monkeypatch.setattr(import_dialog, "ask_open_path", lambda parent, title: path)
    qtbot.keyClick(win, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    dlg = wait_dialog(qtbot, win, ImportMembersDialog)
    click(qtbot, dlg.findChild(QPushButton, "chooseFileButton"))
    assert dlg.path_edit.text() == str(path)
    return dlg


def test_a_supervisor_imports_a_file(qtbot, office_window, busy, monkeypatch, tmp_path):
    from desk_app.services import audit, importing

    monkeypatch.setattr(importing, "CHUNK", 20)
    db, _numbers = busy
    before = _members(db)
    path = write_csv(tmp_path / "members.csv", 90, seed=4, business_date=BUSINESS_DATE)
    win = office_window("super")
    dlg = _open(qtbot, win, monkeypatch, path)
    seen = []
    dlg.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dlg.sig_done, timeout=30000) as done:
        click(qtbot, dlg.start_button)
    assert done.args[0].imported == 90 and not done.args[0].dry_run, dlg.error.text()
    assert any(0 < v for v in seen)
    assert "Imported: 90 members" in dlg.state.text()
    assert _members(db) == before + 90
    assert audit.check_ledger(db, win.session.desk).entries > 90
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)


def test_a_bad_file_is_refused_with_its_rows(qtbot, office_window, busy, monkeypatch, tmp_path):
    db, _numbers = busy
    before = _members(db)
    path = tmp_path / "bad.csv"
    path.write_text("family_name,given_name,email\nIto,Ken,ken@example.jp\n株式会社ヤマダ,Taro,t@example.jp\n"
                    "Sato,Hana,not-an-address\n", encoding="utf-8")
    win = office_window("super")
    dlg = _open(qtbot, win, monkeypatch, path)
    with qtbot.waitSignal(dlg.sig_stopped, timeout=30000):
        qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    assert dlg.error.isVisible() and "so nothing was imported" in dlg.error.text()
    listed = dlg.problems.toPlainText().splitlines()
    assert listed[0].startswith("Line 3, family_name:") and listed[1].startswith("Line 4, email:")
    assert _members(db) == before
    # a dry run of a good file writes nothing either
    good = write_csv(tmp_path / "good.csv", 10, seed=8, business_date=BUSINESS_DATE)
    dlg.path_edit.setText(str(good))
    qtbot.keyClick(dlg.path_edit, Qt.Key.Key_Tab)      # past Choose… to the check box
    qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.dry_run
    qtbot.keyClick(dlg.dry_run, Qt.Key.Key_Space)
    assert dlg.dry_run.isChecked()
    with qtbot.waitSignal(dlg.sig_done, timeout=30000) as done:
        qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    assert done.args[0].dry_run and "Nothing was written yet" in dlg.state.text()
    assert _members(db) == before


def test_a_cancelled_import_writes_nothing(qtbot, office_window, busy, monkeypatch, tmp_path):
    import threading

    from desk_app.services import importing

    monkeypatch.setattr(importing, "CHUNK", 10)
    db, _numbers = busy
    before = _members(db)
    path = write_csv(tmp_path / "members.csv", 200, seed=6, business_date=BUSINESS_DATE)
    # The worker waits after its first chunk until the clerk has pressed Cancel.
    pressed = threading.Event()
    real = importing._Writer.write

    def slow_write(self, rows):
        pressed.wait(10)
        return real(self, rows)

    monkeypatch.setattr(importing._Writer, "write", slow_write)
    win = office_window("super")
    dlg = _open(qtbot, win, monkeypatch, path)
    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    assert dlg.cancel_button.isEnabled()
    with qtbot.waitSignal(dlg.sig_stopped, timeout=30000) as stopped:
        click(qtbot, dlg.cancel_button)
        pressed.set()
    assert stopped.args[0] == "Cancelled: nothing was imported."
    assert _members(db) == before and dlg.close_button.isEnabled()


def test_only_a_supervisor_sees_the_import(qtbot, office_window, busy):
    win = office_window("super")
    assert win.actions_by_name["actionImportMembers"].isVisible()
    cashier = office_window("cash1")
    assert not cashier.actions_by_name["actionImportMembers"].isVisible()
