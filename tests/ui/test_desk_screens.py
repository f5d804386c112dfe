"""Issue 12: the window and the dialogs fit the screen they open on, at 100%
and 150%, down to 1024x700; the results pane is as tall as its hits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMargins, QRect, QSize, Qt

from .conftest import focused, open_member, wait_dialog

FRAME = QMargins(4, 32, 4, 4)

# Available geometry (a 40 px taskbar) in logical pixels: 150% divides by 1.5.
SCREENS = {
    "1920x1080": QRect(0, 0, 1920, 1040),
    "1366x768": QRect(0, 0, 1366, 728),
    "1920x1080@150%": QRect(0, 0, 1280, 693),
    "1366x768@150%": QRect(0, 0, 910, 485),
    "1024x700": QRect(0, 0, 1024, 660),
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_the_window_with_its_frame_stays_on_the_screen(name):
    from desk_app.ui import screen_fit

    room = SCREENS[name]
    rect = screen_fit.fit(room, FRAME)
    outer = rect.marginsAdded(FRAME)
    assert room.contains(outer), (name, outer)
    assert rect.width() <= 1280 and rect.height() <= 820
    # A place remembered on a bigger screen is brought back inside.
    moved = screen_fit.fit(room, FRAME, QRect(1500, 900, 1280, 820))
    assert room.contains(moved.marginsAdded(FRAME))


def _on_screen(monkeypatch, room: QRect) -> None:
    """The screen the desk is on, as its available geometry."""
    from desk_app.ui import screen_fit

    monkeypatch.setattr(screen_fit, "available", lambda _w: room)


def test_main_window_fits_1024x700_and_remembers_its_place(qtbot, window_for, members, desk_env, monkeypatch):
    import json

    from desk_app import config

    room = SCREENS["1024x700"]
    _on_screen(monkeypatch, room)
    win = window_for("clerk1")
    win.fit_to_screen()
    qtbot.wait(20)
    assert room.contains(win.frameGeometry()), win.frameGeometry()
    # Everything can shrink that far: the status bar stays on screen.
    hint = win.minimumSizeHint()
    assert hint.width() <= room.width() - 8 and hint.height() <= room.height() - 36, hint
    open_member(qtbot, win, members["yamada"])
    qtbot.wait(50)
    assert win.statusBar().geometry().bottom() <= win.height()
    # The results pane: as tall as its one hit, the member page gets the rest.
    results_height = win.splitter.sizes()[0]
    rows_height = win.results_view.verticalHeader().defaultSectionSize()
    assert results_height <= win.results_view.horizontalHeader().height() + 3 * rows_height + 30, results_height
    # The place is remembered per screen when the window closes.
    win.move(win.x() + 10, win.y() + 10)
    win.close()
    saved = json.loads(config.settings_path().read_text(encoding="utf-8"))["window_geometry"]
    assert list(saved.values())[0][2:] == [win.width(), win.height()]


def test_a_dialog_taller_than_the_screen_scrolls_and_keeps_its_buttons(qtbot, window_for, members, monkeypatch):
    from desk_app.ui import screen_fit
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    _on_screen(monkeypatch, SCREENS["1366x768@150%"])
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    room = SCREENS["1366x768@150%"]
    assert dlg.frameGeometry().height() <= room.height()   # opened within the screen
    dlg.resize(QSize(dlg.width(), 1000))
    screen_fit.cap_dialog(dlg, room)
    qtbot.wait(50)
    assert dlg.frameGeometry().height() <= room.height()
    # The buttons and the points preview are inside the dialog; the form scrolls.
    for w in (dlg.ok_button, dlg.preview):
        top_left = w.mapTo(dlg, w.rect().topLeft())
        assert 0 <= top_left.y() and top_left.y() + w.height() <= dlg.height(), w.objectName()
    assert dlg.scroll.verticalScrollBar().maximum() > 0
    # Tabbing to a field below the fold brings it into view.
    dlg.charges.fields["paid_by_points"].setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dlg.companion_input
    qtbot.wait(20)
    assert dlg.scroll.verticalScrollBar().value() > 0


def test_a_dialog_that_fits_opens_whole_without_scrolling(qtbot, window_for, members, monkeypatch):
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    _on_screen(monkeypatch, SCREENS["1366x768"])
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    qtbot.wait(50)
    # Qt alone would stop a window at two thirds of the screen (512 px here) and scroll the form.
    assert dlg.scroll.verticalScrollBar().maximum() == 0
    assert dlg.height() >= dlg.sizeHint().height()


def test_office_dialogs_stay_on_a_small_screen(qtbot, window_for, monkeypatch):
    from desk_app.ui.office.day_report_dialog import DayReportDialog

    room = SCREENS["1366x768@150%"]
    _on_screen(monkeypatch, room)
    win = window_for("super")
    win.open_dialog(DayReportDialog(win.session, win))
    dlg = win.dialog
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.frameGeometry().height() <= room.height() and dlg.frameGeometry().width() <= room.width()


def test_a_form_that_grows_still_opens_whole(qtbot, window_for, monkeypatch):
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog

    _on_screen(monkeypatch, SCREENS["1366x768"])
    win = window_for("super")
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, EnrolDialog)
    dlg.email.setFocus()
    qtbot.keyClicks(focused(), "taro.yamada@example.jp")
    qtbot.waitUntil(lambda: "already belongs" in dlg.email_state.text(), timeout=5000)
    dlg.birth.setFocus()
    qtbot.keyClicks(focused(), "2011-04-02")      # a minor: the consent rows appear
    qtbot.wait(50)
    dlg.adjustSize()
    qtbot.wait(50)
    assert dlg.scroll.verticalScrollBar().maximum() == 0


def test_a_checkout_posted_on_1366x768_keeps_its_result_and_close_on_the_screen(qtbot, window_for, members,
                                                                               monkeypatch):
    """Seen under Xvfb: the review line and then the result made the dialog
    taller downwards, past the foot of the screen, with Close out of reach."""
    from desk_app.ui.dialogs.stay_dialog import StayDialog

    room = QRect(0, 0, 1366, 768)
    _on_screen(monkeypatch, room)
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    dlg = wait_dialog(qtbot, win, StayDialog)
    dlg.move(dlg.x(), 102)          # where the desk placed it over its main window
    for keys in ("4521", "\r", "2", "\r", "48000", "\r", "6500", "\r", "4800"):
        if keys == "\r":
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(focused(), keys)
    qtbot.waitUntil(lambda: "1,025 points" in dlg.preview.text(), timeout=5000)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dlg.reviewing, timeout=5000)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.completed, timeout=10000)
    qtbot.wait(100)
    frame = dlg.frameGeometry()
    assert room.contains(frame), (frame, room)
    for w in (dlg.result_label, dlg.ok_button):
        bottom = w.mapTo(dlg, w.rect().bottomLeft()).y()
        assert w.isVisible() and bottom <= dlg.height(), w.objectName()
