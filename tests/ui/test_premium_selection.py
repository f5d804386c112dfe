"""Member ▸ Premium Selection hotel, driven like a clerk; the rules are the
service's, the dialog says them in the clerk's words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import confirm, office, open_member, wait_dialog


def _hotel(db, number):
    from desk_app.services import lookup

    return lookup.show(db, office(), number).premium_hotel


def test_choose_then_refused_change_and_restricted_hotel(qtbot, window_for, members, staff):
    from desk_app.ui.dialogs.premium_dialog import PremiumSelectionDialog

    win = window_for("clerk1")
    open_member(qtbot, win, members["sato"])  # Basic member
    qtbot.keyClick(win, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dlg = wait_dialog(qtbot, win, PremiumSelectionDialog)
    dlg.hotel.setCurrentIndex(dlg.hotel.findData("OKT"))  # Hotel Okura Tokyo: Loyal and Exclusive only
    confirm(qtbot, dlg, dlg.hotel)
    qtbot.waitUntil(lambda: bool(dlg.error.text()), timeout=5000)
    assert "Loyal and Exclusive members" in dlg.error.text() and _hotel(staff, members["sato"]) is None
    dlg.hotel.setCurrentIndex(dlg.hotel.findData("OSA"))
    with qtbot.waitSignal(win.sig_member_shown, timeout=5000):
        confirm(qtbot, dlg, dlg.hotel)
    assert _hotel(staff, members["sato"]) == "OSA" and win.member.premium_hotel == "OSA"

    # A change in the same year is refused in plain words, and nothing changes.
    qtbot.keyClick(win, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    again = wait_dialog(qtbot, win, PremiumSelectionDialog)
    assert again.hotel.currentData() == "OSA"
    again.hotel.setCurrentIndex(again.hotel.findData("TKO"))
    confirm(qtbot, again, again.hotel)
    qtbot.waitUntil(lambda: bool(again.error.text()), timeout=5000)
    assert "once each April-to-March year" in again.error.text() and _hotel(staff, members["sato"]) == "OSA"
    qtbot.keyClick(again, Qt.Key.Key_Escape)


def test_cashier_does_not_see_it(window_for):
    win = window_for("cash1")
    assert not win.actions_by_name["actionPremiumSelection"].isVisible()
