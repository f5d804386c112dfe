"""Office > Import members: a CSV file from the system the hotel used
before, checked row by row by the desk's rules and written all at once
(services/importing.py, the same function as `desk-admin import-members`).
The work runs on the desk's worker thread with a progress bar; Cancel
stops it with nothing written; a refused file lists its first bad rows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from ...services import importing
from .. import formatting as fmt, messages
from .common import Progress, run_cancel_close


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def ask_open_path(parent: QWidget | None, title: str) -> Path | None:
    """The system's open dialog for a CSV file; None when the clerk
    cancels. Tests replace this."""
    name, _ = QFileDialog.getOpenFileName(parent, title, "", _t("CSV files (*.csv)"))
    return Path(name) if name else None


class ImportMembersDialog(QDialog):
    sig_done = Signal(object)       # the ImportResult
    sig_stopped = Signal(str)       # the sentence shown when refused, cancelled or failed

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.worker = session.worker
        self.progress: Progress | None = None
        self.running = False
        self.result: importing.ImportResult | None = None
        self.setObjectName("importMembersDialog")
        self.setWindowTitle(self.tr("Import members"))
        intro = QLabel(self.tr("Members from the hotel's previous system, as a UTF-8 CSV file with a header row. "
                               "Every row is checked by the desk's rules; one bad row and nothing is imported."))
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importFile")
        self.path_edit.setPlaceholderText(self.tr("The CSV file"))
        self.first_field = self.path_edit
        choose = QPushButton(self.tr("C&hoose…"))
        choose.setObjectName("chooseFileButton")
        choose.clicked.connect(self.choose)
        file_row = QHBoxLayout()
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        file_row.addWidget(file_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(choose)
        self.dry_run = QCheckBox(self.tr("Only &check the file (write nothing)"))
        self.dry_run.setObjectName("dryRunCheck")
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.state = QLabel()
        self.state.setObjectName("importState")
        self.state.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(self.tr("Rows that break a rule are listed here."))
        run_cancel_close(self, self.tr("&Import"), self.tr("Ca&ncel import"), "cancelImportButton",
                         self.tr("Stops the import; nothing is written"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.dry_run)
        layout.addWidget(self.bar)
        layout.addWidget(self.state)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.resize(720, 460)

    def choose(self) -> None:
        path = ask_open_path(self, self.tr("Import members from"))
        if path is not None:
            self.path_edit.setText(str(path))

    def start(self) -> None:
        if self.running:
            return
        text = self.path_edit.text().strip()
        if not text:
            self.error.show_message(self.tr("Choose the CSV file to import."))
            self.path_edit.setFocus()
            return
        self.running = True
        self.result = None
        self.error.clear_message()
        self.problems.clear()
        self.state.setText(self.tr("Reading the file…"))
        self.bar.setRange(0, 0)
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress = p = Progress(self)
        p.sig_progress.connect(self.on_progress)
        self.worker.submit(importing.import_members, self.session.db, self.session.desk, Path(text),
                           dry_run=self.dry_run.isChecked(), progress=lambda d, t: p.report("import", d, t),
                           cancelled=p.cancelled, owner=self, on_done=self.on_done, on_failed=self.on_failed)

    def cancel(self) -> None:
        if self.progress is not None and self.running:
            self.progress.cancel()
            self.cancel_button.setEnabled(False)
            self.state.setText(self.tr("Stopping…"))

    def on_progress(self, _step: str, done: int, total: int) -> None:
        if not self.running:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        if not self.progress.cancelled():
            self.state.setText(self.tr("%1 of %2 rows checked").replace("%1", fmt.points(done))
                               .replace("%2", fmt.points(total)))

    def _finished(self) -> None:
        self.running = False
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.start_button.setEnabled(True)

    def on_done(self, result: importing.ImportResult) -> None:
        self._finished()
        self.result = result
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        figures = (self.tr("%1 members, %2 point lots, %3 stay credits").replace("%1", fmt.points(result.imported))
                   .replace("%2", fmt.points(result.lots)).replace("%3", fmt.points(result.credits)))
        if result.dry_run:
            self.state.setText(self.tr("The file passes every check: %1. Nothing was written yet.")
                               .replace("%1", figures))
        else:
            self.state.setText(self.tr("Imported: %1.").replace("%1", figures))
        self.sig_done.emit(result)

    def on_failed(self, exc: BaseException) -> None:
        from ..base_dialog import count_refusal

        self._finished()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        if isinstance(exc, importing.ImportCancelled):
            sentence = self.tr("Cancelled: nothing was imported.")
            self.state.setText(sentence)
        else:
            count_refusal(self.session, self.worker, "import_members", exc)
            sentence = messages.describe(exc)
            self.state.clear()
            self.error.show_message(sentence)
            for row in getattr(exc, "problems", ()):
                where = self.tr("Line %1").replace("%1", str(row.line))
                if row.column:
                    where += f", {row.column}"
                self.problems.appendPlainText(f"{where}: {row.message}")
        self.sig_stopped.emit(sentence)

    def reject(self) -> None:
        if self.running:  # stop first; the dialog closes once nothing is running
            self.cancel()
            return
        super().reject()
