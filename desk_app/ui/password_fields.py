"""A new password typed twice, as every form that sets one asks for it
(new clerk, reset, change): the two must match before the service is
called, so a typo never becomes a password nobody knows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit

_CTX = "PasswordFields"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def password_input(name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(256)
    if placeholder:
        field.setPlaceholderText(placeholder)
    return field


class NewPassword:
    """The two fields, added to a form, and the check that they agree."""

    def __init__(self, form: QFormLayout, label: str | None = None):
        self.first = password_input("passwordInput", _t("at least 8 characters"))
        self.again = password_input("confirmInput")
        form.addRow(label or _t("&Password"), self.first)
        form.addRow(_t("&Confirm password"), self.again)

    def text(self) -> str:
        return self.first.text()

    def matches(self, dialog) -> bool:
        """False (with the sentence shown and the second field emptied) when
        the two differ."""
        if self.first.text() == self.again.text():
            return True
        dialog.error.show_message(_t("The two passwords are not the same. Type them again."))
        self.again.clear()
        self.again.setFocus()
        return False

    def clear(self) -> None:
        self.first.clear()
        self.again.clear()


