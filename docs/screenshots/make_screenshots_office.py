"""Render the office's windows (supervisor) into docs/screenshots/office_*.png,
in English and in Japanese (_ja):

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots_office.py

A throw-away database filled through the services: demo members, then a
month of business at the desk's hotel (services/demo_day.busy_day: stays,
bills, awards, Pay by Points, adjustments, reversals, refusals, new
members), two members who stopped coming in 2022 and one guest enrolled
twice. The day report is of the business date, 2026/06/15; its printed
page is drawn too (office_day_report_page*.png)."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shots import BUSINESS_DATE, save_png, throwaway_user_data, wait  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

DAY = BUSINESS_DATE


def fill(db, sup) -> None:
    from desk_app.services import demo, demo_day, registration

    demo.generate(db, sup, 60, seed=7)
    for back in range(29, -1, -1):
        day = DAY - timedelta(days=back)
        busy = 8 + (day.toordinal() * 7) % 23 + (14 if day.weekday() >= 4 else 0)
        demo_day.busy_day(db, sup, day, busy if back else 120, seed=3, enrolments=(day.toordinal() % 4))
    old = sup.on(date(2022, 1, 10))
    for fam, giv, kana_f, kana_g, email in (("近藤", "勇", "コンドウ", "イサミ", "kondo.isami@example.jp"),
                                            ("土方", "歳三", "ヒジカタ", "トシゾウ", "hijikata@example.jp")):
        registration.register(db, old, registration.Enrolment(fam, giv, email, kana_f, kana_g))
    twice = sup.on(date(2026, 5, 20))
    first = registration.register(db, twice, registration.Enrolment(
        "伊藤", "健", "ito.ken@example.jp", "イトウ", "ケン", birth_date=date(1975, 3, 3)))
    registration.complete_registration(db, twice, first.member_number, postal_code="530-0001",
                                       address="大阪府大阪市北区梅田2-2-2", country="JP", phone="06-1234-5678")
    registration.register(db, twice.on(date(2026, 6, 2)), registration.Enrolment(
        "伊藤", "健", "ken.ito@example.com", "いとう", "けん", birth_date=date(1975, 3, 3)))


def page_image(report, program, width: int = 900):
    """The printed A4 page as the printer gets it, drawn on white."""
    from PySide6.QtCore import QRectF, QSizeF, Qt
    from PySide6.QtGui import QImage, QPainter

    from desk_app.ui.office import report_document

    doc = report_document.document(report, program)
    margin = int(width * 15 / 210)
    doc.setPageSize(QSizeF(width - 2 * margin, (width - 2 * margin) * 267 / 180))
    height = int(width * 297 / 210)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.translate(margin, margin)
        doc.drawContents(painter, QRectF(0, 0, doc.pageSize().width(), doc.pageSize().height()))
    finally:
        painter.end()
    return image


def main() -> None:
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    tmp = throwaway_user_data("desk-shots-office-")

    from desk_app import config
    from desk_app.services import clerks
    from desk_app.services.context import Desk
    from desk_app.services.database import Database
    from desk_app.ui.i18n import install_language
    from desk_app.ui.main_window import MainWindow
    from desk_app.ui.session import DeskSession
    from desk_app.ui.worker import Worker

    db = Database(f"sqlite:///{(tmp / 'desk.sqlite3').as_posix()}")
    db.initialize("one_harmony", business_date=DAY)
    clerks.create(db, None, "sato.h", "Hanako Sato", "supervisor", "password1")
    sup = Desk(DAY, "TKO", "sato.h", "OFFICE-1", "supervisor")
    fill(db, sup)
    from desk_app.services import exports

    exports.export_ledger(db, sup, tmp / "ledger-20260601-20260615.csv", date(2026, 6, 1), DAY, personal=True)
    exports.export_members(db, sup, tmp / "members-20260615.csv")
    worker = Worker()
    settings = config.Settings(property_code="TKO", terminal="OFFICE-1")
    session = DeskSession(db, settings, worker, db.program, clerks.authenticate(db, "sato.h", "password1"))

    for lang, suffix in (("en", ""), ("ja", "_ja")):
        install_language(app, lang)
        shots(session, suffix)
    worker.wait()
    # The night audit once it has run: on a copy each, so both languages close the same day.
    for lang, suffix in (("en", ""), ("ja", "_ja")):
        install_language(app, lang)
        audited(db, tmp / f"audit{suffix}.sqlite3", suffix)
    install_language(app, "en")
    db.dispose()


def audited(db, copy: Path, suffix: str) -> None:
    import sqlite3

    from desk_app import config
    from desk_app.services import business_date, clerks
    from desk_app.services.database import Database
    from desk_app.ui.main_window import MainWindow
    from desk_app.ui.office.night_audit_dialog import NightAuditDialog
    from desk_app.ui.session import DeskSession
    from desk_app.ui.worker import Worker

    source, target = sqlite3.connect(db.sqlite_path()), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    other = Database(f"sqlite:///{copy.as_posix()}")
    worker = Worker()
    session = DeskSession(other, config.Settings(property_code="TKO", terminal="OFFICE-1"), worker, other.program,
                          clerks.authenticate(other, "sato.h", "password1"), business_date.current(other, "TKO"))
    win = MainWindow(session)
    dialog = NightAuditDialog(session, win)
    dialog.show()
    wait(lambda: dialog.plan is not None)
    dialog.start()
    wait(lambda: dialog.summary is not None, timeout=120)
    save_png(dialog, f"office_night_audit_done{suffix}.png")
    dialog.close()
    win.close()
    worker.wait()
    other.dispose()


def shots(session, suffix: str) -> None:
    from desk_app.ui.main_window import MainWindow
    from desk_app.ui.office.day_report_dialog import DayReportDialog
    from desk_app.ui.office.duplicates_dialog import DuplicatesDialog
    from desk_app.ui.office.export_dialog import ExportDialog
    from desk_app.ui.office.inactive_dialog import InactiveDialog
    from desk_app.ui.office.program_reports_dialog import ProgramReportsDialog

    def save(widget, name: str) -> None:
        save_png(widget, f"{name}{suffix}.png")

    win = MainWindow(session)
    win.fit_to_screen()
    win.show()
    win.office_menu.popup(win.mapToGlobal(win.menuBar().geometry().bottomLeft()))
    wait(lambda: win.office_menu.isVisible())
    save(win.office_menu, "office_menu")
    win.office_menu.hide()

    day = DayReportDialog(session, win)
    day.show()
    wait(lambda: day.report is not None)
    save(day, "office_day_report")
    save_png(page_image(day.report, session.program), f"office_day_report_page{suffix}.png")
    day.kind.setCurrentIndex(day.kind.findData("shift"))
    day.clerk.setCurrentText("front.ito")
    day.report = None
    day.load()
    wait(lambda: day.report is not None)
    save(day, "office_shift_report")
    day.close()

    reports = ProgramReportsDialog(session, win)
    reports.show()
    wait(lambda: reports.figures is not None)
    for index, name in enumerate(("points", "tiers", "expiring", "enrolments")):
        reports.tabs.setCurrentIndex(index)
        save(reports, f"office_program_{name}")
    reports.close()

    export = ExportDialog(session, win)
    export.show()
    export.ledger.setChecked(True)
    export.personal.setChecked(True)
    save(export, "office_export_dialog")
    export.close()

    dupes = DuplicatesDialog(session, win)
    dupes.show()
    wait(lambda: dupes.pair is not None)
    dupes.sure.setChecked(True)
    save(dupes, "office_duplicates_dialog")
    dupes.close()

    idle = InactiveDialog(session, win)
    idle.show()
    wait(lambda: idle.model.rowCount() > 0)
    idle.table.selectAll()
    idle.reason.setText("36か月未利用（規約7.2）" if suffix else "inactive for 36 months (terms 7.2)")
    save(idle, "office_inactive_dialog")
    idle.close()

    night = _night_audit(session, win)
    if night is not None:
        save(night, "office_night_audit")
        night.close()
    win.close()


def _night_audit(session, win):
    """The night audit's window before it starts (the plan)."""
    from desk_app.ui.office.night_audit_dialog import NightAuditDialog

    dialog = NightAuditDialog(session, win)
    dialog.show()
    wait(lambda: dialog.plan is not None or bool(dialog.error.text()))
    if dialog.plan is None:
        print(f"night audit not shown: {dialog.error.text()}")
        dialog.close()
        return None
    return dialog


if __name__ == "__main__":
    main()
