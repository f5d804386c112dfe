"""Office > Program reports: points issued and redeemed per day and per
hotel, members by tier, points expiring per month for the next 24 months,
enrolments per day. Each as a chart, the same figures as a table, and a
CSV of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from ...services import report_files, reports
from .. import formatting as fmt, messages
from ..i18n import program_text
from ..models import Column, RowsModel
from ..widgets import ErrorLabel, make_table
from .charts import BarChart, Series, chart_data
from .common import ask_save_path, day_edit, from_qdate, property_combo

EXPIRY_MONTHS = 24


def _t(text: str) -> str:
    return QCoreApplication.translate("ProgramReports", text)


@dataclass(frozen=True)
class Figures:
    flow: reports.PointsFlow
    tiers: reports.TierCensus
    expiring: reports.ExpiryOutlook
    enrolments: reports.Enrolments


def load(db, desk, start: date, end: date, property_code: str | None) -> Figures:
    """All four reports for the window, on the worker."""
    return Figures(reports.points_flow(db, desk, start, end, property_code), reports.members_by_tier(db, desk),
                   reports.expiring_by_month(db, desk, EXPIRY_MONTHS),
                   reports.enrolments_by_day(db, desk, start, end, property_code))


def _short_day(d: date) -> str:
    return f"{d:%m/%d}"


def _month(d: date) -> str:
    return f"{d:%Y/%m}"


class PointsModel(RowsModel):
    def columns(self):
        return (Column(_t("Business date"), lambda r: fmt.day(r.day)), Column(_t("Hotel"), lambda r: r.property_code),
                Column(_t("Points issued"), lambda r: fmt.points(r.issued), numeric=True),
                Column(_t("Points redeemed"), lambda r: fmt.points(r.redeemed), numeric=True))


class TierModel(RowsModel):
    def __init__(self, program, parent=None):
        self.program = program
        super().__init__(parent)

    def columns(self):
        return (Column(_t("Tier"), lambda r: program_text(self.program.tiers.level(r.tier).name)),
                Column(_t("Members"), lambda r: fmt.points(r.members), numeric=True))


class ExpiryModel(RowsModel):
    def columns(self):
        return (Column(_t("Month"), lambda r: _month(r.month)),
                Column(_t("Points expiring"), lambda r: fmt.points(r.points), numeric=True),
                Column(_t("Members"), lambda r: fmt.points(r.members), numeric=True))


class EnrolmentModel(RowsModel):
    def columns(self):
        return (Column(_t("Enrolled on"), lambda r: fmt.day(r.day)), Column(_t("Hotel"), lambda r: r.property_code),
                Column(_t("New members"), lambda r: fmt.points(r.members), numeric=True))


class ReportTab(QWidget):
    """Charts above, the table below, and Save CSV."""

    def __init__(self, name: str, charts: list[BarChart], model: RowsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.charts = charts
        self.model = model
        self.table = make_table(model, f"{name}Table")
        self.table.horizontalHeader().setStretchLastSection(False)  # figures next to their labels
        self.total = QLabel()
        self.total.setObjectName(f"{name}Total")
        self.save = QPushButton(_t("Save &CSV…"))
        self.save.setObjectName(f"{name}Csv")
        chart_row = QSplitter(Qt.Orientation.Horizontal)
        for c in charts:
            chart_row.addWidget(c)
        if len(charts) > 1:
            chart_row.setStretchFactor(0, 3)
            chart_row.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(chart_row)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)


class ProgramReportsDialog(QDialog):
    sig_done = Signal(object)        # the figures shown
    sig_saved = Signal(object)       # a CSV written

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.worker = session.worker
        self.figures: Figures | None = None
        self.busy = False
        self.setObjectName("programReportsDialog")
        self.setWindowTitle(self.tr("Program reports"))
        end = session.desk.business_date
        self.start = day_edit(end - timedelta(days=29), "fromInput")
        self.end = day_edit(end, "toInput")
        self.property = property_combo(session.program, None, everyone=True, name="propertyInput")
        self.refresh = QPushButton(self.tr("&Show"))
        self.refresh.setObjectName("showButton")
        self.refresh.setDefault(True)
        self.refresh.clicked.connect(self.load)
        controls = QHBoxLayout()
        for text, widget in ((self.tr("&From"), self.start), (self.tr("&To"), self.end), (self.tr("&Hotel"),
                                                                                          self.property)):
            label = QLabel(text)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.refresh)

        program = session.program
        self.points_day, self.points_hotel = BarChart(), BarChart()
        self.points_day.setObjectName("pointsPerDayChart")
        self.points_hotel.setObjectName("pointsPerHotelChart")
        self.tier_chart, self.expiry_chart, self.enrol_chart = BarChart(), BarChart(), BarChart()
        self.tier_chart.setObjectName("tierChart")
        self.expiry_chart.setObjectName("expiryChart")
        self.enrol_chart.setObjectName("enrolmentChart")
        self.points_tab = ReportTab("points", [self.points_day, self.points_hotel], PointsModel(self))
        self.tier_tab = ReportTab("tiers", [self.tier_chart], TierModel(program, self))
        self.expiry_tab = ReportTab("expiring", [self.expiry_chart], ExpiryModel(self))
        self.enrol_tab = ReportTab("enrolments", [self.enrol_chart], EnrolmentModel(self))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        self.tabs.addTab(self.points_tab, self.tr("Points issued and redeemed"))
        self.tabs.addTab(self.tier_tab, self.tr("Members by tier"))
        self.tabs.addTab(self.expiry_tab, self.tr("Points expiring"))
        self.tabs.addTab(self.enrol_tab, self.tr("Enrolments"))
        for tab, kind in ((self.points_tab, "points"), (self.tier_tab, "tiers"), (self.expiry_tab, "expiring"),
                          (self.enrol_tab, "enrolments")):
            tab.save.clicked.connect(lambda _c=False, k=kind: self.on_csv(k))
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1100, 780)
        self.load()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh.setFocus()

    # -- loading --------------------------------------------------------------------
    def load(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.refresh.setEnabled(False)
        self.error.clear_message()
        s = self.session
        self.worker.submit(load, s.db, s.desk, from_qdate(self.start.date()), from_qdate(self.end.date()),
                           self.property.currentData(), owner=self, on_done=self.on_loaded, on_failed=self.on_failed)

    def on_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.refresh.setEnabled(True)
        self.error.show_message(messages.describe(exc))

    def on_loaded(self, f: Figures) -> None:
        self.busy = False
        self.refresh.setEnabled(True)
        self.figures = f
        program = self.session.program
        scope = self.property.currentText()
        per_day = f.flow.per_day()
        issued_label, redeemed_label = self.tr("Issued"), self.tr("Redeemed")
        self.points_day.set_data(chart_data(
            self.tr("Points issued and redeemed per day — %1").replace("%1", scope),
            [_short_day(d) for d, _i, _r in per_day],
            [Series(issued_label, tuple(i for _d, i, _r in per_day)),
             Series(redeemed_label, tuple(r for _d, _i, r in per_day))],
            self.tr("Business date"), self.tr("Points")))
        per_hotel = f.flow.per_property()
        self.points_hotel.set_data(chart_data(
            self.tr("Per hotel, %1 – %2").replace("%1", fmt.day(f.flow.period.start))
            .replace("%2", fmt.day(f.flow.period.end)),
            [p for p, _i, _r in per_hotel],
            [Series(issued_label, tuple(i for _p, i, _r in per_hotel)),
             Series(redeemed_label, tuple(r for _p, _i, r in per_hotel))],
            self.tr("Hotel"), self.tr("Points")))
        self.points_tab.model.set_rows(f.flow.rows)
        total_i = sum(i for _d, i, _r in per_day)
        total_r = sum(r for _d, _i, r in per_day)
        self.points_tab.total.setText(self.tr("Issued %1 points, redeemed %2 points (net of reversals and voids).")
                                      .replace("%1", fmt.points(total_i)).replace("%2", fmt.points(total_r)))

        names = [program_text(program.tiers.level(r.tier).name) for r in f.tiers.rows]
        self.tier_chart.set_data(chart_data(
            self.tr("Members by tier on %1").replace("%1", fmt.day(f.tiers.on)), names,
            [Series(self.tr("Members"), tuple(r.members for r in f.tiers.rows))], self.tr("Tier"), self.tr("Members")))
        self.tier_tab.model.set_rows(f.tiers.rows)
        self.tier_tab.total.setText(self.tr("%1 open memberships.").replace("%1", fmt.points(f.tiers.total)))

        self.expiry_chart.set_data(chart_data(
            self.tr("Points expiring per month, next %1 months").replace("%1", str(len(f.expiring.rows))),
            [_month(r.month) for r in f.expiring.rows],
            [Series(self.tr("Points expiring"), tuple(r.points for r in f.expiring.rows), None)],
            self.tr("Month of expiry"), self.tr("Points")))
        self.expiry_tab.model.set_rows(f.expiring.rows)
        self.expiry_tab.total.setText(self.tr("%1 points will expire unless used (valid points on %2).")
                                      .replace("%1", fmt.points(f.expiring.total))
                                      .replace("%2", fmt.day(f.expiring.on)))

        per_day_e = f.enrolments.per_day()
        self.enrol_chart.set_data(chart_data(
            self.tr("Enrolments per day — %1").replace("%1", scope), [_short_day(d) for d, _n in per_day_e],
            [Series(self.tr("New members"), tuple(n for _d, n in per_day_e))],
            self.tr("Enrolment date"), self.tr("New members")))
        self.enrol_tab.model.set_rows(f.enrolments.rows)
        self.enrol_tab.total.setText(self.tr("%1 new members.").replace("%1", fmt.points(f.enrolments.total)))
        self.sig_done.emit(f)

    # -- CSV ------------------------------------------------------------------------
    def on_csv(self, kind: str) -> None:
        f = self.figures
        if f is None:
            return
        tables = {"points": report_files.points_flow_table(f.flow), "tiers": report_files.tier_census_table(f.tiers),
                  "expiring": report_files.expiry_table(f.expiring),
                  "enrolments": report_files.enrolments_table(f.enrolments)}
        path = ask_save_path(self, self.tr("Save the figures as CSV"),
                             f"{kind}-{self.session.desk.business_date:%Y%m%d}.csv", "csv")
        if path is None:
            return
        self.worker.submit(report_files.write_csv, path, [tables[kind]], owner=self, on_done=self.sig_saved.emit,
                           on_failed=self.on_failed)
