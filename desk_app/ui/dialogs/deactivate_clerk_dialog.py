"""Supervisor: a clerk who has left can no longer sign in. The account
stays, so the history still names who did what."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...services import clerks
from .clerk_pick_dialog import ClerkPickDialog


class DeactivateClerkDialog(ClerkPickDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Deactivate"))
        self.finish_pick(self.tr("Choose the clerk who may no longer sign in. Their name stays on everything "
                                 "they did."))
        self.setObjectName("deactivateClerkDialog")
        self.setWindowTitle(self.tr("Deactivate a clerk"))

    def preferred(self, rows) -> int:
        own = self.session.clerk.login if self.session.clerk else None
        return next((i for i, c in enumerate(rows) if c.login != own and c.active), 0)

    def on_confirm(self) -> None:
        login = self.chosen()
        if login is not None:
            self.run(clerks.deactivate, self.session.db, self.session.desk, login,
                     on_done=lambda _c: self.reload(login))
