"""The one-line review before points move.

In the money forms Enter only moves to the next field; Ctrl+Enter (or the
form's button) shows what is about to happen in one line — member, points,
nights, yen — and only Enter there posts it (Esc goes back to the form).
The safety costs one key: Ctrl+Enter, Enter instead of Enter."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Review:
    points: int                 # the change to the balance: + credited, − spent
    nights: int | None = None   # nights credited (stays)
    amount: str | None = None   # the money, formatted: ¥55,000 or USD 200
    what: str | None = None     # an award and its quantity
    after: int | None = None    # the balance after, when points are spent


class ReviewBar(QFrame):
    """Shown in place of the form's focus while reviewing; Enter confirms, Esc returns."""

    sig_confirmed = Signal()
    sig_back = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("#reviewBar { background: #fff8e1; border: 2px solid #e0a800; border-radius: 6px; }"
                           "#reviewBar:focus { border-color: #b07d00; }")
        self.line = QLabel()
        self.line.setObjectName("reviewLine")
        self.line.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.line.setFont(font)
        self.hint = QLabel(self.tr("Enter: post it  ·  Esc: back to the form"))
        self.hint.setObjectName("reviewHint")
        self.hint.setStyleSheet("color: #6b5200;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.line)
        layout.addWidget(self.hint)
        self.hide()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.sig_confirmed.emit()
            return
        if key == Qt.Key.Key_Escape:
            event.accept()
            self.sig_back.emit()
            return
        super().keyPressEvent(event)
