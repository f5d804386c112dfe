"""The office's block in the Office menu (supervisors): night audit,
reports, exports, duplicates and inactive memberships. Installed by the
main window in one call, so the window's own menus stay as they are."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..widgets import make_action

# Each action shows to the roles the matrix (services/roles.py) lets do it:
# a clerk finds their own shift report and an export without personal data.
ROLE_ACTIONS = {
    "actionNightAudit": "night_audit", "actionDayReport": "report_day", "actionShiftReport": "report_shift_own",
    "actionProgramReports": "report_program", "actionExport": "export_data", "actionDuplicates": "find_duplicates",
    "actionInactive": "inactive", "actionImportMembers": "import_members",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("OfficeMenu", text)


def install(window) -> None:
    """Add the office's actions to window.actions_by_name and, after a
    separator, to the end of its Office menu."""
    items = (
        (_t("Night audi&t…"), "Ctrl+Alt+N", on_night_audit, "actionNightAudit",
         _t("Roll the business date, write off expired points and, at the turn of the year, evaluate tiers")),
        (_t("Da&y report…"), "Ctrl+Alt+D", on_day_report, "actionDayReport",
         _t("What the hotel did on a business date, by clerk and terminal")),
        (_t("Shi&ft report…"), "Ctrl+Alt+S", on_shift_report, "actionShiftReport",
         _t("What one clerk did on a business date")),
        (_t("Program report&s…"), "Ctrl+Alt+P", on_program_reports, "actionProgramReports",
         _t("Points issued and redeemed, members by tier, points expiring, enrolments: charts and tables")),
        (_t("E&xport members or ledger…"), "Ctrl+Alt+E", on_export, "actionExport",
         _t("Members or the ledger for a period to a CSV file (recorded)")),
        (_t("Dupli&cate memberships…"), "Ctrl+Alt+U", on_duplicates, "actionDuplicates",
         _t("Memberships that may be one person: compare them side by side and merge")),
        (_t("&Inactive memberships…"), "Ctrl+Alt+I", on_inactive, "actionInactive",
         _t("No stay and no points for 36 months: revoke one by one or selected")),
        (_t("Import &members…"), "Ctrl+Alt+M", on_import, "actionImportMembers",
         _t("Members from the hotel's previous system, from a CSV file: all rows or none")),
    )
    window.office_menu.addSeparator()
    for text, shortcut, handler, name, tip in items:
        action = make_action(window, text, shortcut, lambda _checked=False, h=handler: h(window), name, tip)
        window.addAction(action)
        window.actions_by_name[name] = action
        window.office_menu.addAction(action)


def on_night_audit(window) -> None:
    from .night_audit_dialog import NightAuditDialog

    window.open_dialog(NightAuditDialog(window.session, window), lambda _summary: _business_date_moved(window))


def _business_date_moved(window) -> None:
    """The desk reads the hotel's new business date, and its status bar shows it."""
    watcher = getattr(window, "business_day", None)
    if watcher is not None:
        watcher.refresh()
    else:
        window.apply_role()


def on_day_report(window) -> None:
    from .day_report_dialog import DayReportDialog

    window.open_dialog(DayReportDialog(window.session, window))


def on_shift_report(window) -> None:
    from .day_report_dialog import DayReportDialog

    window.open_dialog(DayReportDialog(window.session, window, shift=True))


def on_program_reports(window) -> None:
    from .program_reports_dialog import ProgramReportsDialog

    window.open_dialog(ProgramReportsDialog(window.session, window))


def on_export(window) -> None:
    from .export_dialog import ExportDialog

    window.open_dialog(ExportDialog(window.session, window))


def on_duplicates(window) -> None:
    from .duplicates_dialog import DuplicatesDialog

    window.open_dialog(DuplicatesDialog(window.session, window))


def on_inactive(window) -> None:
    from .inactive_dialog import InactiveDialog

    window.open_dialog(InactiveDialog(window.session, window))


def on_import(window) -> None:
    from .import_dialog import ImportMembersDialog

    window.open_dialog(ImportMembersDialog(window.session, window))
