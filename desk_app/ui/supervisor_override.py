"""A supervisor's approval on the spot.

Some actions are the office's (a reversal). When a clerk at the desk needs
one, a supervisor walks over and signs in right there, in this dialog,
without the clerk signing out: the service hands back the same desk acting
as supervisor with the clerk kept and the supervisor recorded as approver
(clerks.supervisor_override), used for that one action and dropped.
Wrong passwords count toward the supervisor's lock-out as at sign-in."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ..services import clerks
from .base_dialog import FormDialog
from .session import DeskSession


class SupervisorOverrideDialog(FormDialog):
    """sig_done(Desk): the desk acting with the supervisor's approval."""

    def __init__(self, session: DeskSession, what: str, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Approve"))
        self.setObjectName("supervisorOverrideDialog")
        self.setWindowTitle(self.tr("Supervisor approval"))
        clerk = session.clerk
        heading = QLabel(self.tr("%1 needs a supervisor. A supervisor signs in here to approve it; "
                                 "the entry records %2 and the supervisor.")
                         .replace("%1", what).replace("%2", clerk.name if clerk else ""))
        heading.setObjectName("overrideHeading")
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        self.login = QLineEdit()
        self.login.setObjectName("supervisorLoginInput")
        self.login.setMaxLength(32)
        self.password = QLineEdit()
        self.password.setObjectName("supervisorPasswordInput")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Supervisor &ID"), self.login)
        form.addRow(self.tr("&Password"), self.password)
        self.finish_layout(heading, form_widget)
        self.first_field = self.login
        self.setMinimumWidth(440)

    def on_confirm(self) -> None:
        self.run(clerks.supervisor_override, self.session.db, self.session.desk, self.login.text().strip(),
                 self.password.text(), on_done=lambda _desk: self.accept())

    def on_refused(self, exc: BaseException) -> None:
        super().on_refused(exc)
        self.password.clear()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)


def with_approval(parent: QWidget, session: DeskSession, action: str, what: str,
                  go: Callable[[object], None]) -> SupervisorOverrideDialog | None:
    """Run go(desk) with a desk allowed to do `action`: the session's own desk
    when its role may, else the desk a supervisor approves in the override
    dialog (returned, for tests and screenshots; None when not needed)."""
    if session.desk.may(action):
        go(session.desk)
        return None
    dialog = SupervisorOverrideDialog(session, what, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.sig_done.connect(go)
    dialog.open()
    return dialog
