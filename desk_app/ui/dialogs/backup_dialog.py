"""Supervisor, Office > Back up now: a checked copy of the database, by
default into the backups folder (a USB stick is better: Browse…)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...services import backups
from .. import formatting as fmt
from ..base_dialog import FormDialog
from ..widgets import NoticeLabel


def ask_backup_path(parent: QWidget, suggested: str) -> str:
    """The system's save dialog; tests replace this."""
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("BackupDialog", "Save the backup"), suggested,
        QCoreApplication.translate("BackupDialog", "Database backup (*.sqlite3);;All files (*)"))
    return path


def suggested_path() -> str:
    return str(backups.backups_dir() / f"manual-{datetime.now():%Y%m%d-%H%M%S}.sqlite3")


class BackupDialog(FormDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Back up"))
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back up the database"))
        intro = QLabel(self.tr("A copy of the whole database is made while the desks keep working, then "
                               "checked (SQLite's integrity check and the ledger's chain) before it counts. "
                               "Keep copies away from this computer as well."))
        intro.setWordWrap(True)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(suggested_path())
        self.path.setObjectName("backupPathInput")
        self.browse = QPushButton(self.tr("Bro&wse…"))
        self.browse.setObjectName("browseButton")
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self.on_browse)
        label = QLabel(self.tr("&File"))
        label.setBuddy(self.path)
        h.addWidget(label)
        h.addWidget(self.path, 1)
        h.addWidget(self.browse)
        self.result = NoticeLabel(kind="ok")
        self.result.setObjectName("backupResult")
        self.result.hide()
        self.finish_layout(intro, row, self.result)
        self.first_field = self.path
        self.setMinimumWidth(640)

    def on_browse(self) -> None:
        chosen = ask_backup_path(self, self.path.text())
        if chosen:
            self.path.setText(chosen)

    def on_confirm(self) -> None:
        if self.outcome is not None:
            self.accept()
            return
        if not self.path.text().strip():
            self.error.show_message(self.tr("Name the file the backup goes to."))
            return
        self.run(backups.backup, self.session.db, self.session.desk, self.path.text().strip(),
                 on_done=self.on_backed_up)

    def on_backed_up(self, r) -> None:
        self.result.setText(self.tr("Backup saved and checked: %1\n%2 ledger entries; chain head %3")
                            .replace("%1", str(r.path)).replace("%2", fmt.points(r.entries))
                            .replace("%3", r.head))
        self.result.show()
        self.path.setReadOnly(True)
        self.browse.setEnabled(False)
        self.ok_button.setText(self.tr("Close"))
