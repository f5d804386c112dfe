"""Supervisor: the clerk accounts in a table, one chosen for an action
(unlock, reset the password, deactivate). Each action is its own dialog
built on this one."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...services import clerks
from ..base_dialog import FormDialog
from ..models import ClerkModel
from ..widgets import make_table


class ClerkPickDialog(FormDialog):
    def __init__(self, session, parent: QWidget | None, *, ok_text: str):
        super().__init__(session, parent, ok_text=ok_text)
        self.model = ClerkModel(self)
        self.table = make_table(self.model, "clerksView", stretch_column=1)
        self.table.setMinimumHeight(180)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the fields below it
        self.first_field = self.table
        self.setMinimumWidth(560)

    def finish_pick(self, intro: str, *below: QWidget) -> None:
        """The sentence above the table, the action's own fields below it."""
        text = QLabel(intro)
        text.setWordWrap(True)
        self.finish_layout(text, self.table, *below)
        self.reload()

    def preferred(self, rows) -> int:
        """The row chosen when the list arrives (each action knows best)."""
        return 0

    def reload(self, select: str | None = None) -> None:
        self.worker.submit(clerks.list_clerks, self.session.db, self.session.desk, owner=self,
                           on_done=lambda rows: self.on_loaded(rows, select), on_failed=self.on_refused)

    def on_loaded(self, rows, select: str | None) -> None:
        self.model.set_rows(rows)
        logins = [c.login for c in rows]
        if rows:
            self.table.selectRow(logins.index(select) if select in logins else self.preferred(rows))

    def chosen(self) -> str | None:
        row = self.table.currentIndex().row()
        return self.model.row(row).login if row >= 0 else None
