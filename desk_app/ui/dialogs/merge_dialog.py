"""Supervisor: merge a duplicate membership into the one on the page."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ...services import office
from .. import formatting as fmt
from ..base_dialog import FormDialog


class MergeDialog(FormDialog):
    def __init__(self, session, member, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Merge"))
        self.setObjectName("mergeDialog")
        self.member = member
        self.add_member_header(member)
        self.setWindowTitle(self.tr("Merge memberships"))
        intro = QLabel(self.tr("Keeps %1 (%2). The duplicate's points (with their own expiry dates), nights and "
                               "history move here; the duplicate number is closed for good.")
                       .replace("%1", member.member_number).replace("%2", fmt.full_name(member)))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.keep = QLabel(f"{member.member_number}  {fmt.full_name(member)}")
        self.keep.setObjectName("keepLabel")
        self.drop = QLineEdit()
        self.drop.setObjectName("dropInput")
        self.drop.setMaxLength(20)
        self.drop.setPlaceholderText(self.tr("member number of the duplicate"))
        form.addRow(self.tr("Keep"), self.keep)
        form.addRow(self.tr("&Close and merge in"), self.drop)
        self.finish_layout(intro, form_widget)
        self.first_field = self.drop
        self.setMinimumWidth(520)

    def on_confirm(self) -> None:
        self.run(office.merge, self.session.db, self.session.desk, self.member.member_number, self.drop.text().strip(),
                 on_done=lambda _v: self.accept())
