"""Sign in with a clerk ID and password; also the lock screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ..base_dialog import FormDialog
from ..session import DeskSession


class SignInDialog(FormDialog):
    sig_quit = Signal()

    def __init__(self, session: DeskSession, parent: QWidget | None = None, *, lock_mode: bool = False,
                 login: str = ""):
        super().__init__(session, parent, ok_text=self.tr("Sign in"))
        self.setObjectName("signInDialog")
        self.lock_mode = lock_mode
        self.setWindowTitle((self.tr("Desk locked") if lock_mode else self.tr("Sign in")) + " — Harmony Desk")
        heading = QLabel(
            self.tr("The desk is locked. Sign in to continue; another clerk may sign in too.") if lock_mode
            else self.tr("Sign in with your clerk ID and password.") + "\n"
            + self.tr("%1 at %2").replace("%1", session.program.name).replace("%2", session.property_name))
        heading.setWordWrap(True)
        self.login = QLineEdit(login or (session.clerk.login if session.clerk else ""))
        self.login.setObjectName("loginInput")
        self.login.setMaxLength(32)
        self.password = QLineEdit()
        self.password.setObjectName("passwordInput")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Clerk &ID"), self.login)
        form.addRow(self.tr("&Password"), self.password)
        if lock_mode:
            quit_button = self.buttons.addButton(self.tr("Quit the desk"), QDialogButtonBox.ButtonRole.DestructiveRole)
            quit_button.setObjectName("quitButton")
            quit_button.clicked.connect(self.on_quit)
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.finish_layout(heading, form_widget)
        self.setMinimumWidth(420)
        self.first_field = self.password if self.login.text() else self.login

    def on_confirm(self) -> None:
        self.run(self.authenticate, self.login.text().strip(), self.password.text(),
                 on_done=lambda _clerk: self.accept())

    def authenticate(self, login: str, password: str):
        """On the worker, so after the desk's database has been opened there
        (the window may show before it is)."""
        from ...services import clerks

        return clerks.authenticate(self.session.db, login, password)

    def on_refused(self, exc: BaseException) -> None:
        super().on_refused(exc)
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:
        if self.lock_mode:
            return  # Esc does not unlock the desk
        super().reject()

    def on_quit(self) -> None:
        self.lock_mode = False
        self.sig_quit.emit()
        super().reject()
