"""Supervisor: close a membership, every point cancelled for good —
a withdrawal (by the member, or by family on death), or the office's
revocation (disqualification, or inactivity for 36 months), which always
records why and refuses a later registration with the same e-mail unless a
supervisor re-admits it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...services import office
from .. import formatting as fmt
from ..base_dialog import FormDialog


class WithdrawDialog(FormDialog):
    def __init__(self, session, member, parent: QWidget | None = None, *, revoke: bool = False):
        super().__init__(session, parent, ok_text=self.tr("Re&voke membership") if revoke
                         else self.tr("&Close membership"))
        self.revoke = revoke
        self.setObjectName("revokeDialog" if revoke else "withdrawDialog")
        self.member = member
        self.add_member_header(member)
        who = f"{member.member_number} {fmt.full_name(member)}"
        self.setWindowTitle((self.tr("Revoke membership — %1") if revoke else self.tr("Close membership — %1"))
                            .replace("%1", who))
        text = (self.tr("The office revokes the membership (disqualification, or no stay and no points for 36 "
                        "months): all %1 points are cancelled, and a new registration with this e-mail is "
                        "refused unless a supervisor re-admits it. This cannot be undone.") if revoke else
                self.tr("The membership closes and all %1 points are cancelled. This cannot be undone."))
        intro = QLabel(text.replace("%1", fmt.points(member.points_balance)))
        intro.setWordWrap(True)
        intro.setStyleSheet("font-weight: 600; color: #9b1c1c;")
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonInput")
        self.reason.setMaxLength(500)
        if revoke:
            self.reason.setPlaceholderText(self.tr("why, for the record (required)"))
        self.sure = QCheckBox(self.tr("I understand the points cannot be given back"))
        self.sure.setObjectName("sureCheck")
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow("", self.sure)
        self.finish_layout(intro, form_widget)
        self.first_field = self.reason
        self.setMinimumWidth(520)

    def on_confirm(self) -> None:
        if self.revoke and not self.reason.text().strip():
            self.error.show_message(self.tr("Write the reason for the revocation: it is kept with the membership."))
            self.reason.setFocus()
            return
        if not self.sure.isChecked():
            self.error.show_message(self.tr("Tick the box to confirm that the points will be cancelled."))
            self.sure.setFocus()
            return
        if self.revoke:
            self.run(office.revoke, self.session.db, self.session.desk, self.member.member_number,
                     self.reason.text(), on_done=lambda _v: self.accept())
        else:
            self.run(office.withdraw, self.session.db, self.session.desk, self.member.member_number,
                     self.reason.text(), "withdrawn", on_done=lambda _v: self.accept())
