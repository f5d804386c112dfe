"""The office's reports from the desk, on a database with demo members and
a known business day: the figures on screen are the ledger's, and the
printed, PDF and CSV forms hold the same."""

from __future__ import annotations

import csv
from datetime import date

from sqlalchemy import func, select

from .conftest import BUSINESS_DATE, office, wait_dialog
from .office_fixtures import busy, office_template, office_window, save_as  # noqa: F401 - fixtures


def _ledger_sum(db, *kinds, prop="TKO", day=BUSINESS_DATE, **where):
    from desk_app.db.schema import LedgerEntry as E

    q = select(func.coalesce(func.sum(E.points), 0)).where(E.business_date == day, E.kind.in_(kinds),
                                                           E.property_code == prop)
    for k, v in where.items():
        q = q.where(getattr(E, k) == v)
    with db.read() as s:
        return s.scalar(q)


def test_day_report_on_screen_printed_and_saved(qtbot, office_window, busy, save_as, printed):
    from desk_app.ui.office.day_report_dialog import DayReportDialog

    db, _numbers = busy
    win = office_window("super")
    assert win.actions_by_name["actionDayReport"].isVisible()
    win.actions_by_name["actionDayReport"].trigger()
    dlg = wait_dialog(qtbot, win, DayReportDialog)
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=10000)
    r = dlg.report
    assert (r.kind, r.business_date, r.property_code) == ("day", BUSINESS_DATE, "TKO")
    # Every total is the ledger's own sum for the day.
    assert r.totals.points_issued == _ledger_sum(db, "stay", "bill")
    assert r.totals.award_points + r.totals.pay_by_points_points == -_ledger_sum(db, "redeem")
    assert r.totals.adjustment_points == _ledger_sum(db, "adjust")
    assert r.totals.reversal_points == _ledger_sum(db, "reverse")
    clerks = {g.key: g.activity for g in r.by_clerk}
    c1, cash = clerks["clerk1"], clerks["cash1"]
    assert (c1.stays, c1.nights, c1.points_base, c1.points_bonus, c1.awards, c1.award_points) == (
        1, 2, 800, 200, 1, 4_000)
    assert (cash.bills, cash.points_base, cash.pay_by_points, cash.pay_by_points_yen, cash.pay_by_points_points,
            cash.refusals) == (1, 120, 1, 1_000, 800, 1)
    assert [(c.kind, c.clerk, c.points, c.reason) for c in r.corrections if c.clerk == "super"][-2:] == [
        ("adjust", "super", 300, "goodwill for the wait at check-in"),
        ("reverse", "super", -120, "posted to the wrong member")]
    text = dlg.view.toPlainText()
    assert "Day report: 2026/06/15" in text and "goodwill for the wait at check-in" in text
    assert "The member does not have enough points for this." in text
    assert f"{r.totals.points_issued:,}" in text

    qtbot.mouseClick(dlg.csv_button, qtbot_left())
    qtbot.waitUntil(lambda: bool(save_as) and save_as[-1].exists(), timeout=5000)
    with open(save_as[-1], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[3]
    clerk_row = next(dict(zip(header, row)) for row in rows if row[:2] == ["clerk", "clerk1"])
    assert (clerk_row["points_base"], clerk_row["points_bonus"], clerk_row["nights"]) == ("800", "200", "2")
    with qtbot.waitSignal(dlg.sig_saved, timeout=10000):
        qtbot.mouseClick(dlg.pdf_button, qtbot_left())
    assert save_as[-1].suffix == ".pdf" and save_as[-1].read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(dlg.print_button, qtbot_left())
    assert printed.read_bytes().startswith(b"%PDF")


def _issued_on(db, day):
    """Stays and bills posted that day at any hotel, less the postings reversed that day."""
    from desk_app.db.schema import LedgerEntry as E

    with db.read() as s:
        return s.scalar(select(func.coalesce(func.sum(E.points), 0)).where(
            E.business_date == day, E.property_code.is_not(None),
            E.kind.in_(("stay", "bill")) | ((E.kind == "reverse") & E.award_code.is_(None))))


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_shift_report_for_one_clerk(qtbot, office_window, busy):
    from desk_app.ui.office.day_report_dialog import DayReportDialog

    win = office_window("super")
    win.actions_by_name["actionShiftReport"].trigger()
    dlg = wait_dialog(qtbot, win, DayReportDialog)
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=10000)
    assert dlg.report.kind == "shift" and dlg.report.clerk == "super"
    dlg.clerk.setCurrentText("cash1")
    with qtbot.waitSignal(dlg.sig_done, timeout=10000) as shown:
        qtbot.mouseClick(dlg.show_button, qtbot_left())
    r = shown.args[0]
    assert (r.clerk, r.totals.bills, r.totals.pay_by_points_yen, r.totals.refusals, r.totals.stays) == (
        "cash1", 1, 1_000, 1, 0)
    assert "Shift report: cash1, 2026/06/15" in dlg.view.toPlainText()
    dlg.day.setDate(dlg.day.date().addDays(-1))
    with qtbot.waitSignal(dlg.sig_done, timeout=10000) as shown:
        qtbot.mouseClick(dlg.show_button, qtbot_left())
    assert shown.args[0].totals.bills == 0


def test_program_reports_charts_tables_and_csv(qtbot, qtmodeltester, office_window, busy, save_as):
    from desk_app.db.schema import Lot, Member
    from desk_app.services import lookup
    from desk_app.ui.office.program_reports_dialog import ProgramReportsDialog

    db, _numbers = busy
    win = office_window("super")
    win.actions_by_name["actionProgramReports"].trigger()
    dlg = wait_dialog(qtbot, win, ProgramReportsDialog)
    qtbot.waitUntil(lambda: dlg.figures is not None, timeout=15000)
    f = dlg.figures
    # Points: the chart's bars are the ledger's figures day by day.
    chart = dlg.points_day.data
    assert len(chart.categories) == 30 and chart.categories[-1] == "06/15"
    issued = chart.series[0].values
    for back in range(30):
        day = date.fromordinal(BUSINESS_DATE.toordinal() - back)
        assert issued[-1 - back] == _issued_on(db, day), day
    assert chart.x_label == "Business date" and chart.y_label == "Points"
    for tab in (dlg.points_tab, dlg.tier_tab, dlg.expiry_tab, dlg.enrol_tab):
        qtmodeltester.check(tab.model)
    # Tiers: the same as each open member's page.
    with db.read() as s:
        numbers = list(s.scalars(select(Member.number).where(Member.status == "active")))
    tiers = [lookup.show(db, office(), n).tier for n in numbers]
    assert {r.tier: r.members for r in f.tiers.rows} == {t: tiers.count(t) for t in ("basic", "loyal", "exclusive")}
    assert dlg.tier_chart.data.series[0].values == tuple(r.members for r in f.tiers.rows)
    # Expiring: 24 months from June 2026, adding up to the valid points left that expire by then.
    assert len(dlg.expiry_chart.data.categories) == 24 and dlg.expiry_chart.data.categories[0] == "2026/06"
    with db.read() as s:
        left = s.scalar(select(func.sum(Lot.remaining)).where(Lot.remaining > 0, Lot.expires_on >= BUSINESS_DATE,
                                                              Lot.expires_on < date(2028, 6, 1)))
    assert f.expiring.total == left and sum(dlg.expiry_chart.data.series[0].values) == left
    # Enrolments: one bar a day, the period's members.
    with db.read() as s:
        joined = s.scalar(select(func.count()).select_from(Member).where(
            Member.enrolled_on.between(date(2026, 5, 17), BUSINESS_DATE)))
    assert sum(dlg.enrol_chart.data.series[0].values) == joined == f.enrolments.total
    assert dlg.enrol_tab.total.text() == f"{joined} new members."
    dlg.tabs.setCurrentWidget(dlg.expiry_tab)
    with qtbot.waitSignal(dlg.sig_saved, timeout=5000):
        qtbot.mouseClick(dlg.expiry_tab.save, qtbot_left())
    lines = save_as[-1].read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "month,points,members" and len(lines) == 25
    assert sum(int(line.split(",")[1]) for line in lines[1:]) == left
    # Another hotel only.
    dlg.property.setCurrentIndex(dlg.property.findData("OSA"))
    with qtbot.waitSignal(dlg.sig_done, timeout=10000) as shown:
        qtbot.mouseClick(dlg.refresh, qtbot_left())
    assert {r.property_code for r in shown.args[0].flow.rows} <= {"OSA"}


def test_a_cashier_prints_their_own_shift_report(qtbot, office_window, busy, printed):
    from desk_app.ui.office.day_report_dialog import DayReportDialog

    win = office_window("cash1")
    a = win.actions_by_name
    assert a["actionShiftReport"].isVisible()
    assert not any(a[n].isVisible() for n in ("actionDayReport", "actionNightAudit", "actionProgramReports",
                                              "actionExport", "actionDuplicates", "actionInactive"))
    a["actionShiftReport"].trigger()
    dlg = wait_dialog(qtbot, win, DayReportDialog)
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=10000)
    assert (dlg.report.kind, dlg.report.clerk) == ("shift", "cash1")
    assert not dlg.kind.isEnabled() and not dlg.clerk.isEnabled()
    assert (dlg.report.totals.bills, dlg.report.totals.pay_by_points_yen) == (1, 1_000)
    qtbot.mouseClick(dlg.print_button, qtbot_left())
    assert printed.read_bytes().startswith(b"%PDF")
