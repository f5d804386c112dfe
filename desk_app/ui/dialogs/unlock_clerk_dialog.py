"""Supervisor: unlock a clerk before the 15-minute lock-out lifts by itself."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...services import clerks
from .clerk_pick_dialog import ClerkPickDialog


class UnlockClerkDialog(ClerkPickDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Unlock"))
        self.finish_pick(self.tr("Five wrong passwords lock an account for 15 minutes. Choose the clerk to "
                                 "unlock now."))
        self.setObjectName("unlockClerkDialog")
        self.setWindowTitle(self.tr("Unlock a clerk"))

    def preferred(self, rows) -> int:
        return next((i for i, c in enumerate(rows) if c.locked), 0)

    def on_confirm(self) -> None:
        login = self.chosen()
        if login is not None:
            self.run(clerks.unlock, self.session.db, self.session.desk, login, on_done=lambda _c: self.reload(login))
