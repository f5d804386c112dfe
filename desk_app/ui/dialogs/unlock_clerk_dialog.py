"""Supervisor: unlock a clerk after too many wrong passwords."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...services import clerks
from ..base_dialog import FormDialog
from ..models import ClerkModel
from ..widgets import make_table


class UnlockClerkDialog(FormDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Unlock"))
        self.setObjectName("unlockClerkDialog")
        self.setWindowTitle(self.tr("Unlock a clerk"))
        intro = QLabel(self.tr("Accounts lock after five wrong passwords. Choose the clerk to unlock."))
        intro.setWordWrap(True)
        self.model = ClerkModel(self)
        self.table = make_table(self.model, "clerksView", stretch_column=1)
        self.table.setMinimumHeight(180)
        self.finish_layout(intro, self.table)
        self.first_field = self.table
        self.setMinimumWidth(520)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.worker.submit(clerks.list_clerks, self.session.db, self.session.desk, owner=self,
                           on_done=lambda rows: self.on_loaded(rows, select))

    def on_loaded(self, rows, select: str | None) -> None:
        self.model.set_rows(rows)
        logins = [c.login for c in rows]
        locked = [i for i, c in enumerate(rows) if c.locked]
        row = logins.index(select) if select in logins else (locked[0] if locked else 0)
        if rows:
            self.table.selectRow(row)

    def on_confirm(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            return
        login = self.model.row(row).login
        self.run(clerks.unlock, self.session.db, self.session.desk, login,
                 on_done=lambda _c: self.reload(login))
