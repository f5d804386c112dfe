"""Supervisor: a new clerk, cashier or supervisor account."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from ...services import clerks
from .. import formatting as fmt
from ..base_dialog import FormDialog
from ..password_fields import NewPassword


class NewClerkDialog(FormDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Create account"))
        self.setObjectName("newClerkDialog")
        self.setWindowTitle(self.tr("New clerk account"))
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.login = QLineEdit()
        self.login.setObjectName("loginInput")
        self.login.setMaxLength(32)
        self.name = QLineEdit()
        self.name.setObjectName("nameInput")
        self.role = QComboBox()
        self.role.setObjectName("roleInput")
        for code in ("clerk", "cashier", "supervisor"):
            self.role.addItem(fmt.role_text(code), code)
        form.addRow(self.tr("Clerk &ID"), self.login)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Role"), self.role)
        self.passwords = NewPassword(form)
        self.password, self.confirm = self.passwords.first, self.passwords.again
        self.finish_layout(form_widget)
        self.first_field = self.login
        self.setMinimumWidth(460)

    def on_confirm(self) -> None:
        if not self.passwords.matches(self):
            return
        self.run(clerks.create, self.session.db, self.session.desk, self.login.text().strip(), self.name.text(),
                 self.role.currentData(), self.password.text(), on_done=lambda _c: self.accept())
