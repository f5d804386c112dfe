"""Office > Export members or ledger: a CSV file of the members (or those
enrolled in a period) or of the ledger for a period, with personal data
only if a supervisor asks for it. Every export is recorded; the latest
are listed here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QFormLayout, QHBoxLayout, QLabel, QRadioButton, QWidget

from ...services import exports
from .. import formatting as fmt
from ..base_dialog import FormDialog
from ..models import Column, RowsModel
from ..widgets import make_table
from .common import ask_save_path, day_edit, from_qdate


def _t(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


class ExportLogModel(RowsModel):
    def columns(self):
        return (
            Column(_t("When (UTC)"), lambda r: f"{fmt.day(r.created_at.date())} {r.created_at:%H:%M}"),
            Column(_t("What"), lambda r: _t("Members") if r.subject == "members" else _t("Ledger")),
            Column(_t("Period"), lambda r: "" if r.period_from is None else
                   f"{fmt.day(r.period_from)} – {fmt.day(r.period_to)}"),
            Column(_t("Rows"), lambda r: fmt.points(r.rows), numeric=True),
            Column(_t("Personal data"), lambda r: _t("Yes") if r.personal_data else _t("No")),
            Column(_t("Clerk"), lambda r: r.clerk),
            Column(_t("File"), lambda r: r.target or ""),
        )


class ExportDialog(FormDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Export…"))
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export members or ledger"))
        intro = QLabel(self.tr("The file is CSV (UTF-8), for a spreadsheet or another system. Each export is "
                               "recorded with your name, and personal data leaves the database only when you "
                               "include it."))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.members = QRadioButton(self.tr("&Members"))
        self.members.setObjectName("membersChoice")
        self.ledger = QRadioButton(self.tr("&Ledger entries"))
        self.ledger.setObjectName("ledgerChoice")
        self.members.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.members)
        group.addButton(self.ledger)
        what = QHBoxLayout()
        what.addWidget(self.members)
        what.addWidget(self.ledger)
        what.addStretch(1)
        end = session.desk.business_date
        self.start = day_edit(end.replace(day=1), "fromInput")
        self.end = day_edit(end, "toInput")
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        period.addStretch(1)
        self.in_period = QCheckBox(self.tr("Only members enrolled in the period"))
        self.in_period.setObjectName("inPeriodCheck")
        self.personal = QCheckBox(self.tr("Include personal data (names, e-mail, phone, address, birth date)"))
        self.personal.setObjectName("personalCheck")
        self.personal.setEnabled(session.may("export_personal_data"))
        period_label = QLabel(self.tr("&Period"))
        period_label.setBuddy(self.start)
        form.addRow(self.tr("Export"), what)
        form.addRow(period_label, period)
        form.addRow("", self.in_period)
        form.addRow("", self.personal)
        self.result_label = QLabel()
        self.result_label.setObjectName("exportResult")
        self.result_label.setWordWrap(True)
        log_title = QLabel(self.tr("Recent exports"))
        self.log_model = ExportLogModel(self)
        self.log = make_table(self.log_model, "exportLog", stretch_column=6)
        self.log.setMinimumHeight(160)
        self.finish_layout(intro, form_widget, self.result_label, log_title, self.log)
        self.members.toggled.connect(lambda on: self.in_period.setEnabled(on))
        self.first_field = self.members
        self.setMinimumWidth(760)
        self.reload_log()

    def reload_log(self) -> None:
        if self.session.may("report_day"):
            self.worker.submit(exports.recent_exports, self.session.db, self.session.desk, owner=self,
                               on_done=self.log_model.set_rows, on_failed=lambda _e: None)

    def on_confirm(self) -> None:
        ledger = self.ledger.isChecked()
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        stem = "ledger" if ledger else "members"
        name = f"{stem}-{start:%Y%m%d}-{end:%Y%m%d}.csv" if ledger or self.in_period.isChecked() \
            else f"{stem}-{self.session.desk.business_date:%Y%m%d}.csv"
        path = ask_save_path(self, self.tr("Export to"), name, "csv")
        if path is None:
            return
        s, personal = self.session, self.personal.isChecked()
        if ledger:
            self.run(exports.export_ledger, s.db, s.desk, path, start, end, personal=personal, on_done=self.on_saved)
        else:
            limit = self.in_period.isChecked()
            self.run(exports.export_members, s.db, s.desk, path, personal=personal,
                     enrolled_from=start if limit else None, enrolled_to=end if limit else None,
                     on_done=self.on_saved)

    def on_saved(self, result: exports.ExportResult) -> None:
        self.result_label.setText(self.tr("%1 rows written to %2.").replace("%1", fmt.points(result.rows))
                                  .replace("%2", str(result.path)))
        self.reload_log()

