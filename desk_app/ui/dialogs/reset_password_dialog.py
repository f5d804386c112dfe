"""Supervisor: a new password for a clerk who forgot theirs (it also lifts
a lock-out). The clerk can change it to their own afterwards."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from ...services import clerks
from ..password_fields import NewPassword
from .clerk_pick_dialog import ClerkPickDialog


class ResetPasswordDialog(ClerkPickDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Set password"))
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.passwords = NewPassword(form, self.tr("&New password"))
        self.finish_pick(self.tr("Choose the clerk, then type their new password twice. Tell it to them in "
                                 "person; they can change it under Desk ▸ Change password."), form_widget)
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset a clerk's password"))

    def preferred(self, rows) -> int:
        own = self.session.clerk.login if self.session.clerk else None
        return next((i for i, c in enumerate(rows) if c.login != own and c.active), 0)

    def on_confirm(self) -> None:
        login = self.chosen()
        if login is None or not self.passwords.matches(self):
            return
        self.run(clerks.reset_password, self.session.db, self.session.desk, login, self.passwords.text(),
                 on_done=lambda _c: self.accept())
