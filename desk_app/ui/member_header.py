"""The header every member dialog opens with: the member's name and number,
large, so the clerk sees whose points are about to move before anything
is typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from . import formatting as fmt
from .i18n import program_text
from .widgets import TIER_COLOURS, Badge


class MemberHeader(QFrame):
    def __init__(self, member, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("memberHeader")
        self.setStyleSheet("#memberHeader { background: #f3f6fb; border: 1px solid #c9d6ea; border-radius: 6px; }")
        self.name = QLabel(fmt.full_name(member))
        self.name.setObjectName("memberHeaderName")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.name.setFont(big)
        self.number = QLabel(member.member_number)
        self.number.setObjectName("memberHeaderNumber")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.4)
        mono.setBold(True)
        self.number.setFont(mono)
        for label in (self.name, self.number):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        kana = fmt.kana_name(member)
        self.kana = QLabel(kana)
        self.kana.setObjectName("memberHeaderKana")
        self.kana.setStyleSheet("color: #4a5568;")
        self.kana.setVisible(bool(kana))
        tier = Badge()
        tier.setObjectName("memberHeaderTier")
        tier.set_colours(*TIER_COLOURS.get(member.tier, TIER_COLOURS["basic"]))
        tier.setText(program_text(member.tier_name))

        # The balance as it stands now: refreshed after every action in the dialog.
        self.balance = QLabel()
        self.balance.setObjectName("memberHeaderBalance")
        self.balance.setStyleSheet("font-weight: 600;")
        self.set_balance(getattr(member, "points_balance", None))

        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.name)
        left.addWidget(self.kana)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addWidget(tier, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addSpacing(12)
        row.addWidget(self.balance, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addSpacing(12)
        row.addWidget(self.number, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_balance(self, points: int | None) -> None:
        self.balance.setText(self.tr("%1 points").replace("%1", fmt.points(points)) if points is not None else "")
        self.balance.setVisible(points is not None)
