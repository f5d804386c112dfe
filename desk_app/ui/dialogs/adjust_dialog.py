"""Supervisor: add or take away points, with the reason recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ...services import office
from .. import formatting as fmt
from ..base_dialog import FormDialog
from ..fields import PointsEdit


class AdjustDialog(FormDialog):
    def __init__(self, session, member, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Adjust"))
        self.setObjectName("adjustDialog")
        self.member = member
        self.add_member_header(member)
        self.setWindowTitle(self.tr("Adjust points — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        intro = QLabel(self.tr("Corrects a mistake. A positive number adds points (valid as if earned today); a "
                               "negative number takes points away, oldest first. Balance now: %1 points.")
                       .replace("%1", fmt.points(member.points_balance)))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.points = PointsEdit(minimum=-1_000_000)
        self.points.setObjectName("pointsInput")
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonInput")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("why, for the record"))
        form.addRow(self.tr("&Points (+ or −)"), self.points)
        form.addRow(self.tr("&Reason"), self.reason)
        self.finish_layout(intro, form_widget)
        self.first_field = self.points
        self.setMinimumWidth(520)

    def on_confirm(self) -> None:
        self.run(office.adjust, self.session.db, self.session.desk, self.member.member_number, self.points.value(),
                 self.reason.text(), on_done=lambda _r: self.accept())
