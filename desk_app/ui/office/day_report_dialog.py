"""Office > Day report / Shift report: a hotel's business day or one
clerk's shift on screen, printed, or saved as PDF and CSV."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTextBrowser, QVBoxLayout, QWidget)

from ...services import clerks, report_files, reports
from .. import messages, printing
from ..widgets import ErrorLabel
from . import report_document
from .common import ask_save_path, day_edit, from_qdate, property_combo


class DayReportDialog(QDialog):
    sig_done = Signal(object)       # the report shown (tests wait on it)
    sig_saved = Signal(object)      # the file written

    def __init__(self, session, parent: QWidget | None = None, *, shift: bool = False):
        super().__init__(parent)
        self.session = session
        self.worker = session.worker
        self.report: reports.ShiftReport | None = None
        self.busy = False
        self.setObjectName("dayReportDialog")
        self.setWindowTitle(self.tr("Shift and day reports"))

        self.kind = QComboBox()
        self.kind.setObjectName("reportKindInput")
        self.kind.addItem(self.tr("Day report"), "day")
        self.kind.addItem(self.tr("Shift report"), "shift")
        self.kind.setCurrentIndex(1 if shift or not session.may("report_day") else 0)
        self.day = day_edit(session.desk.business_date, "reportDateInput")
        self.property = property_combo(session.program, session.property_code, everyone=True,
                                       name="reportPropertyInput")
        self.clerk = QComboBox()
        self.clerk.setObjectName("reportClerkInput")
        self.clerk.setEditable(True)
        self.clerk.setMinimumContentsLength(12)
        me = session.clerk.login if session.clerk else ""
        self.clerk.addItem(me, me)
        self.terminal = QLineEdit()
        self.terminal.setObjectName("reportTerminalInput")
        self.terminal.setPlaceholderText(self.tr("any"))
        self.terminal.setFixedWidth(100)
        self.property.setMaximumWidth(280)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("showButton")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)

        controls = QHBoxLayout()
        self.clerk_label = QLabel(self.tr("C&lerk"))
        self.clerk_label.setBuddy(self.clerk)
        self.terminal_label = QLabel(self.tr("&Terminal"))
        self.terminal_label.setBuddy(self.terminal)
        for label, widget in ((self.tr("&Report"), self.kind), (self.tr("Business &date"), self.day),
                              (self.tr("&Hotel"), self.property)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            controls.addWidget(lab)
            controls.addWidget(widget)
        controls.addWidget(self.clerk_label)
        controls.addWidget(self.clerk)
        controls.addWidget(self.terminal_label)
        controls.addWidget(self.terminal)
        controls.addStretch(1)
        controls.addWidget(self.show_button)

        self.view = QTextBrowser()
        self.view.setObjectName("reportView")
        self.view.setFont(printing.slip_font(10))
        self.error = ErrorLabel(self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printButton")
        self.pdf_button = self.buttons.addButton(self.tr("Save P&DF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("pdfButton")
        self.csv_button = self.buttons.addButton(self.tr("Save &CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.csv_button.setObjectName("csvButton")
        self.print_button.clicked.connect(self.on_print)
        self.pdf_button.clicked.connect(self.on_pdf)
        self.csv_button.clicked.connect(self.on_csv)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(980, 760)
        if session.may("report_shift_other"):
            self.worker.submit(clerks.list_clerks, session.db, session.desk, owner=self,
                               on_done=self._clerks_loaded, on_failed=lambda _e: None)
        else:  # a clerk's own shift, nothing else
            for w in (self.kind, self.clerk, self.property):
                w.setEnabled(False)
        self.load()

    def _kind_changed(self, *_args) -> None:
        shift = self.kind.currentData() == "shift"
        for w in (self.clerk, self.clerk_label, self.terminal, self.terminal_label):
            w.setVisible(shift)
        if shift and self.property.currentData() is None:
            self.property.setCurrentIndex(max(0, self.property.findData(self.session.property_code)))

    def _clerks_loaded(self, rows) -> None:
        current = self.clerk.currentText()
        self.clerk.clear()
        for c in rows:
            self.clerk.addItem(f"{c.login}", c.login)
        self.clerk.setCurrentText(current)

    # -- loading ----------------------------------------------------------------
    def load(self) -> None:
        if self.busy:
            return
        self.error.clear_message()
        self._set_busy(True)
        s, day, prop = self.session, from_qdate(self.day.date()), self.property.currentData()
        if self.kind.currentData() == "shift":
            self.worker.submit(reports.shift_report, s.db, s.desk, day, self.clerk.currentText().strip() or None,
                               self.terminal.text().strip() or None, prop or s.property_code, owner=self,
                               on_done=self.on_loaded, on_failed=self.on_failed)
        else:
            self.worker.submit(reports.day_report, s.db, s.desk, day, prop, all_properties=prop is None,
                               owner=self, on_done=self.on_loaded, on_failed=self.on_failed)

    def on_loaded(self, report: reports.ShiftReport) -> None:
        self.report = report
        self._set_busy(False)
        self.view.setHtml(report_document.report_html(report, self.session.program))
        self.setWindowTitle(report_document.title(report, self.session.program))
        self.sig_done.emit(report)

    def on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error.show_message(messages.describe(exc))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.show_button.setEnabled(not busy)
        for b in (self.print_button, self.pdf_button, self.csv_button):
            b.setEnabled(not busy and self.report is not None)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    # -- printing and saving -------------------------------------------------------
    def _file_stem(self) -> str:
        r = self.report
        who = r.clerk if r.kind == "shift" else (r.property_code or "all")
        return f"{r.kind}-report-{r.business_date:%Y%m%d}-{who}"

    def on_print(self) -> None:
        if self.report is None:
            return
        title = report_document.title(self.report, self.session.program)
        printer = printing.ask_printer(self, report_document.A4.size(QPageSize.Unit.Millimeter), title)
        if printer is not None:
            report_document.print_to(printer, self.report, self.session.program)

    def on_pdf(self) -> None:
        if self.report is None:
            return
        path = ask_save_path(self, self.tr("Save the report as PDF"), f"{self._file_stem()}.pdf", "pdf")
        if path is None:
            return
        try:
            report_document.save_pdf(path, self.report, self.session.program)
        except Exception as exc:  # noqa: BLE001 - shown as a sentence, never a traceback
            self.on_failed(exc)
            return
        self.sig_saved.emit(path)

    def on_csv(self) -> None:
        if self.report is None:
            return
        path = ask_save_path(self, self.tr("Save the report as CSV"), f"{self._file_stem()}.csv", "csv")
        if path is None:
            return
        self.worker.submit(report_files.write_csv, path, report_files.report_tables(self.report), owner=self,
                           on_done=self.sig_saved.emit, on_failed=self.on_failed)
