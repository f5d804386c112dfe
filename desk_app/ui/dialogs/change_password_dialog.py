"""Desk ▸ Change password: the signed-in clerk's own. The current password
is asked again, since someone else may be at a desk left signed in."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ...services import clerks
from ..base_dialog import FormDialog
from ..password_fields import NewPassword, password_input


class ChangePasswordDialog(FormDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Change password"))
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change your password"))
        intro = QLabel(self.tr("Signed in as %1.").replace("%1", session.clerk.login if session.clerk else ""))
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.current = password_input("currentInput")
        form.addRow(self.tr("C&urrent password"), self.current)
        self.passwords = NewPassword(form, self.tr("&New password"))
        self.finish_layout(intro, form_widget)
        self.first_field = self.current
        self.setMinimumWidth(420)

    def on_confirm(self) -> None:
        if not self.passwords.matches(self):
            return
        self.run(clerks.change_password, self.session.db, self.session.desk, self.current.text(),
                 self.passwords.text(), on_done=lambda _c: self.accept())

    def on_refused(self, exc: BaseException) -> None:
        super().on_refused(exc)
        self.current.clear()
        self.current.setFocus()
