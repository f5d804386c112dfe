"""Supervisor, Office > Restore from backup: replace the database with a
checked backup. The current database is saved aside first; everyone signs
in again afterwards (the clerk accounts are the backup's)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...services import backups
from .. import formatting as fmt
from ..base_dialog import FormDialog
from ..widgets import NoticeLabel


def ask_backup_file(parent: QWidget, folder: str) -> str:
    """The system's open dialog; tests replace this."""
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("RestoreDialog", "Choose the backup"), folder,
        QCoreApplication.translate("RestoreDialog", "Database backup (*.sqlite3 *.db);;All files (*)"))
    return path


def newest_backup() -> str:
    found = sorted(backups.backups_dir().glob("*.sqlite3"), key=lambda p: p.stat().st_mtime)
    return str(found[-1]) if found else ""


class RestoreDialog(FormDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Restore"))
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore the database from a backup"))
        intro = QLabel(self.tr("The whole database is replaced by the backup: everything recorded after "
                               "the backup was made is gone from it. The current database is saved aside "
                               "first, and a backup that fails its checks is refused. Afterwards everyone "
                               "signs in again."))
        intro.setWordWrap(True)
        intro.setStyleSheet("font-weight: 600; color: #9b1c1c;")
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(newest_backup())
        self.path.setObjectName("restorePathInput")
        self.browse = QPushButton(self.tr("Bro&wse…"))
        self.browse.setObjectName("browseButton")
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self.on_browse)
        label = QLabel(self.tr("&Backup"))
        label.setBuddy(self.path)
        h.addWidget(label)
        h.addWidget(self.path, 1)
        h.addWidget(self.browse)
        self.sure = QCheckBox(self.tr("I understand that what was recorded after this backup is lost"))
        self.sure.setObjectName("sureCheck")
        self.result = NoticeLabel(kind="ok")
        self.result.setObjectName("restoreResult")
        self.result.hide()
        self.finish_layout(intro, row, self.sure, self.result)
        self.first_field = self.path
        self.setMinimumWidth(640)

    def on_browse(self) -> None:
        chosen = ask_backup_file(self, str(backups.backups_dir()))
        if chosen:
            self.path.setText(chosen)

    def on_confirm(self) -> None:
        if self.outcome is not None:
            self.accept()
            return
        if not self.path.text().strip():
            self.error.show_message(self.tr("Choose the backup file to restore."))
            return
        if not self.sure.isChecked():
            self.error.show_message(self.tr("Tick the box to confirm that later records will be lost."))
            self.sure.setFocus()
            return
        self.run(backups.restore, self.session.db, self.session.desk, self.path.text().strip(),
                 on_done=self.on_restored)

    def on_restored(self, r) -> None:
        self.result.setText(self.tr("Restored from %1 (%2 ledger entries; chain head %3).\nThe previous "
                                    "database is kept as %4.")
                            .replace("%1", str(r.restored)).replace("%2", fmt.points(r.entries))
                            .replace("%3", r.head).replace("%4", str(r.saved_previous_as)))
        self.result.show()
        self.path.setReadOnly(True)
        self.browse.setEnabled(False)
        self.sure.setEnabled(False)
        self.ok_button.setText(self.tr("Sign in again"))
