"""Office > Night audit from the desk, on a database with demo members
whose older points have passed their date: the business date moves on,
the write-offs are exactly what had expired, a cancel stops between two
members and the next audit finishes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from .conftest import BUSINESS_DATE, wait_dialog
from .office_fixtures import busy, office_template, office_window  # noqa: F401 - fixtures

NEXT = date(2026, 6, 16)


def _due(db):
    """Points left in lots whose last day is before NEXT, and their members."""
    from desk_app.db.schema import Lot

    with db.read() as s:
        return tuple(s.execute(select(func.coalesce(func.sum(Lot.remaining), 0), func.count(func.distinct(Lot.member_id)))
                               .where(Lot.remaining > 0, Lot.expires_on < NEXT)).one())


def _written_off(db):
    from desk_app.db.schema import LedgerEntry as E

    with db.read() as s:
        return -s.scalar(select(func.coalesce(func.sum(E.points), 0)).where(E.kind == "expire",
                                                                           E.business_date == NEXT))


def test_night_audit_from_the_desk(qtbot, office_window, busy):
    from desk_app.services import audit, business_date
    from desk_app.ui.office.night_audit_dialog import NightAuditDialog

    db, _numbers = busy
    points, members = _due(db)
    assert points > 0 and members > 0          # demo members' 2022-2023 points, past their date
    win = office_window("super")
    assert "Business date 2026/06/15" in win.status_label.text()
    win.actions_by_name["actionNightAudit"].trigger()
    dlg = wait_dialog(qtbot, win, NightAuditDialog)
    qtbot.waitUntil(lambda: dlg.plan is not None, timeout=10000)
    assert "Business date now: 2026/06/15" in dlg.intro.text() and "opens 2026/06/16" in dlg.intro.text()
    assert list(dlg.bars) == ["close_day", "expire_points"]
    with qtbot.waitSignal(dlg.sig_done, timeout=30000) as done:
        qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    summary = done.args[0]
    assert summary.complete and (summary.closed, summary.business_date) == (BUSINESS_DATE, NEXT)
    expiry = next(o for o in summary.steps if o.step == "expire_points")
    assert expiry.figures == {"expired_points": points, "members": members}
    assert _written_off(db) == points and _due(db) == (0, 0)
    assert business_date.current(db, "TKO") == NEXT
    assert audit.check_all(db, win.session.desk) == []
    _label, bar, state = dlg.bars["expire_points"]
    assert bar.value() == bar.maximum() == 1 and f"{points:,} points written off from {members} members" in \
        state.text()
    assert "Business day 2026/06/15 closed; the business date is now 2026/06/16." in dlg.summary_label.text()
    assert "Ledger chain head at the close" in dlg.summary_label.text()
    qtbot.waitUntil(lambda: dlg.history.rowCount() >= 2, timeout=5000)
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Business date 2026/06/16" in win.status_label.text(), timeout=10000)


def test_night_audit_cancelled_safely_then_finished(qtbot, office_window, busy, monkeypatch):
    from desk_app.services import audit, business_date, night_audit
    from desk_app.ui.office.night_audit_dialog import NightAuditDialog

    monkeypatch.setattr(night_audit, "CHUNK", 1)   # one member per transaction: room to cancel
    db, _numbers = busy
    points, members = _due(db)
    assert members >= 2
    win = office_window("super")
    win.actions_by_name["actionNightAudit"].trigger()
    dlg = wait_dialog(qtbot, win, NightAuditDialog)
    qtbot.waitUntil(lambda: dlg.plan is not None, timeout=10000)
    # The clerk presses Cancel as soon as the first member is written off.

    def on_progress(step, done, total):
        if step == "expire_points" and done >= 1 and dlg.cancel_button.isEnabled():
            qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    dlg.progress.sig_progress.connect(on_progress)
    with qtbot.waitSignal(dlg.sig_done, timeout=30000) as done:
        pass
    summary = done.args[0]
    assert summary.cancelled and not summary.complete and summary.business_date == NEXT
    left_points, left_members = _due(db)
    assert 0 < left_members < members and _written_off(db) + left_points == points
    assert audit.check_all(db, win.session.desk) == []          # nothing half-done
    assert "Cancelled: every member is either done or untouched." in dlg.summary_label.text()
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.dialog is None or not win.dialog.isVisible(), timeout=5000)

    # The next audit finishes what is left, and the business date stays.
    win.actions_by_name["actionNightAudit"].trigger()
    again = wait_dialog(qtbot, win, NightAuditDialog)
    qtbot.waitUntil(lambda: again.plan is not None, timeout=10000)
    assert again.plan.resumes and "did not finish" in again.intro.text()
    assert again.start_button.text() == "&Finish the audit"
    with qtbot.waitSignal(again.sig_done, timeout=60000) as finished:
        qtbot.mouseClick(again.start_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].complete and finished.args[0].closed is None
    assert _due(db) == (0, 0) and _written_off(db) == points
    assert business_date.current(db, "TKO") == NEXT
