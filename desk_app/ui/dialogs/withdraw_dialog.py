"""Supervisor: close a membership (withdrawal or revocation); every point
is cancelled for good."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...services import office
from .. import formatting as fmt
from ..base_dialog import FormDialog


class WithdrawDialog(FormDialog):
    def __init__(self, session, member, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Close membership"))
        self.setObjectName("withdrawDialog")
        self.member = member
        self.add_member_header(member)
        self.setWindowTitle(self.tr("Close membership — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        intro = QLabel(self.tr("The membership closes and all %1 points are cancelled. This cannot be undone.")
                       .replace("%1", fmt.points(member.points_balance)))
        intro.setWordWrap(True)
        intro.setStyleSheet("font-weight: 600; color: #9b1c1c;")
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setObjectName("closeKindInput")
        self.kind.addItem(self.tr("Withdrawn (by the member or family)"), "withdrawn")
        self.kind.addItem(self.tr("Revoked (inactive or disqualified)"), "revoked")
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonInput")
        self.reason.setMaxLength(500)
        self.sure = QCheckBox(self.tr("I understand the points cannot be given back"))
        self.sure.setObjectName("sureCheck")
        form.addRow(self.tr("&How"), self.kind)
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow("", self.sure)
        self.finish_layout(intro, form_widget)
        self.first_field = self.kind
        self.setMinimumWidth(520)

    def on_confirm(self) -> None:
        if not self.sure.isChecked():
            self.error.show_message(self.tr("Tick the box to confirm that the points will be cancelled."))
            self.sure.setFocus()
            return
        self.run(office.withdraw, self.session.db, self.session.desk, self.member.member_number, self.reason.text(),
                 self.kind.currentData(), on_done=lambda _v: self.accept())
